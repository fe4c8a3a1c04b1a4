"""Merge and order on hand-made mentions: which mentions become one entry, and in what order.

Every test builds :class:`Mention` objects directly (no spaCy) and checks ``assemble`` exactly.
"""

from __future__ import annotations

from typing import Optional

import pytest

import attrs

from timeline import ArticleInfo, Entry, Mention, Sentence, Status, Timeline, TimeValue
from timeline.merge import assemble, can_merge, dates_compatible, names_match
from timeline.order import entry_sort_key

# ---------------------------------------------------------------------------------------------
# Helpers

EXAMINER = ArticleInfo("A", "2018-08-03", "Washington Examiner")
ROLL_CALL = ArticleInfo("B", "2018-08-06", "Roll Call", "https://rollcall.com/b")
ARTICLES = (EXAMINER, ROLL_CALL)
PUBLISHED = {a.id: a.published for a in ARTICLES}


def day(value: str) -> TimeValue:
    return TimeValue("DATE", value)


def mention(
    article: str,
    start: int,
    trigger: str,
    event: str,
    *,
    status: Status = Status.HAPPENED,
    agent: Optional[str] = None,
    actors: tuple[str, ...] = (),
    keywords: tuple[str, ...] = (),
    when: Optional[str] = None,
    summary: Optional[str] = None,
    refers_to: Optional[Mention] = None,
) -> Mention:
    """A mention of ``article`` whose clause starts at ``start``.

    As the pipeline makes them: the agent leads the actors, every actor given here is a named
    entity, and the mention carries its article's publication day.
    """
    summary = summary if summary is not None else f"{agent or 'someone'} {trigger}"
    actors = tuple(dict.fromkeys(((agent,) if agent else ()) + actors))
    return Mention(
        article=article,
        sentence=Sentence(summary + ".", start, start + len(summary) + 1),
        start=start,
        end=start + len(summary),
        trigger=trigger,
        event=event,
        summary=summary,
        status=status,
        agent=agent,
        actors=actors,
        entities=actors,
        keywords=keywords,
        when=None if when is None else day(when),
        time_text=when,
        dated_by="none" if when is None else "text",
        published=PUBLISHED[article],
        refers_to=None if refers_to is None else refers_to.key,
    )


def one_entry(timeline: Timeline) -> Entry:
    assert len(timeline) == 1, [e.summary for e in timeline]
    return timeline.entries[0]


# Paul's Monday meetings: planned in one article, done in the other.
PLANNED_MEETINGS = mention(
    "A", 0, "meetings", "meet", status=Status.PLANNED, agent="Rand Paul",
    keywords=("lawmaker", "meet", "meeting"), when="2018-08-06",
    summary="Rand Paul will travel to Russia for Monday meetings",
)  # fmt: skip
HELD_MEETING = mention(
    "B", 100, "met", "meet", agent="Paul", actors=("Kosachyov",),
    keywords=("chairman", "kosachyov", "meet"), when="2018-08-06", summary="Paul met with Kosachyov",
)  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Names


@pytest.mark.parametrize(
    "first,second",
    [
        ("Paul", "Sen. Rand Paul"),
        ("Kosachev", "Kosachyov"),
        ("Konstantin Kosachev", "Kosachyov"),
        ("Donald Trump", "Trump"),
    ],
)
def test_names_that_denote_one_actor_match(first, second):
    assert names_match(first, second)
    assert names_match(second, first)


@pytest.mark.parametrize("first,second", [("Rand Paul", "Ron Johnson"), ("Putin", "Paul"), ("Trump", "Obama")])
def test_names_of_different_actors_do_not_match(first, second):
    assert not names_match(first, second)
    assert not names_match(second, first)


# ---------------------------------------------------------------------------------------------
# What must merge


def test_planned_meetings_and_the_meeting_that_happened_are_one_entry():
    assert can_merge(PLANNED_MEETINGS, HELD_MEETING)
    entry = one_entry(assemble(ARTICLES, [HELD_MEETING, PLANNED_MEETINGS]))
    assert entry.status is Status.HAPPENED
    assert entry.sources == ("Roll Call", "Washington Examiner")
    assert entry.when == day("2018-08-06")
    assert entry.conflicts == ()
    assert entry.mentions == (PLANNED_MEETINGS, HELD_MEETING)
    assert entry.summary == HELD_MEETING.summary  # told as fact beats the plan
    assert entry.actors == ("Rand Paul", "Kosachyov")  # the fullest spelling of Paul


def test_a_spelling_variant_is_a_shared_actor():
    """Kosachyov (TASS) and Kosachev (Roll Call) are one man: the doer they share links the two reports."""
    told = mention("A", 5, "met", "meet", agent="Kosachyov", keywords=("parliament",), when="2018-08-06")
    held = mention("B", 7, "met", "meet", agent="Kosachev", keywords=("committee",), when="2018-08-06")
    entry = one_entry(assemble(ARTICLES, [told, held]))
    assert entry.mentions == (told, held)


def test_the_same_doer_spelled_the_same_is_a_shared_actor():
    planned = mention("A", 0, "meetings", "meet", status=Status.PLANNED, agent="Rand Paul", keywords=("lawmaker",), when="2018-08-06")
    held = mention("B", 100, "met", "meet", agent="Rand Paul", keywords=("chairman",), when="2018-08-06")
    entry = one_entry(assemble(ARTICLES, [planned, held]))
    assert entry.mentions == (planned, held)


def test_a_mention_referring_back_merges_with_its_antecedent():
    trip = mention("A", 10, "trip", "travel", keywords=("recess",), when="2018-07", summary="senators made a trip")
    previous = mention("A", 90, "trip", "travel", keywords=("float",), when="2018-07", refers_to=trip, summary="the previous trip")
    entry = one_entry(assemble(ARTICLES, [previous, trip]))
    assert entry.mentions == (trip, previous)


def test_a_week_and_a_day_inside_it_are_one_unveiling_dated_by_the_day():
    week = mention(
        "B", 10, "unfurled", "introduce", keywords=("introduce", "package", "sanction", "senate"), when="2018-W31",
        summary="The Senate unfurled a sanctions package last week",
    )  # fmt: skip
    thursday = mention(
        "A", 20, "unveiled", "introduce", keywords=("introduce", "package", "russia", "sanction"), when="2018-08-02",
        summary="senators unveiled a new package of Russia sanctions",
    )  # fmt: skip
    assert dates_compatible(week.when, thursday.when)
    entry = one_entry(assemble(ARTICLES, [week, thursday]))
    assert entry.when == day("2018-08-02")
    assert entry.conflicts == ()
    assert entry.mentions == (thursday, week)  # finest date first
    assert entry.sources == ("Roll Call", "Washington Examiner")


def test_a_week_across_the_month_end_does_not_hide_that_a_source_says_july():
    """2018-W31 (Jul 30 - Aug 5) and 2018-07 overlap, but neither lies within the other: the entry's
    date must lie within each mention's date, or that date must be listed as a conflict."""
    week = mention("A", 0, "met", "meet", agent="Paul", when="2018-W31")
    july = mention("B", 10, "met", "meet", agent="Rand Paul", when="2018-07")
    entry = one_entry(assemble(ARTICLES, [week, july]))
    for value in (week.when, july.when):
        assert value in entry.conflicts or value.start <= entry.when.start <= entry.when.end <= value.end, (entry.when, value)


def test_an_undated_summit_takes_the_date_of_the_dated_one_with_the_same_actor():
    undated = mention("A", 30, "summit", "meet", actors=("Trump",), keywords=("helsinki", "summit"), summary="Trump's Helsinki summit")
    dated = mention(
        "B", 40, "summit", "meet", agent="Donald Trump", actors=("Putin",), keywords=("finland", "summit"), when="2018-07",
        summary="Donald Trump sided with Putin at a summit",
    )  # fmt: skip
    entry = one_entry(assemble(ARTICLES, [undated, dated]))
    assert entry.when == day("2018-07")
    assert entry.mentions == (dated, undated)
    assert entry.actors == ("Donald Trump", "Putin")


# ---------------------------------------------------------------------------------------------
# What must not merge


def _apart(first: Mention, second: Mention) -> None:
    """The two mentions are two entries, in either input order."""
    assert not can_merge(first, second) and not can_merge(second, first)
    for pair in ([first, second], [second, first]):
        timeline = assemble(ARTICLES, pair)
        assert len(timeline) == 2
        assert sorted(len(e.mentions) for e in timeline) == [1, 1]


def test_trips_of_different_doers_stay_apart_even_on_compatible_dates():
    senators = mention(
        "A", 50, "trip", "travel", agent="Ron Johnson", actors=("Moscow",), keywords=("moscow", "travel", "trip"),
        when="2018-07", summary="Ron Johnson made a trip to Moscow",
    )  # fmt: skip
    pauls = mention(
        "A", 60, "trip", "travel", agent="Rand Paul", actors=("Moscow",), keywords=("moscow", "travel", "trip"),
        when="2018-07", summary="Rand Paul's trip to Moscow",
    )  # fmt: skip
    _apart(senators, pauls)


def test_incompatible_dates_stay_apart():
    july = mention("A", 70, "met", "meet", agent="Rand Paul", keywords=("kosachyov", "meet"), when="2018-07")
    august = mention("B", 80, "met", "meet", agent="Rand Paul", keywords=("kosachyov", "meet"), when="2018-08-06")
    assert not dates_compatible(july.when, august.when)
    _apart(july, august)


def test_a_denial_and_a_report_that_it_happened_stay_apart():
    denied = mention(
        "B", 90, "interfere", "interfere", status=Status.NEGATED, agent="Russia", keywords=("election", "interfere"),
        when="2016", summary="Russia did not interfere in the elections",
    )  # fmt: skip
    happened = mention(
        "A", 95, "interfered", "interfere", agent="Russia", keywords=("election", "interfere"), when="2016",
        summary="Russia interfered in the elections",
    )  # fmt: skip
    _apart(denied, happened)


def test_different_event_classes_stay_apart():
    met = mention("B", 100, "met", "meet", agent="Paul", actors=("Kosachyov",), keywords=("kosachyov",), when="2018-08-06")
    invited = mention("B", 200, "invited", "invite", agent="Paul", actors=("Kosachyov",), keywords=("kosachyov",), when="2018-08-06")
    _apart(met, invited)


def test_dated_mentions_without_shared_actor_or_keyword_stay_apart():
    first = mention("A", 110, "released", "introduce", agent="Senate", keywords=("bill", "sanction"), when="2018-08")
    second = mention("B", 120, "proposed", "introduce", agent="Treasury", keywords=("rule", "tariff"), when="2018-08-06")
    _apart(first, second)


# ---------------------------------------------------------------------------------------------
# Order

# (event class, date, summary, article, start): one entry each, the classes keep them apart.
ORDERED = [
    ("election", "2018", "the midterm elections", "A", 10),
    ("meet", "2018-07", "the Helsinki summit", "A", 20),
    ("die", "2018-07-04", "a fire on Independence Day", "B", 30),
    ("travel", "2018-W31", "senators traveled", "A", 40),
    ("introduce", "2018-08-02", "senators unveiled sanctions", "A", 50),
    ("sign", "2018-08-02", "the treaty was signed", "B", 60),  # same day: summary decides
    ("launch", "2018-08-02", "the treaty was signed", "B", 70),  # same summary: first mention decides
    ("return", None, "Johnson returned", "A", 80),
    ("invite", None, "Paul invited officials", "B", 90),
]


def test_entries_follow_the_documented_order_whatever_the_input_order():
    mentions = [mention(article, start, event, event, when=when, summary=summary) for event, when, summary, article, start in ORDERED]
    expected = [(when, summary, start) for _, when, summary, _, start in ORDERED]
    expected[-2:] = sorted(expected[-2:], key=lambda e: e[1])  # undated: by summary
    for shuffled in (mentions, mentions[::-1], mentions[1::2] + mentions[::2]):
        timeline = assemble(ARTICLES, shuffled)
        got = [(e.when and e.when.value, e.summary, e.mentions[0].start) for e in timeline]
        assert got == expected
        keys = [entry_sort_key(e) for e in timeline]
        assert keys == sorted(keys)


def test_a_week_starting_before_a_day_comes_first_and_coarse_before_fine_on_the_same_first_day():
    values = ["2018-07-04", "2018-08-02", "2018-07", "2018-W31", "2018"]
    mentions = [mention("A", 10 * i, "x", f"class{i}", when=value, summary="same") for i, value in enumerate(values)]
    assert [e.when.value for e in assemble(ARTICLES, mentions)] == ["2018", "2018-07", "2018-07-04", "2018-W31", "2018-08-02"]


# ---------------------------------------------------------------------------------------------
# The Timeline API


@pytest.fixture
def timeline() -> Timeline:
    extra = mention("A", 300, "returned", "return", agent="Ron Johnson", summary="Johnson returned from Moscow")
    return assemble([ROLL_CALL, EXAMINER, ROLL_CALL], [HELD_MEETING, extra, PLANNED_MEETINGS])


def test_len_iteration_and_mentions(timeline):
    assert len(timeline) == 2
    meeting, returned = list(timeline)
    assert meeting.when == day("2018-08-06") and returned.when is None
    assert timeline.mentions == meeting.mentions + returned.mentions
    assert set(timeline.mentions) == {HELD_MEETING, PLANNED_MEETINGS, returned.mentions[0]}


def test_articles_are_listed_once_by_publication_date(timeline):
    assert timeline.articles == (EXAMINER, ROLL_CALL)


def test_merge_equals_assembling_everything(timeline):
    left = assemble([EXAMINER], [PLANNED_MEETINGS])
    right = assemble([ROLL_CALL], [HELD_MEETING])
    assert left.merge(right) == right.merge(left) == assemble(ARTICLES, [PLANNED_MEETINGS, HELD_MEETING])
    assert timeline.merge(left) == timeline
    assert timeline.merge(timeline) == timeline


def test_json_round_trip_is_exact(timeline):
    text = timeline.to_json()
    again = Timeline.from_json(text)
    assert again == timeline
    assert again.to_json() == text
    assert Timeline.from_json(again.to_json()).to_json() == text


def test_two_versions_of_one_mention_or_article_resolve_the_same_in_any_order():
    """An updated article fed again under its id: the result must not depend on input order."""
    first = mention("A", 0, "met", "meet", agent="Paul")
    second = attrs.evolve(first, agent="Putin", entities=("Putin",))
    assert first.key == second.key
    assert assemble(ARTICLES, [first, second]) == assemble(ARTICLES, [second, first])
    old, new = ArticleInfo("1", "2018-08-06", "S", "https://e.com/old"), ArticleInfo("1", "2018-08-06", "S", "https://e.com/new")
    assert assemble([old, new], []) == assemble([new, old], [])
    assert len(assemble([old, new], []).articles) == 1
