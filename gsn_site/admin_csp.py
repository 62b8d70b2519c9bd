"""Wagtail's own inline scripts in the admin run under the response's CSP nonce; no other inline script does.

The admin's policy allows inline scripts only by the nonce of the response (`'nonce-…'` in
script-src, never 'unsafe-inline'). The nonce is written only where Wagtail's own code writes a
script: the date, date-time and time pickers and the inline/multiple chooser panels (templates
overridden in gsn_site/templates/wagtailadmin/), and the chooser widgets (page, image, document,
snippet, task), which write their script in Python. A script injected through content never carries
the nonce, which is new and unguessable for every response, so the browser refuses it.

Why a nonce and not hashes: these scripts name the field they set up (`id_questions-3-date`) and
carry per-field options, so their text, and a hash of it, is different on every screen.

Widgets are rendered without the request, so the request being answered is held in a context
variable by `admin_request_scripts`, for the duration of an admin request only.
"""

import contextvars
from contextlib import contextmanager

from django.utils.html import format_html
from django.utils.safestring import mark_safe

_admin_request = contextvars.ContextVar("admin_request", default=None)


@contextmanager
def admin_request_scripts(request):
    """While `request` (an admin request, or None for any other) is answered, scripts get its nonce."""
    token = _admin_request.set(request)
    try:
        yield
    finally:
        _admin_request.reset(token)


def script_nonce_attribute():
    """` nonce="…"` for a script written by Wagtail's code in an admin response, else nothing."""
    request = _admin_request.get()
    if request is None:
        return ""
    return format_html(' nonce="{}"', request.csp_nonce)


def _chooser_render_with_nonce(wagtail_render):
    def render(self, name, value, attrs=None, renderer=None):
        html = wagtail_render(self, name, value, attrs, renderer)
        # Wagtail appends exactly one `<script>…</script>` (its JS initialiser) to the widget's HTML.
        widget_html, opening, script = html.rpartition("<script>")
        if not opening or not script.endswith("</script>"):
            return html
        return mark_safe(f"{widget_html}<script{script_nonce_attribute()}>{script}")  # noqa: S308 - Wagtail's own output

    render.wagtail_render = wagtail_render
    return render


def give_chooser_scripts_the_nonce():
    """BaseChooser writes its initialiser in Python, with no template to override: give it the nonce."""
    from wagtail.admin.widgets import BaseChooser

    if not hasattr(BaseChooser.render, "wagtail_render"):
        BaseChooser.render = _chooser_render_with_nonce(BaseChooser.render)
