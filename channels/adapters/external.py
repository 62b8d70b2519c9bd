from .base import Adapter


class ExternalSms(Adapter):
    """RapidPro's "External API" channel contract (nyaruka/courier, handlers/external).

    Inbound: `from` (or `sender`), `text` and an optional RFC 3339 `date`, form-encoded, posted to
    /channels/sms/external/<SMS_EXTERNAL_SECRET>/receive/. Outbound: a form-encoded POST to
    SMS_EXTERNAL_SEND_URL with `id`, `text`, `to`, `to_no_plus`, `from`, `from_no_plus` and
    `channel`, and an Authorization header when one is configured; any 2xx is success. The gateway
    may use `id` to drop a message it has already taken.
    """

    name = "external"

    def authenticate(self, request, url_secret):
        return self.secret_matches(url_secret)

    def inbound(self, request):
        sender = request.POST.get("from") or request.POST.get("sender")
        if not sender:
            return None
        return sender, request.POST.get("text", "")

    def send(self, message_id, recipient, text):
        sender = self.config.get("sender", "")
        headers = {}
        if self.config.get("send_authorization"):
            headers["Authorization"] = self.config["send_authorization"]
        self._post(
            self.config["send_url"],
            data={
                "id": str(message_id),
                "text": text,
                "to": recipient,
                "to_no_plus": recipient.removeprefix("+"),
                "from": sender,
                "from_no_plus": sender.removeprefix("+"),
                "channel": self.name,
            },
            headers=headers,
        )
