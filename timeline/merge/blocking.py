"""Candidate pairs: which mentions are compared at all.

Comparing every pair costs n² at 100,000 mentions; only pairs that could be linked
(:mod:`.cluster`) are compared, those that share a blocking key: a predicate root or class (the
predicate tiers), a week (the day and week tiers, for mentions dated to a week or finer), a
speaker's name (the statement tier; each word of it by its first three letters, also with one of
them left out, so that Kosachev and Kosachyov, Gaddafi and Qaddafi meet). Where
one key holds more than ``window + 1`` mentions, each is compared only with its ``window``
neighbours in date order (sorted neighbourhood). Pairs where one refers to or attributes the
other are always compared.
"""

from __future__ import annotations

from datetime import date
from typing import Iterator, Optional, Sequence

from attrs import define

from ..model import Mention
from .names import name_words, surname_keys
from .similarity import Profile

__all__ = ["MergeStats", "WINDOW", "candidate_pairs"]

#: Sorted neighbourhood: within a block of more than ``WINDOW + 1`` mentions, each mention is
#: compared only with the ``WINDOW`` mentions after it (and so with the ``WINDOW`` before it) in
#: date order. Smaller blocks are compared in full.
WINDOW = 50


@define
class MergeStats:
    """What clustering compared: pass one to :func:`timeline.merge.cluster` or
    :func:`timeline.merge.assemble` to have it counted. Counts are added to, so one object can
    sum several calls."""

    #: Distinct mentions clustered.
    mentions: int = 0
    #: Blocks holding two mentions or more.
    blocks: int = 0
    #: Mentions in the largest block.
    largest_block: int = 0
    #: Blocks larger than ``window + 1``: compared with near neighbours only.
    windowed_blocks: int = 0
    #: Memberships of mentions in those blocks (a mention in three blocks counts three): each
    #: compares with at most ``window`` mentions after it per block, so with a window, pairs
    #: compared are at most ``window * memberships`` plus the pairs linked by reference.
    memberships: int = 0
    #: Distinct pairs compared (compatibility, then evidence): the cost that matters.
    pairs: int = 0
    #: Compared pairs with evidence: the candidate links.
    links: int = 0
    #: Mentions in the largest entry.
    largest_entry: int = 0


def _week(day: date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


def _position(mention: Mention) -> date:
    """Where a mention sits in a block's date order: its date's first day, else its publication day."""
    if mention.when is not None and mention.when.start is not None:
        return mention.when.start
    return date.fromisoformat(mention.published[:10]) if mention.published else date.max


def _keys(profile: Profile) -> set[tuple]:
    keys: set[tuple] = set() if profile.report else {("predicate", stem) for stem in profile.predicates}
    if profile.statement:
        keys.add(("statements of", profile.article))  # one article's statements are compared
    if profile.statement and profile.doer:
        # statements of one speaker: each word of the name by its first letters (as surnames
        # are compared: Kosachev / Kosachyov share "kos")
        keys.update(("speaker", key) for word in name_words(profile.doer) for key in surname_keys(word))
    if profile.precise and profile.when is not None and profile.start is not None and profile.end is not None:
        keys.update(("week", week) for week in {_week(profile.start), _week(profile.end)})
    return keys


def candidate_pairs(
    mentions: Sequence[Mention],
    profiles: Sequence[Profile],
    window: Optional[int],
    stats: Optional[MergeStats],
) -> Iterator[tuple[int, int]]:
    """Candidate pairs ``(i, j)``, ``i < j``, each once, made as they are needed (at 100,000
    mentions they are millions: a set of them would be the merge's largest allocation)."""
    order = sorted(range(len(mentions)), key=lambda i: (_position(mentions[i]), i))
    blocks: dict[tuple, list[int]] = {}
    places: dict[int, list[tuple[tuple, int]]] = {}
    for i in order:
        place = places[i] = []
        for key in _keys(profiles[i]):
            block = blocks.setdefault(key, [])
            place.append((key, len(block)))
            block.append(i)
    where = {profile.key: i for i, profile in enumerate(profiles)}
    rank = {i: place for place, i in enumerate(order)}
    linked: dict[int, set[int]] = {}
    for i, profile in enumerate(profiles):
        for target in (profile.refers_to, profile.attribution_of):
            j = where.get(target) if target is not None else None
            if j is not None and j != i:
                # with the one that comes first in the order, like a block's pairs: each pair once
                first, second = (i, j) if rank[i] < rank[j] else (j, i)
                linked.setdefault(first, set()).add(second)
    if stats is not None:
        sizes = [len(b) for b in blocks.values() if len(b) > 1]
        stats.blocks += len(sizes)
        stats.largest_block = max([stats.largest_block, *sizes])
        stats.windowed_blocks += sum(1 for size in sizes if window is not None and size > window + 1)
        stats.memberships += sum(sizes)
    for i in order:
        following: set[int] = set(linked.get(i, ()))
        for key, at in places[i]:
            block = blocks[key]
            following.update(block[at + 1 :] if window is None else block[at + 1 : at + 1 + window])
        for j in following:
            if j != i:
                yield (i, j) if i < j else (j, i)
