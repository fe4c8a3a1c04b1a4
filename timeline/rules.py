"""Word lists and resolution rules, as data.

Like HeidelTime's resource files, this module holds no logic: word lists (``LEXICON``) and an
ordered table of rules (``RULES``). A rule is a regular expression over a normalised phrase
(lower case, no dots, hyphens between words turned into spaces) whose named groups feed one
handler of :mod:`timeline.resolution`, named by the rule. Placeholders such as ``{month}`` expand to
an alternation of the lexicon's words, so adding a word to a list teaches every rule that uses it.

The detector uses the same table: a span is a time expression exactly when a rule accepts it, so
what is found and what can be resolved never disagree.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Mapping, Optional

from attrs import frozen
from dateparser.languages.loader import default_loader

__all__ = [
    "ABBREVIATED_MONTH_NAMES",
    "DISCOURSE_OFFSETS",
    "EXAMPLE_ANCHOR",
    "GLUED_UNITS",
    "LEXICON",
    "MONTH_NAMES",
    "MONTH_PREFIXES",
    "RULES",
    "Rule",
    "TIME_ZONES",
    "TRIGGER_WORDS",
    "WEEKDAY_NAMES",
    "compile_rules",
    "number_value",
]


def _dateparser_names(keys: tuple[str, ...]) -> dict[str, int]:
    """Month and weekday spellings from dateparser's English language data (1-based index).

    Entries shorter than three letters ("mo", "th") are left out: as bare tokens they are
    ordinary words far more often than dates.
    """
    info = default_loader.get_locale("en").info
    names: dict[str, int] = {}
    for index, key in enumerate(keys, start=1):
        for spelling in info[key]:
            if len(spelling) >= 3:
                names[spelling.lower()] = index
    return names


_MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = _dateparser_names(_MONTH_KEYS)
WEEKDAYS = _dateparser_names(_WEEKDAY_KEYS)
WEEKDAYS.update({"tues": 2, "weds": 3, "thur": 4, "thurs": 4})

# The names as a page prints them, for the patterns that find page furniture and cut a key
# date's sentence (:mod:`timeline.clean`, :mod:`timeline.keydates`), where case tells a date from
# a word: alternations to put in a regular expression.
#: "January" ... "December": "January 27, 2011 at 7:59 pm |", "Friday 28 May 2010 10.27 BST".
MONTH_NAMES = "(?:" + "|".join(key.title() for key in _MONTH_KEYS) + ")"
#: A month's first three letters, where a word may follow: "Apr 21", "April 21", "Sept. 19".
MONTH_PREFIXES = "(?:" + "|".join(key[:3].title() for key in _MONTH_KEYS) + ")"
#: A month cut short with a full stop, as agencies print it: "Apr. 20", "Sept. 19" (not "May.").
ABBREVIATED_MONTH_NAMES = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
#: "Monday" ... "Sunday": "Tuesday, June 16", "vowed Monday to pay".
WEEKDAY_NAMES = "(?:" + "|".join(key.title() for key in _WEEKDAY_KEYS) + ")"

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

PARTS_OF_DAY = {
    "morning": "MO",
    "nite": "NI",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "midday": "MI",
    "daytime": "DT",
}

# TIMEX3 duration unit codes; "time" units go after the "T" of an ISO period.
UNITS = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "night": ("D", False),
    "week": ("W", False),
    "weekend": ("WE", False),
    "fortnight": ("W", False),  # counted as two weeks, see UNIT_MULTIPLIER
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
    "millennium": ("L", False),
}
# Informal spellings (tweets, transcripts) of unit words.
UNIT_ABBREVIATIONS = {"hr": "hour", "hrs": "hour", "min": "minute", "mins": "minute", "sec": "second", "secs": "second", "yr": "year", "yrs": "year", "wk": "week", "wks": "week", "mo": "month", "mos": "month"}
# Units a count is run into without a space ("3mins", "1.5hrs", "7Days"), longest spelling first.
GLUED_UNITS = (
    "hours", "hour", "hrs", "hr", "minutes", "minute", "mins", "min", "seconds", "second", "secs", "sec",
    "days", "day", "nights", "night", "weeks", "week", "wks", "wk", "months", "month", "mos", "mo",
    "years", "year", "yrs", "yr",
)  # fmt: skip
UNIT_MULTIPLIER = {"fortnight": 2}  # quarters become months in resolution.duration_value
UNIT_PLURALS = {
    **UNIT_ABBREVIATIONS,
    "centuries": "century",
    "millennia": "millennium",
    **{unit + "s": unit for unit in UNITS if unit not in ("century", "millennium")},
}

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "one hundred": 100, "a thousand": 1000, "thousand": 1000, "a dozen": 12, "dozen": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0.5, "a half": 0.5, "half an": 0.5,
}  # fmt: skip
# Quantities with no number: the value gets an X ("several years" -> PXY).
VAGUE_NUMBERS = ("several", "a few", "few", "some", "many", "a number of", "numerous", "dozens of", "hundreds of")

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty first": 21, "twenty second": 22,
    "twenty third": 23, "thirtieth": 30, "thirty first": 31, "last": -1, "final": -1,
}  # fmt: skip

# Relative words: the offset they apply to the anchor's period ("last week" = week - 1).
RELATIVE_OFFSETS = {
    "last": -1, "past": -1, "previous": -1, "preceding": -1, "this past": -1,
    "this": 0, "current": 0, "full": 0, "this coming": 1, "next": 1, "coming": 1, "following": 1, "upcoming": 1,
}  # fmt: skip

# Words that place a time relative to the discourse's last date ("the next day", "the week
# before"), with the offset in periods; "that day" and "the same day" are that date itself.
DISCOURSE_OFFSETS = {
    "the same": 0, "that": 0, "the very same": 0, "this very": 0,
    "the previous": -1, "the prior": -1, "before": -1, "the following": 1, "the next": 1, "after": 1,
}  # fmt: skip

# Words that place a time inside a period, as TIMEX3 mods ("late November" -> END).
EDGE_MODS = {
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "beginning of": "START", "start of": "START", "the early part of": "START", "the first part of": "START",
    "mid": "MID", "the middle of": "MID", "middle of": "MID", "the mid": "MID",
    "late": "END", "later": "END", "the end of": "END", "end of": "END", "the late": "END",
    "the latter part of": "END", "the close of": "END",
}  # fmt: skip

# Words that qualify a quantity ("nearly two years", "more than a decade").
QUANTITY_MODS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "APPROX", "almost": "APPROX", "close to": "APPROX",
    "more than": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
    "fewer than": "LESS_THAN", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
}  # fmt: skip

# Periodic adverbs and adjectives (TIMEX3 SET).
FREQUENCY_WORDS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "semiannually": "P6M",
}  # fmt: skip

# Deictic words with a TIMEX3 reference value. Left out on purpose: words that are a time
# expression in under half of their uses in TimeBank/AQUAINT ("soon" 4 of 18, "previously" 3 of
# 23, "recent" 6 of 29, "current" 9 of 21, a bare "future" 4 of 28, "once", "already", "then").
REFERENCE_WORDS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "presently": "PRESENT_REF", "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "the present": "PRESENT_REF",
    "today's": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF",
    "formerly": "PAST_REF", "the past": "PAST_REF",
    "years ago": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the long term": "FUTURE_REF", "a later date": "FUTURE_REF",
    "the coming years": "FUTURE_REF", "the years ahead": "FUTURE_REF", "someday": "FUTURE_REF",
}  # fmt: skip

# Days relative to the anchor (informal spellings from tweets included).
DAY_OFFSETS = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
    "tdy": 0, "2day": 0, "tonite": 0, "2nite": 0, "tmr": 1, "tmrw": 1, "tmw": 1, "tomo": 1,
    "tomoro": 1, "tomorow": 1, "2moro": 1, "2morrow": 1, "yday": -1, "last nite": -1,
    "the day before yesterday": -2, "the day after tomorrow": 2, "last night": -1,
}  # fmt: skip

# Zone names a clock time may carry ("3 p.m. EDT"), as UTC offsets. Used only when the article's
# publication time has a zone (see resolution.clock_time). Names that stand for several zones
# ("IST": India, Ireland, Israel; "AST": Atlantic, Arabia) are None: such a time gets no offset.
# "CST" is US Central, as in US news, not China Standard Time. WET/WEST are left out ("west").
TIME_ZONES: Mapping[str, Optional[timedelta]] = {
    **{
        name: timedelta(hours=hours)
        for name, hours in {
            "utc": 0, "gmt": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3,
            "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
            "akst": -9, "akdt": -8, "hst": -10, "jst": 9, "kst": 9, "hkt": 8, "sgt": 8, "aest": 10, "aedt": 11,
        }.items()
    },
    "ist": None, "ast": None,
}  # fmt: skip

# Fixed-date and computed holidays (month, day) or (month, weekday, nth; -1 = last).
HOLIDAYS: Mapping[str, tuple[int, ...]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "independence day": (7, 4), "the fourth of july": (7, 4), "halloween": (10, 31),
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "xmas": (12, 25),
    "xmas day": (12, 25), "xmas eve": (12, 24),
    "veterans day": (11, 11), "boxing day": (12, 26), "st patrick's day": (3, 17),
    "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4), "labor day": (9, 1, 1),
    "memorial day": (5, 1, -1), "mother's day": (5, 7, 2), "father's day": (6, 7, 3),
    "election day": (11, 2, 1),  # the Tuesday after the first Monday; see resolve.holiday_date
    "martin luther king day": (1, 1, 3), "presidents day": (2, 1, 3), "presidents' day": (2, 1, 3),
}  # fmt: skip

LEXICON: dict[str, Mapping[str, object]] = {
    "month": MONTHS,
    "weekday": WEEKDAYS,
    "season": SEASONS,
    "part": PARTS_OF_DAY,
    "unit": {**{u: u for u in UNITS}, **UNIT_PLURALS},
    "number": NUMBER_WORDS,
    "ordinal": ORDINALS,
    "rel": RELATIVE_OFFSETS,
    "discourse": DISCOURSE_OFFSETS,
    "edge": EDGE_MODS,
    "qmod": QUANTITY_MODS,
    "freq": FREQUENCY_WORDS,
    "reference": REFERENCE_WORDS,
    "dayword": DAY_OFFSETS,
    "holiday": HOLIDAYS,
    "vague": dict.fromkeys(VAGUE_NUMBERS, "X"),
    "zone": TIME_ZONES,
}


def _alternation(words) -> str:
    # Longest first, so "this past" wins over "this".
    return "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(words, key=len, reverse=True))


# Regular-expression fragments the rules refer to as {name}.
FRAGMENTS = {name: f"(?:{_alternation(words)})" for name, words in LEXICON.items()}
FRAGMENTS.update(
    {
        "year": r"(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})",
        "short_year": r"'[0-9]{2}",
        "daynum": r"(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?",
        "digits": r"[0-9]+(?:\.[0-9]+)?",
        # A spelled number ("twenty five", "a couple of") or digits ("3,000").
        "count": (
            r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?|"
            r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety) (?:one|two|three|four|five|six|seven|eight|nine)|"
            + _alternation(NUMBER_WORDS)
            + ")"
        ),
        "the": r"(?:the )?",
        "units": f"(?:{_alternation(set(UNITS) | set(UNIT_PLURALS))})",
        # "9", "9:45", "9.45" (British), "0945" / "945" (run together, only before am/pm)
        "clock": r"(?:[0-9]{1,2}(?:[:.]?[0-9]{2})?)",
        "ampm": r"(?:am|pm|a m|p m)",
    }
)


@frozen
class Rule:
    """One pattern and the handler that turns its match into a value."""

    name: str
    pattern: str
    handler: str
    #: Fixed group values the handler sees when the pattern does not set them.
    options: Mapping[str, str] = {}
    #: Phrases this rule, and no earlier one, resolves, each with its value against
    #: ``EXAMPLE_ANCHOR`` when no verb gives a tense (``tests/test_rules.py`` checks each).
    examples: tuple[tuple[str, str], ...] = ()


#: The publication day the rules' examples are resolved against: Friday 3 August 2018 (ISO week
#: 2018-W31).
EXAMPLE_ANCHOR = "2018-08-03"


R = Rule
# Ordered: the first rule that fully matches a phrase resolves it. Each rule's examples are
# phrases it resolves (against EXAMPLE_ANCHOR): a rule shadowed by an earlier one fails its test.
RULES: tuple[Rule, ...] = (
    # --- explicit calendar dates ---
    R("iso_date", r"(?P<year>[0-9]{4})-(?P<month_num>[01]?[0-9])-(?P<day>[0-3]?[0-9])", "calendar_date",
      examples=(("2018-08-03", "2018-08-03"),)),
    R("us_numeric_date", r"(?P<month_num>[01]?[0-9])/(?P<day>[0-3]?[0-9])/(?P<year>[0-9]{4}|[0-9]{2})", "calendar_date",
      examples=(("8/3/2018", "2018-08-03"), ("8/3/18", "2018-08-03"))),
    R("dotted_date", r"(?P<day>[0-3]?[0-9])\.(?P<month_num>[01]?[0-9])\.(?P<year>[0-9]{4}|[0-9]{2})", "calendar_date",
      examples=(("17.06.2016", "2016-06-17"), ("27.03.15", "2015-03-27"))),
    R("iso_month", r"(?P<year>[0-9]{4})-(?P<month_num>0[1-9]|1[0-2])", "month_name",
      examples=(("2018-08", "2018-08"),)),
    R("weekday_month_day_year",
      r"(?:(?P<weekday>{weekday}),? )?(?P<month>{month}) (?P<day>{daynum}),? (?P<year>{year})", "calendar_date",
      examples=(("Friday, August 3, 2018", "2018-08-03"), ("Aug. 3, 2018", "2018-08-03"))),
    R("day_month_year", r"(?:(?P<weekday>{weekday}),? )?(?:the )?(?P<day>{daynum}) (?:of )?(?P<month>{month}),? (?P<year>{year})", "calendar_date",
      examples=(("3 August 2018", "2018-08-03"), ("the 3rd of August, 2018", "2018-08-03"))),
    R("weekday_month_day",
      r"(?:(?P<weekday>{weekday}),? )?(?P<month>{month}) (?P<day>{daynum})(?: (?P<part>{part}))?", "calendar_date",
      examples=(("August 3", "2018-08-03"), ("Friday, Aug. 3", "2018-08-03"), ("July 30 morning", "2018-07-30TMO"))),
    R("day_of_month", r"(?:(?P<weekday>{weekday}),? )?(?:the )?(?P<day>{daynum}) (?:of )?(?P<month>{month})", "calendar_date",
      examples=(("3 August", "2018-08-03"), ("the 30th of July", "2018-07-30"))),
    R("holiday", r"(?:(?P<rel>{rel}) )?(?P<holiday>{holiday})(?: (?P<year>{year}))?", "holiday",
      examples=(("Christmas", "2018-12-25"), ("last Christmas", "2017-12-25"), ("Thanksgiving 2017", "2017-11-23"))),
    # --- months, seasons, quarters, halves, years ---
    R("edge_month", r"(?P<edge>{edge}) ?(?P<month>{month})(?:,? (?:of )?(?P<year>{year}))?", "month_name",
      examples=(("early August", "2018-08"), ("late July 2017", "2017-07"), ("mid-June", "2018-06"))),
    R("month_year", r"(?:(?:the )?(?P<rel>{rel}) )?(?P<month>{month})(?:,? (?:of )?(?P<year>{year}))?", "month_name",
      examples=(("August 2018", "2018-08"), ("July", "2018-07"), ("last July", "2018-07"), ("next July", "2019-07"), ("the following July", "2019-07"))),
    R("month_relative_year", r"(?:(?P<edge>{edge}) ?)?(?P<month>{month}) (?:of )?(?P<year_rel>{rel}) year", "month_name",
      examples=(("June last year", "2017-06"), ("early March next year", "2019-03"))),
    R("season", r"{the}(?:(?P<edge>{edge}) )?(?:(?P<rel>{rel}) )?(?P<season>{season})(?: (?:of )?(?P<year>{year}))?", "season",
      examples=(("last summer", "2017-SU"), ("the spring of 2017", "2017-SP"), ("this fall", "2018-FA"))),
    R("year_season", r"(?P<year>{year}) (?P<season>{season})", "season",
      examples=(("2017 summer", "2017-SU"),)),
    R("quarter",
      r"{the}(?:(?P<year>{year})(?:'s)? |(?P<rel>{rel}) (?:year's )?|(?P<fiscal>fiscal) )?"
      r"(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th) (?:fiscal )?(?P<unit>quarter|half)"
      r"(?: of (?:(?:the )?(?:fiscal )?year )?(?:(?P<year2>{year})|(?P<rel2>{rel}) year|the year|this year))?", "quarter",
      examples=(("the third quarter", "2018-Q3"), ("the first half of 2017", "2017-H1"), ("last year's fourth quarter", "2017-Q4"))),
    R("q_quarter", r"(?:(?P<fiscal>fiscal|fy) )?q(?P<number>[1-4])(?: (?P<year>{year}))?", "quarter",
      examples=(("Q2", "2018-Q2"), ("Q3 2017", "2017-Q3"), ("fiscal Q1", "2018-Q1"))),
    R("latest_quarter", r"the (?P<which>latest|most recent|current|same|year earlier|year ago) (?P<unit>quarter|period)", "latest_quarter",
      examples=(("the latest quarter", "2018-Q2"), ("the year-earlier quarter", "2017-Q2"))),
    R("latest_fiscal_year", r"the (?:latest|most recent) fiscal year", "relative_unit", {"unit": "year", "rel": "last"},
      examples=(("the latest fiscal year", "2017"),)),
    R("the_quarter", r"the (?P<unit>quarter)", "latest_quarter",
      examples=(("the quarter", "2018-Q2"),)),
    R("year_ago_period", r"{the}(?P<which>year earlier|year ago)(?: (?:quarter|period))?", "year_ago",
      examples=(("the year-ago", "2017"), ("year earlier", "2017"))),
    R("decade", r"{the}(?:(?P<edge>{edge}) ?)?(?P<decade>[0-9]{3}0)'?s", "decade",
      examples=(("the 1990s", "199"), ("the late 1980s", "198"))),
    R("short_decade", r"{the}(?:(?P<edge>{edge}) )?'?(?P<decade2>[0-9]0)'?s", "decade",
      examples=(("the '90s", "199"), ("the early 80s", "198"))),
    R("spelled_decade", r"{the}(?:(?P<edge>{edge}) )?(?P<spelled_decade>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)", "decade",
      examples=(("the sixties", "196"), ("the late seventies", "197"))),
    R("century", r"{the}(?:(?P<edge>{edge}) )?(?P<ordinal>[0-9]{1,2})(?:st|nd|rd|th) century", "century",
      examples=(("the 19th century", "18"), ("the early 20th century", "19"))),
    R("fiscal_year", r"(?:fiscal(?: year)?|fy) ?(?P<year>{year}|[0-9]{2})", "year",
      examples=(("fiscal 2017", "2017"), ("fiscal year 2019", "2019"), ("FY19", "2019"))),
    R("edge_year", r"(?P<edge>{edge}) ?(?P<year>{year})", "year",
      examples=(("early 2017", "2017"), ("mid-2019", "2019"))),
    R("year", r"(?:the year )?(?P<year>{year})", "year",
      examples=(("2017", "2017"), ("the year 1999", "1999"))),
    R("spelled_year", r"(?:the year )?(?P<spelled_year>(?:nineteen|eighteen|twenty) (?:hundred|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?: (?:one|two|three|four|five|six|seven|eight|nine))?)|two thousand(?: (?:and )?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)", "spelled_year",
      examples=(("nineteen ninety-nine", "1999"), ("two thousand and eight", "2008"))),
    R("year_end", r"(?:the )?year(?:'s)? end", "relative_unit", {"unit": "year", "edge": "end of"},
      examples=(("year-end", "2018"), ("the year's end", "2018"))),
    R("short_year", r"(?P<short>{short_year})", "year",
      examples=(("'17", "2017"),)),
    # --- relative to the anchor ---
    R("reference", r"(?P<reference>{reference})", "reference",
      examples=(("now", "PRESENT_REF"), ("recently", "PAST_REF"), ("the future", "FUTURE_REF"), ("currently", "PRESENT_REF"))),
    R("day_offset", r"(?:(?P<edge>early|late|mid) )?(?P<dayword>{dayword})", "day_offset",
      examples=(("today", "2018-08-03"), ("yesterday", "2018-08-02"), ("tmrw", "2018-08-04"), ("late yesterday", "2018-08-02"))),
    R("day_offset_part", r"(?P<dayword>{dayword}) (?P<part>{part})", "day_offset",
      examples=(("yesterday morning", "2018-08-02TMO"), ("tomorrow night", "2018-08-04TNI"))),
    R("this_part", r"(?:(?P<edge>{edge}) ?)?(?:this|tomorrow|yesterday) (?P<part>{part})", "part_of_day",
      examples=(("this morning", "2018-08-03TMO"), ("late this afternoon", "2018-08-03TAF"))),
    R("part_day_offset", r"(?:(?P<edge>{edge}) ?)?(?P<part>{part}) (?P<dayword>yesterday|today|tomorrow)", "day_offset",
      examples=(("morning today", "2018-08-03TMO"), ("late afternoon yesterday", "2018-08-02TAF"))),
    R("relative_weekday", r"(?:(?P<rel>{rel}) )?(?P<weekday>{weekday})(?: (?P<part>{part}))?", "weekday",
      examples=(("Monday", "2018-07-30"), ("last Friday", "2018-07-27"), ("next Tuesday", "2018-08-07"), ("Wednesday night", "2018-08-01TNI"))),
    R("discourse_day", r"(?P<which>{discourse}) (?P<unit>day|week|month|year|night|morning|evening|afternoon)", "discourse",
      examples=(("the next day", "2018-08-04"), ("the following week", "2018-W32"), ("the previous morning", "2018-08-02TMO"))),
    R("edge_relative_unit",
      r"{the}(?P<edge>{edge}) (?:(?P<rel>{rel}) |(?:in )?the )(?P<unit>week|month|year|decade|century|quarter|weekend)", "relative_unit",
      examples=(("the end of the year", "2018"), ("early next year", "2019"), ("later this month", "2018-08"), ("late last week", "2018-W30"))),
    R("relative_unit", r"(?:the )?(?P<rel>{rel}) (?P<unit>week|weekend|month|quarter|year|decade|century|fiscal year)", "relative_unit",
      examples=(("last week", "2018-W30"), ("this month", "2018-08"), ("next year", "2019"), ("the past weekend", "2018-W30-WE"), ("this fiscal year", "2018"))),
    R("year_period", r"{the}(?P<year>{year}) (?P<unit>quarter|period|half)", "year_period",
      examples=(("the 2017 period", "2017"), ("2017 half", "2017"))),
    R("rest_of_period", r"(?:(?:most|much|all) of )?the rest of (?:the|this) (?P<unit>week|month|quarter|year|decade)", "rest_of_period",
      examples=(("the rest of the year", "2018"), ("much of the rest of the month", "2018-08"))),
    R("this_weekend", r"the (?P<unit>weekend)", "relative_unit",
      examples=(("the weekend", "2018-W31-WE"),)),
    R("the_unit", r"the (?P<unit>week|month|year|fiscal year|decade)", "the_unit",
      examples=(("the week", "2018-W31"), ("the month", "2018-08"), ("the decade", "P10Y"))),
    R("the_part_of_day", r"(?:(?P<edge>{edge}) ?)?(?:the (?P<part>morning|afternoon|evening|night)|(?P<part2>morning|afternoon|evening|overnight))", "part_of_reference_day",
      examples=(("the morning", "2018-08-03TMO"), ("overnight", "2018-08-03TNI"), ("late evening", "2018-08-03TEV"))),
    R("ago", r"(?:(?P<qmod>{qmod}) )?(?P<count>{count}|{vague}) (?P<unit>{units}) (?P<direction>ago|earlier|later|from now|hence)", "ago",
      examples=(("three days ago", "2018-07-31"), ("two weeks ago", "2018-W29"), ("a week earlier", "2018-W30"), ("ten years from now", "2028"), ("about 20 years ago", "1998"))),
    R("unit_ago", r"(?:a |one )?(?P<unit>year|month|week|day|decade) (?P<direction>ago|earlier|later)", "ago",
      examples=(("month ago", "2018-07"), ("week earlier", "2018-W30"))),
    R("day_before", r"the (?P<unit>day|week|month|year) (?P<which>before|after)", "discourse",
      examples=(("the day before", "2018-08-02"), ("the week after", "2018-W32"))),
    # --- durations and sets ---
    R("set_every", r"(?P<every>every|each|per) (?:(?P<count>other|{count}) )?(?P<unit>{units})", "set_every",
      examples=(("every week", "P1W"), ("each day", "P1D"), ("every other year", "P2Y"), ("per year", "P1Y"))),
    R("set_every_weekday", r"(?:every|each) (?P<weekday>{weekday})", "set_weekday",
      examples=(("every Monday", "XXXX-WXX-1"), ("each Sunday", "XXXX-WXX-7"))),
    R("set_every_month", r"(?:every|each) (?P<month>{month})", "set_month",
      examples=(("every March", "XXXX-03"),)),
    R("set_every_season", r"(?:every|each) (?P<season>{season})", "set_season",
      examples=(("each spring", "XXXX-SP"), ("every winter", "XXXX-WI"))),
    R("set_every_part", r"(?:every|each) (?P<part>morning|afternoon|evening|night)", "set_part_of_day",
      examples=(("every evening", "XXXX-XX-XXTEV"), ("each morning", "XXXX-XX-XXTMO"))),
    R("set_parts", r"(?:in the )?(?P<part>morning|afternoon|evening)s", "set_part_of_day",
      examples=(("evenings", "XXXX-XX-XXTEV"), ("in the mornings", "XXXX-XX-XXTMO"))),
    R("set_weekends", r"weekends", "set_weekend",
      examples=(("weekends", "XXXX-WXX-WE"),)),
    R("set_weekday_parts", r"(?P<weekday>{weekday}) (?P<part>morning|afternoon|evening|night)s", "set_weekday",
      examples=(("Monday mornings", "XXXX-WXX-1TMO"), ("Friday nights", "XXXX-WXX-5TNI"))),
    R("set_weekdays", r"(?P<weekday>{weekday})s", "set_weekday",
      examples=(("Mondays", "XXXX-WXX-1"),)),
    R("frequency", r"(?P<freq>{freq})", "frequency",
      examples=(("daily", "P1D"), ("annually", "P1Y"))),
    # "the past two months", "the first nine months": a stretch of time. Without a number, only
    # words that cannot name a calendar period ("the past year" is last year, a DATE).
    R("span_duration",
      r"(?:(?P<qmod>{qmod}) )?(?:the |a )?(?P<rel>past|last|next|first|coming|previous|latest|final|recent|following|remaining|same|full|entire|whole|rest of the|year earlier|ensuing|preceding)"
      r" (?P<count>{count}|{vague}) (?P<unit>{units})(?: or so)?", "duration",
      examples=(("the past two months", "P2M"), ("the next three quarters", "P9M"), ("the first nine months", "P9M"))),
    R("whole_unit_duration",
      r"(?:(?P<qmod>{qmod}) )?(?:the |a )?(?P<rel>first|remaining|entire|whole|rest of the|ensuing|next|coming|following|recent) (?P<unit>{units})(?: or so)?", "duration",
      examples=(("the entire year", "P1Y"), ("the coming weeks", "PXW"))),
    R("duration",
      r"(?:(?P<qmod>{qmod}) )?(?:the )?(?P<count>{count}|{vague}) (?:(?:more|full|straight|consecutive|long|trading|business|calendar) )?(?P<unit>{units})(?: (?P<long>long))?(?: or so)?", "duration",
      examples=(("three years", "P3Y"), ("16 days", "P16D"), ("nearly two weeks", "P2W"), ("several hours", "PTXH"), ("48 hours long", "PT48H"))),
    R("unit_long", r"(?P<unit>{units}) long", "duration",
      examples=(("year long", "P1Y"),)),
    R("vague_duration", r"(?P<unit>years|months|weeks|days|hours|minutes|decades|centuries)", "duration",
      examples=(("years", "PXY"), ("months", "PXM"))),
    # --- clock times ---
    R("clock_time",
      r"(?:(?P<qmod>about|around|approximately) )?(?P<clock>{clock}) ?(?P<ampm>{ampm})(?: \(?(?P<zone>{zone}|[a-z]{2,4}t)\)?)?(?: (?P<dayword>today|yesterday|tomorrow|tonight)| (?:on )?(?P<weekday>{weekday}))?", "clock_time",
      examples=(("3 p.m.", "2018-08-03T15:00"), ("9PM", "2018-08-03T21:00"), ("10:45pm", "2018-08-03T22:45"), ("7.30am", "2018-08-03T07:30"), ("1030am", "2018-08-03T10:30"), ("11:21 p.m. EDT", "2018-08-03T23:21"), ("9 a.m. tomorrow", "2018-08-04T09:00"), ("3 pm Monday", "2018-07-30T15:00"))),
    R("clock_24h",
      r"(?:(?P<qmod>about|around|approximately) )?(?P<clock>[0-9]{1,2}:[0-9]{2})(?: ?(?:hrs|hours|h))?(?: \(?(?P<zone>{zone}|[a-z]{2,4}t)\)?)?(?: local time)?(?: (?P<dayword>today|yesterday|tomorrow|tonight)| (?:on )?(?P<weekday>{weekday}))?", "clock_time",
      examples=(("16:00", "2018-08-03T16:00"), ("16:00 GMT Sunday", "2018-07-29T16:00"), ("7:45 tomorrow", "2018-08-04T07:45"))),
    R("stopwatch", r"(?P<hours>[0-9]{1,2}):(?P<minutes>[0-5][0-9]):(?P<seconds>[0-5][0-9])", "stopwatch",
      examples=(("2:03:59", "PT2H3M59S"), ("0:59:07", "PT59M7S"))),
    R("clock_oclock", r"(?P<clock>[0-9]{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) o'?clock", "clock_time",
      examples=(("three o'clock", "2018-08-03T03:00"), ("10 o'clock", "2018-08-03T10:00"))),
    R("noon", r"(?P<named>noon|midnight|midday)(?: (?P<dayword>today|yesterday|tomorrow)| (?:on )?(?P<weekday>{weekday}))?", "clock_time",
      examples=(("noon", "2018-08-03T12:00"), ("midnight Sunday", "2018-07-29T00:00"), ("noon tomorrow", "2018-08-04T12:00"))),
)


def _expand(pattern: str) -> str:
    return re.sub(r"\{([a-z_]+)\}", lambda m: FRAGMENTS[m.group(1)], pattern)


def compile_rules(rules: tuple[Rule, ...] = RULES) -> tuple[tuple[Rule, re.Pattern[str]], ...]:
    """Each rule with its pattern expanded and compiled (matched against whole phrases)."""
    return tuple((rule, re.compile(_expand(rule.pattern))) for rule in rules)


def number_value(words: str) -> float | None:
    """The number a spelled or written quantity stands for; ``None`` for vague ones ("several")."""
    words = words.strip()
    if words in LEXICON["vague"]:
        return None
    if re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+", words):
        return float(words.replace(",", ""))
    try:
        return float(words)
    except ValueError:
        pass
    if words in NUMBER_WORDS:
        return float(NUMBER_WORDS[words])
    tens, _, ones = words.partition(" ")  # "twenty five"
    if tens in NUMBER_WORDS and ones in NUMBER_WORDS and NUMBER_WORDS[tens] >= 20 and NUMBER_WORDS[ones] < 10:
        return float(NUMBER_WORDS[tens] + NUMBER_WORDS[ones])
    return None


# Words whose presence makes a token a candidate start of a time expression (the detector's seeds).
TRIGGER_WORDS = frozenset(
    w
    for name in ("month", "weekday", "season", "part", "unit", "freq", "reference", "dayword")
    for phrase in LEXICON[name]
    for w in [phrase.split()[-1]]
) | frozenset({"noon", "midnight", "midday", "christmas", "thanksgiving", "halloween", "o'clock", "ago", "decade", "quarter", "period", "end", "nineteen", "thousand", "term", "date", "mornings", "afternoons", "evenings"})
