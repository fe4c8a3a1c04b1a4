"""Merge and order on hand-made mentions: which mentions become one entry, and in what order.

Every test builds :class:`Mention` objects directly (no spaCy) and checks ``assemble`` exactly.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Optional

import attrs
import pytest

from timeline import ArticleInfo, Entry, Mention, Participant, Sentence, Status, Timeline, TimeValue
from timeline.merge import Settings, assemble, can_merge, dates_compatible, names_match
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
    objects: tuple[str, ...] = (),
    keywords: tuple[str, ...] = (),
    context: tuple[str, ...] = (),
    when: Optional[str] = None,
    summary: Optional[str] = None,
    refers_to: Optional[Mention] = None,
    attribution_of: Optional[Mention] = None,
    sentence: Optional[int] = None,
    lemma: Optional[str] = None,
) -> Mention:
    """A mention of ``article`` whose clause starts at ``start`` (its own sentence, unless
    ``sentence`` gives where another one starts).

    As the pipeline makes them: the agent is the named doer (a person) and leads the actors,
    every actor given here is a named person, objects are common noun phrases, and the mention
    carries its article's publication day. Its predicate is ``event`` (root and class).
    """
    summary = summary if summary is not None else f"{agent or 'someone'} {trigger}"
    actors = tuple(dict.fromkeys(((agent,) if agent else ()) + actors))
    participants = tuple(
        [Participant("doer", agent, "PERSON")] * bool(agent)
        + [Participant("other", name, "PERSON") for name in actors if name != agent]
        + [Participant("object", name, None) for name in objects]
    )
    begins = start if sentence is None else sentence
    return Mention(
        article=article,
        sentence=Sentence(summary + ".", begins, begins + len(summary) + 1 if sentence is None else begins + 1000),
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
        lemma=lemma or trigger,
        stems=(event,),
        participants=participants,
        attribution_of=None if attribution_of is None else attribution_of.key,
        context=context,
    )


def one_entry(timeline: Timeline) -> Entry:
    assert len(timeline) == 1, [e.summary for e in timeline]
    return timeline.entries[0]


def _apart(first: Mention, second: Mention) -> None:
    """The two mentions are two entries, in either input order."""
    assert not can_merge(first, second) and not can_merge(second, first)
    for pair in ([first, second], [second, first]):
        timeline = assemble(ARTICLES, pair)
        assert len(timeline) == 2
        assert sorted(len(e.mentions) for e in timeline) == [1, 1]


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
        ("EU", "European Union"),  # an acronym and its words
        ("FBI", "the Federal Bureau of Investigation"),
        ("U.S.", "United States"),
    ],
)
def test_names_that_denote_one_actor_match(first, second):
    assert names_match(first, second)
    assert names_match(second, first)


@pytest.mark.parametrize(
    "first,second",
    [("Rand Paul", "Ron Johnson"), ("Putin", "Paul"), ("Trump", "Obama"), ("EU", "Egypt"), ("NASA", "National Security Agency"), ("UK", "United Nations")],
)
def test_names_of_different_actors_do_not_match(first, second):
    assert not names_match(first, second)
    assert not names_match(second, first)


# ---------------------------------------------------------------------------------------------
# The links: what merges (docs/merging.md, one test per tier)


def test_planned_meetings_and_the_meeting_that_happened_are_one_entry():
    """One predicate, both dated: planned in one article, done in the other."""
    assert can_merge(PLANNED_MEETINGS, HELD_MEETING)
    entry = one_entry(assemble(ARTICLES, [HELD_MEETING, PLANNED_MEETINGS]))
    assert entry.status is Status.HAPPENED
    assert entry.sources == ("Roll Call", "Washington Examiner")
    assert entry.when == day("2018-08-06")
    assert entry.conflicts == ()
    assert entry.mentions == (PLANNED_MEETINGS, HELD_MEETING)
    assert entry.summary == HELD_MEETING.summary  # told as fact beats the plan
    assert entry.actors == ("Rand Paul", "Kosachyov")  # the fullest spelling of Paul


def test_a_week_and_a_day_inside_it_are_one_unveiling_dated_by_the_day():
    week = mention(
        "B", 10, "unfurled", "introduce", keywords=("package", "sanction", "senate"), when="2018-W31",
        summary="The Senate unfurled a sanctions package last week",
    )  # fmt: skip
    thursday = mention(
        "A", 20, "unveiled", "introduce", keywords=("package", "russia", "sanction"), when="2018-08-02",
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


_PLAIN_AND_LATE = """
from timeline import ArticleInfo, Mention, Sentence, TimeValue
from timeline.merge import assemble

def told(article, start, when):
    text = "BP finished the relief well"
    return Mention(article=article, sentence=Sentence(text + ".", start, start + len(text) + 1), start=start,
                   end=start + len(text), trigger="finished", event="finish", summary=text, status="happened",
                   agent="BP", actors=("BP",), entities=("BP",), keywords=("relief", "well"), when=when,
                   time_text="2003", dated_by="text", published="2004-01-05")

articles = [ArticleInfo("A", "2004-01-05", "One"), ArticleInfo("B", "2004-01-05", "Two")]
late = told("A", 0, TimeValue("DATE", "2003", mod="END"))
plain = told("B", 0, TimeValue("DATE", "2003"))
(entry,) = assemble(articles, [late, plain]).entries
print(entry.when.value, entry.when.mod)
"""


@pytest.mark.parametrize("seed", ["0", "1", "2", "3", "4", "5"])
def test_an_entry_dated_by_a_year_and_by_late_that_year_has_one_date_in_every_process(seed):
    """"2003" and "late 2003" span the same days; which the entry took followed the order a set
    of the two iterates in, which follows the process's hash seed (two runs of one Timeline17
    span gave 2003 and 2003 (END) to one entry). The plain value, which every mention allows,
    is taken in every process."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run([sys.executable, "-c", _PLAIN_AND_LATE], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.split() == ["2003", "None"]


def test_an_undated_summit_takes_the_date_of_the_dated_one_that_shares_its_words():
    """One predicate, one of them undated: the rest of the clauses share a specific word."""
    undated = mention("A", 30, "summit", "meet", actors=("Trump",), keywords=("helsinki", "summit"), summary="Trump's Helsinki summit")
    dated = mention(
        "B", 40, "summit", "meet", agent="Donald Trump", actors=("Putin",), keywords=("helsinki", "finland", "summit"), when="2018-07",
        summary="Donald Trump sided with Putin at a summit in Helsinki",
    )  # fmt: skip
    entry = one_entry(assemble(ARTICLES, [undated, dated]))
    assert entry.when == day("2018-07")
    assert entry.mentions == (dated, undated)
    assert entry.actors == ("Donald Trump", "Putin")
    assert undated.when is None  # the mention keeps what its own text says


def test_an_undated_mention_of_one_predicate_with_nothing_else_in_common_stays_apart():
    """Also when the story dates no other launch: the words tell them apart."""
    dated = mention("A", 30, "launched", "launch", keywords=("rocket", "florida"), when="2018-08-02", summary="NASA launched a rocket from Florida", lemma="launch")
    undated = mention("B", 40, "launched", "launch", keywords=("campaign", "senator"), summary="the senator launched a campaign", lemma="launch")
    _apart(dated, undated)


def test_two_undated_mentions_of_one_predicate_in_one_article_are_one_event():
    """"The panel will begin deliberations" ... "After nine hours of deliberations": one article."""
    planned = mention("A", 0, "deliberations", "deliberate", status=Status.PLANNED, keywords=("panel", "early"), summary="The panel will begin deliberations early")
    held = mention("A", 200, "deliberations", "deliberate", keywords=("hour", "nine", "three"), summary="After nine hours of deliberations over three days")
    entry = one_entry(assemble(ARTICLES, [planned, held]))
    assert entry.status is Status.HAPPENED


def test_one_predicate_done_to_different_things_is_two_events():
    """"inspectors first blamed lettuce" / "inspectors are now blaming spinach"."""
    lettuce = mention("A", 0, "blamed", "blame", objects=("lettuce",), keywords=("inspector", "italian"), summary="inspectors blamed lettuce")
    spinach = mention("A", 100, "blaming", "blame", objects=("spinach",), keywords=("inspector", "italian"), summary="inspectors are blaming spinach")
    _apart(lettuce, spinach)


def test_two_mentions_of_one_day_in_two_articles_are_one_event_when_their_sentences_share_a_word():
    """"the launch was scrubbed on Monday morning" / "Liftoff was set for Monday"."""
    scrubbed = mention("A", 0, "scrubbed", "scrub", keywords=("launch",), when="2018-08-06", summary="the launch was scrubbed on Monday")
    scheduled = mention("B", 0, "scheduled", "schedule", keywords=("liftoff",), context=("launch",), when="2018-08-06", summary="Liftoff was scheduled for Monday")
    assert len(one_entry(assemble(ARTICLES, [scrubbed, scheduled])).mentions) == 2
    unrelated = mention("B", 0, "scheduled", "schedule", keywords=("liftoff",), when="2018-08-06", summary="Liftoff was scheduled for Monday")
    _apart(scrubbed, unrelated)  # nothing in common but the day


def test_two_mentions_of_one_day_in_one_article_are_two_events():
    """One article telling of several events of one day tells them apart (the default)."""
    scrubbed = mention("A", 0, "scrubbed", "scrub", keywords=("launch",), when="2018-08-06", summary="the launch was scrubbed on Monday")
    scheduled = mention("A", 100, "scheduled", "schedule", keywords=("launch",), when="2018-08-06", summary="the launch was scheduled for Monday")
    _apart(scrubbed, scheduled)
    assert len(one_entry(assemble(ARTICLES, [scrubbed, scheduled], settings=Settings(day_in_one_article=True))).mentions) == 2


def test_what_one_speaker_says_in_one_article_is_one_statement():
    """"Ms Jones today said" ... "The embattled leader said she would call a vote"."""
    today = mention("A", 0, "said", "say", agent="Anna Jones", when="2018-08-03", summary="Ms Jones today said")
    later = mention("A", 300, "said", "say", agent="Jones", keywords=("motion", "vote"), summary="The embattled leader said she would call a vote")
    entry = one_entry(assemble(ARTICLES, [today, later]))
    assert entry.when == day("2018-08-03")
    other = mention("A", 500, "said", "say", agent="Peter Brown", keywords=("motion", "vote"), summary="Brown said")
    assert len(assemble(ARTICLES, [today, other])) == 2


def test_an_attribution_belongs_to_what_it_reports():
    delayed = mention("A", 0, "delayed", "postpone", keywords=("launch",), summary="NASA has delayed the launch", sentence=0)
    said = mention("A", 40, "said", "say", agent="NASA", when="2018-08-02", summary="NASA said on Thursday", attribution_of=delayed, sentence=0)
    entry = one_entry(assemble(ARTICLES, [said, delayed]))
    assert entry.summary == delayed.summary  # what happened, not who said it
    assert entry.when == day("2018-08-02")


def test_an_attribution_dated_by_its_saying_does_not_date_what_it_reports():
    """"... where Putin said Russia did not interfere in the elections": the saying is dated by
    the article, the denial is about 2016; one entry, dated 2016."""
    denied = mention("B", 0, "interfere", "interfere", status=Status.NEGATED, keywords=("russia", "election"), when="2016", summary="Russia did not interfere in the 2016 elections", sentence=0)
    said = attrs.evolve(mention("B", 60, "said", "say", agent="Putin", when="2018-08-06", summary="Putin said", attribution_of=denied, sentence=0), dated_by="published")
    for order in ([said, denied], [denied, said]):
        entry = one_entry(assemble(ARTICLES, order))
        assert entry.when == day("2016") and entry.summary == denied.summary and entry.conflicts == ()


def test_a_mention_referring_back_merges_with_its_antecedent():
    trip = mention("A", 10, "trip", "travel", keywords=("recess",), when="2018-07", summary="senators made a trip")
    previous = mention("A", 90, "trip", "travel", keywords=("float",), when="2018-07", refers_to=trip, summary="the previous trip")
    entry = one_entry(assemble(ARTICLES, [previous, trip]))
    assert entry.mentions == (trip, previous)


# ---------------------------------------------------------------------------------------------
# The constraints: what never merges


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


def test_two_clauses_of_one_sentence_stay_apart():
    """"The makeup dates are scheduled for Friday, September 7, or Monday, September 10"."""
    friday = mention("A", 10, "scheduled", "schedule", when="2018-W31", summary="The makeup dates are scheduled for Friday", sentence=0)
    monday = mention("A", 60, "scheduled", "schedule", when="2018-W31", summary="or Monday", sentence=0)
    _apart(friday, monday)


def test_a_plan_told_after_another_article_told_it_done_is_another_event():
    """"to meet Trump in Washington" (6 August) is not "Trump's Helsinki summit" (3 August)."""
    summit = mention("A", 10, "summit", "meet", actors=("Trump",), keywords=("summit", "trump"), summary="Trump's Helsinki summit")
    planned = mention("B", 10, "meet", "meet", status=Status.PLANNED, actors=("Trump",), keywords=("summit", "trump"), summary="to meet Trump")
    _apart(summit, planned)


def test_different_event_classes_stay_apart():
    met = mention("B", 100, "met", "meet", agent="Paul", actors=("Kosachyov",), keywords=("kosachyov",), when="2018-08-06")
    invited = mention("B", 200, "invited", "invite", agent="Paul", actors=("Kosachyov",), keywords=("kosachyov",), when="2018-08-06")
    _apart(met, invited)


def test_dated_mentions_without_shared_predicate_or_day_stay_apart():
    first = mention("A", 110, "released", "introduce", agent="Senate", keywords=("bill", "sanction"), when="2018-08")
    second = mention("B", 120, "proposed", "propose", agent="Treasury", keywords=("bill", "tariff"), when="2018-08-06")
    _apart(first, second)


def test_a_group_never_gets_two_doers_of_one_predicate_through_a_third_mention():
    """Johnson's trip and Paul's trip both look like an undated trip; it joins one, never both."""
    johnson = mention("A", 10, "trip", "travel", agent="Ron Johnson", keywords=("moscow",), when="2018-07", summary="Johnson's trip to Moscow")
    paul = mention("B", 10, "trip", "travel", agent="Rand Paul", keywords=("moscow",), when="2018-07", summary="Paul's trip to Moscow")
    undated = mention("B", 200, "trip", "travel", keywords=("moscow",), summary="the trip to Moscow")
    timeline = assemble(ARTICLES, [johnson, paul, undated])
    assert len(timeline) == 2
    assert not any({johnson, paul} <= set(e.mentions) for e in timeline)


def with_named(m: Mention, *participants: tuple[str, str, str]) -> Mention:
    """``m`` with these (role, name, entity label) participants instead of its own."""
    return attrs.evolve(m, participants=tuple(Participant(role, name, label) for role, name, label in participants))


def test_one_predicate_with_different_named_participants_of_one_kind_stays_apart():
    """"the 2016 U.S. election" / "the Ukrainian elections": one year, one predicate, two countries."""
    ours = with_named(mention("A", 10, "election", "elect", keywords=("election",), when="2016", summary="the 2016 U.S. election"), ("other", "U.S.", "GPE"))
    theirs = with_named(mention("B", 10, "elections", "elect", keywords=("election",), when="2016", summary="the Ukrainian elections"), ("other", "Ukrainian", "NORP"))
    _apart(ours, theirs)
    again = with_named(mention("B", 90, "election", "elect", keywords=("election",), when="2016", summary="the 2016 election in the U.S."), ("other", "U.S.", "GPE"))
    assert len(one_entry(assemble(ARTICLES, [ours, again])).mentions) == 2


def test_events_numbered_apart_stay_apart_and_events_told_together_too():
    first = attrs.evolve(mention("A", 10, "ballot", "vote", keywords=("leadership", "party"), when="2018-W34", summary="the first leadership ballot this week"), ordinal=1)
    second = attrs.evolve(mention("B", 10, "ballot", "vote", keywords=("leadership", "party"), when="2018-W34", summary="the second leadership ballot this week"), ordinal=2)
    _apart(first, second)
    assert len(one_entry(assemble(ARTICLES, [first, attrs.evolve(second, ordinal=None)])).mentions) == 2
    # "Kosachyov announced Paul's trip on the same day that senators unveiled a package"
    announced = mention("A", 0, "announced", "announce", keywords=("package", "senator"), when="2018-08-02", summary="Kosachyov announced the trip")
    unveiled = mention("B", 0, "unveiled", "announce", keywords=("package", "senator"), when="2018-08-02", summary="senators unveiled a package")
    assert len(one_entry(assemble(ARTICLES, [announced, unveiled])).mentions) == 2
    _apart(attrs.evolve(announced, together_with=(unveiled.key,)), unveiled)


def test_a_group_of_one_predicate_takes_no_mention_whose_named_participants_it_never_names():
    """Paul's meetings with Kosachev and Kislyak are one event; "to meet Trump", linked only
    through an unnamed "hour-long meeting", is not part of it."""
    expected = with_named(
        mention("B", 10, "meet", "meet", status=Status.PLANNED, keywords=("lawmaker", "parliament"), summary="Paul is expected to meet lawmakers and Kislyak"),
        ("doer", "Paul", "PERSON"), ("other", "Sergey Kislyak", "PERSON"),
    )  # fmt: skip
    met = with_named(mention("B", 200, "met", "meet", keywords=("chairman", "committee"), summary="The Kentucky Republican met with Kosachev"), ("other", "Konstantin Kosachev", "PERSON"))
    today = with_named(mention("B", 300, "met", "meet", keywords=("chairman", "committee"), summary="Today, Paul met with Chairman Kosachev"), ("doer", "Paul", "PERSON"), ("other", "Kosachev", "PERSON"))
    unnamed = mention("B", 400, "meeting", "meet", keywords=("hour", "long", "capitol"), summary="Monday's hour-long meeting at the Capitol")
    trump = with_named(mention("B", 500, "meet", "meet", status=Status.PLANNED, keywords=("washington", "moscow"), summary="to meet Trump in Washington or Moscow"), ("object", "Trump", "PERSON"))
    assert can_merge(trump, unnamed) and can_merge(unnamed, met) and not can_merge(trump, met)
    for order in ([expected, met, today, unnamed, trump], [trump, unnamed, today, met, expected]):
        groups = sorted(sorted(m.start for m in e.mentions) for e in assemble(ARTICLES, order))
        assert groups == [[10, 200, 300, 400], [500]]


def test_a_bare_mention_never_holds_two_groups_together():
    """"the summit" (undated, two words) may join one summit, never bridge two."""
    first = mention("A", 10, "summit", "meet", keywords=("helsinki",), when="2018-07", summary="the summit in Helsinki")
    second = mention("B", 10, "summit", "meet", keywords=("singapore",), when="2018-06", summary="the summit in Singapore")
    bare = mention("B", 300, "summit", "meet", summary="the summit")
    timeline = assemble(ARTICLES, [first, second, bare])
    assert len(timeline) == 2


def test_an_undated_mention_joins_the_one_dated_group_of_its_predicate():
    """"the meeting will be held" shares no word with "the board set a shareholder meeting for
    Monday morning", but the story dates one meeting only: that is the one meant. With a second
    dated meeting nothing says which, and it stays apart."""
    dated = mention("A", 10, "meeting", "meet", status=Status.PLANNED, keywords=("board", "shareholder", "morning"), when="2018-08-06", summary="the board set a shareholder meeting for Monday morning")
    undated = mention("B", 10, "meeting", "meet", status=Status.PLANNED, keywords=("hold",), summary="the meeting will be held")
    assert sorted(len(e.mentions) for e in assemble(ARTICLES, [dated, undated])) == [2]
    other = mention("A", 300, "meeting", "meet", status=Status.PLANNED, keywords=("budget", "senate"), when="2018-08-09", summary="a meeting on the budget next Thursday")
    for order in ([dated, undated, other], [other, undated, dated]):
        assert sorted(len(e.mentions) for e in assemble(ARTICLES, order)) == [1, 1, 1]



def _story_of(articles: int, mentions: list[Mention]) -> tuple[list[ArticleInfo], list[Mention]]:
    """The mentions (of articles "A", "B", ...) inside a story of ``articles`` articles, every
    other article reporting one thing of its own in the story's words ("oil", "gulf")."""
    infos = [ArticleInfo(f"F{i}", "2010-07-20", "wire") for i in range(articles - 3)]
    background = [
        mention("A", 10 * i, f"filled{i}", f"fill{i}", keywords=("oil", "gulf"), summary=f"report {i} on the oil in the gulf") for i in range(len(infos))
    ]  # fmt: skip
    background = [attrs.evolve(m, article=info.id, published=info.published) for m, info in zip(background, infos, strict=True)]
    story = [ArticleInfo(name, "2010-07-20", "paper") for name in "ABC"]
    return infos + story, background + [attrs.evolve(m, published="2010-07-20") for m in mentions]


def test_at_scale_undated_mentions_sharing_only_the_story_s_own_words_stay_apart():
    """In three articles, "crews capped oil in the gulf" is the well capped on 15 July: they
    share every word beyond the predicate. In a thousand reports of a spill every report says
    "oil" and "gulf" (from 50 articles and a tenth of them on): those words tell nothing of which
    event it is, and the undated mention stays apart; one that shares a word of that event's own
    ("Macondo") still joins it."""
    dated = mention("A", 500, "capped", "cap", keywords=("oil", "gulf", "macondo"), when="2010-07-15", summary="BP capped the Macondo well in the gulf on July 15")
    vague = mention("B", 500, "capped", "cap", keywords=("oil", "gulf"), summary="crews capped oil in the gulf")
    specific = attrs.evolve(mention("B", 500, "capped", "cap", keywords=("oil", "macondo"), summary="engineers capped the Macondo oil well"), article="C")
    for articles, joined in ((3, {dated.summary, vague.summary, specific.summary}), (60, {dated.summary, specific.summary})):
        infos, mentions = _story_of(articles, [dated, vague, specific])
        groups = {frozenset(m.summary for m in e.mentions) for e in assemble(infos, mentions) if m_in(e, dated)}
        assert groups == {frozenset(joined)}, articles


def m_in(entry: Entry, wanted: Mention) -> bool:
    return any(m.summary == wanted.summary for m in entry.mentions)


def test_story_wide_words_are_those_of_fifty_articles_and_a_tenth_of_the_story():
    from timeline.merge.similarity import Profile, Weights

    for articles, wide in ((49, set()), (50, {"oil"}), (1000, set())):
        profiles = [Profile.of(attrs.evolve(mention("A", 0, "capped", "cap", keywords=("oil",), summary="capped oil"), article=f"X{i}")) for i in range(articles)]
        if articles == 1000:  # in 50 of 1,000 articles: under a tenth, still specific
            profiles = profiles[:50] + [Profile.of(attrs.evolve(mention("A", 0, "capped", "cap", summary="capped"), article=f"Y{i}")) for i in range(950)]
        weights = Weights(profiles)
        assert set(weights.story_wide) & {"oil"} == wide, articles
        assert weights.specific(frozenset({"oil", "macondo"})) == frozenset({"oil", "macondo"}) - wide


def test_of_two_dated_groups_of_a_predicate_an_undated_mention_joins_the_one_its_status_allows():
    """The story dates a meeting held on Thursday 2 August and one planned for Thursday 9
    August. "The meeting will be held", published on 6 August, can only be the later one; "the
    meeting was held", published that day, only the earlier one."""
    held = mention("A", 10, "meeting", "meet", keywords=("board", "shareholder"), when="2018-08-02", summary="the board held a shareholder meeting on Thursday")
    planned = mention("A", 300, "meeting", "meet", status=Status.PLANNED, keywords=("budget", "senate"), when="2018-08-09", summary="a meeting on the budget next Thursday")
    will_be = mention("B", 10, "meeting", "meet", status=Status.PLANNED, keywords=("hold",), summary="the meeting will be held")
    was = mention("B", 300, "meeting", "meet", keywords=("hold",), summary="the meeting was held")
    for order in ([held, planned, will_be, was], [was, will_be, planned, held]):
        groups = {frozenset(m.summary for m in e.mentions) for e in assemble(ARTICLES, order)}
        assert groups == {frozenset({held.summary, was.summary}), frozenset({planned.summary, will_be.summary})}

def test_of_two_dated_groups_of_a_predicate_an_undated_mention_joins_the_one_it_shares_its_words_with():
    """Both meetings fit a mention of no status that constrains ("the meeting, reportedly
    stormy"); the one whose words it shares ("board", "shareholder") is the one it tells of.
    Sharing nothing with either, or as much with both, it stays apart. (The content threshold
    is set out of reach, so that only this pass can join them.)"""
    apart_in_content = Settings(content=0.99)
    board = mention("A", 10, "meeting", "meet", keywords=("board", "shareholder"), when="2018-08-02", summary="the board held a shareholder meeting on Thursday")
    budget = mention("A", 300, "meeting", "meet", keywords=("budget", "senate"), when="2018-07-26", summary="a senate meeting on the budget last Thursday")
    stormy = mention("B", 10, "meeting", "meet", status=Status.REPORTED, keywords=("shareholder", "stormy"), summary="the shareholder meeting was stormy")
    for order in ([board, budget, stormy], [stormy, budget, board]):
        groups = {frozenset(m.summary for m in e.mentions) for e in assemble(ARTICLES, order, settings=apart_in_content)}
        assert groups == {frozenset({board.summary, stormy.summary}), frozenset({budget.summary})}
    for words in (("stormy",), ("shareholder", "senate")):
        neither = attrs.evolve(stormy, keywords=words)
        assert sorted(len(e.mentions) for e in assemble(ARTICLES, [board, budget, neither], settings=apart_in_content)) == [1, 1, 1]


def test_a_mention_dated_by_its_publication_only_joins_the_one_dated_group_of_its_predicate_it_can_be():
    """"He has been sentenced", published on Monday 6 August, has no date of its own: of the
    story's sentencing by the jury in July and the judge's on Saturday 4 August, it can only be
    the judge's. Without a dated group in reach it stays apart."""
    jury = mention("A", 10, "sentenced", "sentence", objects=("the defendant",), keywords=("jury", "defendant", "death"), when="2018-07-13", summary="the jury sentenced the defendant to death on July 13")
    judge = mention("A", 300, "sentenced", "sentence", objects=("the defendant",), keywords=("judge", "formally", "defendant"), when="2018-08-04", summary="a judge formally sentenced the defendant on Saturday")
    published = mention("B", 10, "sentenced", "sentence", keywords=("defendant", "appeal"), when="2018-08-06", summary="the defendant has been sentenced")
    published = attrs.evolve(published, dated_by="published")
    apart_in_content = Settings(content=0.99)
    for order in ([jury, judge, published], [published, judge, jury]):
        groups = {frozenset(m.summary for m in e.mentions) for e in assemble(ARTICLES, order, settings=apart_in_content)}
        assert groups == {frozenset({judge.summary, published.summary}), frozenset({jury.summary})}
    earlier = attrs.evolve(judge, when=day("2018-07-20"), time_text="2018-07-20")
    assert len(assemble(ARTICLES, [jury, earlier, published], settings=apart_in_content)) == 3


def test_a_plan_told_in_the_past_may_be_what_an_earlier_article_reports_done():
    """"The EU decided to ban the seeds", published on Monday 6 August, may be the ban an
    article of Friday 3 August reports imposed; "the EU will ban the seeds", told on Monday,
    cannot."""
    imposed = mention("A", 10, "imposed", "ban", agent="European Union", keywords=("seeds", "egypt"), when="2018-08-03", summary="the European Union imposed the ban on Friday")
    decided = mention("B", 10, "ban", "ban", agent="European Union", status=Status.PLANNED, keywords=("seeds", "egypt"), summary="the European Union decided to ban the seeds")
    for order in ([imposed, attrs.evolve(decided, planned_in_past=True)], [attrs.evolve(decided, planned_in_past=True), imposed]):
        assert len(one_entry(assemble(ARTICLES, order)).mentions) == 2
    for order in ([imposed, decided], [decided, imposed]):
        assert len(assemble(ARTICLES, order)) == 2


def test_two_counts_of_one_predicate_are_two_events():
    """"Three people have died" (Friday) and "at least 16 people have died" (Monday, by then) are
    a death toll on two days; the same count from two sources is one report."""
    three = attrs.evolve(mention("A", 10, "died", "die", keywords=("people", "infection"), when="2018-08-03", summary="three people have died"), count=3)
    sixteen = attrs.evolve(mention("B", 10, "died", "die", keywords=("people", "infection"), summary="at least 16 people have died"), count=16)
    _apart(three, sixteen)
    again = attrs.evolve(sixteen, count=3, summary="three people have died of the infection")
    assert len(one_entry(assemble(ARTICLES, [three, again])).mentions) == 2


def test_a_bare_mention_of_a_day_joins_the_event_its_article_tells_of_that_day_once():
    """"Friday's decision", in the article that tells "the jury condemned the defendant to
    death on Friday", is that decision; two full clauses of one day in one article stay two
    events, and the bare mention joins the one it shares a word with, never both."""
    condemned = mention("B", 10, "condemned", "condemn", objects=("the defendant",), keywords=("jury", "death", "defendant"), when="2018-08-03", summary="the jury condemned the defendant to death on Friday")
    decision = mention("B", 300, "decision", "decide", keywords=("jury",), when="2018-08-03", summary="the jury's Friday decision")
    adjourned = mention("B", 600, "adjourned", "adjourn", objects=("the hearing",), keywords=("court", "recess", "hearing"), when="2018-08-03", summary="the court adjourned the hearing on Friday")
    for order in ([condemned, decision], [decision, condemned]):
        assert len(one_entry(assemble(ARTICLES, order)).mentions) == 2
    for order in ([condemned, adjourned, decision], [decision, adjourned, condemned]):
        groups = {frozenset(m.summary for m in e.mentions) for e in assemble(ARTICLES, order)}
        assert groups == {frozenset({condemned.summary, decision.summary}), frozenset({adjourned.summary})}
    # not bare: a clause with its own doer is not taken for the day's event
    ruled = mention("B", 300, "ruled", "rule", agent="Judge O'Toole", when="2018-08-03", summary="Judge O'Toole ruled on Friday")
    assert len(assemble(ARTICLES, [condemned, ruled])) == 2
    # nor is a day's mention of another article (that is the one-day tier's to judge)
    elsewhere = attrs.evolve(decision, article="A", published="2018-08-03")
    assert len(assemble(ARTICLES, [condemned, attrs.evolve(elsewhere, keywords=())])) == 2


def at(m: Mention, value: str) -> Mention:
    """``m`` dated to a time of day (``2018-08-06TMO``, ``2018-08-06T23:21``)."""
    return attrs.evolve(m, when=TimeValue("TIME", value), time_text=value)


def test_two_times_of_one_day_that_cannot_meet_are_two_events():
    """"on Monday morning" / "at midday on Monday": one predicate, one day, two events; clock
    times a few minutes apart ("from 11 p.m." / "started at 11:12 p.m.") may be one."""
    morning = at(mention("A", 10, "meeting", "meet", keywords=("board", "shareholder"), summary="the shareholder meeting on Monday morning"), "2018-08-06TMO")
    midday = at(mention("B", 10, "meeting", "meet", keywords=("board", "shareholder"), summary="the shareholder meeting at midday on Monday"), "2018-08-06TMI")
    _apart(morning, midday)
    late = at(mention("A", 10, "evacuating", "evacuate", keywords=("town", "flood"), summary="crews are evacuating the town from 11 p.m. Monday"), "2018-08-06T23:00")
    later = at(mention("B", 10, "evacuation", "evacuate", keywords=("town", "flood"), summary="the evacuation started at 11:12 p.m. on Monday"), "2018-08-06T23:12")
    assert len(one_entry(assemble(ARTICLES, [late, later])).mentions) == 2
    # a mention of the day alone may join either time, never hold both together
    monday = mention("B", 500, "meeting", "meet", keywords=("board", "shareholder"), when="2018-08-06", summary="the shareholder meeting on Monday")
    for order in ([morning, midday, monday], [monday, midday, morning]):
        assert sorted(len(e.mentions) for e in assemble(ARTICLES, order)) == [1, 2]


def test_salience_counts_sources_mentions_dates_and_names_and_halves_who_said_what():
    from timeline.merge.entries import salience

    unveiled = mention("A", 0, "unveiled", "introduce", agent="Lindsey Graham", when="2018-08-02", summary="Graham unveiled a package", lemma="unveil")
    unfurled = mention("B", 0, "unfurled", "introduce", when="2018-W31", summary="The Senate unfurled a package", lemma="unfurl")
    # two articles, one further mention, a date in the text, a named participant
    assert salience([unveiled, unfurled]) == 2 + 0.25 + 0.5 + 0.25
    # one article telling only who said something: half
    said = mention("B", 0, "said", "say", agent="Vladimir Putin", when="2018-08-06", summary="Putin said", lemma="say")
    announced = mention("B", 0, "announced", "announce", agent="Rand Paul", when="2018-08-06", summary="Rand Paul announced Monday", lemma="announce")
    announced_trip = mention("B", 0, "announced", "announce", agent="Rand Paul", objects=("a trip",), when="2018-08-06", summary="Rand Paul announced a trip", lemma="announce")
    assert [salience([m]) for m in (said, announced, announced_trip)] == [0.875, 0.875, 1.75]
    shown = assemble(ARTICLES, [announced, attrs.evolve(announced_trip, start=300, end=326)]).to_markdown()
    assert "Rand Paul announced a trip" in shown and "Rand Paul announced Monday" not in shown


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


def test_the_middle_or_end_of_a_period_comes_after_what_begins_before_it():
    """"later this year" (2018, END) told in August comes after July and August, not before them."""
    values = [("2018-08-06", None), ("2018", "END"), ("2018-07", None), ("2018", None), ("2018", "MID"), ("2018", "START")]
    mentions = [
        mention("A", 10 * i, "x", f"class{i}", summary="same", when=value) if mod is None else
        attrs.evolve(mention("A", 10 * i, "x", f"class{i}", summary="same", when=value), when=TimeValue("DATE", value, mod=mod))
        for i, (value, mod) in enumerate(values)
    ]  # fmt: skip
    got = [(e.when.value, e.when.mod and str(e.when.mod)) for e in assemble(ARTICLES, mentions)]
    assert got == [("2018", "START"), ("2018", None), ("2018", "MID"), ("2018-07", None), ("2018-08-06", None), ("2018", "END")]


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

