"""The worker's job: build every release that has become due (the same as `manage.py make_releases`)."""

from django_tasks import task

from .releases import make_releases


@task()
def make_releases_task():
    built = make_releases()
    return len(built)
