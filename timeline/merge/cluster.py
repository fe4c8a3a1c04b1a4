"""Clustering: mentions that report one event become one group.

Candidate pairs (:mod:`.blocking`) are scored (:mod:`.similarity`); groups are joined greedily,
best first, by average linkage: two groups join when the mean score of all pairs between them
(pairs with no evidence count 0) reaches ``Settings.average``, or when one pair between them
is as strong as ``Settings.strong`` (the same predicate, words and day). A join must leave the
group consistent as a whole: its dates overlap, it is all denial or no denial, its named doers
match, no two of its clauses come from one sentence, and what its reports allow holds (an
undated "X happened" published on day P cannot be an event dated after P; a plan published on
P cannot be an event before P). So a chain of look-alikes cannot pull two events together.

The result depends only on the *set* of mentions: they are deduplicated and put in a
canonical order first, and ties are broken by that order.
"""

from __future__ import annotations

import heapq
import json
from datetime import date
from typing import Iterable, Optional

from attrs import define

from ..model import Mention, Status
from ..order import mention_sort_key
from .blocking import WINDOW, MergeStats, candidate_pairs
from .names import names_match
from .similarity import Model, Profile, Settings, Weights, compatible, score

__all__ = ["canonical", "cluster"]


def _full_key(mention: Mention) -> str:
    """A total order over mentions, for choosing between two versions of one mention."""
    return json.dumps(mention.to_dict(), sort_keys=True, ensure_ascii=False)


def canonical(mentions: Iterable[Mention]) -> list[Mention]:
    """Deduplicated, in an order that depends on nothing but the mentions themselves.

    Two versions of one mention (same article, offsets and class, e.g. from an updated article
    fed again under its id) resolve to the same one whatever the input order.
    """
    unique: dict[tuple[str, int, int, str], Mention] = {}
    for mention in sorted(mentions, key=_full_key):
        unique.setdefault(mention.key, mention)
    return sorted(unique.values(), key=mention_sort_key)


@define
class _Group:
    """A growing group of mentions and what all of them together allow."""

    members: list[int]
    #: The intersection of the members' date ranges, or None while no member is dated.
    window: Optional[tuple[date, date]]
    #: Who does or says each predicate (root -> names): one predicate, two doers, two events.
    roles: dict[str, list[str]]
    #: Denied or not; None while only attributions are in it (they follow what they report).
    negated: Optional[bool]
    sentences: set[tuple[str, tuple[int, int]]]
    #: What happened began by the latest publication day that reports it as done; what is
    #: planned ends after the earliest day that plans it.
    done_by: Optional[date]
    not_before: Optional[date]

    @classmethod
    def of(cls, index: int, profile: Profile) -> "_Group":
        window = (profile.start, profile.end) if profile.start is not None and profile.end is not None else None
        done = profile.published if profile.status is Status.HAPPENED and profile.when is None else None
        planned = profile.published if profile.status is Status.PLANNED and profile.when is None else None
        attribution = profile.attribution_of is not None
        sentences = set() if attribution else {(profile.article, profile.sentence)}
        roles = {profile.root: [profile.speaker]} if profile.speaker and not attribution else {}
        return cls([index], window, roles, None if attribution else profile.negated, sentences, done, planned)

    def allows(self, other: "_Group") -> bool:
        window = _intersect(self.window, other.window)
        if window is False:
            return False
        if window is not None:
            for done in (self.done_by, other.done_by):
                if done is not None and window[0] > done:
                    return False
            for planned in (self.not_before, other.not_before):
                if planned is not None and window[1] < planned:
                    return False
        done = min((d for d in (self.done_by, other.done_by) if d is not None), default=None)
        planned = max((d for d in (self.not_before, other.not_before) if d is not None), default=None)
        if done is not None and planned is not None and planned > done:
            return False  # planned in an article published after another reported it done
        for root, names in self.roles.items():
            if any(not names_match(a, b) for a in names for b in other.roles.get(root, ())):
                return False
        return True

    def absorb(self, other: "_Group") -> None:
        self.members += other.members
        window = _intersect(self.window, other.window)
        self.window = None if window is False else window
        for root, names in other.roles.items():
            known = self.roles.setdefault(root, [])
            known += [name for name in names if name not in known]
        self.negated = other.negated if self.negated is None else self.negated
        self.sentences |= other.sentences
        self.done_by = min((d for d in (self.done_by, other.done_by) if d is not None), default=None)
        self.not_before = max((d for d in (self.not_before, other.not_before) if d is not None), default=None)


def _intersect(first: Optional[tuple[date, date]], second: Optional[tuple[date, date]]):
    """The overlap of two date windows; None when neither is dated; False when they are disjoint."""
    if first is None or second is None:
        return first or second
    start, end = max(first[0], second[0]), min(first[1], second[1])
    return (start, end) if start <= end else False


def cluster(
    mentions: Iterable[Mention],
    *,
    settings: Settings = Settings(),
    window: Optional[int] = WINDOW,
    all_pairs: bool = False,
    stats: Optional[MergeStats] = None,
) -> list[list[Mention]]:
    """Group the mentions of one event (see the module docstring).

    ``window=None`` compares whole blocks; ``all_pairs=True`` compares every pair (the
    reference the blocking is tested against).
    """
    model = settings.resolved
    ordered = canonical(mentions)
    profiles = [Profile.of(m) for m in ordered]
    weights = Weights(profiles)
    n = len(ordered)
    if stats is not None:
        stats.mentions += n
    if all_pairs:
        pairs: Iterable[tuple[int, int]] = ((i, j) for i in range(n) for j in range(i + 1, n))
    else:
        pairs = set(candidate_pairs(ordered, profiles, weights, window, stats))
    scores: dict[tuple[int, int], float] = {}
    compared = 0
    for i, j in sorted(pairs):
        compared += 1
        first, second = profiles[i], profiles[j]
        if compatible(first, second):
            strength = score(first, second, weights, model)
            if strength > 0:
                scores[(i, j)] = strength
    if stats is not None:
        stats.pairs += compared
        stats.links += len(scores)
    groups = _agglomerate(n, profiles, scores, model)
    result = [[ordered[i] for i in sorted(group.members)] for group in groups]
    if stats is not None and result:
        stats.largest_entry = max(stats.largest_entry, max(len(g) for g in result))
    return result


def _agglomerate(n: int, profiles: list[Profile], scores: dict[tuple[int, int], float], model: Model) -> list[_Group]:
    """Average linkage over the core mentions' sparse scores, best join first, each join checked
    whole; then each leaf joins the group of its likeliest core partner."""
    groups = {i: _Group.of(i, profiles[i]) for i in range(n)}
    owner = list(range(n))
    certain = sorted(pair for pair, p in scores.items() if p >= 1.0)
    for i, j in certain:  # attributions and anaphors: the text says they are one
        _join(groups, owner, owner[i], owner[j])
    leaves = {i for i in range(n) if profiles[i].leaf}
    # Between two groups: the sum of their pair scores and the strongest one.
    between: dict[tuple[int, int], list[float]] = {}
    for (i, j), strength in scores.items():
        if i in leaves or j in leaves:
            continue
        a, b = owner[i], owner[j]
        if a == b:
            continue
        pair = (min(a, b), max(a, b))
        current = between.setdefault(pair, [0.0, 0.0])
        current[0] += strength
        current[1] = max(current[1], strength)
    neighbours: dict[int, set[int]] = {}
    for a, b in between:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)

    def priority(a: int, b: int) -> Optional[float]:
        total, best = between[(a, b)]
        if best >= model.strong:
            return 1.0 + best
        mean = total / (_core_size(groups[a], leaves) * _core_size(groups[b], leaves))
        return mean if mean >= model.average else None

    heap: list[tuple[float, int, int]] = []
    for pair in sorted(between):
        value = priority(*pair)
        if value is not None:
            heapq.heappush(heap, (-value, pair[0], pair[1]))
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in groups or b not in groups or (a, b) not in between:
            continue
        value = priority(a, b)
        if value is None or value != -negative:
            continue  # stale: the groups changed since this entry was pushed
        if not groups[a].allows(groups[b]):
            continue
        keep, gone = a, b
        _join(groups, owner, keep, gone)
        between.pop((a, b), None)
        for other in neighbours.pop(gone, set()):
            if other == keep:
                continue
            old = between.pop((min(gone, other), max(gone, other)))
            pair = (min(keep, other), max(keep, other))
            current = between.get(pair)
            between[pair] = [old[0], old[1]] if current is None else [current[0] + old[0], max(current[1], old[1])]
            neighbours[other].discard(gone)
            neighbours[other].add(keep)
            neighbours.setdefault(keep, set()).add(other)
        neighbours.get(keep, set()).discard(gone)
        for other in sorted(neighbours.get(keep, ())):
            pair = (min(keep, other), max(keep, other))
            value = priority(*pair)
            if value is not None:
                heapq.heappush(heap, (-value, pair[0], pair[1]))
    # Leaves: to the group of the likeliest core mention, best attachment first.
    attachments = sorted(
        (-strength, leaf, other)
        for (i, j), strength in scores.items()
        for leaf, other in ((i, j), (j, i))
        if leaf in leaves and other not in leaves and strength >= model.attach
    )
    placed: set[int] = set()
    for _, leaf, other in attachments:
        if leaf in placed or owner[leaf] == owner[other]:
            continue
        if groups[owner[other]].allows(groups[owner[leaf]]):
            _join(groups, owner, owner[other], owner[leaf])
            placed.add(leaf)
    return [groups[i] for i in sorted(groups)]


def _core_size(group: _Group, leaves: set[int]) -> int:
    return max(1, sum(1 for member in group.members if member not in leaves))


def _join(groups: dict[int, _Group], owner: list[int], keep: int, gone: int) -> None:
    if keep == gone:
        return
    if gone < keep:
        keep, gone = gone, keep
    if not groups[keep].allows(groups[gone]):
        return
    groups[keep].absorb(groups.pop(gone))
    for member in groups[keep].members:
        owner[member] = keep
