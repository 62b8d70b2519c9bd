"""Load test users for bench/loadtest.py: anonymous readers who now and then send feedback.

Cookies are handled by hand: the production cookies are Secure and this talks plain HTTP on loopback.
"""

import json
import os
import random
import re

from locust import HttpUser, between, constant, events, task

STORY_LINK = re.compile(r'href="(/en/stories/(?!feed/)[\w-]+/)"')
SUBMISSION_TOKEN = re.compile(r'name="submission_token" value="([^"]+)"')
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="(\w+)"')
RECEIPT = re.compile(r'id="receipt-code">\s*([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})')
LANGUAGES = ["en", "es", "fr", "pt", "hi", "sw", "km", "ar"]
PROGRAM = os.environ.get("LOADTEST_PROGRAM", "sample-ke-aftercare")

accepted_receipts = []
server_errors = {"count": 0}


@events.request.add_listener
def count_server_errors(response=None, **_kwargs):
    if response is not None and getattr(response, "status_code", 0) >= 500:
        server_errors["count"] += 1


@events.quitting.add_listener
def write_result(environment, **_kwargs):
    path = os.environ.get("LOADTEST_RESULT")
    if path:
        with open(path, "w") as output:
            json.dump({"receipts": accepted_receipts, "server_errors": server_errors["count"]}, output)


class Visitor(HttpUser):
    wait_time = between(0.5, 1.5) if os.environ.get("LOADTEST_THINK") else constant(0)
    story_paths = []

    def on_start(self):
        if not Visitor.story_paths:
            for page in (1, 2, 50, 400):
                body = self.client.get(f"/en/stories/?page={page}", name="/en/stories/?page=N").text
                Visitor.story_paths.extend(STORY_LINK.findall(body))

    @task(5)
    def story(self):
        self.client.get(random.choice(Visitor.story_paths), name="/en/stories/[story]/")

    @task(3)
    def story_listing(self):
        self.client.get(f"/en/stories/?page={random.randint(1, 800)}", name="/en/stories/?page=N")

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
        path = f"/en/feedback/{PROGRAM}/questions/"
        form = self.client.get(path, name="feedback form")
        token, csrf = SUBMISSION_TOKEN.search(form.text), CSRF_TOKEN.search(form.text)
        if not (token and csrf and "csrftoken" in form.cookies):
            return
        data = {"submission_token": token.group(1), "csrfmiddlewaretoken": csrf.group(1)}
        with self.client.post(
            path,
            data=data,
            cookies={"csrftoken": form.cookies["csrftoken"]},
            name="feedback submission",
            catch_response=True,
        ) as response:
            receipt = RECEIPT.search(response.text or "")
            if response.status_code == 200 and receipt:
                accepted_receipts.append(receipt.group(1))
                response.success()
            else:
                response.failure(f"no receipt (status {response.status_code})")
