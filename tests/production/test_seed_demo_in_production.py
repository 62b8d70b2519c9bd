"""`seed_demo` under the production settings: refused unless asked for, and never README's secrets."""

import json

import pytest
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from stories import demo as stories_demo

pytestmark = pytest.mark.django_db


def test_seed_demo_refuses_the_production_settings_unless_asked(settings):
    settings.PRODUCTION_SETTINGS = True
    with pytest.raises(CommandError, match="--allow-production"):
        call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert not get_user_model().objects.exists()


def test_asked_explicitly_it_uses_throwaway_secrets_and_says_which(settings, tmp_path):
    settings.PRODUCTION_SETTINGS = True
    secrets_file = tmp_path / "demo-secrets.json"
    call_command("seed_demo", "--allow-production", f"--secrets-file={secrets_file}", stdout=open("/dev/null", "w"))
    throwaway = json.loads(secrets_file.read_text())
    moderator = get_user_model().objects.get(username="moderator")
    assert not moderator.check_password(stories_demo.MODERATOR_PASSWORD)
    assert moderator.check_password(throwaway[stories_demo.MODERATOR_PASSWORD])
    totp = Authenticator.objects.get(user=moderator, type=Authenticator.Type.TOTP)
    secret = get_mfa_adapter().decrypt(totp.data["secret"])
    assert secret != stories_demo.MODERATOR_TOTP_SECRET
    assert secret == throwaway[stories_demo.MODERATOR_TOTP_SECRET]
    member = get_user_model().objects.get(username="amani")
    assert not member.check_password(stories_demo.MEMBER_PASSWORD)
    assert secrets_file.stat().st_mode & 0o077 == 0


def test_the_demo_keeps_readmes_logins_outside_production(seed_everything):
    moderator = get_user_model().objects.get(username="moderator")
    assert moderator.check_password(stories_demo.MODERATOR_PASSWORD)
