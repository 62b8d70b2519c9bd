"""Pages inserted in bulk for benchmarks form a valid, routable Wagtail tree."""

import pytest
from wagtail.models import Page

from bench.benchdata import add_chapters
from home.models import ChapterPage, NetworkIndexPage

pytestmark = pytest.mark.django_db


def test_bulk_chapters_extend_the_tree_after_the_existing_children(client, demo_site):
    network = NetworkIndexPage.objects.get()
    before = ChapterPage.objects.child_of(network).count()

    add_chapters(network, 60)

    assert ChapterPage.objects.child_of(network).live().count() == 60
    assert Page.objects.get(pk=network.pk).numchild == 60
    assert all(not problems for problems in Page.find_problems())
    newest = ChapterPage.objects.child_of(network).last()
    assert newest.url_path.endswith("/network/chapter-59/")
    assert client.get("/en/network/chapter-59/").status_code == 200
    assert client.get("/en/network/sample-chapter-kenya/").status_code == 200
    assert before < 60


def test_bulk_feedback_responses_are_stored_as_the_survey_stores_them():
    from bench.benchdata import add_feedback_responses
    from feedback.models import FeedbackAnswer, FeedbackResponse
    from tests.feedback.factories import ProgramFactory, make_survey

    program = ProgramFactory(survey=make_survey())
    add_feedback_responses(program, 40, batch_size=15)

    assert FeedbackResponse.objects.filter(program=program).count() == 40
    # Each answer names its ASO domain by code, as the survey's own answers do.
    assert set(FeedbackAnswer.objects.filter(question_key="feel-safe").values_list("domain", flat=True)) == {"safety"}
    assert set(FeedbackAnswer.objects.filter(question_key="contact").values_list("domain", flat=True)) == {""}
