"""Live pages: each update is read against the day its stamp says it was written."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline.stamps import DAYS_AFTER, DAYS_BEFORE, day_at, in_stamp, update_days

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# A live page first posted on Monday 31 January 2011, newest update first; its later updates
# were written on Tuesday and Wednesday (Cairo time).
LIVE_PAGE = (
    "Live: the protests in Egypt.\n"
    "(Update 3:09 a.m. Wednesday in Cairo, 8:09 p.m. ET Tuesday) The president said on Tuesday night that he would not run again.\n"
    "(Update 12:15 a.m. in Cairo, 5:15 p.m. ET) Police arrested two men near the square.\n"
    "(Update 11:58 p.m. in Cairo, 4:58 p.m. ET) The army has deployed more tanks around the square.\n"
    "(Update 11:16 a.m. Tuesday in Cairo, 4:16 a.m. ET Tuesday) Protesters set up checkpoints on Tuesday morning.\n"
)


def test_each_update_is_on_the_day_its_stamp_says():
    stamps = update_days(LIVE_PAGE, date(2011, 1, 31))
    assert [(LIVE_PAGE[s.start : s.start + 15], s.day) for s in stamps] == [
        ("(Update 3:09 a.", date(2011, 2, 2)),  # Wednesday in Cairo: the latest day the stamp names
        ("(Update 12:15 a", date(2011, 2, 2)),  # no day named: the one above's, the clock went back 3 hours
        ("(Update 11:58 p", date(2011, 2, 1)),  # back past midnight: the day before
        ("(Update 11:16 a", date(2011, 2, 1)),
    ]
    assert day_at(stamps, 0, date(2011, 1, 31)) == date(2011, 1, 31)  # the page's heading: its own date
    assert day_at(stamps, LIVE_PAGE.index("Police"), date(2011, 1, 31)) == date(2011, 2, 2)
    assert [in_stamp(stamps, LIVE_PAGE.index(text)) for text in ("12:15", "ET) Police", "Police")] == [True, True, False]
    assert day_at(stamps, LIVE_PAGE.index("Protesters"), date(2011, 1, 31)) == date(2011, 2, 1)


def test_an_update_out_of_order_is_not_taken_for_another_day():
    page = (
        "(Update 3:55 a.m. in Cairo, 8:55 p.m. ET) A spokesman spoke to reporters.\n"
        "(Update 4:30 a.m. in Cairo, 9:30 p.m. ET) A musician played in the square.\n"
        "(Update 1:00 a.m. in Cairo, 6:00 p.m. ET) Protesters marched abroad.\n"
        "(Update 10:52 p.m. in Cairo, 3:52 p.m. ET) A video was posted.\n"
        "(Update 12:49 p.m. Friday in Cairo, 5:49 a.m. Friday ET) More protesters gathered.\n"
    )
    # read up from Friday 12:49 p.m.: 10:52 p.m. the same Friday, 1:00 a.m. past midnight, and
    # 3:55 a.m. above 4:30 a.m. an update put 35 minutes out of order, not a day later
    days = [s.day for s in update_days(page, date(2011, 2, 3))]
    assert days == [date(2011, 2, 5), date(2011, 2, 5), date(2011, 2, 5), date(2011, 2, 4), date(2011, 2, 4)]


def test_a_page_whose_stamps_name_no_day_keeps_its_date():
    page = "(Update 4:29 a.m. in Cairo, 9:29 p.m. ET) Demonstrators stayed.\n(Update 3:30 a.m. in Cairo, 8:30 p.m. ET) Tanks moved.\n"
    assert update_days(page, date(2011, 2, 10)) == ()
    assert update_days("The minister resigned on Tuesday.", date(2011, 2, 10)) == ()


def test_only_a_stamp_that_opens_a_line_is_one():
    # "(updated Tuesday ...)" inside a sentence is a bracket of the text, not the page's stamp
    text = "The figures (updated 9 a.m. Tuesday by the ministry) show a rise.\nNo stamp here."
    assert update_days(text, date(2011, 2, 10)) == ()
    dashed = "-- (Update 12:24 a.m. Monday in Cairo, 5:24 p.m. ET) Crowds gathered.\n"
    assert [(s.start, s.day) for s in update_days(dashed, date(2011, 1, 30))] == [(0, date(2011, 1, 31))]


def test_an_update_is_read_against_its_own_day():
    read = timeline.read(timeline.Article(LIVE_PAGE, "2011-01-31", source="CNN", id="live"))
    values = {e.text: e.value.value for e in read.time_expressions}
    # against the page's date (Monday 31 January) this "Tuesday night" would be 25 January
    assert values["Tuesday night"] == "2011-02-01TNI"
    assert values["Tuesday morning"] == "2011-02-01TMO"
    deployed = next(m for m in read.events if m.trigger == "deployed")
    # "has deployed": news of the day its update was written, 1 February (Cairo, before midnight)
    assert (deployed.when.value, deployed.dated_by, deployed.published) == ("2011-02-01", "published", "2011-02-01")
    said = next(m for m in read.events if m.trigger == "said")
    assert said.published == "2011-02-02"
    # the stamp's clock times say when the page was updated, not when the arrests were made
    arrested = next(m for m in read.events if m.trigger == "arrested")
    assert (arrested.time_text, arrested.published) == (None, "2011-02-02")


def test_a_page_without_stamps_reads_as_before():
    text = "The president said on Tuesday night that he would not run again.\nThe army has deployed more tanks."
    read = timeline.read(timeline.Article(text, "2011-02-02", id="plain"))
    assert {e.text: e.value.value for e in read.time_expressions} == {"Tuesday night": "2011-02-01TNI"}
    assert {m.published for m in read.events} == {"2011-02-02"}


_CLOCKS = st.tuples(st.integers(1, 12), st.integers(0, 59), st.sampled_from(["a.m.", "p.m."]))


@given(
    published=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1)),
    stamps=st.lists(st.tuples(_CLOCKS, st.none() | st.sampled_from(WEEKDAYS)), min_size=1, max_size=12),
)
def test_stamp_days_follow_the_days_they_name(published, stamps):
    lines = []
    for (hour, minute, half), weekday in stamps:
        named = f" {weekday}" if weekday else ""
        lines.append(f"(Update {hour}:{minute:02d} {half}{named} in Cairo) Something happened.")
    text = "Live page.\n" + "\n".join(lines)
    found = update_days(text, published)
    if not any(weekday for _, weekday in stamps):
        assert found == ()
        return
    assert len(found) == len(stamps)
    assert [s.start for s in found] == sorted(s.start for s in found)
    for stamp, (_, weekday) in zip(found, stamps, strict=True):
        if weekday:  # the day it names, in the week around the page's date
            assert WEEKDAYS[stamp.day.weekday()] == weekday
            assert published - timedelta(days=DAYS_BEFORE) <= stamp.day <= published + timedelta(days=DAYS_AFTER)
    for first, second, (_, weekday) in zip(found, found[1:], stamps[1:], strict=False):
        if not weekday:  # a stamp that names no day is at most a day from the one above it
            assert abs((second.day - first.day).days) <= 1
