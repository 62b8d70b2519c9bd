import hmac

import requests
from django.conf import settings

from feedback.models import Channel

SEND_TIMEOUT_SECONDS = 10


class SendFailed(Exception):
    """A gateway did not take a message. Its text names the gateway and the status, nothing else."""


class Adapter:
    """A gateway for one channel. Subclasses set `name`, `channel` and read their own settings."""

    name = ""
    channel = Channel.SMS
    # Whether the channel carries a survivor's own words (USSD does not).
    free_text = True

    def __init__(self, config):
        self.config = config

    @classmethod
    def from_settings(cls):
        return cls(settings.SMS_CHANNELS.get(cls.name, {}))

    @property
    def enabled(self):
        return bool(self.config.get("secret"))

    def secret_matches(self, given):
        secret = self.config.get("secret", "")
        return bool(secret) and hmac.compare_digest(str(given or "").encode(), secret.encode())

    def has_media(self, request):
        """Whether the inbound message carries a photo, a voice note or a file (never read)."""
        return False

    def reply_deadline(self, received_at):
        """When a reply to a message received at `received_at` may no longer be sent (None: never)."""
        return None

    def authenticate(self, request, url_secret):
        """Whether this request comes from the gateway. Called before anything is read or changed."""
        raise NotImplementedError

    def inbound(self, request):
        """(sender, text) of the inbound message, or None when the request carries none."""
        raise NotImplementedError

    def send(self, message_id, recipient, text):
        raise NotImplementedError

    def _post(self, url, **kwargs):
        try:
            response = requests.post(url, timeout=SEND_TIMEOUT_SECONDS, **kwargs)
        except requests.RequestException as error:
            raise SendFailed(f"{self.name}: {type(error).__name__}") from None
        if response.status_code // 100 != 2:
            raise SendFailed(f"{self.name}: HTTP {response.status_code}")
        return response
