"""Demo ASO records: generated, fictional assessments for the demo programs, intake to closure.

Deterministic (a fixed random seed per program, dates in the last two years and the current one,
never after today), and written through the same upsert as the importer, so running it again
changes nothing.
"""

import datetime
import random

from feedback.demo import demo_program
from feedback.demo_content import PROGRAMS
from programs.outcome_domains import DOMAIN_CODES

from .case_refs import hash_case_ref
from .importer import AssessmentRecord, save_records
from .models import Occasion
from .scoring import domain_score_from_subdomains

# Cases per program: intakes spread over the last two years and the current one, as the feedback is.
SURVIVORS = {
    "sample-ke-aftercare": 220,
    "sample-in-restoration": 180,
    "sample-kh-survivor-care": 150,
    "sample-br-acolhimento": 120,
}
SUBDOMAINS_PER_DOMAIN = 3
INTAKE_MONTHS = 34  # January two years ago to October this year
# After intake: six months, then yearly; a closure ends the plan (months after intake).
FOLLOW_UPS = [(6, Occasion.SIX_MONTH), (12, Occasion.ANNUAL), (24, Occasion.ANNUAL), (36, Occasion.ANNUAL)]
CLOSURE_MONTHS = (10, 14, 18, 22, 28)
# Programs whose figures the demo shows on the public Impact page: all of them, so that the page
# shows the network side by side.
PUBLISHED = {data["code"] for data in PROGRAMS}


def _demo_programs():
    # The same programs as the feedback demo's, whichever of the two is seeded first.
    return [demo_program(data) for data in PROGRAMS]


def _clamp(value):
    return min(4, max(1, round(value)))


def _assessment(rng, program, case_ref, assessed_on, occasion, levels, skip_domain=None):
    scores, subdomains = {}, {}
    for code in DOMAIN_CODES:
        if code == skip_domain:
            scores[code] = None
            continue
        values = [_clamp(rng.gauss(levels[code], 0.6)) for _ in range(SUBDOMAINS_PER_DOMAIN)]
        subdomains.update({f"{code}.{number}": value for number, value in enumerate(values, start=1)})
        scores[code] = round(domain_score_from_subdomains(values), 4)
    return AssessmentRecord(
        program_id=program.pk,
        case_hash=hash_case_ref(program.code, case_ref),
        assessed_on=assessed_on,
        occasion=int(occasion),
        scores=scores,
        subdomain_scores=subdomains,
    )


def _months_later(first_year, months, day):
    """A day `months` after January of `first_year`: days 1-28 exist in every month of every year,
    so the sample falls in the same months whichever year it is seeded in."""
    return datetime.date(first_year + months // 12, months % 12 + 1, day)


def _survivor_records(rng, program, number, today):
    """One survivor's assessments: intake, six months, yearly, and closure for most; none after today.

    Everything is drawn before the dates are compared with today, so the closed years are the same
    sample on any day of the current year."""
    case_ref = f"DEMO-{program.code.upper()}-{number:04d}"
    first_year = today.year - 2
    intake_month = int(rng.random() * INTAKE_MONTHS)
    intake_day = 1 + int(rng.random() * 28)
    levels = {code: rng.uniform(1.4, 2.6) for code in DOMAIN_CODES}
    growth = {code: rng.gauss(0.35, 0.3) for code in DOMAIN_CODES}
    skip = rng.choice(DOMAIN_CODES) if rng.random() < 0.06 else None
    closure_after = rng.choice(CLOSURE_MONTHS) if rng.random() < 0.75 else None
    records = [
        _assessment(
            rng, program, case_ref, _months_later(first_year, intake_month, intake_day), Occasion.INTAKE, levels, skip
        )
    ]
    for months, occasion in FOLLOW_UPS:
        if closure_after is not None and months >= closure_after:
            break
        levels = {code: min(3.9, level + growth[code]) for code, level in levels.items()}
        day = 1 + int(rng.random() * 28)
        records.append(
            _assessment(rng, program, case_ref, _months_later(first_year, intake_month + months, day), occasion, levels)
        )
    if closure_after is not None:
        levels = {code: min(3.9, level + growth[code] * 0.6) for code, level in levels.items()}
        day = 1 + int(rng.random() * 28)
        records.append(
            _assessment(
                rng,
                program,
                case_ref,
                _months_later(first_year, intake_month + closure_after, day),
                Occasion.CLOSURE,
                levels,
            )
        )
    return [record for record in records if record.assessed_on <= today]


def seed(stdout):
    today = datetime.date.today()
    for program in _demo_programs():
        rng = random.Random(f"gsn-aso-demo-{program.code}")
        first_time = not program.aso_assessments.exists()
        records = [
            record
            for number in range(1, SURVIVORS[program.code] + 1)
            for record in _survivor_records(rng, program, number, today)
        ]
        result = save_records(records)
        if first_time and program.code in PUBLISHED and not program.publish_impact:
            program.publish_impact = True
            program.save(update_fields=["publish_impact"])
        if result.new or result.updated:
            stdout.write(f"ASO demo records for {program.code}: {result.new} new, {result.updated} updated.")
