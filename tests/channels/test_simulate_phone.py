import io
import re

import pytest
from django.core.management import call_command

from feedback.models import FeedbackResponse

pytestmark = pytest.mark.django_db


def test_a_newcomer_walks_the_whole_survey_in_the_terminal(demo_survey):
    output = io.StringIO()
    call_command("simulate_phone", script=["sauti", "7", "1", *["0"] * 8, "1"], stdout=output)
    text = output.getvalue()
    assert "Keywords: SAUTI" in text
    assert "7 ខ្មែរ" in text
    assert "1/9 ខ្ញុំមានអារម្មណ៍សុវត្ថិភាពនៅកន្លែងដែលខ្ញុំរស់នៅឥឡូវនេះ។" in text
    code = re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", text).group(0)
    response = FeedbackResponse.objects.get()
    assert (response.channel, response.language, response.answers.count()) == ("sms", "km", 1)
    call_command("simulate_phone", script=[f"WITHDRAW {code}"], stdout=output)
    assert not FeedbackResponse.objects.exists()
    assert output.getvalue().rstrip().endswith("Your answers were withdrawn and deleted.")
