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

At scale, not every pair of one class is compared: only pairs that share a blocking key (a
name, a surname's first letters, a week with two content words, an event noun's date) or that
refer to each other, and within a block larger than :data:`WINDOW` only near neighbours in date
order (see ``docs/merging.md``, "Merge at scale").
"""

from __future__ import annotations

import functools
import json
import re
from datetime import date
from itertools import combinations
from typing import Iterable, Iterator, Optional, Sequence

from attrs import define, frozen
from rapidfuzz.distance import JaroWinkler

from .lexicon import EVENT_NOUNS, TITLES
from .model import ArticleInfo, Entry, Mention, Status, TimeValue, Timeline
from .order import entry_sort_key, mention_sort_key

__all__ = ["assemble", "cluster", "names_match", "can_merge", "MergeStats", "NAME_SIMILARITY", "WINDOW"]

#: Jaro-Winkler similarity (rapidfuzz) from which two spellings of a name are one: "kosachev" /
#: "kosachyov" is 0.93, "gorbachev" / "gorbachov" 0.96; "trump" / "truman" 0.89 and "paul" /
#: "saul" 0.83 are not.
NAME_SIMILARITY = 0.9
#: Share of content words two precisely dated mentions need in common when they share no actor.
KEYWORD_OVERLAP = 0.5
#: Sorted neighbourhood: within a block of more than ``WINDOW + 1`` mentions, each mention is
#: compared only with the ``WINDOW`` mentions after it (and so with the ``WINDOW`` before it) in
#: date order. Smaller blocks are compared in full.
WINDOW = 50


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


# ---------------------------------------------------------------------------------------------
# compatibility


def dates_compatible(first: Optional[TimeValue], second: Optional[TimeValue]) -> bool:
    """Undated fits anything; dated values must overlap (2018-W31 and 2018-08-02 do)."""
    if first is None or second is None or first.start is None or second.start is None:
        return True
    assert first.end is not None and second.end is not None
    return first.start <= second.end and second.start <= first.end


def _precise(value: Optional[TimeValue]) -> bool:
    """Dated to a week or finer: a date that few unrelated events share."""
    return value is not None and value.start is not None and value.end is not None and (value.end - value.start).days <= 7


def _is_event_noun(mention: Mention) -> bool:
    return mention.trigger.lower() in EVENT_NOUNS or mention.trigger.lower().rstrip("s") in EVENT_NOUNS


@frozen
class _Traits:
    """What comparing a mention with others reads, computed once per mention (see ``cluster``)."""

    key: tuple[str, int, int, str]
    refers_to: Optional[tuple[str, int, int, str]]
    article: str
    agent: Optional[str]
    entities: tuple[str, ...]
    when: Optional[TimeValue]
    #: The calendar range of ``when``; None when undated or not a calendar date ("recently").
    start: Optional[date]
    end: Optional[date]
    negated: bool
    precise: bool
    event_noun: bool
    trigger: str  # lower-cased
    #: Content words: the keywords but the event's own class word.
    content: frozenset[str]

    @classmethod
    def of(cls, mention: Mention) -> "_Traits":
        when = mention.when
        start, end = (when.start, when.end) if when is not None and when.start is not None else (None, None)
        if start is not None:
            assert end is not None
        return cls(
            mention.key,
            mention.refers_to,
            mention.article,
            mention.agent,
            mention.entities,
            when,
            start,
            end,
            mention.status is Status.NEGATED,
            _precise(when),
            _is_event_noun(mention),
            mention.trigger.lower(),
            frozenset(mention.keywords) - {mention.event},
        )


def _keyword_overlap(first: _Traits, second: _Traits) -> tuple[int, float]:
    """Shared content words (the event's own class word aside): how many, and what share."""
    a, b = first.content, second.content
    if not a or not b:
        return 0, 0.0
    shared = len(a & b)
    return shared, shared / min(len(a), len(b))


def _evidence(first: _Traits, second: _Traits) -> float:
    """``evidence`` of two mentions' traits."""
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
    same_content = first.precise and second.precise and shared >= 2 and overlap >= KEYWORD_OVERLAP
    # Two event nouns of one class on the same date ("the 2016 elections", "the 2016 U.S.
    # election") name one event even when the clause says nothing more.
    same_named_event = same_day and first.event_noun and second.event_noun
    if actors == 0 and not same_content and not same_named_event:
        return 0.0
    return 2.0 * min(actors, 2) + 2.0 * overlap + (1.0 if same_day else 0.0) + (0.5 if first.trigger == second.trigger else 0.0)


def evidence(first: Mention, second: Mention) -> float:
    """How strongly two mentions look like one event (0 = no evidence at all)."""
    return _evidence(_Traits.of(first), _Traits.of(second))


def _compatible(first: _Traits, second: _Traits) -> bool:
    """Status, dates and doers allow two mentions of one class to be one event.

    A planned event and its report that it happened are one event; a denial is not.
    """
    if first.negated != second.negated or not dates_compatible(first.when, second.when):
        return False
    return not (first.agent and second.agent and not names_match(first.agent, second.agent))


def can_merge(first: Mention, second: Mention) -> bool:
    """Could these two mentions report the same event (ignoring the rest of a cluster)?"""
    if first.event != second.event:
        return False
    a, b = _Traits.of(first), _Traits.of(second)
    return _compatible(a, b) and _evidence(a, b) > 0


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


# ---------------------------------------------------------------------------------------------
# candidate pairs: blocking and sorted neighbourhood


@define
class MergeStats:
    """What clustering compared: pass one to :func:`cluster` or :func:`assemble` to have it counted.

    Counts are added to, so one object can sum several calls.
    """

    #: Distinct mentions clustered.
    mentions: int = 0
    #: Blocks (class and key) holding two mentions or more.
    blocks: int = 0
    #: Mentions in the largest block.
    largest_block: int = 0
    #: Blocks larger than ``window + 1``: compared with near neighbours only.
    windowed_blocks: int = 0
    #: Memberships of mentions in those blocks (a mention in three blocks counts three): each
    #: compares with at most ``window`` mentions after it per block, so with a window, pairs
    #: compared are at most ``window * memberships`` plus the pairs linked by ``refers_to``.
    memberships: int = 0
    #: Distinct pairs compared (status, dates, doers, then evidence): the cost that matters.
    pairs: int = 0
    #: Compared pairs that may merge (``can_merge``): the candidate links.
    links: int = 0


@functools.lru_cache(maxsize=65536)
def _surname_keys(surname: str) -> frozenset[str]:
    """The first three letters of a surname, also with any one of them deleted.

    Two spellings share a key when their first three letters agree up to one edit: Kosachev /
    Kosachyov ("kos"), Gaddafi / Qaddafi ("add"), Yeltsin / Eltsin ("elt"), Tchaikovsky /
    Chaikovsky ("cha").
    """
    return frozenset({surname[:3]} | {(surname[:k] + surname[k + 1 :])[:3] for k in range(min(3, len(surname)))})


def _surname_groups(surnames: Iterable[str]) -> dict[str, str]:
    """Each surname -> its group: the surnames linked to it by near-identical spellings.

    Candidates are surnames sharing a ``_surname_keys`` key; two of them are linked when their
    Jaro-Winkler similarity reaches ``NAME_SIMILARITY`` (as in ``names_match``); a group is a
    connected component of links, named by its first surname in alphabetical order. Only
    distinct surnames are compared, so this is cheap however many mentions name them.
    """
    parent = {word: word for word in surnames}

    def root(word: str) -> str:
        while parent[word] != word:
            parent[word] = parent[parent[word]]
            word = parent[word]
        return word

    candidates: dict[str, list[str]] = {}
    for word in sorted(parent):
        for key in _surname_keys(word):
            candidates.setdefault(key, []).append(word)
    for words in candidates.values():
        for first, second in combinations(words, 2):
            a, b = root(first), root(second)
            if a != b and JaroWinkler.similarity(first, second) >= NAME_SIMILARITY:
                parent[max(a, b)] = min(a, b)
    return {word: root(word) for word in parent}


def _week(day: date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


#: Roles of a word in a name, for ("word", w) blocks: w ends a name (a surname), or w is in a
#: name but not at its end (a first or middle name).
_LAST, _INNER = 1, 2


def _blocking_keys(mention: Mention, groups: dict[str, str]) -> dict[tuple, int]:
    """Keys that every mention it could have evidence with (other than by ``refers_to``) shares,
    each with the roles the mention's names give it (for ``("word", w)`` keys; 0 for others).

    - a shared name (``names_match``): when the surnames are the same or near-identical
      spellings, the surname's group (``_surname_groups``); when one name's words are among the
      other's ("Paul" / "Sen. Rand Paul": the same surname; "Donald" / "Donald Trump": the
      shorter name's surname is the longer one's first name), the word: ``("word", w)`` blocks
      count only where ``w`` ends one name and is inside another (see ``_blocked_pairs``);
    - shared content on a precise date: the ISO week of the date's first and of its last day,
      with each pair of content words (two mentions dated to a week or finer that overlap share
      a day, so a week, and they need two shared words);
    - two event nouns with the same date: the date.
    """
    keys: dict[tuple, int] = {}
    for name in mention.entities:
        words = _name_words(name)
        if words:
            keys[("surname", groups[words[-1]])] = 0
            for position, word in enumerate(words):
                key = ("word", word)
                keys[key] = keys.get(key, 0) | (_LAST if position == len(words) - 1 else _INNER)
    when = mention.when
    if _precise(when):
        assert when is not None and when.start is not None and when.end is not None
        content = sorted(set(mention.keywords) - {mention.event})
        if len(content) >= 2:
            for week in {_week(when.start), _week(when.end)}:
                keys.update((("content", week, pair), 0) for pair in combinations(content, 2))
    if when is not None and _is_event_noun(mention):
        keys[("noun", when)] = 0
    return keys


def _position(mention: Mention) -> date:
    """Where a mention sits in a block's date order: its date's first day, else its publication day."""
    if mention.when is not None and mention.when.start is not None:
        return mention.when.start
    return date.fromisoformat(mention.published[:10]) if mention.published else date.max


def _blocked_pairs(ordered: Sequence[Mention], indices: Sequence[int], window: Optional[int], stats: Optional[MergeStats]) -> Iterator[tuple[int, int]]:
    """Candidate pairs ``(i, j)``, ``i < j``, of one class: pairs that share a blocking key (in a
    block larger than ``window + 1``, only those at most ``window`` apart in date order), and
    pairs where one refers to the other. Each pair once (their order does not matter: links are
    sorted)."""
    groups = _surname_groups({words[-1] for i in indices for name in ordered[i].entities if (words := _name_words(name))})
    # One date order for every block: (position, canonical index). A block's members are
    # appended in this order, so within each block "j follows i" means the same thing, and a
    # pair that shares several blocks comes from i's neighbours only.
    members = sorted(indices, key=lambda i: (_position(ordered[i]), i))
    blocks: dict[tuple, list[int]] = {}
    roles: dict[tuple, int] = {}
    places: dict[int, list[tuple[tuple, int]]] = {}
    for i in members:
        place = places[i] = []
        for key, role in _blocking_keys(ordered[i], groups).items():
            block = blocks.setdefault(key, [])
            place.append((key, len(block)))
            block.append(i)
            roles[key] = roles.get(key, 0) | role
    # A word that ends no name, or is inside none, links nothing the surname groups do not.
    for key, role in roles.items():
        if key[0] == "word" and role != _LAST | _INNER:
            blocks[key] = []  # (members keep their places: slices of an empty list are empty)
    rank = {i: r for r, i in enumerate(members)}
    where = {ordered[i].key: i for i in indices}
    referred: dict[int, set[int]] = {}
    for i in indices:
        target = where.get(ordered[i].refers_to) if ordered[i].refers_to is not None else None  # type: ignore[arg-type]
        if target is not None and target != i:
            first, second = sorted((i, target), key=rank.__getitem__)
            referred.setdefault(first, set()).add(second)
    if stats is not None:
        sizes = [len(b) for b in blocks.values() if len(b) > 1]
        stats.blocks += len(sizes)
        stats.largest_block = max([stats.largest_block, *sizes])
        stats.windowed_blocks += sum(1 for size in sizes if window is not None and size > window + 1)
        stats.memberships += sum(sizes)
    for i in members:
        following: set[int] = set(referred.get(i, ()))
        for key, at in places[i]:
            block = blocks[key]
            following.update(block[at + 1 :] if window is None else block[at + 1 : at + 1 + window])
        for j in following:
            yield (i, j) if i < j else (j, i)


def _all_pairs(indices: Sequence[int]) -> Iterator[tuple[int, int]]:
    for position, i in enumerate(indices):
        for j in indices[position + 1 :]:
            yield i, j


def cluster(
    mentions: Iterable[Mention],
    *,
    window: Optional[int] = WINDOW,
    all_pairs: bool = False,
    stats: Optional[MergeStats] = None,
) -> list[list[Mention]]:
    """Group the mentions of one event.

    Mentions of different classes are never compared. Within a class, the candidate pairs are
    those that share a blocking key (see ``_blocking_keys``; in a block of more than ``window +
    1`` mentions only those at most ``window`` apart in date order; ``window=None`` compares
    whole blocks) or where one refers to the other; ``all_pairs=True`` compares every pair of
    the class instead (the reference: the same result wherever no block is windowed, bar
    surnames whose first three letters differ by two edits, see ``_surname_groups``). Every candidate pair with evidence is a link;
    links are taken strongest first (ties in canonical order), and a link joins two groups only
    when all their members are compatible — so a chain of look-alikes cannot pull two different
    events together.
    """
    ordered = _canonical(mentions)
    by_class: dict[str, list[int]] = {}
    for index, mention in enumerate(ordered):
        by_class.setdefault(mention.event, []).append(index)
    if stats is not None:
        stats.mentions += len(ordered)
    groups: list[list[Mention]] = []
    for indices in by_class.values():
        pairs = _all_pairs(indices) if all_pairs else _blocked_pairs(ordered, indices, window, stats)
        traits = {i: _Traits.of(ordered[i]) for i in indices}
        links = []
        compared = 0
        for i, j in pairs:
            compared += 1
            first, second = traits[i], traits[j]
            if _compatible(first, second):
                strength = _evidence(first, second)
                if strength > 0:
                    links.append((-strength, i, j))
        if stats is not None:
            stats.pairs += compared
            stats.links += len(links)
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


def assemble(
    articles: Iterable[ArticleInfo],
    mentions: Iterable[Mention],
    *,
    window: Optional[int] = WINDOW,
    all_pairs: bool = False,
    stats: Optional[MergeStats] = None,
) -> Timeline:
    """The timeline of these articles and mentions: merged, ordered, independent of input order.

    ``window``, ``all_pairs`` and ``stats`` are passed to :func:`cluster`.
    """
    # One entry per id among the articles read, and per (id, error) among those that were not:
    # an input that failed is listed even where its id is also a good article's (nothing lost).
    unique_articles: dict[tuple[str, Optional[str]], ArticleInfo] = {}
    for info in sorted(articles, key=lambda a: json.dumps(a.to_dict(), sort_keys=True)):
        unique_articles.setdefault((info.id, info.error), info)  # two versions of one id: the same one always wins
    infos = tuple(sorted(unique_articles.values(), key=lambda a: a.sort_key))
    sources = {a.id: a.source or a.id for a in infos}
    groups = cluster(mentions, window=window, all_pairs=all_pairs, stats=stats)
    entries = [make_entry(group, sources) for group in groups]
    return Timeline(articles=infos, entries=tuple(sorted(entries, key=entry_sort_key)))
