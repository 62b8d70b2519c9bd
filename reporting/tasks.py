"""The worker's jobs: each program's due releases (built and audited, one program per task, so a
long audit holds up no other program), then the network's year figures summed from them.

`manage.py make_releases --queue` (daily, from cron) enqueues them; `manage.py make_releases` does
the same work in the foreground.
"""

from django_tasks import task

from .releases import make_network_releases, make_releases


@task()
def release_program_task(code):
    from programs.models import Program

    program = Program.objects.filter(code=code).first()
    if program is None:  # deleted since the task was queued
        return 0
    return len(make_releases([program]))


@task()
def release_network_task():
    """Sums what the programs' tasks stored; a year waits while a program's year is still missing."""
    return len(make_network_releases())


def queue_releases():
    """Enqueue one task per program, then the network's; returns how many tasks were queued."""
    from programs.models import Program

    codes = list(Program.objects.order_by("code").values_list("code", flat=True))
    for code in codes:
        release_program_task.enqueue(code)
    release_network_task.enqueue()
    return len(codes) + 1
