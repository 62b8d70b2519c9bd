"""Who a client is, behind the production proxy: one setting for the site's limits and allauth's."""

import pytest
from django.conf import settings as django_settings
from django.test import RequestFactory

from gsn_site.ratelimits import client_ip, client_key

pytestmark = pytest.mark.django_db


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    request = RequestFactory().get("/", **extra)
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    return request


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from("198.51.100.1", "203.0.113.5")) == "198.51.100.1"


def test_behind_one_proxy_each_client_is_counted_separately(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    first, second = request_from("10.0.0.2", "203.0.113.5"), request_from("10.0.0.2", "203.0.113.6")
    assert (client_ip(first), client_ip(second)) == ("203.0.113.5", "203.0.113.6")
    assert client_key(first) != client_key(second)


def test_a_spoofed_entry_on_the_left_does_not_change_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    honest = request_from("10.0.0.2", "203.0.113.5")
    spoofed = request_from("10.0.0.2", "1.2.3.4, 203.0.113.5")
    assert client_ip(spoofed) == "203.0.113.5"
    assert client_key(spoofed) == client_key(honest)


def test_one_ipv6_household_is_one_client(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert (
        client_ip(request_from("2001:db8:1:2::10"))
        == client_ip(request_from("2001:db8:1:2:ffff::1"))
        == "2001:db8:1:2::"
    )


def test_allauth_is_configured_from_the_same_value_and_agrees(settings):
    from allauth import app_settings
    from allauth.account.adapter import get_adapter

    assert django_settings.ALLAUTH_TRUSTED_PROXY_COUNT == django_settings.TRUSTED_PROXY_COUNT
    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    assert app_settings.TRUSTED_PROXY_COUNT == 1
    request = request_from("10.0.0.2", "1.2.3.4, 203.0.113.5")
    assert get_adapter(request).get_client_ip(request) == client_ip(request) == "203.0.113.5"


def test_a_client_reaching_the_site_directly_cannot_choose_its_address(settings):
    from allauth.account.adapter import get_adapter

    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_ADDRESSES = ["10.0.0.0/8", "2001:db8:ffff::/48"]
    direct = request_from("198.51.100.1", "203.0.113.5")
    assert client_ip(direct) == get_adapter(direct).get_client_ip(direct) == "198.51.100.1"
    through_proxy = request_from("10.0.0.2", "203.0.113.5")
    assert client_ip(through_proxy) == get_adapter(through_proxy).get_client_ip(through_proxy) == "203.0.113.5"
    assert client_ip(request_from("2001:db8:ffff:1::2", "203.0.113.6")) == "203.0.113.6"


def test_sign_in_guesses_sent_directly_count_against_the_sender_whatever_header_it_writes(client, settings):
    from tests.stories.factories import PASSWORD, MemberFactory

    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_ADDRESSES = ["10.0.0.0/8"]
    member = MemberFactory(user__username="target").user
    for attempt in range(5):
        client.post(
            "/en/accounts/login/",
            {"login": member.username, "password": f"wrong-{attempt}"},
            REMOTE_ADDR="198.51.100.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt}",
        )
    response = client.post(
        "/en/accounts/login/",
        {"login": member.username, "password": PASSWORD},
        REMOTE_ADDR="198.51.100.1",
        HTTP_X_FORWARDED_FOR="203.0.113.99",
    )
    assert "Too many failed login attempts. Try again later." in response.text


def test_proxy_addresses_that_are_not_networks_stop_the_site_from_starting():
    from django.core.exceptions import ImproperlyConfigured

    from gsn_site.settings.base import proxy_addresses

    assert proxy_addresses("10.0.0.0/8, 192.0.2.1") == ["10.0.0.0/8", "192.0.2.1"]
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXY_ADDRESSES"):
        proxy_addresses("10.0.0.0/8, proxy.internal")


def test_the_feedback_form_behind_a_proxy_limits_per_client(client, settings):
    from tests.feedback.factories import ProgramFactory, make_survey
    from tests.feedback.test_public_flow import fresh_form, questions_url

    settings.TRUSTED_PROXY_COUNT = 1
    settings.FEEDBACK_SUBMISSIONS_PER_HOUR = 1
    program = ProgramFactory(code="proxy-program", survey=make_survey())

    def send(forwarded):
        token = fresh_form(client, program)
        return client.post(
            questions_url(program),
            {"submission_token": token, "q_feel-safe": "4"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=forwarded,
        ).status_code

    assert [send("203.0.113.5"), send("203.0.113.6"), send("9.9.9.9, 203.0.113.5")] == [200, 200, 429]
