"""HTML: the timeline as one self-contained page to look at (``Timeline.to_html``, ``--format html``).

Nothing is fetched when the page is viewed: the style and the small script are inline, and the
page's Content-Security-Policy lets no other script run (only the inline script whose hash it
names) and loads nothing from anywhere. Each entry is a row: its date, a bar on a time axis
scaled to the story (a day a tick, a week or a month the span it is), its summary, status and
sources (links), and on demand the sentences that report it; dates the sources disagree on are
shown. Undated entries are listed apart. Filters by text, status, source and salience hide rows
in place, and a line read out by screen readers says how many are shown. The page is made of
plain HTML controls (labels, a search field, check boxes, ``<details>``), so keyboards and screen
readers use it as they use any page, and it reflows to one column on a phone.

Every text put in the page is escaped (article text is untrusted input: a headline with
``<script>`` stays text), and only http(s) addresses become links.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from datetime import date, timedelta
from typing import Optional

from .model import ArticleInfo, Entry, Status, Timeline, TimeValue
from .render import MONTHS, article_label, capitalise, date_label, day_text, describe_value, is_web_address, reported_sentences

__all__ = ["to_html"]

#: The narrowest bar drawn, in percent of the axis: a single day on a long story stays visible.
MIN_BAR_PERCENT = 0.6


def to_html(timeline: Timeline, title: str = "Timeline") -> str:
    """The timeline as one HTML page (a complete document; UTF-8)."""
    articles = {info.id: info for info in timeline.articles}
    dated = [e for e in timeline.entries if _span_of(e.when) is not None]
    undated = [e for e in timeline.entries if _span_of(e.when) is None]
    axis = _Axis.over([_span_of(e.when) for e in dated])  # type: ignore[misc]
    sources = sorted({s for e in timeline.entries for s in e.sources})
    statuses = [s for s in Status if any(e.status is s for e in timeline.entries)]
    script_hash = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()
    policy = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'; base-uri 'none'; form-action 'none'"
    read = len(timeline.articles) - len(timeline.errors)
    about = f"{len(timeline.entries)} entries from {read} articles by {len(sources)} sources"
    if axis is not None:
        about += f", {day_text(axis.first, weekday=False)} to {day_text(axis.last, weekday=False)}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_attr(policy)}">',
        '<meta name="generator" content="news-timeline">',
        f"<title>{_text(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#entries">Skip to the timeline</a>',
        f"<header><h1>{_text(title)}</h1><p>{_text(about)}.</p></header>",
        _filters(statuses, sources),
        f'<p id="count" role="status" aria-live="polite">Showing {len(timeline.entries)} of {len(timeline.entries)} entries</p>',
        "<main>",
    ]
    if dated:
        parts.append('<section aria-labelledby="dated-heading"><h2 id="dated-heading" class="visually-hidden">Dated entries</h2>')
        if axis is not None:
            parts.append(axis.ticks_html())
        parts.append('<ol id="entries" class="entries">')
        parts.extend(_row(entry, articles, axis) for entry in dated)
        parts.append("</ol></section>")
    if undated:
        parts.append('<section aria-labelledby="undated-heading"><h2 id="undated-heading">Undated</h2>')
        parts.append(f'<ol class="entries undated"{"" if dated else " id=entries"}>')
        parts.extend(_row(entry, articles, None) for entry in undated)
        parts.append("</ol></section>")
    if not timeline.entries:
        parts.append('<p id="entries">No entries.</p>')
    if timeline.errors:
        parts.append('<section aria-labelledby="errors-heading"><h2 id="errors-heading">Not read</h2><ul>')
        parts.extend(f"<li>{_text(info.id)}: {_text(info.error or '')}</li>" for info in timeline.errors)
        parts.append("</ul></section>")
    parts += ["</main>", f"<script>{_SCRIPT}</script>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _filters(statuses: list[Status], sources: list[str]) -> str:
    boxes = "".join(
        f'<label class="check"><input type="checkbox" name="status" value="{_attr(s.value)}" checked> {_text(s.value)}</label>' for s in statuses
    )
    options = "".join(f'<option value="{_attr(s)}">{_text(s)}</option>' for s in sources)
    return (
        '<form id="filters" role="search" aria-label="Filter the timeline">'
        '<label>Search <input type="search" id="filter-text" name="text" autocomplete="off"></label>'
        f'<fieldset><legend>Status</legend>{boxes}</fieldset>'
        f'<label>Source <select id="filter-source" name="source"><option value="">all sources</option>{options}</select></label>'
        '<label class="check"><input type="checkbox" id="filter-salient" name="salient"> key entries only</label>'
        "</form>"
    )


def _row(entry: Entry, articles: dict[str, ArticleInfo], axis: Optional["_Axis"]) -> str:
    when = entry.when
    label = "Undated" if when is None else date_label(when) if when.is_anchored else describe_value(when)
    words = " ".join([entry.summary, *entry.actors, *entry.sources, *(m.sentence.text for m in entry.mentions)])
    data = (
        f' data-status="{_attr(entry.status.value)}" data-sources="{_attr(chr(10).join(entry.sources))}"'
        f' data-text="{_attr(" ".join(words.lower().split()))}" data-salient="{int(entry.salient)}"'
    )
    time_tag = f'<time datetime="{_attr(_machine_date(when))}">{_text(label)}</time>' if when is not None and when.start is not None else _text(label)
    bar = "" if axis is None or when is None else axis.bar_html(when, label)
    source_links = ", ".join(_source_link(source, entry, articles) for source in entry.sources)
    lines = [
        f'<li class="entry"{data}>',
        f'<div class="when">{time_tag}</div>',
        bar,
        '<div class="what">',
        f'<p class="summary">{_text(capitalise(entry.summary))}</p>',
        f'<p class="meta"><span class="status status-{_attr(entry.status.value)}">{_text(entry.status.value)}</span> · '
        f"{'source' if len(entry.sources) == 1 else 'sources'}: {source_links}</p>",
    ]
    if entry.conflicts:
        others = "; ".join(date_label(value) for value in entry.conflicts)
        lines.append(f'<p class="conflict"><strong>Sources disagree on the date:</strong> also reported as {_text(others)}.</p>')
    lines.append(_sentences(entry, articles))
    lines.append("</div></li>")
    return "".join(lines)


def _sentences(entry: Entry, articles: dict[str, ArticleInfo]) -> str:
    items = []
    for mention, sentence in reported_sentences(entry, per_article=True):
        info = articles.get(mention.article)
        where = _article_link(info, mention.article)
        published = f", {_text(info.published[:10])}" if info is not None and info.published else ""
        items.append(f"<li><q>{_text(sentence)}</q> — {where}{published}</li>")
    count = len(items)
    return f"<details><summary>{count} source {'sentence' if count == 1 else 'sentences'}</summary><ul>{''.join(items)}</ul></details>"


def _source_link(source: str, entry: Entry, articles: dict[str, ArticleInfo]) -> str:
    for mention in entry.mentions:
        info = articles.get(mention.article)
        if info is not None and (info.source or info.id) == source and info.url and is_web_address(info.url):
            return f'<a href="{_attr(info.url.strip())}">{_text(source)}</a>'
    return _text(source)


def _article_link(info: Optional[ArticleInfo], article: str) -> str:
    name = _text(article_label(info) if info is not None else article)
    if info is not None and info.url and is_web_address(info.url):
        return f'<a href="{_attr(info.url.strip())}">{name}</a>'
    return name


def _span_of(when: Optional[TimeValue]) -> Optional[tuple[date, date]]:
    if when is None or when.start is None or when.end is None:
        return None
    return (when.start, when.end)


def _machine_date(when: TimeValue) -> str:
    """The ``datetime`` of a ``<time>``: the value where HTML reads it (a day, week, month or
    year), else the first day it covers."""
    value = when.value
    if _HTML_DATE.fullmatch(value):
        return value
    return when.start.isoformat() if when.start else value


# The forms of a <time datetime> that TIMEX3 values share: a year, month, day or ISO week.
_HTML_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?|-W[0-9]{2})?")


def _text(text: str) -> str:
    return html.escape(text, quote=False)


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


class _Axis:
    """The time axis of the dated entries: first to last day they cover, ticks at round dates."""

    def __init__(self, first: date, last: date) -> None:
        self.first = first
        self.last = last
        self.days = (last - first).days + 1

    @classmethod
    def over(cls, spans: list[tuple[date, date]]) -> Optional["_Axis"]:
        if not spans:
            return None
        return cls(min(s for s, _ in spans), max(e for _, e in spans))

    def percent(self, day: date) -> float:
        return 100.0 * (day - self.first).days / self.days

    def bar_html(self, when: TimeValue, label: str) -> str:
        assert when.start is not None and when.end is not None
        left = self.percent(when.start)
        width = max(100.0 * ((when.end - when.start).days + 1) / self.days, MIN_BAR_PERCENT)
        left = min(left, 100.0 - width)
        return (
            f'<div class="span" role="img" aria-label="{_attr("On the time axis: " + label)}">'
            f'<span class="bar granularity-{_attr(when.granularity.value)}" style="left:{left:.2f}%;width:{width:.2f}%"></span></div>'
        )

    def ticks_html(self) -> str:
        labels = []
        for day, text in self._ticks():
            labels.append(f'<span class="tick" style="left:{self.percent(day):.2f}%">{_text(text)}</span>')
        return f'<div class="axis" aria-hidden="true"><div class="when"></div><div class="span">{"".join(labels)}</div><div class="what"></div></div>'

    def _ticks(self) -> list[tuple[date, str]]:
        """Years on a long story, months on one of a few months, weeks or days on a short one;
        no more than about eight labels."""
        if self.days > 3 * 366:
            step = max(1, (self.last.year - self.first.year + 1) // 8 or 1)
            return [(date(y, 1, 1), str(y)) for y in range(self.first.year + (self.first != date(self.first.year, 1, 1)), self.last.year + 1, step)]
        if self.days > 62:
            months = []
            year, month = self.first.year, self.first.month
            if self.first.day != 1:
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            while date(year, month, 1) <= self.last:
                months.append(date(year, month, 1))
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            step = max(1, len(months) // 8 + (len(months) % 8 > 0))
            return [(d, f"{MONTHS[d.month - 1][:3]} {d.year}") for d in months[::step]]
        step = max(1, self.days // 8 + (self.days % 8 > 0))
        return [(self.first + timedelta(days=i), _short(self.first + timedelta(days=i))) for i in range(0, self.days, step)]


def _short(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1][:3]}"


_STYLE = """
:root{--ink:#1d2430;--muted:#5a6475;--line:#d5dae3;--accent:#1f5fbf;--bg:#fff;--happened:#1d7a3a;--planned:#8a5a00;--reported:#5b3fa8;--negated:#b3261e}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:1rem 1.25rem 3rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
h1{font-size:1.6rem;margin:.5rem 0 .25rem}
header p{margin:0 0 1rem;color:var(--muted)}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.25rem .5rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
form{display:flex;flex-wrap:wrap;gap:.75rem 1.25rem;align-items:center;padding:.75rem;border:1px solid var(--line);border-radius:.5rem;background:#f7f8fa}
fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center}legend{float:left;margin-right:.5rem;font-weight:600}
input[type=search],select{font:inherit;padding:.25rem .4rem;border:1px solid #9aa3b2;border-radius:.3rem;min-height:2rem}
.check{white-space:nowrap}
#count{color:var(--muted);margin:.75rem 0}
ol.entries{list-style:none;margin:0;padding:0}
.entry,.axis{display:grid;grid-template-columns:11rem 14rem 1fr;gap:.25rem 1rem;align-items:start}
.entry{padding:.75rem 0;border-top:1px solid var(--line)}
.axis{position:sticky;top:0;background:var(--bg);padding:.25rem 0;z-index:1;font-size:.8rem;color:var(--muted)}
.axis .span{height:1.4rem;border-bottom:1px solid var(--line)}
.tick{position:absolute;transform:translateX(-1px);border-left:1px solid var(--line);padding-left:3px;white-space:nowrap}
.when{font-weight:600}
.span{position:relative;height:1.1rem;margin-top:.3rem;background:linear-gradient(var(--line),var(--line)) 0 50%/100% 1px no-repeat}
.bar{position:absolute;top:.15rem;height:.8rem;border-radius:.2rem;background:var(--accent);min-width:3px}
.bar.granularity-day,.bar.granularity-part_of_day,.bar.granularity-hour,.bar.granularity-minute{background:var(--ink)}
.bar.granularity-year,.bar.granularity-decade,.bar.granularity-century,.bar.granularity-half,.bar.granularity-quarter,.bar.granularity-season{opacity:.45}
.summary{margin:0;font-size:1.05rem}
.meta{margin:.15rem 0;color:var(--muted);font-size:.9rem}
.status{display:inline-block;padding:0 .4rem;border-radius:.6rem;color:#fff;font-size:.8rem;font-weight:600}
.status-happened{background:var(--happened)}.status-planned{background:var(--planned)}.status-reported{background:var(--reported)}.status-negated{background:var(--negated)}
.conflict{margin:.25rem 0;padding:.25rem .5rem;border-left:3px solid var(--negated);background:#fdf1f0;font-size:.9rem}
details{font-size:.9rem}summary{cursor:pointer;color:var(--accent)}
details ul{margin:.25rem 0;padding-left:1.2rem}
.undated .when{color:var(--muted)}
[hidden]{display:none!important}
@media (max-width:40rem){.entry{grid-template-columns:1fr}.axis{display:none}.span{margin:0}}
"""

# Filters rows by their data-* attributes; the page keeps working without it (all rows shown).
_SCRIPT = """
(function () {
  var form = document.getElementById("filters");
  var text = document.getElementById("filter-text");
  var source = document.getElementById("filter-source");
  var salient = document.getElementById("filter-salient");
  var count = document.getElementById("count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("li.entry"));
  function apply() {
    var words = text.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var statuses = Array.prototype.slice.call(form.querySelectorAll("input[name=status]:checked")).map(function (box) { return box.value; });
    var shown = 0;
    rows.forEach(function (row) {
      var visible = statuses.indexOf(row.dataset.status) >= 0
        && (!source.value || row.dataset.sources.split("\\n").indexOf(source.value) >= 0)
        && (!salient.checked || row.dataset.salient === "1")
        && words.every(function (word) { return row.dataset.text.indexOf(word) >= 0; });
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    count.textContent = "Showing " + shown + " of " + rows.length + " entries";
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
"""
