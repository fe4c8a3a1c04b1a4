"""Resolve: turn a time phrase into a TIMEX3 value, anchored to a publication date and a tense.

The rules (patterns) are data in :mod:`timeline.rules`; this module holds one small handler per
rule family, registered by name, plus the arithmetic on calendar periods they share. A handler
receives the match's named groups and a :class:`Context` (anchor date, tense of the governing
verb, the discourse's last resolved date, the publication's UTC offset) and returns a
:class:`~timeline.model.TimeValue`.
"""

from __future__ import annotations

import calendar
import enum
import functools
import re
from datetime import date, datetime, timedelta
from typing import Callable, Mapping, Optional, TypeVar

from attrs import frozen

from .model import TimeValue
from .rules import (
    DAY_OFFSETS,
    DISCOURSE_OFFSETS,
    EDGE_MODS,
    FREQUENCY_WORDS,
    GLUED_UNITS,
    HOLIDAYS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    QUANTITY_MODS,
    REFERENCE_WORDS,
    RELATIVE_OFFSETS,
    SEASONS,
    TIME_ZONES,
    UNIT_MULTIPLIER,
    UNIT_PLURALS,
    UNITS,
    WEEKDAYS,
    Rule,
    compile_rules,
    number_value,
)
from .timex import Granularity, offset_suffix

__all__ = ["Tense", "Context", "Resolution", "normalize", "resolve_phrase", "match_rule", "publication_offset"]


class Tense(str, enum.Enum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


@frozen
class Context:
    """What a relative expression is resolved against."""

    #: The publication day: for a zoned datetime its local date, in the article's own zone.
    anchor: date
    tense: Optional[Tense] = None
    #: The last anchored value of the discourse ("the same day" refers to it).
    reference: Optional[TimeValue] = None
    #: The publication's UTC offset when it was given as a zoned datetime, else ``None``; clock
    #: times then carry it ("3 p.m." -> ``2018-08-06T15:00-04:00``).
    offset: Optional[timedelta] = None
    #: A year an earlier expression of the same sentence named ("In 2011, ... in October").
    sentence_year: Optional[int] = None


def publication_offset(published: Optional[date]) -> Optional[timedelta]:
    """The UTC offset of a zoned publication datetime; ``None`` for a naive one or a date."""
    return published.utcoffset() if isinstance(published, datetime) else None


@frozen
class Resolution:
    value: TimeValue
    rule: str


# Named groups that matched (absent ones are left out), merged over the rule's fixed options.
Groups = Mapping[str, str]
Handler = Callable[..., Optional[TimeValue]]
_HANDLERS: dict[str, Handler] = {}


_H = TypeVar("_H", bound=Handler)


def handler(name: str) -> Callable[[_H], _H]:
    """Register a function as the handler that rules name in their ``handler`` field."""

    def register(fn: _H) -> _H:
        _HANDLERS[name] = fn
        return fn

    return register


# ---------------------------------------------------------------------------------------------
# Normalising phrases and matching rules

_HYPHEN_IN_WORDS = re.compile(r"(?<=[a-z'])[-‐‑–](?=[a-z0-9])|(?<=[0-9])[-‐‑–](?=[a-z])")
_DOTS = re.compile(r"\.(?![0-9])")
_SPACES = re.compile(r"\s+")
# A count run into its unit, as tweets write them: "3mins", "1.5hrs", "7Days".
_GLUED_UNIT = re.compile(rf"(?<=[0-9])(?=(?:{'|'.join(GLUED_UNITS)})\b)")


def normalize(phrase: str) -> str:
    """Lower case, straight apostrophes, no dots, hyphens between words as spaces, one space."""
    text = phrase.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    text = _HYPHEN_IN_WORDS.sub(" ", text)
    text = _DOTS.sub("", text)
    text = _GLUED_UNIT.sub(" ", text)
    return _SPACES.sub(" ", text).strip(" ,")


@functools.lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[Rule, re.Pattern[str]], ...]:
    return compile_rules()


#: Phrases up to this long are remembered with their rule (time expressions are a few words);
#: a longer one is matched afresh each time, so that the cache's memory stays bounded (65,536
#: phrases of at most 200 characters) whatever text is read.
CACHED_PHRASE_CHARS = 200


def match_rule(normalized: str) -> Optional[tuple[Rule, dict[str, Optional[str]]]]:
    """The first rule whose pattern matches the whole normalised phrase, with its groups."""
    if len(normalized) <= CACHED_PHRASE_CHARS:
        return _cached_match(normalized)
    return _match(normalized)


@functools.lru_cache(maxsize=65536)
def _cached_match(normalized: str) -> Optional[tuple[Rule, dict[str, Optional[str]]]]:
    return _match(normalized)


def _match(normalized: str) -> Optional[tuple[Rule, dict[str, Optional[str]]]]:
    for rule, pattern in _compiled():
        m = pattern.fullmatch(normalized)
        if m:
            return rule, m.groupdict()
    return None


def resolve_phrase(phrase: str, context: Context) -> Optional[Resolution]:
    """Resolve one phrase, or ``None`` when no rule accepts it."""
    found = match_rule(normalize(phrase))
    if found is None:
        return None
    rule, matched = found
    groups = {**rule.options, **{k: v for k, v in matched.items() if v is not None}}
    try:
        value = _HANDLERS[rule.handler](groups, context)
    except (ValueError, OverflowError):
        # Arithmetic past the calendar's ends (year 1 or 9999): keep the expression, unresolved.
        value = TimeValue("DATE", "XXXX-XX-XX")
    if value is None:
        return None
    return Resolution(value, rule.name)


# ---------------------------------------------------------------------------------------------
# Calendar arithmetic shared by the handlers


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def _mod(groups: Groups, key: str = "edge") -> Optional[str]:
    word = groups.get(key)
    if not word:
        return None
    return EDGE_MODS.get(word.strip()) or EDGE_MODS.get(word.strip() + " ")


def _qmod(groups: Groups) -> Optional[str]:
    word = groups.get("qmod")
    if not word:
        return None
    return QUANTITY_MODS.get(word)


def _year(text: str, anchor: date) -> int:
    """A written year; two digits ("'98", "fy 19") take the century that puts it nearest the anchor."""
    digits = text.lstrip("'")
    if len(digits) == 2:
        two = int(digits)
        century = anchor.year // 100 * 100
        candidates = [century - 100 + two, century + two, century + 100 + two]
        return min(candidates, key=lambda y: abs(y - anchor.year))
    return int(digits)


def _day_number(text: str) -> int:
    return int(text.rstrip("stndrh"))  # "4th" -> 4


Span = tuple[date, date, TimeValue]


def _spans(candidates: list[TimeValue]) -> list[Span]:
    """Candidates with their calendar ranges (all candidates built here are anchored dates)."""
    return [(c.start, c.end, c) for c in candidates if c.start is not None and c.end is not None]


def latest_starting_by(candidates: list[TimeValue], day: date, *, strictly: bool = False) -> Optional[TimeValue]:
    """The candidate that started last on or before ``day`` (before it, with ``strictly``)."""
    eligible = [s for s in _spans(candidates) if (s[0] < day if strictly else s[0] <= day)]
    return max(eligible, key=lambda s: s[0])[2] if eligible else None


def earliest_ending_from(candidates: list[TimeValue], day: date, *, strictly: bool = False) -> Optional[TimeValue]:
    """The candidate that starts first among those not over by ``day`` (starting after it, with ``strictly``)."""
    eligible = [s for s in _spans(candidates) if (s[0] > day if strictly else s[1] >= day)]
    return min(eligible, key=lambda s: s[0])[2] if eligible else None


def pick_by_tense(candidates: list[TimeValue], context: Context, unknown: Optional[Tense] = None) -> TimeValue:
    """Of values that differ only in the missing year or week, the one the tense points to.

    Past: the latest that started on or before the anchor. Future: the earliest that has not
    ended before the anchor. Present or unknown tense: the one nearest the anchor, unless
    ``unknown`` says which tense to assume when no verb tells.
    """
    anchor = context.anchor
    tense = context.tense or unknown
    chosen = None
    if tense is Tense.PAST:
        chosen = latest_starting_by(candidates, anchor)
    elif tense is Tense.FUTURE:
        chosen = earliest_ending_from(candidates, anchor)
    if chosen is not None:
        return chosen

    def distance(span: Span) -> tuple[int, bool]:
        first, last, _ = span
        days = 0 if first <= anchor <= last else min(abs((first - anchor).days), abs((last - anchor).days))
        return days, first > anchor  # ties go to the past

    return min(_spans(candidates), key=distance)[2]


def narrated_year(context: Context) -> Optional[int]:
    """The earlier year the sentence is told in ("In 2011, the company was founded and in
    October it hired 50 people": October 2011); None when the sentence named none, or one not
    before the publication's, or when the clause looks ahead. Only the same sentence: in news a
    year named sentences before seldom carries on ("Sales fell from 2017. In July, ...")."""
    year = context.sentence_year
    if year is None or year >= context.anchor.year or context.tense is Tense.FUTURE:
        return None
    return year


# ---------------------------------------------------------------------------------------------
# Handlers: explicit dates


@handler("calendar_date")
def calendar_date(groups: Groups, context: Context) -> Optional[TimeValue]:
    month = MONTHS[groups["month"]] if groups.get("month") else int(groups["month_num"])
    day = _day_number(groups["day"])
    part = PARTS_OF_DAY.get(groups.get("part") or "")
    suffix = f"T{part}" if part else ""
    kind = "TIME" if part else "DATE"
    if groups.get("year"):
        year = _year(groups["year"], context.anchor)
        return TimeValue(kind, day_value(date(year, month, day)) + suffix)
    narrated = narrated_year(context)
    if narrated is not None and not groups.get("weekday"):
        return TimeValue(kind, day_value(date(narrated, month, day)) + suffix)
    candidates = []
    for year in (context.anchor.year - 1, context.anchor.year, context.anchor.year + 1):
        try:
            candidates.append(TimeValue(kind, day_value(date(year, month, day)) + suffix))
        except ValueError:  # February 29 outside leap years
            continue
    if groups.get("weekday"):
        # "Monday, July 4": the year in which that day is that weekday, if any.
        weekday = WEEKDAYS[groups["weekday"]]
        matching = [c for c in candidates if c.start is not None and c.start.isoweekday() == weekday]
        candidates = matching or candidates
    if not candidates:
        return None
    return pick_by_tense(candidates, context)


@handler("month_name")
def month_name(groups: Groups, context: Context) -> TimeValue:
    month = MONTHS[groups["month"]] if groups.get("month") else int(groups["month_num"])
    mod = _mod(groups)
    if groups.get("year"):
        return TimeValue("DATE", month_value(_year(groups["year"], context.anchor), month), mod=mod)
    anchor = context.anchor
    if groups.get("year_rel"):  # "June last year"
        return TimeValue("DATE", month_value(anchor.year + RELATIVE_OFFSETS[groups["year_rel"]], month), mod=mod)
    offset = RELATIVE_OFFSETS[groups["rel"]] if groups.get("rel") else None
    if offset == -1:  # "last July": the most recent July before the current month
        return TimeValue("DATE", month_value(anchor.year if month < anchor.month else anchor.year - 1, month), mod=mod)
    if offset == 1:  # "next July", "the following July": the first one after it
        return TimeValue("DATE", month_value(anchor.year if month > anchor.month else anchor.year + 1, month), mod=mod)
    if offset == 0:  # "this July"
        return TimeValue("DATE", month_value(anchor.year, month), mod=mod)
    narrated = narrated_year(context)
    if narrated is not None:
        return TimeValue("DATE", month_value(narrated, month), mod=mod)
    candidates = [TimeValue("DATE", month_value(y, month)) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    chosen = pick_by_tense(candidates, context)
    return TimeValue("DATE", chosen.value, mod=mod)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth ISO weekday (1 = Monday) of a month; nth = -1 for the last one."""
    if nth > 0:
        first = date(year, month, 1)
        shift = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=shift + 7 * (nth - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday_date(name: str, year: int) -> date:
    spec = HOLIDAYS[name]
    if len(spec) == 2:
        return date(year, *spec)
    month, weekday, nth = spec
    day = _nth_weekday(year, month, weekday, nth)
    if name == "election day":  # the Tuesday after the first Monday of November
        day = _nth_weekday(year, 11, 1, 1) + timedelta(days=1)
    return day


@handler("holiday")
def holiday(groups: Groups, context: Context) -> TimeValue:
    name = groups["holiday"]
    if groups.get("year"):
        return TimeValue("DATE", day_value(holiday_date(name, int(groups["year"]))))
    anchor = context.anchor
    candidates = [TimeValue("DATE", day_value(holiday_date(name, y))) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    offset = RELATIVE_OFFSETS.get(groups.get("rel") or "")
    chosen = None
    if offset == -1:
        chosen = latest_starting_by(candidates, anchor, strictly=True)
    elif offset == 1:
        chosen = earliest_ending_from(candidates, anchor, strictly=True)
    return chosen or pick_by_tense(candidates, context)


@handler("season")
def season(groups: Groups, context: Context) -> TimeValue:
    code = SEASONS[groups["season"]]
    mod = _mod(groups)
    anchor = context.anchor
    if groups.get("year"):
        return TimeValue("DATE", f"{_year(groups['year'], anchor):04d}-{code}", mod=mod)
    candidates = [TimeValue("DATE", f"{y:04d}-{code}") for y in (anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1)]
    offset = RELATIVE_OFFSETS.get(groups.get("rel") or "")
    chosen = None
    if offset == -1:  # "last summer": the latest one already over
        over = [c for c in candidates if c.end is not None and c.end < anchor]
        chosen = latest_starting_by(over, anchor)
    elif offset == 1:
        chosen = earliest_ending_from(candidates, anchor, strictly=True)
    chosen = chosen or pick_by_tense(candidates, context)
    return TimeValue("DATE", chosen.value, mod=mod)


_ORDINAL_DIGITS = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


@handler("quarter")
def quarter(groups: Groups, context: Context) -> TimeValue:
    anchor = context.anchor
    if groups.get("number"):
        number = int(groups["number"])
        unit = "quarter"
    else:
        number = ORDINALS.get(groups["ordinal"]) or _ORDINAL_DIGITS[groups["ordinal"]]
        unit = groups["unit"]
    letter = "Q" if unit == "quarter" else "H"
    if unit == "half" and number > 2:
        raise ValueError("a year has two halves")
    year_text = groups.get("year") or groups.get("year2")
    rel = groups.get("rel") or groups.get("rel2")
    if year_text:
        return TimeValue("DATE", f"{_year(year_text, anchor):04d}-{letter}{number}")
    if rel:
        year = anchor.year + RELATIVE_OFFSETS[rel]
        return TimeValue("DATE", f"{year:04d}-{letter}{number}")
    # A quarter named without a year is one of the anchor's year ("expects to report third-quarter
    # earnings" is about the quarter just ended), unless a past-tense clause puts it before the anchor.
    value = TimeValue("DATE", f"{anchor.year:04d}-{letter}{number}")
    if context.tense is Tense.PAST and value.start is not None and value.start > anchor:
        value = TimeValue("DATE", f"{anchor.year - 1:04d}-{letter}{number}")
    return value


@handler("latest_quarter")
def latest_quarter(groups: Groups, context: Context) -> TimeValue:
    """"the latest quarter", "the quarter": in financial news, the last one reported on."""
    anchor = context.anchor
    reference = context.reference
    if reference is not None and reference.granularity is Granularity.QUARTER and groups.get("which") in (None, "same"):
        return TimeValue("DATE", reference.value)
    year, month = add_months(anchor.year, anchor.month, -3) if context.tense is not Tense.FUTURE else (anchor.year, anchor.month)
    value = TimeValue("DATE", f"{year:04d}-Q{(month - 1) // 3 + 1}")
    if groups.get("which") in ("year earlier", "year ago"):
        return _shift_value(value, years=-1)
    return value


@handler("year_ago")
def year_ago(groups: Groups, context: Context) -> TimeValue:
    """"year-earlier", "the year-ago quarter": the discourse's quarter one year back, else last year."""
    reference = context.reference
    if reference is not None and reference.granularity in _PERIODS_OF_A_YEAR:
        return _shift_value(reference, years=-1)
    return TimeValue("DATE", f"{context.anchor.year - 1:04d}")


def _shift_value(value: TimeValue, years: int) -> TimeValue:
    """The same period ``years`` earlier or later: 1989-Q3 -> 1988-Q3."""
    head, sep, tail = value.value.partition("-")
    shifted = f"{int(head[:4]) + years:04d}{head[4:]}{sep}{tail}"
    d = value.start
    if value.granularity is Granularity.DAY and d is not None:
        try:
            shifted = day_value(d.replace(year=d.year + years))
        except ValueError:  # February 29
            shifted = day_value(d.replace(year=d.year + years, day=28))
    return TimeValue(value.type, shifted, mod=value.mod)


@handler("year_period")
def year_period(groups: Groups, context: Context) -> TimeValue:
    """"the 1988 quarter": the discourse's quarter (or half) in that year; "the 1988 period" too."""
    year_number = _year(groups["year"], context.anchor)
    reference = context.reference
    if reference is not None and reference.granularity in (Granularity.QUARTER, Granularity.HALF):
        return TimeValue("DATE", f"{year_number:04d}{reference.value[4:]}")
    return TimeValue("DATE", f"{year_number:04d}")


_SPELLED = {
    **{w: i for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(), start=1)},
    **{w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)},
}


@handler("spelled_year")
def spelled_year(groups: Groups, context: Context) -> TimeValue:
    """"nineteen ninety-six" (broadcast transcripts), "two thousand and one"."""
    words = [w for w in groups["spelled_year"].split() if w != "and"]
    if words[:2] == ["two", "thousand"]:
        number = 2000 + sum(_SPELLED[w] for w in words[2:])
    else:
        rest = words[1:]
        number = _SPELLED[words[0]] * 100 + (0 if rest == ["hundred"] else sum(_SPELLED[w] for w in rest))
    return TimeValue("DATE", f"{number:04d}")


@handler("part_of_reference_day")
def part_of_reference_day(groups: Groups, context: Context) -> TimeValue:
    """"the morning", "in the afternoon": of the discourse's day, else of the anchor."""
    reference = context.reference
    day = context.anchor
    if reference is not None and reference.start is not None and reference.granularity in _DAY_OR_FINER:
        day = reference.start
    part = groups.get("part") or groups["part2"]
    return TimeValue("TIME", f"{day_value(day)}T{PARTS_OF_DAY[part]}", mod=_mod(groups))


@handler("decade")
def decade(groups: Groups, context: Context) -> TimeValue:
    mod = _mod(groups)
    if groups.get("decade"):
        start = int(groups["decade"])
    elif groups.get("spelled_decade"):  # "the nineties": the most recent such decade
        tens = _SPELLED[groups["spelled_decade"][:-3] + "y"]
        century = context.anchor.year // 100 * 100
        start = century + tens if century + tens <= context.anchor.year else century - 100 + tens
    else:
        two = int(groups["decade2"])
        century = context.anchor.year // 100 * 100
        start = century + two if century + two <= context.anchor.year else century - 100 + two
    return TimeValue("DATE", f"{start // 10:03d}", mod=mod)


@handler("century")
def century(groups: Groups, context: Context) -> TimeValue:
    number = int(groups["ordinal"])
    return TimeValue("DATE", f"{number - 1:02d}", mod=_mod(groups))


@handler("year")
def year(groups: Groups, context: Context) -> TimeValue:
    text = groups.get("year") or groups["short"]
    return TimeValue("DATE", f"{_year(text, context.anchor):04d}", mod=_mod(groups))


# ---------------------------------------------------------------------------------------------
# Handlers: relative to the anchor


@handler("reference")
def reference(groups: Groups, context: Context) -> TimeValue:
    return TimeValue("DATE", REFERENCE_WORDS[groups["reference"]])


@handler("day_offset")
def day_offset(groups: Groups, context: Context) -> TimeValue:
    word = groups["dayword"]
    day = context.anchor + timedelta(days=DAY_OFFSETS[word])
    part = PARTS_OF_DAY.get(groups.get("part") or "")
    if DAY_OFFSETS[word] == 0 and word.endswith(("night", "nite")) or word in ("last night", "last nite"):
        part = "NI"
    if part:
        return TimeValue("TIME", f"{day_value(day)}T{part}", mod=_mod(groups))
    return TimeValue("DATE", day_value(day), mod=_mod(groups))


@handler("part_of_day")
def part_of_day(groups: Groups, context: Context) -> TimeValue:
    return TimeValue("TIME", f"{day_value(context.anchor)}T{PARTS_OF_DAY[groups['part']]}", mod=_mod(groups))


@handler("weekday")
def weekday(groups: Groups, context: Context) -> TimeValue:
    """A weekday, placed by its modifier or, without one, by the tense of its verb.

    "last Friday" is the most recent Friday before the anchor, "next Monday" the first Monday
    after it. A bare weekday in a past-tense clause is the latest one on or before the anchor
    (the publication weekday itself is that day), in a future clause the first on or after it.
    """
    target = WEEKDAYS[groups["weekday"]]
    anchor = context.anchor
    back = (anchor.isoweekday() - target) % 7  # days back to the latest such weekday
    ahead = (target - anchor.isoweekday()) % 7
    rel = RELATIVE_OFFSETS.get(groups.get("rel") or "")
    if rel == -1:
        day = anchor - timedelta(days=back or 7)
    elif rel == 1:
        day = anchor + timedelta(days=ahead or 7)
    elif groups.get("rel") == "this":
        day = anchor + timedelta(days=target - anchor.isoweekday())  # of the anchor's week
    elif rel == 0 or groups.get("rel") is None:
        tense = context.tense
        if tense is Tense.FUTURE:
            day = anchor + timedelta(days=ahead)
        elif tense is Tense.PRESENT:
            day = anchor - timedelta(days=back) if back <= ahead else anchor + timedelta(days=ahead)
        else:  # past, or no verb to tell: news mostly reports what happened
            day = anchor - timedelta(days=back)
    else:
        raise ValueError(f"unknown relative word {groups.get('rel')!r}")
    part = PARTS_OF_DAY.get(groups.get("part") or "")
    if part:
        return TimeValue("TIME", f"{day_value(day)}T{part}")
    return TimeValue("DATE", day_value(day))


_UNIT_GRANULARITY = {
    "day": Granularity.DAY,
    "week": Granularity.WEEK,
    "weekend": Granularity.WEEKEND,
    "month": Granularity.MONTH,
    "quarter": Granularity.QUARTER,
    "year": Granularity.YEAR,
    "fiscal year": Granularity.YEAR,
    "decade": Granularity.DECADE,
    "century": Granularity.CENTURY,
}


def period_value(unit: str, anchor: date, offset: int) -> str:
    """The value of the ``unit``-long calendar period ``offset`` periods from the anchor's."""
    if unit == "day":
        return day_value(anchor + timedelta(days=offset))
    if unit == "week":
        return week_value(anchor + timedelta(weeks=offset))
    if unit == "weekend":
        return week_value(anchor + timedelta(weeks=offset)) + "-WE"
    if unit == "month":
        return month_value(*add_months(anchor.year, anchor.month, offset))
    if unit == "quarter":
        year, month = add_months(anchor.year, anchor.month, 3 * offset)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit in ("year", "fiscal year"):
        return f"{anchor.year + offset:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + offset:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + offset:02d}"
    raise ValueError(f"no calendar period for unit {unit!r}")


# Relative words that make a decade or century a stretch of time up to or from now.
STRETCH_WORDS = frozenset({"past", "coming", "next", "following", "upcoming", "this coming", "preceding"})


@handler("relative_unit")
def relative_unit(groups: Groups, context: Context) -> TimeValue:
    """"last week", "this month", "next year", "later this year", "over the weekend"."""
    unit = groups["unit"]
    rel = groups.get("rel")
    anchor = context.anchor
    if unit == "weekend" and rel in (None, "this"):
        # "the weekend": the one just past in a past clause, else the coming one.
        saturday = anchor + timedelta(days=(6 - anchor.isoweekday()) % 7)
        if context.tense is Tense.PAST and saturday > anchor:
            saturday -= timedelta(weeks=1)
        return TimeValue("DATE", week_value(saturday) + "-WE")
    offset = RELATIVE_OFFSETS[rel] if rel else 0
    if unit in ("decade", "century") and rel in STRETCH_WORDS:
        # "over the coming decade", "the past decade": ten years from or up to now, not "202"
        return TimeValue("DURATION", duration_value(1, unit), mod=_mod(groups))
    return TimeValue("DATE", period_value(unit, anchor, offset), mod=_mod(groups))


@handler("the_unit")
def the_unit(groups: Groups, context: Context) -> TimeValue:
    """"the week", "the month": the discourse's period of that size, else the anchor's.

    "the year" is mostly a fiscal stretch in news ("for the year ended June 30"): a duration.
    """
    unit = groups["unit"]
    reference = context.reference
    if unit == "decade":
        # "the decade that followed": ten years, unless the text has named a decade
        if reference is not None and reference.granularity is Granularity.DECADE:
            return TimeValue("DATE", reference.value)
        return TimeValue("DURATION", duration_value(1, unit))
    if unit in ("year", "fiscal year"):
        return TimeValue("DURATION", "P1Y")
    return _discourse_period(unit, context)


@handler("rest_of_period")
def rest_of_period(groups: Groups, context: Context) -> TimeValue:
    """"the rest of the year": what is left of the discourse's year, else the anchor's; TimeML
    gives it that period's value ("most of the rest of the year" in a story of 1952 is 1952)."""
    return _discourse_period(groups["unit"], context)


def _discourse_period(unit: str, context: Context) -> TimeValue:
    """The ``unit``-long period of the discourse's last date, else of the anchor."""
    reference = context.reference
    anchor = reference.start if reference is not None and reference.start is not None else context.anchor
    return TimeValue("DATE", period_value(unit, anchor, 0))


_TIME_UNITS = {unit for unit, (_, is_time) in UNITS.items() if is_time}


def _unit(word: str) -> str:
    return UNIT_PLURALS.get(word, word)


def duration_value(count: Optional[float], unit: str) -> str:
    """An ISO 8601 period for ``count`` ``unit``s; ``None`` count gives an X ("PXY")."""
    unit = _unit(unit)
    code, is_time = UNITS[unit]
    count = None if count is None else count * UNIT_MULTIPLIER.get(unit, 1)
    if unit == "quarter":  # TimeML counts quarters in months: "the next three quarters" = P9M
        code = "M"
        count = None if count is None else count * 3
    if unit == "decade":  # and decades in years, as TimeBank does: "two decades" = P20Y
        code = "Y"
        count = None if count is None else count * 10
    if count is not None and count != int(count):
        # Halves go down a unit where one exists: half an hour = PT30M, half a year = P6M.
        smaller = {"hour": (60, "M", True), "year": (12, "M", False), "day": (24, "H", True), "minute": (60, "S", True)}
        if unit in smaller:
            factor, code, is_time = smaller[unit]
            count *= factor
    number = "X" if count is None else (str(int(count)) if count == int(count) else f"{count:g}")
    return f"PT{number}{code}" if is_time else f"P{number}{code}"


@handler("duration")
def duration(groups: Groups, context: Context) -> Optional[TimeValue]:
    unit = _unit(groups["unit"])
    count_text = groups.get("count")
    plural = groups["unit"] != unit
    if count_text:
        count = number_value(count_text)
    elif groups.get("rel") or groups.get("long"):
        count = 1.0 if not plural else None
    else:
        count = None if plural else 1.0
    if unit in ("weekend",) and count is not None:
        return None
    mod = _qmod(groups)
    return TimeValue("DURATION", duration_value(count, unit), mod=mod)


_DAY_OR_FINER = (Granularity.DAY, Granularity.PART_OF_DAY, Granularity.HOUR, Granularity.MINUTE, Granularity.SECOND)
_PERIODS_OF_A_YEAR = (Granularity.QUARTER, Granularity.HALF, Granularity.SEASON)


@handler("ago")
def ago(groups: Groups, context: Context) -> TimeValue:
    """"two weeks ago", "a year earlier", "three days later": a point shifted from the anchor.

    "ago" counts from the publication date; "earlier"/"later" from the discourse's last date.
    """
    unit = _unit(groups["unit"])
    count_text = groups.get("count")
    count = number_value(count_text) if count_text else 1.0
    direction = groups["direction"]
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    base_value = None
    reference = context.reference
    if reference is not None and reference.is_anchored:
        if direction in ("earlier", "later"):
            base_value = reference
        elif unit == "year" and reference.granularity in _PERIODS_OF_A_YEAR:
            # "a year ago" after "the third quarter": that quarter, a year back.
            base_value = reference
    anchor = base_value.start if base_value is not None and base_value.start is not None else context.anchor
    if count is None or count != int(count) or unit in _TIME_UNITS or unit not in _UNIT_GRANULARITY:
        # Vague or fractional amounts: a point in the past or future, its size unknown.
        return TimeValue("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod=_qmod(groups))
    n = int(count) * sign
    if unit == "year" and base_value is not None and base_value.granularity in _PERIODS_OF_A_YEAR:
        return _shift_value(base_value, years=n)
    return TimeValue("DATE", period_value(unit, anchor, n), mod=_qmod(groups))


@handler("discourse")
def discourse(groups: Groups, context: Context) -> Optional[TimeValue]:
    """"the same day", "that week", "the next day", "the day before": from the discourse's date."""
    which = groups["which"]
    unit = groups["unit"]
    reference = context.reference
    parts = {"night": "NI", "morning": "MO", "evening": "EV", "afternoon": "AF"}
    base = reference.start if reference is not None and reference.start is not None else None
    if base is None:
        if which in ("that", "the same", "the very same"):
            return None  # nothing to refer back to: not a date we can know
        base = context.anchor
    offset = DISCOURSE_OFFSETS[which]
    if unit in parts:
        day = base + timedelta(days=offset)
        return TimeValue("TIME", f"{day_value(day)}T{parts[unit]}")
    return TimeValue("DATE", period_value(unit, base, offset))


# ---------------------------------------------------------------------------------------------
# Handlers: sets and clock times


@handler("set_every")
def set_every(groups: Groups, context: Context) -> TimeValue:
    unit = _unit(groups["unit"])
    count_text = groups.get("count")
    count = 2.0 if count_text == "other" else (number_value(count_text) if count_text else 1.0)
    return TimeValue("SET", duration_value(count, unit))


@handler("set_weekday")
def set_weekday(groups: Groups, context: Context) -> TimeValue:
    part = PARTS_OF_DAY.get(groups.get("part") or "")  # "Monday mornings"
    return TimeValue("SET", f"XXXX-WXX-{WEEKDAYS[groups['weekday']]}" + (f"T{part}" if part else ""))


@handler("set_season")
def set_season(groups: Groups, context: Context) -> TimeValue:
    return TimeValue("SET", f"XXXX-{SEASONS[groups['season']]}")


@handler("set_part_of_day")
def set_part_of_day(groups: Groups, context: Context) -> TimeValue:
    return TimeValue("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[groups['part']]}")


@handler("set_weekend")
def set_weekend(groups: Groups, context: Context) -> TimeValue:
    return TimeValue("SET", "XXXX-WXX-WE")


@handler("set_month")
def set_month(groups: Groups, context: Context) -> TimeValue:
    return TimeValue("SET", f"XXXX-{MONTHS[groups['month']]:02d}")


@handler("frequency")
def frequency(groups: Groups, context: Context) -> TimeValue:
    return TimeValue("SET", FREQUENCY_WORDS[groups["freq"]])


_CLOCK_WORDS = {w: i for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), start=1)}


@handler("clock_time")
def clock_time(groups: Groups, context: Context) -> Optional[TimeValue]:
    if groups.get("named"):
        hour, minute = (0, 0) if groups["named"] == "midnight" else (12, 0)
    else:
        clock = groups["clock"].replace(".", ":")
        if clock.isdigit() and len(clock) > 2:
            clock = f"{clock[:-2]}:{clock[-2:]}"  # "1030am", "945pm"
        hour_text, _, minute_text = clock.partition(":")
        hour = int(hour_text) if hour_text.isdigit() else _CLOCK_WORDS[hour_text]
        minute = int(minute_text) if minute_text else 0
        ampm = (groups.get("ampm") or "").replace(" ", "")
        if hour > 12 and ampm or hour > 23 or minute > 59:
            return None
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    day = context.anchor
    if groups.get("dayword"):
        day = context.anchor + timedelta(days=DAY_OFFSETS[groups["dayword"]])
    elif groups.get("weekday"):
        day = date.fromisoformat(weekday({"weekday": groups["weekday"]}, context).value[:10])
    elif context.reference is not None and context.reference.granularity is Granularity.DAY and context.reference.start:
        day = context.reference.start
    # A zoned publication gives clock times its UTC offset, or the one of a zone the text names
    # ("3 p.m. EDT"; none for a zone name we cannot place). Dates and naive datetimes give none.
    offset = context.offset
    if offset is not None and groups.get("zone"):
        offset = TIME_ZONES.get(groups["zone"])
    return TimeValue("TIME", f"{day_value(day)}T{hour:02d}:{minute:02d}{offset_suffix(offset)}", mod=_qmod(groups))


@handler("stopwatch")
def stopwatch(groups: Groups, context: Context) -> TimeValue:
    """A race or a record time ("won in 2:03:59"): how long, not when."""
    parts = [(int(groups["hours"]), "H"), (int(groups["minutes"]), "M"), (int(groups["seconds"]), "S")]
    return TimeValue("DURATION", "PT" + "".join(f"{n}{unit}" for n, unit in parts if n) if any(n for n, _ in parts) else "PT0S")


def check_handlers() -> None:
    """Every rule names a registered handler (run by the tests)."""
    missing = {rule.handler for rule, _ in _compiled()} - set(_HANDLERS)
    if missing:
        raise LookupError(f"rules name unknown handlers: {sorted(missing)}")

