"""`manage.py bench`: timings of the public pages, feedback submissions and ASO work on a large dataset.

Run it through `make bench` (bench/run.py), which gives it a throwaway database under bench.settings
(the only settings that install this command). It refuses to run against a database that is not
named like one (gsn_bench, or a file *bench*.sqlite3), because it adds 10,000 generated stories,
20,000 feedback responses and 100,000 assessments by default (the full run: --stories 20000
--feedback-responses 200000).
"""

import csv
import datetime
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from bench.benchdata import add_chapters, add_feedback_responses, add_stories, index_for_search
from gsn_site.page_cache import CACHE_STATUS_HEADER, purge_public_page_cache
from gsn_site.settings.base import redis_cache_settings

CACHED_SESSIONS = "django.contrib.sessions.backends.cache"
# The program whose feedback form is timed and whose report covers the generated responses.
FEEDBACK_PROGRAM = "sample-ke-aftercare"


class _Quiet:
    def write(self, *_args, **_kwargs):
        pass


def refresh_planner_statistics():
    """What autovacuum (PostgreSQL) or a periodic ANALYZE (SQLite) does after bulk writes in real life."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def median_ms(function, repeat):
    return median_wall_and_cpu_ms(function, repeat)[0]


def median_wall_and_cpu_ms(function, repeat, budget_s=15):
    """Median wall-clock and CPU milliseconds of `function` over `repeat` calls, or fewer (at least 3)
    once `budget_s` seconds have gone by, so that a slow page cannot hold up the whole run.

    CPU time counts this process only (on SQLite that is all the work of a request) and varies far
    less than the wall clock on a machine shared with other work."""
    wall, cpu = [], []
    deadline = time.perf_counter() + budget_s
    for number in range(repeat):
        if number >= 3 and time.perf_counter() > deadline:
            break
        started, started_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


# Runs manage.py and writes the peak RSS of its own address space (VmHWM, KiB) to the file named
# first. The rusage of a child is no use here: a forked child starts from the high-water mark of
# the bench process, which holds the whole dataset (336 MB reported for a 2,000-row import).
_OWN_PEAK_RSS = """
import atexit, runpy, sys
report = sys.argv.pop(1)
def write_peak():
    with open("/proc/self/status") as status:
        peak_kib = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(report, "w") as out:
        out.write(peak_kib)
atexit.register(write_peak)
sys.argv[0] = "manage.py"
runpy.run_path("manage.py", run_name="__main__")
"""


class Command(BaseCommand):
    help = "Build a large dataset in a throwaway database and print timings (see bench/run.py)."

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, default=10_000)
        parser.add_argument("--chapters", type=int, default=50)
        parser.add_argument("--repeat", type=int, default=20, help="requests per page and state")
        parser.add_argument("--submissions", type=int, default=200)
        parser.add_argument(
            "--feedback-responses", type=int, default=20_000, help="stored responses of the program reported on"
        )
        parser.add_argument("--aso-rows", type=int, default=100_000)
        parser.add_argument("--setup-only", action="store_true", help="build the dataset, measure nothing")
        parser.add_argument("--aso-only", action="store_true", help="measure only the ASO import and summaries")
        parser.add_argument(
            "--page", action="append", metavar="LABEL", help='measure only this page, e.g. "story page" (repeatable)'
        )
        parser.add_argument("--json", help="also write the figures to this file")
        parser.add_argument(
            "--redis-url",
            help="time the pages a second time with this Redis as the cache (SQLite + Redis beside PostgreSQL + Redis)",
        )

    def handle(self, *args, **options):
        name = str(settings.DATABASES["default"]["NAME"])
        if "bench" not in name and "load" not in name:
            raise CommandError(f"Refusing to fill {name}: use a throwaway database named *bench* (bench/run.py).")
        figures = {"database": connection.vendor}
        with translation.override("en"):
            figures["setup_s"] = self.build(options)
            if not options["setup_only"]:
                if not options["aso_only"]:
                    figures["pages"] = self.pages(options["repeat"], options["page"])
                    if options["redis_url"]:
                        # As the production settings configure a stack with Redis: sessions in the cache too.
                        redis = {**redis_cache_settings(options["redis_url"]), "SESSION_ENGINE": CACHED_SESSIONS}
                        with override_settings(**redis):
                            figures["pages_with_redis"] = self.pages(options["repeat"], options["page"])
                    figures["feedback"] = self.feedback_submissions(options["submissions"])
                    figures["feedback_report"] = self.feedback_report()
                figures["aso"] = self.aso(options["aso_rows"])
        self.stdout.write(json.dumps(figures, indent=2))
        if options["json"]:
            with open(options["json"], "w") as output:
                json.dump(figures, output, indent=2)

    # --- Dataset ---------------------------------------------------------------------------

    def build(self, options):
        from home.models import NetworkIndexPage
        from programs.models import Program
        from stories.models import StoryIndexPage

        started = time.perf_counter()
        # The benchmark's own database, under the production settings: throwaway demo secrets.
        call_command("seed_demo", allow_production=True, stdout=_Quiet())
        if not options["aso_only"]:
            add_chapters(NetworkIndexPage.objects.get(), options["chapters"])
            # Indexed for search too, so that a search for "generated" has as many hits as there are stories.
            index_for_search(add_stories(StoryIndexPage.objects.get(), options["stories"]))
            add_feedback_responses(Program.objects.get(code=FEEDBACK_PROGRAM), options["feedback_responses"])
        refresh_planner_statistics()
        elapsed = time.perf_counter() - started
        self.stderr.write(f"dataset ready in {elapsed:.1f} s")
        return round(elapsed, 1)

    # --- Pages -----------------------------------------------------------------------------

    def page_paths(self):
        from stories.models import StoryPage

        story = StoryPage.objects.published().order_by("pk").last()
        return {
            "home (en)": "/en/",
            "home (ar)": "/ar/",
            "about": "/en/about/",
            "network index": "/en/network/",
            "chapter": "/en/network/sample-chapter-kenya/",
            "story listing": "/en/stories/",
            "story listing, page 400": "/en/stories/?page=400",
            "story listing, filtered": "/en/stories/?theme=justice&casework_type=forced_labour",
            "story page": f"/en/stories/{story.slug}/",
            "search, page 1": "/en/search/?q=generated",
            "search, page 400": "/en/search/?q=generated&page=400",
            "feedback picker": "/en/feedback/",
            "feedback form": "/en/feedback/sample-ke-aftercare/questions/",
        }

    def pages(self, repeat, labels=None):
        paths = self.page_paths()
        unknown = set(labels or ()) - set(paths)
        if unknown:
            raise CommandError(f"No page called {', '.join(sorted(unknown))}; pages: {', '.join(paths)}")
        client = Client()
        results = {}
        for label, path in paths.items():
            if labels and label not in labels:
                continue
            with override_settings(PAGE_CACHE_SECONDS=0):
                client.get(path)  # warm the process (content types, templates)
                reset_queries()  # each request resets the log that CaptureQueriesContext counts from
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(path)
                uncached_queries = len(queries)  # read now: the log is reset by later requests
                if response.status_code != 200:
                    raise CommandError(f"{path} answered {response.status_code}")
                uncached, uncached_cpu = median_wall_and_cpu_ms(lambda path=path: client.get(path), repeat)
            purge_public_page_cache()
            client.get(path)
            reset_queries()
            with CaptureQueriesContext(connection) as cached_queries:
                cached_response = client.get(path)
            cached_query_count = len(cached_queries)
            is_cached = cached_response.get(CACHE_STATUS_HEADER) == "hit"
            cached = median_ms(lambda path=path: client.get(path), repeat) if is_cached else None
            results[label] = {
                "path": path,
                "uncached_ms": round(uncached, 2),
                "uncached_cpu_ms": round(uncached_cpu, 2),
                "uncached_queries": uncached_queries,
                "cached_ms": round(cached, 2) if cached is not None else None,
                "cached_queries": cached_query_count if is_cached else None,
            }
            self.stderr.write(f"{label:28} {results[label]}")
        return results

    # --- Feedback --------------------------------------------------------------------------

    @staticmethod
    def survey_answers(form):
        answers = {}
        for name, field in form.fields.items():
            if not name.startswith("q_"):
                continue
            choices = [value for value, _label in getattr(field, "choices", []) if value not in ("", None)]
            if choices:
                answers[name] = [choices[0]] if field.widget.allow_multiple_selected else choices[0]
            else:
                answers[name] = "The staff listened to me and my children are in school."
        return answers

    def feedback_submissions(self, count):
        from feedback.forms import SurveyForm
        from feedback.models import FeedbackResponse, program_survey
        from feedback.receipts import new_submission_token
        from programs.models import Program

        program = Program.objects.get(code=FEEDBACK_PROGRAM)
        version = program_survey(program).current_version()
        answers = self.survey_answers(SurveyForm(version=version, language="en"))
        path = f"/en/feedback/{program.code}/questions/"
        client = Client()
        before = FeedbackResponse.objects.count()
        with override_settings(FEEDBACK_SUBMISSIONS_PER_HOUR=10**9):
            tokens = [new_submission_token(version.pk) for _ in range(count)]
            started = time.perf_counter()
            for token in tokens:
                response = client.post(path, {"submission_token": token, **answers}, follow=True)
                if response.status_code != 200 or b"receipt-code" not in response.content:
                    raise CommandError(f"a feedback submission failed with {response.status_code}")
            elapsed = time.perf_counter() - started
        stored = FeedbackResponse.objects.count() - before
        result = {"submissions": count, "stored": stored, "per_second": round(count / elapsed, 1)}
        self.stderr.write(f"feedback submissions {result}")
        return result

    def feedback_report(self):
        """Counting a year of the big program's feedback, as a release freezes it (every surface then
        reads the stored release)."""
        from feedback.models import FeedbackResponse
        from programs.models import Program
        from reporting.models import ReportingPeriod
        from reporting.sources import source

        program = Program.objects.get(code=FEEDBACK_PROGRAM)
        period = ReportingPeriod.objects.named("2024")
        refresh_planner_statistics()
        figures = {
            "responses_in_period": FeedbackResponse.objects.filter(program=program)
            .in_period(period.start, period.end)
            .count(),
            "feedback_counts_ms": round(
                median_ms(lambda: source("feedback").collect(program, period.start, period.end), 3), 1
            ),
        }
        self.stderr.write(f"feedback report {figures}")
        return figures

    # --- ASO ---------------------------------------------------------------------------------

    @staticmethod
    def aso_csv(program_code, rows, seed=7):
        from programs.outcome_domains import DOMAIN_CODES

        rng = random.Random(seed)
        output = io.StringIO()
        writer = csv.writer(output)
        writer.writerow(["program", "case_ref", "assessed_on", "occasion", *DOMAIN_CODES])
        occasions = [("intake", 0), ("six_month", 182), ("annual", 365), ("closure", 540)]
        start = datetime.date(2023, 1, 2)
        for row in range(rows):
            case, (occasion, days) = divmod(row, len(occasions))[0], occasions[row % len(occasions)]
            base = 1.5 + (case % 7) / 4
            scores = [f"{min(4.0, base + days / 400 + rng.random() / 2):.2f}" for _ in DOMAIN_CODES]
            assessed_on = start + datetime.timedelta(days=case % 700 + days)
            writer.writerow([program_code, f"BENCH-{case:07d}", assessed_on.isoformat(), occasion, *scores])
        return output.getvalue().encode()

    @staticmethod
    def write_xlsx(csv_data, path):
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        for number, row in enumerate(csv.reader(io.StringIO(csv_data.decode()))):
            if number:
                row = [*row[:2], datetime.date.fromisoformat(row[2]), row[3], *(float(v) for v in row[4:])]
            sheet.append(row)
        workbook.save(path)

    @staticmethod
    def measure_import(path):
        """Seconds, CPU seconds and peak RSS (MB) of `manage.py import_aso FILE` in its own process, start-up
        included. CPU seconds (user + system) say more than the wall clock on a machine shared with other work."""
        with tempfile.NamedTemporaryFile("r", suffix=".peak") as peak:
            started = time.perf_counter()
            process = subprocess.Popen(
                [sys.executable, "-c", _OWN_PEAK_RSS, peak.name, "import_aso", str(path)],
                cwd=settings.BASE_DIR,
                stdout=subprocess.DEVNULL,
            )
            _pid, status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - started
            process.returncode = os.waitstatus_to_exitcode(status)
            if process.returncode:
                raise CommandError(f"import_aso {path} failed with exit code {process.returncode}")
            peak_kib = int(peak.read())
        cpu_seconds = usage.ru_utime + usage.ru_stime
        return round(seconds, 2), round(cpu_seconds, 2), round(peak_kib / 1024, 1)

    def aso(self, rows):
        from outcomes.models import AsoAssessment
        from programs.models import Program
        from reporting.models import ReportingPeriod
        from reporting.sources import source

        program = Program.objects.get(code="sample-in-restoration")
        with tempfile.TemporaryDirectory(prefix="gsn-bench-aso-") as folder:
            csv_path = Path(folder) / "bench.csv"
            csv_path.write_bytes(self.aso_csv(program.code, rows))
            xlsx_program = Program.objects.get(code="sample-ke-aftercare")
            xlsx_path = Path(folder) / "bench.xlsx"
            self.write_xlsx(self.aso_csv(xlsx_program.code, rows), xlsx_path)
            csv_seconds, csv_cpu, csv_rss = self.measure_import(csv_path)
            xlsx_seconds, xlsx_cpu, xlsx_rss = self.measure_import(xlsx_path)
        refresh_planner_statistics()
        period = ReportingPeriod.objects.named("2024")
        figures = {
            "import_rows": rows,
            "import_s": csv_seconds,
            "import_cpu_s": csv_cpu,
            "import_peak_rss_mb": csv_rss,
            "import_xlsx_s": xlsx_seconds,
            "import_xlsx_cpu_s": xlsx_cpu,
            "import_xlsx_peak_rss_mb": xlsx_rss,
            "assessments_in_program": AsoAssessment.objects.filter(program=program).count(),
            "aso_counts_ms": round(
                median_ms(lambda: source("outcomes").collect(program, period.start, period.end), 3), 1
            ),
        }
        self.stderr.write(f"ASO {figures}")
        return figures
