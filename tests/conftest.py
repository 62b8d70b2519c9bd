import importlib
import io
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from tests.seeded_rows import migrated_rows, seeded, write_back_after_a_flush

# A fixed base32 secret for test accounts' authenticator apps (never used outside tests).
TEST_TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


def give_totp_authenticator(user, secret=TEST_TOTP_SECRET):
    """Turn on two-step sign-in for `user`, as if they had scanned the QR code."""
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator

    Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": get_adapter().encrypt(secret)}}
    )
    return user


def choose_admin_language(user, code):
    """What the user picks under Account → Language: the language of every admin screen they see."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()
    return user


def sign_in_with_two_steps(client, user):
    """Sign `user` in as allauth leaves a session after the password *and* the authenticator code.

    `client.force_login` alone is a session without the second factor, which the admin refuses
    (members.middleware.AdminRequiresMFAMiddleware); tests/security/test_admin_signin.py goes
    through the real password and code screens.
    """
    from allauth.account.internal.flows.login import record_authentication
    from allauth.mfa.models import Authenticator
    from django.test import RequestFactory

    give_totp_authenticator(user)
    client.force_login(user)
    request = RequestFactory().get("/")
    request.session, request.user = client.session, user
    record_authentication(request, user, "password", username=user.get_username())
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
    request.session.save()
    return client


def totp_code(secret=TEST_TOTP_SECRET):
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


@pytest.fixture(autouse=True)
def _admin_test_users_use_two_step_sign_in(monkeypatch):
    """Admins must have passed two-step sign-in (members.middleware.AdminRequiresMFAMiddleware).

    Wagtail's `WagtailTestUtils.login()` signs a superuser in without it; sign that user in with both
    steps, as a real administrator would be, instead of weakening the middleware.
    """
    from wagtail.test.utils import WagtailTestUtils

    def login_with_two_steps(self, user=None, **_credentials):
        user = user or self.create_test_user()
        sign_in_with_two_steps(self.client, user)
        return user

    monkeypatch.setattr(WagtailTestUtils, "login", login_with_two_steps)


# What pytest_runtest_teardown needs to write the migrated rows back: the rows and the database blocker.
_after_a_flush = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, whose rows are read as soon as the migrations have made it:
    before any test, fixture or TestCase class has written to it, they are what a transactional
    test's flush takes away (tests/seeded_rows.py)."""
    with django_db_blocker.unblock():
        _after_a_flush.update(rows=migrated_rows(), blocker=django_db_blocker)
    yield
    # The test database is dropped next, and the settings name the real database again.
    _after_a_flush.clear()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Once a transactional test's flush has emptied every table, the migrated rows go back at once,
    whatever test comes next (tests/seeded_rows.py); also when a fixture's teardown failed, since
    Django's flush has run by then."""
    try:
        return (yield)
    finally:
        if _after_a_flush:
            with _after_a_flush["blocker"].unblock():
                write_back_after_a_flush(_after_a_flush["rows"])


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached page or fragment, no generation number and no rate-limit
    counters: the local-memory cache outlives the database of the test before."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_site(db):
    """The demo site tree (home, about, safety, network, four chapters) in every language, seeded
    once per test process and written back for each test (tests/seeded_rows.py)."""
    from home import demo
    from home.models import HomePage

    return HomePage.objects.get(pk=seeded("demo site", lambda: demo.seed(io.StringIO()).pk))


def seed_demo_content(*apps):
    """Add the demo content of `apps` ("stories", "feedback") as `seed_demo` adds it, kept as rows
    after its first run in this process (tests/seeded_rows.py)."""

    def seed():
        for app in apps:
            importlib.import_module(f"{app}.demo").seed(io.StringIO())

    seeded("demo content of " + ", ".join(apps), seed)


def _seed_the_demo():
    """`manage.py seed_demo`, kept as rows after its first run in this process; returns what it printed."""

    def seed():
        output = io.StringIO()
        call_command("seed_demo", stdout=output)
        return output.getvalue()

    return seeded("demo", seed)


@pytest.fixture
def seed_everything(db):
    _seed_the_demo()


@pytest.fixture(scope="module")
def demo_seeded_for_the_module(django_db_setup, django_db_blocker):
    """The whole demo for all the tests of a module, inside a transaction rolled back after the last
    of them; returns what `seed_demo` printed. Each test still runs in its own transaction inside this
    one (as Django's TestCase does with setUpTestData), so a test's changes never reach the next."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _seed_the_demo()
        transaction.set_rollback(True)


def pytest_terminal_summary(terminalreporter):
    """Say how many browser tests ran in Chromium, and plainly how many could not run and why."""
    ran = [
        report
        for outcome in ("passed", "failed")
        for report in terminalreporter.stats.get(outcome, [])
        if report.when == "call" and report.nodeid.startswith("tests/browser/")
    ]
    terminalreporter.write_line(f"Browser tests run in Chromium: {len(ran)}")
    skipped = [
        report for report in terminalreporter.stats.get("skipped", []) if "BROWSER-UNAVAILABLE" in str(report.longrepr)
    ]
    if skipped:
        terminalreporter.write_line("")
        terminalreporter.write_line(
            f"{len(skipped)} browser tests could not run: Chromium or axe-core is missing. "
            "Install them with `apt-get install chromium` and `npm ci`, or set REQUIRE_BROWSER=1 to make this a failure.",
            yellow=True,
            bold=True,
        )


def pytest_configure(config):
    """Scan the whole run's log output for what people typed (tests/production/log_scan.py)."""
    from tests.production import log_scan

    config.pluginmanager.register(log_scan, "gsn-log-scan")


@pytest.fixture(autouse=True)
def _english_unless_a_test_says_otherwise():
    """Each test starts in English: a request in Arabic must not leak its language into the next test."""
    translation.activate("en")
    yield
    translation.deactivate()


def edit_form_data(html):
    """The fields an editor's browser would post from the admin edit form in `html`, as they are."""

    class EditForm(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.data, self.in_form, self.textarea, self.select, self.first_option = [], False, None, None, None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "form" and "data-edit-form" in attrs:
                self.in_form = True
            if not self.in_form:
                return
            name = attrs.get("name")
            if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
                if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                    self.data.append((name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")))
            elif tag == "textarea" and name:
                self.textarea = [name, ""]
            elif tag == "select" and name:
                self.select, self.first_option = (name, "multiple" in attrs, []), None
            elif tag == "option" and self.select is not None:
                self.first_option = self.first_option if self.first_option is not None else attrs.get("value", "")
                if "selected" in attrs:
                    self.select[2].append(attrs.get("value", ""))

        def handle_data(self, data):
            if self.textarea is not None:
                self.textarea[1] += data

        def handle_endtag(self, tag):
            if tag == "form" and self.in_form:
                self.in_form = False
            elif tag == "textarea" and self.textarea is not None:
                self.data.append(tuple(self.textarea))
                self.textarea = None
            elif tag == "select" and self.select is not None:
                name, multiple, chosen = self.select
                if not chosen and not multiple and self.first_option is not None:
                    chosen = [self.first_option]
                self.data.extend((name, value) for value in chosen)
                self.select = None

    parser = EditForm()
    parser.feed(html)
    return parser.data
