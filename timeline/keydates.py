"""Key dates: the concise timeline an editor would write from a long story.

A story of hundreds of articles has thousands of dated events; a reader wants its key dates,
each told in a sentence or two with its sources. :func:`key_dates` ranks the days of a
timeline by the evidence the articles give for them and picks, for each chosen day, the
sentences that best say what happened then.

How a day is ranked (the evidence timeline-summarisation systems found to matter, Gholipour
Ghalandari & Ifrim 2020; no trained model):

- **references**: every article whose text dates an event to the day counts once, however
  many times it mentions it; an article published *after* the day counts ``LATER_WEIGHT``
  more: looking back at a day is what makes it a key date ("the explosion on April 20").
- **reports**: an article published on the day that reports events as done that day (dated by
  its publication) counts ``REPORT_WEIGHT``: news of the day, less telling than a reference.
- **the story**: how near the whole story the day's best sentence is, in medians of every
  candidate sentence's nearness, counts ``STORY_EVIDENCE`` each: a day whose mentions all come
  from another story a page printed, a schedule or an aside tells the story less.

How a day's sentences are chosen: the candidates are the sentences of the mentions dated to
the day; each is scored by its cosine similarity to the centroid of all of them (content words
weighted by how rare they are among the day's candidates), less a little for each word it
is short of or beyond ``FULL_LENGTH`` (a bare fact or a paragraph tells a reader less than a
sentence of who did what, where and why), so that what most reports of the day share comes
first, among the sentences near enough the whole story (``STORY_FLOOR``; the
rest, a page's other stories among them, only when a day has too few, and those far from it,
``OFF_STORY``, never); among those, the sentences that stand alone (one that opens by referring
back, "He says ...", or whose speaker is only a pronoun, '"...," he said.', only when a day has
too few others), and among those, the sentences sure of their day (dated to it by their own
words or their publication, not only through another sentence, and naming no other day: "...
estimates released Thursday" under the Wednesday it was published tells of the Thursday); a
sentence too like one already chosen (``REDUNDANCY``) is skipped.
Sentences are cleaned of a dateline run into them ("WASHINGTON (Reuters) - "), of a live page's
update stamp ("(Update 2:04 p.m. Cairo, 7:04 a.m. ET)"), of the broken end of a bracket or
quotation their splitting left at their start, and of a headline or caption run into them with
no full stop ("Fans marked a year since the death The singer's father has filed ..." -> "The
singer's father has filed ..."; a page's lead is often printed so), where the event and the
expression that date the sentence are in what is left; they must be whole (every bracket and quotation
they open, closed), hold ``MIN_WORDS`` to ``MAX_WORDS`` words (a fragment or a whole paragraph
tells a reader little) and read as they are: no page furniture, byline, page stamp, caption or
heading run into them, no photo's caption, no question or list (:func:`_readable`). A chosen
sentence is shown without the time expression that dates it to its day, which the date's
heading gives ("BP vowed Monday to pay ..." under the Monday: "BP vowed to pay ..."), where what
is left is still a whole sentence (:func:`_without_its_day`), and without a word that links it
to the sentence before it, which a key date does not have ("But Obama said ..." -> "Obama said
..."); ``KeySentence.sentence`` keeps it as printed.
"""

from __future__ import annotations

import functools
import math
import re
import statistics
from collections import Counter, defaultdict
from datetime import date
from typing import Iterable, Mapping, Optional

from attrs import frozen

from .errors import InvalidArgumentError
from .language import function_words
from .model import ArticleInfo, Mention, Status, Timeline
from .rules import ABBREVIATED_MONTH_NAMES, MONTH_NAMES, MONTH_PREFIXES, WEEKDAY_NAMES

__all__ = ["KeyDate", "KeySentence", "key_dates"]

#: An article published after the day it dates counts this much more (1 + LATER_WEIGHT).
LATER_WEIGHT = 1.0
#: An article of the day that reports the day's events (dated by its publication).
REPORT_WEIGHT = 0.5
#: A day's evidence gains this many points for each median candidate's nearness to the story
#: that its best sentence has. (2.0: leave one topic out on Timeline17 picks it for all five.)
STORY_EVIDENCE = 2.0
#: A sentence this similar (cosine of content words) to one already chosen says it again.
REDUNDANCY = 0.5
#: How much nearness to the whole story counts beside nearness to the day's sentences.
STORY_WEIGHT = 1.0
#: A sentence less near the whole story than this many times the median candidate's nearness is
#: chosen only when its day has too few nearer ones. A page's other stories are among them ("The
#: Kindle and devices like it promise ..." on a flu story's day, "Snow began falling over
#: Colorado ..." on a revolution's), and so are asides. (1.25: leave one topic out on
#: Timeline17 picks it for four topics of five, 1.5 for the fifth; see docs/accuracy.md.)
STORY_FLOOR = 1.25
#: ... and one less near than this many times the median is never chosen: read on Timeline17,
#: those under it were all another story (and a day with nothing else is not a key date).
OFF_STORY = 0.5
MIN_WORDS = 8
#: (50, not 60: chosen leave one topic out on Timeline17, better held out on 4 of 5 topics)
MAX_WORDS = 50
#: Of sentences about as near the day and the story, one of about FULL_LENGTH words comes
#: first: it tells who did what, where and why, where a short one tells a bare fact and a long
#: one a paragraph's worth. Each word short of or beyond it costs LENGTH_WEIGHT / FULL_LENGTH of
#: nearness. (30 and 0.1 of 20-50 and 0.05-0.3 on Timeline17; leave one topic out picks them, or
#: 30 and 0.05, for four topics of five by AR2-F, better held out on all five; see docs/accuracy.md,
#: "stop 29".)
FULL_LENGTH = 30
LENGTH_WEIGHT = 0.1

# A dateline run into the first sentence: "WASHINGTON (Reuters) - ", "CAIRO, Feb 3 (Reuters) -",
# "LONDON -- ".
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{2,40}(?:, [^()\n]{1,30})?(?: ?\([^()\n]{1,40}\))?"  # WASHINGTON (Reuters), CAIRO, Feb 3
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)*(?:, [^()\n]{1,30})? ?\([^()\n]{1,40}\))"  # Cairo, Egypt (CNN)
    r" ?(?:-{1,2}|—|–) "
)
# ... or after a byline and a page stamp: "By Maggie Fox, Health Editor WASHINGTON | Tue Apr 21,
# 2009 10:19 pm BST WASHINGTON (Reuters) - A new type of flu ...", "May 3, 2010 3:13 pm EDT
# VENICE, Louisiana (Reuters) - Energy giant ...": cut up to the agency's dash.
_AGENCY_DATELINE = re.compile(r"^.{0,200}?\b[A-Z]{2,}[A-Z .,'’-]*(?:, [A-Z][A-Za-z.'’ ]{1,30})? ?\([^()\n]{1,40}\) ?(?:-{1,2}|—|–) ")
# ... or the agency's mark alone, or after a place in title case and what ran into it before:
# "(CNN) - President Obama spoke ...", "elections Cairo, Egypt (CNN) -- Egypt's military ...".
_AGENCY_MARK = re.compile(r"^(?:.{0,120}?\b[A-Z][a-z]+(?:, [A-Z][a-z]+)? )?\((?:CNN|Reuters|AP|AFP|Associated Press)\) ?(?:-{1,2}|—|–) ")
# A page's headline and standfirst run into its first sentence, up to the page stamp between them:
# "Gulf oil spill: BP resumes 'top kill' Company says ... Friday 28 May 2010 10.27 BST New figures
# mean ...": what is left after the stamp is the sentence.
_WEEKDAY_DATE = r"\b" + WEEKDAY_NAMES + r" \d{1,2} " + MONTH_NAMES + r" \d{4}"
_HEADLINE_STAMP = re.compile(r"^.{0,300}?" + _WEEKDAY_DATE + r" \d{1,2}[.:]\d{2} (?:GMT|BST|UTC|CET|[ECMP][SD]?T)\b\s*")
# ... or a page's date and time before it: "Thursday, January 6, 2011; 12:00 AM The commission ...".
_PAGE_STAMP = re.compile(r"^(?:[A-Z][a-z]+day, )?" + MONTH_NAMES + r" \d{1,2}, \d{4}; \d{1,2}:\d{2} ?[AP]M\s+")
# A news agency's stock ticker after a company's name, for its terminals, not for a reader: "BP Plc
# (BP.N) (BP.L) shares tumbled", "Transocean Ltd <RIGN.S> <RIG.N> fell".
_TICKER = re.compile(r" (?:<[A-Z0-9]{1,6}\.[A-Z]{1,2}>|\([A-Z0-9]{1,6}\. ?[A-Z]{1,2}\))(?= )")
# A bullet or dash left before the sentence: "- Egyptian banks will be closed ...".
_BULLET = re.compile(r"^[-–—•*]+\s+")
# A live page's update stamp opening a sentence: "(Update 2:04 p.m. Cairo, 7:04 a.m. ET) ".
_UPDATE_STAMP = re.compile(r"^\W{0,3}\((?:update[sd]?|posted|added)\b[^()]{0,80}\)\s*", re.IGNORECASE)
# Page furniture that is no sentence of the story, wherever it stands in one:
_FURNITURE = re.compile(
    r"(?:^|\s)[*•|](?:\s|$)|\bposted by\b|\breport abuse\b|\bclick here\b|\bplease enable\b"  # bullets, "|" strips, comment links
    r"|\b\w+ wrote:"  # a comment's stamp: "At 10:19 24th Mar 2010, lizzy21 wrote: ..."
    r"|\b(?:presenters?|producers?|editors?)/"  # a schedule's credits: "Presenter/Jo Smith, Producers/..."
    r"|\b(?:AP|AFP|Reuters|Getty(?: Images)?) Photo\b|\bPhoto/"  # a photo credit run into the caption
    r"|\blast updated at\b"  # a page stamp: "5 January 2011 Last updated at 06:50 GMT Help A hearing ..."
    r"|\bphoto(?:graph)?:"  # a caption or its credit: "Photograph: KPA/Zuma/Rex Features BP was aware ..."
    r"|" + _WEEKDAY_DATE + r"(?: \d{1,2}[.:]\d{2}(?: (?:GMT|BST|UTC|CET|[ECMP][SD]?T))?)?$"  # a headline and standfirst up to the page's date (and time), with no sentence after
    r"|\((?:AP|AFP|CNN|Reuters)\) ?(?:-{1,2}|—|–)\s*$"  # a caption, then the dateline of a story cut off: "... VENICE, La. (AP) --"
    r"|\{(?:current|total)\}"  # a gallery's template: "BACK {current} of {total} NEXT Two possible ..."
    r"|\b(?:video|photos?|pictures?|gallery|map|graphic) (?:below|above)\b",  # "In the video below, our reporter ..."
    re.IGNORECASE,
)
# ... or opening it, where a page printed it before the first sentence without a full stop:
_NEWSROOMS = r"(?:BBC News|CNN|Reuters|Associated Press)"  # whose correspondents' bylines run in
_PAGE_OPENING = re.compile(
    # a page's date and time: "03 February 12 17:03 GMT Russia's ...", "Tue Apr 21, 2009 10:19 pm BST ..."
    r"^(?:[A-Z][a-z]{2,8},? )?(?:\d{1,2} [A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.? \d{1,2},?) \d{2,4},? \d{1,2}[:.]\d{2} ?(?:[ap]\.?m\.? )?(?:GMT|BST|UTC|CET|[ECMP][SD]?T)\b"
    r"|^(?:By )?(?:[A-Z][\w'’-]+ ){1,4}" + _NEWSROOMS + r"\b,"  # "By Jo Smith BBC News, Cairo Protesters ..."
    r"|^By (?:[A-Z][\w'’.-]+ ){0,3}[A-Z][\w'’.-]+, " + _NEWSROOMS + r"\b"  # "By Jo Smith, CNN It was ..."
    r"|^" + MONTH_PREFIXES + r"[a-z]*\.? \d{1,2}(?:, \d{4})?: "  # a gallery caption: "April 21, 2010: Fire boats ..."
    r"|^\d{1,2}[:.]\d{2} ?[ap]\.?m\.?(?: [A-Z]{2,4})? ?(?:-{1,2}|—|–|:) "  # a live page's entry: "2:30 pm ET - Protesting Egypt in the U.S. - ..."
    # a heading before a dash, not a chronology's date: "Uprising in Egypt -- Egyptian laureate ..."
    r"|^(?!" + MONTH_PREFIXES + r"[a-z]*\.? \d)[A-Z][^\"“”:.!?]{2,60}? (?:--?|—|–) [A-Z]"
    r"|^[^\"“”:]{8,120}: [A-Z][a-zA-Z]"  # a headline before a colon: "Mubarak says he won't run again: Bowing to ...", "Oil spill: BP ..."
)
# A speaker's words outside quotation marks: a broadcast's transcript ("So -- and also I think
# that ...", "as you said, tomorrow they're ..."), a reader's letter, not a report of the day.
_SPOKEN = re.compile(r"\b(?:I|me|my|we|us|our|you|your|We|You|Our|My)\b")
_QUOTATION = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘]*?’(?!\w)")  # "..." or ‘...’, not the ’ of "don’t"
# A caption or heading run into the sentence after it: a word of the caption, then a word that
# opens a sentence, with no full stop between ("... to control the spill The company said ...",
# "Police search doctor's home On Tuesday, police ...", a video's promo: "... and destruction
# Watch two refugees tell ..."). A preposition or article before the capital ("at The Assembly
# Rooms", "to The Hague") is a name, not a new sentence. What runs in is cut (the sentence after
# the last such place is kept, :func:`_after_run_in`), except a video's promo, which is no report.
# A photo's credit that ends the caption run into a sentence: "... Coast Guard via AP Oil giant BP
# PLC told congressional investigators ...".
_CREDIT = re.compile(r"\bvia (?:AP|AFP|Reuters|Getty Images) (?=[A-Z])")
# A video's caption, a speaker and their words with no full stop, run into the sentence after
# it: 'BBC's Jim Muir: "There's no dialogue except on the battlefield" A senior Chinese envoy has
# held talks ...', 'President Obama: "We will make BP pay for the damage" Estimates of how much
# oil ...'. A report's own quotation ends with its stop inside the marks, or goes on in lower case.
_SPEAKER_CAPTION = re.compile(r"(?:^|(?<=\s))[A-Z][^\"“”:.!?]{1,60}: ?[\"“][^\"“”]{2,250}[^\"“”.!?,][\"”] (?=[A-Z])")
_RUN_IN = re.compile(
    r"\b(?P<before>[a-z][a-z'’-]+) (?P<opener>The|A|An|On|In|At|Another|Since|After|Before|When|While|It|He|She|They|We|This|These|Some|Many|More|Most|Two|Three|Four|Five|Several|Watch)\b"
)
# A headline printed twice before the sentence: "BP shares blame over oil spill BP shares blame over
# oil spill Oil company BP says ...".
_REPEATED = re.compile(r"\b((?:\w+\W+){4,}?)\1")
# Two sentences the reading took as one, where a quotation ends the first or opens the second: '...
# a new regime "must begin now." U.S. officials say ...', '"We will not rest," he said. "We ...'.
_TWO_SENTENCES = re.compile(r"[.!?][\"”] [\"“]?[A-Z]|[.!?] [\"“][A-Z]")  # a quotation mark on one side: not "U.S. officials"
# ... or where a quotation ends the first with no stop, and the second opens with a word no name
# is ('... to stamp out the flames of defiance" On Tuesday, at least seven people ...', '...
# the debate was "fuelling the flames of terrorism" One activist in the city ...'): see
# :func:`_glued_after_quotation`. A name goes on the sentence ('accused BP of "nickel and diming"
# Gulf residents'), and so does a date ('to "buy back" May 26').
_AFTER_QUOTATION = re.compile(r"(?<=[^\"“”.!?,\s])[\"”] ([A-Z][a-z]*)\b(?! \d)")
# Three words or more in capitals: a headline or a transcript's banner run into the sentence ("BP
# SHARES HIT NEW LOW The spill ...", "THIS IS A RUSH TRANSCRIPT"), or a reader shouting.
_CAPITALS = re.compile(r"\b[A-Z]{2,}(?: [A-Z]{2,}){2,}\b")
# A photo's caption: what a picture shows, not what happened ("A dead Northern Gannet covered in
# oil lies along Grand Isle Beach in Grand Isle, Louisiana May 21, 2010.", "Vessels gather at the
# spill site, off the Louisiana coast, Tuesday, July 20, 2010.", "In this image taken from video
# provided by BP, oil flows from the broken well", "The new cap is pictured in this image ...").
# A caption ends with the picture's date, not after "on" as a sentence of a report does ("...
# the top U.S. spill official said on Sept. 19, 2010."); "is seen as" is a report's wording.
_CAPTION = re.compile(
    r"(?<!\bon)(?:,| )(?:" + WEEKDAY_NAMES + r",? )?(?:" + MONTH_NAMES + r"|" + ABBREVIATED_MONTH_NAMES + r") \d{1,2}, \d{4}\.?$"
    r"|^In (?:this|an?) (?:\w+ )?(?:image|photo|photograph|picture|handout|video grab|frame grab)\b"
    r"|\b(?:is|are) (?:seen|pictured|shown)\b(?! (?:as|to)\b)"
    # ... or a video's: a correspondent presenting it ("Fergal Keane reports on how Syria's
    # violence is affecting ...", "CNN's Ben Wedeman reports on the unrest in Tunisia", "Matthew
    # Price reports from Mexico A 23-month-old ..."); a report's ", the BBC's Jim Muir reports
    # from neighbouring Lebanon." at a sentence's end is its correspondent's, not a promo
    r"|^(?:(?:The )?(?:BBC|CNN)(?:'s|’s| reporter| correspondent) )?(?:[A-Z][\w'’-]+ ){2,3}reports (?:on|from)\b"
)
# A page's headline run into its first sentence, which tells the same news again in other words:
# "Police raid Jackson doctor's home Drug police are searching the Las Vegas home of Michael
# Jackson's doctor ...", "Russia threatens UN veto over Syria resolution Russian UN envoy ...
# Russia has threatened to veto ...", "Saudi Arabia recalls ambassador to Syria Protests have
# continued ...", "BP CEO 'deeply sorry' for oil spill BP CEO Tony Hayward expresses ...". Where
# a word of the sentence (not a function word) runs into a capital with no full stop, the 4 to
# 20 words before it are such a headline if most of their content words
# (HEADLINE_ECHO, at least three) come again after it; a weekday or month after it is the
# sentence's own ("... was apparently restored Saturday morning, a day after ...").
_BOUNDARY = re.compile(r"(?<!\S)([\w'’\"”.-]*\w['’\"”]?) (?=[A-Z])(?!" + WEEKDAY_NAMES + r"\b|" + MONTH_NAMES + r"\b)")
#: The share of a headline's content words told again in the sentence after it (see _BOUNDARY).
HEADLINE_ECHO = 0.6
# A sentence that opens by referring back to one before it ("He says Mexico has 260 confirmed
# cases", "This was the first ...", "The 23-year-old man had arrived home ...", "The Mexican boy
# had arrived ...", "The spokesman was responding to ...") is not self-contained: whom or what it
# means is elsewhere.
_REFERS_BACK = re.compile(
    r"^(?:He|She|They|It|His|Her|Their|Its|This|These|Those|That|Such)\b"
    r"|^The (?:[\w-]+ )?(?:man|woman|boy|girl|child|teenager|couple|pair|spokesman|spokeswoman|spokesperson|patient|victim|suspect)\b"
)
# ... and so is one whose speaker is only a pronoun at its end: who "he" is was in the sentence
# before ("\"This country is our country,\" he said.", "..., and was isolated in a hospital ward,
# she added.", "\"I think ...,\" he told CNN after Trump's Helsinki summit.").
_SPEAKER_ELSEWHERE = re.compile(
    r"[,\"”] (?:he|she|they) (?:said|says|added|adds|told|tells|explained|continued|warned|insisted|noted)\b[^\"“”]{0,60}$"
)
# A word that opens a sentence by linking it to the one before ("But Obama said ...", "And a
# police detective testified ...", "Meanwhile, ...", "Then on Sunday tanks were sent ...") is left
# out of the text shown: under a date's heading there is no sentence before.
_LINK_TO_BEFORE = re.compile(
    r"^(?:(?:But|And|Also|Meanwhile|However|Yet|Then|Separately|Instead|Nevertheless|Moreover|Furthermore)\b"
    # "Earlier, the minister said ...", "Earlier Thad Allen warned ...": earlier than what the sentence
    # before told; not "Earlier this month", "Earlier Monday", which say when
    r"|Earlier(?=, \S|,? [A-Z])(?!,? (?i:this|that|in|on|today|yesterday|" + WEEKDAY_NAMES + r"|" + MONTH_NAMES + r")\b)),? (?=\S)"
)
# The time expression that dates a sentence to its key date says again what the date's heading
# says: it is left out of the text shown, with the words that go with it ("BP vowed Monday to
# pay" -> "BP vowed to pay", "filed late on Wednesday in court" -> "filed in court", "On
# Tuesday, police raided ..." -> "Police raided ..."). Only an expression that names the day (a
# weekday, a date, today, yesterday), never one counted from another ("two days later"), and
# never inside a quotation: what someone said is shown as said.
_DAY_NAME = re.compile(
    r"(?:(?:early|late) )?(?:"
    + WEEKDAY_NAMES + r"(?: (?:morning|afternoon|evening|night))?"  # Monday, Sunday night
    r"(?:,? (?:" + MONTH_NAMES + r"|" + ABBREVIATED_MONTH_NAMES + r") \d{1,2}(?:, \d{4})?)?"  # Wednesday, June 16
    r"|(?:" + MONTH_NAMES + r"|" + ABBREVIATED_MONTH_NAMES + r") \d{1,2}(?:, \d{4})?"  # April 20, Apr. 20, 2010
    r"|\d{1,2} " + MONTH_NAMES + r"(?: \d{4})?"  # 20 April 2010
    r"|today|yesterday)",
    re.IGNORECASE,
)
# ... the words before it that go with it: "on", "late on", "early", "earlier" ("BP said earlier
# Monday that ..." -> "BP said that ...")
_DAY_LEAD = re.compile(
    r"(?:^|(?<=\s))(?:(?:just|only|even) )?(?:(?:(?:early|late|earlier|later) )?on |(?:early|late|earlier|later) )$", re.IGNORECASE
)  # "returned to Egypt just on Thursday, appeared" -> "returned to Egypt, appeared"
# ... unless a preposition before it makes the day a bound: "had claimed until late on Thursday
# that" would lose its day and keep "until".
_BOUND_BEFORE = re.compile(r"\b(?:until|till|since|before|after|by|from|through|between)\s*$", re.IGNORECASE)
# ... and what makes it one end of a pair or a range, whose other end would be left alone.
_OTHER_END = re.compile(
    r" (?:and|or|to|through|until|till) (?:(?:early|late) )?(?:" + WEEKDAY_NAMES + r"|" + MONTH_NAMES + r"|\d|today|tomorrow|yesterday)|[-–—]\w"
)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@frozen
class KeySentence:
    """A sentence that tells what happened on a key date, with where it comes from."""

    #: What is shown under the date: the sentence without the time expression that dates it
    #: there ("BP vowed Monday to pay ..." -> "BP vowed to pay ...", under the Monday).
    text: str
    #: The id of the article it is taken from, and that article's source and address.
    article: str
    source: Optional[str] = None
    url: Optional[str] = None
    #: The sentence as the article gives it (a dateline or page stamp run into it cut).
    sentence: str = ""


@frozen
class KeyDate:
    """One key date of a story: the day, how much the articles make of it, and its sentences."""

    day: date
    #: The evidence for the day (see the module docstring); key dates are ranked by it.
    score: float
    sentences: tuple[KeySentence, ...]
    #: The sources of the articles that date an event to the day, sorted.
    sources: tuple[str, ...]


def key_dates(
    timeline: Timeline,
    dates: int,
    per_date: int = 1,
    *,
    start: Optional[date] = None,
    end: Optional[date] = None,
) -> tuple[KeyDate, ...]:
    """The ``dates`` best-supported days of ``timeline``, in date order, each with up to
    ``per_date`` sentences. Only days from ``start`` to ``end`` (both included) when given."""
    if not isinstance(timeline, Timeline):
        raise InvalidArgumentError(f"key dates are chosen from a Timeline, not {type(timeline).__name__}")
    for name, count in (("dates", dates), ("per_date", per_date)):
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise InvalidArgumentError(f"{name} must be a whole number of at least 1, got {count!r}")
    articles = {a.id: a for a in timeline.articles}
    by_day = _mentions_by_day(timeline.mentions, start, end)
    days_named = _days_named(timeline.mentions)
    story = _Centroid(_told(m.sentence.text) for mentions in by_day.values() for m in mentions)
    candidates = {day: _candidates(mentions) for day, mentions in by_day.items()}
    nearness = [story.nearness(text) for texts in candidates.values() for text in texts]
    median = statistics.median_high(nearness) if nearness else 0.0

    def day_score(day: date) -> float:
        # the evidence, and how near the story the day's best sentence is (in medians): a day
        # whose mentions all come from another story on the page, or a schedule, tells less
        best = max((story.nearness(text) for text in candidates[day]), default=0.0)
        return _day_score(day, by_day[day], articles) + (STORY_EVIDENCE * best / median if median else 0.0)

    scored = sorted(((day_score(day), day) for day in by_day), key=lambda x: (-x[0], x[1]))
    result: list[KeyDate] = []
    used: set[str] = set()  # a sentence tells one key date: the best-supported day it dates (as printed, and as shown)
    for score, day in scored:
        if len(result) == dates:
            break
        mentions = by_day[day]
        sentences = _best_sentences(candidates[day], per_date, articles, used, story, median, days_named)
        if not sentences:
            continue  # nothing left to tell of it that another key date does not: the next day
        used.update(text for s in sentences for text in (s.sentence, s.text))
        sources = sorted({articles[m.article].source or m.article for m in mentions if m.article in articles})
        result.append(KeyDate(day, round(score, 3), sentences, tuple(sources)))
    return tuple(sorted(result, key=lambda key: key.day))


def _day_of(mention: Mention) -> Optional[date]:
    """The one day the mention is dated to (a day, or a time of it); None for a longer date."""
    when = mention.when
    return when.start if when is not None and when.start is not None and when.start == when.end else None


def _tells_of_its_day(mention: Mention) -> bool:
    """Is the mention evidence that something happened on its day? Not an attribution ("officials
    said on Saturday" dates a saying), nor a report dated only by when it was said."""
    if mention.attribution_of is not None:
        return False
    return not (mention.status is Status.REPORTED and mention.dated_by == "discourse")


def _mentions_by_day(mentions: Iterable[Mention], start: Optional[date], end: Optional[date]) -> dict[date, list[Mention]]:
    by_day: dict[date, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if not _tells_of_its_day(mention):
            continue
        day = _day_of(mention)
        if day is None or (start is not None and day < start) or (end is not None and day > end):
            continue
        by_day[day].append(mention)
    return by_day


def _days_named(mentions: Iterable[Mention]) -> dict[tuple[str, int], set[date]]:
    """The days each sentence names (by its article and where it starts): the days its time
    expressions date events to."""
    named: dict[tuple[str, int], set[date]] = defaultdict(set)
    for mention in mentions:
        day = _day_of(mention)
        if mention.dated_by == "text" and day is not None:
            named[mention.article, mention.sentence.start].add(day)
    return named


def _published(mention: Mention) -> Optional[date]:
    try:
        return date.fromisoformat(mention.published[:10]) if mention.published else None
    except ValueError:
        return None


def _day_score(day: date, mentions: list[Mention], articles: dict[str, ArticleInfo]) -> float:
    referring: dict[str, float] = {}
    reporting: set[str] = set()
    for mention in mentions:
        published = _published(mention)
        if mention.dated_by == "published":
            reporting.add(mention.article)
            continue
        weight = 1.0 + (LATER_WEIGHT if published is not None and published > day else 0.0)
        referring[mention.article] = max(referring.get(mention.article, 0.0), weight)
    return sum(referring.values()) + REPORT_WEIGHT * len(reporting - set(referring))


# A story's mentions share sentences, and its timelines share articles: each sentence is cleaned,
# cut of what ran into it and read once (pure functions of the text).
_TEXT_CACHE = 1 << 16


@functools.lru_cache(maxsize=_TEXT_CACHE)
def _clean(sentence: str) -> str:
    """The sentence without a dateline, page stamp, update stamp, bullet or broken bracket before it."""
    text = " ".join(sentence.split())
    text = _AGENCY_DATELINE.sub("", text, count=1)
    text = _DATELINE.sub("", text, count=1)
    text = _AGENCY_MARK.sub("", text, count=1)
    text = _HEADLINE_STAMP.sub("", text, count=1)
    text = _PAGE_STAMP.sub("", text, count=1)
    text = _UPDATE_STAMP.sub("", text, count=1)
    text = _BULLET.sub("", text, count=1)
    return _mended(text)


def _told(sentence: str) -> str:
    """What of a sentence as the reading split it tells the story: cleaned (:func:`_clean`), and
    without a caption or heading run into it (:func:`_after_run_in`)."""
    return _after_run_in(_clean(sentence))


@functools.lru_cache(maxsize=_TEXT_CACHE)
def _readable_sentence(cleaned: str) -> Optional[str]:
    """The sentence a reader can be shown of a cleaned one (:func:`_clean`), without what ran into
    it (:func:`_after_run_in`), or None if it does not read as one (:func:`_readable`), or if
    what ran into it was a page's furniture (a schedule's credits, a page stamp): what follows
    those is a schedule's listing as often as a report."""
    text = _after_run_in(cleaned)
    if text != cleaned and _furnished(cleaned):
        return None
    return text if _readable(text) else None


@functools.lru_cache(maxsize=_TEXT_CACHE)  # asked by the story's centroid and by the candidates
def _after_run_in(text: str) -> str:
    """The sentence that a caption or heading ran into with no full stop, without them: "Fans
    marked a year since the death The singer's father has filed a lawsuit ..." -> "The singer's
    father has filed a lawsuit ..." (see ``_RUN_IN``), "... via AP Oil giant BP told ..." -> "Oil
    giant BP told ..." (``_CREDIT``). Not a video's promo ("... Watch two
    families tell ..."), which is no sentence of the report."""
    stop = function_words()
    openings = [m.start("opener") for m in _RUN_IN.finditer(text) if m.group("before") not in stop and m.group("opener") != "Watch"]
    openings += [m.end() for m in _CREDIT.finditer(text)]
    openings += [m.end() for m in _SPEAKER_CAPTION.finditer(text)]
    return text[max(openings) :] if openings else text


def _mended(text: str) -> str:
    """The sentence without the broken end of a bracket or quotation its splitting left at its
    start ("Cairo, 4:05 p.m. ET) Egyptian President ...", '" Protesters ...')."""
    depth = 0
    for index, char in enumerate(text[:80]):
        depth += char == "("
        if char == ")":
            depth -= 1
            if depth < 0:  # closes a bracket opened in the sentence before
                text = text[index + 1 :].lstrip()
                break
    if text[:1] in "\"“”" and _quote_marks(text) % 2 == 1:
        text = text[1:].lstrip()  # a quotation's closing mark, left at the start
    return text


def _shown(text: str, mention: Mention) -> str:
    """What a reader is shown of a chosen sentence: without the time expression that dates it to
    its key date, nor an agency's stock tickers."""
    return _TICKER.sub("", _without_its_day(_unlinked(text), mention))


def _unlinked(text: str) -> str:
    """The sentence without a word that links it to the one before ("But Obama said ..." ->
    "Obama said ..."; see ``_LINK_TO_BEFORE``)."""
    link = _LINK_TO_BEFORE.match(text)
    if link is None or not text[link.end()].isalpha():
        return text
    return text[link.end()].upper() + text[link.end() + 1 :]


def _without_its_day(text: str, mention: Mention) -> str:
    """The sentence without the time expression that dates it to its key date (see
    ``_DAY_NAME``); the sentence as it is where that would not leave a whole one."""
    expression = " ".join((mention.time_text or "").split())
    if mention.dated_by != "text" or not _DAY_NAME.fullmatch(expression):
        return text
    found = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(expression) + r"(?!\w)", text)]
    if len(found) != 1:
        return text  # not in the sentence, or twice: which one dates it is not known
    start, end = found[0], found[0] + len(expression)
    if any(q.start() <= start < q.end() for q in _QUOTATION.finditer(text)):
        return text
    if re.match(r"['’]s\b", text[end:]):
        return text  # a possessive: "before Friday's announcement"
    if text[:start].strip() and _OTHER_END.match(text, end):
        return text  # one end of a pair or a range: "thrown Wednesday night and Thursday morning", "May 8-10"
    lead = _DAY_LEAD.search(text[:start])
    if lead is not None:
        start = lead.start()
        if _BOUND_BEFORE.search(text[:start]):
            return text
    elif not text[:start].strip():
        # opening the sentence bare, it is set off ("May 8 - BP ...", "Tuesday, police ..."), or
        # it is the subject ("Friday was the bloodiest day")
        if not re.match(r" ?[-–—,]", text[end:]):
            return text
    else:
        # bare, it goes only as an adjunct after a word of the sentence ("vowed Monday to pay"),
        # not as its subject ("Friday was ...") nor after another preposition ("since 13 April")
        before = re.search(r"([A-Za-z]+),? $", text[:start])
        if before is None or before.group(1).lower() in function_words():
            return text
    head, tail = text[:start].rstrip(), text[end:]
    if not head:  # it opened the sentence: "On Tuesday, police ...", a chronology's "May 8 - BP ..."
        tail = tail.lstrip(" ,-–—")
        return tail[0].upper() + tail[1:] if tail[:1].isalpha() else text
    if head.endswith(",") and (tail.startswith(",") or re.match(r"[.;:!?]", tail)):
        head = head[:-1]  # ", on Friday, said" -> ", said"; "killed, on Friday." -> "killed."
    return head + tail if re.match(r"[,.;:!?)]", tail) or not tail else head + " " + tail.lstrip()


def _readable(text: str) -> bool:
    """Is the sentence one a person reads as it is: whole (not the lead-in to a quotation or list
    after it), a statement, no page furniture, no caption or heading run into it, no list
    ("Mexico: 103 dead - 20 confirmed United States: ..."), the words of a reporter, not of a
    speaker in a transcript."""
    if not _whole(text) or text.endswith(("?", ":")) or text.count(":") > 1:  # a question; what a colon opens is missing
        return False
    if _TWO_SENTENCES.search(text) or _glued_after_quotation(text):
        return False
    if _furnished(text) or _repeated(text) or _CAPTION.search(text):
        return False
    if _SPOKEN.search(_QUOTATION.sub(" ", text)) or _headline_run_in(text):
        return False
    stop = function_words()
    return not any(m.group("before") not in stop for m in _RUN_IN.finditer(text))


def _repeated(text: str) -> bool:
    """Is a run of four words or more printed twice in a row (see ``_REPEATED``)? Such a run
    repeats a four-word sequence, so the costly pattern runs only where one does."""
    words = re.findall(r"\w+", text)
    grams = [tuple(words[i : i + 4]) for i in range(len(words) - 3)]
    return len(set(grams)) < len(grams) and _REPEATED.search(text) is not None


def _glued_after_quotation(text: str) -> bool:
    """Does a quotation with no stop end one sentence that another runs on from (see
    ``_AFTER_QUOTATION``)? Only a closing mark counts: an even number of marks up to it."""
    stop = function_words()
    return any(
        _quote_marks(text[: mark.start() + 1]) % 2 == 0 and mark.group(1).lower() in stop
        for mark in _AFTER_QUOTATION.finditer(text)
    )


def _furnished(text: str) -> bool:
    """Does page furniture run into the sentence: a comment's stamp, credits, a byline, a page
    stamp, a banner in capitals?"""
    return bool(_FURNITURE.search(text) or _PAGE_OPENING.search(text) or _CAPITALS.search(text))


def _stands_alone(text: str) -> bool:
    """Does the sentence say whom it means without the sentence before it?"""
    return not (_REFERS_BACK.match(text) or _SPEAKER_ELSEWHERE.search(text))


def _headline_run_in(text: str) -> bool:
    """Does a page's headline run into the sentence (see ``_BOUNDARY``)?"""
    stop = function_words()
    for boundary in _BOUNDARY.finditer(text):
        if boundary.group(1).strip("'’\"”").lower() in stop:
            continue  # "at The Hague", "to President Assad": the sentence goes on
        headline, rest = text[: boundary.end(1)], text[boundary.end() :]
        words = len(headline.split())
        if words > 20 or "," in headline:
            break  # a headline is shorter, and has no comma
        if words < 4 or len(rest.split()) < MIN_WORDS:
            continue
        told = _stems(headline)
        again = told & _stems(rest)
        if len(told) >= 3 and len(again) >= 3 and len(again) >= HEADLINE_ECHO * len(told):
            return True
    return False


def _stems(text: str) -> set[str]:
    """Content words cut to five letters: "recalls" and "recalling", "Jackson" and "Jackson's" meet."""
    return {word[:5] for word in _words(text)}


def _whole(text: str) -> bool:
    """Brackets and quotation marks that open and close within the sentence: a reader never
    meets half of one."""
    depth = 0
    for char in text:
        depth += (char == "(") - (char == ")")
        if depth < 0:
            return False
    return depth == 0 and _quote_marks(text) % 2 == 0


def _quote_marks(text: str) -> int:
    return text.count('"') + text.count("“") + text.count("”")


def _words(text: str) -> list[str]:
    stop = function_words()
    return [w for w in _WORD.findall(text.lower()) if w not in stop and not w.isdigit()]


class _Centroid:
    """What a set of sentences shares: each sentence's content words weighted by how rare they
    are among the sentences, and the sum of those vectors. The day's sentences give the
    centroid of what happened that day; the whole story's, a sentence's nearness to the story
    (not to what else an article printed that day: another story, a page's promos)."""

    def __init__(self, sentences: Iterable[str]) -> None:
        bags = {text: Counter(_words(text)) for text in dict.fromkeys(sentences)}
        frequency = Counter(word for bag in bags.values() for word in bag)
        weights = {word: math.log(1 + len(bags) / count) for word, count in frequency.items()}
        self.vectors = {text: {w: c * weights[w] for w, c in bag.items()} for text, bag in bags.items()}
        self.centroid: Counter = Counter()
        for vector in self.vectors.values():
            self.centroid.update(vector)
        self._centroid_norm = math.sqrt(sum(v * v for v in self.centroid.values()))
        self._nearness: dict[str, float] = {}  # asked again for every sentence: a story's centroid is long

    def nearness(self, text: str) -> float:
        if text not in self._nearness:
            self._nearness[text] = _cosine(self.vectors[text], self.centroid, self._centroid_norm)
        return self._nearness[text]

    def similarity(self, first: str, second: str) -> float:
        return _cosine(self.vectors[first], self.vectors[second])


def _candidates(mentions: Iterable[Mention]) -> dict[str, Mention]:
    """The sentences that may tell the day (cleaned, of a readable length, read as they are),
    each with the first mention found in it."""
    candidates: dict[str, Mention] = {}
    for mention in sorted(mentions, key=lambda m: (m.dated_by == "published", m.article, m.sentence.start)):
        cleaned = _clean(mention.sentence.text)
        text = _readable_sentence(cleaned)
        if text is None or not MIN_WORDS <= len(text.split()) <= MAX_WORDS or text in candidates:
            continue
        if text != cleaned and not _told_in(text, mention):
            continue  # the event, or what dates it, was in a caption or heading run into the sentence
        candidates[text] = mention
    return candidates


def _told_in(text: str, mention: Mention) -> bool:
    """Are the mention's clause and, if the text dates it, its time expression in ``text``?"""
    offset = mention.sentence.start
    clause = " ".join(mention.sentence.text[mention.start - offset : mention.end - offset].split())
    return clause in text and (mention.dated_by != "text" or not mention.time_text or " ".join(mention.time_text.split()) in text)


def _best_sentences(
    all_candidates: dict[str, Mention],
    per_date: int,
    articles: dict[str, ArticleInfo],
    used: set[str],
    story: _Centroid,
    median: float,
    days_named: Optional[Mapping[tuple[str, int], set[date]]] = None,
) -> tuple[KeySentence, ...]:
    """The day's ``per_date`` best sentences; ``median`` is the story's median candidate's nearness to it,
    ``days_named`` the days each sentence names (see :func:`_days_named`)."""
    candidates = {t: m for t, m in all_candidates.items() if t not in used and story.nearness(t) >= OFF_STORY * median}
    if not candidates:
        return ()
    day = _Centroid(candidates)
    named_by_sentence = days_named or {}

    def unsure_of_its_day(text: str) -> bool:
        # dated to it only through another sentence ("The search was called off hours later"), or
        # naming another day ("... new estimates released Thursday" under the Wednesday it was
        # published tells of the Thursday)
        mention = candidates[text]
        if mention.dated_by == "discourse":
            return True
        named = named_by_sentence.get((mention.article, mention.sentence.start), set())
        return bool(named) and _day_of(mention) not in named

    # near enough the story first, then those that stand alone, then those sure of their day;
    # within each, nearest the day's and the story's sentences
    ranked = sorted(
        candidates,
        key=lambda t: (
            story.nearness(t) < STORY_FLOOR * median,
            not _stands_alone(t),
            unsure_of_its_day(t),
            -(day.nearness(t) + STORY_WEIGHT * story.nearness(t) - _length_cost(t)),
            t,
        ),
    )
    chosen: list[str] = []
    result = []
    for text in ranked:
        mention = candidates[text]
        shown = _shown(text, mention)
        if shown not in used and all(day.similarity(text, other) < REDUNDANCY for other in chosen):
            chosen.append(text)
            info = articles.get(mention.article)
            result.append(KeySentence(shown, mention.article, info.source if info else None, info.url if info else None, sentence=text))
        if len(chosen) == per_date:
            break
    return tuple(result)


def _length_cost(text: str) -> float:
    """How much nearness a sentence gives up for its length (see ``FULL_LENGTH``)."""
    return LENGTH_WEIGHT * abs(len(text.split()) - FULL_LENGTH) / FULL_LENGTH


def _cosine(first: Mapping[str, float], second: Mapping[str, float], second_norm: Optional[float] = None) -> float:
    norm = math.sqrt(sum(v * v for v in first.values())) * (second_norm if second_norm is not None else math.sqrt(sum(v * v for v in second.values())))
    if len(first) > len(second):
        first, second = second, first  # the dot product walks the shorter
    dot = sum(value * second.get(word, 0.0) for word, value in first.items())
    return dot / norm if norm else 0.0
