"""Detection in context: TimeML extents, the tense that places a date, and what is not a time."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline

from conftest import examples

FRI = "2018-08-03"


def found(text: str, published: str = FRI, events: bool = True) -> list[tuple[str, str]]:
    read = timeline.read(timeline.Article(text, published), events=events)
    return [(e.text, e.value.value) for e in read.time_expressions]


# Every detection case holds whether events are read too (the full pipeline) or time expressions
# alone (tagger and parser only, on the sentences with a cue).
modes = pytest.mark.parametrize("events", [True, False], ids=["with-events", "times-only"])


@pytest.mark.parametrize(
    "text,published,expected",
    [
        # tense of the governing verb places a bare weekday
        ("Sen. Lindsey Graham said Thursday that the bill is tough.", FRI, [("Thursday", "2018-08-02")]),
        ("Paul will travel to Russia for Monday meetings.", FRI, [("Monday", "2018-08-06")]),
        ("Paul is expected to meet lawmakers on Monday.", FRI, [("Monday", "2018-08-06")]),
        ("He plans to visit Moscow Tuesday.", FRI, [("Tuesday", "2018-08-07")]),
        ("Paul met Kosachev on Monday.", FRI, [("Monday", "2018-07-30")]),
        # a time between "said" and the subject of what was said is the saying's, however the
        # parse hangs it ("evening" under "open"); one inside that subject, or after "that", is
        # the reported clause's
        ("The military said Monday evening it would not open fire.", FRI, [("Monday evening", "2018-07-30TEV")]),
        ("He said the meeting on Monday evening would decide it.", FRI, [("Monday evening", "2018-08-06TEV")]),
        ("He said that on Saturday two teams would be sent out.", FRI, [("Saturday", "2018-08-04")]),
        ("The offer was extended to Nov. 20.", "1989-11-01", [("Nov. 20", "1989-11-20")]),
        ("The company has been searching since Oct. 23.", "1999-05-06", [("Oct. 23", "1998-10-23")]),
        # TimeML extents: no prepositions, no head noun, determiners only when the time is the head
        ("The senators made a trip over the July 4 recess last month.", FRI, [("July 4", "2018-07-04"), ("last month", "2018-07")]),
        ("The third-quarter results were weak.", "1989-10-25", [("third-quarter", "1989-Q3")]),
        ("It happened in the 1990s.", FRI, [("the 1990s", "199")]),
        ("The deal closed on March 3, 2018.", FRI, [("March 3, 2018", "2018-03-03")]),
        ("Profit rose in the past two months.", FRI, [("the past two months", "P2M")]),
        ("He arrived in January this year.", FRI, [("January this year", "2018-01")]),
        # discourse: "the next day" counts from the last date mentioned
        ("The summit opened on July 16, 2018. Talks ended the next day.", FRI, [("July 16, 2018", "2018-07-16"), ("the next day", "2018-07-17")]),
        # a name holds the time word, not a month or a weekday: "Daily" is not a rate there,
        # while "Independence Day" and a weekday in a name stay dates
        ("The Daily Mail reported on Monday that prices rose.", FRI, [("Monday", "2018-07-30")]),
        ("Prices are checked daily.", FRI, [("daily", "P1D")]),
        ("They celebrated Independence Day.", FRI, [("Independence Day", "2018-07-04")]),
        # decades: a stretch of ten years up to or from now, or one the text named
        ("Spending will rise over the coming decade.", FRI, [("the coming decade", "P10Y")]),
        ("In the decade that followed, prices fell.", FRI, [("the decade", "P10Y")]),
        ("It was the best film of the last decade.", FRI, [("the last decade", "200")]),
        ("Prices doubled in two decades.", FRI, [("two decades", "P20Y")]),
        # sets
        ("The festival is held each spring.", FRI, [("each spring", "XXXX-SP")]),
        ("He runs every evening.", FRI, [("every evening", "XXXX-XX-XXTEV")]),
        ("The shop closes on weekends.", FRI, [("weekends", "XXXX-WXX-WE")]),
        ("She works evenings.", FRI, [("evenings", "XXXX-XX-XXTEV")]),
        ("The bar is busy on Friday nights.", FRI, [("Friday nights", "XXXX-WXX-5TNI")]),
        # a year that opens its sentence is the year of the rest of it; one inside a clause is not
        ("In 2011, the company was founded and in October it hired 50 people.", FRI, [("2011", "2011"), ("October", "2011-10")]),
        ("In 2011, the company was founded. In October it hired 50 people.", FRI, [("2011", "2011"), ("October", "2017-10")]),
        ("Under a plan approved in 1987, it had bought shares through Sept. 29.", FRI, [("1987", "1987"), ("Sept. 29", "2017-09-29")]),
        # the end of a stretch in a present clause lies ahead
        ("The offer runs through June.", FRI, [("June", "2019-06")]),
        ("Sales were strong through June.", FRI, [("June", "2018-06")]),
        # "the rest of the year" is the year it is left of
        ("Sales will stay flat for the rest of the year.", FRI, [("the rest of the year", "2018")]),
        # "the same day that ..." points forward to a clause: its date is not known here
        ("He left on the same day that the bill passed.", FRI, [("the same day", "XXXX-XX-XX")]),
    ],
)
@modes
def test_expressions_in_context(text, published, expected, events):
    assert found(text, published, events) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a range with an elided part is two expressions, each with its own value (TimeML)
        ("He played in the 1962-63 season.", [("1962", "1962"), ("63", "1963")]),
        ("The 2010-11 season was his best.", [("2010", "2010"), ("11", "2011")]),
        ("The summit is on 3-4 May.", [("3", "2018-05-03"), ("4 May", "2018-05-04")]),
        ("Strikes were held on 8 and 9 March.", [("8", "2018-03-08"), ("9 March", "2018-03-09")]),
        ("The course runs May 5 - 6.", [("May 5", "2018-05-05"), ("6", "2018-05-06")]),
        ("Recovery takes between 6 and 9 months.", [("6", "P6M"), ("9 months", "P9M")]),
        ("It took two to six days.", [("two", "P2D"), ("six days", "P6D")]),
        # one stretch of time stays one expression; numbers that are no range stay out
        ("Deals are due during the next 12 to 18 months.", [("18 months", "P18M")]),
        ("The vote was 48-35 on Friday.", [("Friday", "2018-08-03")]),
        ("The 2010-2011 budget passed.", [("2010", "2010"), ("2011", "2011")]),
    ],
)
@modes
def test_ranges_with_an_elided_part(text, expected, events):
    assert found(text, events=events) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # an abbreviated day or month after a day number, a cue word, or in a list of days;
        # lower case only after "this", "next", "last", "every", "each" or in such a list
        ("Tickets went on sale from 21 Jan.", [("21 Jan.", "2018-01-21")]),
        ("lai next fri lets run", [("next fri", "2018-08-10")]),
        ("Exams were in Jun.", [("Jun.", "2018-06")]),
        ("My paper was on Mon and tues only.", [("Mon", "2018-07-30"), ("tues", "2018-07-31")]),
        # "this" and a weekday: that day of the publication's week
        ("Come down this Sat.", [("this Sat", "2018-08-04")]),
        ("We met this Monday.", [("this Monday", "2018-07-30")]),
        # names and verbs that abbreviate days and months stay out
        ("It resulted in Sun reporting a loss.", []),
        ("He sat on the sun deck on a boat.", []),
        ("Shares rose on Sun Microsystems news.", []),
    ],
)
@modes
def test_abbreviated_days_and_months(text, expected, events):
    assert found(text, events=events) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A 6-year-old boy was found.",  # ages
        "It saves $500 million a year in costs.",  # rates
        "The past delegation was larger.",  # attributive "past"
        "He may decide to march on the capital.",  # "may" and "march" as verbs
        "Sun Microsystems and Jan Smith met.",  # capitalised names that abbreviate days and months
        "Prices fall when demand drops.",  # "fall" as a verb
        "The quarterly dividend was raised.",  # frequency adjective before a noun
        "He ran a sub-four-minute mile.",  # a record
        "Times are given in Eastern Daylight Time.",  # a zone on its own
        "Iraq imports about three-quarters of its food.",  # fractions
        "Junk bonds make up more than a quarter of the market.",
        "He joined the annual March for Life.",  # the march, not the month
        # a time word with a capital inside a name: a newspaper, a fund
        "A spokesperson hung up the phone on a journalist from The New Daily who called.",
        "The Future Fund invested the money.",
    ],
)
@modes
def test_not_time_expressions(text, events):
    assert found(text, events=events) == []


@modes
@pytest.mark.parametrize(
    "text,expected",
    [
        ("Results for FY1989 were restated.", [("FY1989", "1989")]),
        ("The filing is dated 8/2/2018.", [("8/2/2018", "2018-08-02")]),
        ("The vote is set for 3 p.m. Monday.", [("3 p.m. Monday", "2018-08-06T15:00")]),
        ("Sales doubled in the '90s.", [("the '90s", "199")]),
        # informal spellings: a count run into its unit, a dotted day-month-year
        ("It takes 1.5hrs just to play 3mins.", [("1.5hrs", "PT90M"), ("3mins", "PT3M")]),
        ("Survived 7Days in Thailand.", [("7Days", "P7D")]),
        ("The gig on 17.06.2016 was great.", [("17.06.2016", "2016-06-17")]),
        ("The museum trip was on 27.03.15 with friends.", [("27.03.15", "2015-03-27")]),
        ("Version 3.10.15 was released.", []),
        ("A 5yrs old boy was found.", []),
        # a 24-hour clock with its zone and day; a stopwatch time is a duration
        ("The polls close at 16:00 GMT Sunday.", [("16:00 GMT Sunday", "2018-08-05T16:00")]),
        ("Trading opened at 7:45 and closed early.", [("7:45", "2018-08-03T07:45")]),
        ("The deadline passed at 23:59.", [("23:59", "2018-08-03T23:59")]),
        ("Kipchoge won in 2:03:59.", [("2:03:59", "PT2H3M59S")]),
        # a morning hour with nothing that makes it a time: a verse, a pace
        ("He quoted John 3:16 again.", []),
        ("They ran at a 4:30 pace.", []),
    ],
)
def test_numeric_seeds(text, expected, events):
    """Year-like numbers, slashed dates and clock times are seeded by token shape."""
    assert found(text, events=events) == expected


@pytest.mark.parametrize(
    "word,tag,lemmatizer,expected",
    [
        # spaCy's rule lemmatizer takes the shorter of two verbs; the spelling decides
        ("hopes", "VBZ", "hop", "hope"),
        ("hoped", "VBD", "hop", "hope"),
        ("hoping", "VBG", "hop", "hope"),
        ("fines", "VBZ", "fin", "fine"),
        # the short verb's own forms stay: its consonant doubles, or -es follows a sibilant
        ("hopped", "VBD", "hop", "hop"),
        ("barred", "VBN", "bar", "bar"),
        ("axes", "VBZ", "ax", "ax"),
        # no verb with a final e: nothing to choose
        ("opened", "VBD", "open", "open"),
    ],
)
def test_a_verb_lemma_with_and_without_a_final_e_is_chosen_by_the_spelling(word, tag, lemmatizer, expected):
    from timeline.detect import _e_stem

    assert _e_stem(word, tag, lemmatizer) == expected


def test_hopes_is_the_carrier_hope_not_hop():
    found = timeline.read(timeline.Article("NASA hopes to launch the rocket on Friday.", "2022-11-09")).events
    assert [(m.lemma, m.summary) for m in found] == [("launch", "NASA hopes to launch the rocket on Friday")]


windows_strategy = st.sets(st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda w: (w[0], w[0] + w[1])), max_size=40)


@settings(max_examples=examples(500))
@given(windows_strategy)
def test_overlapping_windows_keep_the_longest_then_the_earliest(windows):
    """The overlap filter (bisection over the kept windows) keeps what checking every kept
    window keeps: longest first, then earliest, none overlapping."""
    from timeline.detect import _non_overlapping

    expected: list[tuple[int, int]] = []
    for start, end in sorted(windows, key=lambda w: (-(w[1] - w[0]), w[0])):
        if all(end <= s or start >= e for s, e in expected):
            expected.append((start, end))
    assert _non_overlapping(windows) == sorted(expected)


def test_the_overlap_filter_keeps_adjacent_windows_and_drops_a_shorter_one_inside():
    from timeline.detect import _non_overlapping

    assert _non_overlapping({(0, 3), (3, 5), (1, 2), (4, 6), (5, 6)}) == [(0, 3), (3, 5), (5, 6)]
