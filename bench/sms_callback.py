"""How long an inbound SMS callback takes on SQLite: `python bench/sms_callback.py`.

A throwaway SQLite file with the demo survey; survivors complete it by text through the External
channel's callback (Django's test client, in-process), messages interleaved across conversations.
Prints the 50th and 95th percentiles and the slowest callback. The outbound send is not in the
figure: the callback only puts it in the outbox and enqueues it (the worker sends it).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-external-secret-" + "b" * 40


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=40)
    options = parser.parse_args()
    work = tempfile.mkdtemp(prefix="gsn-sms-bench-")
    os.environ.update(DJANGO_SETTINGS_MODULE="gsn_site.settings.test", DATABASE_URL=f"sqlite:///{work}/bench.sqlite3")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings

    from feedback import demo
    from feedback import demo_content as content
    from home import demo as home_demo

    override_settings(
        SMS_CHANNELS={"external": {"secret": SECRET, "send_url": "http://127.0.0.1:9/", "sender": ""}},
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
    ).enable()
    call_command("migrate", interactive=False, verbosity=0)
    home_demo.seed(open(os.devnull, "w"))
    demo._survey()
    demo.demo_program(content.PROGRAMS[0])

    client = Client()
    url = f"/channels/sms/external/{SECRET}/receive/"
    script = ["SAUTI", "6", "1", "2", "1", "12", "4", "1", "1 3", "Walinisaidia sana", "1"]
    timings = []
    for step in script:
        for index in range(options.conversations):
            started = time.perf_counter()
            response = client.post(url, {"from": f"+2547{index:08d}", "text": step})
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"Inbound SMS callback on SQLite, {len(timings)} callbacks ({options.conversations} conversations): "
        f"p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, slowest {timings[-1]:.1f} ms"
    )


if __name__ == "__main__":
    main()
