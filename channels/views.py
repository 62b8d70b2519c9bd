"""Gateway callbacks. Authenticated before anything is read: a wrong or missing credential is a 403
and changes nothing. The answer to the gateway says nothing of the conversation: replies go out
through the outbox."""

from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .adapters import adapter_for
from .conversations import receive
from .ussd import respond


@csrf_exempt
@require_POST
def inbound(request, provider, secret=""):
    adapter = adapter_for(provider)
    if adapter is None or not adapter.authenticate(request, secret):
        return HttpResponseForbidden("Forbidden", content_type="text/plain")
    message = adapter.inbound(request)
    if message is None:
        return HttpResponse("Nothing to read", status=400, content_type="text/plain")
    receive(adapter, *message, media=adapter.has_media(request))
    # "channels/" is a private path prefix: the response is never cached (PRIVATE_PATH_PREFIXES).
    return HttpResponse("", content_type="text/plain")


@csrf_exempt
@require_POST
def ussd(request, provider, secret=""):
    """A USSD screen: the answer is the next screen, `CON …` (more to come) or `END …`."""
    adapter = adapter_for(provider)
    if adapter is None or not adapter.authenticate(request, secret):
        return HttpResponseForbidden("Forbidden", content_type="text/plain")
    session = adapter.inbound(request)
    if session is None:
        return HttpResponse("Nothing to read", status=400, content_type="text/plain")
    screen, more = respond(adapter, *session)
    return HttpResponse(f"{'CON' if more else 'END'} {screen}", content_type="text/plain; charset=utf-8")
