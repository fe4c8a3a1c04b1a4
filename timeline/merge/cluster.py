"""Clustering: mentions that report one event become one group, by a sieve of links.

Each candidate pair (:mod:`.blocking`) that can be one event (:func:`.similarity.compatible`)
gets the strongest link the evidence supports, in tiers from most to least certain:

1. **told** — an attribution and what it reports ("NASA has delayed the launch ..., NASA said
   on Tuesday"), an anaphor and what it refers to ("the previous trip");
2. **one predicate, dated** — related predicates ("convicted ... on June 6, 2018" / "was found
   guilty on Wednesday") whose dates overlap;
3. **one predicate, undated** — related predicates, one or both undated, whose clauses share
   specific words beyond the predicate (``Settings.content``; in a long story, not the words
   of the whole story: "oil" and "gulf" in a thousand reports of a spill), or told in one article ("The
   panel will begin deliberations early Tuesday morning" / "After nine hours of
   deliberations"), unless they are done to different things ("blamed tomatoes" / "blaming
   peppers");
4. **one day** — both dated to one single day, their sentences sharing a word ("the launch was
   scrubbed on Monday morning" / "Liftoff was set for Monday");
5. **one statement** — two things said by one named speaker, in one article (an interview or a
   press conference told in pieces: "Ms Jones today said" / "The embattled leader said he
   would move a vote"), or in two articles on one day, when one of them is a bare
   report ("Meyer added") or their words overlap like undated mentions of one predicate; and two
   reports of the same words by whoever ("Europe's drug watchdog has said the vaccine
   ..." / "The European Medicines Agency said today ...");
6. **one week** — both dated to overlapping weeks or days, their sentences sharing a word;
7. **a bare mention of a day** — in one article, a mention of nothing but an event and its day
   ("Friday's decision") and an event the article tells in full on that day ("the jury
   condemned him to death on Friday"): the bare one joins its strongest such link only, once.

Links are taken tier by tier, strongest first within a tier, and a link joins two groups only
when the groups fit together as a whole: their dates overlap, no predicate has two named doers
of one kind, two numbers ("the second ballot"), two counts ("three people have died" / "16
people have died") or is both asserted and denied, no two members are told to happen together ("on
the same day that": two events), the named participants of one predicate on either
side meet (one name of a kind in common), and what their reports allow holds (an undated "X
happened" published on day P cannot be an event dated after P; a plan published on P cannot be
an event before P, nor one that an article before P reported done, unless it is told as
planned in the past: "decided to ban"). A *leaf* (a bare mention:
"the outbreak", "said") only joins the group of its strongest link, so it never holds two groups
together.

The result depends only on the *set* of mentions: they are deduplicated and put in a canonical
order first, and ties are broken by that order.
"""

from __future__ import annotations

import itertools
import json
from datetime import date
from typing import Iterable, Iterator, Optional

from attrs import define

from ..model import Mention, Status
from ..order import mention_sort_key
from .blocking import WINDOW, MergeStats, candidate_pairs
from .names import names_match
from .similarity import (
    Profile,
    Settings,
    Weights,
    apart_in_time,
    compatible,
    different_doers,
    different_objects,
    different_times,
    linked,
    named_apart,
    named_participants,
    related_predicates,
    same_speaker,
    told_apart,
)

__all__ = ["canonical", "cluster", "links"]

# The tiers of :func:`links`, most certain first.
TOLD, DATED, UNDATED, SAME_DAY, STATEMENT, SAME_WEEK, BARE_DAY = range(7)


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


def link(first: Profile, second: Profile, weights: Weights, settings: Settings) -> Optional[tuple[int, float]]:
    """The tier and strength of the link between two compatible mentions, or None."""
    if linked(first, second):
        return TOLD, 1.0
    dated = first.when is not None and second.when is not None
    if related_predicates(first, second):
        if dated:
            return DATED, weights.cosine(first.sentence_words, second.sentence_words)
        # (undated: only words specific to an event in the story say which one it is)
        content = weights.cosine(weights.specific(first.words - first.predicates), weights.specific(second.words - second.predicates))
        one_article = first.article == second.article and first.root == second.root
        if (content >= settings.content or one_article) and not different_objects(first, second):
            return UNDATED, content
    same_day = dated and first.one_day and second.one_day and first.start == second.start
    overlap = weights.cosine(first.sentence_words, second.sentence_words)
    # saying and doing are two events: the day links two statements, or two deeds
    # ("unveiled a new package" is a deed: what is announced is a thing, not words)
    alike = _saying(first) == _saying(second)
    if same_day and alike and overlap > settings.day and (first.article != second.article or settings.day_in_one_article):
        return SAME_DAY, _strength(first, second, overlap, weights)
    attribution = first.attribution_of is not None or second.attribution_of is not None
    if first.statement and second.statement and not attribution and (first.article == second.article or same_day):
        # (one article, or one day: what the blocking keys of statements bring together)
        bare = first.report or second.report
        if same_speaker(first, second) and (bare or overlap >= settings.content):
            return STATEMENT, overlap
        if first.report and second.report and not different_doers(first, second) and weights.cosine(first.words, second.words) >= settings.content:
            return STATEMENT, overlap  # two reports of the same words: "its drug agency said" ...
    if dated and first.precise and second.precise and alike and overlap > settings.day and (first.article != second.article or settings.day_in_one_article):
        return SAME_WEEK, overlap
    if same_day and alike and first.article == second.article and first.bare != second.bare:
        # "Friday's decision was the conclusion ...", where the article tells that "the jury
        # condemned him on Friday": a bare mention of the day is the event the article tells of
        # that day in full (two bare ones tell nothing of each other)
        return BARE_DAY, _strength(first, second, overlap, weights)
    return None


def _strength(first: Profile, second: Profile, overlap: float, weights: Weights) -> float:
    """A day link's strength: the sentences' overlap and what the clauses share themselves.
    "unveiled a new package of Russia sanctions" is nearer "unfurled a comprehensive sanctions
    package" than "Kosachyov announced Paul's trip" (the same sentence's words) is. Computed only
    for the links that use it: most pairs compared are no day link."""
    return overlap + weights.cosine(first.words, second.words)


def links(mentions: list[Mention], profiles: list[Profile], weights: Weights, settings: Settings, pairs: Iterable[tuple[int, int]]) -> list[tuple[int, float, int, int]]:
    """The links among candidate pairs as (tier, -strength, i, j), in the order they are taken."""
    found = []
    for i, j in pairs:
        first, second = profiles[i], profiles[j]
        if compatible(first, second):
            result = link(first, second, weights, settings)
            if result is not None:
                found.append((result[0], -result[1], i, j))
    return sorted(found)


def _saying(profile: Profile) -> bool:
    return profile.report or (profile.statement and not profile.objects)


@define
class _Group:
    """A growing group of mentions and what all of them together allow."""

    members: list[int]
    #: The intersection of the members' date ranges, or None while no member is dated.
    window: Optional[tuple[date, date]]
    #: Each predicate's mentions (root -> profiles): one predicate with two named doers of one
    #: kind, or asserted and denied, is two events.
    roles: dict[str, list[Profile]]
    #: What happened began by the earliest publication day that reports it as done; what is
    #: planned ends after the latest day that plans it.
    done_by: Optional[date]
    not_before: Optional[date]
    #: Its members' keys, and the keys of the mentions told to happen together with one of
    #: them ("on the same day that"): other events, never in this group.
    keys: set[tuple[str, int, int, str]]
    apart: set[tuple[str, int, int, str]]
    #: The times of day its members give ("on Friday morning"): two that cannot meet are two events.
    clocks: list[tuple[date, int, int]]
    #: The members that an article of unknown date dates by an expression ("on Monday"):
    #: two different expressions of one article are two times (:func:`.similarity.apart_in_time`).
    unknown_times: list[Profile]

    @classmethod
    def of(cls, index: int, profile: Profile) -> "_Group":
        if profile.attribution_of is not None:
            # an attribution is dated by its saying ("..., NASA said on Tuesday" of a Monday
            # scrub): it constrains nothing of the event it reports
            return cls([index], None, {}, None, None, {profile.key}, set(profile.together), [], [])
        window = (profile.start, profile.end) if profile.start is not None and profile.end is not None else None
        # told as done: by the day it is published; told as planned: after it (unless its own
        # date says otherwise: then the date or the status is wrong, and neither constrains)
        published, start, end = profile.published, profile.start, profile.end
        done = planned = None
        if published is not None and profile.status is Status.HAPPENED and (start is None or start <= published):
            done = published
        if published is not None and profile.status is Status.PLANNED and not profile.planned_in_past and (end is None or end >= published):
            planned = published  # ("decided to ban" was planned before it was published)
        clocks = [profile.clock] if profile.clock is not None else []
        unknown = [profile] if profile.unknown_time is not None else []
        return cls([index], window, {profile.root: [profile]}, done, planned, {profile.key}, set(profile.together), clocks, unknown)

    def allows(self, other: "_Group") -> bool:
        window = _intersect(self.window, other.window)
        if window is False:
            return False
        if self.apart & other.keys or other.apart & self.keys:
            return False
        if any(different_times(a, b) for a in self.clocks for b in other.clocks):
            return False
        if any(apart_in_time(a, b) for a in self.unknown_times for b in other.unknown_times):
            return False
        done = min((d for d in (self.done_by, other.done_by) if d is not None), default=None)
        planned = max((d for d in (self.not_before, other.not_before) if d is not None), default=None)
        if window is not None and (done is not None and window[0] > done or planned is not None and window[1] < planned):
            return False
        if done is not None and planned is not None and planned > done:
            return False  # planned in an article published after another reported it done
        for root, profiles in self.roles.items():
            for a in profiles:
                for b in other.roles.get(root, ()):
                    if told_apart(a, b):
                        return False
            # one predicate: its named participants on either side must meet somewhere
            if root in other.roles and named_apart(
                [n for a in profiles for n in named_participants(a)], [n for b in other.roles[root] for n in named_participants(b)]
            ):
                return False
        return True

    def absorb(self, other: "_Group") -> None:
        self.members += other.members
        self.keys |= other.keys
        self.apart |= other.apart
        self.clocks += other.clocks
        self.unknown_times += other.unknown_times
        window = _intersect(self.window, other.window)
        self.window = None if window is False else window
        for root, profiles in other.roles.items():
            self.roles.setdefault(root, []).extend(profiles)
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
    ordered = canonical(mentions)
    profiles = [Profile.of(m) for m in ordered]
    weights = Weights(profiles)
    n = len(ordered)
    if stats is not None:
        stats.mentions += n
    if all_pairs:
        pairs: Iterator[tuple[int, int]] = ((i, j) for i in range(n) for j in range(i + 1, n))
    else:
        pairs = candidate_pairs(ordered, profiles, window, stats)
    compared = [0]

    def counted(pairs: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
        for pair in pairs:
            compared[0] += 1
            yield pair

    found = links(ordered, profiles, weights, settings, counted(pairs))  # sorted: any pair order gives one result
    if stats is not None:
        stats.pairs += compared[0]
        stats.links += len(found)
    groups = {i: _Group.of(i, profiles[i]) for i in range(n)}
    owner = list(range(n))

    def join(i: int, j: int) -> None:
        a, b = sorted((owner[i], owner[j]))
        if a != b and groups[a].allows(groups[b]):
            _unite(groups, owner, a, b)

    leaves = {i for i in range(n) if profiles[i].leaf}
    placed: set[int] = set()
    for tier, _, i, j in found:
        if tier == TOLD or (tier != BARE_DAY and i not in leaves and j not in leaves):
            join(i, j)
    for _tier, _, i, j in found:  # a leaf joins the group of its strongest link, once
        for leaf, other in ((i, j), (j, i)):
            if leaf in leaves and other not in leaves and leaf not in placed and len(groups[owner[leaf]].members) == 1:
                join(other, leaf)
                placed.add(leaf)
    joined_bare: set[int] = set()
    for tier, _, i, j in found:  # a bare mention of a day joins its strongest one of that day, once
        for bare, other in ((i, j), (j, i)):
            if tier == BARE_DAY and profiles[bare].bare and bare not in joined_bare:
                join(other, bare)
                joined_bare.add(bare)
    _join_lone_predicates(groups, owner, profiles, weights, join)
    _join_disagreeing_days(groups, owner, profiles, weights)
    result = [[ordered[i] for i in sorted(group.members)] for _, group in sorted(groups.items())]
    if stats is not None and result:
        stats.largest_entry = max(stats.largest_entry, max(len(g) for g in result))
    return result


def _unite(groups: dict[int, _Group], owner: list[int], a: int, b: int) -> None:
    """Group ``b`` joins group ``a`` (a < b): its members are ``a``'s from now on."""
    groups[a].absorb(groups.pop(b))
    for member in groups[a].members:
        owner[member] = a


#: Two reports of one event may date it a day apart (a time zone, "yesterday" read a day late):
#: how far apart, and how much of their clauses' words they must share beyond the predicate.
DISAGREE_DAYS = 1
DISAGREE_CONTENT = 0.5


def _join_disagreeing_days(groups: dict[int, _Group], owner: list[int], profiles: list[Profile], weights: Weights) -> None:
    """Sources that disagree on the day: "Paul met Kosachev on Monday" in one article, "Paul
    met Kosachev on Tuesday" in another. Two groups dated to days ``DISAGREE_DAYS`` apart are
    one event told with two dates when no article tells both, and a mention of each has the
    same predicate, the same named participants (a named doer among them), nothing telling
    them apart, and shares ``DISAGREE_CONTENT`` of its words; the entry then shows both dates
    (``Entry.conflicts``). Two meetings on two days that one article tells, or that differ in
    any named participant or in what they are about, stay two."""
    by_root: dict[str, list[int]] = {}
    for key, group in sorted(groups.items()):
        window = group.window
        if window is None or window[0] != window[1]:
            continue
        for root in sorted({profiles[m].root for m in group.members}):
            by_root.setdefault(root, []).append(key)
    for root, keys in sorted(by_root.items()):
        for first_key, second_key in itertools.combinations(keys, 2):
            first_group, second_group = groups.get(owner[first_key]), groups.get(owner[second_key])
            if first_group is None or second_group is None or first_group is second_group:
                continue
            if first_group.window is None or second_group.window is None:
                continue
            apart = abs((first_group.window[0] - second_group.window[0]).days)
            if apart == 0 or apart > DISAGREE_DAYS:
                continue
            if {profiles[m].article for m in first_group.members} & {profiles[m].article for m in second_group.members}:
                continue  # one article tells both: two events of two days
            if any(_one_event_told_twice(profiles[a], profiles[b], weights) for a in first_group.members for b in second_group.members if profiles[a].root == root == profiles[b].root):
                _unite(groups, owner, *sorted((owner[first_key], owner[second_key])))


def _one_event_told_twice(first: Profile, second: Profile, weights: Weights) -> bool:
    if not (first.one_day and second.one_day) or first.attribution_of is not None or second.attribution_of is not None:
        return False
    if first.negated != second.negated or told_apart(first, second) or first.status != second.status:
        return False
    names_first, names_second = named_participants(first), named_participants(second)
    if not first.doer or first.doer_kind is None or len(names_first) < 2 or len(names_first) != len(names_second):
        return False
    if any(not any(kind == other_kind and names_match(name, other) for other, other_kind in names_second) for name, kind in names_first):
        return False
    return weights.cosine(first.words - first.predicates, second.words - second.predicates) >= DISAGREE_CONTENT


#: A story that dates more events of one predicate than this ("meeting" on many days) leaves an
#: undated mention of it apart without comparing it with each (which also keeps the pass linear).
LONE_PREDICATE_GROUPS = 4


def _join_lone_predicates(groups: dict[int, _Group], owner: list[int], profiles: list[Profile], weights: Weights, join) -> None:
    """An undated group whose predicate the story dates in one group only joins that group
    ("the hearing will be held" / "the court set a hearing for Friday morning"): one predicate
    is one event of the story unless the story tells of two. Only the dated groups it could be
    count: "the meeting will be held", published on Thursday, is not Tuesday's meeting, so of
    Tuesday's and Friday's it can only be Friday's. Where two remain, the one it shares clearly
    more words with is meant (:func:`_nearest_in_content`); otherwise nothing says which, and
    the group stays apart."""
    dated: dict[str, list[int]] = {}  # predicate -> a member of each dated group that has it
    for group in groups.values():
        if group.window is not None:
            seen: set[str] = set()
            for member in group.members:
                profile = profiles[member]
                if not profile.statement and profile.attribution_of is None and profile.root not in seen:
                    seen.add(profile.root)
                    dated.setdefault(profile.root, []).append(member)
    def lone(group: _Group) -> bool:
        # undated, or dated by its publication only and of one predicate: "has been sentenced",
        # published on Wednesday, has no date of its own, and its publication only narrows the
        # groups it can be (a group that tells of deaths and of the outbreak is more than "the
        # outbreak" of some day)
        if group.window is None:
            return True
        first = profiles[group.members[0]]
        return all(profiles[m].when is None and profiles[m].root == first.root for m in group.members)

    for key in sorted(k for k, g in groups.items() if lone(g)):
        for member in groups[key].members if key in groups else ():
            profile = profiles[member]
            if profile.statement or profile.attribution_of is not None:
                continue
            candidates: dict[int, int] = {}  # dated group -> its first member with the predicate
            for other in dated.get(profile.root, ()):
                if owner[other] != key:
                    candidates.setdefault(owner[other], other)
            if not candidates or len(candidates) > LONE_PREDICATE_GROUPS:
                continue
            # only the dated groups it could be count (a plan published on Thursday is not
            # Tuesday's meeting)
            allowed = [candidates[g] for g in candidates if groups[g].allows(groups[key])]
            if len(allowed) > 1:
                allowed = _nearest_in_content(profile, allowed, groups, owner, weights)
            if len(allowed) == 1 and _may_be(profile, profiles[allowed[0]], weights):
                join(allowed[0], member)
                break


def _nearest_in_content(
    profile: Profile, allowed: list[int], groups: dict[int, _Group], owner: list[int], weights: Weights
) -> list[int]:
    """Of several dated groups of one predicate, the one the mention shares clearly more of its
    own words with ("the jury recommended a death sentence": the jury's sentence, not the
    judge's), or all of them when none stands out."""
    own = profile.words - profile.predicates
    scores = []
    for member in allowed:
        # (its first few mentions of the predicate: enough to know it, and keeps the pass linear)
        told = itertools.islice(groups[owner[member]].roles.get(profile.root, ()), CONTENT_MENTIONS)
        words = frozenset().union(*(p.words - p.predicates for p in told))
        scores.append((weights.cosine(own, words), member))
    scores.sort(reverse=True)
    best, second = scores[0][0], scores[1][0]
    return [scores[0][1]] if best > 0 and best >= CONTENT_MARGIN * second else allowed


#: How many times more an undated mention must share with one dated group of its predicate than
#: with the next to be taken for it (set before measuring, not tuned).
CONTENT_MARGIN = 2.0
CONTENT_MENTIONS = 8


def _may_be(undated: Profile, dated: Profile, weights: Weights) -> bool:
    """Nothing tells the two apart, and the undated one is bare ("the meeting will be held")
    or shares a word beyond the predicate ("the senator launched a campaign" is not "NASA
    launched a rocket from Florida")."""
    if not compatible(undated, dated) or different_objects(undated, dated):
        return False
    own = weights.specific(undated.words - undated.predicates)
    return (undated.leaf and not weights.story_wide) or weights.cosine(own, weights.specific(dated.words - dated.predicates)) > 0
