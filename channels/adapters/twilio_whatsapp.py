import datetime

from feedback.models import Channel

from .twilio import TwilioSms

PREFIX = "whatsapp:"
# WhatsApp lets a business answer freely only within 24 hours of the person's last message; outside
# it only pre-approved template messages may be sent, and none is ever sent here.
REPLY_WINDOW = datetime.timedelta(hours=24)


class TwilioWhatsApp(TwilioSms):
    """WhatsApp through Twilio. Signed as Twilio SMS (X-Twilio-Signature over WHATSAPP_TWILIO_PUBLIC_URL,
    the address as Twilio calls it). Inbound fields: `From` and `To` as `whatsapp:+<number>`, `Body`,
    `NumMedia`. A photo, voice note or file is never read or fetched: the survivor is told so.
    Every reply carries the end of the 24-hour window the survivor's message opened; the outbox drops
    it when that has passed.
    """

    name = "twilio_whatsapp"
    channel = Channel.WHATSAPP

    def inbound(self, request):
        message = super().inbound(request)
        if message is None:
            return None
        sender, text = message
        return sender.removeprefix(PREFIX), text

    def has_media(self, request):
        try:
            return int(request.POST.get("NumMedia") or 0) > 0
        except ValueError:
            return True

    def reply_deadline(self, received_at):
        return received_at + REPLY_WINDOW

    def send(self, message_id, recipient, text):
        super().send(message_id, PREFIX + recipient, text)
