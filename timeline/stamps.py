"""Live pages: the day each update of a page was written, from the page's own update stamps.

A live page is written over a day or more, update after update, each opening with a stamp:

    (Update 3:09 a.m. Wednesday in Cairo, 8:09 p.m. ET Tuesday) Here is a collection of ...
    (Update 1:56 a.m. in Cairo, 6:56 p.m. ET) Thousands of demonstrators ...

and its publication date (a feed's, a folder's) is when it was first posted, a day or two before
its later updates. Read against that date, "Tuesday" in an update written on a Wednesday is
taken for the Tuesday a week before. :func:`update_days` finds the stamps and the day each
update was written; the reading resolves an update's expressions, and dates its news, against
that day instead (``Mention.published`` is then the update's day).

- A stamp opens a line: ``(Update ...)``, ``(Updated ...)``, ``(Posted ...)``, with a clock time.
- A stamp that names weekdays is on the latest day it names (Cairo's Wednesday, not New York's
  Tuesday: the story's days are where it happens), taken from a day before the page's date
  to five days after it (an update is not older than its page; one stamp may name the day
  before, the other place's).
- A stamp that names none is on its neighbour's day, or a day apart where the clock passed
  midnight between them: updates follow each other within hours, so from one stamp's time to
  the next the clock went the shorter way round (newest first, "12:15 a.m." above "11:58 p.m."
  is the day before; "3:55 a.m." above "4:30 a.m." an update put out of order, the same day).
- Text before the first stamp, and every page without a stamp that names a day, keeps the
  page's date: nothing is guessed where the page does not say.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from typing import Optional

from attrs import frozen

from .rules import WEEKDAYS

__all__ = ["UpdateStamp", "day_at", "in_stamp", "update_days"]

#: A named weekday on the page's date may mean up to this many days before it ...
DAYS_BEFORE = 1
#: ... and this many after: the window is a week, so every weekday falls in it once.
DAYS_AFTER = 5

_WEEKDAY_NAMES = {name: number for name, number in WEEKDAYS.items() if len(name) > 4}  # "tuesday", not "tues"
# "(Update 3:09 a.m. Wednesday in Cairo, 8:09 p.m. ET Tuesday)", "(Updated 6 p.m. in Cairo, 11 a.m. ET)",
# "-- (Update 12:24 a.m. Monday in Cairo, 5:24 p.m. ET)"
_STAMP = re.compile(
    r"(?m)^[ \t]*(?:(?:--?|—|–)[ \t]*)?\((?:update[sd]?|posted)\b[ :]*(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>[ap])?\.?\s?m?\.?(?P<rest>[^()\n]{0,80})\)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z]+")
_MINUTES_A_DAY = 24 * 60


@frozen
class UpdateStamp:
    """An update of a live page: where its stamp is in the text, and the day it was written."""

    start: int
    #: Where the stamp ends: its clock times say when the page was updated, not when anything
    #: it reports happened, so they date no event.
    end: int
    day: date


def update_days(text: str, published: date) -> tuple[UpdateStamp, ...]:
    """The updates of a live page with the day each was written, in text order; none when no
    stamp names a day (see the module docstring)."""
    found = []
    for match in _STAMP.finditer(text):
        named = [_WEEKDAY_NAMES[w.lower()] for w in _WORD.findall(match["rest"]) if w.lower() in _WEEKDAY_NAMES]
        found.append((match.span(), _minutes(match), max((_day_named(n, published) for n in named), default=None)))
    if not any(day is not None for _, _, day in found):
        return ()
    days: list[Optional[date]] = [day for _, _, day in found]
    # a stamp without a day: from the one above it, then (for those before the first that names
    # one) from the one below it
    for index in range(1, len(found)):
        neighbour = days[index - 1]
        if days[index] is None and neighbour is not None:
            days[index] = _next_day(neighbour, found[index - 1][1], found[index][1])
    for index in range(len(found) - 2, -1, -1):
        neighbour = days[index + 1]
        if days[index] is None and neighbour is not None:
            days[index] = _next_day(neighbour, found[index + 1][1], found[index][1])
    return tuple(UpdateStamp(start, end, day) for ((start, end), _, _), day in zip(found, days, strict=True) if day is not None)


def in_stamp(stamps: tuple[UpdateStamp, ...], offset: int) -> bool:
    """Is the text at ``offset`` inside one of the stamps?"""
    stamp = _update_of(stamps, offset)
    return stamp is not None and offset < stamp.end


def day_at(stamps: tuple[UpdateStamp, ...], offset: int, default: date) -> date:
    """The day the text at ``offset`` was written: its update's, or ``default`` before the first."""
    stamp = _update_of(stamps, offset)
    return stamp.day if stamp is not None else default


def _update_of(stamps: tuple[UpdateStamp, ...], offset: int) -> Optional[UpdateStamp]:
    """The update the text at ``offset`` belongs to: the last stamp starting at or before it."""
    index = bisect_right(stamps, offset, key=lambda stamp: stamp.start) - 1  # asked per expression and event: no list built
    return stamps[index] if index >= 0 else None


def _minutes(match: re.Match) -> Optional[int]:
    """The stamp's first clock time in minutes after midnight; None without a.m. or p.m."""
    if match["half"] is None:
        return None
    hour = int(match["hour"])
    if not 1 <= hour <= 12:
        return None
    return (hour % 12 + (12 if match["half"].lower() == "p" else 0)) * 60 + int(match["minute"] or 0)


def _day_named(weekday: int, published: date) -> date:
    """The day of the window around ``published`` that is ``weekday`` (1 Monday ... 7 Sunday)."""
    first = published - timedelta(days=DAYS_BEFORE)
    return first + timedelta(days=(weekday - 1 - first.weekday()) % (DAYS_BEFORE + DAYS_AFTER + 1))


def _next_day(day: date, clock: Optional[int], next_clock: Optional[int]) -> date:
    """The day of a stamp at ``next_clock`` beside one at ``clock`` on ``day``: the clock went the
    shorter way round from one to the other, a day on where that passes midnight."""
    if clock is None or next_clock is None:
        return day
    ahead = (next_clock - clock) % _MINUTES_A_DAY
    if ahead < _MINUTES_A_DAY // 2:  # later: past midnight when the time reads smaller
        return day + timedelta(days=1) if next_clock < clock else day
    return day - timedelta(days=1) if next_clock > clock else day
