"""`make bench`: build the benchmark dataset in throwaway databases and print the figures.

SQLite (a file in a temporary folder, local-memory cache) and PostgreSQL (database gsn_bench on
127.0.0.1, Redis database 5 as cache), each under bench.settings (the production settings plus the
`bench` app), in-process with Django's test client. `--only sqlite` (or `postgresql`) measures on one
database and `--save FILE` keeps the figures; other options go to `manage.py bench`, e.g.
`make bench BENCH_ARGS="--stories 2000"`.
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# The figures of the code before the fragment caches and database-paginated search, for comparison.
BEFORE = ROOT / "bench" / "before.json"
SQLITE = "SQLite + local memory cache"
SQLITE_REDIS = "SQLite + Redis"
POSTGRESQL = "PostgreSQL + Redis"
PG_ADMIN = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q"]


def environment(work, **extra):
    """The production settings plus the `bench` app on this machine, with throwaway secrets; `extra`
    overrides any value."""
    env = dict(os.environ)
    for name in ("DATABASE_URL", "REDIS_URL", "AWS_STORAGE_BUCKET_NAME", "FRONTEND_CACHE_URL"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        SECRET_KEY=secrets.token_urlsafe(64),
        CASE_REF_KEY=secrets.token_urlsafe(48),
        HASH_KEY=secrets.token_urlsafe(48),
        ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(work / "static"),
        MEDIA_ROOT=str(work / "media"),
        LOG_LEVEL="WARNING",
    )
    env.update(extra)
    return env


def manage(env, *arguments, quiet=False):
    subprocess.run(
        [PYTHON, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def run_on(label, env, work, bench_args):
    print(f"\n=== {label}", flush=True)
    manage(env, "migrate", "--noinput", quiet=True)
    manage(env, "collectstatic", "--noinput", quiet=True)
    output = work / f"{label}.json"
    manage(env, "bench", "--json", str(output), *bench_args, quiet=True)
    return json.loads(output.read_text())


def print_table(results, before):
    figures = next(iter(results.values()))
    if "pages" in figures:
        print_pages(results, before)
        print_side_by_side(results)
    print("\nASO import (manage.py import_aso in its own process, start-up included), then summaries:")
    for name, figures in results.items():
        if "aso" not in figures:
            continue
        aso = figures["aso"]
        feedback = figures.get("feedback")
        if feedback:
            print(
                f"\n{name}: dataset built in {figures['setup_s']} s; feedback {feedback['per_second']} submissions/s "
                f"({feedback['stored']}/{feedback['submissions']} stored)"
            )
        report = figures.get("feedback_report")
        if report:
            print(
                f"{name}: a year's feedback counted for a release in {report['feedback_counts_ms']} ms over "
                f"{report['responses_in_period']} responses in the period"
            )
        print(
            f"{name}: {aso['import_rows']} rows CSV {aso['import_s']} s ({aso['import_cpu_s']} s CPU), peak RSS "
            f"{aso['import_peak_rss_mb']} MB; XLSX {aso['import_xlsx_s']} s ({aso['import_xlsx_cpu_s']} s CPU), "
            f"peak RSS {aso['import_xlsx_peak_rss_mb']} MB "
            f"(targets: under 60 s and 300 MB); a year's assessments counted for a release in "
            f"{aso['aso_counts_ms']} ms over {aso['assessments_in_program']} assessments"
        )


def uncached_cell(page):
    if page is None:
        return "-"
    cpu = f" ({page['uncached_cpu_ms']:.1f})" if "uncached_cpu_ms" in page else ""
    return f"{page['uncached_ms']:.1f}{cpu}/{page['uncached_queries']}q"


def print_pages(results, before):
    """Per database: today's figures beside those of bench/before.json (same sizes and machine)."""
    for name, figures in results.items():
        earlier = before.get(name, {}).get("pages", {})
        print(f"\n{name}: median ms (CPU ms) / SQL queries per page; before = {before.get('measured', '-')}")
        print(f"{'page':28}{'before, uncached':>24}{'uncached':>24}{'cached':>18}")
        for label, page in figures["pages"].items():
            cached = (
                f"{page['cached_ms']:.2f}/{page['cached_queries']}q"
                if page["cached_ms"] is not None
                else "never cached"
            )
            print(f"{label:28}{uncached_cell(earlier.get(label)):>24}{uncached_cell(page):>24}{cached:>18}")


def flush_redis(redis_url):
    subprocess.run([PYTHON, "-c", f"import redis; redis.Redis.from_url('{redis_url}').flushdb()"], check=True)


def ratio(page, baseline):
    if page is None or baseline is None or not baseline["uncached_ms"]:
        return "-"
    return f"{page['uncached_ms'] / baseline['uncached_ms']:.2f}x"


def print_side_by_side(results):
    """Each page uncached on every stack measured, and PostgreSQL + Redis as a multiple of each SQLite."""
    stacks = [name for name in (SQLITE, SQLITE_REDIS, POSTGRESQL) if "pages" in results.get(name, {})]
    if len(stacks) < 2:
        return
    print("\nUncached (whole-page cache off, fragment cache warm), median ms (CPU ms) / SQL queries:")
    header = f"{'page':28}" + "".join(f"{name:>30}" for name in stacks)
    baselines = [name for name in (SQLITE, SQLITE_REDIS) if name in stacks] if POSTGRESQL in stacks else []
    short = {SQLITE: "PostgreSQL / SQLite", SQLITE_REDIS: "PostgreSQL / SQLite+Redis"}
    header += "".join(f"{short[name]:>28}" for name in baselines)
    print(header)
    for label in results[stacks[0]]["pages"]:
        pages = {name: results[name]["pages"].get(label) for name in stacks}
        line = f"{label:28}" + "".join(f"{uncached_cell(pages[name]):>30}" for name in stacks)
        line += "".join(f"{ratio(pages[POSTGRESQL], pages[name]):>28}" for name in baselines)
        print(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="measure on one database only")
    parser.add_argument("--save", type=Path, help="also write every figure to this JSON file")
    parser.add_argument("--database", default="gsn_bench", help="the PostgreSQL database to (re)create")
    parser.add_argument("--redis-db", type=int, default=5, help="the Redis database to flush and use")
    options, bench_args = parser.parse_known_args()
    if "bench" not in options.database:
        parser.error("--database: name a throwaway database *bench*")
    redis_url = f"redis://127.0.0.1:6379/{options.redis_db}"
    results = {}
    with tempfile.TemporaryDirectory(prefix="gsn-bench-") as folder:
        work = Path(folder)
        if options.only in (None, "sqlite"):
            sqlite_env = environment(work, DATABASE_URL=f"sqlite:///{work / 'gsn_bench.sqlite3'}")
            flush_redis(redis_url)
            # The pages a second time with Redis as the cache: like with like beside PostgreSQL + Redis.
            results[SQLITE] = run_on("sqlite", sqlite_env, work, [*bench_args, "--redis-url", redis_url])
            if "pages_with_redis" in results[SQLITE]:
                results[SQLITE_REDIS] = {"pages": results[SQLITE].pop("pages_with_redis")}
        if options.only in (None, "postgresql"):
            subprocess.run(
                [
                    *PG_ADMIN,
                    "-c",
                    f'DROP DATABASE IF EXISTS "{options.database}"',
                    "-c",
                    f'CREATE DATABASE "{options.database}"',
                ],
                check=True,
            )
            pg_env = environment(
                work, DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{options.database}", REDIS_URL=redis_url
            )
            flush_redis(redis_url)
            results[POSTGRESQL] = run_on("postgresql", pg_env, work, bench_args)
    if options.save:
        options.save.write_text(json.dumps(results, indent=2))
    before = json.loads(BEFORE.read_text()) if BEFORE.exists() else {}
    print_table(results, before)


if __name__ == "__main__":
    main()
