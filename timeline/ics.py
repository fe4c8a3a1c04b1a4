"""ICS: the timeline as an iCalendar file (RFC 5545) that calendars import, through ``icalendar``.

One event per entry with a calendar date. A day, week, month or year is an all-day event over
the days it covers (DTEND the day after the last, as RFC 5545 counts); a part of a day ("Monday
morning") an all-day event on that day; a clock time a timed event, in UTC where the text gave
an offset and in floating local time where it did not. Entries with no calendar date (undated,
durations) have no place in a calendar: :func:`undated_entries` counts them, and the command
line says how many were left out.

The file is reproducible: the same timeline gives the same bytes. Each event's UID is a hash of
what it reports, and DTSTAMP (when the calendar was made, which RFC 5545 requires) is the newest
publication day of the articles rather than the clock.

``icalendar`` is the optional extra ``news-timeline[ics]``, imported on first use.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Optional

from .errors import MissingExtraError
from .model import Entry, Status, Timeline, TimeValue
from .render import capitalise, is_web_address, reported_sentences
from .timex import Granularity, utc_offset

__all__ = ["load_icalendar", "to_ics", "undated_entries"]

#: How a calendar shows what the sources say of an event.
_STATUS = {Status.HAPPENED: "CONFIRMED", Status.PLANNED: "TENTATIVE", Status.REPORTED: "TENTATIVE", Status.NEGATED: "CANCELLED"}

_CLOCK = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2})(?::(\d{2}))?(?::(\d{2}))?")


def to_ics(timeline: Timeline) -> bytes:
    """The timeline's dated entries as an iCalendar file (UTF-8 bytes, CRLF lines)."""
    icalendar = load_icalendar()
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//news-timeline//timeline//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Timeline")
    stamp = _stamp(timeline)
    urls = {info.id: info.url for info in timeline.articles if info.url and is_web_address(info.url)}
    for entry in timeline.entries:
        if _calendar_date(entry.when) is None:
            continue
        event = icalendar.Event()
        event.add("uid", _uid(entry))
        event.add("dtstamp", stamp)
        start, end = _times(entry.when)  # type: ignore[arg-type]  # (dated: checked above)
        event.add("dtstart", start)
        if end is not None:
            event.add("dtend", end)
        event.add("summary", capitalise(entry.summary))
        event.add("description", _description(entry))
        event.add("status", _STATUS[entry.status])
        event.add("categories", [str(entry.status)])
        links = [urls[m.article] for m in entry.mentions if m.article in urls]
        if links:
            event.add("url", links[0])
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def undated_entries(timeline: Timeline) -> int:
    """How many entries have no calendar date, and so no event in :func:`to_ics`."""
    return sum(1 for entry in timeline.entries if _calendar_date(entry.when) is None)


def load_icalendar() -> Any:
    """The ``icalendar`` module, or :class:`MissingExtraError` naming the extra to install."""
    try:
        import icalendar
    except ImportError as error:
        raise MissingExtraError("ics", "ICS output", "icalendar", str(error)) from None
    return icalendar


def _calendar_date(when: Optional[TimeValue]) -> Optional[date]:
    return None if when is None or when.start is None or when.end is None else when.start


def _times(when: TimeValue) -> tuple[Any, Optional[Any]]:
    """DTSTART and DTEND: dates for all-day events, a datetime (and no end) for a clock time."""
    clock = _CLOCK.match(when.value)
    if clock is not None and when.granularity in (Granularity.HOUR, Granularity.MINUTE):
        day, hour, minute, second = clock.groups()
        at = datetime.combine(date.fromisoformat(day), time(int(hour), int(minute or 0), int(second or 0)))
        offset = utc_offset(when.value)
        if offset is not None:
            at = at.replace(tzinfo=timezone(offset)).astimezone(timezone.utc)
        return at, None
    assert when.start is not None and when.end is not None
    return when.start, when.end + timedelta(days=1)


def _stamp(timeline: Timeline) -> datetime:
    days = [info.published[:10] for info in timeline.articles if info.published]
    newest = max((date.fromisoformat(day) for day in days if _iso_day(day)), default=date(1970, 1, 1))
    return datetime.combine(newest, time(0), tzinfo=timezone.utc)


def _iso_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _uid(entry: Entry) -> str:
    reported = "\n".join(sorted("\t".join(map(str, m.key)) for m in entry.mentions))
    digest = hashlib.sha256(f"{entry.when.value if entry.when else ''}\n{entry.summary}\n{reported}".encode()).hexdigest()
    return f"{digest[:32]}@news-timeline"


def _description(entry: Entry) -> str:
    lines = [f"Status: {entry.status}. Sources: {', '.join(entry.sources)}."]
    if entry.conflicts:
        lines.append("Other reports date it " + ", ".join(value.value for value in entry.conflicts) + ".")
    lines.extend(f"“{sentence}” ({mention.article})" for mention, sentence in reported_sentences(entry))
    return "\n".join(lines)
