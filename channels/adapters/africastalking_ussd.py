from feedback.models import Channel

from .africastalking import AfricasTalkingSms
from .base import SendFailed


class AfricasTalkingUssd(AfricasTalkingSms):
    """Africa's Talking USSD. Authenticated as its SMS callback: a long random secret in the callback
    URL (/channels/ussd/africastalking/<USSD_AT_SECRET>/) and, when USSD_AT_ALLOWED_IPS is set, the
    only addresses a callback may come from.

    Inbound fields: `sessionId`, `serviceCode`, `phoneNumber`, `text` (every input of the session,
    joined by `*`), `networkCode`. The answer goes back in the same HTTP response (`CON …` or
    `END …`, text/plain): nothing is ever sent through the outbox.
    """

    name = "africastalking_ussd"
    channel = Channel.USSD
    free_text = False

    def inbound(self, request):
        sender, session_id = request.POST.get("phoneNumber"), request.POST.get("sessionId")
        if not sender or not session_id:
            return None
        return session_id, request.POST.get("serviceCode", ""), sender, request.POST.get("text", "")

    def send(self, message_id, recipient, text):
        raise SendFailed(f"{self.name}: answers only inside the callback")
