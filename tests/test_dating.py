"""Articles without a publication date: what depends on it, and a date inferred from the text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline import Article, InferredDate, TimeValue
from timeline.dating import PROBE_ANCHORS, mask

from conftest import examples

DATELINED = "The Senate passed the bill on Thursday, Aug. 2, 2018. Graham said Friday that he will travel to Moscow on Monday."
UNDATED = "He said Thursday that he will go next week. The July 4 recess was long. It happened in 2016."


def expressions(read: timeline.ReadArticle) -> list[tuple[str, str, object]]:
    return [(e.text, e.value.value, e.anchored_to) for e in read.time_expressions]


@pytest.mark.parametrize(
    "values,masked",
    [
        (["1234-07-04", "2345-07-04", "3456-07-04"], "XXXX-07-04"),  # "July 4": the year is the anchor's
        (["1234-04", "2345-07", "3456-10"], "XXXX-XX"),  # "last month"
        (["1234-05-02", "2345-08-16", "3456-11-23"], "XXXX-XX-XX"),  # "Thursday"
        (["2016", "2016", "2016"], "2016"),  # needs no anchor
        (["1234-Q1", "2345-Q2", "3456-Q3"], "XXXX-QX"),  # "last quarter"
    ],
)
def test_mask_writes_the_digits_the_anchor_decides_as_x(values, masked):
    assert mask([TimeValue("DATE", v) for v in values]) == TimeValue("DATE", masked)


def test_an_article_may_have_no_publication_date():
    article = Article("Text.", None)
    assert article.published is None and article.anchor is None
    assert Article.from_dict({"text": "Text."}).published is None


def test_without_a_date_relative_values_stay_unknown_and_absolute_ones_resolve():
    read = timeline.read(Article(UNDATED, None))
    assert read.published_inferred is None  # no day of a known year: nothing to infer from
    assert expressions(read) == [
        ("Thursday", "XXXX-XX-XX", None),
        ("next week", "XXXX-WXX", None),
        ("July 4", "XXXX-07-04", None),
        ("2016", "2016", None),
    ]


def test_with_a_date_relative_values_say_they_count_from_it():
    read = timeline.read(Article(UNDATED, "2018-08-03"))
    assert expressions(read) == [
        ("Thursday", "2018-08-02", "published"),
        ("next week", "2018-W32", "published"),
        ("July 4", "2018-07-04", "published"),
        ("2016", "2016", None),
    ]


def test_a_reported_day_and_the_days_around_it_give_an_inferred_date():
    read = timeline.read(Article(DATELINED, None))
    assert read.published_inferred == InferredDate(
        date(2018, 8, 3), date(2018, 8, 3), date(2018, 8, 3), read.published_inferred.confidence, ("Thursday, Aug. 2, 2018", "Friday", "Monday")
    )
    assert 0.5 < read.published_inferred.confidence < 0.55
    assert expressions(read) == [
        ("Thursday, Aug. 2, 2018", "2018-08-02", None),
        ("Friday", "2018-08-03", "inferred"),
        ("Monday", "2018-08-06", "inferred"),
    ]
    assert [(m.summary, m.when.value if m.when else None, m.anchored_to, m.published) for m in read.events] == [
        ("The Senate passed the bill on Thursday, Aug. 2, 2018", "2018-08-02", None, None),
        ("Graham said Friday", "2018-08-03", "inferred", None),
        ("Graham will travel to Moscow on Monday", "2018-08-06", "inferred", None),
    ]


def test_a_timeline_shows_inferred_dates_as_such():
    built = timeline.build([Article(DATELINED, None, source="Wire", id="w"), Article("Graham met Paul on Monday.", "2018-08-07", source="AP", id="ap")])
    wire = next(a for a in built.articles if a.id == "w")
    assert wire.published is None and wire.published_inferred is not None and wire.published_inferred.day == date(2018, 8, 3)
    markdown = built.to_markdown(everything=True)
    assert "Wire (published date not given; inferred 3 August 2018); AP (published 7 August 2018)" in markdown
    assert "- Graham said Friday (date counted from an inferred publication date) — Wire" in markdown
    assert "- The Senate passed the bill on Thursday, Aug. 2, 2018 — Wire" in markdown  # its date needs no anchor
    assert timeline.Timeline.from_json(built.to_json()) == built


SENTENCES = (
    "He said Thursday that he will go next week.",
    "The July 4 recess was long.",
    "It happened in 2016 and again last month.",
    "Prices rose 5% in the third quarter.",
    "The summit opened on July 16, 2018. Talks ended the next day.",
    "She will arrive tomorrow morning.",
)


@settings(max_examples=examples(25), deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_values_that_need_no_anchor_are_the_same_with_or_without_a_date(parts, published):
    """Anchoring: a value not counted from the date is what it is without one. One counted from
    it is, without a date, counted from the inferred one exactly as if that had been given, or
    where the text supports none, unknown (X)."""
    text = " ".join(parts)
    dated = timeline.read(Article(text, published))
    undated = timeline.read(Article(text, None))
    inferred = undated.published_inferred
    assert [(e.text, e.start) for e in dated.time_expressions] == [(e.text, e.start) for e in undated.time_expressions]
    as_if = timeline.read(Article(text, inferred.day)) if inferred is not None else None
    for index, (with_date, without) in enumerate(zip(dated.time_expressions, undated.time_expressions, strict=True)):
        assert with_date.anchored_to in (None, "published")
        if with_date.anchored_to is None:
            assert without.value == with_date.value and without.anchored_to is None
        elif as_if is None:
            assert without.anchored_to is None and "X" in without.value.value
        else:
            assert without.anchored_to == "inferred"
            assert without.value == as_if.time_expressions[index].value


def test_probe_anchors_differ_in_year_month_day_and_weekday():
    for part in (lambda d: d.year, lambda d: d.month, lambda d: d.day, lambda d: d.weekday()):
        assert len({part(anchor) for anchor in PROBE_ANCHORS}) == len(PROBE_ANCHORS)
