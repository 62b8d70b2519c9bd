import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from feedback.roles import FEEDBACK_REVIEWERS, PROGRAM_STAFF, ensure_feedback_groups
from tests.conftest import give_totp_authenticator

from .factories import ProgramFactory, make_survey


@pytest.fixture(autouse=True)
def _empty_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def survey(db):
    return make_survey()


@pytest.fixture
def program(survey):
    return ProgramFactory(code="kenya-aftercare", name="Kenya aftercare", name_en="Kenya aftercare", survey=survey)


@pytest.fixture
def other_program(survey):
    return ProgramFactory(code="india-aftercare", name="India aftercare", name_en="India aftercare", survey=survey)


def _staff(username, group_name):
    groups = ensure_feedback_groups()
    user = get_user_model().objects.create_user(username, password="not-used-in-tests-1", is_staff=True)
    user.groups.add(groups[group_name])
    return give_totp_authenticator(user)


@pytest.fixture
def program_staff(program):
    user = _staff("kenya-staff", PROGRAM_STAFF)
    program.staff.add(user)
    return user


@pytest.fixture
def reviewer(db):
    return _staff("reviewer", FEEDBACK_REVIEWERS)


@pytest.fixture
def administrator(db):
    user = get_user_model().objects.create_superuser("administrator", password="not-used-in-tests-1")
    return give_totp_authenticator(user)
