"""timeline.build end to end: the seeds exactly, and hand-made article pairs per merge rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import timeline
from timeline import Article, Status

from conftest import seed_articles

EXAMINER, ROLL_CALL = "000_78c635482813545c.txt", "004_b15222a62f1761cc.txt"


def entry_with(tl: timeline.Timeline, article: str, snippet: str) -> timeline.Entry:
    """The entry holding the mention of ``article`` whose clause contains ``snippet`` (the one
    whose trigger is in the snippet, where several clauses contain it)."""
    found = [(m.trigger in snippet, e) for e in tl for m in e.mentions if m.article == article and snippet in m.summary]
    assert found, f"no mention of {snippet!r} in {article}"
    best = [e for named, e in found if named] or [e for _, e in found]
    assert len({id(e) for e in best}) == 1, f"{snippet!r} is in several entries"
    return best[0]


def test_sanctions_package_is_one_entry_from_both_sources(seeds_timeline):
    entry = entry_with(seeds_timeline, EXAMINER, "unveiled a new package of Russia sanctions")
    assert entry is entry_with(seeds_timeline, ROLL_CALL, "unfurled a comprehensive sanctions package")
    assert entry.when.value == "2018-08-02"
    assert entry.sources == ("Roll Call", "Washington Examiner")
    assert entry.status is Status.HAPPENED


def test_pauls_meeting_with_kosachev_is_one_entry_planned_in_one_done_in_the_other(seeds_timeline):
    entry = entry_with(seeds_timeline, EXAMINER, "Monday meetings")
    assert entry is entry_with(seeds_timeline, ROLL_CALL, "met with Chairman Kosachev")
    assert entry is entry_with(seeds_timeline, ROLL_CALL, "the hour-long meeting between Paul and Kosachev")
    assert entry.when.value == "2018-08-06"
    assert entry.sources == ("Roll Call", "Washington Examiner")
    statuses = {m.article: m.status for m in entry.mentions if "Monday meetings" in m.summary or "Chairman Kosachev" in m.summary}
    assert statuses == {EXAMINER: Status.PLANNED, ROLL_CALL: Status.REPORTED}
    assert entry.status is Status.HAPPENED
    assert {"Paul", "Konstantin Kosachev"} <= set(entry.actors)
    trip = entry_with(seeds_timeline, EXAMINER, "will travel to Russia")
    assert trip is not entry and trip.when.value == "2018-08-06"  # the trip is not the meeting it is for


def test_trump_siding_with_putin_is_told_of_trump_last_month(seeds_timeline):
    """"... to stick up for President Donald Trump after he sided with Putin last month": "he" is
    Trump, the nearest person, not Paul, the sentence's subject."""
    entry = entry_with(seeds_timeline, ROLL_CALL, "sided with Putin")
    assert entry.summary == "Donald Trump sided with Putin last month"
    assert entry.when.value == "2018-07" and "Donald Trump" in entry.actors


def test_senators_july_trip_is_a_separate_earlier_entry(seeds_timeline):
    senators = entry_with(seeds_timeline, EXAMINER, "made a similar trip")
    assert senators is entry_with(seeds_timeline, EXAMINER, "the previous trip to Moscow")
    assert senators.when.value == "2018-07"
    pauls = entry_with(seeds_timeline, EXAMINER, "Paul’s trip")
    assert pauls is not senators
    assert pauls.when.value == "2018-08-06"
    entries = list(seeds_timeline)
    assert entries.index(senators) < entries.index(pauls)


def test_undated_helsinki_summit_takes_the_date_of_the_dated_report(seeds_timeline):
    entry = entry_with(seeds_timeline, EXAMINER, "Trump’s Helsinki summit")
    assert entry is entry_with(seeds_timeline, ROLL_CALL, "a bilateral summit in Helsinki")
    assert entry.when.value == "2018-07"
    undated = next(m for m in entry.mentions if m.article == EXAMINER)
    assert undated.when is None  # the mention keeps what its own text says


def test_the_postponed_2019_meeting_is_the_last_dated_entry(seeds_timeline):
    dated = [e for e in seeds_timeline if e.when is not None]
    assert dated[-1] is entry_with(seeds_timeline, ROLL_CALL, "postponed to 2019")
    assert dated[-1].when.value == "2019" and dated[-1].status is Status.PLANNED


def test_entries_are_ordered_and_undated_ones_last(seeds_timeline):
    from timeline.order import entry_sort_key

    keys = [entry_sort_key(e) for e in seeds_timeline]
    assert keys == sorted(keys)
    seen_undated = False
    for entry in seeds_timeline:
        seen_undated = seen_undated or entry.when is None
        assert entry.when is None or not seen_undated


def test_mentions_point_back_to_their_source(seeds_timeline):
    texts = {a.id: a.text for a in seed_articles()}
    for entry in seeds_timeline:
        for mention in entry.mentions:
            text = texts[mention.article]
            assert text[mention.sentence.start : mention.sentence.end] == mention.sentence.text
            assert mention.sentence.start <= mention.start < mention.end <= mention.sentence.end
            clause = text[mention.start : mention.end]
            # A mention split off at another date of its clause ("postponed ... to 2019") is
            # that date phrase; its trigger is in the sentence.
            split_off = mention.time_text is not None and clause.endswith(mention.time_text) and mention.trigger not in clause
            assert mention.trigger in (mention.sentence.text if split_off else clause)


def test_nothing_from_the_sidebar_reaches_the_timeline(seeds_timeline):
    sidebar = next(a for a in seed_articles() if a.id == ROLL_CALL).text.index("Recent Stories")
    assert all(m.start < sidebar for m in seeds_timeline.mentions if m.article == ROLL_CALL)
    assert all(e.when is None or e.when.value != "2024-05-24" for e in seeds_timeline)


def test_build_does_not_depend_on_article_order_or_repeats(seeds_timeline):
    examiner, roll_call = seed_articles()
    assert timeline.build([roll_call, examiner]) == seeds_timeline
    assert timeline.build([examiner, roll_call, examiner]) == seeds_timeline
    assert timeline.build([examiner]).merge(timeline.build([roll_call])) == seeds_timeline


def test_json_round_trip_of_the_seed_timeline(seeds_timeline):
    text = seeds_timeline.to_json()
    again = timeline.Timeline.from_json(text)
    assert again == seeds_timeline and again.to_json() == text


# --- hand-made article pairs, one merge rule each -------------------------------------------


def pair(first: str, first_date: str, second: str, second_date: str) -> timeline.Timeline:
    return timeline.build(
        [Article(first, first_date, source="First", id="a"), Article(second, second_date, source="Second", id="b")]
    )


def test_transliterated_names_merge():
    tl = pair(
        "Senator Rand Paul met Konstantin Kosachev in Moscow on Monday.", "2018-08-07",
        "Paul met Kosachyov on Monday, the Russian side said.", "2018-08-07",
    )
    meeting = [e for e in tl if e.when is not None and e.when.value == "2018-08-06"]
    assert len(meeting) == 1 and meeting[0].sources == ("First", "Second")


def test_same_looking_events_with_different_doers_stay_apart():
    tl = pair(
        "Senator Rand Paul traveled to Moscow last month.", "2018-08-07",
        "Senator Ron Johnson traveled to Moscow last month.", "2018-08-07",
    )
    trips = [e for e in tl if e.when is not None and e.when.value == "2018-07"]
    assert len(trips) == 2
    assert sorted(e.sources for e in trips) == [("First",), ("Second",)]


def test_incompatible_dates_stay_apart():
    tl = pair(
        "Senator Rand Paul met Sergey Lavrov on Monday.", "2018-08-08",
        "Senator Rand Paul met Sergey Lavrov in March.", "2018-08-08",
    )
    meetings = [e for e in tl if e.when is not None]
    assert sorted(e.when.value for e in meetings) == ["2018-03", "2018-08-06"]


def test_undated_mention_takes_the_date_of_its_match():
    tl = pair(
        "Angela Merkel criticised the Helsinki summit of Donald Trump.", "2018-08-01",
        "Donald Trump held a summit in Helsinki last month.", "2018-08-01",
    )
    summit = [e for e in tl if len(e.sources) == 2]
    assert len(summit) == 1 and summit[0].when.value == "2018-07"


def test_denial_does_not_merge_with_the_claim():
    tl = pair(
        "Russia interfered in the 2016 election, the senator said.", "2018-08-01",
        "Russia did not interfere in the 2016 election, Putin said.", "2018-08-01",
    )
    interfere = [e for e in tl if any(m.event == "interfere" for m in e.mentions)]
    assert sorted(str(e.status) for e in interfere) == ["negated", "reported"]


def test_done_by_publication_on_the_first_day_of_the_calendar_still_merges():
    # "has been sworn in" is dated to the days before publication; on 0001-01-01 there are none
    tl = pair(
        "Governor Ann Lee has been sworn in.", "0001-01-01",
        "Governor Ann Lee has been sworn in, officials said.", "0001-01-01",
    )
    sworn = [e for e in tl if any(m.lemma == "swear in" for m in e.mentions)]
    assert len(sworn) == 1 and sworn[0].sources == ("First", "Second")


def test_the_examples_are_what_the_library_builds_from_the_seeds():
    # examples/ shows users what the library gives; after a change it must be regenerated
    # (examples/README.md has the commands), or this fails
    examples = Path(__file__).resolve().parent.parent / "examples"
    built = timeline.build(seed_articles())
    assert built.to_markdown() == (examples / "seed_timeline.md").read_text(encoding="utf-8")
    assert json.loads(built.to_json()) == json.loads((examples / "seed_timeline.json").read_text(encoding="utf-8"))
    from timeline.render import key_dates_markdown

    assert key_dates_markdown(built, built.key_dates(3, 2)) == (examples / "seed_key_dates.md").read_text(encoding="utf-8")
    assert built.to_html(title="Rand Paul in Moscow: the seed timeline") == (examples / "seed_timeline.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("errors", ["raise", "collect"])
def test_one_wire_story_run_by_two_papers_keeps_both_sources(errors):
    """The same text under two sources (and on two days) is two articles, not one dropped."""
    text = "Senator Rand Paul met Konstantin Kosachev in Moscow on Monday."
    tl = timeline.build(
        [timeline.Article(text, "2018-08-07", source="Reuters"), timeline.Article(text, "2018-08-07", source="Yahoo News"),
         timeline.Article(text, "2018-08-08", source="Reuters")],
        errors=errors,
    )  # fmt: skip
    assert len(tl.articles) == 3 and tl.errors == ()
    meeting = [e for e in tl if e.when is not None and e.when.value == "2018-08-06"]
    assert len(meeting) == 1 and meeting[0].sources == ("Reuters", "Yahoo News") and len(meeting[0].mentions) == 3


def test_without_publication_dates_events_of_different_times_stay_apart_as_undated():
    """With no publication date, "met on Monday", "met last month" and "will meet next week" have
    no date anyone can tell, but they are three meetings: listed as three undated entries (as
    three dated ones with the date), not collapsed into one."""
    texts = [
        "The committee met on Monday to discuss the budget. The committee also met last month to discuss the budget. "
        "It will meet again next week on the budget.",
        "The committee met on Monday about the budget, a spokesman said. The committee met in July about the budget.",
    ]
    for published in ("2018-08-07", None):
        built = timeline.build([Article(text, published, source=f"S{i}") for i, text in enumerate(texts)])
        groups = sorted(sorted(m.time_text or "" for m in e.mentions) for e in built)
        assert groups == [["", "Monday", "Monday"], ["July", "last month"], ["next week"]], published
        assert all((e.when is None) == (published is None) for e in built)


def test_sources_that_disagree_on_the_day_give_one_entry_with_the_conflict_shown():
    """One meeting, "on Monday" in one source and "on Tuesday" in another: one entry, both days
    shown. Two days told by one article, or a different participant, are two meetings."""
    monday = "Senator Rand Paul met Russian lawmaker Konstantin Kosachev in Moscow on Monday to discuss sanctions."
    tuesday = "Senator Rand Paul met Russian lawmaker Konstantin Kosachev in Moscow on Tuesday to discuss sanctions."
    lavrov = "Senator Rand Paul met Russian minister Sergei Lavrov in Moscow on Tuesday to discuss sanctions."

    def entries(*texts: str) -> list[tuple[str, list[str], tuple[str, ...]]]:
        built = timeline.build([Article(text, "2018-08-08", source=f"S{i}") for i, text in enumerate(texts)])
        return [(e.when.value, [c.value for c in e.conflicts], e.sources) for e in built]

    assert entries(monday, tuesday) == [("2018-08-06", ["2018-08-07"], ("S0", "S1"))]
    assert entries(monday + " " + tuesday.replace("sanctions.", "sanctions again.")) == [("2018-08-06", [], ("S0",)), ("2018-08-07", [], ("S0",))]
    assert entries(monday, lavrov) == [("2018-08-06", [], ("S0",)), ("2018-08-07", [], ("S1",))]
    markdown = timeline.build([Article(monday, "2018-08-08", source="S0"), Article(tuesday, "2018-08-08", source="S1")]).to_markdown(everything=True)
    assert "Sources disagree on the date" in markdown
