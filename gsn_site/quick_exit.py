"""The quick exit's token (privacy rule 1): only the site's own link may end a session.

Any website can link or redirect to /quick-exit/, and a top-level navigation carries the session
cookie (SameSite=Lax), so the address alone must not sign anyone out: a moderator would be signed
out of the admin by any page that links there. The link each page renders carries a token bound to
the session it was rendered for, which works without JavaScript and which another site cannot know.
"""

from django.utils.crypto import constant_time_compare, salted_hmac

TOKEN_PARAMETER = "token"


def quick_exit_token(request):
    """This session's token, or "" when there is no session to end."""
    session = getattr(request, "session", None)
    if session is None:
        return ""
    if session.session_key is None and not session.is_empty():
        # A session begun during this request has no key until the response saves it: give it one
        # now, so that the page's link can end it.
        session.save()
    key = session.session_key
    return salted_hmac("gsn.quick-exit", key, algorithm="sha256").hexdigest() if key else ""


def is_valid_quick_exit_token(request, token):
    expected = quick_exit_token(request) if getattr(request, "session", None) and request.session.session_key else ""
    return bool(expected) and constant_time_compare(expected, token)
