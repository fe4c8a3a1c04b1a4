"""When two mentions can be one real-world event, and how strongly the text says they are.

Evidence, all of it general (no list of event kinds is needed; the lexicon's classes are only a
prior):

- **the predicate**: the same word or a derived form of it ("launch" / "launched", "resignation"
  / "resigned", "found guilty" / "conviction": :func:`timeline.events.root`), or one class of the
  lexicon's prior ("bombing" / "blasts"). Reporting verbs ("said") are no evidence: what was
  said is.
- **the words**: the clauses' content words, each weighted by how specific it is in the
  articles being merged (inverse document frequency over their articles, as
  timeline-summarisation systems weight words: "Smith", in every article, counts little,
  "hydrogen leak" much), and the words of their sentences.
- **the day**: two mentions dated to one day (or one week) in a story report one event of that
  day unless something tells them apart.

Constraints no evidence overrides (:func:`compatible`): dates that do not overlap; two clauses of
one sentence (a sentence that names two events names two events), or told to happen together
("on the same day that"); one predicate with two named
doers of one kind ("Brown resigned" / "Jones resigned"), numbered apart ("the first ballot"
/ "the second ballot") or asserted in one and denied in the other ("gave an opening statement" / "did not give a closing statement"); related
predicates whose named participants of one kind all differ ("the 2016 U.S. election" / "the
Ukrainian elections"); a plan told in an article published after another told it done.
:mod:`.cluster` checks the dates, the doers, denial and the plan/done bounds for whole groups.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date, timedelta
from typing import Iterable, Optional, Sequence

from attrs import Factory, field, frozen

from ..lexicon import CLOCK_MINUTES, PART_OF_DAY_MINUTES, REPORTING_VERBS, STATEMENT_NOUNS, STATEMENT_VERBS
from ..model import Mention, Status, TimeValue
from .names import names_match

__all__ = [
    "PUBLISHED_WINDOW",
    "Profile",
    "Settings",
    "Weights",
    "compatible",
    "dates_compatible",
    "different_counts",
    "different_doers",
    "different_ordinals",
    "different_times",
    "is_leaf",
    "named_apart",
    "named_participants",
    "related_predicates",
    "same_speaker",
    "time_of_day",
    "told_apart",
]

#: An event told in the present perfect ("has been sworn in") with no date of its own happened
#: within this many days before its article was published (as far as merging is concerned).
PUBLISHED_WINDOW = 7


@frozen
class Settings:
    """The merge's thresholds.

    Chosen on the news-dev stories and checked leave one story out (chosen on three stories,
    scored on the fourth): ``benchmarks/news.py --loso``, ``docs/accuracy.md``.
    """

    #: Two mentions with one predicate, not both dated, are one event when the rest of their
    #: clauses' words overlap at least this much (IDF cosine), or when one article tells both.
    content: float = 0.1
    #: Two mentions of one day are one event when their sentences' words overlap more than this.
    day: float = 0.0
    #: ... counted also for two mentions of one article (False: only across articles; one
    #: article telling of several events of one day tells them apart).
    day_in_one_article: bool = False


def dates_compatible(first: Optional[TimeValue], second: Optional[TimeValue]) -> bool:
    """Undated fits anything; dated values must overlap (2018-W31 and 2018-08-02 do)."""
    if first is None or second is None or first.start is None or second.start is None:
        return True
    assert first.end is not None and second.end is not None
    return first.start <= second.end and second.start <= first.end


_TIME = re.compile(r"T(?:(\d{2}):(\d{2})|(MO|MI|AF|EV|NI|DT))")


def time_of_day(value: Optional[TimeValue]) -> Optional[tuple[date, int, int]]:
    """The day and the range of its minutes a time gives: ``2018-08-24T11:30`` -> (24 Aug,
    676, 704), ``2018-08-24TMO`` -> (24 Aug, 300, 719); None for a date without a time."""
    if value is None or value.start is None or value.start != value.end:
        return None
    found = _TIME.search(value.value)
    if found is None:
        return None
    if found.group(3):
        first, last = PART_OF_DAY_MINUTES[found.group(3)]
    else:
        minute = int(found.group(1)) * 60 + int(found.group(2))
        first, last = minute - CLOCK_MINUTES, minute + CLOCK_MINUTES
    return value.start, first, last


def different_times(first: Optional[tuple[date, int, int]], second: Optional[tuple[date, int, int]]) -> bool:
    """Two times of one day that cannot meet: "Friday morning" / "midday on Friday"."""
    if first is None or second is None or first[0] != second[0]:
        return False
    # a night or a time after midnight may be the other's night: compare a day later too
    return not any(first[1] + a <= second[2] + b and second[1] + b <= first[2] + a for a in (0, 1440) for b in (0, 1440))


def _precise(value: Optional[TimeValue]) -> bool:
    """Dated to a week or finer: a date that few unrelated events share."""
    return value is not None and value.start is not None and value.end is not None and (value.end - value.start).days <= 7


# What kind of doer a named entity is: a person and an organisation may be one doer (an official
# acts for it); two people, or two organisations, are two.
_KINDS = {"PERSON": "person", "ORG": "group", "GPE": "group", "NORP": "group", "FAC": "place", "LOC": "place", "PRODUCT": "thing"}


def _doer(mention: Mention) -> tuple[Optional[str], Optional[str]]:
    """Who does or says it, and what kind of doer that is (None for a common noun phrase)."""
    doer = next((p for p in mention.participants if p.role == "doer"), None)
    if doer is not None:
        return doer.name, _KINDS.get(doer.label or "", None)
    if mention.speaker:
        return mention.speaker, "person"
    return None, None


@frozen
class Profile:
    """What comparing a mention with others reads, computed once per mention."""

    key: tuple[str, int, int, str]
    refers_to: Optional[tuple[str, int, int, str]]
    attribution_of: Optional[tuple[str, int, int, str]]
    article: str
    sentence: tuple[int, int]
    published: Optional[date]
    #: The calendar date the text gives (None: undated, or dated by its publication only).
    when: Optional[TimeValue]
    #: The range of days it can be on (for a date by publication: the days before it).
    start: Optional[date]
    end: Optional[date]
    precise: bool
    status: Status
    root: str
    predicates: frozenset[str]
    words: frozenset[str]
    context: frozenset[str]
    doer: Optional[str]
    doer_kind: Optional[str]
    #: To whom or what it is done: (name or noun phrase, kind) of each object.
    objects: tuple[tuple[str, Optional[str]], ...]
    #: Its other named participants (places, organisations, people): (name, kind).
    others: tuple[tuple[str, Optional[str]], ...]
    #: A reporting clause ("Ms Jones said"): its verb is no evidence of anything.
    report: bool
    #: Something said: a report, a statement verb or noun ("announced", "the announcement").
    statement: bool
    #: Can join a group, never hold two together (see :func:`is_leaf`).
    leaf: bool
    #: The mentions the text says happened at the same time: other events.
    together: frozenset[tuple[str, int, int, str]]
    #: Which of several events of its kind the text says it is ("the second ballot": 2).
    ordinal: Optional[int]
    #: ``words | context``, made once (a frozenset keeps its hash: cheap to look up).
    sentence_words: frozenset[str]
    #: The day and the minutes of it the text gives ("at 11.30am on Friday", "Friday morning").
    clock: Optional[tuple[date, int, int]] = None
    #: Nothing but the event and its date: no doer, object or named participant, two content
    #: words or fewer ("Friday's decision", "halted today's launch").
    bare: bool = False
    #: A plan told as made in the past ("decided to ban"): it may be done by its publication.
    planned_in_past: bool = False
    #: How many its doers or objects number ("three people have died": 3).
    count: Optional[int] = None
    #: The time expression that dates it, when the article's publication date is unknown and so
    #: is the date ("on Monday", "last month"): two such, different, in one article are two times.
    unknown_time: Optional[str] = None
    #: Its named doer, objects and others with their kinds (:func:`named_participants`), made
    #: once from them: a story of a thousand articles compares each mention with hundreds of others.
    named: tuple[tuple[str, str], ...] = field(init=False, default=Factory(lambda self: _named(self), takes_self=True))

    @classmethod
    def of(cls, mention: Mention) -> "Profile":
        when = mention.when
        start, end = (when.start, when.end) if when is not None and when.start is not None else (None, None)
        if mention.dated_by == "published" and start is not None:
            # "has been sworn in", published that day: done within the days before it
            # (never before year 1: a page dated 0001-01-01 must still build)
            start, when = start - timedelta(days=min(PUBLISHED_WINDOW, start.toordinal() - 1)), None
        predicates = frozenset(mention.stems or (mention.event,))
        words = frozenset(mention.keywords) | predicates
        return cls(
            mention.key,
            mention.refers_to,
            mention.attribution_of,
            mention.article,
            (mention.sentence.start, mention.sentence.end),
            date.fromisoformat(mention.published[:10]) if mention.published else None,
            when if start is not None else None,
            start,
            end,
            _precise(when),
            mention.status,
            mention.stems[0] if mention.stems else mention.event,
            predicates,
            words,
            frozenset(mention.context) - words,
            *_doer(mention),
            tuple((p.name, _KINDS.get(p.label or "", None)) for p in mention.participants if p.role == "object"),
            tuple((p.name, _KINDS[p.label]) for p in mention.participants if p.role == "other" and p.label in _KINDS),
            mention.lemma in REPORTING_VERBS,
            mention.lemma in REPORTING_VERBS or bool(predicates & STATEMENTS),
            is_leaf(mention, words),
            frozenset(mention.together_with),
            mention.ordinal,
            words | frozenset(mention.context),
            time_of_day(when) if start is not None and start == end else None,
            _bare(mention, words),
            mention.planned_in_past,
            mention.count,
            _unknown_time(mention),
        )

    @property
    def negated(self) -> bool:
        return self.status is Status.NEGATED

    @property
    def one_day(self) -> bool:
        """Dated by its text to a single day (or a time of it)."""
        return self.when is not None and self.start is not None and self.start == self.end


_DEFINITE = ("the ", "a ", "an ", "this ", "that ", "its ", "his ", "her ", "their ")
# Predicates of saying: two of them by one speaker in one article are one statement.
STATEMENTS = frozenset(REPORTING_VERBS | STATEMENT_VERBS | STATEMENT_NOUNS | {"remark", "comment", "announce", "state", "speak", "speech"})


def is_leaf(mention: Mention, words: Optional[frozenset[str]] = None) -> bool:
    """A mention too bare to hold a group together: undated, and two content words or fewer, or
    a bare event noun with no named participant ("the outbreak", "the bombings"). It joins the
    group of the mention most like it, but never links two groups."""
    if mention.when is not None and mention.when.start is not None:
        return False
    words = words if words is not None else frozenset(mention.keywords) | frozenset(mention.stems)
    if len(words) <= 2:
        return True
    noun = mention.lemma in (mention.trigger.lower(), mention.trigger.lower().rstrip("s"))
    named = any(p.label for p in mention.participants)
    return noun and not named and mention.summary.lower().startswith(_DEFINITE)


def _bare(mention: Mention, words: frozenset[str]) -> bool:
    named = any(p.label for p in mention.participants)
    acting = any(p.role in ("doer", "object") for p in mention.participants)
    return len(words) <= 2 and not named and not acting and not (words & STATEMENTS)


#: A word in at least this share of a story's articles, and in at least ``STORY_WIDE_ARTICLES``
#: of them, is the story's own ("oil", "Gulf", "rig" in a thousand reports of a spill): two
#: undated clauses that share only such words share nothing that says they tell one event.
STORY_WIDE_SHARE = 0.1
STORY_WIDE_ARTICLES = 50


class Weights:
    """Inverse document frequency of words over the articles being merged."""

    def __init__(self, profiles: Iterable[Profile]) -> None:
        by_article: dict[str, set[str]] = {}
        for profile in profiles:
            by_article.setdefault(profile.article, set()).update(profile.sentence_words)
        counts: Counter[str] = Counter(word for words in by_article.values() for word in words)
        self.articles = max(1, len(by_article))
        self.idf = {word: math.log(1 + self.articles / count) for word, count in counts.items()}
        #: The weight of a word found in one article only: the most specific.
        self.top = math.log(1 + self.articles)
        #: The words of the whole story (see STORY_WIDE_SHARE): none at the scale of a few
        #: dozen articles, where every shared word still counts.
        least = max(STORY_WIDE_ARTICLES, STORY_WIDE_SHARE * self.articles)
        self.story_wide = frozenset(word for word, count in counts.items() if count >= least)
        self._norms: dict[frozenset[str], float] = {}
        # each word's weight squared, computed once: cosines and norms sum them millions of times
        # on a story of a thousand articles (the same values ``weight(w) ** 2`` gives)
        self._squares = {word: weight**2 for word, weight in self.idf.items()}
        self._top_square = self.top**2

    def weight(self, word: str) -> float:
        return self.idf.get(word, self.top)

    # The sums below are exact (math.fsum): a set iterates in an order that follows the process's
    # hash seed, and a float sum in that order differs in its last bits from one run to another,
    # enough to break a near-tie between two links one way or the other.
    def norm(self, words: frozenset[str]) -> float:
        found = self._norms.get(words)
        if found is None:
            squares, top = self._squares, self._top_square
            found = self._norms[words] = math.sqrt(math.fsum([squares.get(w, top) for w in words]))
        return found

    def specific(self, words: frozenset[str]) -> frozenset[str]:
        """The words that can tell one event of the story from another (not story-wide)."""
        return words - self.story_wide if self.story_wide else words

    def cosine(self, first: frozenset[str], second: frozenset[str]) -> float:
        shared = first & second
        if not shared:
            return 0.0
        squares, top = self._squares, self._top_square
        return math.fsum([squares.get(w, top) for w in shared]) / (self.norm(first) * self.norm(second))


def related_predicates(first: Profile, second: Profile) -> bool:
    """One predicate, a derived form of it, or one class of the lexicon ("resigned" /
    "resignation", "bombing" / "blasts"); a reporting verb relates to nothing."""
    if first.report or second.report:
        return False
    return first.root == second.root or bool(first.predicates & second.predicates)


def different_objects(first: Profile, second: Profile) -> bool:
    """Both say to what or whom of one kind it is done, and it is not the same ("blamed
    tomatoes" / "blaming peppers"): names of one kind must match, noun phrases share a word.
    Objects of different kinds tell nothing ("beaten Peter Brown" / "won the vote")."""
    compared = False
    for a, kind_a in first.objects:
        for b, kind_b in second.objects:
            if kind_a != kind_b:
                continue
            compared = True
            if names_match(a, b) or set(a.lower().split()) & set(b.lower().split()):
                return False
    return compared


def named_participants(profile: Profile) -> tuple[tuple[str, str], ...]:
    """Its named doer, objects and others, each with its kind."""
    return profile.named


def _named(profile: Profile) -> tuple[tuple[str, str], ...]:
    everyone = profile.objects + profile.others + ((profile.doer, profile.doer_kind),)
    return tuple((name, kind) for name, kind in everyone if name and kind is not None)


def different_participants(first: Profile, second: Profile) -> bool:
    """Both name participants of one kind (doer, objects or others), and none of them is the
    same: "the 2016 U.S. election" / "the Ukrainian elections", "travel to Russia" / "visit the
    U.S."; the doer counts, so "Trump's Helsinki summit" meets "Donald Trump sided with Putin at
    a summit"."""
    return named_apart(named_participants(first), named_participants(second))


def named_apart(first: Sequence[tuple[str, str]], second: Sequence[tuple[str, str]]) -> bool:
    """Both lists name participants of one kind, and not one name is in both (the names of two
    mentions, or of two groups' mentions of one predicate)."""
    compared = False
    for a, kind_a in first:
        for b, kind_b in second:
            if kind_a == kind_b:
                compared = True
                if names_match(a, b):
                    return False
    return compared


def _unknown_time(mention: Mention) -> Optional[str]:
    if mention.when is not None or not mention.time_text:
        return None
    return " ".join(mention.time_text.lower().split())


def apart_in_time(first: Profile, second: Profile) -> bool:
    """One article of unknown date dates the two by different expressions ("the committee met
    on Monday" / "met last month"): whatever day those are, they are two."""
    return first.article == second.article and first.unknown_time is not None and second.unknown_time is not None and first.unknown_time != second.unknown_time


def told_apart(first: Profile, second: Profile) -> bool:
    """Two mentions of one predicate that cannot be one event: two named doers of one kind
    ("Brown resigned" / "Jones resigned"), asserted and denied ("gave" / "did not give"),
    numbered ("the first" / "the second ballot") or counted ("three" / "16 people have died")
    apart."""
    return different_doers(first, second) or first.negated != second.negated or different_ordinals(first, second) or different_counts(first, second)


def different_counts(first: Profile, second: Profile) -> bool:
    """Numbered differently: "three people have died" / "at least 16 people have died" are a
    death toll on two days, not one report."""
    return first.count is not None and second.count is not None and first.count != second.count


def different_ordinals(first: Profile, second: Profile) -> bool:
    """Numbered as two of a kind: "the first ballot" / "the second leadership ballot"."""
    return first.ordinal is not None and second.ordinal is not None and first.ordinal != second.ordinal


def same_speaker(first: Profile, second: Profile) -> bool:
    """Both say something, and the same named person or organisation says it."""
    if not (first.statement and second.statement) or not first.doer or not second.doer:
        return False
    if first.doer_kind is None or second.doer_kind is None:
        return False
    return names_match(first.doer, second.doer)


def different_doers(first: Profile, second: Profile) -> bool:
    """Two named doers of one kind that are not one: "Brown" / "Jones". A person and an
    organisation may be one doer (an official acts for it); common nouns ("investigators",
    "German authorities") name the same doers in too many ways to tell them apart."""
    if not first.doer or not second.doer or first.doer_kind is None or first.doer_kind != second.doer_kind:
        return False
    return not names_match(first.doer, second.doer)


def _ranges_meet(first: Profile, second: Profile) -> bool:
    if first.start is None or second.start is None or first.end is None or second.end is None:
        return True
    return first.start <= second.end and second.start <= first.end


def _planned_after_done(planned: Profile, done: Profile) -> bool:
    """Told as still to come in an article published after another told it done: two events
    ("to meet Trump in Washington" on 6 August, "Trump's Helsinki summit" on 3 August)."""
    if planned.status is not Status.PLANNED or done.status is not Status.HAPPENED or planned.when is not None or done.when is not None:
        return False
    if planned.planned_in_past:
        return False  # "decided to ban": planned before it was told, perhaps done by then
    return planned.published is not None and done.published is not None and planned.published > done.published


def linked(first: Profile, second: Profile) -> bool:
    """The text ties them: an attribution and what it reports, an anaphor and what it refers to."""
    return (
        first.attribution_of == second.key
        or second.attribution_of == first.key
        or first.refers_to == second.key
        or second.refers_to == first.key
    )


def compatible(first: Profile, second: Profile) -> bool:
    """Could the two be one event, whatever else they share?"""
    if linked(first, second):
        return True  # (whatever the dates: an attribution is dated by its saying)
    if not _ranges_meet(first, second):
        return False
    if first.article == second.article and first.sentence == second.sentence:
        return False  # two clauses of one sentence: two events
    if first.key in second.together or second.key in first.together:
        return False  # "on the same day that": told as two events
    if different_times(first.clock, second.clock):
        return False  # "the board met on Friday morning" / "the vote at midday on Friday"
    if apart_in_time(first, second):
        return False  # an article of unknown date: "met on Monday" / "met last month"
    if first.root == second.root and told_apart(first, second):
        return False  # "Brown resigned" / "Jones resigned"; "gave" / "did not deliver"; "first" / "second ballot"; "three" / "16 people have died"
    if related_predicates(first, second) and different_participants(first, second):
        return False  # "the 2016 U.S. election" / "the Ukrainian elections"
    return not (_planned_after_done(first, second) or _planned_after_done(second, first))
