"""Order: one deterministic order over full and partial dates.

The rule: entries are ordered by the first day their date covers (of a "mid" or "late" period,
the first day of its middle or last third); on the same first day the
coarser value comes first, so a year-only or month-only event sits before the days inside it
("2018" < "2018-07" < "2018-07-01" < "2018-07-04"). Remaining ties are broken by a stable key
(summary, case-insensitively, then the first mention's article and offset), never by input order. Entries without a
calendar date (undated, or only a reference such as "recently") come after all dated ones.
"""

from __future__ import annotations

from datetime import date
from typing import Optional

from .model import Entry, Mention, TimeValue
from .timex import Granularity

__all__ = ["entry_sort_key", "mention_sort_key", "GRANULARITY_RANK"]

#: Coarse to fine: the order of the Granularity enum, which lists them so.
GRANULARITY_RANK = {g: rank for rank, g in enumerate(Granularity)}

_UNDATED_DAY = date.max


# Within one period: its start, the period itself, its middle, its end ("early 2018" < "2018" <
# "late 2018"); other mods (APPROX...) sit with the plain value.
_MOD_RANK = {"START": 0, None: 1, "MID": 2, "END": 3}


def _date_key(value: Optional[TimeValue]) -> tuple[bool, date, int, date, str, int]:
    if value is None or value.start is None or value.end is None:
        return (True, _UNDATED_DAY, 0, _UNDATED_DAY, "", 0)
    mod = None if value.mod is None else str(value.mod)
    return (False, _first_day(value.start, value.end, mod), GRANULARITY_RANK[value.granularity], value.end, value.value, _MOD_RANK.get(mod, 1))


def _first_day(start: date, end: date, mod: Optional[str]) -> date:
    """The first day of the part a mod keeps: "late 2018" begins in September, after "July
    2018"; "mid-2018" in May (thirds of the period)."""
    if mod not in ("MID", "END"):
        return start
    third = (end - start) // 3
    return start + (third if mod == "MID" else 2 * third)


def mention_sort_key(mention: Mention) -> tuple:
    """Dated before undated, finest first; then by article and position."""
    when = mention.when
    width = (when.end - when.start).days if when is not None and when.start is not None and when.end is not None else 10**9
    return (when is None or when.start is None, width, mention.article, mention.start, mention.end, mention.event, mention.summary)


def entry_sort_key(entry: Entry) -> tuple:
    first = entry.mentions[0] if entry.mentions else None
    anchor = (first.article, first.start) if first is not None else ("", 0)
    return (_date_key(entry.when), entry.summary.casefold(), entry.summary, anchor)
