"""CSV: the timeline as a table for spreadsheets, one row per entry or per mention.

Written with the ``csv`` module (Excel's dialect: quoted where needed, CRLF line ends), so any
field, with commas, quotes or line breaks in it, reads back as it was. A text cell that a
spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return: article text is untrusted input) is written with a leading ``'``, which the
spreadsheets show as text; numbers and dates are written as they are.
"""

from __future__ import annotations

import csv
import io
from typing import Optional

from .model import ArticleInfo, Entry, Timeline, TimeValue

__all__ = ["ENTRY_COLUMNS", "MENTION_COLUMNS", "to_csv"]

#: One row per entry (``to_csv(timeline)``).
ENTRY_COLUMNS = (
    "entry",  # its place in the timeline, from 1
    "date",  # the TIMEX3 value ("2018-08-06", "2018-W31", "2018-08"); empty when undated
    "start",  # the first and last day the date covers (ISO), empty for no calendar date
    "end",
    "granularity",
    "summary",
    "status",
    "actors",  # joined by "; "
    "sources",  # joined by "; "
    "source_count",
    "article_count",
    "mention_count",
    "salience",
    "conflicts",  # dates other reports give, joined by "; "
    "urls",  # the reporting articles' web addresses, joined by " "
)

#: One row per mention (``to_csv(timeline, mentions=True)``): what each article said.
MENTION_COLUMNS = (
    "entry",
    "entry_date",
    "date",  # this report's own date of the event
    "time_text",  # the time expression as written
    "summary",
    "status",
    "sentence",
    "article",
    "source",
    "published",
    "url",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_csv(timeline: Timeline, mentions: bool = False) -> str:
    """The timeline as CSV text with a header row: one row per entry (:data:`ENTRY_COLUMNS`),
    or with ``mentions`` one row per mention of every entry (:data:`MENTION_COLUMNS`)."""
    articles = {info.id: info for info in timeline.articles}
    out = io.StringIO()
    writer = csv.writer(out)
    if mentions:
        writer.writerow(MENTION_COLUMNS)
        for number, entry in enumerate(timeline.entries, 1):
            for mention in entry.mentions:
                info = articles.get(mention.article)
                writer.writerow(
                    [
                        number,
                        _value(entry.when),
                        _value(mention.when),
                        _text(mention.time_text or ""),
                        _text(mention.summary),
                        str(mention.status),
                        _text(mention.sentence.text),
                        _text(mention.article),
                        _text(_source(info)),
                        "" if info is None or info.published is None else info.published,
                        _text("" if info is None else info.url or ""),
                    ]
                )
    else:
        writer.writerow(ENTRY_COLUMNS)
        for number, entry in enumerate(timeline.entries, 1):
            writer.writerow(_entry_row(number, entry, articles))
    return out.getvalue()


def _entry_row(number: int, entry: Entry, articles: dict[str, ArticleInfo]) -> list[object]:
    when = entry.when
    reporting = sorted({m.article for m in entry.mentions})
    urls = [articles[a].url for a in reporting if a in articles and articles[a].url]
    return [
        number,
        _value(when),
        "" if when is None or when.start is None else when.start.isoformat(),
        "" if when is None or when.end is None else when.end.isoformat(),
        "" if when is None else str(when.granularity),
        _text(entry.summary),
        str(entry.status),
        _text("; ".join(entry.actors)),
        _text("; ".join(entry.sources)),
        len(entry.sources),
        len(reporting),
        len(entry.mentions),
        "" if entry.salience is None else round(entry.salience, 3),
        "; ".join(value.value for value in entry.conflicts),
        _text(" ".join(url for url in urls if url)),
    ]


def _value(value: Optional[TimeValue]) -> str:
    return "" if value is None else value.value


def _source(info: Optional[ArticleInfo]) -> str:
    return "" if info is None else info.source or ""


def _text(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text
