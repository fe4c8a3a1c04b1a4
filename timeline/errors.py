"""The library's own exceptions: every failure a caller can cause is one of these."""

from __future__ import annotations

from typing import Any


class TimelineError(Exception):
    """Base class of every error ``timeline`` raises on bad input."""


class InvalidArticleError(TimelineError, ValueError):
    """An article's fields are missing, of the wrong type or unusable."""

    def __init__(self, article: str, problem: str) -> None:
        self.article = article
        self.problem = problem
        super().__init__(f"article {article}: {problem}")

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors raised in worker processes (n_process, Dask) must unpickle intact.
        return (type(self), (self.article, self.problem))


class InvalidDateError(InvalidArticleError):
    """A publication date (or another date given by the caller) cannot be used."""


class InvalidExpressionError(TimelineError, ValueError):
    """A phrase handed to :func:`timeline.resolve` is not a string or is empty."""


class InvalidValueError(TimelineError, ValueError):
    """A TIMEX3 type or value that does not follow the TIMEX3 grammar."""


class ModelNotFoundError(TimelineError, RuntimeError):
    """No installed spaCy English pipeline could be loaded."""


class TimeMLError(TimelineError, ValueError):
    """A TimeML file cannot be read (no TEXT element, no DCT, broken XML)."""


class InvalidArgumentError(TimelineError, ValueError):
    """An argument other than an article is unusable (``build(errors="ignore")``, say)."""


class ReadError(InvalidArticleError):
    """Reading an article failed inside the pipeline (a bug: please report it with the text)."""


class MissingExtraError(TimelineError, ImportError):
    """A feature needs optional packages that are not installed (``pip install "news-timeline[html]"``)."""

    def __init__(self, extra: str, feature: str, packages: str, detail: str = "") -> None:
        self.extra = extra
        self.feature = feature
        self.packages = packages
        self.detail = detail
        cause = f" ({detail})" if detail else ""
        super().__init__(
            f'{feature} needs the optional extra news-timeline[{extra}] ({packages}): pip install "news-timeline[{extra}]"{cause}'
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.extra, self.feature, self.packages, self.detail))


class InvalidTimelineError(TimelineError, ValueError):
    """Text or data given to ``Timeline.from_json``/``from_dict`` is not a timeline."""


class TimelineWarning(UserWarning):
    """Base class of the warnings ``timeline`` gives about input it reads but cannot read well."""


class NotEnglishWarning(TimelineWarning):
    """An article's text does not read as English: timeline finds little or nothing in it."""

    def __init__(self, article: str, share: float, words: int) -> None:
        self.article = article
        self.share = share
        self.words = words
        super().__init__(
            f"article {article}: the text does not read as English ({share:.0%} of its {words} words are English "
            f"function words; English prose has 33% or more): timeline reads English only, expect few or no dates and events"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.article, self.share, self.words))


class MostlyDroppedWarning(TimelineWarning):
    """Most of an article's text was not read as article body (boilerplate, sidebars, lines
    printed twice): said, with how much was kept and why the rest was dropped."""

    def __init__(self, article: str, kept: int, total: int, dropped: dict[str, int]) -> None:
        self.article = article
        self.kept = kept
        self.total = total
        self.dropped = dropped
        reasons = ", ".join(f"{reason} {_size(size)}" for reason, size in sorted(dropped.items(), key=lambda x: (-x[1], x[0])))
        share = kept / total if total else 0.0
        super().__init__(f"article {article}: only {_size(kept)} of {_size(total)} ({share:.0%}) read as article body; dropped: {reasons}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.article, self.kept, self.total, self.dropped))


def _size(characters: int) -> str:
    if characters >= 1_000_000:
        return f"{characters / 1_000_000:.1f} M characters"
    if characters >= 10_000:
        return f"{characters / 1_000:.0f} k characters"
    return f"{characters:,} characters"
