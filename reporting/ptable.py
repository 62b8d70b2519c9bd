"""The published perturbation table of the cell key method (privacy rule 5).

The method is the one the Office for National Statistics used for the 2021 Census of England and
Wales and the Australian Bureau of Statistics uses in TableBuilder (ESS Handbook on Statistical
Disclosure Control, chapter "Frequency tables", section on targeted record swapping and cell key
perturbation):

- Every record (a feedback response, an ASO assessment) gets a random **record key** from 0 to 255
  when it is created (`reporting.keys.new_record_key`, drawn with `secrets`). Nobody outside the
  database knows it.
- A cell's **cell key** is the sum of the record keys of the records it counts, modulo 256. The same
  records always give the same cell key, so the same cell always gets the same released value, in
  every table, every time it is asked for: asking again tells nothing new.
- The released value is read from this table by (true count, cell key). The table is constant,
  deterministic and published (this module is the publication): protection comes from the secret
  record keys, not from hiding the rule.

How the table is built, with N = `settings.PRIVACY_MIN_CELL` (default 5) and D = `MAX_NOISE` (2):

- A true count of 0 is released as 0: an empty cell identifies nobody, and structural zeros
  (a language nobody used) stay zeros.
- A true count t from 1 to N-1 is released as **0 or N**, never as 1 to N-1: N for a share t/N of
  the cell keys (so the released value is right on average), 0 for the rest. A released 0 therefore
  means "0 to N-1 people", a released N means "1 to N+D people".
- A true count t of N or more gets a noise from -D to +D read from the cell key (the same key gives
  the same noise), restricted to the values that keep the output at N or above. Rows from
  `CAP` = N + D up are the same row: the noise no longer depends on the count.

So no released figure is ever 1 to N-1, |noise| <= D for counts of N or more, and a difference of
two overlapping cells (a month inside its quarter) is a difference of independent noises, not a
person. What this costs: a released count may differ from the truth by up to D, and a small group
may show as 0 or as N; means and shares are computed from released counts, so they carry the same
noise and add nothing an attacker could use.
"""

from functools import cache

KEY_RANGE = 256
MAX_NOISE = 2


def min_cell():
    """N: the smallest group a release may show (the privacy settings' minimum cell size, never below
    the platform's PRIVACY_MIN_CELL). A release stores the N it was built with."""
    from django.conf import settings

    from gsn_site.models import PrivacySettings

    # Read, never created here: creating the settings row is a save, which purges the page cache.
    stored = PrivacySettings.objects.filter(site__is_default_site=True).first()
    return stored.effective_min_cell if stored else settings.PRIVACY_MIN_CELL


def cell_key(record_keys):
    """A cell's key from the record keys of the records it counts (or from cell keys of its parts)."""
    return sum(record_keys) % KEY_RANGE


@cache
def perturbation_table(minimum, max_noise=MAX_NOISE):
    """{row: [noise for each cell key 0..255]}; row = min(true count, minimum + max_noise)."""
    table = {0: [0] * KEY_RANGE}
    for count in range(1, minimum):
        threshold = round(KEY_RANGE * count / minimum)
        table[count] = [minimum - count if key < threshold else -count for key in range(KEY_RANGE)]
    for count in range(minimum, minimum + max_noise + 1):
        allowed = [noise for noise in range(-max_noise, max_noise + 1) if count + noise >= minimum]
        table[count] = [allowed[key % len(allowed)] for key in range(KEY_RANGE)]
    return table


def perturb(count, key, minimum=None):
    """The released value of a cell of `count` people whose cell key is `key`."""
    minimum = minimum or min_cell()
    table = perturbation_table(minimum)
    return count + table[min(count, minimum + MAX_NOISE)][key % KEY_RANGE]


@cache
def possible_true_counts(released, minimum):
    """(lowest, highest) true count the table can release as `released`, for any cell key.

    What an attacker who knows the table learns from one released figure. The set is always an
    interval (tests.test_ptable checks it), so the bounds lose nothing.
    """
    table = perturbation_table(minimum)
    cap = minimum + MAX_NOISE
    counts = [
        count
        for count in range(0, released + cap + 1)
        if any(count + noise == released for noise in table[min(count, cap)])
    ]
    return min(counts), max(counts)
