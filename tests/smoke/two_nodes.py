"""Two nodes, one site: run over HTTP against two gunicorn servers (tests/smoke/serve_two_nodes.sh).

    python tests/smoke/two_nodes.py http://127.0.0.1:18021 http://127.0.0.1:18022

Each check acts on one node and reads the result on the other, so that anything kept in one node's
memory or on its disk (sessions, rate-limit counters, cached pages, uploads, import previews) fails
it. Exits 1 on the first unexpected answer.
"""

import base64
import hashlib
import hmac
import json
import os
import re
import struct
import subprocess
import sys
import time
import uuid

from smoke_http import Browser, Page, SmokeFailure

# `seed_demo --allow-production` gives the demo's logins throwaway secrets instead of README's; it
# writes them to DEMO_SECRETS_FILE, keyed by the published values they replace.
with open(os.environ["DEMO_SECRETS_FILE"]) as secrets_file:
    THROWAWAY = json.load(secrets_file)
MEMBER = ("amani", THROWAWAY["demo-member-password"])
MODERATOR = ("moderator", THROWAWAY["demo-moderator-password"], THROWAWAY["JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"])
ADMINISTRATOR = (
    "administrator",
    THROWAWAY["demo-administrator-password"],
    THROWAWAY["KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"],
)
ASO_FILE = (
    "program,case_ref,assessed_on,occasion,safety,legal_protection,mental_wellbeing,"
    "economic_empowerment_education,social_support,physical_wellbeing\n"
    "sample-ke-aftercare,TWO-NODES-CASE-1,2024-02-01,intake,2,2,2,2,2,2\n"
    "sample-ke-aftercare,TWO-NODES-CASE-1,2024-08-01,six_month,3,3,3,3,3,3\n"
)


def totp(secret, at=None):
    """RFC 6238 code (SHA-1, 30 s, 6 digits), as an authenticator app shows it."""
    key = base64.b32decode(secret)
    counter = int((at or time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def node(base, cookies=None):
    browser = Browser(base)
    if cookies is not None:
        browser.cookies = cookies
    return browser


def sign_in(browser, username, password, totp_secret=None):
    form = Page(browser.request("/en/accounts/login/")[2])
    data = {**form.inputs, "login": username, "password": password}
    _status, headers, _body = browser.request("/en/accounts/login/", data=data, expect=(302,))
    if totp_secret:
        step = headers["Location"]
        if "2fa" not in step:
            raise SmokeFailure(f"signing in as {username} did not ask for the second factor: {step}")
        form = Page(browser.request(step)[2])
        browser.request(step, data={**form.inputs, "code": totp(totp_secret)}, expect=(302,))


def check_sessions_are_shared(a, b):
    print("Sessions: signed in on A, recognised on B")
    member_a = node(a)
    sign_in(member_a, *MEMBER)
    member_b = node(b, dict(member_a.cookies))
    _status, _headers, body = member_b.request("/en/my-stories/")
    if "A new morning" not in body:
        raise SmokeFailure("node B did not recognise the session started on node A")
    return member_a, member_b


def check_rate_limits_are_shared(a, b):
    print("Rate limits: failed sign-ins on A count on B")
    attacker_a, attacker_b = node(a), node(b)
    target = f"nobody-{uuid.uuid4().hex[:8]}"
    for _attempt in range(5):
        form = Page(attacker_a.request("/en/accounts/login/")[2])
        attacker_a.request("/en/accounts/login/", data={**form.inputs, "login": target, "password": "wrong-guess-1"})
    form = Page(attacker_b.request("/en/accounts/login/")[2])
    _status, _headers, body = attacker_b.request(
        "/en/accounts/login/", data={**form.inputs, "login": target, "password": "wrong-guess-2"}, expect=(200, 429)
    )
    if "Too many" not in body:
        raise SmokeFailure("node B accepted a sixth failed sign-in after five on node A")


def check_publication_reaches_the_other_node(a, b):
    print("Publication: a story approved on A is served fresh by B")
    reader_b = node(b)
    reader_b.request("/en/stories/court-day/", expect=(404,))
    reader_b.request("/en/stories/")  # cached on B's side of the shared cache
    moderator_a = node(a)
    sign_in(moderator_a, *MODERATOR)
    dashboard = moderator_a.request("/admin/")[2]
    for page_id in dict.fromkeys(re.findall(r"/admin/pages/(\d+)/edit/", dashboard)):
        edit = moderator_a.request(f"/admin/pages/{page_id}/edit/")[2]
        # The "Request changes" button names the task awaiting review; "Approve" posts to its sibling URL.
        task = re.search(r"/admin/pages/workflow/collect_action_data/(\d+)/reject/(\d+)/", edit)
        if task and "The day in court" in edit:
            approve_url = f"/admin/pages/workflow/action/{task.group(1)}/approve/{task.group(2)}/"
            break
    else:
        raise SmokeFailure("the moderator's dashboard shows no approval for the story awaiting review")
    token = Page(edit).inputs["csrfmiddlewaretoken"]
    moderator_a.request(approve_url, data={"csrfmiddlewaretoken": token, "comment": ""}, expect=(200, 302))
    _status, _headers, body = reader_b.request("/en/stories/court-day/")
    if "The day in court" not in body:
        raise SmokeFailure("node B did not serve the story published on node A")
    if "The day in court" not in reader_b.request("/en/stories/")[2]:
        raise SmokeFailure("node B kept serving a story listing cached before the publication on node A")


def check_withdrawal_purges_the_other_node(a, b, member_a, member_b):
    print("Withdrawal: a story withdrawn on B disappears from A at once")
    reader_a = node(a)
    reader_a.request("/en/stories/a-new-morning/")
    _status, headers, _body = reader_a.request("/en/stories/a-new-morning/")
    if headers.get("X-Page-Cache") != "hit":
        raise SmokeFailure("node A did not cache the public story page")
    stories = member_b.request("/en/my-stories/")[2]
    after_title = stories[stories.index("A new morning") :]
    withdraw = re.search(r'"(/en/my-stories/\d+/withdraw/)"', after_title)
    if not withdraw:
        raise SmokeFailure("My stories offers no withdrawal of the published story")
    form = Page(member_b.request(withdraw.group(1))[2])
    member_b.request(withdraw.group(1), data={**form.inputs, "confirm": "1"}, expect=(200, 302))
    reader_a.request("/en/stories/a-new-morning/", expect=(404,))


def check_media_is_shared(a, b):
    print("Media: files live in the shared object store, not on a node's disk")
    script = (
        "from django.core.files.storage import default_storage as s, storages; "
        "from django.core.files.base import ContentFile; "
        "name = s.save('two-nodes/check.txt', ContentFile(b'shared')); print(type(storages['default']).__name__, name)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", script], capture_output=True, text=True, check=True
    )
    backend, name = result.stdout.split()
    if backend != "S3Storage":
        raise SmokeFailure(f"media storage is {backend}, not the shared object store")
    read = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-v",
            "0",
            "-c",
            f"from django.core.files.storage import default_storage as s; print(s.open('{name}').read().decode())",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ},
    )
    if read.stdout.strip() != "shared":
        raise SmokeFailure("the object store did not return what was stored")


def multipart(fields, file_field, filename, content):
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
        f"Content-Type: text/csv\r\n\r\n{content}\r\n--{boundary}--\r\n"
    )
    return "".join(parts).encode(), f"multipart/form-data; boundary={boundary}"


def check_import_preview_crosses_nodes(a, b):
    print("ASO import: checked on A, confirmed on B, run by the worker")
    admin_a = node(a)
    sign_in(admin_a, *ADMINISTRATOR)
    form = Page(admin_a.request("/admin/outcomes/import/")[2])
    body, content_type = multipart(
        {"csrfmiddlewaretoken": form.inputs["csrfmiddlewaretoken"]}, "file", "two-nodes.csv", ASO_FILE
    )
    _status, headers, _body = admin_a.request("/admin/outcomes/import/", raw=(body, content_type), expect=(302,))
    batch_url = headers["Location"]
    if not re.fullmatch(r"/admin/outcomes/import/[0-9a-f-]{36}/", batch_url):
        raise SmokeFailure(f"the upload did not lead to its preview: {batch_url}")
    admin_b = node(b, dict(admin_a.cookies))
    preview = admin_b.request(batch_url)[2]
    if "TWO-NODES-CASE-1" in preview:
        raise SmokeFailure("the preview shows a raw case reference")
    token = Page(preview).inputs["csrfmiddlewaretoken"]
    admin_b.request(batch_url, data={"csrfmiddlewaretoken": token, "action": "import"}, expect=(302,))
    for _attempt in range(60):
        page = admin_a.request(batch_url)[2]
        if "Imported" in page:
            return
        if "Not imported" in page:
            raise SmokeFailure("the worker did not import the file confirmed on node B")
        time.sleep(1)
    raise SmokeFailure("the import confirmed on node B was not run within 60 s")


def run(a, b):
    member_a, member_b = check_sessions_are_shared(a, b)
    check_publication_reaches_the_other_node(a, b)
    check_withdrawal_purges_the_other_node(a, b, member_a, member_b)
    check_media_is_shared(a, b)
    check_import_preview_crosses_nodes(a, b)
    # Last: the failed sign-ins also count against this machine's address.
    check_rate_limits_are_shared(a, b)


def main():
    a, b = sys.argv[1], sys.argv[2]
    print(f"Two nodes: A {a}, B {b}")
    try:
        run(a, b)
    except (SmokeFailure, OSError, ValueError, KeyError, subprocess.CalledProcessError) as error:
        print(f"TWO-NODE TEST FAILED: {error!r}")
        return 1
    print("Two-node test passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
