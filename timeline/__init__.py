"""timeline: turn news articles into one ordered, sourced timeline of events.

``import timeline`` is light: spaCy and its model load on the first call that needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    InvalidArgumentError,
    InvalidArticleError,
    InvalidDateError,
    InvalidExpressionError,
    InvalidTimelineError,
    InvalidValueError,
    MissingExtraError,
    ModelNotFoundError,
    MostlyDroppedWarning,
    NotEnglishWarning,
    ReadError,
    TimelineError,
    TimelineWarning,
    TimeMLError,
)
from .keydates import KeyDate, KeySentence, key_dates
from .model import Article, ArticleInfo, Entry, InferredDate, Mention, Participant, ReadArticle, Sentence, Status, TimeExpression, Timeline, TimeValue
from .sources import articles_from_meta, read_meta
from .timex import Granularity, Mod, TimexType

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleInfo",
    "Entry",
    "Mention",
    "Participant",
    "Status",
    "Timeline",
    "articles_from_meta",
    "build",
    "iter_read",
    "Granularity",
    "InferredDate",
    "InvalidArgumentError",
    "InvalidArticleError",
    "InvalidDateError",
    "InvalidExpressionError",
    "InvalidTimelineError",
    "InvalidValueError",
    "MissingExtraError",
    "Mod",
    "ModelNotFoundError",
    "ReadArticle",
    "ReadError",
    "Sentence",
    "TimeExpression",
    "TimeMLError",
    "TimeValue",
    "TimelineError",
    "TimelineWarning",
    "NotEnglishWarning",
    "MostlyDroppedWarning",
    "TimexType",
    "KeyDate",
    "KeySentence",
    "key_dates",
    "read",
    "read_many",
    "read_meta",
    "resolve",
]

# The functions that need spaCy live in .pipeline; importing it lazily keeps `import timeline` fast.
_LAZY = {"build": "pipeline", "iter_read": "pipeline", "read": "pipeline", "read_many": "pipeline", "resolve": "pipeline"}

if TYPE_CHECKING:
    from .pipeline import build, iter_read, read, read_many, resolve


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'timeline' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{module}", __name__), name)
