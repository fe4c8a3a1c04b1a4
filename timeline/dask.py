"""Build one timeline from a Dask bag or dataframe of articles, on a Dask cluster or locally.

Needs the optional extra: ``pip install "news-timeline[dask]"`` (plus ``"dask[dataframe]"`` for
:func:`build_dataframe`). ``import timeline`` never imports Dask; this module imports it only
when one of its functions is called, and says what to install when it is missing.

How it works (see ``docs/scale.md``): every partition is built with :func:`timeline.build` on
the worker that holds it (the spaCy model loads once per worker process), then the partial
timelines are combined with :meth:`timeline.Timeline.merge` in a tree (``Bag.reduction``).
Because ``merge`` is associative and commutative and equals building from all articles at
once, the result is the same as ``timeline.build`` on all the articles, whatever the
partitioning, the reduction tree (``split_every``) or the scheduler::

    import dask.bag as db
    import timeline.dask

    bag = db.from_sequence(articles, npartitions=8)      # timeline.Article objects or dicts
    result = timeline.dask.build_bag(bag).compute()     # a timeline.Timeline
"""

from __future__ import annotations

import functools
import importlib
import math
import threading
from datetime import datetime
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Union

from .errors import InvalidArticleError, TimelineError
from .model import Article, Timeline

if TYPE_CHECKING:  # pragma: no cover - for type checkers only
    import dask.bag
    import dask.dataframe

__all__ = [
    "ARTICLE_FIELDS",
    "DaskNotInstalledError",
    "InvalidCollectionError",
    "InvalidRecordError",
    "build_bag",
    "build_dataframe",
    "build_partition",
    "load_model",
    "merge_timelines",
    "to_article",
]

#: The fields a dict record (or a dataframe's columns) may give; ``text`` and ``published`` are
#: required, the others optional. Other keys or columns are ignored.
ARTICLE_FIELDS = ("text", "published", "source", "url", "title", "id")
REQUIRED_FIELDS = ("text", "published")


class DaskNotInstalledError(TimelineError, ImportError):
    """Dask (or the part of it a function needs) is not installed."""


class InvalidCollectionError(TimelineError, TypeError):
    """What was passed is not a Dask bag or dataframe that articles can be read from."""


class InvalidRecordError(InvalidArticleError):
    """A record of a bag or a row of a dataframe is not a usable article.

    Raised on the worker and re-raised by ``compute()``; unlike its base class it survives the
    pickling a distributed scheduler does to send it back to the client.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.article, self.problem))


def _require(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise DaskNotInstalledError(
            f"timeline.dask needs {module} ({error}); install it with: pip install \"{extra}\""
        ) from error


# ---------------------------------------------------------------------------------------------
# records -> articles


def _is_missing(value: Any) -> bool:
    """None, and the missing-value markers a dataframe row carries (NaN, pandas.NA, NaT)."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return type(value).__name__ in ("NAType", "NaTType")


def _plain(value: Any) -> Any:
    if _is_missing(value):
        return None
    if isinstance(value, datetime) and type(value) is not datetime and hasattr(value, "to_pydatetime"):
        return value.to_pydatetime()  # a pandas Timestamp: kept as the datetime it is
    return value


def _record_label(fields: Mapping[str, Any]) -> str:
    for key in ("id", "url", "title", "source"):
        value = fields.get(key)
        if isinstance(value, str) and value:
            return repr(value)
    text = fields.get("text")
    if isinstance(text, str) and text.strip():
        start = " ".join(text.split())
        return "with no id, text " + repr(start[:40] + ("..." if len(start) > 40 else ""))
    return "<unnamed record>"


def to_article(record: Union[Article, Mapping[str, Any]]) -> Article:
    """A :class:`timeline.Article` from a bag record: an ``Article`` as it is, or a mapping.

    A mapping gives ``text`` and ``published`` (a date, datetime or ISO string) and optionally
    ``source``, ``url``, ``title`` and ``id`` (see :data:`ARTICLE_FIELDS`); ``None``, NaN and
    pandas' NA / NaT count as absent, and other keys are ignored.

    Raises :class:`InvalidRecordError` naming the record (its id, url, title or source, else
    the start of its text) and what is wrong with it.
    """
    if isinstance(record, Article):
        return record
    if not isinstance(record, Mapping):
        shown = repr(record)
        label = shown[:40] + ("..." if len(shown) > 40 else "")
        raise InvalidRecordError(
            label,
            f"expected a timeline.Article or a mapping with keys {', '.join(ARTICLE_FIELDS)}; "
            f"got {type(record).__name__}",
        )
    fields = {key: _plain(record.get(key)) for key in ARTICLE_FIELDS}
    label = _record_label(fields)
    if fields["text"] is None:
        raise InvalidRecordError(label, 'no "text"')
    if fields["published"] is None:
        raise InvalidRecordError(label, 'no "published" date')
    try:
        return Article(**fields)
    except InvalidArticleError as error:
        raise InvalidRecordError(label, error.problem) from None


# ---------------------------------------------------------------------------------------------
# what runs on the workers

_MODEL_LOCK = threading.Lock()


def load_model() -> None:
    """Load the spaCy model in this process now (it is cached per process).

    :func:`build_partition` calls it; on a cluster, ``client.run(timeline.dask.load_model)``
    loads it on every worker ahead of time and fails early where it is missing. The lock keeps
    the threads of one worker from each loading a copy when they start at the same moment.
    """
    from .nlp import load_pipeline

    with _MODEL_LOCK:
        load_pipeline()


def build_partition(records: Iterable[Union[Article, Mapping[str, Any]]], *, batch_size: int = 64) -> Timeline:
    """The timeline of one partition: :func:`timeline.build` of its records (see :func:`to_article`).

    What :func:`build_bag` runs on each partition; usable on its own with ``dask.delayed``.
    An empty partition gives an empty timeline without loading spaCy.
    """
    articles = [to_article(record) for record in records]
    if not articles:
        return Timeline(articles=(), entries=())
    load_model()
    from .pipeline import build

    return build(articles, batch_size=batch_size)


def merge_timelines(timelines: Iterable[Timeline]) -> Timeline:
    """All ``timelines`` merged into one: ``functools.reduce(Timeline.merge, timelines)``.

    Equal to building from all their articles at once, in any order and grouping; no
    timelines give the empty timeline. Done in one step, as :meth:`timeline.Timeline.merge`
    does for two (one ``assemble`` of all their articles and mentions): merging k partial
    timelines pairwise would cluster the growing result k - 1 times.
    """
    from .merge import assemble

    parts = list(timelines)
    if len(parts) == 1:
        return parts[0]
    return assemble(
        (info for part in parts for info in part.articles),
        (mention for part in parts for mention in part.mentions),
    )


# ---------------------------------------------------------------------------------------------
# the collections


def _check_split_every(split_every: Union[int, bool, None]) -> None:
    if split_every is None or split_every is False:
        return
    if isinstance(split_every, bool) or not isinstance(split_every, int) or split_every < 2:
        raise InvalidCollectionError(
            f"split_every must be an int of at least 2, None (Dask's default, 8) or False "
            f"(merge all partitions in one step), not {split_every!r}"
        )


def build_bag(
    bag: "dask.bag.Bag",
    *,
    split_every: Union[int, bool, None] = None,
    batch_size: int = 64,
) -> "dask.bag.Item":
    """A lazy Dask ``Item`` whose ``compute()`` is the timeline of every article in ``bag``.

    ``bag`` holds :class:`timeline.Article` objects or mappings (see :func:`to_article`). Each
    partition is built on a worker with :func:`timeline.build` (``batch_size`` is passed on);
    the partial timelines are merged in a tree of ``split_every`` at a time (Dask's default 8;
    ``False`` merges them all in one task). The result equals ``timeline.build`` on the same
    articles for any partitioning, tree and scheduler.

    Raises :class:`DaskNotInstalledError` when Dask is missing and
    :class:`InvalidCollectionError` for something that is not a bag; a bad record raises
    :class:`InvalidRecordError` (an :class:`timeline.InvalidArticleError`) from ``compute()``.
    """
    dask_bag = _require("dask.bag", "news-timeline[dask]")
    if not isinstance(bag, dask_bag.Bag):
        raise InvalidCollectionError(
            f"build_bag expects a dask.bag.Bag, not {type(bag).__name__} "
            "(make one with dask.bag.from_sequence(articles, npartitions=...))"
        )
    _check_split_every(split_every)
    return bag.reduction(
        functools.partial(build_partition, batch_size=batch_size),
        merge_timelines,
        split_every=split_every,
        name="timeline-build",
    )


def build_dataframe(
    df: "dask.dataframe.DataFrame",
    *,
    split_every: Union[int, bool, None] = None,
    batch_size: int = 64,
) -> "dask.bag.Item":
    """:func:`build_bag` for a Dask dataframe with one article per row.

    Columns ``text`` and ``published`` are required; ``source``, ``url``, ``title`` and ``id``
    are optional (absent or missing values are ``None``); other columns are ignored. A
    ``datetime64`` ``published`` column gives datetimes (an article's ``published`` then shows
    a time); keep date-only values as ISO strings or ``datetime.date`` objects.

    Needs ``dask[dataframe]`` (pandas and pyarrow) besides ``news-timeline[dask]``.
    """
    dd = _require("dask.dataframe", "dask[dataframe]")
    if not isinstance(df, dd.DataFrame):
        raise InvalidCollectionError(
            f"build_dataframe expects a dask.dataframe.DataFrame, not {type(df).__name__}"
        )
    columns = [str(column) for column in df.columns]
    missing = [name for name in REQUIRED_FIELDS if name not in columns]
    if missing:
        raise InvalidCollectionError(
            f"the dataframe has no {' or '.join(repr(m) for m in missing)} column "
            f"(it has {', '.join(repr(c) for c in columns) or 'no columns'}; "
            f"an article needs text and published, and may give source, url, title, id)"
        )
    kept = [name for name in ARTICLE_FIELDS if name in columns]
    return build_bag(df[kept].to_bag(format="dict"), split_every=split_every, batch_size=batch_size)
