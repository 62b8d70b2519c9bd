"""`make loadtest`: 50 clients for 30 s against gunicorn + PostgreSQL + Redis on 127.0.0.1, twice.

30 readers, each with an address of its own, and 20 survivors sharing one shelter address, all as
the TLS proxy in front of production forwards them (bench/locustfile.py), against the production
settings with their real rate limits. The second run SIGKILLs one gunicorn worker halfway. Each run
prints requests per second, p50/p95/p99, the 5xx count, every gunicorn worker's peak resident memory
(VmHWM from /proc), and the feedback submissions sent, accepted (a receipt shown), turned away and
lost (accepted, yet not in the database afterwards).

It fails (exit status 1, and says why) when a run has fewer than 90% of its submissions accepted,
loses an accepted answer, answers anything with a 5xx, or turns away a shelter client. The dataset
(1,000 stories) is built once and kept in gsn_load: later runs only migrate it. Measured on 2 cores
under a load average of 11 to 17: 2 min 13 s, 3 min 20 s when the static files had to be collected
again, 5 min 50 s when the dataset was built. LOADTEST_SECONDS, LOADTEST_USERS and
LOADTEST_STORIES change the size, LOADTEST_FRESH=1 builds the dataset anew, LOADTEST_REUSE_DATABASE=1
uses it as it is (no migrate).
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

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
PORT = int(os.environ.get("LOADTEST_PORT", "18012"))
USERS = int(os.environ.get("LOADTEST_USERS", "50"))
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "30"))
STORIES = int(os.environ.get("LOADTEST_STORIES", "1000"))
SHELTER_CLIENTS = min(20, USERS // 2)
DATABASE = "gsn_load"
REDIS_URL = "redis://127.0.0.1:6379/6"
# A run fails below this share of its feedback submissions accepted.
MINIMUM_ACCEPTED = 0.9
# The rate limits the production settings would apply: none is loosened for the load test.
RATE_LIMIT_SETTINGS = (
    "FEEDBACK_SUBMISSIONS_PER_TOKEN",
    "FEEDBACK_SUBMISSIONS_PER_HOUR",
    "FEEDBACK_ANOMALY_PER_HOUR",
    "FEEDBACK_WITHDRAWALS_PER_HOUR",
)

# One Django start-up for all runs: which of each run's receipt codes are stored (keyed hashes).
CHECK_RECEIPTS = """
import json, os
from django.conf import settings
from feedback.models import FeedbackResponse
from feedback.receipts import receipt_hash
found = {}
for path in os.environ["LOADTEST_RESULTS"].split(os.pathsep):
    codes = set(json.load(open(path))["receipts"])
    found[path] = FeedbackResponse.objects.filter(receipt_hash__in=[receipt_hash(code) for code in codes]).count()
limits = {name: getattr(settings, name) for name in ["TRUSTED_PROXY_COUNT", "FEEDBACK_SUBMISSIONS_PER_HOUR"]}
print(json.dumps({"found": found, **limits}))
"""


def stored_responses():
    count = subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-d",
            DATABASE,
            "-tAc",
            "SELECT count(*) FROM feedback_feedbackresponse",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(count.stdout)


def environment(work, static_root):
    from run import environment as production_environment  # bench/run.py, beside this script

    env = production_environment(
        work,
        STATIC_ROOT=str(static_root),
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        REDIS_URL=REDIS_URL,
        # gunicorn serves the production settings alone; only the dataset step below needs the bench app.
        DJANGO_SETTINGS_MODULE="gsn_site.settings.production",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # Production sits behind one TLS proxy that appends the client's address to X-Forwarded-For and
        # says X-Forwarded-Proto: https (which the production settings trust). The load client plays
        # that proxy: the rate limits then count each forwarded address, HTTPS is enforced as in
        # production (a request without the header is redirected), and the Secure session cookie that
        # carries the receipt to the thank-you page is one the client may send back. TLS itself is
        # left out, as gunicorn never does it in production.
        TRUSTED_PROXY_COUNT="1",
        SECURE_SSL_REDIRECT="true",
        GUNICORN_BIND=f"127.0.0.1:{PORT}",
        GUNICORN_MAX_REQUESTS="0",  # keep each worker for the whole run, so its peak memory is its own
    )
    for name in RATE_LIMIT_SETTINGS:
        env.pop(name, None)
    return env


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
    manage_steps(
        env,
        [
            ["migrate", "--noinput"],
            ["collectstatic", "--noinput"],
            ["bench", "--setup-only", "--stories", str(STORIES), "--chapters", "10", "--feedback-responses", "0"],
        ],
    )


def manage_steps(env, steps):
    for arguments in steps:
        started = time.monotonic()
        subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=ROOT,
            env={**env, "DJANGO_SETTINGS_MODULE": "bench.settings"},
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"  {arguments[0]}: {time.monotonic() - started:.0f} s", flush=True)


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


def manage_shell(env, script, **extra):
    check = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env={**env, **extra},
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(check.stdout.strip().splitlines()[-1])


def run_once(number, label, env, work, responses_before, kill_halfway):
    started = time.monotonic()
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
    result_file = work / f"locust-{label}.json"
    # Each run has addresses of its own, so that the second does not inherit the first one's counts
    # within the rate limits' hour.
    addresses = {
        "LOADTEST_FIRST_ADDRESS": str(2 + number * (USERS - SHELTER_CLIENTS)),
        "LOADTEST_SHELTER_ADDRESS": f"127.0.0.{250 + number}",
        "LOADTEST_SHELTER_CLIENTS": str(SHELTER_CLIENTS),
        "LOADTEST_STORY_PAGES": str(max(1, STORIES // 12)),
    }
    try:
        wait_until_healthy(master)
        watch = MemoryWatch(master.pid)
        watch.start()
        with open(work / f"locust-{label}.log", "w") as locust_log:
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
                    # Let each client finish the request it is making, so every submission has an outcome.
                    "--stop-timeout",
                    "10",
                    "--host",
                    f"http://127.0.0.1:{PORT}",
                    "--csv",
                    str(work / label),
                    "--only-summary",
                    "--loglevel",
                    "WARNING",
                ],
                cwd=ROOT,
                env={**env, **addresses, "LOADTEST_RESULT": str(result_file)},
                stdout=locust_log,
                stderr=subprocess.STDOUT,
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
    if not result_file.exists():
        raise SystemExit(f"locust wrote no result:\n{(work / f'locust-{label}.log').read_text()[-3000:]}")

    result = json.loads(result_file.read_text())
    total, per_name = aggregated(work / f"{label}_stats.csv")
    groups = result["submissions"]
    figures = {
        "run": label,
        "clients": USERS,
        "shelter_clients_on_one_address": SHELTER_CLIENTS,
        "seconds": SECONDS,
        "requests": int(total["Request Count"]),
        "failures": int(total["Failure Count"]),
        "server_errors_5xx": result["server_errors"],
        "requests_per_s": round(float(total["Requests/s"]), 1),
        "p50_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
        "p99_ms": float(total["99%"]),
        "per_endpoint_p50_p95_ms": {name: [float(row["50%"]), float(row["95%"])] for name, row in per_name.items()},
        "worker_peak_rss_mb": {str(pid): round(peak, 1) for pid, peak in sorted(watch.peaks.items())},
        "killed_worker": killed,
        "feedback_submissions": groups,
        "feedback_sent": sum(group["sent"] for group in groups.values()),
        "feedback_accepted": sum(group["accepted"] for group in groups.values()),
        "feedback_rejected": sum(group["rejected"] + group["rate_limited"] for group in groups.values()),
        "feedback_turned_away_by_status": result["turned_away_by_status"],
        "feedback_unfinished_when_the_run_ended": result["unfinished"],
        "feedback_distinct_receipts": len(result["receipts"]),
        "responses_stored": stored_responses() - responses_before,
        "wall_s": round(time.monotonic() - started),
        "load_average_after": [round(load, 1) for load in os.getloadavg()],
    }
    return figures, result_file


def check_receipts(env, runs):
    """Each run's accepted answers against the database: the ones not found there are lost."""
    check = manage_shell(env, CHECK_RECEIPTS, LOADTEST_RESULTS=os.pathsep.join(str(path) for _, path in runs))
    for figures, path in runs:
        figures["feedback_lost"] = figures["feedback_distinct_receipts"] - check["found"][str(path)]
        figures["trusted_proxy_count"] = check["TRUSTED_PROXY_COUNT"]
        figures["feedback_submissions_per_hour_per_address"] = check["FEEDBACK_SUBMISSIONS_PER_HOUR"]
        print(json.dumps(figures, indent=2), flush=True)


def problems(figures):
    """Why one run fails, in words; an empty list when it passes."""
    found = []
    sent, accepted = figures["feedback_sent"], figures["feedback_accepted"]
    if sent == 0:
        found.append("no feedback submission was sent")
    elif accepted < MINIMUM_ACCEPTED * sent:
        found.append(f"only {accepted} of {sent} feedback submissions were accepted (at least 90% must be)")
    if figures["feedback_lost"]:
        found.append(f"accepted answers missing from the database: {figures['feedback_lost']}")
    if figures["responses_stored"] < figures["feedback_distinct_receipts"]:
        found.append(
            f"{figures['responses_stored']} responses were stored for {figures['feedback_distinct_receipts']} receipts"
        )
    if figures["server_errors_5xx"]:
        found.append(f"5xx answers: {figures['server_errors_5xx']}")
    shelter = figures["feedback_submissions"].get("shelter", {})
    turned_away = shelter.get("rejected", 0) + shelter.get("rate_limited", 0)
    if turned_away:
        found.append(f"submissions from the shelter's one address turned away: {turned_away}")
    return [f"{figures['run']}: {problem}" for problem in found]


def dataset_is_ready(marker):
    """Whether gsn_load holds a complete dataset of this size, built by an earlier run."""
    exists = subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'",
        ],
        capture_output=True,
        text=True,
    )
    return exists.stdout.strip() == "1" and marker.exists() and marker.read_text() == str(STORIES)


def code_fingerprint():
    """The commit, uncommitted changes and installed packages: collected static files follow them."""
    status = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    packages = sorted((VENV_BIN.parent / "lib").glob("python*/site-packages"))
    changes = [f"{path}:{path.stat().st_mtime}" for path in packages]
    for line in status.splitlines():
        path = ROOT / line[3:]
        changes.append(f"{line}:{path.stat().st_mtime if path.exists() else ''}")
    return f"{head.strip()}\n" + "\n".join(changes)


def main():
    if 2 + 2 * (USERS - SHELTER_CLIENTS) > 250:
        raise SystemExit("LOADTEST_USERS is too large for one 127.0.0.x address per reader in each run")
    # Collected static files and the mark of a complete dataset outlive one run: building both takes
    # most of the time, and the next run only needs what changed (migrations; static files when the
    # code or the installed packages changed).
    kept = Path(tempfile.gettempdir()) / "gsn-loadtest"
    kept.mkdir(exist_ok=True)
    marker, static_mark, fingerprint = kept / "dataset", kept / "static-collected-for", code_fingerprint()
    with tempfile.TemporaryDirectory(prefix="gsn-load-") as folder:
        work = Path(folder)
        env = environment(work, static_root=kept / "static")
        started = time.monotonic()
        if os.environ.get("LOADTEST_REUSE_DATABASE") or (
            not os.environ.get("LOADTEST_FRESH") and dataset_is_ready(marker)
        ):
            print(f"Reusing the dataset in {DATABASE} (LOADTEST_FRESH=1 builds it anew)...", flush=True)
            steps = [] if os.environ.get("LOADTEST_REUSE_DATABASE") else [["migrate", "--noinput"]]
            if not (static_mark.exists() and static_mark.read_text() == fingerprint):
                steps.append(["collectstatic", "--noinput"])
            manage_steps(env, steps)
        else:
            print(f"Preparing {DATABASE} (migrate, {STORIES:,} stories, 10 chapters)...", flush=True)
            marker.unlink(missing_ok=True)
            prepare(env)
            marker.write_text(str(STORIES))
        static_mark.write_text(fingerprint)
        # Rate-limit counters, sessions and cached pages start empty, whatever an earlier run left.
        subprocess.run(
            [sys.executable, "-c", f"import redis; redis.Redis.from_url('{REDIS_URL}').flushdb()"], check=True
        )
        print(f"ready in {time.monotonic() - started:.0f} s", flush=True)
        runs = []
        for number, (label, kill_halfway) in enumerate((("steady", False), ("worker-killed", True))):
            runs.append(run_once(number, label, env, work, stored_responses(), kill_halfway))
        check_receipts(env, runs)
        results = [figures for figures, _path in runs]
    failures = [problem for figures in results for problem in problems(figures)]
    if failures:
        print("LOAD TEST FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("Load test passed: at least 90% of submissions accepted, the shelter's all, none lost, no 5xx.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
