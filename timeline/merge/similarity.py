"""How likely two mentions report one real-world event, and whether they can at all.

The evidence is general, never a list of event kinds (each feature of :data:`FEATURES` says
what it measures):

- the predicate: the same word or a derived form ("launch" / "launched", "resignation" /
  "resigned", "found guilty" / "conviction"; :func:`timeline.events.root`), or one class of the
  lexicon's prior ("bombing" / "blasts"); weighed by how specific the word is in these articles;
- the words: the clause's and its sentence's content words, weighted by how specific each is in
  the articles being merged (inverse document frequency over their articles, as timeline
  summarisation systems weight words: "Tsarnaev", in every article, counts little), compared
  directly (cosine) and softly, through the words the articles use together (two words that
  share sentences across these articles, "spill" and "ballot", count as related);
- the participants: who does or says it, named;
- time: both dated to one day; reported days later ("so sensationally rolled as prime minister
  exactly one week ago"); one undated report of something done, published within days of the
  other's date (news is about the last days);
- the discourse: one article, nearby sentences; two articles' leads;
- what tells events apart: a denial and an assertion, a plan and the thing done, two numbers
  ("killed 22" / "killed 26"), two named doers.

A logistic model (:class:`Model`) combines them into a probability. Its weights are fitted on
the news-dev stories by ``python benchmarks/news.py --fit`` and shipped in ``model.json``
beside this module; ``benchmarks/news.py --loso`` checks them leave-one-story-out (fit on three
stories, score the fourth; ``docs/accuracy.md``).

Constraints no evidence overrides: dates that do not overlap, two clauses of one sentence (a
sentence that names two events names two events), the same predicate with different named
doers ("Dutton resigned" / "Turnbull resigned"), and, for a group, what its reports allow
(:mod:`.cluster`).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path
from typing import Iterable, Optional

from attrs import field, frozen

from ..lexicon import REPORTING_VERBS
from ..model import Mention, Status, TimeValue
from .names import names_match

__all__ = [
    "FEATURES",
    "Model",
    "Profile",
    "Settings",
    "Weights",
    "compatible",
    "dates_compatible",
    "default_model",
    "features",
    "is_leaf",
    "score",
]

#: An event told in the present perfect ("has been sworn in") with no date of its own happened
#: within this many days before its article was published (as far as merging is concerned).
PUBLISHED_WINDOW = 7
#: An undated report of something done counts as recent news of a dated event when it was
#: published on that event's day or up to this many days after.
RECENT_DAYS = 3
#: A mention published this many days or more after its date looks back at it.
RETROSPECT_DAYS = 2
#: Sentences apart within which two mentions of one article are "near".
NEAR_SENTENCES = 2
#: Two words are related when they share at least this many sentences of the articles merged.
MIN_COOCCURRENCE = 2

#: The features of a pair, in the order of :class:`Model`'s weights.
FEATURES = (
    "same_root",  # one predicate or derived forms ("resigned" / "resignation"), by its specificity
    "same_class",  # predicates of one class of the lexicon's prior ("bombing" / "blast"), likewise
    "predicate_idf",  # how specific the shared predicate is in these articles (0-1)
    "content",  # IDF cosine of the clauses' content words
    "sentence",  # IDF cosine of their sentences' content words
    "related_words",  # soft similarity of the clauses: words the articles use together count
    "names",  # shared named participants (0, 1, 2)
    "same_speaker",  # the same doer or speaker
    "other_speaker",  # both have a doer or speaker, and they differ ("Paul's trip" / "senators made a trip")
    "same_day",  # both dated to one day or week
    "dated_coarse",  # both dated, compatible, not both to a day or week
    "one_undated",  # one dated, one not
    "recent",  # one undated report of something done, published within days of the other's date
    "same_article",
    "near",  # one article, at most two sentences apart
    "leads",  # different articles, both in their first two sentences
    "both_reports",  # two attributions ("said") of no event: two statements
    "numbers_differ",  # both give numbers, none the same ("killed 22" / "killed 26")
    "planned_and_done",  # one told as planned, the other not
    "short",  # one of them has two content words or fewer
    "same_day_related",  # same_day x related_words
    "same_day_sentence",  # same_day x sentence
    "undated_related",  # one_undated x related_words
    "same_article_related",  # same_article x related_words
    "same_day_same_article",  # one day, one article: often two events of a busy day
    "retrospect",  # same day, told at least two days later: the day's main event
    "denied_and_not",  # one is denied, the other not
)


@frozen
class Model:
    """A logistic model of "one event" over :data:`FEATURES`, and the thresholds that cluster by it."""

    weights: tuple[float, ...] = field(converter=tuple)
    bias: float
    #: Two groups of core mentions join when the mean probability of the pairs between them
    #: reaches ``average`` (pairs never compared count 0), or when one pair reaches ``strong``.
    average: float = 0.1
    strong: float = 0.4
    #: A leaf mention (:func:`is_leaf`) joins the group of its likeliest partner from ``attach``.
    attach: float = 0.3

    def probability(self, values: tuple[float, ...]) -> float:
        z = self.bias + sum(w * v for w, v in zip(self.weights, values))
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def to_dict(self) -> dict:
        return {
            "features": list(FEATURES),
            "weights": [round(w, 4) for w in self.weights],
            "bias": round(self.bias, 4),
            "average": self.average,
            "strong": self.strong,
            "attach": self.attach,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Model":
        if list(data["features"]) != list(FEATURES):
            raise ValueError("model.json was fitted on other features; refit with benchmarks/news.py --fit")
        return cls(tuple(data["weights"]), data["bias"], data["average"], data["strong"], data["attach"])


MODEL_PATH = Path(__file__).with_name("model.json")


@functools.lru_cache(maxsize=1)
def default_model() -> Model:
    """The model shipped in ``model.json`` (fitted by ``benchmarks/news.py --fit``)."""
    return Model.from_dict(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


@frozen
class Settings:
    """What the merge runs on: a model and its thresholds (``None``: the shipped one)."""

    model: Optional[Model] = None

    @property
    def resolved(self) -> Model:
        return self.model if self.model is not None else default_model()


def dates_compatible(first: Optional[TimeValue], second: Optional[TimeValue]) -> bool:
    """Undated fits anything; dated values must overlap (2018-W31 and 2018-08-02 do)."""
    if first is None or second is None or first.start is None or second.start is None:
        return True
    assert first.end is not None and second.end is not None
    return first.start <= second.end and second.start <= first.end


def _precise(value: Optional[TimeValue]) -> bool:
    """Dated to a week or finer: a date that few unrelated events share."""
    return value is not None and value.start is not None and value.end is not None and (value.end - value.start).days <= 7


_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred dozen".split()
)


def _numbers(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w for w in words if w in _NUMBER_WORDS or re.fullmatch(r"[0-9][0-9.,-]*", w))


@frozen
class Profile:
    """What comparing a mention with others reads, computed once per mention."""

    key: tuple[str, int, int, str]
    refers_to: Optional[tuple[str, int, int, str]]
    attribution_of: Optional[tuple[str, int, int, str]]
    article: str
    sentence: tuple[int, int]
    position: int
    published: Optional[date]
    #: The calendar date the text gives (None: undated, or dated by publication only).
    when: Optional[TimeValue]
    #: The range of days it can be on (also for a date by publication: the days before it).
    start: Optional[date]
    end: Optional[date]
    precise: bool
    status: Status
    root: str
    predicates: frozenset[str]
    words: frozenset[str]
    context: frozenset[str]
    numbers: frozenset[str]
    names: tuple[str, ...]
    doer: Optional[str]
    speaker: Optional[str]
    #: A reporting clause with no event of its own ("Mr Turnbull said"): a statement.
    report: bool
    #: Can only join a group, never hold one together (see :func:`is_leaf`).
    leaf: bool

    @classmethod
    def of(cls, mention: Mention) -> "Profile":
        when = mention.when
        start, end = (when.start, when.end) if when is not None and when.start is not None else (None, None)
        if mention.dated_by == "published" and start is not None:
            # "has been sworn in", published that day: done within the days before it
            start, when = start - timedelta(days=PUBLISHED_WINDOW), None
        predicates = frozenset(mention.stems or (mention.event,))
        words = frozenset(mention.keywords) | predicates
        return cls(
            mention.key,
            mention.refers_to,
            mention.attribution_of,
            mention.article,
            (mention.sentence.start, mention.sentence.end),
            mention.position,
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
            _numbers(mention.keywords),
            mention.entities,
            mention.agent,
            mention.agent or mention.speaker or next((p.name for p in mention.participants if p.role == "doer"), None),
            mention.lemma in REPORTING_VERBS,
            is_leaf(mention, words),
        )

    @property
    def negated(self) -> bool:
        return self.status is Status.NEGATED


_DEFINITE = ("the ", "a ", "an ", "this ", "that ", "its ", "his ", "her ", "their ")


def is_leaf(mention: Mention, words: Optional[frozenset[str]] = None) -> bool:
    """A mention too bare to hold a group together: undated, and two content words or fewer, or
    a bare event noun with no named participant ("the outbreak", "the bombings"). It joins the
    group of the mention most like it, but never links two groups."""
    if mention.when is not None:
        return False
    words = words if words is not None else frozenset(mention.keywords) | frozenset(mention.stems)
    if len(words) <= 2:
        return True
    noun = mention.lemma == mention.trigger.lower() or mention.lemma == mention.trigger.lower().rstrip("s")
    named = any(p.label for p in mention.participants)
    return noun and not named and mention.summary.lower().startswith(_DEFINITE)


class Weights:
    """Word statistics of the articles being merged: inverse document frequency over articles,
    and which words their sentences use together (for the soft similarity)."""

    def __init__(self, profiles: Iterable[Profile]) -> None:
        by_article: dict[str, set[str]] = {}
        sentences: dict[tuple[str, tuple[int, int]], set[str]] = {}
        for profile in profiles:
            words = profile.words | profile.context
            by_article.setdefault(profile.article, set()).update(words)
            sentences.setdefault((profile.article, profile.sentence), set()).update(words)
        counts: Counter[str] = Counter(word for words in by_article.values() for word in words)
        self.articles = max(1, len(by_article))
        self.idf = {word: math.log(1 + self.articles / count) for word, count in counts.items()}
        #: The weight of a word found in one article only: the most specific.
        self.top = math.log(1 + self.articles)
        self.sentences = max(1, len(sentences))
        self.frequency: Counter[str] = Counter(word for words in sentences.values() for word in words)
        self.together: Counter[tuple[str, str]] = Counter(
            pair for words in sentences.values() for pair in combinations(sorted(words), 2)
        )
        self._norms: dict[frozenset[str], float] = {}

    def weight(self, word: str) -> float:
        return self.idf.get(word, self.top)

    def norm(self, words: frozenset[str]) -> float:
        found = self._norms.get(words)
        if found is None:
            found = self._norms[words] = math.sqrt(sum(self.weight(w) ** 2 for w in words))
        return found

    def cosine(self, first: frozenset[str], second: frozenset[str]) -> float:
        shared = first & second
        if not shared:
            return 0.0
        return sum(self.weight(w) ** 2 for w in shared) / (self.norm(first) * self.norm(second))

    def association(self, first: str, second: str) -> float:
        """How much two words go together in these articles' sentences (normalised PMI, 0-1)."""
        if first == second:
            return 1.0
        together = self.together.get((first, second) if first < second else (second, first), 0)
        if together < MIN_COOCCURRENCE:
            return 0.0
        n = self.sentences
        pmi = math.log(together * n / (self.frequency[first] * self.frequency[second]))
        return max(0.0, min(1.0, pmi / -math.log(together / n))) if together < n else 1.0

    def related(self, first: frozenset[str], second: frozenset[str]) -> float:
        """Soft similarity: each word's best association in the other clause, IDF-weighted, both ways."""
        if not first or not second:
            return 0.0

        def one_way(a: frozenset[str], b: frozenset[str]) -> float:
            total = sum(self.weight(w) for w in a)
            return sum(self.weight(w) * max(self.association(w, v) for v in b) for w in a) / total

        return (one_way(first, second) + one_way(second, first)) / 2


def _linked(first: Profile, second: Profile) -> bool:
    return first.attribution_of == second.key or second.attribution_of == first.key


def _ranges_meet(first: Profile, second: Profile) -> bool:
    if first.start is None or second.start is None or first.end is None or second.end is None:
        return True
    return first.start <= second.end and second.start <= first.end


def compatible(first: Profile, second: Profile) -> bool:
    """Could the two be one event, whatever else they share?"""
    if not _ranges_meet(first, second):
        return False
    if _linked(first, second):
        return True
    if first.article == second.article and first.sentence == second.sentence:
        return False  # two clauses of one sentence: two events
    if first.root == second.root and first.speaker and second.speaker and not names_match(first.speaker, second.speaker):
        return False  # "Dutton resigned" / "Turnbull resigned", "Paul's trip" / "senators made a trip"
    return not (_planned_after_done(first, second) or _planned_after_done(second, first))


def _planned_after_done(planned: Profile, done: Profile) -> bool:
    """Told as still to come in an article published after another told it done: two events
    ("will meet Trump in Washington" on 6 August, "Trump's Helsinki summit" on 3 August)."""
    if planned.status is not Status.PLANNED or done.status is not Status.HAPPENED or planned.when is not None or done.when is not None:
        return False
    return planned.published is not None and done.published is not None and planned.published > done.published


def shared_names(first: Profile, second: Profile) -> int:
    return sum(1 for a in first.names if any(names_match(a, b) for b in second.names))


def _recent(undated: Profile, dated: Profile) -> bool:
    """An undated report of something done, published within days of the other's date."""
    if undated.when is not None or undated.status in (Status.PLANNED, Status.NEGATED) or not dated.precise:
        return False
    if undated.published is None or dated.end is None:
        return False
    return 0 <= (undated.published - dated.end).days <= RECENT_DAYS


def _looks_back(profile: Profile) -> bool:
    return profile.published is not None and profile.end is not None and (profile.published - profile.end).days >= RETROSPECT_DAYS


def features(first: Profile, second: Profile, weights: Weights) -> tuple[float, ...]:
    """The values of :data:`FEATURES` for a pair."""
    shared = first.predicates & second.predicates
    reports = first.report or second.report
    shared_weight = max((weights.weight(w) for w in shared), default=0.0) / weights.top
    dated = first.when is not None and second.when is not None
    same_day = float(dated and first.precise and second.precise)
    one_undated = float((first.when is None) != (second.when is None))
    same_article = first.article == second.article
    related = weights.related(first.words, second.words)
    sentence = weights.cosine(first.words | first.context, second.words | second.context)
    a, b = first.speaker, second.speaker
    return (
        float(first.root == second.root and not reports) * weights.weight(first.root) / weights.top,
        float(bool(shared) and first.root != second.root and not reports) * shared_weight,
        0.0 if reports else shared_weight,
        weights.cosine(first.words, second.words),
        sentence,
        related,
        float(min(2, shared_names(first, second))),
        float(bool(a and b and names_match(a, b))),
        float(bool(a and b and not names_match(a, b))),
        same_day,
        float(dated and not (first.precise and second.precise)),
        one_undated,
        float(_recent(first, second) or _recent(second, first)),
        float(same_article),
        float(same_article and abs(first.position - second.position) <= NEAR_SENTENCES),
        float(not same_article and first.position < 2 and second.position < 2),
        float(first.report and second.report),
        float(bool(first.numbers and second.numbers and not first.numbers & second.numbers)),
        float((first.status is Status.PLANNED) != (second.status is Status.PLANNED)),
        float(min(len(first.words), len(second.words)) <= 2),
        same_day * related,
        same_day * sentence,
        one_undated * related,
        float(same_article) * related,
        same_day * float(same_article),
        float(bool(same_day and (_looks_back(first) or _looks_back(second)))),
        float(first.negated != second.negated),
    )


def has_evidence(values: tuple[float, ...]) -> bool:
    """Anything in common but the story: a predicate, words, a name, a speaker or a day."""
    return any(values[k] for k in (0, 1, 3, 4, 5, 6, 7, 9))


def score(first: Profile, second: Profile, weights: Weights, model: Model) -> float:
    """The probability that two compatible mentions are one event (1 for an attribution and what
    it reports, or an anaphor and what it refers to: the text says so)."""
    if _linked(first, second) or first.refers_to == second.key or second.refers_to == first.key:
        return 1.0
    values = features(first, second, weights)
    if not has_evidence(values):
        return 0.0
    return model.probability(values)
