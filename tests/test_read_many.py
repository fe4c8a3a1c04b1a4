"""Reading many articles: the stream equals reading one by one, whatever the batching."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline import Article

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


@settings(max_examples=20, deadline=None)
@given(articles, st.integers(1, 4))
def test_read_many_equals_mapping_read(given_articles, batch_size):
    """Any batch size gives, in input order, exactly what reading each article alone gives."""
    assert timeline.read_many(given_articles, batch_size=batch_size) == [timeline.read(a) for a in given_articles]


def test_iter_read_streams_in_input_order_with_empty_articles_between():
    given_articles = [Article("", "2018-08-06", id="empty-1"), Article("Paul met Kosachev on Monday.", "2018-08-07", id="x"), Article("  ", "2018-08-06", id="empty-2")]
    results = list(timeline.iter_read(iter(given_articles), batch_size=1))
    assert [r.article.id for r in results] == ["empty-1", "x", "empty-2"]
    assert [len(r.time_expressions) for r in results] == [0, 1, 0]


def test_several_processes_give_the_same_result():
    from conftest import seed_articles

    seeds = seed_articles()
    assert timeline.read_many(seeds, n_process=2, batch_size=2) == timeline.read_many(seeds)


def test_progress_is_called_once_per_article_in_order():
    seen = []
    given_articles = [Article("Paul met Kosachev on Monday.", "2018-08-07", id=f"a{i}") for i in range(3)]
    timeline.read_many(given_articles, progress=lambda read: seen.append(read.article.id))
    assert seen == ["a0", "a1", "a2"]
