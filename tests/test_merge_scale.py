"""Merge at scale: blocking and the sorted-neighbourhood window against comparing all pairs.

Where no block exceeds the window, blocking must give exactly the clusters all-pairs gives (on
the seeds, on the property tests' mentions, on small generated sets); what it costs is counted
in pairs compared (``MergeStats``), never in seconds. The synthetic stories come from
``benchmarks/merge_scale.py``.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import sys
from pathlib import Path
from typing import Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_merge_properties import mentions as drawn_mentions

from timeline import Mention, Participant, Sentence, Status, TimeValue
from timeline.merge import WINDOW, MergeStats, assemble, cluster, names_match

from conftest import examples

_SCALE = Path(__file__).resolve().parent.parent / "benchmarks" / "merge_scale.py"


def _load_generator():
    spec = importlib.util.spec_from_file_location("merge_scale", _SCALE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["merge_scale"] = module
    spec.loader.exec_module(module)
    return module


merge_scale = _load_generator()


@functools.lru_cache(maxsize=None)
def _generated(size: int, seed: int):
    return merge_scale.generate(size, seed=seed)


def _keys(groups: list[list[Mention]]) -> list[list[tuple]]:
    return [[m.key for m in group] for group in groups]


def _blocked_and_all_pairs(mentions, window: Optional[int] = WINDOW) -> tuple[list[list[Mention]], list[list[Mention]], MergeStats]:
    stats = MergeStats()
    blocked = cluster(mentions, window=window, stats=stats)
    return blocked, cluster(mentions, all_pairs=True), stats


# ---------------------------------------------------------------------------------------------
# The same clusters as all pairs where no block is windowed


def test_on_the_seeds_blocking_gives_the_all_pairs_clusters(seeds_timeline):
    mentions = seeds_timeline.mentions
    blocked, everything, stats = _blocked_and_all_pairs(mentions)
    assert stats.windowed_blocks == 0 and stats.largest_block <= WINDOW + 1
    assert _keys(blocked) == _keys(everything)
    assert stats.pairs < math.comb(len(mentions), 2) / 3
    assert assemble(seeds_timeline.articles, mentions) == seeds_timeline
    assert assemble(seeds_timeline.articles, mentions, all_pairs=True) == seeds_timeline


@settings(max_examples=examples(200), deadline=None)
@given(drawn_mentions(max_size=16))
def test_on_drawn_mentions_blocking_gives_the_all_pairs_clusters(drawn):
    blocked, everything, stats = _blocked_and_all_pairs(drawn)
    assert stats.windowed_blocks == 0
    assert blocked == everything
    assert cluster(drawn, window=None) == everything
    assert cluster(drawn, window=1) == cluster(list(reversed(drawn)), window=1)  # windowed: still a function of the set


@pytest.mark.parametrize("seed", range(5))
def test_on_small_generated_sets_blocking_gives_the_all_pairs_clusters(seed):
    data = merge_scale.generate(400, seed=seed)
    blocked, everything, stats = _blocked_and_all_pairs(data.mentions, window=None)
    assert _keys(blocked) == _keys(everything)
    assert stats.pairs * 3 < math.comb(len(data.mentions), 2)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(3))
def test_whole_blocks_give_the_all_pairs_clusters_on_larger_generated_sets(seed):
    """Without the window (``window=None``) only the blocking keys can lose a pair: here none that matters."""
    data = merge_scale.generate(2500, seed=seed)
    blocked, everything, stats = _blocked_and_all_pairs(data.mentions, window=None)
    assert stats.largest_block > WINDOW + 1  # blocks that the default window would cut
    assert _keys(blocked) == _keys(everything)


# ---------------------------------------------------------------------------------------------
# Speakers: which spellings blocking brings together, and the documented loss


def _mention(article: str, start: int, agent: Optional[str], *, when: Optional[str] = None, published: str = "2018-08-06",
             keywords: tuple[str, ...] = (), event: str = "say", entities: Optional[tuple[str, ...]] = None) -> Mention:  # fmt: skip
    """What a person says (``event="say"``: a statement, linked by its speaker) or does."""
    summary = f"{agent or 'someone'} {'said' if event == 'say' else event} {' '.join(keywords)}"
    entities = entities if entities is not None else ((agent,) if agent else ())
    return Mention(
        article=article,
        sentence=Sentence(summary + ".", start, start + len(summary) + 1),
        start=start,
        end=start + len(summary),
        trigger="said" if event == "say" else event,
        event=event,
        summary=summary,
        status=Status.HAPPENED,
        agent=agent,
        actors=entities,
        entities=entities,
        keywords=keywords,
        when=None if when is None else TimeValue("DATE", when),
        time_text=when,
        dated_by="none" if when is None else "text",
        published=published,
        lemma=event,
        stems=(event,),
        participants=tuple(Participant("doer", name, "PERSON") for name in ([agent] if agent else [])),
    )


@pytest.mark.parametrize(
    "first,second",
    [("Gaddafi", "Qaddafi"), ("Yeltsin", "Eltsin"), ("Tchaikovsky", "Chaikovsky"), ("Khrushchev", "Hrushchev"),
     ("Kosachev", "Kosachyov"), ("Sen. Rand Paul", "Paul"), ("Donald", "Donald Trump")],
)  # fmt: skip
def test_spellings_that_differ_in_one_of_their_first_letters_are_still_compared(first, second):
    """Two statements of one day by one speaker, spelled two ways, in two articles: one statement."""
    assert names_match(first, second)
    pair = [_mention("A", 0, first, when="2018-08-02"), _mention("B", 0, second, when="2018-08-02")]
    # Mentions in the same blocks (first names, words, first letters), on another day: compared, never merged.
    others = [_mention("C", 10 * i, name, when="2018-08-09") for i, name in enumerate(["Donald Tusk", "Gadsden", "Paul Ryan", "Elton"])]
    blocked, everything, stats = _blocked_and_all_pairs(pair + others)
    assert blocked == everything
    assert sorted(pair, key=lambda m: m.key) in [sorted(g, key=lambda m: m.key) for g in blocked]


def test_the_statements_of_one_article_are_compared_whatever_the_spelling_of_their_speaker():
    """Jaro-Winkler finds "Bonyachev" and "Nyachev" alike (0.93), but their first three letters
    differ by two edits: their name keys never meet. One article's statements are compared all
    the same (and across articles only statements of one day are linked, which the day brings
    together)."""
    assert names_match("Bonyachev", "Nyachev")
    pair = [_mention("A", 0, "Bonyachev", keywords=("budget", "cut")), _mention("A", 100, "Nyachev", keywords=("budget", "tax"))]
    blocked, everything, stats = _blocked_and_all_pairs(pair)
    assert len(everything) == 1 and blocked == everything
    assert stats.pairs == 1


# ---------------------------------------------------------------------------------------------
# The window: lossy by design, and what bounds the pairs compared


def test_a_mention_beyond_the_window_is_not_compared():
    """Trump criticised China on July 2 and, by an undated report published July 6, someone
    else on July 3, 4 and 5 (other days: other events). In date order the undated report sits
    after July 5; with a window of 2 it meets only July 4 and 5, so it no longer joins July 2 (a
    window of 4 reaches it)."""
    july2 = _mention("A", 0, "Trump", when="2018-07-02", keywords=("tariff", "china"), event="criticize")
    others = [_mention("A", 100 * d, "Trump", when=f"2018-07-0{d}", keywords=("golf",), event="criticize") for d in (3, 4, 5)]
    undated = _mention("B", 0, "Trump", published="2018-07-06", keywords=("tariff", "steel"), event="criticize")
    mentions = [july2, *others, undated]
    assert _keys(cluster(mentions, all_pairs=True)) == _keys(cluster(mentions, window=None))
    assert [july2.key, undated.key] in _keys(cluster(mentions, window=None))
    stats = MergeStats()
    windowed = cluster(mentions, window=2, stats=stats)
    assert stats.windowed_blocks >= 1 and len(windowed) == 5
    assert cluster(mentions, window=3) == windowed
    assert cluster(mentions, window=4) == cluster(mentions, window=None)


def _bound(data, window: int, stats: MergeStats) -> int:
    return window * stats.memberships + sum(1 for m in data.mentions if m.refers_to is not None)


@settings(max_examples=examples(15), deadline=None)
@given(seed=st.integers(0, 10**6), size=st.integers(50, 1500), window=st.sampled_from([1, 3, 10, WINDOW]))
def test_pairs_compared_are_bounded_by_the_window_times_the_block_memberships(seed, size, window):
    data = merge_scale.generate(size, seed=seed)
    stats = MergeStats()
    cluster(data.mentions, window=window, stats=stats)
    assert stats.mentions == size
    assert stats.pairs <= _bound(data, window, stats)
    assert stats.memberships <= 40 * size  # a handful of keys per mention, whatever the size


@pytest.mark.slow
@pytest.mark.parametrize("window,most", [(5, 1.3), (WINDOW, 1.6)])
def test_pairs_compared_grow_sub_quadratically(window, most):
    """Pairs compared on generated stories at 500, 2,000 and 8,000 mentions: the fitted log-log
    exponent stays well below 2 (all pairs of a class grow as n^2), and at 8,000 mentions blocking
    compares a small share of the pairs all-pairs would."""
    points = []
    for size in (500, 2000, 8000):
        data = _generated(size, 1)
        stats = MergeStats()
        cluster(data.mentions, window=window, stats=stats)
        assert stats.pairs <= _bound(data, window, stats)
        points.append((size, stats.pairs))
    exponent = merge_scale.slope(points)
    assert exponent is not None and exponent < most, points
    everything = math.comb(len(data.mentions), 2)
    assert points[-1][1] * 10 < everything, (points, everything)
