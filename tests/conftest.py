"""Shared fixtures: the seed articles as the library's users would build them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import timeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_articles() -> list[timeline.Article]:
    meta = json.loads((SEEDS / "seeds.json").read_text(encoding="utf-8"))
    return [
        timeline.Article(
            text=(SEEDS / entry["file"]).read_text(encoding="utf-8"),
            published=entry["published"],
            source=entry["source"],
            url=entry.get("url"),
            id=entry["file"],
        )
        for entry in meta["articles"]
    ]


@pytest.fixture(scope="session")
def seeds_read() -> dict[str, timeline.ReadArticle]:
    """Both seeds read once per test session, keyed by source name."""
    articles = seed_articles()
    return {r.article.source: r for r in timeline.read_many(articles)}
