from django.contrib.auth import logout
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from gsn_site.sanitize import plain_text

from .models import SafetySettings

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = plain_text(request.GET.get("q", ""))[:MAX_QUERY_LENGTH]
    results = Page.objects.live().public().specific().search(query) if query else Page.objects.none()
    # A live story whose consent has expired is not shown anywhere, search included.
    visible = [page for page in results if getattr(page, "is_publicly_listed", True)]
    paginator = Paginator(visible, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    return TemplateResponse(request, "search/search.html", {"search_query": query, "results": page})


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def quick_exit(request):
    """Sign out and go to the configured neutral site.

    The quick-exit button links here when JavaScript is off, and the script sends a beacon here
    before it leaves, so a shared phone never keeps a member signed in. It accepts no destination
    from the request: it only ever redirects to the site setting, so it cannot be an open redirect.
    CSRF does not apply: the only effect a third party could cause is signing a visitor out.
    """
    logout(request)
    response = HttpResponseRedirect(SafetySettings.for_request(request).quick_exit_url)
    response["Referrer-Policy"] = "no-referrer"
    return response
