"""The data model: validation, coercion and errors that name the article."""

from __future__ import annotations

from datetime import date, datetime, timezone

import attrs
import pytest

import timeline
from timeline import Article, TimeValue


def test_published_accepts_date_datetime_and_iso_string():
    assert Article("x", date(2018, 8, 6)).published == date(2018, 8, 6)
    assert Article("x", "2018-08-06").published == date(2018, 8, 6)
    stamp = datetime(2018, 8, 6, 14, 30, tzinfo=timezone.utc)
    assert Article("x", stamp).published == stamp
    assert Article("x", "2018-08-06T14:30:00Z").published == stamp
    assert Article("x", "2018-08-06T14:30:00Z").anchor == date(2018, 8, 6)


@pytest.mark.parametrize(
    "published,message",
    [
        ("", "empty string"),
        ("August 6th", "not an ISO 8601 date"),
        ("2018-02-30", "not an ISO 8601 date"),
        (20180806, "not int"),
    ],
)
def test_bad_publication_dates_name_the_article(published, message):
    with pytest.raises(timeline.InvalidDateError, match=message) as raised:
        Article("text", published, url="https://example.com/a")
    assert "'https://example.com/a'" in str(raised.value)
    assert isinstance(raised.value, timeline.TimelineError)


def test_text_must_be_a_string():
    with pytest.raises(timeline.InvalidArticleError, match="article 'Roll Call': text must be a string, not bytes"):
        Article(b"bytes", "2018-08-06", source="Roll Call")


def test_metadata_must_be_strings():
    with pytest.raises(timeline.InvalidArticleError, match="source must be a string"):
        Article("x", "2018-08-06", source=42)


def test_id_is_given_else_url_else_a_stable_hash():
    assert Article("x", "2018-08-06", id="a1", url="u").id == "a1"
    assert Article("x", "2018-08-06", url="https://e.com/1").id == "https://e.com/1"
    first = Article("same text", "2018-08-06", source="Reuters")
    assert first.id == Article("same text", "2018-08-06", source="Reuters").id and first.id.startswith("sha1:")
    # one wire story run by two papers, or on two days, is two articles
    others = [Article("same text", "2019-01-01", source="Reuters"), Article("same text", "2018-08-06", source="AP"), Article("same text", "2018-08-06")]
    assert len({first.id} | {a.id for a in others}) == 4
    assert Article("other text", "2018-08-06", source="Reuters").id != first.id


def test_articles_are_frozen_value_objects():
    article = Article("x", "2018-08-06", source="s")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.text = "y"  # type: ignore[misc]
    assert article == Article("x", date(2018, 8, 6), source="s")


@pytest.mark.parametrize(
    "type_,value,granularity,start,end",
    [
        ("DATE", "2018-08-06", "day", date(2018, 8, 6), date(2018, 8, 6)),
        ("DATE", "2018-W31", "week", date(2018, 7, 30), date(2018, 8, 5)),
        ("DATE", "2018-W31-WE", "weekend", date(2018, 8, 4), date(2018, 8, 5)),
        ("DATE", "2018-07", "month", date(2018, 7, 1), date(2018, 7, 31)),
        ("DATE", "2018-Q3", "quarter", date(2018, 7, 1), date(2018, 9, 30)),
        ("DATE", "2018-H2", "half", date(2018, 7, 1), date(2018, 12, 31)),
        ("DATE", "2018-SU", "season", date(2018, 6, 1), date(2018, 8, 31)),
        ("DATE", "2018-WI", "season", date(2018, 12, 1), date(2019, 2, 28)),
        ("DATE", "2018", "year", date(2018, 1, 1), date(2018, 12, 31)),
        ("DATE", "199", "decade", date(1990, 1, 1), date(1999, 12, 31)),
        ("DATE", "19", "century", date(1900, 1, 1), date(1999, 12, 31)),
        ("DATE", "201X", "year", None, None),
        ("DATE", "PRESENT_REF", "reference", None, None),
        ("TIME", "2018-08-06TNI", "part_of_day", date(2018, 8, 6), date(2018, 8, 6)),
        ("TIME", "2018-08-06T15:00", "minute", date(2018, 8, 6), date(2018, 8, 6)),
        ("DURATION", "PT1H", "hour", None, None),
        ("DURATION", "P2Y", "year", None, None),
        ("DURATION", "P1DE", "decade", None, None),
        ("SET", "XXXX-WXX-1", "day", None, None),
        ("SET", "P1D", "day", None, None),
    ],
)
def test_time_values_derive_granularity_and_range(type_, value, granularity, start, end):
    v = TimeValue(type_, value)
    assert (str(v.granularity), v.start, v.end) == (granularity, start, end)


@pytest.mark.parametrize("type_,value", [("DATE", "2018-13"), ("DATE", "2018-02-30"), ("DATE", "last week"), ("DURATION", "2018"), ("DATE", "2018-W54")])
def test_invalid_time_values_are_rejected(type_, value):
    with pytest.raises(timeline.InvalidValueError):
        TimeValue(type_, value)


def test_unknown_timex_type_is_rejected():
    with pytest.raises(timeline.InvalidValueError, match="not a TIMEX3 type"):
        TimeValue("DAY", "2018-08-06")


def test_read_rejects_what_is_not_an_article():
    with pytest.raises(timeline.InvalidArticleError, match="expected a timeline.Article, got str"):
        timeline.read("just a string")  # type: ignore[arg-type]


def test_empty_text_gives_an_empty_result():
    read = timeline.read(Article("", "2018-08-06"))
    assert (read.body, read.sentences, read.time_expressions) == ((), (), ())
    read = timeline.read(Article("  \n\n ", "2018-08-06"))
    assert read.time_expressions == ()


def test_errors_survive_pickling_between_processes():
    import pickle

    error = timeline.InvalidDateError("'a.txt'", "no publication date given")
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), str(again), again.article, again.problem) == (type(error), str(error), error.article, error.problem)
