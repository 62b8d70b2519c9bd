"""One way to cut a long public list into pages: the story listing and site search use it."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def paginate(request, items, per_page, count=None):
    """The page of `items` that `?page=` asks for, and the rest of the query string for the links.

    `items` stays lazy (a queryset, or search results): the paginator counts them (unless the caller
    already knows `count`) and fetches only the slice of the page shown. A page number that is not
    a number or out of range shows page 1. The links are drawn by templates/includes/pagination.html.
    """
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    other_parameters = request.GET.copy()
    other_parameters.pop("page", None)
    return page, other_parameters.urlencode()
