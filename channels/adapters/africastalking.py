from gsn_site.ratelimits import client_ip

from .base import Adapter, SendFailed


class AfricasTalkingSms(Adapter):
    """Africa's Talking SMS. Its callbacks are not signed, so the callback URL holds a long random
    secret (/channels/sms/africastalking/<SMS_AT_SECRET>/), and SMS_AT_ALLOWED_IPS, when set, lists
    the only addresses a callback may come from (read through TRUSTED_PROXY_COUNT, as every limit).

    Inbound fields: `from`, `to`, `text`, `date`, `id`, `linkId`. Outbound: POST to the messaging API
    with the `apiKey` header and `username`, `to`, `message`, `from`; each recipient's status must
    be "Success".
    """

    name = "africastalking"

    def authenticate(self, request, url_secret):
        if not self.secret_matches(url_secret):
            return False
        allowed = self.config.get("allowed_ips") or []
        return not allowed or client_ip(request) in allowed

    def inbound(self, request):
        sender = request.POST.get("from")
        if not sender:
            return None
        return sender, request.POST.get("text", "")

    def send(self, message_id, recipient, text):
        data = {"username": self.config.get("username", ""), "to": recipient, "message": text}
        if self.config.get("sender"):
            data["from"] = self.config["sender"]
        response = self._post(
            self.config["send_url"],
            data=data,
            headers={"apiKey": self.config.get("api_key", ""), "Accept": "application/json"},
        )
        try:
            recipients = response.json()["SMSMessageData"]["Recipients"]
        except (ValueError, KeyError, TypeError):
            raise SendFailed(f"{self.name}: unreadable answer") from None
        if not recipients or any(item.get("status") != "Success" for item in recipients):
            raise SendFailed(f"{self.name}: not accepted")
