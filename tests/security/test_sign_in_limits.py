"""Failed sign-ins slow down the account guessed at, never a whole shared network.

Written as the attack a shelter's network invites: one person behind the shelter's address keeps
guessing one member's password while everyone else on that address still signs in.
"""

import time

import pytest
from django.test import Client

from tests.stories.factories import PASSWORD, MemberFactory

pytestmark = pytest.mark.django_db

SHELTER = "198.51.100.7"
ELSEWHERE = "203.0.113.20"


@pytest.fixture
def clock(monkeypatch):
    """Time that a test moves forward: rate-limit windows and the cache's expiry both follow it."""
    offset = [0.0]
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + offset[0])

    def advance(seconds):
        offset[0] += seconds

    return advance


def sign_in(username, password, address):
    client = Client(REMOTE_ADDR=address)
    response = client.post("/en/accounts/login/", {"login": username, "password": password})
    return response, client


def signed_in(username, password, address):
    response, client = sign_in(username, password, address)
    return response.status_code == 302 and "_auth_user_id" in client.session


def fail(username, times, address):
    for attempt in range(times):
        sign_in(username, f"wrong-guess-{attempt}", address)


def test_many_failures_on_one_account_leave_everyone_else_on_the_address_signing_in(demo_site):
    target = MemberFactory(user__username="target").user
    others = [MemberFactory(user__username=f"resident{n}").user for n in range(6)]
    fail(target.username, 30, SHELTER)
    assert [signed_in(user.username, PASSWORD, SHELTER) for user in others] == [True] * 6


def test_the_attacked_account_is_slowed_from_the_guessing_address_but_its_owner_gets_in_elsewhere(demo_site):
    target = MemberFactory(user__username="target").user
    fail(target.username, 5, SHELTER)
    response, client = sign_in(target.username, PASSWORD, SHELTER)
    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.text
    assert "_auth_user_id" not in client.session
    assert signed_in(target.username, PASSWORD, ELSEWHERE)


def test_the_delay_grows_with_the_failures(demo_site, clock):
    target = MemberFactory(user__username="target").user
    fail(target.username, 5, SHELTER)
    assert not signed_in(target.username, PASSWORD, SHELTER)
    clock(5 * 60 + 1)
    # Five minutes later one more round of guesses is allowed...
    fail(target.username, 5, SHELTER)
    clock(5 * 60 + 1)
    # ...but after ten failures in an hour, five minutes are no longer enough.
    assert not signed_in(target.username, PASSWORD, SHELTER)
    clock(60 * 60)
    assert signed_in(target.username, PASSWORD, SHELTER)


def test_guesses_from_many_addresses_slow_the_account_down_too(demo_site):
    target = MemberFactory(user__username="target").user
    for n in range(20):
        fail(target.username, 1, f"192.0.2.{n + 1}")
    assert not signed_in(target.username, PASSWORD, ELSEWHERE)


def test_an_address_sending_very_many_failures_meets_a_ceiling(demo_site):
    MemberFactory(user__username="resident")
    for n in range(100):
        fail(f"nobody{n}", 1, SHELTER)
    assert not signed_in("resident", PASSWORD, SHELTER)
    assert signed_in("resident", PASSWORD, ELSEWHERE)
