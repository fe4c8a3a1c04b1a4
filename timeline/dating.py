"""Dating: which values depend on the publication date, and a publication date inferred from the text.

An article without a publication date still has expressions that need none ("July 16, 2018",
"1989"), and relative ones ("Thursday", "last month") that do. Which is which is found by
resolving every expression against several *probe* anchors far apart: a value that comes out
the same under all of them does not depend on the anchor; digits that differ are the ones the
anchor decides, and become ``X`` when no date is known ("July 4" -> ``XXXX-07-04``,
"Thursday" -> ``XXXX-XX-XX``). Nothing is guessed.

When the text supports it, :func:`infer_published` infers the date from the text itself:

* the evidence: a day of a known year the text reports (in the past tense, or with none, without
  tense) and relative expressions of about a day or a week ("Tuesday", "yesterday", "tonight");
  without both, no date is inferred;
* the window: from the latest such day to ``WINDOW_DAYS`` after it, and before the earliest
  anchor-free date the text announces in the future tense;
* the cost of each day ``P`` of the window: how far from ``P`` every relative expression lands
  when resolved against ``P`` with its tense (news reports "said Thursday" of a recent Thursday,
  so a past "Thursday" and a future "Monday" together favour Friday to Sunday), plus how far
  ``P`` is from the latest day reported;
* the result: the days of least cost as a range, the earliest of them as the day relative
  expressions resolve against, and a confidence: the share of ``exp(-cost)`` over the window
  that falls in the range (a model score, calibrated in ``docs/accuracy.md``).
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from typing import Iterable, Optional, Sequence

from attrs import frozen

from .model import InferredDate, TimeValue
from .resolution import Context, Tense, resolve_phrase
from .rules import RULES
from .timex import Granularity, TimexType

__all__ = ["PROBE_ANCHORS", "Clue", "InferredDate", "infer_published", "mask"]

#: Anchors far apart in every digit of year, month and day: a digit that depends on the anchor
#: differs between them.
PROBE_ANCHORS = (date(1234, 5, 6), date(2345, 8, 19), date(3456, 11, 27))
#: A single expression adds at most this many days of cost (one odd reading cannot outweigh all).
MAX_DISTANCE = 31
_DATE_TYPES = (TimexType.DATE, TimexType.TIME)
_DIGITS = re.compile(r"[0-9]+")


def mask(values: Sequence[TimeValue]) -> TimeValue:
    """The value with every run of digits the anchors disagree on written as ``X``s.

    ``values`` are one expression's values under each of :data:`PROBE_ANCHORS`.
    """
    first = values[0]
    if all(v == first for v in values[1:]):
        return first
    if any(v.type != first.type or v.mod != first.mod for v in values[1:]):
        return TimeValue(str(first.type), "XXXX-XX-XX") if first.type in _DATE_TYPES else first
    runs = [[m.span() for m in _DIGITS.finditer(v.value)] for v in values]
    if any(len(r) != len(runs[0]) for r in runs) or any(_DIGITS.sub("0", v.value) != _DIGITS.sub("0", first.value) for v in values):
        return TimeValue(str(first.type), "XXXX-XX-XX", first.mod)
    masked, last = [], 0
    for index, (start, end) in enumerate(runs[0]):
        digits = {v.value[r[index][0] : r[index][1]] for v, r in zip(values, runs, strict=True)}
        masked.append(first.value[last:start])
        masked.append(first.value[start:end] if len(digits) == 1 else "X" * (end - start))
        last = end
    masked.append(first.value[last:])
    return TimeValue(str(first.type), "".join(masked), first.mod)


@frozen
class Clue:
    """A time expression as the detector found it: its text and the tense that governs it."""

    text: str
    tense: Optional[Tense] = None


# Rules that count from the discourse ("the next day"), not from the publication date.
_DISCOURSE_RULES = frozenset(rule.name for rule in RULES if rule.handler == "discourse")


def _value(clue: Clue, anchor: date) -> Optional[TimeValue]:
    resolution = resolve_phrase(clue.text, Context(anchor, clue.tense))
    if resolution is None or resolution.rule in _DISCOURSE_RULES:
        return None
    if resolution.value.type not in _DATE_TYPES or not resolution.value.is_anchored:
        return None
    return resolution.value


def _distance(value: TimeValue, day: date) -> int:
    """Days from ``day`` to the calendar range of ``value`` (0 inside it)."""
    assert value.start is not None and value.end is not None
    if value.start <= day <= value.end:
        return 0
    return min(abs((value.start - day).days), abs((value.end - day).days))


def _days(start: date, end: date) -> Iterable[date]:
    for offset in range((end - start).days + 1):
        yield start + timedelta(days=offset)


def infer_published(clues: Iterable[Clue]) -> Optional[InferredDate]:
    """The publication date the expressions of one article point to, or ``None`` if nothing does.

    Only anchor-free dates can place the window; relative expressions alone (a text that says
    "Thursday" and "last week" and no year) support no date.
    """
    absolute: list[tuple[Clue, TimeValue]] = []
    near: list[Clue] = []
    for clue in clues:
        probes = [_value(clue, anchor) for anchor in PROBE_ANCHORS]
        if any(v is None for v in probes):
            continue
        values = [v for v in probes if v is not None]
        if all(v == values[0] for v in values[1:]):
            absolute.append((clue, values[0]))
        elif values[0].granularity in NEAR_GRANULARITIES:
            near.append(clue)  # "Tuesday", "yesterday", "last week", "Aug. 2": close to the day
    past = [(c, v) for c, v in absolute if c.tense is Tense.PAST]
    reported = past or [(c, v) for c, v in absolute if c.tense in (None, Tense.PRESENT)]
    announced = [(c, v) for c, v in absolute if c.tense is Tense.FUTURE]
    # The window. A text supports a publication date only where it reports a day of a known
    # year and speaks of days around it ("Tuesday", "yesterday", "tonight"): then publication
    # is that day or within the following week. Measured on TempEval-3 (docs/accuracy.md),
    # background dates alone ("March 26, 1996", "the 1996 election") say little of when an
    # article was written: documents are mostly months or years younger than the latest
    # date they name. What the text announces bounds the window from above.
    days_reported = [v.end for _, v in reported if v.granularity in NEAR_GRANULARITIES and v.end is not None]
    if not days_reported or not near:
        return None
    floor = max(days_reported)
    ceiling = min((v.start for _, v in announced if v.start is not None), default=None)
    last = floor + timedelta(days=WINDOW_DAYS) if floor < date.max - timedelta(days=WINDOW_DAYS) else floor
    if ceiling is not None and ceiling > floor:
        last = min(last, ceiling - timedelta(days=1))

    def cost(day: date) -> float:
        total = _cost((day - floor).days)  # the window starts at the latest day reported
        for clue in near:
            value = _value(clue, day)  # resolve_phrase turns calendar overflows into no value
            total += _cost(MAX_DISTANCE) if value is None else _cost(_distance(value, day))
        return total

    costs = [(day, cost(day)) for day in _days(floor, last)]
    weights = [math.exp(-c) for _, c in costs]
    blocks = _blocks(costs)
    start, end = max(blocks, key=lambda b: (sum(weights[b[0] : b[1] + 1]), -b[0]))
    best = min(c for _, c in costs[start : end + 1])
    day = next(d for d, c in costs[start : end + 1] if c == best)
    confidence = round(sum(weights[start : end + 1]) / sum(weights), 3)  # as JSON writes it
    evidence = tuple(dict.fromkeys([c.text for c, _ in reported + announced] + [c.text for c in near]))
    return InferredDate(costs[start][0], costs[end][0], day, confidence, evidence)


#: Granularities of values that lie close to the day they are counted from.
NEAR_GRANULARITIES = frozenset(
    {Granularity.DAY, Granularity.WEEK, Granularity.WEEKEND, Granularity.PART_OF_DAY, Granularity.HOUR, Granularity.MINUTE, Granularity.SECOND}
)
#: Days after the latest day the text reports that publication is looked for.
WINDOW_DAYS = 7
#: Days whose cost is within this of the best belong to the same range.
SLACK = 0.5


def _cost(days: int) -> float:
    """How unlikely a distance in days is: a day or two is usual, a month as bad as it gets."""
    return math.log2(1 + min(days, MAX_DISTANCE))


def _blocks(costs: list[tuple[date, float]]) -> list[tuple[int, int]]:
    """Index ranges of consecutive days whose cost is within SLACK of the best."""
    best = min(c for _, c in costs)
    blocks: list[tuple[int, int]] = []
    for index, (_, c) in enumerate(costs):
        if c > best + SLACK:
            continue
        if blocks and blocks[-1][1] == index - 1:
            blocks[-1] = (blocks[-1][0], index)
        else:
            blocks.append((index, index))
    return blocks
