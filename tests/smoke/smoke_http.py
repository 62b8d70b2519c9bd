"""Smoke test of a running server over HTTP (not collected by pytest): `.ci/run` points it at gunicorn.

    python tests/smoke/smoke_http.py http://127.0.0.1:8011

Reads the home page in two languages, a chapter page, the story listing and a story, /healthz, and
sends one anonymous feedback submission. Exits 1 on the first unexpected answer.
"""

import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Page(HTMLParser):
    def __init__(self, body):
        super().__init__()
        self.links, self.stylesheets, self.inputs = [], [], {}
        self.feed(body)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.stylesheets.append(attrs["href"])
        if tag in ("input", "textarea") and attrs.get("name") and attrs.get("type") in ("hidden", None):
            self.inputs.setdefault(attrs["name"], attrs.get("value", ""))

    def first_link(self, pattern):
        for link in self.links:
            if re.fullmatch(pattern, link):
                return link
        raise SmokeFailure(f"no link matching {pattern}")


class SmokeFailure(Exception):
    pass


class Browser:
    """Keeps cookies by hand: the production cookies are Secure, and this talks plain HTTP on loopback."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.cookies = {}
        self.opener = urllib.request.build_opener(_NoRedirect)

    def request(self, path, data=None, expect=(200,), raw=None):
        """GET, or POST `data` as a form; `raw` is a (body, content type) pair posted as it is."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        if raw is not None:
            body = raw[0]
        request = urllib.request.Request(self.base + path, data=body)
        if raw is not None:
            request.add_header("Content-Type", raw[1])
        request.add_header("Accept-Language", "en")
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{name}={value}" for name, value in self.cookies.items()))
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        status = response.status if hasattr(response, "status") else response.code
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        text = response.read().decode("utf-8", "replace")
        print(f"  {'POST' if body is not None else 'GET '} {path} -> {status} ({len(text)} bytes)")
        if status not in expect:
            raise SmokeFailure(f"{path} answered {status}, expected {expect}")
        return status, response.headers, text


def run(base):
    browser = Browser(base)
    _status, headers, body = browser.request("/healthz")
    if json.loads(body).get("status") != "ok" or "no-store" not in headers.get("Cache-Control", ""):
        raise SmokeFailure(f"/healthz is not healthy or cacheable: {body}")
    browser.request("/", expect=(301, 302))
    for language in ("en", "ar"):
        _status, _headers, body = browser.request(f"/{language}/")
        if f'lang="{language}"' not in body:
            raise SmokeFailure(f"/{language}/ is not in {language}")
    _status, headers, body = browser.request("/en/")
    if headers.get("X-Page-Cache") != "hit":
        raise SmokeFailure("the second anonymous request for /en/ was not served from the page cache")
    for stylesheet in Page(body).stylesheets:
        # Hashed names from the manifest, served by WhiteNoise with a long cache lifetime.
        if not re.fullmatch(r"/static/.+\.[0-9a-f]{12}\.css", stylesheet):
            raise SmokeFailure(f"stylesheet without a hashed name: {stylesheet}")
        _status, headers, _body = browser.request(stylesheet)
        if "immutable" not in headers.get("Cache-Control", ""):
            raise SmokeFailure(f"{stylesheet} is not served as immutable")

    network = Page(browser.request("/en/network/")[2])
    browser.request(network.first_link(r"/en/network/[\w-]+/"))

    stories = Page(browser.request("/en/stories/")[2])
    browser.request(stories.first_link(r"/en/stories/(?!feed/)[\w-]+/"))

    picker = Page(browser.request("/en/feedback/")[2])
    program = picker.first_link(r"/en/feedback/(?!withdraw/)[\w-]+/")
    browser.request(program)
    _status, headers, body = browser.request(program + "questions/")
    if "no-store" not in headers.get("Cache-Control", ""):
        raise SmokeFailure("the feedback form may be stored by a cache")
    answers = dict(Page(body).inputs)
    # A survey with no answer at all is not stored: write one in the first free-text question.
    written = next((name for name in answers if name.startswith("q_")), None)
    if written is None:
        raise SmokeFailure("the feedback form has no question to write in")
    answers[written] = "They listened to me."
    # The code comes once, in the answer to the form: no redirect, session or later page holds it.
    _status, _headers, body = browser.request(program + "questions/", data=answers, expect=(200,))
    if not re.search(r'id="receipt-code">\s*[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}', body):
        raise SmokeFailure("the feedback submission did not show a receipt code")


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    print(f"Smoke test against {base}")
    try:
        run(base)
    except (SmokeFailure, OSError, ValueError) as error:
        print(f"SMOKE TEST FAILED: {error}")
        return 1
    print("Smoke test passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
