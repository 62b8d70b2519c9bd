"""Helpers shared by the apps' demo seeders (`manage.py seed_demo`)."""

import base64
import secrets
from contextlib import contextmanager

from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from wagtail.models import Page


def set_translations(instance, field, values):
    """Set `field_<lang>` for every language in `values` (a dict of language code to text)."""
    for code, _name in settings.LANGUAGES:
        if code in values:
            setattr(instance, f"{field}_{code}", values[code])


def get_or_create_page(parent, model, slug, **fields):
    """Find the child page of `parent` with `slug`, or create and publish it.

    Returns (page, created). An existing page is left exactly as it is, so seeding twice
    changes nothing.
    """
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    translations = fields.pop("translations", {})
    page = model(slug=slug, **fields)
    for field, values in translations.items():
        set_translations(page, field, values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def root_page():
    return Page.get_first_root_node()


# README's published value -> the random one used instead, while seeding a production database.
_throwaway = None


@contextmanager
def throwaway_secrets():
    """Seed with random passwords and two-step secrets instead of README's (a production database,
    asked for explicitly). Yields the mapping from each published value to the one used instead."""
    global _throwaway
    _throwaway = {}
    try:
        yield _throwaway
    finally:
        _throwaway = None


def demo_password(published):
    if _throwaway is None:
        return published
    return _throwaway.setdefault(published, secrets.token_urlsafe(24))


def demo_totp_secret(published):
    if _throwaway is None:
        return published
    return _throwaway.setdefault(published, base64.b32encode(secrets.token_bytes(20)).decode())


def give_demo_authenticator(user, secret):
    """A TOTP authenticator with a published secret, so that the demo's staff logins can be tried."""
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": get_mfa_adapter().encrypt(demo_totp_secret(secret))}
    )
