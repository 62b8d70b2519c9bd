"""Receipts survive a rotation of the hash key and a change of SECRET_KEY; other keys never match."""

import hashlib
import hmac

import pytest

from feedback.models import FeedbackResponse
from feedback.receipts import normalise_receipt_code, receipt_hash
from gsn_site.hashing import CASE_REFERENCE, keyed_hash, keyed_hash_candidates

from .test_public_flow import fresh_form, questions_url, receipt_on

pytestmark = pytest.mark.django_db

OLD_KEY = "old-hash-key-0123456789abcdefghijklmnopqrstuv"
NEW_KEY = "new-hash-key-9876543210zyxwvutsrqponmlkjihgfe"


@pytest.fixture(autouse=True)
def _old_key(settings):
    settings.HASH_KEY = OLD_KEY
    settings.HASH_KEY_FALLBACKS = []


def send_answers(client, program):
    token = fresh_form(client, program)
    response = client.post(questions_url(program), {"submission_token": token, "q_feel-safe": "4"}, follow=True)
    assert response.status_code == 200
    return token, receipt_on(response)


def withdraw(client, code):
    found = client.post("/en/feedback/withdraw/", {"receipt_code": code})
    if found.status_code != 200:
        return found
    return client.post("/en/feedback/withdraw/", {"receipt_code": code, "confirm": "yes"})


def test_a_receipt_issued_before_the_key_is_rotated_still_withdraws(client, program, settings):
    _token, code = send_answers(client, program)
    settings.HASH_KEY, settings.HASH_KEY_FALLBACKS = NEW_KEY, [OLD_KEY]

    found = client.post("/en/feedback/withdraw/", {"receipt_code": code})
    assert found.status_code == 200
    assert "Delete these answers?" in found.content.decode()
    deleted = client.post("/en/feedback/withdraw/", {"receipt_code": code, "confirm": "yes"})
    assert deleted.status_code == 200
    assert "Your answers have been deleted" in deleted.content.decode()
    assert FeedbackResponse.objects.count() == 0


def test_receipts_issued_after_the_rotation_are_stored_under_the_new_key(client, program, settings):
    settings.HASH_KEY, settings.HASH_KEY_FALLBACKS = NEW_KEY, [OLD_KEY]
    _token, code = send_answers(client, program)
    stored = FeedbackResponse.objects.get().receipt_hash
    under_new_key = hmac.new(
        NEW_KEY.encode(), f"receipt:{normalise_receipt_code(code)}".encode(), hashlib.sha256
    ).hexdigest()
    assert stored == under_new_key
    assert withdraw(client, code).status_code == 200


def test_once_the_old_key_is_dropped_its_receipts_no_longer_match(client, program, settings):
    _token, code = send_answers(client, program)
    settings.HASH_KEY, settings.HASH_KEY_FALLBACKS = NEW_KEY, []
    response = client.post("/en/feedback/withdraw/", {"receipt_code": code})
    assert response.status_code == 404
    assert "No answers match this code." in response.content.decode()
    assert FeedbackResponse.objects.count() == 1


def test_a_receipt_hash_made_with_an_unknown_key_does_not_match(client, program, settings):
    """Someone who can write to the database but does not hold a key cannot plant a working code."""
    _token, code = send_answers(client, program)
    forged = hmac.new(
        b"attacker-key-0123456789abcdefghijkl", f"receipt:{normalise_receipt_code(code)}".encode(), hashlib.sha256
    ).hexdigest()
    FeedbackResponse.objects.update(receipt_hash=forged)
    settings.HASH_KEY_FALLBACKS = ["another-old-key-0123456789abcdefghij"]
    assert withdraw(client, code).status_code == 404
    assert FeedbackResponse.objects.count() == 1


def test_changing_secret_key_changes_no_receipt_hash(client, program, settings):
    _token, code = send_answers(client, program)
    stored = FeedbackResponse.objects.get().receipt_hash
    settings.SECRET_KEY = "a-completely-different-secret-key-0123456789-abcdefghijkl"
    settings.SECRET_KEY_FALLBACKS = []
    assert receipt_hash(code) == stored
    # The form's signed token changes with SECRET_KEY, the receipt does not.
    response = withdraw(client, code)
    assert response.status_code == 200
    assert "Your answers have been deleted" in response.content.decode()


def test_a_form_sent_again_after_secret_key_changes_is_stored_once_and_shows_no_code(client, program, settings):
    token, code = send_answers(client, program)
    old_secret = settings.SECRET_KEY
    # The old SECRET_KEY stays a fallback so that the form's signed token is still read.
    settings.SECRET_KEY = "a-completely-different-secret-key-0123456789-abcdefghijkl"
    settings.SECRET_KEY_FALLBACKS = [old_secret]
    again = client.post(questions_url(program), {"submission_token": token, "q_feel-safe": "4"}, follow=True)
    assert again.status_code == 200
    assert code not in again.content.decode()
    assert "These answers had already arrived. They were saved once." in again.content.decode()
    assert FeedbackResponse.objects.count() == 1


def test_a_form_sent_again_across_a_rotation_is_stored_once_and_shows_no_code(client, program, settings):
    token, code = send_answers(client, program)
    settings.HASH_KEY, settings.HASH_KEY_FALLBACKS = NEW_KEY, [OLD_KEY]
    again = client.post(questions_url(program), {"submission_token": token, "q_feel-safe": "4"}, follow=True)
    assert again.status_code == 200
    assert code not in again.content.decode()
    assert "These answers had already arrived. They were saved once." in again.content.decode()
    assert FeedbackResponse.objects.count() == 1


def test_different_purposes_give_different_hashes_for_one_value():
    purposes = ["receipt", "submission", "response", "address", CASE_REFERENCE]
    hashes = {keyed_hash(purpose, "same value") for purpose in purposes}
    assert len(hashes) == len(purposes)


def test_lookups_try_the_current_key_first_then_each_fallback(settings):
    settings.HASH_KEY, settings.HASH_KEY_FALLBACKS = NEW_KEY, [OLD_KEY]
    candidates = keyed_hash_candidates("receipt", "ABCD")
    assert candidates == [
        hmac.new(key.encode(), b"receipt:ABCD", hashlib.sha256).hexdigest() for key in (NEW_KEY, OLD_KEY)
    ]
    assert keyed_hash("receipt", "ABCD") == candidates[0]


def test_rotating_the_hash_key_leaves_case_references_alone(settings):
    before = keyed_hash(CASE_REFERENCE, "ke\x1fCASE-1")
    settings.HASH_KEY, settings.HASH_KEY_FALLBACKS = NEW_KEY, [OLD_KEY]
    assert keyed_hash(CASE_REFERENCE, "ke\x1fCASE-1") == before
    assert keyed_hash_candidates(CASE_REFERENCE, "ke\x1fCASE-1") == [before]


def test_receipts_hashed_under_secret_key_before_the_upgrade_withdraw_with_it_as_fallback(client, program, settings):
    """The upgrade path in docs/operations.md: the old SECRET_KEY goes into HASH_KEY_FALLBACKS for 30 days."""
    _token, code = send_answers(client, program)
    under_secret_key = hmac.new(
        settings.SECRET_KEY.encode(), f"receipt:{normalise_receipt_code(code)}".encode(), hashlib.sha256
    ).hexdigest()
    FeedbackResponse.objects.update(receipt_hash=under_secret_key)
    settings.HASH_KEY_FALLBACKS = [settings.SECRET_KEY]
    assert withdraw(client, code).status_code == 200
    assert FeedbackResponse.objects.count() == 0
