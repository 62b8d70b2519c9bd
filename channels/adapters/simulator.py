from .base import Adapter


class PhoneSimulator(Adapter):
    """The phone of `manage.py simulate_phone`: what the site sends it is kept in memory, in this process.

    No URL leads to it, so nothing from outside can speak as it.
    """

    name = "simulator"
    received = []

    @property
    def enabled(self):
        return True

    def authenticate(self, request, url_secret):
        return False

    def send(self, message_id, recipient, text):
        PhoneSimulator.received.append(text)
