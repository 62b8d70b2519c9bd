import base64
import hashlib
import hmac

from .base import Adapter


def twilio_signature(auth_token, url, params):
    """Twilio's request signature: HMAC-SHA1 under the auth token of the full URL followed by every
    POST parameter's name and value, sorted by name, in base64 (twilio.com/docs/usage/security)."""
    payload = url + "".join(f"{name}{value}" for name, values in sorted(params.items()) for value in values)
    digest = hmac.new(auth_token.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


class TwilioSms(Adapter):
    """Twilio Programmable Messaging (SMS).

    Each callback is signed (X-Twilio-Signature) over the URL Twilio called. A proxy in front of the
    site changes the URL the application sees, so the signature is checked against the configured
    public address (SMS_TWILIO_PUBLIC_URL), never the request's own. Inbound fields: `From`, `Body`.
    Outbound: POST /2010-04-01/Accounts/<sid>/Messages.json with `To`, `From`, `Body`, basic auth.
    """

    name = "twilio"

    @property
    def enabled(self):
        return bool(self.config.get("secret") and self.config.get("public_url"))

    def authenticate(self, request, url_secret):
        given = request.headers.get("X-Twilio-Signature", "")
        params = {name: request.POST.getlist(name) for name in request.POST}
        expected = twilio_signature(self.config["secret"], self.config["public_url"], params)
        return bool(given) and hmac.compare_digest(given.encode(), expected.encode())

    def inbound(self, request):
        sender = request.POST.get("From")
        if not sender:
            return None
        return sender, request.POST.get("Body", "")

    def send(self, message_id, recipient, text):
        sid = self.config.get("account_sid", "")
        self._post(
            f"{self.config['api_url'].rstrip('/')}/2010-04-01/Accounts/{sid}/Messages.json",
            data={"To": recipient, "From": self.config.get("sender", ""), "Body": text},
            auth=(sid, self.config["secret"]),
        )
