"""Property-based tests: what resolution and reading must satisfy for any publication date.

Resolution properties call only :func:`timeline.resolve` (pure rules, fast) and run a few hundred
examples each; reading properties call :func:`timeline.read` (spaCy) on short texts and run few.
"""

from __future__ import annotations

import calendar
import json
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.timex import Granularity, granularity_of, is_valid_value

from conftest import examples

# ---------------------------------------------------------------------------------------------
# Shared strategies and settings

PUBLISHED = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
TENSES = st.sampled_from([None, "past", "present", "future"])

RESOLVE_SETTINGS = settings(max_examples=examples(250), deadline=None)
READ_SETTINGS = settings(max_examples=examples(20), deadline=None)

ONE_DAY = timedelta(days=1)
ONE_WEEK = timedelta(days=7)

# (name, ISO weekday number): "Monday" is 1 ... "Sunday" is 7.
WEEKDAYS = st.sampled_from([(name, number) for number, name in enumerate(calendar.day_name, start=1)])

# Phrases covering every rule family of timeline.rules.
PHRASES = [
    # explicit dates
    "July 4, 2018", "2018-08-03", "8/3/2018", "Monday, July 4", "the 4th of July", "Aug. 9",
    # months, seasons, quarters, halves
    "July", "March 2016", "late November", "mid-July", "last April", "last summer", "spring 2019",
    "next winter", "the third quarter", "third-quarter", "Q2 2018", "the first half of 2017",
    "last quarter", "the latest quarter",
    # years, decades, centuries
    "2017", "fiscal 2019", "'98", "the end of 1990", "the 1990s", "the '90s", "the mid-1990s",
    "the 21st century", "last decade",
    # references and days relative to the anchor
    "now", "recently", "the future", "yesterday", "today", "tomorrow", "tonight", "this morning",
    "yesterday afternoon", "the day before",
    # weekdays
    "Thursday", "last Friday", "next Monday", "Wednesday night",
    # relative calendar units
    "last week", "this month", "next year", "the weekend", "this past weekend", "later this year",
    "early next year", "the end of the year", "two weeks ago", "three days ago", "a year earlier",
    # durations
    "three years", "half an hour", "several months", "the past 18 months", "hour-long",
    "more than a decade", "a fortnight", "two-year",
    # sets
    "every Monday", "every other week", "daily", "each year", "quarterly",
    # clock times
    "3:30 p.m.", "noon tomorrow", "nine o'clock", "10:30 a.m. Tuesday", "around 7:15 p.m.",
    # holidays
    "Christmas", "next Thanksgiving", "last Christmas",
]  # fmt: skip

# Relative expressions whose values are calendar periods of a day or a week.
RELATIVE_PHRASES = [
    *(f"{rel}{name}" for name in calendar.day_name for rel in ("", "last ", "next ", "this ")),
    "Monday night", "Friday morning", "yesterday", "today", "tomorrow", "tonight",
    "three days ago", "last week", "this week", "next week", "two weeks ago", "the weekend",
]  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Helpers


def _resolve(phrase: str, published: date, tense: str | None = None) -> timeline.TimeValue:
    return timeline.resolve(phrase, published, tense=tense)


def _day(phrase: str, published: date, tense: str | None = None) -> date:
    """The single day a phrase resolves to (asserting that it is day-grained)."""
    value = _resolve(phrase, published, tense)
    assert value.granularity is Granularity.DAY, value
    assert value.start == value.end, value
    return value.start


def _month_shift(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _years_later(day: date, years: int) -> date:
    """The same month and day ``years`` later (earlier if negative); never given February 29."""
    return day.replace(year=day.year + years)


def _assert_is_month(value: timeline.TimeValue, year: int, month: int) -> None:
    assert value.value == f"{year:04d}-{month:02d}"
    assert value.granularity is Granularity.MONTH
    assert value.start == date(year, month, 1)
    assert value.end == date(year, month, calendar.monthrange(year, month)[1])


def _assert_is_iso_week(value: timeline.TimeValue) -> None:
    iso = value.start.isocalendar()
    assert value.value == f"{iso.year:04d}-W{iso.week:02d}"
    assert value.granularity is Granularity.WEEK
    assert value.start.isoweekday() == 1
    assert value.end == value.start + timedelta(days=6)


def _assert_is_year(value: timeline.TimeValue, year: int) -> None:
    assert value.value == f"{year:04d}"
    assert value.granularity is Granularity.YEAR
    assert (value.start, value.end) == (date(year, 1, 1), date(year, 12, 31))


def _assert_offsets_valid(read: timeline.ReadArticle) -> None:
    """Expressions slice the text, come in order without overlapping, and sit in their sentence."""
    text = read.article.text
    previous_end = 0
    for e in read.time_expressions:
        assert 0 <= e.start < e.end <= len(text), e
        assert text[e.start : e.end] == e.text, e
        assert e.start >= previous_end, (e, previous_end)
        previous_end = e.end
        sentence = e.sentence
        assert sentence.start <= e.start and e.end <= sentence.end, e
        assert text[sentence.start : sentence.end] == sentence.text, sentence


# ---------------------------------------------------------------------------------------------
# Days relative to the anchor


@RESOLVE_SETTINGS
@given(published=PUBLISHED)
def test_yesterday_today_tomorrow(published):
    """"yesterday" is the day before the anchor, "today" the anchor, "tomorrow" the day after."""
    assert _day("yesterday", published) == published - ONE_DAY
    assert _day("today", published) == published
    assert _day("tomorrow", published) == published + ONE_DAY


# ---------------------------------------------------------------------------------------------
# Relative months, weeks and years


@RESOLVE_SETTINGS
@given(published=PUBLISHED)
def test_relative_months(published):
    """"last/this/next month" are the calendar months before, of and after the anchor's month."""
    for phrase, shift in (("last month", -1), ("this month", 0), ("next month", 1)):
        _assert_is_month(_resolve(phrase, published), *_month_shift(published, shift))


@RESOLVE_SETTINGS
@given(published=PUBLISHED)
def test_relative_weeks(published):
    """"last/this/next week" are ISO weeks starting on a Monday; "this week" holds the anchor
    and "last week" ends 7 days before it, "next week" 7 days after."""
    last, this, next_ = (_resolve(f"{rel} week", published) for rel in ("last", "this", "next"))
    for value in (last, this, next_):
        _assert_is_iso_week(value)
    assert this.start <= published <= this.end
    assert last.end == this.end - ONE_WEEK
    assert next_.end == this.end + ONE_WEEK


@RESOLVE_SETTINGS
@given(published=PUBLISHED)
def test_relative_years(published):
    """"last/this/next year" are the years before, of and after the anchor's (YYYY, year-grained)."""
    for phrase, shift in (("last year", -1), ("this year", 0), ("next year", 1)):
        _assert_is_year(_resolve(phrase, published), published.year + shift)


# ---------------------------------------------------------------------------------------------
# Weekdays


@RESOLVE_SETTINGS
@given(published=PUBLISHED, weekday=WEEKDAYS)
def test_next_weekday(published, weekday):
    """"next <weekday>" is that weekday, after the anchor and at most 13 days later."""
    name, number = weekday
    day = _day(f"next {name}", published)
    assert day.isoweekday() == number
    assert 1 <= (day - published).days <= 13


@RESOLVE_SETTINGS
@given(published=PUBLISHED, weekday=WEEKDAYS)
def test_last_weekday(published, weekday):
    """"last <weekday>" is that weekday, before the anchor and at most 7 days earlier."""
    name, number = weekday
    day = _day(f"last {name}", published)
    assert day.isoweekday() == number
    assert 1 <= (published - day).days <= 7


@RESOLVE_SETTINGS
@given(published=PUBLISHED, weekday=WEEKDAYS)
def test_bare_weekday_follows_tense(published, weekday):
    """A bare weekday is, in the past tense, 0-6 days before the anchor; in the future tense,
    0-6 days after it; always that weekday."""
    name, number = weekday
    past = _day(name, published, "past")
    future = _day(name, published, "future")
    assert past.isoweekday() == number and future.isoweekday() == number
    assert 0 <= (published - past).days <= 6
    assert 0 <= (future - published).days <= 6


@RESOLVE_SETTINGS
@given(published=PUBLISHED)
def test_anchor_weekday_is_the_anchor(published):
    """The anchor's own weekday resolves to the anchor in both the past and the future tense."""
    name = calendar.day_name[published.weekday()]
    assert _day(name, published, "past") == published
    assert _day(name, published, "future") == published


# ---------------------------------------------------------------------------------------------
# Month and day without a year

# Month/day combinations of a common year: every valid pair except February 29.
MONTH_DAYS = st.dates(min_value=date(2001, 1, 1), max_value=date(2001, 12, 31))
MONTH_DAY_FORMS = st.sampled_from(["{month} {day}", "{abbr}. {day}", "{day} {month}", "the {day}{suffix} of {month}"])


def _month_day_phrase(form: str, month_day: date) -> str:
    """``month_day`` written without its year in ``form`` ("July 4", "Jul. 4", "the 4th of July")."""
    day = month_day.day
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return form.format(
        month=calendar.month_name[month_day.month], abbr=calendar.month_abbr[month_day.month], day=day, suffix=suffix
    )


@RESOLVE_SETTINGS
@given(published=PUBLISHED, month_day=MONTH_DAYS, form=MONTH_DAY_FORMS)
def test_month_day_past(published, month_day, form):
    """A month and day without a year, in the past tense, is on or before the anchor and less than
    a year before it."""
    day = _day(_month_day_phrase(form, month_day), published, "past")
    assert (day.month, day.day) == (month_day.month, month_day.day)
    assert day <= published < _years_later(day, 1)


@RESOLVE_SETTINGS
@given(published=PUBLISHED, month_day=MONTH_DAYS, form=MONTH_DAY_FORMS)
def test_month_day_future(published, month_day, form):
    """A month and day without a year, in the future tense, is on or after the anchor and less
    than a year after it."""
    day = _day(_month_day_phrase(form, month_day), published, "future")
    assert (day.month, day.day) == (month_day.month, month_day.day)
    assert _years_later(day, -1) < published <= day


# ---------------------------------------------------------------------------------------------
# Every rule family: grammar, ranges, granularity, determinism, serialisation


@RESOLVE_SETTINGS
@given(phrase=st.sampled_from(PHRASES), published=PUBLISHED, tense=TENSES)
def test_resolved_values_are_well_formed(phrase, published, tense):
    """Every resolved value follows the TIMEX3 grammar for its type, has start <= end when it has
    a range, the granularity its value is written at, and resolving again gives the same value."""
    value = _resolve(phrase, published, tense)
    assert is_valid_value(value.value, str(value.type)), value
    assert (value.start is None) == (value.end is None), value
    if value.start is not None:
        assert value.start <= value.end, value
    assert value.granularity == granularity_of(value.value, str(value.type)), value
    assert _resolve(phrase, published, tense) == value


@RESOLVE_SETTINGS
@given(phrase=st.sampled_from(PHRASES), published=PUBLISHED, tense=TENSES)
def test_values_survive_a_json_round_trip(phrase, published, tense):
    """TimeValue.from_dict(json.loads(json.dumps(v.to_dict()))) == v."""
    value = _resolve(phrase, published, tense)
    assert timeline.TimeValue.from_dict(json.loads(json.dumps(value.to_dict()))) == value


# ---------------------------------------------------------------------------------------------
# Anchoring


@RESOLVE_SETTINGS
@given(phrase=st.sampled_from(RELATIVE_PHRASES), published=PUBLISHED, tense=TENSES)
def test_a_week_later_anchor_shifts_by_a_week(phrase, published, tense):
    """Publishing exactly 7 days later moves a day- or week-valued relative expression (weekdays
    under a fixed tense included) exactly 7 days later, at the same granularity."""
    before = _resolve(phrase, published, tense)
    after = _resolve(phrase, published + ONE_WEEK, tense)
    assert (after.type, after.granularity, after.mod) == (before.type, before.granularity, before.mod)
    assert after.start == before.start + ONE_WEEK
    assert after.end == before.end + ONE_WEEK
    assert after.value.partition("T")[2] == before.value.partition("T")[2]  # same part of day


# ---------------------------------------------------------------------------------------------
# Reading articles (spaCy)

SUBJECTS = ["The senator", "The company", "Officials", "She"]
VERBS = ["met", "said", "will travel", "is meeting", "has resigned", "plans to visit", "would vote"]
TEXT_PHRASES = [
    "on Monday", "last week", "yesterday", "in July", "on July 4", "two weeks ago", "next year",
    "every Monday", "at 3:30 p.m.", "in the 1990s", "for three years", "later this year",
    "this morning", "in early 2019", "the same day", "on Thursday night", "in the third quarter",
]  # fmt: skip
SENTENCES = st.builds(
    lambda subject, verb, phrase: f"{subject} {verb} {phrase}.",
    st.sampled_from(SUBJECTS),
    st.sampled_from(VERBS),
    st.sampled_from(TEXT_PHRASES),
)
ARTICLE_TEXTS = st.builds(
    lambda separator, sentences: separator.join(sentences),
    st.sampled_from([" ", "\n", "\n\n"]),
    st.lists(SENTENCES, min_size=1, max_size=3),
)
# Arbitrary text, and arbitrary text mixed with time phrases and punctuation the detector joins.
NOISY_TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(
        st.one_of(st.text(max_size=12), st.sampled_from(TEXT_PHRASES + PHRASES + [",", ".", "-", "'s", "\n", " "])),
        max_size=12,
    ).map(" ".join),
)


@READ_SETTINGS
@given(text=ARTICLE_TEXTS, published=PUBLISHED)
def test_read_offsets_and_determinism(text, published):
    """Each expression read from ordinary sentences slices the text at its offsets, in text order,
    non-overlapping, inside its sentence; reading the same article again gives equal results."""
    article = timeline.Article(text, published)
    read = timeline.read(article)
    _assert_offsets_valid(read)
    assert timeline.read(article) == read


@READ_SETTINGS
@given(text=NOISY_TEXTS, published=PUBLISHED)
def test_read_arbitrary_text(text, published):
    """Any text is read without an exception other than TimelineError, with valid offsets."""
    try:
        read = timeline.read(timeline.Article(text, published))
    except timeline.TimelineError:
        return
    _assert_offsets_valid(read)


# ---------------------------------------------------------------------------------------------
# Event dates and times of day (timeline.events.dates, timeline.merge.similarity)

DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@settings(max_examples=examples(300), deadline=None)
@given(DAYS, st.integers(0, 400), st.sampled_from([1, -1]))
def test_moving_a_day_there_and_back_gives_the_day(day, n, direction):
    from timeline.events.dates import shifted

    anchor = timeline.TimeValue("DATE", day.isoformat())
    there = shifted(anchor, timeline.TimeValue("DURATION", f"P{n}D"), direction)
    assert there is not None and there.start == day + timedelta(days=n * direction)
    back = shifted(there, timeline.TimeValue("DURATION", f"P{n}D"), -direction)
    assert back == anchor


@settings(max_examples=examples(300), deadline=None)
@given(DAYS, st.sampled_from(["P3D", "P2W", "P5M", "P4Y", "PXD", "PTXM"]), st.sampled_from(["day", "month", "year"]), st.sampled_from([1, -1]))
def test_a_moved_date_is_never_finer_than_its_anchor_or_its_distance(day, offset, size, direction):
    from timeline.events.dates import shifted

    text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[size]
    anchor = timeline.TimeValue("DATE", text)
    moved = shifted(anchor, timeline.TimeValue("DURATION", offset), direction)
    assert moved is not None
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    assert rank[str(moved.granularity)] >= rank[str(anchor.granularity)]
    assert rank[str(moved.granularity)] >= {"P3D": 0, "P2W": 1, "P5M": 2, "P4Y": 3, "PXD": 2, "PTXM": 0}[offset] or moved == anchor


TIMES = st.one_of(
    st.sampled_from(["TMO", "TMI", "TAF", "TEV", "TNI", "TDT"]),
    st.builds(lambda h, m: f"T{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59)),
)


@settings(max_examples=examples(300), deadline=None)
@given(DAYS, TIMES, TIMES)
def test_times_of_day_apart_is_symmetric_and_a_time_is_never_apart_from_itself(day, first, second):
    from timeline.merge.similarity import different_times, time_of_day

    a = time_of_day(timeline.TimeValue("TIME", day.isoformat() + first))
    b = time_of_day(timeline.TimeValue("TIME", day.isoformat() + second))
    assert a is not None and b is not None
    assert different_times(a, b) == different_times(b, a)
    assert not different_times(a, a)


WORDS = st.lists(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=1).flatmap(
    lambda first: st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8).map(lambda rest: first + rest)
), min_size=2, max_size=6)


@settings(max_examples=examples(300), deadline=None)
@given(WORDS)
def test_an_acronym_matches_the_words_it_abbreviates_both_ways(words):
    from timeline.merge.names import names_match

    name, acronym = " ".join(words), "".join(w[0] for w in words)
    assert names_match(acronym, name) and names_match(name, acronym)
