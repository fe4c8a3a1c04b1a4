"""Merge: the mentions of one real-world event, within and across articles, become one entry.

Two mentions can be one event when their classes agree ("met" and "meetings", "unveiled" and
"unfurled"), their statuses are compatible (a negated event merges only with negated ones),
their dates are compatible (2018-W31 contains 2018-08-02; an undated mention fits any date),
their doers do not contradict each other, and there is positive evidence: a shared named actor
(tolerant name matching with rapidfuzz: Kosachev / Kosachyov, Paul / Sen. Rand Paul), or, for
two dated mentions, shared content words.

The result depends only on the *set* of mentions: they are deduplicated and put in a canonical
order before clustering, so the order of the input articles does not matter, the same article
twice adds nothing, and merging two timelines equals building one from all their articles.
"""

from __future__ import annotations

import functools
import json
import re
from datetime import date
from typing import Iterable, Optional, Sequence

from attrs import define
from rapidfuzz.distance import JaroWinkler

from .lexicon import EVENT_NOUNS, TITLES
from .model import ArticleInfo, Entry, Mention, Status, TimeValue, Timeline
from .order import entry_sort_key, mention_sort_key

__all__ = ["assemble", "names_match", "can_merge", "NAME_SIMILARITY"]

#: Jaro-Winkler similarity (rapidfuzz) from which two spellings of a name are one: "kosachev" /
#: "kosachyov" is 0.93, "gorbachev" / "gorbachov" 0.96; "trump" / "truman" 0.89 and "paul" /
#: "saul" 0.83 are not.
NAME_SIMILARITY = 0.9
#: Share of content words two precisely dated mentions need in common when they share no actor.
KEYWORD_OVERLAP = 0.5


# ---------------------------------------------------------------------------------------------
# names


@functools.lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    words = [w for w in re.findall(r"[\w’'-]+", name.lower()) if w not in TITLES]
    return tuple(re.sub(r"['’]s$", "", w) for w in words)


@functools.lru_cache(maxsize=65536)
def names_match(first: str, second: str) -> bool:
    """Do two names denote the same actor? "Paul" / "Sen. Rand Paul", "Kosachev" / "Kosachyov".

    Names match when one's words are contained in the other's, or when their last words (the
    surname) are near-identical spellings.
    """
    a, b = _name_words(first), _name_words(second)
    if not a or not b:
        return False
    if set(a) <= set(b) or set(b) <= set(a):
        return True
    surnames = JaroWinkler.similarity(a[-1], b[-1]) >= NAME_SIMILARITY
    return surnames and (len(a) == 1 or len(b) == 1 or JaroWinkler.similarity(a[0], b[0]) >= NAME_SIMILARITY)


def shared_actors(first: Sequence[str], second: Sequence[str]) -> int:
    return sum(1 for a in first if any(names_match(a, b) for b in second))


# ---------------------------------------------------------------------------------------------
# compatibility


def dates_compatible(first: Optional[TimeValue], second: Optional[TimeValue]) -> bool:
    """Undated fits anything; dated values must overlap (2018-W31 and 2018-08-02 do)."""
    if first is None or second is None or first.start is None or second.start is None:
        return True
    assert first.end is not None and second.end is not None
    return first.start <= second.end and second.start <= first.end


def statuses_compatible(first: Status, second: Status) -> bool:
    """A planned event and its report that it happened are one event; a denial is not."""
    return (first is Status.NEGATED) == (second is Status.NEGATED)


def _keyword_overlap(first: Mention, second: Mention) -> tuple[int, float]:
    """Shared content words (the event's own class word aside): how many, and what share."""
    a, b = set(first.keywords) - {first.event}, set(second.keywords) - {second.event}
    if not a or not b:
        return 0, 0.0
    shared = len(a & b)
    return shared, shared / min(len(a), len(b))


def _precise(value: Optional[TimeValue]) -> bool:
    """Dated to a week or finer: a date that few unrelated events share."""
    return value is not None and value.start is not None and value.end is not None and (value.end - value.start).days <= 7


def evidence(first: Mention, second: Mention) -> float:
    """How strongly two mentions look like one event (0 = no evidence at all)."""
    if first.refers_to == second.key or second.refers_to == first.key:
        return 5.0  # the text itself says so: "the previous trip" refers back to that trip
    shared, overlap = _keyword_overlap(first, second)
    # Named participants only ("the company" could be anyone). One shared name counts only when
    # it is the doer of either (a shared "New York" does not make two trades one), and across
    # articles only with more in common: a shared word or two dates (Apple "released" many things).
    common = [a for a in first.entities if any(names_match(a, b) for b in second.entities)]
    actors = len(common)
    if actors == 1:
        doers = [d for d in (first.agent, second.agent) if d]
        is_doer = any(names_match(common[0], d) for d in doers)
        same_article = first.article == second.article
        corroborated = same_article or shared >= 1 or (first.when is not None and second.when is not None)
        if not (is_doer and corroborated):
            actors = 0
    both_dated = first.when is not None and second.when is not None
    same_day = both_dated and first.when == second.when
    # Without a shared actor, what two clauses say must match closely, on a precise date:
    # "unveiled a package of Russia sanctions" / "unfurled a sanctions package" in the same week.
    same_content = _precise(first.when) and _precise(second.when) and shared >= 2 and overlap >= KEYWORD_OVERLAP
    # Two event nouns of one class on the same date ("the 2016 elections", "the 2016 U.S.
    # election") name one event even when the clause says nothing more.
    same_named_event = same_day and _is_event_noun(first) and _is_event_noun(second)
    if actors == 0 and not same_content and not same_named_event:
        return 0.0
    return 2.0 * min(actors, 2) + 2.0 * overlap + (1.0 if same_day else 0.0) + (0.5 if first.trigger.lower() == second.trigger.lower() else 0.0)


def _is_event_noun(mention: Mention) -> bool:
    return mention.trigger.lower() in EVENT_NOUNS or mention.trigger.lower().rstrip("s") in EVENT_NOUNS


def can_merge(first: Mention, second: Mention) -> bool:
    """Could these two mentions report the same event (ignoring the rest of a cluster)?"""
    if first.event != second.event or not statuses_compatible(first.status, second.status):
        return False
    if not dates_compatible(first.when, second.when):
        return False
    if first.agent and second.agent and not names_match(first.agent, second.agent):
        return False
    return evidence(first, second) > 0


# ---------------------------------------------------------------------------------------------
# clustering


@define
class _Cluster:
    """A growing group of mentions and what all of them together allow."""

    members: list[int]
    #: The intersection of the members' date ranges, or None while no member is dated.
    window: Optional[tuple[date, date]]
    agents: list[str]
    negated: bool

    #: The time its reports allow: what happened began by the latest publication day that
    #: reports it as done, what is planned ends after the earliest day that plans it.
    done_by: Optional[date]
    not_before: Optional[date]

    @classmethod
    def of(cls, index: int, mention: Mention) -> "_Cluster":
        when = mention.when
        window = (when.start, when.end) if when is not None and when.start is not None and when.end is not None else None
        published = date.fromisoformat(mention.published) if mention.published else None
        # Only a verb told as done is done by then ("Paul's trip", a noun, may still lie ahead).
        done = published if mention.status is Status.HAPPENED and mention.when is None and not _is_event_noun(mention) else None
        planned = published if mention.status is Status.PLANNED and mention.when is None else None
        return cls([index], window, [mention.agent] if mention.agent else [], mention.status is Status.NEGATED, done, planned)

    def compatible(self, other: "_Cluster") -> bool:
        """Could both groups be one event? Every member of one must fit every member of the other."""
        if self.negated != other.negated:
            return False
        window = _intersect(self.window, other.window)
        if window is False:
            return False
        if window is not None:
            # An undated "X happened" published on day P cannot be an event dated after P.
            for done in (self.done_by, other.done_by):
                if done is not None and window[0] > done:
                    return False
            for planned in (self.not_before, other.not_before):
                if planned is not None and window[1] < planned:
                    return False
        return all(names_match(a, b) for a in self.agents for b in other.agents)

    def absorb(self, other: "_Cluster") -> None:
        self.members += other.members
        window = _intersect(self.window, other.window)
        self.window = None if window is False else window
        self.agents += [a for a in other.agents if a not in self.agents]
        self.done_by = min((d for d in (self.done_by, other.done_by) if d is not None), default=None)
        self.not_before = max((d for d in (self.not_before, other.not_before) if d is not None), default=None)


def _intersect(first: Optional[tuple[date, date]], second: Optional[tuple[date, date]]):
    """The overlap of two date windows; None when neither is dated; False when they are disjoint."""
    if first is None or second is None:
        return first or second
    start, end = max(first[0], second[0]), min(first[1], second[1])
    return (start, end) if start <= end else False


def _full_key(mention: Mention) -> str:
    """A total order over mentions, for choosing between two versions of one mention."""
    return json.dumps(mention.to_dict(), sort_keys=True, ensure_ascii=False)


def _canonical(mentions: Iterable[Mention]) -> list[Mention]:
    """Deduplicated, in an order that depends on nothing but the mentions themselves.

    Two versions of one mention (same article, offsets and class, e.g. from an updated article
    fed again under its id) resolve to the same one whatever the input order.
    """
    unique: dict[tuple[str, int, int, str], Mention] = {}
    for mention in sorted(mentions, key=_full_key):
        unique.setdefault(mention.key, mention)
    return sorted(unique.values(), key=mention_sort_key)


def cluster(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """Group the mentions of one event.

    Within each event class (the blocking key: mentions of different classes are never
    compared), every pair with evidence is a candidate link; links are taken strongest first
    (ties in canonical order), and a link joins two groups only when all their members are
    compatible — so a chain of look-alikes cannot pull two different events together.
    """
    ordered = _canonical(mentions)
    by_class: dict[str, list[int]] = {}
    for index, mention in enumerate(ordered):
        by_class.setdefault(mention.event, []).append(index)
    groups: list[list[Mention]] = []
    for indices in by_class.values():
        links = []
        for position, i in enumerate(indices):
            for j in indices[position + 1 :]:
                if can_merge(ordered[i], ordered[j]):
                    links.append((-evidence(ordered[i], ordered[j]), i, j))
        clusters = {i: _Cluster.of(i, ordered[i]) for i in indices}
        owner = {i: i for i in indices}
        for _, i, j in sorted(links):
            a, b = owner[i], owner[j]
            if a == b or not clusters[a].compatible(clusters[b]):
                continue
            keep, gone = min(a, b), max(a, b)
            clusters[keep].absorb(clusters.pop(gone))
            for member in clusters[keep].members:
                owner[member] = keep
        groups += [[ordered[i] for i in sorted(c.members)] for _, c in sorted(clusters.items())]
    return groups


# ---------------------------------------------------------------------------------------------
# entries

_STATUS_RANK = {Status.HAPPENED: 0, Status.REPORTED: 1, Status.PLANNED: 2, Status.NEGATED: 3}


def _entry_when(mentions: Sequence[Mention]) -> tuple[Optional[TimeValue], tuple[TimeValue, ...]]:
    """The finest date every dated mention allows, and the dates that disagree with it."""
    dated = [m.when for m in mentions if m.when is not None and m.when.start is not None]
    if not dated:
        return None, ()
    # The finest value contained in all others (the window is non-empty by construction).
    candidates = sorted({v for v in dated}, key=lambda v: ((v.end - v.start).days, v.value))  # type: ignore[operator]
    for value in candidates:
        if all(dates_compatible(value, other) and other.start <= value.start and value.end <= other.end for other in dated):  # type: ignore[operator]
            return value, ()
    # No value lies within all the others (2018-W31 spills out of 2018-07): keep the finest and
    # list every date that does not contain it, so the disagreement is shown, not hidden.
    chosen = candidates[0]
    outside = {v for v in dated if not (v.start <= chosen.start and chosen.end <= v.end)}  # type: ignore[operator]
    return chosen, tuple(sorted(outside, key=lambda v: v.value))


def _representative(mentions: Sequence[Mention]) -> Mention:
    """The mention whose summary speaks for the entry: told as fact, with a named doer, dated."""
    return min(
        mentions,
        key=lambda m: (
            m.agent is None,
            _STATUS_RANK[m.status],
            m.dated_by != "text",
            -len(m.actors),
            len(m.summary),
            mention_sort_key(m),
        ),
    )


def _merged_actors(mentions: Sequence[Mention]) -> tuple[str, ...]:
    """Every actor once, under its fullest spelling ("Rand Paul", not "Paul")."""
    names: list[str] = []
    for mention in mentions:
        for name in ([mention.agent] if mention.agent else []) + list(mention.actors):
            match = next((i for i, known in enumerate(names) if names_match(known, name)), None)
            if match is None:
                names.append(name)
            elif len(name) > len(names[match]):
                names[match] = name
    return tuple(names)


def _status(mentions: Sequence[Mention], when: Optional[TimeValue]) -> Status:
    statuses = {m.status for m in mentions}
    published = [date.fromisoformat(m.published) for m in mentions if m.published]
    if when is not None and when.start is not None and published and when.start > max(published) and statuses != {Status.NEGATED}:
        return Status.PLANNED  # after every report of it: still ahead for all of them
    if Status.HAPPENED in statuses:
        return Status.HAPPENED
    if Status.REPORTED in statuses:
        return Status.REPORTED
    if statuses == {Status.NEGATED}:
        return Status.NEGATED
    return Status.PLANNED


def make_entry(mentions: Sequence[Mention], sources: dict[str, str]) -> Entry:
    ordered = sorted(mentions, key=mention_sort_key)
    when, conflicts = _entry_when(ordered)
    representative = _representative(ordered)
    return Entry(
        when=when,
        summary=representative.summary,
        status=_status(ordered, when),
        actors=_merged_actors(ordered),
        sources=tuple(sorted({sources.get(m.article, m.article) for m in ordered})),
        mentions=tuple(ordered),
        conflicts=conflicts,
    )


def assemble(articles: Iterable[ArticleInfo], mentions: Iterable[Mention]) -> Timeline:
    """The timeline of these articles and mentions: merged, ordered, independent of input order."""
    unique_articles: dict[str, ArticleInfo] = {}
    for info in sorted(articles, key=lambda a: json.dumps(a.to_dict(), sort_keys=True)):
        unique_articles.setdefault(info.id, info)  # two versions of one id: the same one always wins
    infos = tuple(sorted(unique_articles.values(), key=lambda a: (a.published, a.id)))
    sources = {a.id: a.source or a.id for a in infos}
    entries = [make_entry(group, sources) for group in cluster(mentions)]
    return Timeline(articles=infos, entries=tuple(sorted(entries, key=entry_sort_key)))
