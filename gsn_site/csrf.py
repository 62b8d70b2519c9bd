"""What a reader sees when a form arrives without its CSRF cookie or with an old token.

Django's own page is English, outside the site's layout and without quick exit. Here the reader
gets the site's page in their language. A view whose form must never lose what was typed (the
survey) names its own answer with `keeps_typed_input(answer)`: it is called with the request and
the view's URL arguments instead of the plain page, and must not save anything.
"""

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

CSRF_FAILURE_ATTRIBUTE = "csrf_failure_answer"


def keeps_typed_input(answer):
    """Decorate a view: when its form fails the CSRF check, `answer(request, **kwargs)` replies."""

    def decorate(view):
        setattr(view, CSRF_FAILURE_ATTRIBUTE, answer)
        return view

    return decorate


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the view's own answer, or a translated page that leads back to the form."""
    match = getattr(request, "resolver_match", None)
    answer = getattr(getattr(match, "func", None), CSRF_FAILURE_ATTRIBUTE, None)
    if answer is not None:
        response = answer(request, *match.args, **match.kwargs)
    else:
        response = render(request, "403_csrf.html", {"form_path": request.path}, status=403)
    response.status_code = 403
    add_never_cache_headers(response)
    return response
