"""Where the site relies on Wagtail, Django, modelcluster, Pillow or allauth code that is not their
public API, these tests pin exactly the upstream behaviour relied on, so that an upgrade which
changes it fails here, by name, instead of in production. docs/upgrading.md says, per test, what
the override does and what to check.

A source fingerprint (the first 16 hex digits of the SHA-256 of the upstream function's source)
fails on any change to a function the site mirrors or wraps; when it fails, read the new upstream
code, adjust the override if needed, and record the new fingerprint. The fingerprints here are
those of the locked versions: Wagtail 8.0.1, Django 5.2.20, django-modelcluster 6.5 and
django-treebeard 5.3.1.
"""

import hashlib
import inspect
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory


def fingerprint(function):
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16]


def upstream_template(name):
    import wagtail

    return (Path(wagtail.__file__).parent / "admin/templates" / name).read_text()


def our_template(name):
    return (Path(__file__).resolve().parent.parent / "gsn_site/templates" / name).read_text()


class FakeAdminRequest:
    csp_nonce = "n0nce"


# gsn_site/admin_csp.py: BaseChooser.render, wrapped to put the nonce on its one script.


def test_wagtail_chooser_render_still_appends_exactly_one_plain_script_with_its_js_init():
    from wagtail.admin.widgets import AdminPageChooser, BaseChooser

    widget = AdminPageChooser()
    html = BaseChooser.render.wagtail_render(widget, "page", None, {"id": "id_page"})
    init = widget.render_js_init("id_page", "page", None)
    assert html.count("<script") == 1
    assert html.endswith(f"<script>{init}</script>")
    assert fingerprint(BaseChooser.render.wagtail_render) == "b46a0fb559c849ac"


def test_chooser_scripts_carry_the_nonce_of_an_admin_response_only():
    from wagtail.admin.widgets import AdminPageChooser

    from gsn_site.admin_csp import admin_request_scripts

    widget = AdminPageChooser()
    with admin_request_scripts(FakeAdminRequest()):
        html = widget.render("page", None, {"id": "id_page"})
    assert html.count("<script") == 1
    assert '<script nonce="n0nce">new PageChooser("id_page", ' in html
    assert "<script>" in widget.render("page", None, {"id": "id_page"})


# gsn_site/admin_choosers.py: BaseChooser.get_instance, wrapped so that a malformed id is no choice.


@pytest.mark.django_db
def test_wagtail_chooser_get_instance_still_fails_on_a_malformed_id_and_the_wrapper_still_applies():
    from wagtail.admin.widgets import AdminPageChooser, BaseChooser

    widget = AdminPageChooser()
    with pytest.raises((ValueError, TypeError, OverflowError, ValidationError)):
        BaseChooser.get_instance.wagtail_get_instance(widget, "abc")
    assert widget.get_instance("abc") is None
    assert fingerprint(BaseChooser.get_instance.wagtail_get_instance) == "f77208dcaf4678b6"


# gsn_site/pages.py: SitePage.route mirrors Page.route; SitePageQuerySet.private_q mirrors Wagtail's.


def test_wagtail_page_route_still_reads_the_child_by_slug_and_caches_its_parent():
    from wagtail.models import Page

    source = inspect.getsource(Page.route)
    assert "subpage = self.get_children().get(slug=child_slug)" in source
    assert "subpage._cached_parent_obj = self" in source
    assert "return subpage.specific.route(request, remaining_components)" in source
    assert fingerprint(Page.route) == "643c9afcc2deb381"


@pytest.mark.django_db
def test_treebeard_get_parent_still_answers_from_cached_parent_obj_without_a_query(django_assert_num_queries):
    from treebeard.mp_tree import MP_Node
    from wagtail.models import Page

    parent = Page(path="0001", depth=1)
    child = Page(path="00010001", depth=2)
    child._cached_parent_obj = parent
    with django_assert_num_queries(0):
        assert child.get_parent() is parent
    assert fingerprint(MP_Node.get_parent) == "bfeb7b9d494a1320"


def test_wagtail_private_q_is_still_every_restricted_page_and_its_descendants():
    from wagtail.query import PageQuerySet, TreeQuerySet

    assert fingerprint(PageQuerySet.private_q) == "eb30b1c0017f13c2"
    assert fingerprint(TreeQuerySet.descendant_of_q) == "85b9a6ebb02db073"


@pytest.mark.django_db
def test_our_private_q_selects_the_same_pages_as_wagtails():
    from wagtail.models import Page, PageViewRestriction
    from wagtail.query import PageQuerySet

    from gsn_site.pages import SitePageQuerySet

    root = Page.get_first_root_node()
    section = root.add_child(instance=Page(title="Section", slug="guard-section"))
    inner = section.add_child(instance=Page(title="Inner", slug="guard-inner"))
    root.add_child(instance=Page(title="Open", slug="guard-open"))

    def private(queryset_class):
        return set(Page.objects.filter(queryset_class(Page).private_q()).values_list("pk", flat=True))

    assert private(SitePageQuerySet) == private(PageQuerySet) == set()
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert private(SitePageQuerySet) == private(PageQuerySet) == {section.pk, inner.pk}


# gsn_site/page_cache.py: CachedSiteMiddleware sets request._wagtail_site from the fragment cache.


@pytest.mark.django_db
def test_wagtail_find_for_request_still_answers_from_request_wagtail_site_without_a_query(
    django_assert_num_queries,
):
    from wagtail.models import Site

    request = RequestFactory().get("/")
    site = Site(hostname="cached.example")
    request._wagtail_site = site
    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is site
    request._wagtail_site = None
    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is None
    assert fingerprint(Site.find_for_request) == "4edb710b9fd353a0"


# gsn_site/middleware.py: wagtail-modeltranslation's settings script, allowed by its CSP hash.


def test_modeltranslation_still_writes_its_settings_as_the_one_inline_editor_script():
    from django.contrib.auth.models import AnonymousUser
    from wagtail import hooks
    from wagtail_modeltranslation.wagtail_hooks import translation_settings

    from gsn_site.middleware import csp_hash, modeltranslation_script_hash

    assert translation_settings in hooks.get_hooks("insert_editor_js")
    script = translation_settings()
    assert script.count("<script>") == 1
    assert script.count("</script>") == 1
    assert "wagtailModelTranslations = {" in script
    inline = [hook for hook in hooks.get_hooks("insert_editor_js") if "<script>" in str(hook())]
    assert inline == [translation_settings]
    request = RequestFactory().get("/admin/")
    request.user = AnonymousUser()
    body = script.split("<script>", 1)[1].rsplit("</script>", 1)[0]
    assert modeltranslation_script_hash(request) == csp_hash(body)


# gsn_site/templates/wagtailadmin/: Wagtail's templates with the nonce on their script.


@pytest.mark.parametrize(
    "name",
    [
        "wagtailadmin/widgets/date_input.html",
        "wagtailadmin/widgets/datetime_input.html",
        "wagtailadmin/widgets/time_input.html",
    ],
)
def test_our_widget_templates_are_still_wagtails_with_only_the_nonce_added(name):
    upstream = upstream_template(name)
    assert upstream.count("<script>") == 1
    expected = "{% load gsn_tags %}" + upstream.replace("<script>", "<script{% admin_script_nonce %}>")
    assert our_template(name) == expected


def test_our_inline_panel_template_still_replaces_exactly_wagtails_script_block():
    name = "wagtailadmin/panels/inline_panel.html"
    upstream = upstream_template(name)
    upstream_block = upstream.split("{% block js_init %}", 1)[1].split("{% endblock %}", 1)[0]
    ours = our_template(name)
    our_block = ours.split("{% block js_init %}", 1)[1].split("{% endblock %}", 1)[0]
    assert upstream.count("<script") == 1 and "<script>" in upstream_block
    assert our_block == upstream_block.replace("<script>", "<script{% admin_script_nonce %}>")


# feedback/replies.py: every answer screen's view wrapped by rewriting its URL pattern's callback.


@pytest.mark.django_db
def test_answer_screens_still_resolve_to_the_program_scoped_wrapper():
    from django.urls import resolve, reverse

    for name in ("edit", "delete", "history"):
        view = resolve(reverse(f"wagtailsnippets_feedback_programreply:{name}", args=[1])).func
        # Wagtail wraps every admin URL's callback in its own decorators (never_cache, admin access).
        qualnames = []
        while view is not None:
            qualnames.append(view.__code__.co_qualname if hasattr(view, "__code__") else repr(view))
            view = getattr(view, "__wrapped__", None)
        assert "scoped_to_answer_programs.<locals>.wrapper" in qualnames, (name, qualnames)


# feedback/panels.py: Django's BaseModelFormSet._get_to_python, called unguarded by modelcluster.


def test_modelcluster_still_calls_get_to_python_unguarded_for_a_row_id():
    from django.forms.models import BaseModelFormSet
    from modelcluster.forms import BaseTransientModelFormSet

    assert list(inspect.signature(BaseModelFormSet._get_to_python).parameters) == ["self", "field"]
    source = inspect.getsource(BaseTransientModelFormSet._construct_form)
    assert "to_python = self._get_to_python(pk_field)\n                pk = to_python(pk)\n" in source
    assert fingerprint(BaseModelFormSet._get_to_python) == "02a2bad0458759da"
    assert fingerprint(BaseTransientModelFormSet._construct_form) == "a85d97d1638442ea"


# gsn_site/forms.py: choose_by_id swaps a library-built ModelChoiceField's class.


@pytest.mark.django_db
def test_a_formset_row_id_field_is_still_a_model_choice_field_that_choose_by_id_can_narrow():
    from django.forms import ModelChoiceField, modelformset_factory
    from wagtail.models import Page

    from gsn_site.forms import IdChoiceField, choose_by_id

    form = modelformset_factory(Page, fields=["title"], extra=0)(queryset=Page.objects.none()).empty_form
    field = form.fields["id"]
    assert isinstance(field, ModelChoiceField)
    widget = field.widget
    choose_by_id(field)
    assert isinstance(field, IdChoiceField) and field.widget is widget
    for malformed in ("abc", str(2**70)):
        with pytest.raises(ValidationError) as refused:
            field.clean(malformed)
        assert refused.value.code == "invalid_choice"


# gsn_site/image_metadata.py: Pillow's process-wide limit, which refuses above twice its value.


def test_pillow_still_refuses_at_twice_max_image_pixels_from_the_header():
    from io import BytesIO

    from django.conf import settings
    from PIL import Image

    import gsn_site.image_metadata  # noqa: F401 - sets the limit on import

    assert Image.MAX_IMAGE_PIXELS == settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 2
    limit = 2 * Image.MAX_IMAGE_PIXELS
    buffer = BytesIO()
    Image.new("1", (limit // 1000 + 1, 1000)).save(buffer, "PNG")
    buffer.seek(0)
    with pytest.raises(Image.DecompressionBombError):
        Image.open(buffer)
    buffer = BytesIO()
    Image.new("1", (limit // 1000, 1000)).save(buffer, "PNG")
    buffer.seek(0)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        assert Image.open(buffer).size == (limit // 1000, 1000)


# tests/conftest.py, tests/security/test_admin_signin.py, tests/members/test_accounts.py: allauth
# internals the tests use to build a signed-in session and compute authenticator codes.


def test_allauth_internals_the_tests_use_still_exist_and_agree_with_its_code_check():
    from allauth.account.internal.flows.login import record_authentication
    from allauth.mfa.totp.internal import auth

    from tests.conftest import TEST_TOTP_SECRET, totp_code

    assert list(inspect.signature(record_authentication).parameters) == ["request", "user", "method", "extra_data"]
    assert auth.SECRET_SESSION_KEY == "mfa.totp.secret"
    assert auth.validate_totp_code(TEST_TOTP_SECRET, totp_code())
    assert not auth.validate_totp_code(TEST_TOTP_SECRET, "000000" if totp_code() != "000000" else "111111")


@pytest.mark.django_db
def test_records_written_as_the_tests_do_are_read_back_by_allauths_public_reader(client):
    from allauth.account.authentication import get_authentication_records
    from allauth.account.internal.flows.login import record_authentication
    from django.contrib.auth.models import User

    user = User.objects.create_user("guard-someone")
    request = RequestFactory().get("/")
    request.session, request.user = client.session, user
    record_authentication(request, user, "password", username="guard-someone")
    record_authentication(request, user, "mfa", id=1, type="totp")
    records = get_authentication_records(request, user)
    assert [record["method"] for record in records] == ["password", "mfa"]


# gsn_site/static/gsn/js/admin-own-language.js: presses wagtail-modeltranslation's language buttons.


def test_modeltranslation_still_builds_the_language_buttons_our_editor_script_presses():
    from pathlib import Path

    import wagtail_modeltranslation
    from wagtail import hooks
    from wagtail_modeltranslation.wagtail_hooks import language_toggles

    from gsn_site.wagtail_hooks import editor_opens_on_the_pages_own_language

    script = (
        Path(wagtail_modeltranslation.__file__).parent / "static/wagtail_modeltranslation/js/language_toggles.js"
    ).read_text()
    assert script.lstrip("/\n").startswith("jQuery( () => {")
    assert '<div class="locale-picker w-form-width">' in script
    assert '<button type="button" class="locale-toggle">${locale}</button>' in script
    assert "toggle.classList.toggle(`showing-locale`);" in script
    editor_hooks = hooks.get_hooks("insert_editor_js")
    assert editor_hooks.index(language_toggles) < editor_hooks.index(editor_opens_on_the_pages_own_language)
