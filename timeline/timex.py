"""The TIMEX3 value grammar: what a value may look like, its granularity and the days it covers.

One table (``_VALUE_FORMS``) says, for every form of a TIMEX3 ``value``, its granularity and how
to compute its calendar range. Everything else in the library asks this module, so granularity
and ranges can never disagree with the value they describe.
"""

from __future__ import annotations

import calendar
import enum
import re
from datetime import date, timedelta
from typing import Callable, Optional

__all__ = [
    "Granularity",
    "TimexType",
    "Mod",
    "granularity_of",
    "calendar_range",
    "is_valid_value",
    "offset_suffix",
    "utc_offset",
]


class TimexType(str, enum.Enum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"

    def __str__(self) -> str:
        return self.value


class Mod(str, enum.Enum):
    """TIMEX3 ``mod`` values (TimeML 1.2.1)."""

    BEFORE = "BEFORE"
    AFTER = "AFTER"
    ON_OR_BEFORE = "ON_OR_BEFORE"
    ON_OR_AFTER = "ON_OR_AFTER"
    LESS_THAN = "LESS_THAN"
    MORE_THAN = "MORE_THAN"
    EQUAL_OR_LESS = "EQUAL_OR_LESS"
    EQUAL_OR_MORE = "EQUAL_OR_MORE"
    START = "START"
    MID = "MID"
    END = "END"
    APPROX = "APPROX"

    def __str__(self) -> str:
        return self.value


class Granularity(str, enum.Enum):
    """How fine a value is, coarsest first (the order is used when sorting partial dates)."""

    MILLENNIUM = "millennium"
    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    SEASON = "season"
    MONTH = "month"
    WEEK = "week"
    WEEKEND = "weekend"
    DAY = "day"
    PART_OF_DAY = "part_of_day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"
    REFERENCE = "reference"  # PRESENT_REF, PAST_REF, FUTURE_REF
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return self.value


_D = "[0-9X]"
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
PARTS_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")
# The UTC offset a clock time may end with, ISO 8601 style: Z, +05:30, -04:00 (also -0400, -04).
# Parts of the day (T MO, T NI ...) have no form with an offset in TIMEX3.
_ZONE = r"(?P<zone>Z|[+-](?:[01][0-9]|2[0-3])(?::?[0-5][0-9])?)?"


def _year(value: str) -> int:
    return int(value[:4])


def _range_century(m: re.Match[str]) -> tuple[date, date]:
    c = int(m["c"])
    first = max(1, c * 100)
    return date(first, 1, 1), date(c * 100 + 99, 12, 31)


def _range_decade(m: re.Match[str]) -> tuple[date, date]:
    d = int(m["d"])
    return date(max(1, d * 10), 1, 1), date(d * 10 + 9, 12, 31)


def _range_year(m: re.Match[str]) -> tuple[date, date]:
    y = int(m["y"])
    return date(y, 1, 1), date(y, 12, 31)


def _month_range(y: int, first_month: int, last_month: int) -> tuple[date, date]:
    last_day = calendar.monthrange(y, last_month)[1]
    return date(y, first_month, 1), date(y, last_month, last_day)


def _range_half(m: re.Match[str]) -> tuple[date, date]:
    h = int(m["n"])
    return _month_range(int(m["y"]), 6 * h - 5, 6 * h)


def _range_quarter(m: re.Match[str]) -> tuple[date, date]:
    q = int(m["n"])
    return _month_range(int(m["y"]), 3 * q - 2, 3 * q)


def _range_season(m: re.Match[str]) -> tuple[date, date]:
    # Meteorological seasons; winter YYYY-WI runs from December of YYYY into February of YYYY+1.
    y = int(m["y"])
    first, last = _SEASON_MONTHS[m["s"]]
    if first > last:
        if y == date.max.year:  # the calendar ends before this winter does
            return date(y, first, 1), date.max
        return date(y, first, 1), date(y + 1, last, calendar.monthrange(y + 1, last)[1])
    return _month_range(y, first, last)


def _range_month(m: re.Match[str]) -> tuple[date, date]:
    y, mo = int(m["y"]), int(m["m"])
    return _month_range(y, mo, mo)


def _range_week(m: re.Match[str]) -> tuple[date, date]:
    monday = date.fromisocalendar(int(m["y"]), int(m["w"]), 1)
    if monday > date.max - timedelta(days=6):  # 9999-W52 ends after the calendar does
        return monday, date.max
    return monday, monday + timedelta(days=6)


def _range_weekend(m: re.Match[str]) -> tuple[date, date]:
    saturday = date.fromisocalendar(int(m["y"]), int(m["w"]), 6)
    return saturday, saturday + timedelta(days=1)


def _range_day(m: re.Match[str]) -> tuple[date, date]:
    day = date(int(m["y"]), int(m["m"]), int(m["dd"]))
    return day, day


_RangeFn = Callable[[re.Match[str]], tuple[date, date]]

# (pattern, granularity, range function). The first full match wins.
_VALUE_FORMS: tuple[tuple[re.Pattern[str], Granularity, Optional[_RangeFn]], ...] = tuple(
    (re.compile(pattern), granularity, fn)
    for pattern, granularity, fn in (
        (r"PRESENT_REF|PAST_REF|FUTURE_REF", Granularity.REFERENCE, None),
        (rf"(?P<c>{_D}{{2}})", Granularity.CENTURY, _range_century),
        (rf"(?P<d>{_D}{{3}})", Granularity.DECADE, _range_decade),
        (rf"(?P<y>{_D}{{4}})", Granularity.YEAR, _range_year),
        (rf"(?P<y>{_D}{{4}})-H(?P<n>[12X])", Granularity.HALF, _range_half),
        (rf"(?P<y>{_D}{{4}})-Q(?P<n>[1-4X])", Granularity.QUARTER, _range_quarter),
        (rf"(?P<y>{_D}{{4}})-(?P<s>SP|SU|FA|WI)", Granularity.SEASON, _range_season),
        (rf"(?P<y>{_D}{{4}})-(?P<m>0[1-9]|1[0-2]|XX)", Granularity.MONTH, _range_month),
        (rf"(?P<y>{_D}{{4}})-W(?P<w>0[1-9]|[1-4][0-9]|5[0-3]|XX)", Granularity.WEEK, _range_week),
        (rf"(?P<y>{_D}{{4}})-W(?P<w>0[1-9]|[1-4][0-9]|5[0-3]|XX)-WE", Granularity.WEEKEND, _range_weekend),
        (rf"{_D}{{4}}-W(?:{_D}{{2}})-[1-7]", Granularity.DAY, None),
        (rf"{_D}{{4}}-W(?:{_D}{{2}})-[1-7]T(?:{'|'.join(PARTS_OF_DAY)})", Granularity.PART_OF_DAY, None),  # "Monday mornings"
        (
            rf"(?P<y>{_D}{{4}})-(?P<m>0[1-9]|1[0-2]|XX)-(?P<dd>0[1-9]|[12][0-9]|3[01]|XX)",
            Granularity.DAY,
            _range_day,
        ),
        (
            rf"(?P<y>{_D}{{4}})-(?P<m>0[1-9]|1[0-2]|XX)-(?P<dd>0[1-9]|[12][0-9]|3[01]|XX)"
            rf"T(?:{'|'.join(PARTS_OF_DAY)})",
            Granularity.PART_OF_DAY,
            _range_day,
        ),
        (
            rf"(?P<y>{_D}{{4}})-(?P<m>0[1-9]|1[0-2]|XX)-(?P<dd>0[1-9]|[12][0-9]|3[01]|XX)"
            rf"T(?:[01][0-9]|2[0-4])" + _ZONE,
            Granularity.HOUR,
            _range_day,
        ),
        (
            rf"(?P<y>{_D}{{4}})-(?P<m>0[1-9]|1[0-2]|XX)-(?P<dd>0[1-9]|[12][0-9]|3[01]|XX)"
            rf"T(?:[01][0-9]|2[0-4]):[0-5][0-9]" + _ZONE,
            Granularity.MINUTE,
            _range_day,
        ),
        (
            rf"(?P<y>{_D}{{4}})-(?P<m>0[1-9]|1[0-2]|XX)-(?P<dd>0[1-9]|[12][0-9]|3[01]|XX)"
            rf"T(?:[01][0-9]|2[0-4]):[0-5][0-9]:[0-5][0-9]" + _ZONE,
            Granularity.SECOND,
            _range_day,
        ),
    )
)

# Durations (and SET periods): ISO 8601 periods plus TimeML's units L (millennium), DE (decade),
# CE (century), Q (quarter), WE (weekend); X stands for an unknown number ("PXY": some years).
_NUM = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = re.compile(
    rf"P(?:(?P<date>(?:{_NUM}(?:CE|DE|WE|L|Y|Q|M|W|D))+)(?:T(?P<time1>(?:{_NUM}[HMS])+))?"
    rf"|T(?P<time2>(?:{_NUM}[HMS])+))"
)
_DURATION_UNIT = re.compile(r"(CE|DE|WE|L|Y|Q|M|W|D|H|S)")
_DURATION_GRANULARITY = {
    "L": Granularity.MILLENNIUM,
    "CE": Granularity.CENTURY,
    "DE": Granularity.DECADE,
    "Y": Granularity.YEAR,
    "Q": Granularity.QUARTER,
    "M": Granularity.MONTH,
    "W": Granularity.WEEK,
    "WE": Granularity.WEEKEND,
    "D": Granularity.DAY,
    "H": Granularity.HOUR,
    "TM": Granularity.MINUTE,
    "S": Granularity.SECOND,
}


def _match_date_form(value: str) -> Optional[tuple[re.Match[str], Granularity, Optional[_RangeFn]]]:
    for pattern, granularity, fn in _VALUE_FORMS:
        m = pattern.fullmatch(value)
        if m:
            return m, granularity, fn
    return None


def _duration_granularity(m: re.Match[str]) -> Granularity:
    """The finest unit named in a duration: P1Y6M is month-grained, PT1H hour-grained."""
    if m["time1"] or m["time2"]:
        last = (m["time1"] or m["time2"])[-1]
        return _DURATION_GRANULARITY["TM" if last == "M" else last]
    units = _DURATION_UNIT.findall(m["date"])
    return _DURATION_GRANULARITY[units[-1]]


def granularity_of(value: str, type: str = "DATE") -> Granularity:
    """The granularity a TIMEX3 value is written at (``2018-W31`` -> week, ``P2Y`` -> year)."""
    if type in ("DURATION", "SET"):
        m = _DURATION.fullmatch(value)
        if m:
            return _duration_granularity(m)
    form = _match_date_form(value)
    if form is not None:
        return form[1]
    m = _DURATION.fullmatch(value)
    if m:
        return _duration_granularity(m)
    return Granularity.UNKNOWN


def calendar_range(value: str) -> Optional[tuple[date, date]]:
    """The first and last day (inclusive) a fully specified date value covers, else ``None``.

    Values with unknown digits (``XXXX-08``), references (``PRESENT_REF``) and durations have no
    range. Years outside 1..9999 have none either (Python's ``date`` cannot hold them).
    """
    form = _match_date_form(value)
    if form is None or "X" in value:
        return None
    m, _, fn = form
    if fn is None:
        return None
    try:
        return fn(m)
    except (ValueError, OverflowError):  # e.g. 2018-02-30, week 53 of a 52-week year, year 0
        return None


def utc_offset(value: str) -> Optional[timedelta]:
    """The UTC offset a clock-time value ends with (``2018-08-06T15:00-04:00`` -> -4 h), else ``None``."""
    form = _match_date_form(value)
    if form is None or "zone" not in form[0].re.groupindex or form[0]["zone"] is None:
        return None
    zone = form[0]["zone"]
    if zone == "Z":
        return timedelta(0)
    digits = zone[1:].replace(":", "")
    offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
    return -offset if zone[0] == "-" else offset


def offset_suffix(offset: Optional[timedelta]) -> str:
    """How a clock time writes a UTC offset: ``Z`` for zero, else ``+05:30`` / ``-04:00``.

    ``""`` for no offset, and for offsets that are not whole minutes (the local mean times of
    old time zone data, e.g. Amsterdam's +00:19:32): ISO 8601 cannot write them.
    """
    if offset is None or offset % timedelta(minutes=1) or abs(offset) >= timedelta(hours=24):
        return ""
    if not offset:
        return "Z"
    minutes = int(abs(offset).total_seconds()) // 60
    return f"{'-' if offset < timedelta(0) else '+'}{minutes // 60:02d}:{minutes % 60:02d}"


def is_valid_value(value: str, type: str) -> bool:
    """Does ``value`` follow the TIMEX3 value grammar for ``type``?"""
    if type in ("DURATION",):
        return _DURATION.fullmatch(value) is not None
    if type == "SET":
        return _DURATION.fullmatch(value) is not None or _match_date_form(value) is not None
    form = _match_date_form(value)
    if form is None:
        return False
    m, granularity, fn = form
    if type == "DATE" and granularity in (
        Granularity.PART_OF_DAY,
        Granularity.HOUR,
        Granularity.MINUTE,
        Granularity.SECOND,
    ):
        return False
    if type == "TIME" and granularity not in (
        Granularity.PART_OF_DAY,
        Granularity.HOUR,
        Granularity.MINUTE,
        Granularity.SECOND,
        Granularity.DAY,
        Granularity.REFERENCE,
    ):
        return False
    # A fully specified value must name a real calendar period (no 2018-02-30).
    if fn is not None and "X" not in value and calendar_range(value) is None:
        return False
    return True
