"""A fake SMS gateway on 127.0.0.1 that plays each provider: it posts inbound callbacks to the site
the way the provider does, and records the messages the site sends out through the provider's API."""

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests

from channels.adapters.twilio import twilio_signature

TWILIO_SID = "AC00000000000000000000000000000000"
TWILIO_TOKEN = "test-twilio-auth-token-0123456789"
EXTERNAL_SECRET = "test-external-secret-" + "x" * 40
AT_SECRET = "test-africastalking-secret-" + "y" * 40
USSD_SECRET = "test-africastalking-ussd-secret-" + "z" * 40
USSD_CODE = "*384*123#"


class FakeGateway:
    def __init__(self):
        self.outbound = []  # (provider, recipient, text, fields)
        self.fail_next = 0
        self._lock = threading.Lock()
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                fields = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                with gateway._lock:
                    if gateway.fail_next:
                        gateway.fail_next -= 1
                        self.send_response(503)
                        self.end_headers()
                        return
                    status, body = gateway._record(self.path, self.headers, fields)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(json.dumps(body).encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def _record(self, path, headers, fields):
        if path == "/external/send":
            self.outbound.append(("external", fields["to"], fields["text"], fields))
            return 200, {}
        if path == "/africastalking/messaging":
            if headers.get("apiKey") != "test-at-api-key":
                return 401, {}
            self.outbound.append(("africastalking", fields["to"], fields["message"], fields))
            return 201, {"SMSMessageData": {"Recipients": [{"status": "Success", "number": fields["to"]}]}}
        if path == f"/2010-04-01/Accounts/{TWILIO_SID}/Messages.json":
            provider = "twilio_whatsapp" if fields["To"].startswith("whatsapp:") else "twilio"
            self.outbound.append((provider, fields["To"], fields["Body"], fields))
            return 201, {"sid": "SM0"}
        return 404, {}

    def settings(self, site_url):
        """SMS_CHANNELS pointing every provider at this gateway."""
        return {
            "external": {
                "secret": EXTERNAL_SECRET,
                "send_url": f"{self.url}/external/send",
                "send_authorization": "Token test",
                "sender": "+254700000000",
            },
            "africastalking": {
                "secret": AT_SECRET,
                "username": "sandbox",
                "api_key": "test-at-api-key",
                "sender": "12345",
                "send_url": f"{self.url}/africastalking/messaging",
                "allowed_ips": [],
            },
            "africastalking_ussd": {"secret": USSD_SECRET, "allowed_ips": []},
            "twilio_whatsapp": {
                "account_sid": TWILIO_SID,
                "secret": TWILIO_TOKEN,
                "sender": "whatsapp:+14155238886",
                "public_url": f"{site_url}/channels/whatsapp/twilio/",
                "api_url": self.url,
            },
            "twilio": {
                "account_sid": TWILIO_SID,
                "secret": TWILIO_TOKEN,
                "sender": "+15005550006",
                "public_url": f"{site_url}/channels/sms/twilio/",
                "api_url": self.url,
            },
        }

    def text(self, site_url, provider, sender, text, media=0):
        """Post an inbound message to the site as `provider` would. Returns the HTTP status."""
        if provider == "twilio_whatsapp":
            url = f"{site_url}/channels/whatsapp/twilio/"
            data = {
                "From": f"whatsapp:{sender}",
                "To": "whatsapp:+14155238886",
                "Body": text,
                "NumMedia": str(media),
                "MessageSid": "SM2",
                "AccountSid": TWILIO_SID,
            }
            if media:
                data.update(MediaUrl0="https://api.twilio.com/media/ME0", MediaContentType0="image/jpeg")
            signature = twilio_signature(TWILIO_TOKEN, url, {name: [value] for name, value in data.items()})
            return requests.post(url, data=data, headers={"X-Twilio-Signature": signature}, timeout=30).status_code
        if provider == "external":
            url = f"{site_url}/channels/sms/external/{EXTERNAL_SECRET}/receive/"
            data = {"from": sender, "text": text, "date": "2026-12-06T10:00:00Z"}
            return requests.post(url, data=data, timeout=30).status_code
        if provider == "africastalking":
            url = f"{site_url}/channels/sms/africastalking/{AT_SECRET}/"
            data = {"from": sender, "to": "12345", "text": text, "date": "2026-12-06 10:00:00", "id": "ATXid_1"}
            return requests.post(url, data=data, timeout=30).status_code
        url = f"{site_url}/channels/sms/twilio/"
        data = {"From": sender, "To": "+15005550006", "Body": text, "MessageSid": "SM1", "AccountSid": TWILIO_SID}
        signature = twilio_signature(TWILIO_TOKEN, url, {name: [value] for name, value in data.items()})
        return requests.post(url, data=data, headers={"X-Twilio-Signature": signature}, timeout=30).status_code

    def dial(self, site_url, session_id, sender, text):
        """Post a USSD callback as Africa's Talking does: `text` is every input of the session so far.
        Returns (status, body)."""
        url = f"{site_url}/channels/ussd/africastalking/{USSD_SECRET}/"
        data = {
            "sessionId": session_id,
            "serviceCode": USSD_CODE,
            "phoneNumber": sender,
            "text": text,
            "networkCode": "63902",
        }
        response = requests.post(url, data=data, timeout=30)
        return response.status_code, response.text

    def last_to(self, recipient_digits):
        """The last message sent to a number (compared by its digits)."""
        digits = "".join(filter(str.isdigit, recipient_digits))
        for _provider, recipient, text, _fields in reversed(self.outbound):
            if "".join(filter(str.isdigit, recipient)).endswith(digits[-9:]):
                return text
        return None
