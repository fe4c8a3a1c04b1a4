"""Shared fixtures: the seed articles as the library's users would build them."""

from __future__ import annotations

from pathlib import Path

import pytest

import timeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_articles() -> list[timeline.Article]:
    return timeline.articles_from_meta(SEEDS / "seeds.json")


@pytest.fixture(scope="session")
def seeds_read() -> dict[str, timeline.ReadArticle]:
    """Both seeds read once per test session, keyed by source name."""
    articles = seed_articles()
    return {r.article.source: r for r in timeline.read_many(articles)}
