"""Times of day and time zones: parts of the day, clock times, and the publication's UTC offset.

Every anchor below is Monday 2018-08-06 in the article's own zone. Parts of the day ("tonight")
are TIMEX3 TIME values like ``2018-08-06TNI`` and never carry an offset; clock times ("3 p.m.")
are ``2018-08-06T15:00``, plus the publication's UTC offset when ``published`` is a datetime
with a zone (``2018-08-06T15:00-04:00``, ``…Z`` for UTC). A date or a naive datetime gives none.
"""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline import Article, TimeValue
from timeline.resolution import match_rule, normalize
from timeline.timex import Granularity, calendar_range, granularity_of, is_valid_value, utc_offset

from conftest import examples

MONDAY = date(2018, 8, 6)

# name -> (published, the offset clock times carry). All are Monday 2018-08-06 locally.
ANCHORS = {
    "date": (MONDAY, ""),
    "iso-date": ("2018-08-06", ""),
    "naive": ("2018-08-06T10:00:00", ""),
    "naive-datetime": (datetime(2018, 8, 6, 23, 30), ""),
    # 23:30 at -04:00 is already 7 August in UTC: the local day is what counts.
    "minus-4": ("2018-08-06T23:30:00-04:00", "-04:00"),
    "minus-4-datetime": (datetime(2018, 8, 6, 23, 30, tzinfo=timezone(timedelta(hours=-4))), "-04:00"),
    # 01:15 at +05:30 is still 5 August in UTC.
    "plus-5:30": ("2018-08-06T01:15:00+05:30", "+05:30"),
    "utc-z": ("2018-08-06T14:30:00Z", "Z"),
}

# phrase, tense, type, value (without offset), carries the offset, mod
PHRASES = [
    ("tonight", None, "TIME", "2018-08-06TNI", False, None),
    ("tonight", "future", "TIME", "2018-08-06TNI", False, None),
    ("this morning", None, "TIME", "2018-08-06TMO", False, None),
    ("this afternoon", None, "TIME", "2018-08-06TAF", False, None),
    ("this evening", "future", "TIME", "2018-08-06TEV", False, None),
    ("yesterday morning", "past", "TIME", "2018-08-05TMO", False, None),
    ("Monday night", "past", "TIME", "2018-08-06TNI", False, None),
    ("at 3 p.m.", None, "TIME", "2018-08-06T15:00", True, None),
    ("3 p.m.", "past", "TIME", "2018-08-06T15:00", True, None),
    ("3:30 p.m. Monday", "past", "TIME", "2018-08-06T15:30", True, None),
    ("3:30 p.m. Monday", "future", "TIME", "2018-08-06T15:30", True, None),
    ("noon today", None, "TIME", "2018-08-06T12:00", True, None),
    ("about 3 p.m.", None, "TIME", "2018-08-06T15:00", True, "APPROX"),
    ("at about 3 p.m.", None, "TIME", "2018-08-06T15:00", True, "APPROX"),
    ("midnight", None, "TIME", "2018-08-06T00:00", True, None),
    ("today", None, "DATE", "2018-08-06", False, None),
    ("tomorrow", None, "DATE", "2018-08-07", False, None),
    ("now", None, "DATE", "PRESENT_REF", False, None),
]


def _mod(value: TimeValue):
    return None if value.mod is None else str(value.mod)


@pytest.mark.parametrize("anchor", list(ANCHORS))
@pytest.mark.parametrize("phrase,tense,type_,value,zoned,mod", PHRASES, ids=[f"{p[0]}/{p[1]}" for p in PHRASES])
def test_resolve_times_of_day(anchor, phrase, tense, type_, value, zoned, mod):
    published, offset = ANCHORS[anchor]
    resolved = timeline.resolve(phrase, published, tense=tense)
    expected = value + offset if zoned else value
    assert (str(resolved.type), resolved.value, _mod(resolved)) == (type_, expected, mod)
    if resolved.is_anchored:  # the calendar range is the local day, whatever the offset
        assert resolved.start == resolved.end == date.fromisoformat(value[:10])


def test_the_publication_day_is_the_local_date():
    published = "2018-08-06T23:30:00-04:00"
    article = Article("x", published)
    assert isinstance(article.published, datetime)
    assert article.published.astimezone(timezone.utc).date() == date(2018, 8, 7)
    assert article.anchor == MONDAY
    assert timeline.resolve("today", published).value == "2018-08-06"
    assert timeline.resolve("yesterday", published).value == "2018-08-05"
    assert timeline.resolve("tonight", published).value == "2018-08-06TNI"
    # And east of UTC: 01:15 at +05:30 is 5 August in UTC, 6 August locally.
    assert timeline.resolve("today", "2018-08-06T01:15:00+05:30").value == "2018-08-06"
    assert timeline.resolve("this morning", "2018-08-06T01:15:00+05:30").value == "2018-08-06TMO"


def test_iso_strings_with_zones_parse_to_aware_datetimes():
    for text, offset in [
        ("2018-08-06T21:30:00-04:00", timedelta(hours=-4)),
        ("2018-08-06T21:30:00Z", timedelta(0)),
        ("2018-08-06T21:30:00+05:30", timedelta(hours=5, minutes=30)),
    ]:
        published = Article("x", text).published
        assert isinstance(published, datetime) and published.utcoffset() == offset
    assert Article("x", "2018-08-06T21:30:00").published.tzinfo is None  # type: ignore[union-attr]


def test_at_is_never_inside_an_extent():
    assert match_rule(normalize("at 3 p.m.")) is None
    assert match_rule(normalize("at 10 p.m. Wednesday")) is None
    found = match_rule(normalize("about 3 p.m."))
    assert found is not None and found[1]["qmod"] == "about"
    # A bare phrase may still start with the preposition: resolve() drops it.
    assert timeline.resolve("at 3 p.m.", "2018-08-06").value == "2018-08-06T15:00"


def test_a_zone_named_in_the_text_wins_over_the_articles():
    # Only a zoned publication gives offsets; then the zone the text names decides.
    assert timeline.resolve("4 p.m. EDT", "2018-08-06T10:00:00+05:30").value == "2018-08-06T16:00-04:00"
    assert timeline.resolve("4 p.m. GMT", "2018-08-06T10:00:00-04:00").value == "2018-08-06T16:00Z"
    # A zone name we cannot place (IST: India, Ireland or Israel) gives no offset at all.
    assert timeline.resolve("4 p.m. IST", "2018-08-06T10:00:00-04:00").value == "2018-08-06T16:00"
    # A date or a naive datetime never gives one, named zone or not (TimeML/TempEval values).
    assert timeline.resolve("4 p.m. EDT", "2018-08-06").value == "2018-08-06T16:00"
    assert timeline.resolve("4 p.m. EDT", "2018-08-06T10:00:00").value == "2018-08-06T16:00"


def test_offsets_that_are_not_whole_minutes_are_left_out():
    # Local mean time in old zone data: Amsterdam was +00:19:32 in 1900. ISO 8601 cannot write it.
    published = datetime(1900, 1, 1, 12, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))
    assert published.utcoffset() == timedelta(minutes=19, seconds=32)
    assert timeline.resolve("3 p.m.", published).value == "1900-01-01T15:00"


# ---------------------------------------------------------------------------------------------
# The value grammar


@pytest.mark.parametrize(
    "value,granularity,offset",
    [
        ("2018-08-06T15:00-04:00", Granularity.MINUTE, timedelta(hours=-4)),
        ("2018-08-06T15:00+05:30", Granularity.MINUTE, timedelta(hours=5, minutes=30)),
        ("2018-08-06T15:00Z", Granularity.MINUTE, timedelta(0)),
        ("2018-08-06T15-0400", Granularity.HOUR, timedelta(hours=-4)),
        ("2018-08-06T15:00:30+01", Granularity.SECOND, timedelta(hours=1)),
        ("2018-08-06T15:00", Granularity.MINUTE, None),
        ("2018-08-06TNI", Granularity.PART_OF_DAY, None),
    ],
)
def test_grammar_accepts_clock_times_with_offsets(value, granularity, offset):
    assert is_valid_value(value, "TIME")
    assert not is_valid_value(value, "DATE")
    assert granularity_of(value, "TIME") is granularity
    assert calendar_range(value) == (MONDAY, MONDAY)
    assert utc_offset(value) == offset
    parsed = TimeValue("TIME", value)
    assert (parsed.granularity, parsed.start, parsed.end) == (granularity, MONDAY, MONDAY)
    assert TimeValue.from_dict(parsed.to_dict()) == parsed


@pytest.mark.parametrize("value", ["2018-08-06TNI-04:00", "2018-08-06T15:00+24:00", "2018-08-06T15:00-4", "2018-08-06-04:00"])
def test_grammar_rejects_offsets_where_timex3_has_none(value):
    assert not is_valid_value(value, "TIME")
    with pytest.raises(timeline.InvalidValueError):
        TimeValue("TIME", value)


# ---------------------------------------------------------------------------------------------
# Reading sentences: extents and values

# text, [(extent, value without offset, carries the article's offset, mod)]
SENTENCES = [
    ("The president will address the nation tonight.", [("tonight", "2018-08-06TNI", False, None)]),
    ("Police arrested the man at 3 p.m. on the bridge.", [("3 p.m.", "2018-08-06T15:00", True, None)]),
    ("The vote is scheduled for 3:30 p.m. Monday.", [("3:30 p.m. Monday", "2018-08-06T15:30", True, None)]),
    (
        "She spoke this morning and will speak again this evening.",
        [("this morning", "2018-08-06TMO", False, None), ("this evening", "2018-08-06TEV", False, None)],
    ),
    ("Talks resumed this afternoon.", [("this afternoon", "2018-08-06TAF", False, None)]),
    ("The fire started yesterday morning.", [("yesterday morning", "2018-08-05TMO", False, None)]),
    ("The storm hit the coast Monday night.", [("Monday night", "2018-08-06TNI", False, None)]),
    ("The ceremony begins at noon today.", [("noon today", "2018-08-06T12:00", True, None)]),
    ("Witnesses said the blast came at about 10:35 a.m.", [("about 10:35 a.m.", "2018-08-06T10:35", True, "APPROX")]),
    ("The council met today. Now it must decide.", [("today", "2018-08-06", False, None), ("Now", "PRESENT_REF", False, None)]),
    # clock times in one token, upper case, British dots, run together
    ("The polls close at 9PM on Monday.", [("9PM on Monday", "2018-08-06T21:00", True, None)]),
    ("The last train left at 10:45pm.", [("10:45pm", "2018-08-06T22:45", True, None)]),
    ("He tweeted at 11.30am.", [("11.30am", "2018-08-06T11:30", True, None)]),
    ("The board meets at 1030am.", [("1030am", "2018-08-06T10:30", True, None)]),
    ("The show starts at 9 P.M.", [("9 P.M.", "2018-08-06T21:00", True, None)]),
]


@pytest.mark.parametrize("anchor", ["date", "naive", "minus-4", "plus-5:30", "utc-z"])
@pytest.mark.parametrize("text,expected", SENTENCES, ids=[s[0][:30] for s in SENTENCES])
def test_read_times_of_day(anchor, text, expected):
    published, offset = ANCHORS[anchor]
    found = timeline.read(Article(text, published)).time_expressions
    assert [(e.text, e.value.value, _mod(e.value)) for e in found] == [
        (extent, value + offset if zoned else value, mod) for extent, value, zoned, mod in expected
    ]


@pytest.mark.parametrize("anchor", ["date", "naive", "minus-4", "plus-5:30", "utc-z"])
def test_read_a_named_zone(anchor):
    published, offset = ANCHORS[anchor]
    found = timeline.read(Article("Markets closed at 4 p.m. EDT.", published)).time_expressions
    assert [(e.text, e.value.value) for e in found] == [("4 p.m. EDT", "2018-08-06T16:00" + ("-04:00" if offset else ""))]


# ---------------------------------------------------------------------------------------------
# Property: any zoned anchor, years 1..9999 (all Python's datetime holds, and all TIMEX3's four
# year digits write). Zones: fixed offsets of whole minutes within +-23:59, and the IANA zones
# (whose old local mean times are not whole minutes: those give no offset, see above).

_FIXED_ZONES = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m)))
_ZONES = st.one_of(_FIXED_ZONES, st.timezones()) if zoneinfo.available_timezones() else _FIXED_ZONES
ZONED_ANCHORS = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59), timezones=_ZONES)


@settings(max_examples=examples(300), deadline=None)
@given(ZONED_ANCHORS)
def test_clock_times_carry_the_anchors_local_date_and_offset(published):
    offset = published.utcoffset()
    assert offset is not None
    value = timeline.resolve("at 3 p.m.", published)
    local_day = published.date()
    assert value.value[:10] == local_day.isoformat()
    assert (value.start, value.end) == (local_day, local_day)
    assert value.value[10:16] == "T15:00"
    written = offset if offset % timedelta(minutes=1) == timedelta(0) else None
    assert utc_offset(value.value) == written
    # Parts of the day have no offset to carry.
    assert timeline.resolve("tonight", published).value == f"{local_day.isoformat()}TNI"
