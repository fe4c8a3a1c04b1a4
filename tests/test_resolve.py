"""Hand-written cases per rule family: phrase, anchor, tense -> exact TIMEX3 value."""

from __future__ import annotations

from datetime import date

import pytest

import timeline
from timeline.resolution import check_handlers

FRI = "2018-08-03"  # a Friday, in ISO week 2018-W31
MON = "2018-08-06"  # a Monday, week 2018-W32

CASES = [
    # phrase, published, tense, type, value, mod
    # weekdays, by tense
    ("Thursday", FRI, "past", "DATE", "2018-08-02", None),
    ("Monday", FRI, "future", "DATE", "2018-08-06", None),
    ("Monday", FRI, "past", "DATE", "2018-07-30", None),
    ("Friday", FRI, "past", "DATE", "2018-08-03", None),
    ("Friday", FRI, "future", "DATE", "2018-08-03", None),
    ("Saturday", FRI, "present", "DATE", "2018-08-04", None),
    ("last Friday", FRI, None, "DATE", "2018-07-27", None),
    ("next Monday", FRI, None, "DATE", "2018-08-06", None),
    ("Wednesday night", FRI, "past", "TIME", "2018-08-01TNI", None),
    # days relative to the anchor
    ("today", FRI, None, "DATE", "2018-08-03", None),
    ("yesterday", FRI, None, "DATE", "2018-08-02", None),
    ("tomorrow", FRI, None, "DATE", "2018-08-04", None),
    ("tonight", FRI, None, "TIME", "2018-08-03TNI", None),
    ("this morning", FRI, None, "TIME", "2018-08-03TMO", None),
    ("yesterday afternoon", FRI, None, "TIME", "2018-08-02TAF", None),
    ("mid-afternoon", FRI, None, "TIME", "2018-08-03TAF", "MID"),
    ("tmr night", FRI, None, "TIME", "2018-08-04TNI", None),
    ("now", FRI, None, "DATE", "PRESENT_REF", None),
    ("recently", FRI, None, "DATE", "PAST_REF", None),
    ("the future", FRI, None, "DATE", "FUTURE_REF", None),
    # relative calendar periods
    ("last week", MON, None, "DATE", "2018-W31", None),
    ("this week", MON, None, "DATE", "2018-W32", None),
    ("next week", MON, None, "DATE", "2018-W33", None),
    ("last month", FRI, None, "DATE", "2018-07", None),
    ("next month", "2018-12-15", None, "DATE", "2019-01", None),
    ("last year", FRI, None, "DATE", "2017", None),
    ("this year", FRI, None, "DATE", "2018", None),
    ("last quarter", FRI, None, "DATE", "2018-Q2", None),
    ("this past weekend", MON, None, "DATE", "2018-W31-WE", None),
    ("later this year", MON, None, "DATE", "2018", "END"),
    ("earlier this month", MON, None, "DATE", "2018-08", "START"),
    ("early next year", MON, None, "DATE", "2019", "START"),
    ("the end of the year", MON, None, "DATE", "2018", "END"),
    ("two weeks ago", MON, None, "DATE", "2018-W30", None),
    ("three days ago", MON, None, "DATE", "2018-08-03", None),
    ("a year ago", MON, None, "DATE", "2017", None),
    ("last decade", MON, None, "DATE", "200", None),
    ("the last decade", MON, None, "DATE", "200", None),
    ("the past year", MON, None, "DATE", "2017", None),
    ("the past 20 years", MON, None, "DURATION", "P20Y", None),
    ("the next three quarters", MON, None, "DURATION", "P9M", None),
    # months and days without a year: the nearest one the tense allows
    ("July 4", FRI, "past", "DATE", "2018-07-04", None),
    ("July 4", FRI, "future", "DATE", "2019-07-04", None),
    ("Aug. 9", FRI, "past", "DATE", "2017-08-09", None),
    ("Aug. 9", FRI, None, "DATE", "2018-08-09", None),
    ("in July", MON, None, "DATE", "2018-07", None),
    ("December", MON, "past", "DATE", "2017-12", None),
    ("December", MON, "future", "DATE", "2018-12", None),
    ("last April", MON, None, "DATE", "2018-04", None),
    ("next April", MON, None, "DATE", "2019-04", None),
    ("late November", "1999-12-02", "past", "DATE", "1999-11", "END"),
    ("mid-July", MON, None, "DATE", "2018-07", "MID"),
    ("the 4th of July", MON, "past", "DATE", "2018-07-04", None),
    # explicit dates
    ("July 4, 2016", MON, None, "DATE", "2016-07-04", None),
    ("Aug. 9, 1990", MON, None, "DATE", "1990-08-09", None),
    ("Monday, July 30, 2018", MON, None, "DATE", "2018-07-30", None),
    ("4 July 2016", MON, None, "DATE", "2016-07-04", None),
    ("2018-08-06", FRI, None, "DATE", "2018-08-06", None),
    ("8/6/2018", FRI, None, "DATE", "2018-08-06", None),
    ("July 2018", FRI, None, "DATE", "2018-07", None),
    ("Christmas", FRI, None, "DATE", "2018-12-25", None),
    ("Thanksgiving", "2018-11-01", "future", "DATE", "2018-11-22", None),
    # years, decades, centuries
    ("2019", FRI, None, "DATE", "2019", None),
    ("fiscal 1989", FRI, None, "DATE", "1989", None),
    ("'98", FRI, None, "DATE", "1998", None),
    ("the end of 1990", FRI, None, "DATE", "1990", "END"),
    ("the 1990s", FRI, None, "DATE", "199", None),
    ("the mid-1990s", FRI, None, "DATE", "199", "MID"),
    ("the '90s", FRI, None, "DATE", "199", None),
    ("the 20th century", FRI, None, "DATE", "19", None),
    ("the nineties", FRI, None, "DATE", "199", None),
    ("nineteen ninety-six", FRI, None, "DATE", "1996", None),
    ("two thousand and one", FRI, None, "DATE", "2001", None),
    # seasons, quarters, halves
    ("summer", FRI, "past", "DATE", "2018-SU", None),
    ("last fall", FRI, None, "DATE", "2017-FA", None),
    ("this past spring", FRI, None, "DATE", "2018-SP", None),
    ("winter 2019", FRI, None, "DATE", "2019-WI", None),
    ("the third quarter", "1989-10-25", "past", "DATE", "1989-Q3", None),
    ("third-quarter", "1989-10-25", "past", "DATE", "1989-Q3", None),
    ("the fourth quarter of 1988", FRI, None, "DATE", "1988-Q4", None),
    ("the first half of 2019", FRI, None, "DATE", "2019-H1", None),
    ("Q3 2018", FRI, None, "DATE", "2018-Q3", None),
    # durations
    ("hour-long", FRI, None, "DURATION", "PT1H", None),
    ("two years", FRI, None, "DURATION", "P2Y", None),
    ("a decade", FRI, None, "DURATION", "P10Y", None),
    ("24 hours", FRI, None, "DURATION", "PT24H", None),
    ("half an hour", FRI, None, "DURATION", "PT30M", None),
    ("several years", FRI, None, "DURATION", "PXY", None),
    ("the past two months", FRI, None, "DURATION", "P2M", None),
    ("the first nine months", FRI, None, "DURATION", "P9M", None),
    ("nearly three years", FRI, None, "DURATION", "P3Y", "APPROX"),
    ("more than a decade", FRI, None, "DURATION", "P10Y", "MORE_THAN"),
    ("two-year", FRI, None, "DURATION", "P2Y", None),
    ("a fortnight", FRI, None, "DURATION", "P2W", None),
    # sets
    ("every Monday", FRI, None, "SET", "XXXX-WXX-1", None),
    ("daily", FRI, None, "SET", "P1D", None),
    ("each year", FRI, None, "SET", "P1Y", None),
    ("quarterly", FRI, None, "SET", "P3M", None),
    # clock times
    ("3 p.m.", FRI, None, "TIME", "2018-08-03T15:00", None),
    ("10:30 a.m. Tuesday", FRI, "past", "TIME", "2018-07-31T10:30", None),
    ("noon", FRI, None, "TIME", "2018-08-03T12:00", None),
    ("around 7:15 p.m.", FRI, None, "TIME", "2018-08-03T19:15", "APPROX"),
]


@pytest.mark.parametrize("phrase,published,tense,type_,value,mod", CASES, ids=[f"{c[0]}@{c[1]}/{c[2]}" for c in CASES])
def test_rule_table(phrase, published, tense, type_, value, mod):
    resolved = timeline.resolve(phrase, published, tense=tense)
    assert (str(resolved.type), resolved.value, None if resolved.mod is None else str(resolved.mod)) == (type_, value, mod)


def test_every_rule_names_a_handler():
    check_handlers()


def test_value_carries_granularity_and_range():
    value = timeline.resolve("last week", MON)
    assert (str(value.granularity), value.start, value.end) == ("week", date(2018, 7, 30), date(2018, 8, 5))
    value = timeline.resolve("in July", MON)
    assert (str(value.granularity), value.start, value.end) == ("month", date(2018, 7, 1), date(2018, 7, 31))
    duration = timeline.resolve("two years", MON)
    assert (str(duration.granularity), duration.start, duration.end) == ("year", None, None)


def test_resolve_accepts_dates_and_datetimes():
    from datetime import datetime

    assert timeline.resolve("yesterday", date(2018, 8, 6)).value == "2018-08-05"
    assert timeline.resolve("yesterday", datetime(2018, 8, 6, 23, 59)).value == "2018-08-05"


@pytest.mark.parametrize("phrase", ["", "   ", "the senator", "banana bread"])
def test_unknown_phrases_raise_the_library_error(phrase):
    with pytest.raises(timeline.InvalidExpressionError):
        timeline.resolve(phrase, MON)


def test_bad_anchor_raises_the_library_error():
    with pytest.raises(timeline.InvalidDateError, match="not an ISO 8601 date"):
        timeline.resolve("yesterday", "last Tuesday")
    with pytest.raises(timeline.TimelineError):
        timeline.resolve(42, MON)  # type: ignore[arg-type]
