"""Key dates: which days a story's articles make most of, and the sentences that tell them."""

from __future__ import annotations

import json
from datetime import date

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.cli import main
from timeline.keydates import (
    _REPEATED,
    _best_sentences,
    _candidates,
    _Centroid,
    _clean,
    _days_named,
    _length_cost,
    _mentions_by_day,
    _readable_sentence,
    _repeated,
    _shown,
    _stands_alone,
    _told,
    _whole,
)

from conftest import examples, seed_articles

BLAST = [
    timeline.Article(
        "The chemical factory in Springfield exploded on August 3, killing five workers and injuring dozens more.\n\n"
        "Investigators arrived at the site on August 5 to examine the damaged storage tanks.",
        "2018-08-10",
        source="Gazette",
        id="a",
    ),
    timeline.Article(
        "SPRINGFIELD (Reuters) - The explosion at the chemical factory on August 3 killed five workers, officials said on Saturday.\n\n"
        "The plant had failed a safety inspection in March, records show.",
        "2018-08-11",
        source="Reuters",
        id="b",
        url="https://example.com/b",
    ),
    timeline.Article(
        "A huge blast tore through a chemical factory in Springfield on Friday, killing five workers, the fire service said.",
        "2018-08-04",
        source="Herald",
        id="c",
    ),
]


@pytest.fixture(scope="module")
def blast() -> timeline.Timeline:
    return timeline.build(BLAST)


@pytest.fixture(scope="module")
def seeds() -> timeline.Timeline:
    return timeline.build(seed_articles())


def test_the_day_every_article_looks_back_at_comes_first(blast):
    chosen = blast.key_dates(1, 2)
    # 6 for the evidence (three articles published after the day date the blast to it, 2 each),
    # 2.158 for its best sentence's nearness to the story
    assert [(k.day, k.score, k.sources) for k in chosen] == [(date(2018, 8, 3), 8.158, ("Gazette", "Herald", "Reuters"))]
    # shown without the expression that dates them to the day: the heading gives it
    assert [(s.article, s.text) for s in chosen[0].sentences] == [
        ("c", "A huge blast tore through a chemical factory in Springfield, killing five workers, the fire service said."),
        ("a", "The chemical factory in Springfield exploded, killing five workers and injuring dozens more."),
    ]
    assert [s.sentence for s in chosen[0].sentences] == [BLAST[2].text, BLAST[0].text.split("\n")[0]]


def test_key_dates_come_in_date_order_and_a_span_limits_them(blast):
    assert [k.day for k in blast.key_dates(2)] == [date(2018, 8, 3), date(2018, 8, 5)]
    assert [k.day for k in blast.key_dates(5, start=date(2018, 8, 4))] == [date(2018, 8, 5)]
    assert timeline.key_dates(blast, 2) == blast.key_dates(2)


@pytest.mark.parametrize(
    "sentence,clean",
    [
        ("WASHINGTON (Reuters) - The Senate passed the bill on Tuesday.", "The Senate passed the bill on Tuesday."),
        ("CAIRO, Feb 3 (Reuters) - Protesters filled the square.", "Protesters filled the square."),
        ("LONDON -- Prices rose.", "Prices rose."),
        ("The Senate - after a long debate - passed the bill.", "The Senate - after a long debate - passed the bill."),
        # a live page's update stamp, and the broken ends of a split bracket or quotation
        ("(Update 2:04 p.m. Cairo, 7:04 a.m. ET) Protesters gathered in Tahrir Square.", "Protesters gathered in Tahrir Square."),
        ('" (Update 1:00 a.m. in Cairo, 6:00 p.m. ET) Protesters gathered in New York.', "Protesters gathered in New York."),
        ("Cairo, 4:05 p.m. ET) Mubarak said (on state television) he will not run.", "Mubarak said (on state television) he will not run."),
        ('" Protesters filled the square.', "Protesters filled the square."),
        ("(CNN) - The president spoke to his counterpart by telephone on Friday night.", "The president spoke to his counterpart by telephone on Friday night."),
        ("elections Cairo, Egypt (CNN) -- The military dissolved the parliament on Sunday.", "The military dissolved the parliament on Sunday."),
        ("- Banks will be closed for two days, state television announced on Sunday.", "Banks will be closed for two days, state television announced on Sunday."),
        ('"We will not rest," Holder told reporters.', '"We will not rest," Holder told reporters.'),
        # a page's headline and standfirst, up to its stamp, before the first sentence
        (
            "Council backs new budget Ministers say the plan will cut waiting times Friday 28 May 2010 10.27 BST The council approved the budget.",
            "The council approved the budget.",
        ),
        ("The talks resume on Monday 14 June 2010 in London, the ministry said.", "The talks resume on Monday 14 June 2010 in London, the ministry said."),
        ("Thursday, January 6, 2011; 12:00 AM The commission blamed the company on Wednesday.", "The commission blamed the company on Wednesday."),
    ],
)
def test_a_dateline_run_into_a_sentence_is_cut(sentence, clean):
    assert _clean(sentence) == clean


@pytest.mark.parametrize("text,whole", [("He said (on TV) he would go.", True), ('He said "no going back', False), ("He said (on TV he would go.", False), ("Mubarak) said it.", False)])
def test_only_whole_sentences_are_chosen(text, whole):
    assert _whole(text) is whole


@pytest.mark.parametrize(
    "text,readable",
    [
        ("The council approved the budget on Tuesday after a long debate.", True),
        ("April 28 - The Coast Guard says the leak is five times larger than first thought.", True),  # a chronology's line
        ("The hearing was held at The Hague on Monday before three judges.", True),  # "at The": a name
        ("The minister said one thing was clear: the plant would close.", True),  # one colon
        # page furniture
        ("At 10:19 24th Mar 2010, lizzy21 wrote: What a night it was for everyone there.", False),  # a comment
        ("Presenter/Jo Smith, Producers/Ann Lee 7.00-10.00 pm The week's sport news is reviewed.", False),  # a schedule
        ("AP Photo/Coast Guard Crews have begun drilling a relief well near the rig.", False),  # a photo credit
        ("5 January 2011 Last updated at 06:50 GMT Help A hearing has opened in the city.", False),  # a page stamp
        ("03 February 12 17:03 GMT The deputy minister says his country cannot support the draft.", False),
        ("By Jo Smith BBC News, Cairo Thousands of people gathered in the square again.", False),  # a byline
        ("April 21, 2010: Fire boats battle the remains of the burning rig off the coast.", False),  # a gallery caption
        ("Photograph: Jo Smith/Reuters The company held out hope that the leak was under control.", False),  # a credit
        ("Photo: A fighter walks past a checkpoint near the town in the west of the country.", False),  # a caption
        ("Council backs new budget Ministers say the plan will cut waiting times Monday 14 June 2010", False),  # no sentence
        ("Worker claims rig was leaking weeks before explosion Oil worker told a program of the leak Monday 21 June 2010 09.18", False),
        ("Council backs new budget Council backs new budget Ministers approved the plan on Monday.", False),  # twice
        ("The talks resume on Monday 14 June 2010 in London, the ministry said.", True),
        ("OIL SHARES HIT NEW LOW The spill has undermined the confidence of investors in the company.", False),
        ("Interview with the former minister Aired February 6, 2011 - 10:00 ET THIS IS A RUSH TRANSCRIPT.", False),
        ("BACK {current} of {total} NEXT Two possible scenarios have been discussed by the ministers.", False),
        ("In the video below, our reporter describes the clashes outside the museum in the capital.", False),
        ('He said an orderly transition "must begin now." Officials say the protest movement is only getting bigger.', False),
        ('"We will not rest," the minister said. "We will rebuild."', False),
        ("By Jo Smith, CNN It was 17 days of expanding unrest that finally forced the president out.", False),
        ("The programme is broadcast on BBC Two on Tuesday, 9 November 2010, at 2100 GMT.", True),
        ("The company, BP PLC, said its shares fell 3 percent on Monday in London trading.", True),
        ("Refugees tell of their flight and destruction Watch two families tell their stories in the camp.", False),
        ("The group Human Rights Watch said on Monday that 20 people had died in the city.", True),
        ("May 4, Day 15 of a spill that began with an explosion on the rig.... VENICE, La. (AP) --", False),  # cut off
        ("Oil spill: BP says it has found a new way to collect the leaking oil from the well.", False),  # a headline
        # a question, a list
        ("How do we know that all of these people have died from the new virus?", False),
        ("The launch director postponed the launch early on Monday after the window ran out:", False),  # its list is missing
        ("Mexico: 103 dead, 20 confirmed Spain: 1 confirmed case, 17 others being investigated.", False),
        ('He said "no going back on the deal now that it is signed.', False),  # not whole
        ("2:30 pm ET - Protesting in the capital - Crowds have gathered outside the parliament.", False),  # a live page
        ("Uprising in the capital -- The opposition leader is returning to the country on Thursday.", False),
        ("Leader says he won't run again: Bowing to days of protests, the president said he will go.", False),
        ("So -- and also I think that the president knows what is going on in his own country.", False),  # a transcript
        ("U.S. military planes, as you said, will start taking people out of the country tomorrow.", False),
        ('"We will not rest until the work is done," the minister told reporters on Monday.', True),  # quoted: the report's
        ("The U.S. embassy said on Monday that 50,000 Americans were in the country.", True),
        ("‘We don’t know yet what caused it,’ a spokesman for the company said on Monday.", True),
        ("Today, I met with the chairman, and we agreed on the importance of continued dialogue.", False),  # a statement printed bare
        # a photo's caption, not a report: the picture's date at its end, or how it was taken
        ("A dead gannet covered in oil lies along the beach in Grand Isle, Louisiana May 21, 2010.", False),
        ("Vessels gather at the spill site, off the Louisiana coast, Tuesday, July 20, 2010.", False),
        ("In this image taken from video provided by the company, oil flows from the broken well.", False),
        ("The new containment cap is pictured in this image from a live video feed of the site.", False),
        ("The company killed the well for good, the top spill official said on Sept. 19, 2010.", True),
        ("Oil reached the marshes in what is seen as the worst spill in the country's history.", True),
        # ... or a video's: its correspondent presenting it (not a report's correspondent at its end)
        ("Fergal Keane reports on how the violence is affecting the country's children.", False),
        ("CNN's Ben Wedeman reports on the unrest in Tunisia and its aftermath.", False),
        ("Matthew Price reports from Mexico A 23-month-old child has died of swine flu in Texas.", False),
        ("The severity of the swine flu virus remains uncertain, the BBC's Imogen Foulkes reports from Geneva.", True),
        ("The agency reports on Monday that exports fell for the third month in a row.", True),
        # a headline run into the first sentence that tells its news again; a sentence that goes on
        ("Police raid the doctor's home Drug police are searching the Las Vegas home of the doctor in the inquiry.", False),
        ("Russia threatens veto over Syria resolution Russian envoy Vitaly Churkin said Russia would veto the resolution.", False),
        ("Phone service in the city was restored Saturday morning, a day after the network went dark in the city.", True),
        # ... one that ends in a name or a quotation ("... to Syria Protests", "... 'deeply sorry' for oil spill BP ...")
        ("Saudi Arabia recalls ambassador to Syria Protests continue across Syria Saudi Arabia has said it is recalling its ambassador from Syria.", False),
        ("Hayward video: BP chief 'deeply sorry' BP chief Tony Hayward says he is deeply sorry for the oil spill in his opening remarks.", False),
        ("US demands spill costs 'clarification' from BP The US government has demanded immediate clarification from BP over its spill costs.", False),
        ("The meeting in Istanbul with President Bashar al-Assad Syria's envoy said the talks on Syria were over.", True),
        ("Chief executive Tony Hayward told the Energy Committee in Washington that BP would pay every claim.", True),
        # two sentences glued where a quotation with no stop ends the first
        ('Activists said the army could not "stamp out the flames of defiance" On Tuesday, at least seven people were killed.', False),
        ('Officials said the debate was "fuelling the flames of terrorism" One activist in the city was arrested.', False),
        # ... not a name or a date after it, nor an opening mark glued to the word before
        ('President Obama accused the oil firm of "nickel and diming" Gulf residents while planning big dividends.', True),
        ('An analyst raised his rating on the shares to "buy back" May 26, citing the fall in their value.', True),
        ('The comedian ridiculed the president on" The Daily Show," saying he should have acted sooner.', True),
        ("Members of the opposition meeting in Istanbul asked for help to persuade President Assad to halt the crackdown.", True),
    ],
)
def test_only_sentences_a_person_reads_are_chosen(text, readable):
    assert (_readable_sentence(_clean(text)) is not None) is readable


@pytest.mark.parametrize(
    "text,told",
    [
        # a caption or heading run into the sentence with no full stop: the sentence after it
        ("Police search the doctor's home On Tuesday, police searched the house in the city.", "On Tuesday, police searched the house in the city."),
        ("Fans marked a year since the death The singer's father has filed a lawsuit against the doctor.", "The singer's father has filed a lawsuit against the doctor."),
        (
            "White House adviser tells ABC all new drilling is on hold The US administration has banned oil drilling in new areas.",
            "The US administration has banned oil drilling in new areas.",
        ),
        (
            "Swine flu: the questions answered More cases of swine flu have been confirmed across the globe.",
            "More cases of swine flu have been confirmed across the globe.",
        ),
        ("Council backs new budget Council backs new budget The council approved the plan on Monday.", "The council approved the plan on Monday."),
        # a photo's credit ends the caption
        (
            "A worker cleans the beach in this undated photo released by the Coast Guard via AP Oil giant BP told investigators a decision may have been a mistake.",
            "Oil giant BP told investigators a decision may have been a mistake.",
        ),
        # a video's caption, a speaker and their words with no full stop
        (
            'BBC\'s Jim Muir: "There\'s no dialogue except on the battlefield" A senior Chinese envoy has held talks with officials in Syria.',
            "A senior Chinese envoy has held talks with officials in Syria.",
        ),
        (
            'Hayward gives evidence Dr Jo Lee: "It is reasonable to believe that" The disclosure was made in court on Monday.',
            "The disclosure was made in court on Monday.",
        ),
        # not a report's own quotation, ended with its stop or going on in lower case, nor a quoted name
        ('The minister said: "We will not rest." Officials met on Monday.', 'The minister said: "We will not rest." Officials met on Monday.'),
        ('Mr Obama said: "BP will pay" and left the room on Monday.', 'Mr Obama said: "BP will pay" and left the room on Monday.'),
        ('Obama warned BP not to "nickel and dime" Gulf coast residents over claims.', 'Obama warned BP not to "nickel and dime" Gulf coast residents over claims.'),
        # the last such run-in: a headline, then a caption, then the sentence
        (
            "Doctor's trial delayed Lawyers for the doctor spoke in court The trial of the doctor has been postponed until September.",
            "The trial of the doctor has been postponed until September.",
        ),
        # not a name after a preposition or article, nor a sentence that goes on
        ("The hearing was held at The Hague on Monday before three judges.", "The hearing was held at The Hague on Monday before three judges."),
        ("The council approved the budget on Tuesday after a long debate.", "The council approved the budget on Tuesday after a long debate."),
        # a video's promo is no sentence of the report: left as it is, and not readable
        ("Refugees tell of their flight and destruction Watch two families tell their stories.", "Refugees tell of their flight and destruction Watch two families tell their stories."),
    ],
)
def test_a_caption_or_heading_run_into_a_sentence_is_cut(text, told):
    assert _told(text) == told


def test_what_follows_page_furniture_run_in_is_not_a_sentence_to_show():
    # a schedule's credits, then a listing: the part after the run-in reads as a sentence, but
    # the page it is on is a schedule
    assert _readable_sentence(_clean("Presenter/Jo Smith, Producers/Ann Lee 7.00-10.00 pm The week's sport news is reviewed at length.")) is None
    assert _readable_sentence(_clean("Fans marked a year since the death The singer's father has filed a lawsuit.")) == "The singer's father has filed a lawsuit."


def test_a_mention_told_only_in_the_caption_cut_off_does_not_date_the_sentence_after_it():
    caption = "The doctor was at the house on Tuesday when the singer died"
    lead = "The Houston clinic of the singer's doctor has been searched by drug police looking for evidence."
    sentence = f"{caption} {lead}"
    in_caption = timeline.Mention(
        "a", timeline.Sentence(sentence, 0, len(sentence)), 0, len(caption), "died", "die", caption, "happened", time_text="Tuesday", dated_by="text"
    )
    in_lead = timeline.Mention(
        "a", timeline.Sentence(sentence, 0, len(sentence)), len(caption) + 1, len(sentence), "searched", "search", lead, "happened", dated_by="published"
    )
    assert _candidates([in_caption]) == {}
    assert _candidates([in_lead]) == {lead: in_lead}
    # the time expression cut off with the caption: the clause alone does not date the lead
    dated_in_caption = attrs.evolve(in_lead, time_text="Tuesday", dated_by="text")
    assert _candidates([dated_in_caption]) == {}


def test_a_stamp_before_an_agency_dateline_is_cut():
    text = "May 3, 2010 3:13 pm EDT VENICE, Louisiana (Reuters) - The company was under pressure on Monday."
    assert _clean(text) == "The company was under pressure on Monday."


INSPECTORS = "Inspectors returned to the chemical factory in Springfield on Tuesday, where the blast killed five workers."
BAKERY = "A new bakery opened in the old market square on Tuesday, selling bread and cakes to long queues."


@pytest.fixture(scope="module")
def with_bakery() -> timeline.Timeline:
    # A page printed another story beside this one: its two sentences are what most of the day's
    # sentences share, but not what the story is about.
    page = timeline.Article(
        f"{INSPECTORS}\n\n{BAKERY}\n\nThe bakery in the old market square sold out of bread and cakes on Tuesday afternoon.",
        "2018-08-08",
        source="Courier",
        id="d",
    )
    return timeline.build([*BLAST, page])


@pytest.mark.parametrize("median,chosen", [(0.0, [BAKERY]), (0.42, [INSPECTORS]), (0.5, [BAKERY]), (0.9, [INSPECTORS]), (1.2, [])])
def test_a_sentence_far_from_the_story_comes_only_when_its_day_has_nothing_nearer(with_bakery, median, chosen):
    # Under the floor of nearness to the story (1.25 times the median candidate's nearness) the
    # bakery's sentences come after the one about the blast; when nothing is above it, the day's
    # order stands; under half the median, nothing is chosen.
    built = with_bakery
    candidates = _candidates(_mentions_by_day(built.mentions, None, None)[date(2018, 8, 7)])
    assert len(candidates) == 3
    who = ("the mayor", "the police", "the union", "the company", "officials", "the fire service", "witnesses", "the governor", "inspectors", "doctors")
    story = _Centroid([f"The blast at the chemical factory in Springfield killed five workers, {w} said." for w in who] + list(candidates))
    assert story.nearness(INSPECTORS) > 0.5 > story.nearness(BAKERY)
    articles = {a.id: a for a in built.articles}
    assert [s.sentence for s in _best_sentences(candidates, 1, articles, set(), story, median)] == chosen


def test_a_sentence_that_refers_back_comes_after_those_that_stand_alone():
    # "He visited ..." is nearer what the day's and the story's sentences share, but a reader of
    # the key date does not know who "he" is.
    he = "He visited the chemical factory in Springfield on Tuesday, where the blast killed five workers last week."
    mayor = "The mayor visited the chemical factory in Springfield on Tuesday with the police chief."
    built = timeline.build([*BLAST, timeline.Article(f"{he}\n\n{mayor}", "2018-08-08", source="Courier", id="d")])
    candidates = _candidates(_mentions_by_day(built.mentions, None, None)[date(2018, 8, 7)])
    assert list(candidates) == [he, mayor]
    story = _Centroid([*candidates, *(f"The blast at the chemical factory in Springfield killed five workers, {w} said." for w in ("the police", "the union"))])
    day = _Centroid(candidates)
    assert day.nearness(he) + story.nearness(he) > day.nearness(mayor) + story.nearness(mayor)
    articles = {a.id: a for a in built.articles}
    assert [s.sentence for s in _best_sentences(candidates, 2, articles, set(), story, 0.0)] == [mayor, he]
    assert [s.sentence for s in _best_sentences({he: candidates[he]}, 1, articles, set(), story, 0.0)] == [he]  # when nothing else


def test_a_sentence_that_names_another_day_comes_after_those_that_do_not():
    # Both are dated to 8 August by their publication ("have left"); the second, nearer the
    # story, also names the Friday before (3 August): it tells of that day as much as of this.
    here = "Firefighters have left the chemical factory in the town of Springfield."
    there = "Firefighters have left the chemical factory in Springfield, where the blast killed five workers, before the inquiry on Friday."
    built = timeline.build([*BLAST, timeline.Article(f"{here}\n\n{there}", "2018-08-08", source="Courier", id="e")])
    by_day = _mentions_by_day(built.mentions, None, None)
    candidates = _candidates(by_day[date(2018, 8, 8)])
    assert list(candidates) == [here, there]
    days_named = _days_named(built.mentions)
    assert ("e", 0) not in days_named and days_named["e", len(here) + 2] == {date(2018, 8, 3)}
    story = _Centroid(m.sentence.text for mentions in by_day.values() for m in mentions)
    articles = {a.id: a for a in built.articles}
    assert [s.sentence for s in _best_sentences(candidates, 2, articles, set(), story, 0.0)] == [there, here]
    assert [s.sentence for s in _best_sentences(candidates, 2, articles, set(), story, 0.0, days_named)] == [here, there]
    assert [s.text for k in built.key_dates(3) if k.day == date(2018, 8, 8) for s in k.sentences] == [here]


def test_a_sentence_dated_only_through_another_comes_after_one_dated_by_its_own_words():
    # "Two days after the explosion" dates the examination through the sentence before it (the
    # explosion "on Friday", 3 August); it is nearer the day's and the story's words than the
    # sentence that says "on Sunday" itself, which is surer of its day.
    counted = "Two days after the explosion, investigators examined the damaged storage tanks of the chemical factory in Springfield where five workers died."
    dated = "Investigators arrived at the chemical factory in Springfield on Sunday with the police."
    built = timeline.build(
        [
            timeline.Article(f"The chemical factory in Springfield exploded on Friday, killing five workers.\n\n{counted}", "2018-08-06", source="X", id="x"),
            timeline.Article(dated, "2018-08-06", source="Y", id="y"),
        ]
    )
    by_day = _mentions_by_day(built.mentions, None, None)
    candidates = _candidates(by_day[date(2018, 8, 5)])
    assert {text: m.dated_by for text, m in candidates.items()} == {counted: "discourse", dated: "text"}
    story, day = _Centroid(m.sentence.text for mentions in by_day.values() for m in mentions), _Centroid(candidates)
    assert day.nearness(counted) + story.nearness(counted) > day.nearness(dated) + story.nearness(dated)
    articles = {a.id: a for a in built.articles}
    assert [s.sentence for s in _best_sentences(candidates, 2, articles, set(), story, 0.0, _days_named(built.mentions))] == [dated, counted]


@pytest.mark.parametrize(
    "sentence,alone",
    [
        ('"This country is our country, and everyone has a right to it," he said.', False),
        ("The man had arrived home from Mexico with a fever and was isolated in a hospital ward, she added.", False),
        ("The company will sell $30 billion of assets, they told reporters in London.", False),
        ('"I think there is a bit of Trump Derangement Syndrome," he told CNN after Trump’s Helsinki summit.', False),
        ("This was the first time the plant had failed an inspection.", False),
        ("The 23-year-old man had arrived home from Mexico with a fever last week.", False),
        ("The Mexican boy had arrived in the border city and developed flu symptoms four days later.", False),
        ("The Houston clinic of the singer's doctor has been searched by drug police.", True),
        ("The spokesman was responding to a report that the agency had set a deadline.", False),
        ("The mandate of the monitoring mission ends in July, the United Nations said.", True),
        ("The official death toll from the outbreak rose to 26 in Mexico.", True),
        ("Obama, who made a third trip to the coast, said he was angry.", True),
        ('"We will rebuild," the mayor said.', True),
        ("The governor said they had found no fault, officials told reporters on Friday.", True),
    ],
)
def test_a_sentence_whose_speaker_or_subject_is_only_a_pronoun_or_an_unnamed_person_does_not_stand_alone(sentence, alone):
    assert _stands_alone(sentence) is alone


@pytest.mark.parametrize("words,cost", [(30, 0.0), (10, 0.1 * 20 / 30), (50, 0.1 * 20 / 30), (8, 0.1 * 22 / 30), (27, 0.01)])
def test_a_sentence_gives_up_nearness_for_each_word_it_is_short_of_or_beyond_thirty(words, cost):
    assert _length_cost(" ".join(["word"] * words)) == pytest.approx(cost)


def test_of_sentences_as_near_the_day_and_the_story_the_one_of_about_thirty_words_comes_first(monkeypatch):
    # The bare fact and the sentence that also tells how and why, equally near (the nearness
    # itself is the subject of the tests above): the fuller one is chosen; the bare one, first
    # by the last tie-breaker (the text), only for a second sentence.
    short = "Investigators arrived at the chemical factory in Springfield on Tuesday."
    full = (
        "Investigators came to the chemical factory in Springfield on Tuesday to examine the damaged storage "
        "tanks, which the state fire marshal said had been filled beyond their limit for weeks."
    )
    assert len(short.split()) == 10 and len(full.split()) == 30 and short < full
    built = timeline.build([*BLAST, timeline.Article(f"{short}\n\n{full}", "2018-08-08", source="Courier", id="d")])
    candidates = _candidates(_mentions_by_day(built.mentions, None, None)[date(2018, 8, 7)])
    assert list(candidates) == [short, full]
    monkeypatch.setattr(_Centroid, "nearness", lambda self, text: 0.5)
    monkeypatch.setattr(_Centroid, "similarity", lambda self, first, second: 0.0)
    story, articles = _Centroid(candidates), {a.id: a for a in built.articles}
    assert [s.sentence for s in _best_sentences(candidates, 2, articles, set(), story, 0.0)] == [full, short]
    monkeypatch.setattr(timeline.keydates, "LENGTH_WEIGHT", 0.0)
    assert [s.sentence for s in _best_sentences(candidates, 2, articles, set(), story, 0.0)] == [short, full]


def test_of_days_with_the_same_evidence_the_one_that_tells_the_story_comes_first(monkeypatch):
    # One article looks back at each of 5, 6 and 7 August; only the 7th's is about the blast
    # as much as the 3rd's are (the 6th's is another story the page printed).
    later = [
        timeline.Article("A new bakery opened in the old market square on Monday, selling bread and cakes to long queues.", "2018-08-08", source="Courier", id="d"),
        timeline.Article(INSPECTORS, "2018-08-08", source="Post", id="e"),
    ]
    built = timeline.build([*BLAST, *later])
    assert [(k.day, k.score) for k in built.key_dates(4)] == [
        (date(2018, 8, 3), 8.201),
        (date(2018, 8, 5), 3.521),
        (date(2018, 8, 6), 3.791),
        (date(2018, 8, 7), 4.0),
    ]
    assert [k.day for k in built.key_dates(2)] == [date(2018, 8, 3), date(2018, 8, 7)]
    monkeypatch.setattr(timeline.keydates, "STORY_EVIDENCE", 0.0)  # the evidence alone: a tie, the earliest first
    assert [k.day for k in built.key_dates(2)] == [date(2018, 8, 3), date(2018, 8, 5)]


def _dated(sentence: str, expression: str, dated_by: str = "text") -> timeline.Mention:
    return timeline.Mention(
        "a", timeline.Sentence(sentence, 0, len(sentence)), 0, len(sentence), "x", "x", sentence, "happened", time_text=expression, dated_by=dated_by
    )


@pytest.mark.parametrize(
    "sentence,expression,shown",
    [
        ("Energy giant BP vowed Monday to pay all clean-up costs.", "Monday", "Energy giant BP vowed to pay all clean-up costs."),
        ("The lawsuit was filed late on Wednesday in U.S. District Court.", "Wednesday", "The lawsuit was filed in U.S. District Court."),
        ("On Tuesday, police raided the doctor's home.", "Tuesday", "Police raided the doctor's home."),
        ("May 8 - BP's containment dome hits a snag.", "May 8", "BP's containment dome hits a snag."),
        ("Obama, who made a third trip to the coast on Friday, said he was angry.", "Friday", "Obama, who made a third trip to the coast, said he was angry."),
        ("The oil began leaking on 20 April when the rig exploded.", "20 April", "The oil began leaking when the rig exploded."),
        ("Shares in BP fell by more than 6 percent on Thursday.", "Thursday", "Shares in BP fell by more than 6 percent."),
        ("BP agreed on Wednesday, June 16, 2010 to set up a fund.", "Wednesday, June 16, 2010", "BP agreed to set up a fund."),
        ("The rig exploded on Apr. 20, killing 11 workers.", "Apr. 20", "The rig exploded, killing 11 workers."),
        ("Drilling started Sunday night on a relief well.", "Sunday night", "Drilling started on a relief well."),
        ("BP said earlier Monday that no decision had been made.", "Monday", "BP said that no decision had been made."),
        # nor the word that links it to a sentence before, which a key date does not have
        ("But Obama said he will insist that BP pays the costs.", "Friday", "Obama said he will insist that BP pays the costs."),
        ("Also on Wednesday, a paramedic said the doctor was calm.", "Wednesday", "A paramedic said the doctor was calm."),
        ("Meanwhile, the Brotherhood called for protests.", "Thursday", "The Brotherhood called for protests."),
        ("Mohamed ElBaradei, who returned to Egypt just on Thursday, appeared in the square.", "Thursday", "Mohamed ElBaradei, who returned to Egypt, appeared in the square."),
        # one end of a pair or a range stays: the other end would be left alone
        ("Molotov cocktails were thrown Wednesday night and Thursday morning outside the museum.", "Wednesday night", "Molotov cocktails were thrown Wednesday night and Thursday morning outside the museum."),
        ("Talks were held Monday to Wednesday in Geneva.", "Monday", "Talks were held Monday to Wednesday in Geneva."),
        ("Earlier Thad Allen, the official overseeing the clean-up, warned of delays.", "Friday", "Thad Allen, the official overseeing the clean-up, warned of delays."),
        ("Earlier, the minister said the border would stay closed.", "Friday", "The minister said the border would stay closed."),
        ("Earlier this month, the minister said the border would stay closed.", "Friday", "Earlier this month, the minister said the border would stay closed."),
        ("Earlier Monday, the minister said the border would stay closed.", "Friday", "Earlier Monday, the minister said the border would stay closed."),
        ("Earlier, this month, the minister said the border would stay closed.", "Friday", "Earlier, this month, the minister said the border would stay closed."),
        ("Then on Sunday tanks were sent into the city of Hama.", "Sunday", "Tanks were sent into the city of Hama."),
        ("Then-chief executive Tony Hayward said on Monday he was sorry.", "Monday", "Then-chief executive Tony Hayward said he was sorry."),
        ("Andrew Smith, the governor, declared an emergency.", "Friday", "Andrew Smith, the governor, declared an emergency."),
        ('But "we will rebuild," the mayor said.', "Friday", 'But "we will rebuild," the mayor said.'),
        # left as they are: the day as the subject, within a quotation, counted from another
        # day, printed twice, not in the sentence, and a sentence not dated by its text
        ("Friday was the bloodiest day of the uprising so far.", "Friday", "Friday was the bloodiest day of the uprising so far."),
        ('BP said: "The plume has visibly declined today."', "today", 'BP said: "The plume has visibly declined today."'),
        ("The rig exploded on April 20 and sank two days later.", "two days later", "The rig exploded on April 20 and sank two days later."),
        ("Talks on Monday ended as talks on Monday began.", "Monday", "Talks on Monday ended as talks on Monday began."),
        ("Protesters filled the square again.", "Friday", "Protesters filled the square again."),
        # an agency's stock tickers are not shown either
        ("BP Plc (BP.N) (BP. L) shares tumbled nearly 16 percent on Wednesday.", "Wednesday", "BP Plc shares tumbled nearly 16 percent."),
        ("Transocean Ltd <RIGN.S> <RIG.N> fell by more than 6 percent.", "Thursday", "Transocean Ltd fell by more than 6 percent."),
        ("The agency (WHO) raised its alert level.", "Thursday", "The agency (WHO) raised its alert level."),
        ("More than 1,300 people have been admitted to hospital since 13 April.", "13 April", "More than 1,300 people have been admitted to hospital since 13 April."),
        ("Obama did not call Mubarak before Friday's announcement.", "Friday", "Obama did not call Mubarak before Friday's announcement."),
        ("The government had claimed until late on Thursday that nothing was unusual.", "Thursday", "The government had claimed until late on Thursday that nothing was unusual."),
        ("The port stays shut until early Monday.", "Monday", "The port stays shut until early Monday."),
    ],
)
def test_the_expression_that_dates_a_sentence_to_its_key_date_is_not_shown_again(sentence, expression, shown):
    assert _shown(sentence, _dated(sentence, expression)) == shown


_WORDS = st.sampled_from(["police", "raided", "the", "home", "of", "a", "doctor", "Reuters", "said", "on", "since", "in", "Friday's", "talks", ",", "also", "earlier"])
_DAYS = st.sampled_from(["Monday", "Friday night", "April 20", "20 April 2010", "Apr. 20, 2010", "today", "two days later"])


@settings(max_examples=examples(200), deadline=None)
@given(before=st.lists(_WORDS, max_size=8), lead=st.sampled_from(["", "on ", "late on ", "early "]), expression=_DAYS, after=st.lists(_WORDS, max_size=8))
def test_leaving_out_its_day_only_takes_words_away(before, lead, expression, after):
    sentence = " ".join([*before, lead + expression, *after]).replace(" ,", ",") + "."
    shown = _shown(sentence, _dated(sentence, expression))
    # what is shown is the sentence's own words in its own order, a few fewer: nothing added
    words, remaining = [w.strip(",.").lower() for w in shown.split()], iter(w.strip(",.").lower() for w in sentence.split())
    assert shown and all(any(w == r for r in remaining) for w in words)
    assert shown == sentence or (expression not in shown and len(shown) < len(sentence))


@settings(max_examples=examples(200), deadline=None)
@given(link=st.sampled_from(["But", "And", "Also,", "Meanwhile,", "However,", "Yet", "Then", "Separately,", "Instead,"]), words=st.lists(_WORDS, min_size=1, max_size=8), expression=_DAYS)
def test_a_linking_word_goes_only_from_the_start(link, words, expression):
    sentence = " ".join(["Police", *words, "on", expression]) + "."
    # the same as the sentence without it, and nothing else changes
    assert _shown(f"{link} {sentence}", _dated(f"{link} {sentence}", expression)) == _shown(sentence, _dated(sentence, expression))
    assert _shown(f"Police {link.lower()} {sentence}", _dated(sentence, "two days later")) == f"Police {link.lower()} {sentence}"


_RUN_IN_WORDS = st.sampled_from(["police", "raided", "the", "home", "The", "A", "On", "He", "Watch", "at", "Hague", "BP", "via", "AP", "Tuesday,", "said", "doctor's"])


@settings(max_examples=examples(300), deadline=None)
@given(words=st.lists(_RUN_IN_WORDS, min_size=1, max_size=14))
def test_cutting_what_ran_into_a_sentence_keeps_its_end_and_is_done_once(words):
    text = " ".join(words) + "."
    told = _told(text)
    # what is kept is the sentence's end as printed, never empty; cutting it again cuts nothing
    assert told and text.endswith(told)
    assert _told(told) == told


@settings(max_examples=examples(300), deadline=None)
@given(words=st.lists(st.sampled_from(["BP", "shares", "blame", "oil", "spill", "over", "the"]), max_size=16), sep=st.sampled_from([" ", ", ", " - "]))
def test_a_repeated_headline_is_found_as_by_its_pattern(words, sep):
    text = sep.join(words)
    # the four-word check before the pattern only saves time: the same answer on every text
    assert _repeated(text) == (_REPEATED.search(text) is not None)


def test_a_headline_printed_twice_is_found():
    assert _repeated("BP shares blame over oil spill BP shares blame over oil spill Oil company BP says others are to blame.")
    assert not _repeated("BP shares blame over oil spill, and BP shares fell.")  # two words again, not four


def test_a_sentence_dated_by_its_publication_is_shown_whole():
    sentence = "Police raided the doctor's home on Tuesday."
    assert _shown(sentence, _dated(sentence, "Tuesday", dated_by="published")) == sentence


@pytest.mark.parametrize("dates,per_date", [(0, 1), (1, 0), (-2, 1), (1.5, 1), (True, 1)])
def test_bad_counts_are_the_library_error(blast, dates, per_date):
    with pytest.raises(timeline.InvalidArgumentError, match="must be a whole number"):
        blast.key_dates(dates, per_date)


def test_key_dates_need_a_timeline():
    with pytest.raises(timeline.InvalidArgumentError, match="not list"):
        timeline.key_dates([], 3)  # type: ignore[arg-type]


@settings(max_examples=examples(25), deadline=None)
@given(dates=st.integers(1, 12), per_date=st.integers(1, 4))
def test_key_dates_invariants(seeds, dates, per_date):
    chosen = seeds.key_dates(dates, per_date)
    days = [k.day for k in chosen]
    assert days == sorted(set(days)) and len(days) <= dates
    texts = [s.text for k in chosen for s in k.sentences]
    assert len(texts) == len(set(texts))
    assert all(1 <= len(k.sentences) <= per_date for k in chosen)
    ids = {a.id for a in seeds.articles}
    assert all(s.article in ids for k in chosen for s in k.sentences)
    assert all(_whole(text) for text in texts)
    # asking for more dates keeps the ones chosen for fewer: the ranking does not depend on n
    assert set(days) <= {k.day for k in seeds.key_dates(dates + 3, per_date)}


def test_the_cli_writes_key_dates_as_markdown_and_json(tmp_path):
    files = []
    for article in BLAST:
        path = tmp_path / f"{article.id}.txt"
        path.write_text(article.text, encoding="utf-8")
        files.append(path)
    meta = tmp_path / "meta.json"
    meta.write_text(
        json.dumps({"articles": [{"file": f"{a.id}.txt", "published": a.published.isoformat(), "source": a.source, "url": a.url} for a in BLAST]}),
        encoding="utf-8",
    )
    runner = CliRunner()
    result = runner.invoke(main, ["build", "--meta", str(meta), "--quiet", "--dates", "1", "--per-date", "1", *map(str, files)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "# Key dates\n\n1 date chosen from 3 articles.\n\n## 3 August 2018\n\n"
        "- A huge blast tore through a chemical factory in Springfield, killing five workers, the fire service said. (Herald)\n"
    )
    result = runner.invoke(main, ["build", "--meta", str(meta), "--quiet", "--dates", "1", "--format", "json", *map(str, files)])
    written = json.loads(result.output)[0]
    assert written["date"] == "2018-08-03"
    assert written["sentences"][0]["sentence"] == BLAST[2].text
