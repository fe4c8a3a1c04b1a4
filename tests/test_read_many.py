"""Reading many articles: the stream equals reading one by one, whatever the batching."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline import Article

from conftest import examples

SENTENCES = (
    "Paul met Kosachev on Monday.",
    "The Senate unveiled a sanctions package last week.",
    "He will travel to Moscow next month.",
    "Skip to content",
    "",
    "Nothing happened.\n\nRecent Stories\n\nPhotos of the week ending May 24, 2024",
)

articles = st.lists(
    st.builds(
        lambda parts, day, n: Article("\n\n".join(parts), day, id=f"a{n}"),
        st.lists(st.sampled_from(SENTENCES), max_size=3),
        st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
        st.integers(0, 10**6),
    ),
    max_size=5,
)


@settings(max_examples=examples(20), deadline=None)
@given(articles, st.integers(1, 4))
def test_read_many_equals_mapping_read(given_articles, batch_size):
    """Any batch size gives, in input order, exactly what reading each article alone gives."""
    assert timeline.read_many(given_articles, batch_size=batch_size) == [timeline.read(a) for a in given_articles]


def test_iter_read_streams_in_input_order_with_empty_articles_between():
    given_articles = [Article("", "2018-08-06", id="empty-1"), Article("Paul met Kosachev on Monday.", "2018-08-07", id="x"), Article("  ", "2018-08-06", id="empty-2")]
    results = list(timeline.iter_read(iter(given_articles), batch_size=1))
    assert [r.article.id for r in results] == ["empty-1", "x", "empty-2"]
    assert [len(r.time_expressions) for r in results] == [0, 1, 0]


@pytest.mark.slow
def test_several_processes_give_the_same_result():
    from conftest import seed_articles

    seeds = seed_articles()
    assert timeline.read_many(seeds, n_process=2, batch_size=2) == timeline.read_many(seeds)


def test_progress_is_called_once_per_article_in_order():
    seen = []
    given_articles = [Article("Paul met Kosachev on Monday.", "2018-08-07", id=f"a{i}") for i in range(3)]
    timeline.read_many(given_articles, progress=lambda read: seen.append(read.article.id))
    assert seen == ["a0", "a1", "a2"]


# --- reading time expressions alone ---------------------------------------------------------


@settings(max_examples=examples(15), deadline=None)
@given(articles, st.integers(1, 4))
def test_times_only_stream_equals_mapping_read(given_articles, batch_size):
    assert timeline.read_many(given_articles, batch_size=batch_size, events=False) == [
        timeline.read(a, events=False) for a in given_articles
    ]


@settings(max_examples=examples(15), deadline=None)
@given(articles)
def test_times_only_finds_what_the_full_pipeline_finds(given_articles):
    """On these texts the NER adds no seed: both modes find the same expressions and values."""
    full = timeline.read_many(given_articles)
    alone = timeline.read_many(given_articles, events=False)
    assert [r.time_expressions for r in alone] == [r.time_expressions for r in full]
    assert all(r.events == () for r in alone)


def test_times_only_on_the_seeds_matches_the_full_pipeline(seeds_read):
    from conftest import seed_articles

    alone = {r.article.source: r for r in timeline.read_many(seed_articles(), events=False)}
    for source, full in seeds_read.items():
        assert [(e.text, e.start, e.value) for e in alone[source].time_expressions] == [
            (e.text, e.start, e.value) for e in full.time_expressions
        ]


def test_times_only_sentences_cover_the_body_in_order():
    text = "The cat sat on the mat. It was quiet.\n\nHe said on Monday that he would return. Nobody knows why."
    read = timeline.read(Article(text, "2018-08-07"), events=False)
    assert [s.text for s in read.sentences] == [
        "The cat sat on the mat.",
        "It was quiet.",
        "He said on Monday that he would return.",
        "Nobody knows why.",
    ]
    assert all(text[s.start : s.end] == s.text for s in read.sentences)
    assert [(e.text, e.value.value, e.sentence.text) for e in read.time_expressions] == [
        ("Monday", "2018-08-06", "He said on Monday that he would return.")
    ]


def test_sentence_runs_group_sentences_by_time_cue():
    from timeline.detect import sentence_runs
    from timeline.nlp import load_pipeline

    text = "The dog barked. It purred. He left on Monday. In 1999 it rained. Nobody knows why."
    runs = sentence_runs(text, load_pipeline())
    assert [(run.has_cue, [text[a:b] for a, b in run.sentences]) for run in runs] == [
        (False, ["The dog barked.", "It purred."]),
        (True, ["He left on Monday.", "In 1999 it rained."]),
        (False, ["Nobody knows why."]),
    ]


@settings(max_examples=examples(300))
@given(texts=st.lists(st.text(max_size=50), max_size=40), size=st.integers(1, 8), chars=st.integers(1, 120))
def test_batches_keep_every_text_in_order_within_both_limits(texts, size, chars):
    """What is parsed at once is bounded by texts and by characters (spaCy's memory grows with a
    batch's tokens); a text longer than the limit is a batch of its own."""
    from timeline.nlp import batches

    made = list(batches(texts, size, chars))
    assert [text for batch in made for text in batch] == texts
    assert all(1 <= len(batch) <= size and (len(batch) == 1 or sum(map(len, batch)) <= chars) for batch in made)
