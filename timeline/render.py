"""Render: a timeline as Markdown for people to read.

``to_markdown(timeline)`` writes a title, one line on what the timeline was built from, one
``##`` heading per date (in the timeline's order) with the entries of that date as bullets, and
the entries without a calendar date under ``## Undated`` at the end. Each bullet is the entry's
summary, a marker for statuses other than "happened", and its sources (a reference-style link
where the article has a URL, so each URL is written once, at the end); dates the sources
disagree on are listed under it.

By default only the salient entries are shown (:attr:`Entry.salient`: what two articles report,
or what one article dates and names; not every clause it reads), and the header says how many
of how many; ``everything=True`` shows them all.

The output depends only on the timeline: the same timeline gives byte-identical Markdown.
"""

from __future__ import annotations

import re
import urllib.parse
from datetime import date
from typing import TYPE_CHECKING, Optional

from .model import ArticleInfo, Entry, Mention, Status, Timeline, TimeValue

if TYPE_CHECKING:
    from .keydates import KeyDate
from .timex import Granularity, Mod, TimexType

__all__ = ["to_markdown", "date_label", "describe_value"]

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_PARTS_OF_DAY = {
    "MO": "morning",
    "MI": "midday",
    "AF": "afternoon",
    "EV": "evening",
    "NI": "night",
    "DT": "daytime",
}
_STATUS_MARKERS = {Status.PLANNED: "planned", Status.REPORTED: "reported", Status.NEGATED: "denied"}

# How a mod reads in front of a date: coarse periods ("Late 2018", "Mid-July 2018") and fine
# ones ("Late on Monday, 6 August 2018", "Early in week 31 of 2018 (…)") differ in English.
_EDGE_MODS_COARSE = {Mod.START: "Early ", Mod.MID: "Mid-", Mod.END: "Late "}
_EDGE_MODS_FINE = {Mod.START: "Early on ", Mod.MID: "The middle of ", Mod.END: "Late on "}
_EDGE_MODS_WEEK = {Mod.START: "Early in ", Mod.MID: "The middle of ", Mod.END: "Late in "}
_OTHER_MODS = {
    Mod.APPROX: "About ",
    Mod.BEFORE: "Before ",
    Mod.AFTER: "After ",
    Mod.ON_OR_BEFORE: "On or before ",
    Mod.ON_OR_AFTER: "On or after ",
    Mod.LESS_THAN: "Less than ",
    Mod.MORE_THAN: "More than ",
    Mod.EQUAL_OR_LESS: "At most ",
    Mod.EQUAL_OR_MORE: "At least ",
}
_FINE = {Granularity.DAY, Granularity.PART_OF_DAY, Granularity.HOUR, Granularity.MINUTE, Granularity.SECOND}


# ---------------------------------------------------------------------------------------------
# dates


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def day_text(day: date, weekday: bool = True) -> str:
    """``Monday, 6 August 2018``, or ``6 August 2018`` without the weekday (in English, whatever the locale)."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{_WEEKDAYS[day.weekday()]}, {text}" if weekday else text


def _span(first: date, last: date) -> str:
    """``30 July – 5 August`` (same year), ``6 – 12 August``, or with years when they differ."""
    if first.year != last.year:
        return f"{day_text(first, False)} – {day_text(last, False)}"
    if first.month != last.month:
        return f"{first.day} {MONTHS[first.month - 1]} – {last.day} {MONTHS[last.month - 1]}"
    return f"{first.day} – {last.day} {MONTHS[last.month - 1]}"


def _time_of_day(value: str) -> str:
    """The part after ``T``: a part of the day or a clock time (``14:30``)."""
    clock = value.split("T", 1)[1]
    if clock in _PARTS_OF_DAY:
        return _PARTS_OF_DAY[clock]
    return clock if ":" in clock else f"{clock}:00"


def _anchored_label(value: TimeValue) -> tuple[str, str]:
    """The label of an anchored value without its mod, and the form to use after a prefix.

    The second form differs only where the label starts with a word that is capitalised just
    because it starts the heading ("Week 31 …" -> "week 31 …", "Summer 2018" -> "summer 2018").
    """
    assert value.start is not None and value.end is not None
    g, v, start, end = value.granularity, value.value, value.start, value.end
    if g is Granularity.DAY:
        label = day_text(start)
    elif g in (Granularity.PART_OF_DAY, Granularity.HOUR, Granularity.MINUTE, Granularity.SECOND):
        label = f"{day_text(start)}, {_time_of_day(v)}"
    elif g is Granularity.WEEKEND:
        label = f"Weekend of {_span(start, end)} {end.year}" if start.year == end.year else f"Weekend of {_span(start, end)}"
    elif g is Granularity.WEEK:
        year, week = v.split("-W")
        label = f"Week {int(week)} of {year} ({_span(start, end)})"
    elif g is Granularity.MONTH:
        label = f"{MONTHS[start.month - 1]} {start.year}"
    elif g is Granularity.SEASON:
        season = _SEASONS[v[-2:]]
        years = f"{start.year}–{str(end.year)[-2:]}" if end.year != start.year else str(start.year)
        label = f"{season.capitalize()} {years}"
    elif g is Granularity.QUARTER:
        label = f"Q{v[-1]} {start.year}"
    elif g is Granularity.HALF:
        label = f"{'First' if v.endswith('1') else 'Second'} half of {start.year}"
    elif g is Granularity.YEAR:
        label = str(start.year)
    elif g is Granularity.DECADE:
        label = f"{v}0s"
    elif g is Granularity.CENTURY:
        label = f"{_ordinal(int(v) + 1)} century"
    else:  # pragma: no cover - every anchored form is listed above
        label = v
    after_prefix = label[0].lower() + label[1:] if g in (Granularity.WEEK, Granularity.WEEKEND, Granularity.SEASON, Granularity.HALF) else label
    return label, after_prefix


def date_label(value: TimeValue) -> str:
    """How a date reads in a heading: ``Monday, 6 August 2018``, ``Late 2018``, ``Q3 2018``.

    Values without a calendar range (durations, references, dates with unknown digits) are
    described by :func:`describe_value`.
    """
    if not value.is_anchored or value.start is None or value.end is None:
        return describe_value(value)
    label, after_prefix = _anchored_label(value)
    mod = value.mod
    if mod is None:
        return label
    if mod in _EDGE_MODS_COARSE:
        if value.granularity in _FINE:
            return _EDGE_MODS_FINE[mod] + after_prefix
        if value.granularity in (Granularity.WEEK, Granularity.WEEKEND):
            return _EDGE_MODS_WEEK[mod] + after_prefix
        return _EDGE_MODS_COARSE[mod] + after_prefix
    return _OTHER_MODS[mod] + after_prefix


_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?|X)(CE|DE|WE|L|Y|Q|M|W|D|H|S)")
_DURATION_UNITS = {
    "L": ("millennium", "millennia"),
    "CE": ("century", "centuries"),
    "DE": ("decade", "decades"),
    "Y": ("year", "years"),
    "Q": ("quarter", "quarters"),
    "M": ("month", "months"),
    "W": ("week", "weeks"),
    "WE": ("weekend", "weekends"),
    "D": ("day", "days"),
    "H": ("hour", "hours"),
    "TM": ("minute", "minutes"),
    "S": ("second", "seconds"),
}
_REFERENCES = {"PRESENT_REF": "the present", "PAST_REF": "the past", "FUTURE_REF": "the future"}


def _describe_duration(value: str) -> Optional[str]:
    if not value.startswith("P"):
        return None
    date_part, _, time_part = value[1:].partition("T")
    parts = []
    for section, is_time in ((date_part, False), (time_part, True)):
        for number, unit in _DURATION_PART.findall(section):
            key = "TM" if is_time and unit == "M" else unit
            singular, plural = _DURATION_UNITS[key]
            if number == "X":
                parts.append(f"some {plural}")
            else:
                parts.append(f"{number} {singular if number == '1' else plural}")
    return " ".join(parts) if parts else None


def describe_value(value: TimeValue) -> str:
    """A readable description of any value, anchored or not ("2 years", "the past", "August")."""
    v = value.value
    if value.is_anchored:
        return date_label(value)
    text: Optional[str] = None
    if v in _REFERENCES:
        text = _REFERENCES[v]
    elif value.type in (TimexType.DURATION, TimexType.SET):
        period = _describe_duration(v)
        if period is not None:
            text = period if value.type is TimexType.DURATION else f"every {period.removeprefix('1 ')}"
    if text is None:
        month = re.fullmatch(r"XXXX-(0[1-9]|1[0-2])", v)
        weekday = re.fullmatch(r"XXXX-WXX-([1-7])", v)
        if month:
            text = f"{MONTHS[int(month[1]) - 1]}, year unknown"
        elif weekday:
            text = f"a {_WEEKDAYS[int(weekday[1]) - 1]}, week unknown"
        else:
            text = f"`{v}`"
    prefix = "" if value.mod is None else {**_EDGE_MODS_COARSE, **_OTHER_MODS}[value.mod].lower()
    return prefix + text


# ---------------------------------------------------------------------------------------------
# text


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_ENTITY = re.compile(r"&(#?\w+;)")
_BLOCK_START = re.compile(r"^([#>+\-=]|\d+[.)])")


def _escape(text: str) -> str:
    """Plain text safe to put in a Markdown line (no emphasis, links, HTML or block markers)."""
    text = " ".join(text.split())
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = _ENTITY.sub(r"&amp;\1", text)
    match = _BLOCK_START.match(text)
    if match:
        marker = match.group(1)
        text = marker[:-1] + "\\" + marker[-1] + text[len(marker):]
    return text


def capitalise(text: str) -> str:
    """The first letter upper case ("the 2016 elections" -> "The 2016 elections"), unless the
    word is written with inner capitals ("iPhone")."""
    for index, char in enumerate(text):
        if char.isalnum():
            if char.isalpha() and char.islower() and not text[index + 1 : index + 2].isupper():
                return text[:index] + char.upper() + text[index + 1 :]
            return text
    return text


# What may stand unencoded in a link's address: every URL character but the brackets and angle
# brackets Markdown reads, and none of whitespace or control characters (a line break in an
# address would start a line of its own in the document).
_URL_SAFE = "/:?#[]@!$&'*+,;=%~"


def _url(url: str) -> str:
    return urllib.parse.quote(url.strip(), safe=_URL_SAFE)


def reported_sentences(entry: Entry, per_article: bool = False) -> list[tuple[Mention, str]]:
    """The sentences that report ``entry``, with the first mention in each, whitespace collapsed:
    each sentence once, or once per article with ``per_article`` (a wire story two papers ran)."""
    told: list[tuple[Mention, str]] = []
    seen: set[tuple[str, str]] = set()
    for mention in entry.mentions:
        sentence = " ".join(mention.sentence.text.split())
        key = (mention.article if per_article else "", sentence)
        if key not in seen:
            seen.add(key)
            told.append((mention, sentence))
    return told


def is_web_address(url: str) -> bool:
    """Only web addresses become links: ``javascript:``, ``data:``, ``file:`` never do."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _published_day(info: ArticleInfo) -> str:
    """The publication day as a reader says it; an inferred one says so, an unknown one too."""
    if info.published is None:
        inferred = info.published_inferred
        if inferred is None:
            return "date unknown"
        days = day_text(inferred.start, weekday=False)
        if inferred.end != inferred.start:
            days += " – " + day_text(inferred.end, weekday=False)
        return f"date not given; inferred {days}"
    try:
        return day_text(date.fromisoformat(info.published[:10]), weekday=False)
    except ValueError:
        return info.published


def article_label(info: ArticleInfo) -> str:
    """How an article is named to a reader: its source, else its title, else its id."""
    return info.source or info.title or info.id


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


# ---------------------------------------------------------------------------------------------
# the document


class _Renderer:
    def __init__(self, timeline: Timeline, everything: bool = False) -> None:
        self.timeline = timeline
        self.shown = [e for e in timeline.entries if everything or e.salient]
        self.articles = {info.id: info for info in timeline.articles if info.error is None}
        #: Reference-style links: each URL once, numbered in order of first use, listed at the end.
        self.references: dict[str, int] = {}

    def link(self, label: str, url: Optional[str]) -> str:
        if not url or not is_web_address(url):
            return _escape(label)
        number = self.references.setdefault(_url(url), len(self.references) + 1)
        return f"[{_escape(label)}][{number}]"

    def header(self) -> list[str]:
        infos = sorted(self.timeline.articles, key=lambda a: a.sort_key)
        total = len(self.timeline.entries)
        entries = _plural(total, "entry", "entries") if len(self.shown) == total else f"{len(self.shown)} of {total} entries"
        count = f"{entries} from {_plural(len(infos), 'article', 'articles')}"
        if not infos:
            return ["# Timeline", "", f"{count}."]
        listed = "; ".join(
            f"{self.link(article_label(a), a.url)} (not read: {_escape(a.error)})" if a.error is not None
            else f"{self.link(article_label(a), a.url)} (published {_published_day(a)})"
            for a in infos
        )
        return ["# Timeline", "", f"{count}: {listed}."]

    def entry_articles(self, entry: Entry) -> list[ArticleInfo]:
        ids = sorted({m.article for m in entry.mentions if m.article in self.articles})
        return [self.articles[i] for i in ids]

    def sources(self, entry: Entry) -> str:
        """The entry's sources, each a link where its article has a URL."""
        groups: dict[str, list[ArticleInfo]] = {}
        for info in self.entry_articles(entry):
            groups.setdefault(article_label(info), []).append(info)
        # Names the entry lists but no known article backs (a hand-made timeline): plain text.
        for name in entry.sources:
            if name not in groups and not any(name in (a.source, a.id) for infos in groups.values() for a in infos):
                groups[name] = []
        parts = []
        for label in sorted(groups, key=lambda name: (name.casefold(), name)):
            infos = sorted(groups[label], key=lambda a: a.sort_key)
            if not infos:
                parts.append(_escape(label))
            elif len(infos) == 1:
                parts.append(self.link(label, infos[0].url))
            else:  # several articles of one source: one link per article, named by its date
                seen: dict[str, int] = {}
                links = []
                for info in infos:
                    day = _published_day(info)
                    seen[day] = seen.get(day, 0) + 1
                    links.append(self.link(day if seen[day] == 1 else f"{day} #{seen[day]}", info.url))
                parts.append(f"{_escape(label)} ({', '.join(links)})")
        return ", ".join(parts)

    def conflict_sources(self, entry: Entry, value: TimeValue) -> str:
        labels = sorted(
            {
                article_label(self.articles[m.article]) if m.article in self.articles else m.article
                for m in entry.mentions
                if m.when == value
            },
            key=lambda name: (name.casefold(), name),
        )
        return f" ({', '.join(_escape(name) for name in labels)})" if labels else ""

    def bullet(self, entry: Entry, *, show_when: bool = False) -> list[str]:
        line = f"- {capitalise(_escape(entry.summary))}"
        marker = _STATUS_MARKERS.get(entry.status)
        if marker:
            line += f" ({marker})"
        if show_when and entry.when is not None:
            line += f" (when: {_escape(describe_value(entry.when))})"
        dated = [m for m in entry.mentions if m.when is not None and m.when == entry.when]
        if dated and all(m.anchored_to == "inferred" for m in dated):
            line += " (date counted from an inferred publication date)"
        sources = self.sources(entry)
        if sources:
            line += f" — {sources}"
        lines = [line]
        if entry.conflicts:
            listed = "; ".join(
                _escape(date_label(value)) + self.conflict_sources(entry, value) for value in entry.conflicts
            )
            lines.append(f"  - Sources disagree on the date: {listed}")
        return lines

    def render(self) -> str:
        lines = self.header()
        # One heading per distinct date, where its first entry comes; entries keep their order.
        sections: dict[str, list[Entry]] = {}
        undated: list[Entry] = []
        for entry in self.shown:
            if entry.when is None or not entry.when.is_anchored:
                undated.append(entry)
            else:
                sections.setdefault(date_label(entry.when), []).append(entry)
        for heading, entries in sections.items():
            lines += ["", f"## {_escape(heading)}", ""]
            for entry in entries:
                lines += self.bullet(entry)
        if undated:
            lines += ["", "## Undated", ""]
            for entry in undated:
                lines += self.bullet(entry, show_when=True)
        if self.references:
            lines += [""] + [f"[{number}]: {url}" for url, number in self.references.items()]
        return "\n".join(line.rstrip() for line in lines) + "\n"


def to_markdown(timeline: Timeline, everything: bool = False) -> str:
    """The timeline as a Markdown document (see the module docstring for its layout): its
    salient entries, or ``everything``."""
    return _Renderer(timeline, everything).render()


def key_dates_markdown(timeline: Timeline, chosen: "tuple[KeyDate, ...]") -> str:
    """Key dates as an editor publishes them: a title, what they were chosen from, one dated
    heading per key date and its sentences, each followed by its source (linked where the
    article has an address)."""
    renderer = _Renderer(timeline)
    infos = [a for a in timeline.articles if a.error is None]
    lines = ["# Key dates", "", f"{_plural(len(chosen), 'date', 'dates')} chosen from {_plural(len(infos), 'article', 'articles')}."]
    for key in chosen:
        lines += ["", f"## {_escape(day_text(key.day, weekday=False))}", ""]
        for sentence in key.sentences:
            info = renderer.articles.get(sentence.article)
            label = article_label(info) if info is not None else sentence.source or sentence.article
            lines.append(f"- {_escape(sentence.text)} ({renderer.link(label, sentence.url)})")
    if renderer.references:
        lines += [""] + [f"[{number}]: {url}" for url, number in renderer.references.items()]
    return "\n".join(line.rstrip() for line in lines) + "\n"
