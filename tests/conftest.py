"""Shared fixtures: the seed articles as the library's users would build them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

import timeline

# Hypothesis profiles. "ci" runs every property test with the examples its decorator names (the
# full run); "dev", the default on a developer's machine, a tenth of them (at least 2), for a
# fast loop. TIMELINE_TEST_PROFILE chooses; without it, CI=true (set by CI services and
# .ci/run) means "ci". Slow tests are marked ``slow``: ``pytest -m "not slow"`` leaves them out.
PROFILE = os.environ.get("TIMELINE_TEST_PROFILE") or ("ci" if os.environ.get("CI", "").lower() in ("1", "true", "yes") else "dev")
if PROFILE not in ("ci", "dev"):
    raise pytest.UsageError(f"TIMELINE_TEST_PROFILE must be 'ci' or 'dev', not {PROFILE!r}")
settings.register_profile("ci", deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile(PROFILE)


def examples(count: int) -> int:
    """How many examples a property test runs: ``count`` under the ci profile, a tenth under dev."""
    return count if PROFILE == "ci" else max(2, count // 10)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_articles() -> list[timeline.Article]:
    return timeline.articles_from_meta(SEEDS / "seeds.json")


@pytest.fixture(scope="session")
def seeds_read() -> dict[str, timeline.ReadArticle]:
    """Both seeds read once per test session, keyed by source name."""
    articles = seed_articles()
    return {r.article.source: r for r in timeline.read_many(articles)}


@pytest.fixture(scope="session")
def seeds_timeline() -> timeline.Timeline:
    """The seed timeline, built once per test session."""
    return timeline.build(seed_articles())
