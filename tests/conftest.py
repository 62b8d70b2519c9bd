import pytest
from django.core.management import call_command


@pytest.fixture
def demo_site(db):
    """The demo site tree (home, about, safety, network, four chapters) in every language."""
    from home import demo

    class _Quiet:
        def write(self, *_args, **_kwargs):
            pass

    return demo.seed(_Quiet())


@pytest.fixture
def seed_everything(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))


def pytest_terminal_summary(terminalreporter):
    """Say plainly how many browser tests could not run, and how to fix that."""
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if "BROWSER-UNAVAILABLE" in str(report.longrepr)
    ]
    if skipped:
        terminalreporter.write_line("")
        terminalreporter.write_line(
            f"{len(skipped)} browser tests could not run: Chromium or axe-core is missing. "
            "Install them with `apt-get install chromium` and `npm ci`, or set REQUIRE_BROWSER=1 to make this a failure.",
            yellow=True,
            bold=True,
        )
