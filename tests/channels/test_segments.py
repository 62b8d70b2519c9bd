"""SMS parts counted as the networks count them (GSM 03.38 and UCS-2)."""

import dataclasses
import io

import pytest
from django.core.management import call_command

from channels.segments import GSM7, UCS2, count_segments


@pytest.mark.parametrize(
    ("text", "encoding", "units", "parts"),
    [
        ("", GSM7, 0, 0),
        ("a" * 160, GSM7, 160, 1),
        ("a" * 161, GSM7, 161, 2),
        ("a" * 306, GSM7, 306, 2),
        ("a" * 307, GSM7, 307, 3),
        ("€" * 80, GSM7, 160, 1),  # the extension table takes two septets a character
        ("€" * 81, GSM7, 162, 2),
        ("a" * 152 + "€" + "a" * 10, GSM7, 164, 2),
        # The escape pair is not split between parts: 306 septets, yet three parts.
        ("a" * 152 + "€" + "a" * 152, GSM7, 306, 3),
        ("Ninajisikia salama mahali ninapoishi sasa.", GSM7, 42, 1),
        ("Ça coûte ê", UCS2, 10, 1),  # ç is not in the GSM set, Ç is; û and ê are not
        ("ខ្ញុំ" * 14, UCS2, 70, 1),
        ("ខ្ញុំ" * 14 + "ខ", UCS2, 71, 2),
        ("क" * 134, UCS2, 134, 2),
        ("क" * 135, UCS2, 135, 3),
        ("أ" * 70, UCS2, 70, 1),
        ("😀" * 35, UCS2, 70, 1),
        ("a" * 66 + "😀", UCS2, 68, 1),
        ("a" * 66 + "😀" + "a" * 66, UCS2, 134, 3),  # nor the surrogate pair
    ],
)
def test_parts(text, encoding, units, parts):
    assert dataclasses.astuple(count_segments(text)) == (encoding, units, parts)


def test_the_command_prints_the_parts_of_the_demo_survey_per_language(demo_survey):
    output = io.StringIO()
    call_command("sms_segments", stdout=output)
    lines = output.getvalue().splitlines()
    assert lines[0] == "Tell us how the program is going (9 questions)"
    rows = {line.split()[0]: line.split() for line in lines[2:]}
    assert set(rows) == {"en", "es", "fr", "pt", "hi", "sw", "km", "ar"}
    assert rows["km"][-1] == "UCS-2" and rows["hi"][-1] == "UCS-2"
    assert int(rows["km"][2]) > int(rows["sw"][2])
    assert all(row[1] == "13" for row in rows.values())
