"""Storing a response: exactly once, sanitised, all or nothing."""

import datetime
import time

from django.db import IntegrityError, OperationalError, connection, transaction

from gsn_site.hashing import has_fallback_keys
from gsn_site.sanitize import redact_personal_data

from .models import FeedbackAnswer, FeedbackResponse, QuestionType
from .receipts import earlier_receipt_for, receipt_code_for, receipt_hash, submission_hash


def answers_from_form(version, cleaned_data):
    """Unsaved FeedbackAnswer rows for the questions that were answered; skipped ones make none."""
    answers = []
    for question in version.questions:
        value = cleaned_data.get(f"q_{question['key']}")
        if value in (None, "", []):
            continue
        common = {
            "question_key": question["key"],
            "question_type": question["type"],
            "domain": question["domain"] or "",
            "reverse_scored": question["reverse_scored"],
        }
        if question["type"] == QuestionType.FREE_TEXT:
            text = redact_personal_data(value)
            if text:
                answers.append(FeedbackAnswer(text=text, **common))
        elif question["type"] == QuestionType.MULTIPLE_CHOICE:
            answers.extend(FeedbackAnswer(choice=choice, **common) for choice in value)
        elif question["type"] == QuestionType.SINGLE_CHOICE:
            answers.append(FeedbackAnswer(choice=value, **common))
        else:
            answers.append(FeedbackAnswer(number=value, **common))
    return answers


def store_response(*, program, version, language, channel, cleaned_data, token, submitted_on=None, is_sample=False):
    """Store one response with its answers. Returns (receipt code, created).

    The same token never makes a second response: the unique submission hash decides, even
    when two requests arrive at the same moment. The second one gets the same receipt code.
    """
    for attempt in range(SQLITE_LOCK_RETRIES + 1):
        try:
            return _store_once(program, version, language, channel, cleaned_data, token, submitted_on, is_sample)
        except OperationalError as error:
            # SQLite locks the whole table while another request writes; wait for it rather than fail.
            if connection.vendor != "sqlite" or "locked" not in str(error) or attempt == SQLITE_LOCK_RETRIES:
                raise
            time.sleep(0.05 * (attempt + 1))


SQLITE_LOCK_RETRIES = 10


def _store_once(program, version, language, channel, cleaned_data, token, submitted_on, is_sample):
    if has_fallback_keys("submission"):
        # Sent before the key was rotated: its hash is under the old key, which the unique hash
        # below cannot see.
        earlier = earlier_receipt_for(token, FeedbackResponse.objects.all())
        if earlier:
            return earlier, False
    receipt = receipt_code_for(token)
    try:
        with transaction.atomic():
            response = FeedbackResponse.objects.create(
                program=program,
                survey_version=version,
                language=language,
                channel=channel,
                submitted_on=submitted_on or datetime.date.today(),
                submission_hash=submission_hash(token),
                receipt_hash=receipt_hash(receipt),
                is_sample=is_sample,
            )
            answers = answers_from_form(version, cleaned_data)
            for answer in answers:
                answer.response = response
            FeedbackAnswer.objects.bulk_create(answers)
    except IntegrityError:
        earlier = earlier_receipt_for(token, FeedbackResponse.objects.all())
        if earlier:
            return earlier, False
        raise
    return receipt, True
