"""TimelineJS: the timeline as the JSON that Knight Lab's TimelineJS3 embeds read.

The format is TimelineJS3's documented JSON (https://timeline.knightlab.com/docs/json-format.html):
``{"title": slide, "events": [slide, ...]}``, where an event slide has a ``start_date`` (a date
object: ``year`` required, then ``month``, ``day``, ``hour``, ``minute`` as far as known), an
optional ``end_date``, ``text`` (``headline`` and ``text``, which TimelineJS shows as HTML) and a
``group`` (a row of the time navigation). Each date keeps its own granularity: a year is
``{"year": 2019}``, a month adds ``month``, a week or a season is a ``start_date``/``end_date``
range over its days or months, a clock time adds ``hour`` and ``minute``; ``display_date`` says it
as a reader would ("the week of 30 July 2018").

Entries without a calendar date cannot stand on a time axis: they are left out, and the title
slide says how many. Every text is HTML-escaped (article text is untrusted input) and only
http(s) addresses become links.
"""

from __future__ import annotations

import html
from typing import Any, Optional

from .errors import InvalidArgumentError
from .model import ArticleInfo, Entry, Timeline, TimeValue
from .render import article_label, capitalise, date_label, is_web_address, reported_sentences
from .timex import Granularity

__all__ = ["to_timelinejs"]

#: Granularities drawn as whole years, and as months, on the axis.
_YEARS = frozenset({Granularity.MILLENNIUM, Granularity.CENTURY, Granularity.DECADE, Granularity.YEAR})
_MONTHS = frozenset({Granularity.HALF, Granularity.QUARTER, Granularity.SEASON, Granularity.MONTH})
_CLOCK = frozenset({Granularity.HOUR, Granularity.MINUTE})


def to_timelinejs(timeline: Timeline, group: str = "status", title: str = "Timeline") -> dict[str, Any]:
    """The TimelineJS3 JSON of the timeline's dated entries (a dict for ``json.dumps``); each
    event's ``group`` is its status (``group="status"``) or its first source (``"source"``)."""
    if group not in ("status", "source"):
        raise InvalidArgumentError(f"group must be 'status' or 'source', not {group!r}")
    articles = {info.id: info for info in timeline.articles}
    events = []
    for number, entry in enumerate(timeline.entries, 1):
        when = entry.when
        if when is None or when.start is None or when.end is None:
            continue
        start, end = _dates(when)
        slide: dict[str, Any] = {
            "start_date": start,
            "text": {"headline": html.escape(capitalise(entry.summary)), "text": _body(entry, articles)},
            "group": str(entry.status) if group == "status" else (entry.sources[0] if entry.sources else ""),
            "display_date": date_label(when),
            "unique_id": f"entry-{number}",
        }
        if end is not None:
            slide["end_date"] = end
        events.append(slide)
    undated = len(timeline.entries) - len(events)
    sources = sorted({info.source or info.id for info in timeline.articles if info.error is None})
    intro = f"Built from {len(timeline.articles) - len(timeline.errors)} articles by {len(sources)} sources: {', '.join(sources)}."
    if undated:
        intro += f" {undated} {'entry has' if undated == 1 else 'entries have'} no calendar date and {'is' if undated == 1 else 'are'} not shown."
    return {"title": {"text": {"headline": html.escape(title), "text": f"<p>{html.escape(intro)}</p>"}}, "events": events}


def _dates(when: TimeValue) -> tuple[dict[str, Any], Optional[dict[str, Any]]]:
    assert when.start is not None and when.end is not None
    first, last = when.start, when.end
    if when.granularity in _YEARS:
        start: dict[str, Any] = {"year": first.year}
        end = {"year": last.year} if last.year != first.year else None
    elif when.granularity in _MONTHS:
        start = {"year": first.year, "month": first.month}
        end = {"year": last.year, "month": last.month} if (last.year, last.month) != (first.year, first.month) else None
    else:
        start = {"year": first.year, "month": first.month, "day": first.day}
        end = {"year": last.year, "month": last.month, "day": last.day} if last != first else None
        clock = when.value.split("T", 1)[1] if "T" in when.value else ""
        if when.granularity in _CLOCK and clock[:2].isdigit():
            start["hour"] = int(clock[:2])
            if when.granularity is Granularity.MINUTE and clock[3:5].isdigit():
                start["minute"] = int(clock[3:5])
    return start, end


def _body(entry: Entry, articles: dict[str, ArticleInfo]) -> str:
    parts = [f"<p>Status: {html.escape(str(entry.status))}. Sources: {html.escape(', '.join(entry.sources))}.</p>"]
    if entry.conflicts:
        others = ", ".join(date_label(value) for value in entry.conflicts)
        parts.append(f"<p>Other reports date it {html.escape(others)}.</p>")
    items = []
    for mention, sentence in reported_sentences(entry):
        info = articles.get(mention.article)
        label = html.escape(article_label(info) if info else mention.article)
        if info is not None and info.url and is_web_address(info.url):
            label = f'<a href="{html.escape(info.url.strip(), quote=True)}">{label}</a>'
        items.append(f"<li>{html.escape(sentence)} ({label})</li>")
    parts.append("<ul>" + "".join(items) + "</ul>")
    return "".join(parts)
