"""Selecting entries: the filters every output shares (``Timeline.select``, ``timeline build``'s
``--since/--until/--status/--min-sources/--about``).

A selection keeps the timeline's articles (the sources stay known, errors stay listed) and the
entries that pass every filter given, in their order. It only ever narrows what is shown; the
command line says how many entries a selection left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Optional, Union

import attrs

from .errors import InvalidArgumentError
from .model import Entry, Status, Timeline
from .timex import calendar_range

__all__ = ["select"]

DayLike = Union[date, str]


def select(
    timeline: Timeline,
    *,
    since: Optional[DayLike] = None,
    until: Optional[DayLike] = None,
    status: Union[None, str, Status, Iterable[Union[str, Status]]] = None,
    min_sources: Optional[int] = None,
    about: Optional[str] = None,
) -> Timeline:
    """The timeline with only the entries that pass every filter given.

    - ``since``/``until``: a day, or an ISO period ("2018", "2018-08", "2018-W31", "2018-08-06")
      whose first (``since``) or last (``until``) day bounds the range; an entry is kept when the
      span its date covers overlaps the range (a month overlaps a day in it), so partial dates are
      kept where they may fall. Entries with no calendar date (undated, durations) are left out
      by a date filter.
    - ``status``: one status or several ("happened", "planned", "reported", "negated").
    - ``min_sources``: at least this many distinct sources report the entry.
    - ``about``: someone or something taking part ("Putin", "the jury"): every word of it, in any
      case, is a word of one of the entry's actors or participants (so "Putin" finds "Vladimir
      Putin", not "Putinism").
    """
    first = None if since is None else _bound(since, "since")[0]
    last = None if until is None else _bound(until, "until")[1]
    if first is not None and last is not None and first > last:
        raise InvalidArgumentError(f"since ({first}) is after until ({last}): no day is between them")
    statuses = None if status is None else _statuses(status)
    if min_sources is not None and (not isinstance(min_sources, int) or isinstance(min_sources, bool) or min_sources < 1):
        raise InvalidArgumentError(f"min_sources must be a whole number of at least 1, not {min_sources!r}")
    words = None if about is None else _about_words(about)

    def kept(entry: Entry) -> bool:
        if first is not None or last is not None:
            if entry.when is None or entry.when.start is None or entry.when.end is None:
                return False
            if (first is not None and entry.when.end < first) or (last is not None and entry.when.start > last):
                return False
        if statuses is not None and entry.status not in statuses:
            return False
        if min_sources is not None and len(entry.sources) < min_sources:
            return False
        return words is None or _takes_part(entry, words)

    return attrs.evolve(timeline, entries=tuple(entry for entry in timeline.entries if kept(entry)))


def _bound(value: DayLike, name: str) -> tuple[date, date]:
    if isinstance(value, date):
        return (value, value)
    covered = calendar_range(value) if isinstance(value, str) else None
    if covered is None:
        raise InvalidArgumentError(f"{name} must be a date or an ISO day, week, month or year (2018-08-06, 2018-W31, 2018-08, 2018), not {value!r}")
    return covered


def _statuses(given: Union[str, Status, Iterable[Union[str, Status]]]) -> frozenset[Status]:
    values = [given] if isinstance(given, (str, Status)) else list(given)
    known = ", ".join(s.value for s in Status)
    try:
        chosen = frozenset(Status(str(value).lower()) for value in values)
    except ValueError:
        raise InvalidArgumentError(f"status must be one or more of {known}, not {given!r}") from None
    if not chosen:
        raise InvalidArgumentError(f"status must name at least one of {known}")
    return chosen


_WORD = re.compile(r"\w+")


def _about_words(about: str) -> frozenset[str]:
    words = frozenset(_WORD.findall(about.casefold())) if isinstance(about, str) else frozenset()
    if not words:
        raise InvalidArgumentError(f"about must name someone or something (a word at least), not {about!r}")
    return words


def _takes_part(entry: Entry, words: frozenset[str]) -> bool:
    names = set(entry.actors)
    for mention in entry.mentions:
        names.update(p.name for p in mention.participants)
        names.update(mention.actors)
        if mention.agent:
            names.add(mention.agent)
    return any(words <= set(_WORD.findall(name.casefold())) for name in names)
