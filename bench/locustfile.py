"""Load test users for bench/loadtest.py: readers who now and then send feedback, and a room of
survivors on one shelter network who answer the survey.

Every request arrives as it would from the TLS proxy in front of production: on plain HTTP to
127.0.0.1, with `X-Forwarded-Proto: https` and the client's address in `X-Forwarded-For` (the server
runs with TRUSTED_PROXY_COUNT=1, so the real rate limits count each address on its own). Each reader
has an address of its own; the shelter clients all share one. The production cookies (session, CSRF)
are Secure: a browser sends them back because it speaks HTTPS to the proxy, so the cookie jar here
does the same over the proxied hop (`BehindTlsProxy`) instead of cookies being copied by hand.
"""

import itertools
import json
import os
import random
import re

from locust import HttpUser, between, constant, events, task
from requests.cookies import RequestsCookieJar
from requests.exceptions import RequestException

STORY_LINK = re.compile(r'href="(/en/stories/(?!feed/)[\w-]+/)"')
SUBMISSION_TOKEN = re.compile(r'name="submission_token" value="([^"]+)"')
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="(\w+)"')
CHOICE = re.compile(r'<input type="(?:radio|checkbox)" name="(q_[\w-]+)" value="([^"]*)"')
FREE_TEXT = re.compile(r'<textarea name="(q_[\w-]+)"')
RECEIPT = re.compile(r'id="receipt-code">\s*([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})')
LANGUAGES = ["en", "es", "fr", "pt", "hi", "sw", "km", "ar"]
PROGRAM = os.environ.get("LOADTEST_PROGRAM", "sample-ke-aftercare")
STORY_PAGES = int(os.environ.get("LOADTEST_STORY_PAGES", "80"))
# Addresses as the proxy reports them (only in the header: every connection is to 127.0.0.1).
FIRST_READER_ADDRESS = int(os.environ.get("LOADTEST_FIRST_ADDRESS", "2"))
SHELTER_ADDRESS = os.environ.get("LOADTEST_SHELTER_ADDRESS", "127.0.0.250")
SHELTER_CLIENTS = int(os.environ.get("LOADTEST_SHELTER_CLIENTS", "20"))

reader_numbers = itertools.count()
accepted_receipts = set()
server_errors = {"count": 0}
in_flight = {"count": 0}  # submissions sent whose answer had not come when the run ended
turned_away = {}  # submissions answered with a 4xx, by status
# Per group: submissions sent and answered (the run's end may cut some short: counted apart), answered with a receipt, turned away with a 4xx (429 counted apart),
# or left without an answer (connection cut, 5xx, a thank-you page without the receipt).
submissions = {
    group: {"sent": 0, "accepted": 0, "rejected": 0, "rate_limited": 0, "unanswered": 0}
    for group in ("readers", "shelter")
}


@events.request.add_listener
def count_server_errors(response=None, **_kwargs):
    if response is not None and getattr(response, "status_code", 0) >= 500:
        server_errors["count"] += 1


@events.quitting.add_listener
def write_result(environment, **_kwargs):
    path = os.environ.get("LOADTEST_RESULT")
    if path:
        with open(path, "w") as output:
            json.dump(
                {
                    "receipts": sorted(accepted_receipts),
                    "server_errors": server_errors["count"],
                    "submissions": submissions,
                    "turned_away_by_status": turned_away,
                    "unfinished": in_flight["count"],
                },
                output,
            )


class BehindTlsProxy(RequestsCookieJar):
    """A browser's cookies as seen on the proxied plain-HTTP hop: Secure ones go back too.

    The browser sends them because it speaks HTTPS to the proxy. requests copies the session's jar
    into a plain one for every request (so a cookie policy on the jar would be lost): the Secure
    flag is dropped as each cookie is stored instead.
    """

    def set_cookie(self, cookie, *args, **kwargs):
        cookie.secure = False
        return super().set_cookie(cookie, *args, **kwargs)


def survey_answers(page):
    """One answer per question, picked at random, as a person fills the form in."""
    options = {}
    for name, value in CHOICE.findall(page):
        options.setdefault(name, []).append(value)
    answers = {name: random.choice(values) for name, values in options.items()}
    answers.update(dict.fromkeys(FREE_TEXT.findall(page), "The staff listened to me."))
    return answers


class Client(HttpUser):
    abstract = True
    group = "readers"

    def address(self):
        raise NotImplementedError

    def on_start(self):
        self.client.cookies = BehindTlsProxy()
        self.client.headers.update({"X-Forwarded-For": self.address(), "X-Forwarded-Proto": "https"})

    def send_feedback(self):
        path = f"/en/feedback/{PROGRAM}/questions/"
        form = self.client.get(path, name="feedback form")
        token, csrf = SUBMISSION_TOKEN.search(form.text), CSRF_TOKEN.search(form.text)
        if form.status_code != 200 or not (token and csrf):
            return
        data = {"submission_token": token.group(1), "csrfmiddlewaretoken": csrf.group(1), **survey_answers(form.text)}
        counts = submissions[self.group]
        # Not in a `finally`: a client stopped mid-submission at the run's end must stay counted.
        in_flight["count"] += 1
        self.submit(path, data, counts)
        in_flight["count"] -= 1

    def submit(self, path, data, counts):
        # A cut connection (a worker killed mid-request) is answered as a person would: send the same
        # form once more. Its one-time token makes the second send show the first one's receipt.
        for attempt in (1, 2):
            with self.client.post(
                path,
                data=data,
                # A browser sends the page's origin with every form post; Django checks it on HTTPS.
                headers={"Origin": self.host.replace("http://", "https://", 1)},
                name="feedback submission",
                catch_response=True,
            ) as response:
                receipt = RECEIPT.search(response.text or "")
                if response.status_code == 200 and receipt:
                    counts["sent"] += 1
                    accepted_receipts.add(receipt.group(1))
                    counts["accepted"] += 1
                    response.success()
                    return
                if 400 <= response.status_code < 500:
                    counts["sent"] += 1
                    counts["rate_limited" if response.status_code == 429 else "rejected"] += 1
                    turned_away[str(response.status_code)] = turned_away.get(str(response.status_code), 0) + 1
                    response.failure(f"turned away (status {response.status_code})")
                    return
                response.failure(f"no receipt (status {response.status_code})")
                if attempt == 2 or not isinstance(response.error, RequestException):
                    counts["sent"] += 1
                    counts["unanswered"] += 1
                    return


class Reader(Client):
    """An anonymous reader with an address of its own, reading without pause, sometimes answering."""

    wait_time = between(0.5, 1.5) if os.environ.get("LOADTEST_THINK") else constant(0)
    story_paths = []

    def address(self):
        return f"127.0.0.{FIRST_READER_ADDRESS + next(reader_numbers)}"

    def on_start(self):
        super().on_start()
        if not Reader.story_paths:
            for page in (1, 2, STORY_PAGES // 2, STORY_PAGES):
                body = self.client.get(f"/en/stories/?page={page}", name="/en/stories/?page=N").text
                Reader.story_paths.extend(STORY_LINK.findall(body))

    @task(5)
    def story(self):
        self.client.get(random.choice(Reader.story_paths or ["/en/stories/"]), name="/en/stories/[story]/")

    @task(3)
    def story_listing(self):
        self.client.get(f"/en/stories/?page={random.randint(1, STORY_PAGES)}", name="/en/stories/?page=N")

    @task(2)
    def home(self):
        self.client.get(f"/{random.choice(LANGUAGES)}/", name="/[lang]/")

    @task(1)
    def chapter(self):
        self.client.get("/en/network/sample-chapter-kenya/", name="/en/network/[chapter]/")

    @task(1)
    def network(self):
        self.client.get("/fr/network/", name="/[lang]/network/")

    @task(1)
    def feedback(self):
        self.send_feedback()


class Shelter(Client):
    """Survivors in one room on the shelter's network: one address for all of them.

    Each takes a few seconds over the questions, so whatever the machine's speed the room sends at
    most about 120 forms in a 30-second run (20 clients, 5 s apart at the least), a flood for one
    room yet within the per-address ceiling (FEEDBACK_SUBMISSIONS_PER_HOUR, 300): every one must
    get through.
    """

    fixed_count = SHELTER_CLIENTS
    group = "shelter"
    wait_time = between(5, 10)

    def address(self):
        return SHELTER_ADDRESS

    @task
    def answer_the_survey(self):
        self.client.get(f"/en/feedback/{PROGRAM}/", name="feedback opening")
        self.send_feedback()
