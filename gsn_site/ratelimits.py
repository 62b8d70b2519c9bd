"""Every rate limit of the public site, and the one rule for who the client is.

Behind a proxy REMOTE_ADDR is the proxy. `TRUSTED_PROXY_COUNT` says how many proxies in front of the
site append to X-Forwarded-For; the client is the entry that many places from the right, so entries a
client writes on the left cannot change who it is counted as. With `TRUSTED_PROXY_ADDRESSES` the
header is read only on connections from those proxies. allauth's sign-in limits ask this same helper
(members.adapter.AccountAdapter.get_client_ip). Counters live in the cache through
django-ratelimit; they key on a keyed hash, never on the address itself.
"""

import functools
import ipaddress
import logging

from django.conf import settings
from django_ratelimit.core import is_ratelimited

from gsn_site.hashing import keyed_hash

logger = logging.getLogger("gsn.ratelimits")


@functools.lru_cache(maxsize=8)
def _networks(addresses):
    return tuple(ipaddress.ip_network(address, strict=False) for address in addresses)


def from_trusted_proxy(address):
    """Did this connection come from one of TRUSTED_PROXY_ADDRESSES (any address, when none are named)?"""
    if not settings.TRUSTED_PROXY_ADDRESSES:
        return True
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in _networks(tuple(settings.TRUSTED_PROXY_ADDRESSES)))


def client_ip(request):
    """The client's address: from X-Forwarded-For when it came through a trusted proxy, REMOTE_ADDR otherwise."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if proxies > 0 and len(forwarded) >= proxies and from_trusted_proxy(address):
        address = forwarded[-proxies]
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        # One household or phone usually holds a whole /64.
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
    return str(parsed)


def client_key(request, purpose="client"):
    """A keyed hash that tells clients apart without recording who they are."""
    who = (
        f"user:{request.user.pk}"
        if getattr(request, "user", None) and request.user.is_authenticated
        else f"ip:{client_ip(request)}"
    )
    return keyed_hash(purpose, who)


def _address_key(group, request):
    return keyed_hash("address", client_ip(request))


def per_hour(limit):
    return f"{limit}/h"


def address_limit_exceeded(request, group, limit):
    """Count one attempt from this client's address in `group`; True once more than `limit` an hour."""
    return is_ratelimited(request, group=f"address:{group}", key=_address_key, rate=per_hour(limit), increment=True)


def value_limit_exceeded(request, group, value, limit):
    """Count one attempt for `value` (a form token, a code) in `group`, whoever sends it."""
    digest = keyed_hash(group, value)
    return is_ratelimited(
        request, group=f"value:{group}", key=lambda _group, _request: digest, rate=per_hour(limit), increment=True
    )


def note_anomaly(request, group, threshold):
    """Log once an hour when one address passes `threshold` attempts in `group`: no address, no content.

    Uses its own counter, so the alert comes before the ceiling turns anyone away.
    """
    if is_ratelimited(request, group=f"anomaly:{group}", key=_address_key, rate=per_hour(threshold), increment=True):
        # Only the crossing itself is logged: counts above the threshold stay quiet.
        if not is_ratelimited(
            request, group=f"anomaly-logged:{group}", key=_address_key, rate=per_hour(1), increment=True
        ):
            logger.warning("rate.anomaly", extra={"limit_group": group, "threshold": threshold})
