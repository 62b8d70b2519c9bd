"""Demo ASO records: generated, fictional assessments for the demo programs, intake to closure.

Deterministic (a fixed random seed per program and fixed dates), and written through the same
upsert as the importer, so running it again changes nothing.
"""

import datetime
import random

from feedback.demo_content import PROGRAMS
from programs.models import Program
from programs.outcome_domains import DOMAIN_CODES

from .case_refs import hash_case_ref
from .importer import AssessmentRecord, save_records
from .models import Occasion
from .scoring import domain_score_from_subdomains

SURVIVORS_PER_PROGRAM = 240
SUBDOMAINS_PER_DOMAIN = 3
FIRST_INTAKE = datetime.date(2023, 1, 9)
LAST_DAY = datetime.date(2025, 10, 31)
# Programs whose figures the demo shows on the public Impact page.
PUBLISHED = {"sample-ke-aftercare", "sample-in-restoration"}


def _demo_programs():
    programs = []
    for data in PROGRAMS:
        name = data["name"]["en"] if isinstance(data["name"], dict) else data["name"]
        program, created = Program.objects.get_or_create(
            code=data["code"],
            defaults={
                "name": name,
                "organisation": data.get("organisation", "Sample organisation"),
                "country": data["country"],
            },
        )
        programs.append(program)
    return programs


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


def _survivor_records(rng, program, number):
    """One survivor's assessments: intake, six months, yearly, and closure for most."""
    case_ref = f"DEMO-{program.code.upper()}-{number:04d}"
    intake = FIRST_INTAKE + datetime.timedelta(days=rng.randrange(0, 640))
    levels = {code: rng.uniform(1.4, 2.6) for code in DOMAIN_CODES}
    growth = {code: rng.gauss(0.35, 0.3) for code in DOMAIN_CODES}
    skip = rng.choice(DOMAIN_CODES) if rng.random() < 0.06 else None
    records = [_assessment(rng, program, case_ref, intake, Occasion.INTAKE, levels, skip)]
    plan = [(182, Occasion.SIX_MONTH), (365, Occasion.ANNUAL), (730, Occasion.ANNUAL)]
    closure_after = rng.choice([None, 300, 420, 540, 700]) if rng.random() < 0.8 else None
    for days, occasion in plan:
        if closure_after is not None and days >= closure_after:
            break
        day = intake + datetime.timedelta(days=days + rng.randrange(-10, 11))
        if day > LAST_DAY:
            return records
        levels = {code: min(3.9, level + growth[code] * 0.6) for code, level in levels.items()}
        records.append(_assessment(rng, program, case_ref, day, occasion, levels))
    if closure_after is not None:
        day = intake + datetime.timedelta(days=closure_after)
        if day <= LAST_DAY:
            levels = {code: min(3.9, level + growth[code] * 0.5) for code, level in levels.items()}
            records.append(_assessment(rng, program, case_ref, day, Occasion.CLOSURE, levels))
    return records


def seed(stdout):
    for program in _demo_programs():
        rng = random.Random(f"gsn-aso-demo-{program.code}")
        first_time = not program.aso_assessments.exists()
        records = [
            record
            for number in range(1, SURVIVORS_PER_PROGRAM + 1)
            for record in _survivor_records(rng, program, number)
        ]
        result = save_records(records)
        if first_time and program.code in PUBLISHED and not program.publish_impact:
            program.publish_impact = True
            program.save(update_fields=["publish_impact"])
        if result.new or result.updated:
            stdout.write(f"ASO demo records for {program.code}: {result.new} new, {result.updated} updated.")
