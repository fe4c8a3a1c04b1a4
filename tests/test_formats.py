"""The formats other tools read (HTML, TimelineJS, CSV, ICS) and the filters every format shares."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from datetime import date

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from test_render import EXAMINER, ROLL_CALL, day, entry, mention, small_timeline

import timeline
from timeline import ArticleInfo, Entry, Mention, Sentence, Timeline, TimeValue
from timeline.cli import main

from conftest import examples

HOSTILE = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
EVIL = ArticleInfo("evil-1", "2018-08-06", 'Evil "><script>window.pwned = 3</script>', "javascript:window.pwned = 4")


def hostile_timeline() -> Timeline:
    """A summary, a sentence and a source name that are markup, and a javascript: address."""
    hostile = Mention(
        article=EVIL.id,
        sentence=Sentence(HOSTILE + " said on Monday.", 0, len(HOSTILE) + 16),
        start=0,
        end=len(HOSTILE),
        trigger="said",
        event="say",
        summary=HOSTILE,
        status="happened",
        when=day("2018-08-06"),
    )
    return Timeline((EVIL, ROLL_CALL), (Entry(day("2018-08-06"), HOSTILE, "happened", (), (EVIL.source,), (hostile,)),))


# --- filters --------------------------------------------------------------------------------


def summaries(built: Timeline) -> list[str]:
    return [e.summary for e in built]


def test_filters_by_dates_overlapping_the_range_keep_partial_dates_that_may_fall_in_it():
    built = small_timeline()
    # 2018 (END), July 2018, week 31 (30 July - 5 August) and 6 August overlap August 2018's
    # first week; 2016 and the undated do not.
    assert summaries(built.select(since="2018-07-30", until="2018-08-06")) == [
        "officials will visit the U.S. later this year",
        "senators traveled to Moscow",
        "the Senate unveiled a *new* sanctions package",
        "Paul will meet Kosachev",
    ]
    assert summaries(built.select(since="2018-08")) == ["officials will visit the U.S. later this year", "the Senate unveiled a *new* sanctions package", "Paul will meet Kosachev"]
    assert summaries(built.select(until=date(2016, 12, 31))) == ["the 2016 elections"]
    assert summaries(built.select(until="2018-W30")) == ["the 2016 elections", "officials will visit the U.S. later this year", "senators traveled to Moscow"]


def test_filters_by_status_sources_and_who_takes_part():
    built = small_timeline()
    assert summaries(built.select(status="planned")) == ["officials will visit the U.S. later this year", "Paul will meet Kosachev"]
    assert summaries(built.select(status=["negated", "REPORTED"])) == ["Putin denied it", "trump invited Putin"]
    assert summaries(built.select(min_sources=2)) == ["senators traveled to Moscow", "the Senate unveiled a *new* sanctions package"]
    with_actors = Timeline(
        built.articles,
        (
            Entry(day("2018-08-06"), "Putin met Trump", "happened", ("Vladimir Putin", "Donald Trump"), ("Roll Call",), ()),
            Entry(day("2018-08-07"), "Putinism spread", "happened", ("Putinism",), ("Roll Call",), ()),
        ),
    )
    assert summaries(with_actors.select(about="putin")) == ["Putin met Trump"]
    assert summaries(with_actors.select(about="Vladimir  PUTIN")) == ["Putin met Trump"]
    assert summaries(with_actors.select(about="Vladimir Trump")) == []
    selected = built.select(status="planned")
    assert selected.articles == built.articles


@pytest.mark.parametrize(
    "arguments,message",
    [
        ({"since": "last week"}, "since must be a date or an ISO day, week, month or year"),
        ({"until": 2018}, "until must be a date or an ISO day"),
        ({"since": "2018-09", "until": "2018-08"}, "since (2018-09-01) is after until (2018-08-31)"),
        ({"status": "rumoured"}, "status must be one or more of happened, planned, reported, negated"),
        ({"status": []}, "status must name at least one"),
        ({"min_sources": 0}, "min_sources must be a whole number of at least 1"),
        ({"about": " ,; "}, "about must name someone or something"),
    ],
)
def test_a_bad_filter_is_the_library_error_naming_it(arguments, message):
    with pytest.raises(timeline.InvalidArgumentError, match=re.escape(message)):
        small_timeline().select(**arguments)


@settings(max_examples=examples(200))
@given(
    since=st.one_of(st.none(), st.dates(date(2015, 1, 1), date(2019, 12, 31))),
    length=st.integers(0, 800),
    statuses=st.sets(st.sampled_from(["happened", "planned", "reported", "negated"]), min_size=1),
    min_sources=st.integers(1, 3),
)
def test_a_selection_is_an_ordered_subset_and_filters_compose(since, length, statuses, min_sources):
    built = small_timeline()
    until = None if since is None else date.fromordinal(since.toordinal() + length)
    both = built.select(since=since, until=until, status=statuses, min_sources=min_sources)
    one_then_other = built.select(since=since, until=until).select(status=statuses).select(min_sources=min_sources)
    assert both == one_then_other
    assert [e for e in built if e in both.entries] == list(both.entries)
    assert all(str(e.status) in statuses and len(e.sources) >= min_sources for e in both)


# --- HTML -----------------------------------------------------------------------------------


def test_the_page_has_every_entry_dated_ones_on_the_axis_and_undated_apart():
    page = small_timeline().to_html(title="Paul in Moscow")
    assert page.startswith("<!DOCTYPE html>") and "<title>Paul in Moscow</title>" in page
    assert page.count('<li class="entry"') == 7
    dated, undated = page.split('<h2 id="undated-heading">Undated</h2>')
    assert dated.count('<li class="entry"') == 5 and undated.count('<li class="entry"') == 2
    # 1 January 2016 to 31 December 2018: 1,096 days; week 31 starts on day 941 and spans 7
    assert '<time datetime="2018-W31">Week 31 of 2018 (30 July – 5 August)</time>' in page
    assert 'style="left:85.86%;width:0.64%"' in page
    assert '<p class="conflict"><strong>Sources disagree on the date:</strong> also reported as Thursday, 9 August 2018.</p>' in page
    assert '<a href="https://rollcall.com/2018/08/06/paul">Roll Call</a>' in page
    assert "7 entries from 2 articles by 2 sources, 1 January 2016 to 31 December 2018." in page


def test_the_page_fetches_nothing_and_runs_only_its_own_script():
    page = small_timeline().to_html()
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//(?!rollcall\.com)""", page)
    policy = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert "default-src 'none'" in policy and "script-src 'sha256-" in policy and "unsafe-inline" not in policy.split("script-src")[1]
    assert page.count("<script>") == 1


def test_markup_in_article_text_stays_text_in_the_page():
    page = hostile_timeline().to_html()
    assert "<script>window.pwned" not in page and "<img" not in page
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;&lt;img src=x onerror=&quot;window.pwned = 2&quot;&gt;" in page
    assert "javascript:" not in page.split("<script>")[0].lower().replace("&quot;", "")  # never an address
    assert page.count("<script>") == 1


# --- TimelineJS -----------------------------------------------------------------------------

DATE_FIELDS = ("year", "month", "day", "hour", "minute", "second", "millisecond", "display_date")


def check_timelinejs(document: dict) -> None:
    """The structure TimelineJS3 documents: an ``events`` list of slides, each with a
    ``start_date`` date object whose ``year`` is a number and whose other parts are in range;
    ``text`` a ``headline``/``text`` object; an optional ``end_date`` not before the start."""
    assert set(document) <= {"title", "events", "eras", "scale"} and isinstance(document["events"], list)
    if "title" in document:
        assert set(document["title"]["text"]) <= {"headline", "text"}
    for slide in document["events"]:
        assert set(slide) <= {"start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id"}
        for key in ("start_date", "end_date"):
            if key not in slide:
                continue
            when = slide[key]
            assert set(when) <= set(DATE_FIELDS) and isinstance(when["year"], int)
            assert 1 <= when.get("month", 1) <= 12 and 1 <= when.get("day", 1) <= 31 and 0 <= when.get("hour", 0) <= 23 and 0 <= when.get("minute", 0) <= 59
            assert "day" not in when or "month" in when
        if "end_date" in slide:
            order = [slide["start_date"].get(k, 0) for k in DATE_FIELDS[:5]], [slide["end_date"].get(k, 0) for k in DATE_FIELDS[:5]]
            assert order[0] <= order[1]
        assert set(slide["text"]) <= {"headline", "text"} and isinstance(slide["text"]["headline"], str)
        assert isinstance(slide.get("unique_id", ""), str)


def test_timelinejs_events_keep_each_date_at_its_own_granularity():
    document = small_timeline().to_timelinejs()
    check_timelinejs(document)
    dates = [(e["start_date"], e.get("end_date"), e["group"]) for e in document["events"]]
    assert dates == [
        ({"year": 2016}, None, "happened"),
        ({"year": 2018}, None, "planned"),
        ({"year": 2018, "month": 7}, None, "happened"),
        ({"year": 2018, "month": 7, "day": 30}, {"year": 2018, "month": 8, "day": 5}, "happened"),
        ({"year": 2018, "month": 8, "day": 6}, None, "planned"),
    ]
    assert [e["display_date"] for e in document["events"]] == ["2016", "Late 2018", "July 2018", "Week 31 of 2018 (30 July – 5 August)", "Monday, 6 August 2018"]
    assert document["events"][3]["text"]["headline"] == "The Senate unveiled a *new* sanctions package"
    assert "2 entries have no calendar date and are not shown." in document["title"]["text"]["text"]
    assert json.loads(json.dumps(document)) == document
    assert [e["group"] for e in small_timeline().to_timelinejs(group="source")["events"]] == ["Roll Call", "Roll Call", "Roll Call", "Roll Call", "Washington Examiner"]


def test_timelinejs_clock_times_carry_hour_and_minute_and_text_is_escaped():
    at = TimeValue("TIME", "2018-08-06T14:30")
    clocked = Timeline((ROLL_CALL,), (entry("Paul landed in Moscow", at, mention(ROLL_CALL, "Paul landed in Moscow", at)),))
    (event,) = clocked.to_timelinejs()["events"]
    assert event["start_date"] == {"year": 2018, "month": 8, "day": 6, "hour": 14, "minute": 30}
    hostile = hostile_timeline().to_timelinejs()
    check_timelinejs(hostile)
    body = json.dumps(hostile)
    assert "<script>" not in body and "<img" not in body and "javascript:" not in body


# --- CSV ------------------------------------------------------------------------------------


def test_csv_has_a_row_per_entry_that_reads_back():
    rows = list(csv.DictReader(io.StringIO(small_timeline().to_csv())))
    assert len(rows) == 7
    assert rows[3] == {
        "entry": "4",
        "date": "2018-W31",
        "start": "2018-07-30",
        "end": "2018-08-05",
        "granularity": "week",
        "summary": "the Senate unveiled a *new* sanctions package",
        "status": "happened",
        "actors": "",
        "sources": "Roll Call; Washington Examiner",
        "source_count": "2",
        "article_count": "2",
        "mention_count": "2",
        "salience": "",
        "conflicts": "2018-08-09",
        "urls": "https://rollcall.com/2018/08/06/paul",
    }
    assert rows[5]["date"] == "" and rows[5]["status"] == "negated"


def test_csv_per_mention_says_what_each_article_said():
    rows = list(csv.DictReader(io.StringIO(small_timeline().to_csv(mentions=True))))
    assert len(rows) == 9
    assert [(r["entry"], r["source"], r["date"]) for r in rows[4:6]] == [("4", "Roll Call", "2018-W31"), ("4", "Washington Examiner", "2018-08-09")]
    assert rows[5]["entry_date"] == "2018-W31" and rows[5]["published"] == "2018-08-03" and rows[5]["sentence"] == "senators unveiled a package."


@settings(max_examples=examples(300))
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1))
def test_any_summary_reads_back_from_csv_and_never_starts_a_formula(text):
    hand_made = Timeline((EXAMINER,), (Entry(day("2018-08-06"), text, "happened", (), (EXAMINER.source,), ()),))
    (row,) = list(csv.DictReader(io.StringIO(hand_made.to_csv(), newline="")))
    if text.startswith(("=", "+", "-", "@", "\t", "\r")):
        assert row["summary"] == "'" + text
    else:
        assert row["summary"] == text


# --- ICS ------------------------------------------------------------------------------------


def test_ics_has_an_all_day_event_per_dated_entry_over_the_days_it_covers():
    icalendar = pytest.importorskip("icalendar", reason="ICS output needs the extra news-timeline[ics]")
    data = small_timeline().to_ics()
    calendar = icalendar.Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    spans = [(e.decoded("dtstart"), e.decoded("dtend"), str(e["summary"]), str(e["status"])) for e in events]
    assert spans == [
        (date(2016, 1, 1), date(2017, 1, 1), "The 2016 elections", "CONFIRMED"),
        (date(2018, 1, 1), date(2019, 1, 1), "Officials will visit the U.S. later this year", "TENTATIVE"),
        (date(2018, 7, 1), date(2018, 8, 1), "Senators traveled to Moscow", "CONFIRMED"),
        (date(2018, 7, 30), date(2018, 8, 6), "The Senate unveiled a *new* sanctions package", "CONFIRMED"),
        (date(2018, 8, 6), date(2018, 8, 7), "Paul will meet Kosachev", "TENTATIVE"),
    ]
    assert str(events[3]["url"]) == "https://rollcall.com/2018/08/06/paul"
    assert "Other reports date it 2018-08-09." in str(events[3]["description"])
    assert data == small_timeline().to_ics()  # reproducible: same timeline, same bytes
    assert len({str(e["uid"]) for e in events}) == 5
    assert timeline.ics.undated_entries(small_timeline()) == 2


def test_ics_clock_times_are_timed_events_in_utc_when_the_offset_is_known():
    icalendar = pytest.importorskip("icalendar", reason="ICS output needs the extra news-timeline[ics]")
    from datetime import datetime, timezone

    zoned, floating = TimeValue("TIME", "2018-08-06T14:30-04:00"), TimeValue("TIME", "2018-08-06T09:00")
    built = Timeline((ROLL_CALL,), (entry("Paul landed in Moscow", zoned, mention(ROLL_CALL, "Paul landed in Moscow", zoned)), entry("Paul left Washington", floating, mention(ROLL_CALL, "Paul left Washington", floating))))
    starts = [e.decoded("dtstart") for e in icalendar.Calendar.from_ical(built.to_ics()).walk("VEVENT")]
    assert starts == [datetime(2018, 8, 6, 18, 30, tzinfo=timezone.utc), datetime(2018, 8, 6, 9, 0)]


# --- command line ---------------------------------------------------------------------------


def test_cli_filters_and_formats(tmp_path, monkeypatch):
    """build's filters and formats, on the hand-made timeline (the reading is stubbed: the
    formats and filters are what is tested here; test_cli_build reads real files)."""
    import timeline.pipeline

    monkeypatch.setattr(timeline.pipeline, "build", lambda articles, **kwargs: small_timeline())
    (tmp_path / "a.txt").write_text("Paul met Kosachev on Monday.", encoding="utf-8")
    runner = CliRunner()
    base = ["build", str(tmp_path / "a.txt"), "--published", "2018-08-06", "-q"]

    done = runner.invoke(main, [*base, "--format", "csv", "--status", "planned", "--status", "negated"])
    assert done.exit_code == 0, done.output
    assert [r["summary"] for r in csv.DictReader(io.StringIO(done.stdout))] == ["officials will visit the U.S. later this year", "Paul will meet Kosachev", "Putin denied it"]
    assert "4 of 7 entries left out by the filters" in done.stderr

    done = runner.invoke(main, [*base, "--format", "timelinejs", "--since", "2018-08", "--title", "Paul <in> Moscow"])
    document = json.loads(done.stdout)
    check_timelinejs(document)
    assert [e["text"]["headline"] for e in document["events"]] == ["Officials will visit the U.S. later this year", "The Senate unveiled a *new* sanctions package", "Paul will meet Kosachev"]
    assert document["title"]["text"]["headline"] == "Paul &lt;in&gt; Moscow"

    done = runner.invoke(main, [*base, "--format", "timelinejs", "--group", "source", "--status", "planned"])
    assert [e["group"] for e in json.loads(done.stdout)["events"]] == ["Roll Call", "Washington Examiner"]

    done = runner.invoke(main, [*base, "--format", "html", "--min-sources", "2", "-o", str(tmp_path / "t.html")])
    assert done.exit_code == 0 and (tmp_path / "t.html").read_text(encoding="utf-8").count('<li class="entry"') == 2

    done = runner.invoke(main, [*base, "--format", "csv", "--mentions", "--about", "Putin"])
    assert [r["summary"] for r in csv.DictReader(io.StringIO(done.stdout))] == []  # no participants in the hand-made mentions

    done = runner.invoke(main, [*base, "--since", "yesterday"])
    assert done.exit_code == 2 and "since must be a date or an ISO day" in done.stderr


def test_cli_ics_says_how_many_entries_have_no_place_in_a_calendar(tmp_path, monkeypatch):
    pytest.importorskip("icalendar", reason="ICS output needs the extra news-timeline[ics]")
    import timeline.pipeline

    monkeypatch.setattr(timeline.pipeline, "build", lambda articles, **kwargs: small_timeline())
    (tmp_path / "a.txt").write_text("Paul met Kosachev on Monday.", encoding="utf-8")
    done = CliRunner().invoke(main, ["build", str(tmp_path / "a.txt"), "--published", "2018-08-06", "-q", "--format", "ics"])
    assert done.exit_code == 0
    assert done.stdout.count("BEGIN:VEVENT") == 5 and "2 of 7 entries have no calendar date and are not in the calendar" in done.stderr


PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "a", "header", "h1", "h2", "p", "form", "label", "input", "fieldset", "legend", "select", "option", "main", "section", "div", "span", "ol", "ul", "li", "time", "strong", "details", "summary", "q", "script"}


@settings(max_examples=examples(300))
@given(summary=st.text(min_size=1), source=st.text(min_size=1), url=st.text(), sentence=st.text())
def test_no_text_can_add_markup_to_the_page(summary, source, url, sentence):
    """Whatever the summary, source name, address and sentence hold, the page has only its own
    elements, one script, and links only to http(s) addresses."""
    from html.parser import HTMLParser

    info = ArticleInfo("a-1", "2018-08-06", source, url)
    told = Mention(article="a-1", sentence=Sentence(sentence, 0, len(sentence)), start=0, end=0, trigger="x", event="x", summary=summary, status="happened", when=day("2018-08-06"))
    page = Timeline((info,), (Entry(day("2018-08-06"), summary, "happened", (), (source,), (told,)),)).to_html()
    tags: list[str] = []
    links: list[str] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):  # noqa: ANN001
            tags.append(tag)
            links.extend(value or "" for name, value in attrs if name in ("href", "src"))

    Collect().feed(page)
    assert set(tags) <= PAGE_TAGS and tags.count("script") == 1
    assert all(link == "#entries" or link.lower().startswith(("http://", "https://")) for link in links)


def test_cli_dates_in_the_other_formats_keep_the_entries_of_the_key_dates(seeds_timeline):
    from pathlib import Path

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    done = CliRunner().invoke(main, ["build", "--meta", str(seeds / "seeds.json"), *map(str, sorted(seeds.glob("*.txt"))), "--dates", "2", "--format", "csv", "-q"])
    assert done.exit_code == 0, done.output
    days = {key.day for key in seeds_timeline.key_dates(2)}
    expected = [e.summary for e in seeds_timeline if e.when is not None and e.when.start == e.when.end and e.when.start in days]
    assert len(days) == 2 and expected
    assert [row["summary"] for row in csv.DictReader(io.StringIO(done.stdout))] == expected


@pytest.mark.parametrize(
    "value,machine",
    [("2018", "2018"), ("2018-07", "2018-07"), ("2018-08-06", "2018-08-06"), ("2018-W31", "2018-W31"), ("2018-SU", "2018-06-01"), ("2018-Q3", "2018-07-01"), ("2018-08-06TMO", "2018-08-06")],
)
def test_each_date_is_a_time_element_html_reads(value, machine):
    from timeline.page import _machine_date

    assert _machine_date(TimeValue("TIME" if "T" in value else "DATE", value)) == machine


def test_cli_ics_without_its_extra_says_so_before_reading(tmp_path, monkeypatch):
    import sys

    import timeline.pipeline

    def read(articles, **kwargs):  # noqa: ANN001
        raise AssertionError("the inputs were read before the missing extra was found")

    monkeypatch.setattr(timeline.pipeline, "build", read)
    monkeypatch.setitem(sys.modules, "icalendar", None)  # (import icalendar now raises ImportError)
    (tmp_path / "a.txt").write_text("Paul met Kosachev on Monday.", encoding="utf-8")
    done = CliRunner().invoke(main, ["build", str(tmp_path / "a.txt"), "--published", "2018-08-06", "-q", "--format", "ics"])
    assert done.exit_code == 1 and 'ICS output needs the optional extra news-timeline[ics] (icalendar): pip install "news-timeline[ics]"' in done.stderr
