"""One adapter per gateway: it checks who is calling, reads an inbound message, sends an outbound one.

Every adapter's `send` raises `SendFailed` (never the HTTP library's own error, whose message can
quote the request) so that the outbox can log and retry without a number or a text in the record.
"""

from .africastalking import AfricasTalkingSms
from .africastalking_ussd import AfricasTalkingUssd
from .base import SendFailed
from .external import ExternalSms
from .simulator import PhoneSimulator
from .twilio import TwilioSms
from .twilio_whatsapp import TwilioWhatsApp

ADAPTERS = {
    adapter.name: adapter
    for adapter in (ExternalSms, AfricasTalkingSms, AfricasTalkingUssd, TwilioSms, TwilioWhatsApp, PhoneSimulator)
}


def adapter_for(name):
    """The configured adapter called `name`, or None when it is unknown or switched off."""
    adapter_class = ADAPTERS.get(name)
    if adapter_class is None:
        return None
    adapter = adapter_class.from_settings()
    return adapter if adapter.enabled else None


__all__ = ["ADAPTERS", "SendFailed", "adapter_for"]
