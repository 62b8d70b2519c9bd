"""`make loadtest`: 50 clients for 60 s against gunicorn + PostgreSQL + Redis on 127.0.0.1, twice.

The second run SIGKILLs one gunicorn worker halfway. Each run prints requests per second, p50/p95/p99,
the 5xx count, every gunicorn worker's peak resident memory (VmHWM from /proc), and checks that every
feedback submission that got a receipt is in the database.
"""

import csv
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from run import environment as production_environment  # bench/run.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
PORT = int(os.environ.get("LOADTEST_PORT", "18012"))
USERS = int(os.environ.get("LOADTEST_USERS", "50"))
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "60"))
DATABASE = "gsn_load"
REDIS_URL = "redis://127.0.0.1:6379/6"

CHECK_RECEIPTS = """
import json, os
from feedback.models import FeedbackResponse
from feedback.receipts import receipt_hash
codes = set(json.load(open(os.environ["LOADTEST_RESULT"]))["receipts"])
stored = FeedbackResponse.objects.filter(receipt_hash__in=[receipt_hash(code) for code in codes]).count()
print(json.dumps({"accepted": len(codes), "found": stored, "responses": FeedbackResponse.objects.count()}))
"""


def environment(work):
    return production_environment(
        work,
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        REDIS_URL=REDIS_URL,
        # gunicorn serves the production settings alone; only the dataset step below needs the bench app.
        DJANGO_SETTINGS_MODULE="gsn_site.settings.production",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        FEEDBACK_SUBMISSIONS_PER_HOUR="100000000",
        GUNICORN_BIND=f"127.0.0.1:{PORT}",
        GUNICORN_MAX_REQUESTS="0",  # keep each worker for the whole run, so its peak memory is its own
    )


def prepare(env):
    subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-q",
            "-c",
            f"DROP DATABASE IF EXISTS {DATABASE}",
            "-c",
            f"CREATE DATABASE {DATABASE}",
        ],
        check=True,
    )
    subprocess.run([sys.executable, "-c", f"import redis; redis.Redis.from_url('{REDIS_URL}').flushdb()"], check=True)
    for arguments in (
        ["migrate", "--noinput"],
        ["collectstatic", "--noinput"],
        ["bench", "--setup-only", "--stories", "10000", "--chapters", "50"],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=ROOT,
            env={**env, "DJANGO_SETTINGS_MODULE": "bench.settings"},
            check=True,
            stdout=subprocess.DEVNULL,
        )


def worker_pids(master):
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def peak_rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except FileNotFoundError:
        return None
    return None


class MemoryWatch(threading.Thread):
    """Samples VmHWM (peak resident set) of every worker the master has, including replacements."""

    def __init__(self, master):
        super().__init__(daemon=True)
        self.master, self.peaks, self.stopped = master, {}, threading.Event()

    def run(self):
        while not self.stopped.wait(0.5):
            for pid in worker_pids(self.master):
                peak = peak_rss_mb(pid)
                if peak:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), peak)


def port_is_free():
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", PORT)) != 0


def wait_until_healthy(master, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if master.poll() is not None:
            raise SystemExit("gunicorn exited before it answered")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not become healthy")


def aggregated(stats_csv):
    with open(stats_csv) as source:
        rows = list(csv.DictReader(source))
    row = next(row for row in rows if row["Name"] == "Aggregated")
    per_name = {r["Name"]: r for r in rows if r["Name"] != "Aggregated"}
    return row, per_name


def run_once(label, env, work, kill_halfway):
    if not port_is_free():
        raise SystemExit(f"127.0.0.1:{PORT} is taken by another program: set LOADTEST_PORT")
    log = open(work / f"gunicorn-{label}.log", "w")
    master = subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "--config", "python:gsn_site.gunicorn_conf"],
        cwd=ROOT,
        env=env,
        stderr=log,
        stdout=log,
    )
    killed = None
    try:
        wait_until_healthy(master)
        watch = MemoryWatch(master.pid)
        watch.start()
        result_file = work / f"locust-{label}.json"
        locust = subprocess.Popen(
            [
                str(VENV_BIN / "locust"),
                "-f",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                "-u",
                str(USERS),
                "-r",
                str(USERS),
                "-t",
                f"{SECONDS}s",
                "--host",
                f"http://127.0.0.1:{PORT}",
                "--csv",
                str(work / label),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env={**env, "LOADTEST_RESULT": str(result_file)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if kill_halfway:
            time.sleep(SECONDS / 2)
            killed = worker_pids(master.pid)[0]
            os.kill(killed, signal.SIGKILL)
        locust.wait(timeout=SECONDS + 120)
        watch.stopped.set()
        watch.join()
    finally:
        master.send_signal(signal.SIGTERM)
        master.wait(timeout=60)
        log.close()

    check = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", CHECK_RECEIPTS],
        cwd=ROOT,
        env={**env, "LOADTEST_RESULT": str(result_file)},
        check=True,
        capture_output=True,
        text=True,
    )
    receipts = json.loads(check.stdout.strip().splitlines()[-1])
    server_errors = json.loads(result_file.read_text())["server_errors"]
    total, per_name = aggregated(work / f"{label}_stats.csv")
    figures = {
        "run": label,
        "clients": USERS,
        "seconds": SECONDS,
        "requests": int(total["Request Count"]),
        "failures": int(total["Failure Count"]),
        "server_errors_5xx": server_errors,
        "requests_per_s": round(float(total["Requests/s"]), 1),
        "p50_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
        "p99_ms": float(total["99%"]),
        "per_endpoint_p50_p95_ms": {name: [float(row["50%"]), float(row["95%"])] for name, row in per_name.items()},
        "worker_peak_rss_mb": {str(pid): round(peak, 1) for pid, peak in sorted(watch.peaks.items())},
        "killed_worker": killed,
        "feedback_accepted": receipts["accepted"],
        "feedback_accepted_found_in_database": receipts["found"],
        "load_average_after": os.getloadavg(),
    }
    print(json.dumps(figures, indent=2), flush=True)
    return figures


def main():
    with tempfile.TemporaryDirectory(prefix="gsn-load-") as folder:
        work = Path(folder)
        env = environment(work)
        if os.environ.get("LOADTEST_REUSE_DATABASE"):
            subprocess.run(
                [sys.executable, "manage.py", "collectstatic", "--noinput"],
                cwd=ROOT,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        else:
            print("Preparing gsn_load (migrate, 10,000 stories, 50 chapters)...", flush=True)
            prepare(env)
        results = [
            run_once("steady", env, work, kill_halfway=False),
            run_once("worker-killed", env, work, kill_halfway=True),
        ]
    lost = [r["run"] for r in results if r["feedback_accepted_found_in_database"] != r["feedback_accepted"]]
    failed = [r["run"] for r in results if r["server_errors_5xx"]]
    if lost or failed:
        print(f"LOAD TEST FAILED: accepted submissions lost in {lost}, 5xx answers in {failed}")
        return 1
    print("Load test passed: no accepted feedback lost, no 5xx.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
