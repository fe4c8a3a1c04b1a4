"""Events sentence by sentence: what each step of :mod:`timeline.events` finds, exactly.

Like spaCy's tests of its noun chunker: one sentence, the mentions it must give (clause as
written, summary, predicate, status, date, participants). The sentences are made up for the
tests, each the shape of a construction news writes.
"""

from __future__ import annotations

from typing import Optional

import pytest

import timeline
from timeline import Article, Status
from timeline.events import root
from timeline.model import Mention

PUBLISHED = "2018-08-06"  # a Monday


def events(text: str, published: Optional[str] = PUBLISHED) -> list[Mention]:
    return list(timeline.read(Article(text, published)).events)


def clauses(text: str) -> list[str]:
    return [text[m.start : m.end] for m in events(text)]


def one(text: str) -> Mention:
    found = events(text)
    assert len(found) == 1, [m.summary for m in found]
    return found[0]


def when(mention: Mention) -> Optional[str]:
    return None if mention.when is None else mention.when.value


def roles(mention: Mention) -> list[tuple[str, str]]:
    return [(p.role, p.name) for p in mention.participants]


# ---------------------------------------------------------------------------------------------
# Triggers: what is an event, and what is part of one


def test_a_state_is_no_event_but_the_event_noun_it_names_is():
    """"faces 12 charges" is a state; "the June 2016 attack" is an event of its own."""
    assert clauses("The suspect faces 12 charges for the June 2016 attack.") == ["the June 2016 attack"]


@pytest.mark.parametrize(
    "text,lemma,status",
    [
        # aspect: the event is what begins
        ("The panel will begin deliberations early Tuesday morning.", "deliberation", Status.PLANNED),
        # intention: the event is what is aimed at
        ("NASA aims to fly astronauts back to the moon in the next few years.", "fly back", Status.PLANNED),
        # an empty carrier with an event noun subject
        ("Evacuation is set to begin at 9 p.m. ET Monday.", "evacuation", Status.PLANNED),
        # a light verb: the splashdown is the event
        ("The crew capsule made a successful splashdown Sunday.", "splashdown", Status.HAPPENED),
        # occurrence: the launch is what is (no longer) happening
        ("The launch of the weather satellite is no longer happening today.", "launch", Status.NEGATED),
        # an outcome: the vote is what was won, and without an event object the winning is
        ("Mr Brown won the leadership vote on Tuesday.", "vote", Status.HAPPENED),
        ("The company has lost a visionary.", "lose", Status.HAPPENED),
        # "take place" says only that its subject happens
        ("The meeting is expected to take place on Friday.", "meeting", Status.PLANNED),
    ],
)
def test_carriers_light_verbs_and_occurrence_verbs_give_their_event_one_clause(text, lemma, status):
    mention = one(text)
    assert mention.lemma == lemma and mention.status is status
    assert text[mention.start : mention.end] == text.rstrip(".")


def test_an_event_noun_with_a_date_of_its_own_is_another_event():
    """"found guilty on Wednesday of the 2016 bombing": the verdict and the bombing."""
    found = events("John Smith was found guilty on Wednesday of the 2016 Dallas nightclub bombing.")
    assert [(m.summary, m.lemma, when(m)) for m in found] == [
        ("John Smith was found guilty on Wednesday", "find", "2018-08-01"),
        ("the 2016 Dallas nightclub bombing", "bombing", "2016"),
    ]
    assert found[0].stems == ("convict",)  # found guilty: a conviction
    assert found[1].stems == ("bomb", "attack")


def test_an_event_noun_without_a_date_is_part_of_its_clause():
    """"found guilty of planting the bombs": what the verdict is about."""
    mention = one("Smith was found guilty last week of planting the bombs.")
    assert mention.summary == "Smith was found guilty last week of planting the bombs"
    assert mention.stems == ("convict",)
    assert "attack" in mention.keywords  # the bombs, by their class, for matching


def test_coordinated_verbs_are_one_event_unless_one_comes_after():
    assert clauses("Officials met and agreed on a plan.") == ["Officials met and agreed on a plan"]
    assert clauses("Inspectors blamed lettuce from Italy, then later ruled it out as the cause.") == [
        "Inspectors blamed lettuce from Italy",
        "then later ruled it out as the cause",
    ]


def test_the_occasion_of_an_event_is_an_event_at_the_same_time():
    """"sided with Putin at a summit": the summit shares the date of the siding."""
    found = events("Donald Trump sided with Putin last month at a bilateral summit in Helsinki.")
    assert [(m.summary, when(m), m.dated_by) for m in found] == [
        ("Donald Trump sided with Putin last month", "2018-07", "text"),
        ("a bilateral summit in Helsinki", "2018-07", "discourse"),
    ]
    sided, summit = found
    assert sided.together_with == (summit.key,) and summit.together_with == (sided.key,)  # two events of one time
    # hung on a noun, the occasion is too often the parse's misplaced attachment: the hearing at
    # which he apologized is not the 2013 attack's
    found = events("Earlier on Wednesday, Smith apologized for the deadly 2013 attack at a hearing where he was sentenced.")
    hearing = next(m for m in found if m.lemma == "hearing")
    assert (when(hearing), hearing.together_with) == (None, ())


def test_events_told_to_happen_on_the_same_day_are_two_events_of_that_day():
    found = events("Kosachyov announced the trip on the same day that senators unveiled a bill on Thursday.", "2018-08-03")
    assert [(m.lemma, when(m)) for m in found] == [("announce", "2018-08-02"), ("unveil", "2018-08-02")]
    announced, unveiled = found
    assert announced.together_with == (unveiled.key,)


@pytest.mark.parametrize(
    "text,ordinal",
    [
        ("The party held a second leadership ballot on Friday.", 2),  # through the compound
        ("NASA called off its first launch attempt on Monday.", 1),
        ("NASA called off the launch on Monday.", None),
        ("The minister must first wait for the results on Monday.", None),  # an adverb of sequence, no number
    ],
)
def test_an_ordinal_numbers_the_event(text, ordinal):
    assert [m.ordinal for m in events(text)][0] == ordinal


def test_a_bare_definite_event_noun_is_a_reference_not_a_mention():
    """"the outbreak" on its own names the story's event; what is said of it is the mention."""
    assert clauses("The outbreak is the deadliest on record.") == []


# ---------------------------------------------------------------------------------------------
# Dates: one mention per date, dates from the discourse and from publication


def test_alternative_dates_are_one_mention_each():
    text = "The makeup dates are scheduled for Friday, September 7, or Monday, September 10."
    found = events(text)
    assert [(text[m.start : m.end], m.summary, when(m)) for m in found] == [
        ("The makeup dates are scheduled for Friday, September 7", "The makeup dates are scheduled for Friday, September 7", "2018-09-07"),
        ("Monday, September 10", "The makeup dates are scheduled for Monday , September 10", "2018-09-10"),
    ]
    assert all(m.status is Status.PLANNED for m in found)


def test_a_rescheduling_is_the_act_the_plan_given_up_and_the_new_plan():
    text = "SpaceX has delayed the launch by two days, from November 14 to November 16, SpaceX said in a statement on Tuesday."
    found = events(text)
    assert [(text[m.start : m.end], when(m), m.status, m.attribution_of is not None) for m in found] == [
        ("SpaceX has delayed the launch by two days", "2018-07-31", Status.REPORTED, False),
        ("from November 14", "2018-11-14", Status.PLANNED, False),
        ("to November 16", "2018-11-16", Status.PLANNED, False),
        ("SpaceX said in a statement on Tuesday", "2018-07-31", Status.HAPPENED, True),
    ]
    delayed, *_, said = found
    assert said.attribution_of == delayed.key  # the saying is the delay's attribution
    assert delayed.dated_by == "discourse"  # dated by its report


def test_the_present_perfect_is_dated_by_publication():
    mention = one("Jane Doe has been sworn in as Canada's next Prime Minister.")
    assert (when(mention), mention.dated_by, mention.anchored_to) == (PUBLISHED, "published", "published")


def test_an_undated_report_is_dated_by_publication_but_not_one_told_of_an_earlier_day():
    said = one("Peru's ministry said the samples had no link to the illness.")
    assert (said.lemma, when(said), said.dated_by) == ("say", PUBLISHED, "published")
    earlier = one("Peru's ministry had said the samples were safe.")
    assert when(earlier) is None
    before = [m for m in events("Three weeks after Peru reported the first cases, the farm closed.") if m.lemma == "report"]
    assert [when(m) for m in before] == [None]  # told as before the sentence's event


def test_an_undated_statement_heading_its_sentence_is_news_of_the_day_but_not_one_in_background():
    announced = next(m for m in events("He announced a seamless integration of podcasting with iTunes.") if m.lemma == "announce")
    assert (when(announced), announced.dated_by) == (PUBLISHED, "published")
    warned = next(m for m in events("Sales fell after officials warned the illness might be linked to lettuce.") if m.lemma == "warn")
    assert when(warned) is None  # told as the background of something else


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The minister will visit the town in 2015.", None),  # a future years back: a misplaced date
        ("The minister will visit the town in 2019.", "2019"),
        ("The minister will visit the town on Monday.", PUBLISHED),
        ("“We will visit the town in 2015,” she said.", "2015"),  # a quote may be from back then
    ],
)
def test_a_will_clause_takes_no_date_in_a_year_before_publication(text, expected):
    visit = next(m for m in events(text) if m.lemma == "visit")
    assert when(visit) == expected


def test_a_noun_at_the_end_of_a_list_tagged_as_a_verb_is_no_event():
    """The tagger reads "lettuce" as a verb joined to "tomatoes"; a bare base form in a list
    of nouns, with nothing of its own, is a noun."""
    text = "The outbreak has caused chaos among growers after Germany warned against eating raw cucumbers, tomatoes or lettuce."
    assert [m.lemma for m in events(text)] == ["cause", "warn"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("As a result, the European Union decided to ban imports of seeds.", True),
        ("NASA agreed to move the launch date.", True),
        ("NASA was set to begin the rollback on Monday.", True),
        ("The EU will ban imports of seeds.", False),
        ("NASA is set to begin the rollback.", False),
        ("“We decided to ban the seeds,” the minister said.", False),  # a quote: as said, not as told
    ],
)
def test_a_plan_told_in_the_past_says_so(text, expected):
    plan = next(m for m in events(text) if m.status is Status.PLANNED)
    assert plan.planned_in_past is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Three people have died from the infection.", 3),
        ("The bacteria has killed at least 49 people.", 49),
        ("Officials named an outbreak which has killed 22 and left 2,000 ill.", 22),
        ("A 24-year-old also died.", None),  # a compound, not a count
        ("Rebels were bombing the 2013 Boston Marathon.", None),  # a year
        ("27 percent said the trial was fair.", None),  # a share
    ],
)
def test_the_count_of_an_event_is_the_number_its_doers_or_objects_are_given(text, expected):
    counted = next(m for m in events(text) if m.lemma in ("die", "kill", "outbreak", "bomb", "say"))
    assert counted.count == expected


def test_a_past_year_hung_on_a_will_clause_goes_to_the_past_clause_before_it():
    """The parse hangs "to a 12% margin in 2016" on "will encounter"; the year belongs to "had
    grown", the clause told in the past just before it."""
    found = {m.lemma: m for m in events("Smith will encounter a lot of anger in the party at the sacking of Jones, who was popular and had grown the vote substantially, to a 12% margin in 2016.")}
    assert when(found["encounter"]) is None
    assert (when(found["grow"]), found["grow"].dated_by, found["grow"].time_text) == ("2016", "text", "2016")


def test_a_participle_without_an_event_of_its_own_dates_the_event_noun_it_describes():
    poll = next(m for m in events("A poll conducted last month by a radio station showed strong support.") if m.lemma == "poll")
    assert (when(poll), poll.dated_by) == ("2018-07", "text")
    assert [(m.lemma, when(m)) for m in events("The talks held on Monday ended without a deal.")] == [("talk", PUBLISHED)]


@pytest.mark.parametrize(
    "text,lemma,expected",
    [
        ("The bombing happened on June 2, 2017. He was arrested three days after the bombing.", "arrest", "2017-06-05"),
        # "the attack" refers to the dated attack before it (folded into "claimed"); "days" gives its month
        ("Rebels claimed the March 2019 attack on the airport. The governor resigned days after the attack.", "resign", "2019-03"),
        ("The plant exploded on May 3, 2019. Two years after the explosion, the company settled.", "settle", "2021"),
        ("The announcement came only a few minutes after Jones resigned on Friday.", "announcement", "2018-08-03"),
        ("The vote was held on Friday, August 3. Two weeks before the vote, he resigned.", "resign", "2018-W29"),
        # no distance, or too vague a one: nothing is dated
        ("The bombing happened on June 2, 2017. After the bombing, he fled abroad.", "flee", None),
        ("The bombing happened on June 2, 2017. He fled abroad weeks after the bombing.", "flee", None),
    ],
)  # fmt: skip
def test_an_event_counted_from_a_dated_event_takes_its_date_moved_by_the_distance(text, lemma, expected):
    found = next(m for m in events(text) if m.lemma == lemma)
    assert when(found) == expected
    assert found.dated_by == ("discourse" if expected else "none")


@pytest.mark.parametrize(
    "anchor,offset,direction,expected",
    [("2013-04-15", "P3D", 1, "2013-04-18"), ("2013-04-15", "P3D", -1, "2013-04-12"), ("2013-04", "P2Y", 1, "2015"),
     ("2013-04-15", "P1M", 1, "2013-05"), ("2013-04-15", "PXD", 1, "2013-04"), ("2013-04-15", "PTXM", 1, "2013-04-15"),
     ("2013-04-15", "PXW", 1, None), ("2018-08-03", "P2W", -1, "2018-W29"), ("0001-01-02", "P3D", -1, None)],
)  # fmt: skip
def test_shifted_moves_a_date_at_the_coarser_granularity(anchor, offset, direction, expected):
    from timeline.events.dates import shifted
    from timeline.model import TimeValue

    moved = shifted(TimeValue("DATE", anchor), TimeValue("DURATION", offset), direction)
    assert (moved.value if moved is not None else None) == expected


# ---------------------------------------------------------------------------------------------
# Status


@pytest.mark.parametrize(
    "text,status",
    [
        ("Her lawyers did not give a closing statement Tuesday.", Status.NEGATED),
        ("The illness might be linked to lettuce imported from Italy.", Status.REPORTED),  # possible, not planned
        ("The committee will vote on Friday.", Status.PLANNED),
        ("The committee voted on Friday.", Status.HAPPENED),
    ],
)
def test_status(text, status):
    assert one(text).status is status


def test_an_announced_event_lies_ahead():
    found = events("Kosachyov announced Paul's trip on Thursday.")
    assert [(m.summary, m.status) for m in found] == [
        ("Kosachyov announced Paul's trip", Status.HAPPENED),
        ("Paul's trip", Status.PLANNED),
    ]


# ---------------------------------------------------------------------------------------------
# Participants and summaries


def test_the_doer_and_object_of_a_verb_and_of_a_noun():
    assert roles(one("Donald Trump met Vladimir Putin in Helsinki.")) == [("doer", "Donald Trump"), ("object", "Vladimir Putin"), ("other", "Helsinki")]
    noun = [m for m in events("The Labour Party's removal of John Smith came on Friday.") if m.lemma == "removal"][0]
    assert roles(noun) == [("doer", "Labour Party"), ("object", "John Smith")]


def test_a_name_in_apposition_and_the_agent_of_a_carried_event_noun():
    """"the Speaker, Tony Smith": the participant is the named one; "the announcement by X
    came": X did the announcing, as in "X's announcement came"."""
    announced = one("The announcement by the Speaker, Tony Smith, came ahead of the vote.")
    assert (announced.lemma, roles(announced)) == ("announcement", [("doer", "Tony Smith")])
    arrested = next(m for m in events("Police arrested the gang's leader, John Smith, on Monday.") if m.lemma == "arrest")
    assert roles(arrested) == [("doer", "Police"), ("object", "John Smith")]


def test_a_description_that_repeats_two_words_of_a_name_the_article_gives_is_that_name():
    """News describes in the lead what it names below: "Europe's food safety watchdog" is the
    European Food Safety Authority; one shared word ("the safety board") is not enough."""
    found = events("Europe's food safety watchdog has said seeds are the likely link. The European Food Safety Authority said today that seeds were to blame.")
    assert [(m.summary, m.agent) for m in found if m.lemma == "say"] == [
        ("Europe's food safety watchdog has said", "European Food Safety Authority"),
        ("The European Food Safety Authority said today", "European Food Safety Authority"),
    ]
    board = next(m for m in events("The safety board has said seeds are the likely link. The European Food Safety Authority said today that seeds were to blame.") if m.lemma == "say")
    assert (board.agent, roles(board)) == (None, [("doer", "safety board")])


def test_a_pronoun_reads_as_the_person_it_refers_to():
    found = events("Rand Paul invited Russian officials to Washington. He announced it on Monday.")
    assert found[-1].summary == "Rand Paul announced it on Monday"
    assert roles(found[-1])[0] == ("doer", "Rand Paul")
    # who says it, after what is said: the subject of what is said, not the nearest name
    said = next(m for m in events("Paul hopes to meet Putin in July, he said on Monday.") if m.lemma == "say")
    assert said.summary == "Paul said on Monday" and roles(said)[0] == ("doer", "Paul")
    # elsewhere the nearest name
    sided = next(m for m in events("Paul stuck up for President Donald Trump after he sided with Putin.") if m.lemma == "side")
    assert sided.summary == "Donald Trump sided with Putin"
    # a subject inside a quote is the speaker's, so the narrator's "he" is not that name; and
    # "a staffer said she ...": she is the staffer, no name
    text = (
        "Tom Brown resigned on Friday.\n\n“Thank you to the thousands of voters who have written to me. I will "
        "respond to your messages after Lucy and I have had a break.”\n\nWhen we called, a staffer said she was "
        "working on a comment.\n\nHe and his wife are heading to Rome on Sunday."
    )
    found = {m.lemma: m.summary for m in events(text)}
    assert found["head"] == "Tom Brown and his wife are heading to Rome on Sunday"
    assert found["work"] == "she was working on a comment"
    arrested = events("Tom Brown fled on Monday. Police said he was arrested on Tuesday.")
    assert arrested[-1].summary == "Tom Brown was arrested on Tuesday"  # not the police
    described = events("Tom Brown spoke to reporters on Monday. The embattled leader said he would move a motion.")
    assert described[-1].summary == "Tom Brown would move a motion"  # whom the description names


def test_the_summary_adds_the_subject_a_clause_stands_apart_from():
    text = "Maria Lopez, whose left arm was badly hurt, said she was glad."
    said = [m for m in events(text) if m.lemma == "say"][0]
    assert said.summary == "Maria Lopez said"
    assert text[said.start : said.end] == "said"


def test_the_summary_reads_a_relative_clause_with_its_antecedent():
    found = events("A group of Republican senators who made a similar trip last month met Putin.")
    assert [m.summary for m in found] == [
        "A group of Republican senators made a similar trip last month",
        "A group of Republican senators met Putin",
    ]
    assert roles(found[0]) == [("doer", "Republican senators")]


def test_the_summary_of_a_coordinated_verb_names_the_subject_it_shares():
    found = events("John Smith planted the bombs on April 15, 2013, and three days later shot dead a police officer.")
    assert [m.summary for m in found] == [
        "John Smith planted the bombs on April 15, 2013",
        "John Smith three days later shot dead a police officer",
    ]


def test_a_numeral_i_after_a_name_reads_with_the_name_not_as_the_pronoun():
    """"the Artemis I launch attempt", which the small model parses with "I" as a subject."""
    found = events("NASA has delayed the Artemis I launch attempt by two days, NASA said on Tuesday. I think we are ready, Brown said.")
    assert [m.summary for m in found if m.lemma in ("launch", "think")] == [
        "Artemis I launch attempt by two days",
        "I think we are ready",
    ]


def test_the_that_clause_of_a_content_noun_reads_without_the_noun():
    """"no confirmation that he had resigned": the parser's relative clause is what is said."""
    text = "Tom Brown spoke on Monday. But, as of 4pm on Friday, there was no formal confirmation from Mr Brown or his office that he had resigned."
    assert [m.summary for m in events(text) if m.lemma == "resign"] == ["Brown had resigned"]
    floated = [m for m in events("A task force that lawmakers floated met on Monday.") if m.lemma == "float"]
    assert [m.summary for m in floated] == ["lawmakers floated A task force"]  # a real relative clause


def test_a_relative_clause_on_a_participant_is_an_event_of_its_own_even_undated():
    """"the man who planted the bomb was sentenced": the planting is no part of the sentencing."""
    found = events("The man who planted the bomb was sentenced on Monday.")
    assert [(m.summary, m.lemma, when(m)) for m in found] == [
        ("The man planted the bomb", "plant", None),
        ("The man was sentenced on Monday", "sentence", "2018-08-06"),
    ]


def test_a_headline_gives_no_event_of_its_own_but_its_dates_are_read():
    text = "Paul Invites Top Russians to U.S. on Monday\n\nSen. Rand Paul invited top Russian officials on Monday."
    read = timeline.read(Article(text, PUBLISHED))
    assert [(m.lemma, m.summary) for m in read.events] == [("invite", "Sen. Rand Paul invited top Russian officials on Monday")]
    assert [(t.text, t.value.value) for t in read.time_expressions] == [("Monday", PUBLISHED), ("Monday", PUBLISHED)]


def test_the_summary_of_an_infinitive_of_its_own_names_who_does_it():
    """The object of the verb above does it ("invited officials to visit"), else its subject."""
    found = events("Paul invited top Russian officials to visit the U.S. later this year.")
    assert [m.summary for m in found] == ["Paul invited top Russian officials", "top Russian officials to visit the U.S. later this year"]
    meet = next(m for m in events("Paul is eager to meet Putin in July.") if m.lemma == "meet")
    assert meet.summary == "Paul to meet Putin in July"
    # (after a carrier the infinitive is the event of the whole clause)
    assert [m.summary for m in events("Paul hopes to meet Putin in July.")] == ["Paul hopes to meet Putin in July"]


def test_a_report_whose_clause_is_a_state_attributes_the_event_inside_it():
    """"he would be happy to meet Trump": "be happy" is no event, "to meet Trump" is."""
    said, meet = events("Putin said he would be happy to meet Trump in Washington.")
    assert (said.lemma, meet.lemma) == ("say", "meet")
    assert said.attribution_of == meet.key and meet.status is Status.PLANNED


def test_a_report_of_a_quote_is_its_attribution():
    text = '"We will resign from the board later this week," Jones said.'
    resign, said = events(text)
    assert said.attribution_of == resign.key and resign.speaker == "Jones"
    assert resign.status is Status.PLANNED


# ---------------------------------------------------------------------------------------------
# Words


@pytest.mark.parametrize(
    "word,verb",
    [("resignation", "resign"), ("conviction", "convict"), ("deliberations", "deliberate"), ("removal", "remove"),
     ("rollback", "roll back"), ("splashdown", "splash down"), ("takeover", "take over"), ("death", "die"),
     ("launch", "launch"), ("trial", "trial")],
)  # fmt: skip
def test_event_nouns_derive_from_their_verbs(word, verb):
    """A noun of a verb and its particle is that phrasal verb, as ``predicate_lemma`` spells
    "rolled back" ("roll back"), and not the bare verb: a rollback is no rollout."""
    assert root(word) == verb


@pytest.mark.parametrize(
    "text,lemma",
    [("NASA is rolling its rocket back to the hangar.", "roll back"), ("NASA rolled back the rocket on Monday.", "roll back"),
     ("The army pulled the troops back from the border.", "pull back"), ("The rocket went back to the hangar.", "go back")],
)  # fmt: skip
def test_a_particle_split_from_its_verb_by_the_object_is_still_the_phrasal_verb(text, lemma):
    """The parser reads "back" after an object as an adverb; the predicate is the phrasal verb
    whether or not the object splits it, so "rolling the rocket back" is a rollback."""
    assert one(text).lemma == lemma

