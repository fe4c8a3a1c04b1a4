"""Entries: one per group of mentions, with the date they agree on, the clause that speaks for
them, their sources and how salient they are."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Optional, Sequence

from ..lexicon import REPORTING_VERBS, STATEMENT_VERBS
from ..model import Entry, Mention, Status, TimeValue
from ..order import mention_sort_key
from .names import names_match
from .similarity import dates_compatible

__all__ = ["make_entry", "salience"]

_STATUS_RANK = {Status.HAPPENED: 0, Status.REPORTED: 1, Status.PLANNED: 2, Status.NEGATED: 3}


def _entry_when(mentions: Sequence[Mention]) -> tuple[Optional[TimeValue], tuple[TimeValue, ...]]:
    """The finest date every dated mention allows, and the dates that disagree with it.

    Dates the text gives (or the discourse) come first; only an entry with none of those takes
    the earliest publication day of a report in the present perfect ("has been sworn in").
    Attributions date the saying, not the event ("..., NASA said on Tuesday"): they count only
    where nothing else dates the entry (then what is reported was so by the day it was said)."""
    events = [m for m in mentions if m.attribution_of is None]
    if len(events) < len(mentions) and any(m.when is not None and m.when.start is not None for m in events):
        mentions = events
    dated = [m.when for m in mentions if m.when is not None and m.when.start is not None and m.dated_by != "published"]
    if not dated:
        published = sorted((m.when for m in mentions if m.when is not None and m.when.start is not None), key=lambda v: v.start)  # type: ignore[arg-type,return-value]
        return (published[0], ()) if published else (None, ())
    # The finest value contained in all others (the window is non-empty by construction).
    candidates = sorted({v for v in dated}, key=lambda v: ((v.end - v.start).days, _value_order(v)))  # type: ignore[operator]
    for value in candidates:
        if all(dates_compatible(value, other) and other.start <= value.start and value.end <= other.end for other in dated):  # type: ignore[operator]
            return value, ()
    # No value lies within all the others (2018-W31 spills out of 2018-07): keep the finest and
    # list every date that does not contain it, so the disagreement is shown, not hidden.
    chosen = candidates[0]
    outside = {v for v in dated if not (v.start <= chosen.start and chosen.end <= v.end)}  # type: ignore[operator]
    return chosen, tuple(sorted(outside, key=_value_order))


def _value_order(value: TimeValue) -> tuple[str, str, str]:
    """A total order of values: one value written with and without a modifier ("2003", "late
    2003") is two values of one span, and a set of them iterates in an order that follows the
    process's hash seed; the plain one comes first (it is what every mention allows)."""
    return value.value, "" if value.mod is None else str(value.mod), str(value.type)


def _words(mention: Mention) -> int:
    return len(mention.summary.split())


def _representative(mentions: Sequence[Mention]) -> Mention:
    """The mention whose clause speaks for the entry: what happened, not who said it; of the
    predicate most of its mentions share ("met", "meetings", "meet" over "is leading a
    delegation"); a clause with a named doer, an action and an object; told as fact, dated by its
    own text; of a readable length (6 to 30 words) rather than a bare noun phrase or a whole
    paragraph."""
    events = [m for m in mentions if m.attribution_of is None] or list(mentions)
    shared = Counter(stem for m in events for stem in set(m.stems))

    def rank(m: Mention) -> tuple:
        roles = {p.role for p in m.participants}
        length = _words(m)
        return (
            -max((shared[stem] for stem in m.stems), default=0),
            m.agent is None and "doer" not in roles,
            "object" not in roles and m.trigger == m.lemma,
            _STATUS_RANK[m.status],
            m.dated_by != "text",
            not 6 <= length <= 30,
            abs(length - 16),
            mention_sort_key(m),
        )

    return min(events, key=rank)


def _merged_actors(mentions: Sequence[Mention]) -> tuple[str, ...]:
    """Every actor once, under its fullest spelling ("Rand Paul", not "Paul")."""
    names: list[str] = []
    for mention in mentions:
        for name in ([mention.agent] if mention.agent else []) + list(mention.actors):
            match = next((i for i, known in enumerate(names) if names_match(known, name)), None)
            if match is None:
                names.append(name)
            elif len(name) > len(names[match]):
                names[match] = name
    return tuple(names)


def _status(mentions: Sequence[Mention], when: Optional[TimeValue]) -> Status:
    events = [m for m in mentions if m.attribution_of is None] or list(mentions)
    statuses = {m.status for m in events}
    published = [date.fromisoformat(m.published[:10]) for m in mentions if m.published]
    if when is not None and when.start is not None and published and when.start > max(published) and statuses != {Status.NEGATED}:
        return Status.PLANNED  # after every report of it: still ahead for all of them
    if Status.HAPPENED in statuses:
        return Status.HAPPENED
    if Status.REPORTED in statuses:
        return Status.REPORTED
    if statuses == {Status.NEGATED}:
        return Status.NEGATED
    return Status.PLANNED


def salience(mentions: Sequence[Mention]) -> float:
    """How much the sources make of an event: one point per article that reports it, a quarter
    per further mention (up to a point), half a point for a date in the text, a quarter for a
    named participant. An event one article tells only in a quote or a claim, or only as who
    said something ("Putin said", "he announced Monday"), counts half: it is what someone says,
    not what the article reports."""
    articles = len({m.article for m in mentions})
    events = [m for m in mentions if m.attribution_of is None]
    value = articles + 0.25 * min(4, len(mentions) - 1)
    value += 0.5 if any(m.dated_by == "text" for m in mentions) else 0.0
    value += 0.25 if any(p.label for m in mentions for p in m.participants) else 0.0
    if articles == 1 and (not events or all(m.status is Status.REPORTED or _who_said(m) for m in events)):
        value /= 2
    return round(value, 3)


def _who_said(mention: Mention) -> bool:
    """"Putin said", "Rand Paul announced Monday": a saying with nothing said in its clause (what
    was said, if anything, is an event of its own)."""
    if mention.lemma in REPORTING_VERBS:
        return True
    return mention.lemma in STATEMENT_VERBS and not any(p.role == "object" for p in mention.participants)


def make_entry(mentions: Sequence[Mention], sources: dict[str, str]) -> Entry:
    ordered = sorted(mentions, key=mention_sort_key)
    when, conflicts = _entry_when(ordered)
    representative = _representative(ordered)
    return Entry(
        when=when,
        summary=representative.summary,
        status=_status(ordered, when),
        actors=_merged_actors(ordered),
        sources=tuple(sorted({sources.get(m.article, m.article) for m in ordered})),
        mentions=tuple(ordered),
        conflicts=conflicts,
        salience=salience(ordered),
    )
