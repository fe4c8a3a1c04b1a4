"""Quoted speech: relative dates in a quote count from the day the text says it was said."""

from __future__ import annotations

import pytest

import timeline
from timeline import Article


def values(text: str, published: str, events: bool = True) -> list[tuple[str, str]]:
    read = timeline.read(Article(text, published), events=events)
    return [(t.text, t.value.value) for t in read.time_expressions]


CASES = [
    # the attribution's own date, after the quote (published Tuesday 2022-08-30)
    ("“We decided to pause today,” the mission manager said on Monday.", "2022-08-30",
     [("today", "2022-08-29"), ("Monday", "2022-08-29")]),
    # ... and before it (published Wednesday 2022-08-31)
    ("The director said on Monday: “We will try again tomorrow.”", "2022-08-31",
     [("Monday", "2022-08-29"), ("tomorrow", "2022-08-30")]),
    # no date in the attribution: the sentence before dates the saying, across a paragraph break
    # (published Friday 2019-03-08)
    ("The mayor took to Twitter on Wednesday to confirm her plans.\n\n“Today, I have told my staff that I will step down next week,” she said.",
     "2019-03-08", [("Wednesday", "2019-03-06"), ("Today", "2019-03-06"), ("next week", "2019-W11")]),
    # nothing dates the saying: the publication day
    ("“Today, I have told my staff,” she said.", "2019-03-08", [("Today", "2019-03-08")]),
    # the sentence before dates no saying (a meeting is not one)
    ("The board met on Wednesday.\n\n“We are ready today,” she said.", "2019-03-08",
     [("Wednesday", "2019-03-06"), ("today", "2019-03-08")]),
    # outside the quote nothing changes
    ("She said today that the board had met on Wednesday.", "2019-03-08",
     [("today", "2019-03-08"), ("Wednesday", "2019-03-06")]),
]  # fmt: skip


@pytest.mark.parametrize("text,published,expected", CASES)
def test_relative_dates_in_a_quote_count_from_the_day_it_was_said(text, published, expected):
    assert values(text, published) == expected


@pytest.mark.parametrize("text,published,expected", CASES)
def test_reading_times_alone_gives_the_same_values(text, published, expected):
    assert values(text, published, events=False) == expected


def test_an_event_in_the_quote_takes_the_day_of_the_saying():
    read = timeline.read(Article("“We decided to pause today,” the mission manager said on Monday.", "2022-08-30"))
    pause = next(m for m in read.events if m.lemma == "pause")
    assert pause.when is not None and pause.when.value == "2022-08-29"
