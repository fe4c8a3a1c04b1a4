"""Merge: the mentions of one real-world event, within and across articles, become one entry.

One module per step: :mod:`.similarity` (evidence and constraints for a pair), :mod:`.blocking`
(which pairs are compared at scale), :mod:`.cluster` (groups by a sieve of links, strongest
tier first, each join checked whole), :mod:`.entries` (an entry per group: date, status,
representative clause, salience), :mod:`.names` (tolerant names). The entry point is
:func:`assemble`. See ``docs/merging.md``.

The result depends only on the *set* of mentions, so the order of the input articles does not
matter, the same article twice adds nothing, and merging two timelines equals building one from
all their articles.
"""

from __future__ import annotations

import json
from typing import Iterable, Optional

from ..model import ArticleInfo, Mention, Timeline
from ..order import entry_sort_key
from .blocking import WINDOW, MergeStats
from .cluster import cluster, link
from .entries import make_entry, salience
from .names import NAME_SIMILARITY, names_match
from .similarity import Profile, Settings, Weights, compatible, dates_compatible

__all__ = [
    "NAME_SIMILARITY",
    "WINDOW",
    "MergeStats",
    "Settings",
    "assemble",
    "can_merge",
    "cluster",
    "dates_compatible",
    "make_entry",
    "names_match",
    "salience",
]


def can_merge(first: Mention, second: Mention, settings: Settings = Settings()) -> bool:
    """Could these two mentions be linked as one event (ignoring the rest of a group), with words
    weighed by these two alone (in a timeline, words are weighed over all its articles)?"""
    a, b = Profile.of(first), Profile.of(second)
    return compatible(a, b) and link(a, b, Weights([a, b]), settings) is not None


def assemble(
    articles: Iterable[ArticleInfo],
    mentions: Iterable[Mention],
    *,
    settings: Settings = Settings(),
    window: Optional[int] = WINDOW,
    all_pairs: bool = False,
    stats: Optional[MergeStats] = None,
) -> Timeline:
    """The timeline of these articles and mentions: merged, ordered, independent of input order.

    ``settings``, ``window``, ``all_pairs`` and ``stats`` are passed to :func:`cluster`.
    """
    # One entry per id among the articles read, and per (id, error) among those that were not:
    # an input that failed is listed even where its id is also a good article's (nothing lost).
    unique_articles: dict[tuple[str, Optional[str]], ArticleInfo] = {}
    for info in sorted(articles, key=lambda a: json.dumps(a.to_dict(), sort_keys=True)):
        unique_articles.setdefault((info.id, info.error), info)  # two versions of one id: the same one always wins
    infos = tuple(sorted(unique_articles.values(), key=lambda a: a.sort_key))
    sources = {a.id: a.source or a.id for a in infos}
    groups = cluster(mentions, settings=settings, window=window, all_pairs=all_pairs, stats=stats)
    entries = [make_entry(group, sources) for group in groups]
    return Timeline(articles=infos, entries=tuple(sorted(entries, key=entry_sort_key)))
