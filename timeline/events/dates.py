"""Dates: which event each time expression dates, and what the discourse dates besides.

A time expression dates the event that governs it in the dependency tree, not the nearest one
("Paul, who met Kosachev in July, said Monday": July for the meeting, Monday for the saying).
The dates decide what the triggers left open:

- a predicate inside another's arguments is part of it unless its own date differs ("found
  guilty on Wednesday of the 2016 bombing": two events; "Monday's launch was delayed": one,
  on Monday);
- one predicate with two alternative or successive dates is one mention per date ("scheduled
  for Friday, September 7, or Monday, September 10"; "delayed the launch from November 14 to
  November 16": the old plan, the new one, and the delay).

Undated events take a date from the discourse only where the text supports it: what is
reported takes the date of its report ("NASA has delayed the launch, NASA said on Tuesday"),
events told to happen together share one ("on the same day that"), "the previous trip" takes
its antecedent's, a statement in the next sentence about the event dates it, and an event
counted from another ("three days after the bombing", "days after the attack") takes that
event's date moved by the distance.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Iterable, Optional

from ..detect import lemma
from ..lexicon import ANAPHORIC_MODIFIERS, ANCHORING_PREPOSITIONS, RESCHEDULING_VERBS, SIMULTANEOUS_PREPOSITIONS
from ..model import Status, TimeExpression, TimeValue
from ..resolution import add_months, period_value
from ..timex import TimexType
from .draft import Dated, Draft
from .parse import CLAUSE_DEPS, quoted_tokens
from .triggers import Trigger, nested_closure
from .words import event_class

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["attach_times", "settle_nesting", "split_by_dates", "choose_date", "date_from_discourse", "is_date", "shifted"]

DATE_TYPES = (TimexType.DATE, TimexType.TIME)


def is_date(value: TimeValue) -> bool:
    """A calendar date or time (not a duration, a set, "now" or an unknown "XXXX-XX-XX")."""
    return value.type in DATE_TYPES and value.is_anchored


def _owner_map(triggers: Iterable[Trigger]) -> dict[int, Trigger]:
    owner: dict[int, Trigger] = {}
    for trigger in triggers:
        for token in trigger.tokens:
            owner.setdefault(token.i, trigger)
    return owner


def attach_times(triggers: list[Trigger], spans: list[tuple["Span", TimeExpression]]) -> dict[int, list[Dated]]:
    """Each time expression, to the trigger that governs it (by ``id`` of the trigger).

    Walking up from the expression, a noun that is not an event ("the July 4 recess") makes the
    attachment indirect: it names part of a thing, not when the event was. A clause with no
    event trigger of its own ("Brown was at our board meeting this morning") keeps
    its time: it goes to an event noun inside that clause if there is one, else nowhere.
    """
    owner = _owner_map(triggers)
    attached: dict[int, list[Dated]] = {}
    for span, expression in spans:
        inside = range(span.start, span.end)
        token = span.root
        direct = True
        target: Optional[Trigger] = None
        for _ in range(16):
            if token.i in owner and token.i not in inside:
                target = owner[token.i]
                break
            head = token.head
            if head.i == token.i:
                break
            if head.pos_ in ("VERB", "AUX") and head.i not in owner and token.dep_ not in ("aux", "auxpass"):
                target = _event_below(head, owner, inside, span.root.i)
                if target is None and head.dep_ == "acl" and head.head.i in owner and owner[head.head.i].kind == "noun":
                    # a participle with no event of its own describes the event noun it follows:
                    # "a poll conducted last month", "the talks held on Monday"
                    target = owner[head.head.i]
                break  # a clause of its own: its time is not the event's above it
            if head.pos_ in ("NOUN", "PROPN") and head.i not in owner and token.dep_ in ("compound", "nmod", "amod", "nummod", "poss"):
                direct = False
            token = head
        if target is not None:
            attached.setdefault(id(target), []).append(Dated(expression, direct, tuple(inside)))
    return attached


def _event_below(verb: "Token", owner: dict[int, Trigger], skip: range, at: int) -> Optional[Trigger]:
    """The event noun a clause without an event verb is about, the nearest to the time
    expression at token ``at``: "was at our meeting this morning", "used their closing arguments
    Monday"."""
    found: list[tuple[int, int, Trigger]] = []
    for token in verb.subtree:
        if token.i in owner and token.i not in skip and (owner[token.i].kind == "noun" or token.dep_ in PURPOSE_DEPS and token.head.i == verb.i):
            # only within this clause, not in one below it (but its purpose: "took to Facebook on
            # Wednesday to confirm his intention")
            current = token
            while current.i != verb.i and (current.dep_ not in CLAUSE_DEPS or current.dep_ in PURPOSE_DEPS) and current.head.i != current.i:
                current = current.head
            if current.i == verb.i:
                found.append((abs(token.i - at), token.i, owner[token.i]))
    return min(found, key=lambda f: (f[0], f[1]))[2] if found else None


# Clauses that are the purpose of a verb with no event of its own ("took to Facebook to confirm").
PURPOSE_DEPS = frozenset({"advcl", "xcomp"})


def _values(dated: Iterable[Dated]) -> set[str]:
    return {d.expression.value.value for d in dated if is_date(d.expression.value)}


def settle_nesting(triggers: list[Trigger], times: dict[int, list[Dated]]) -> list[Trigger]:
    """The triggers that are mentions of their own: every top-level one, and each nested one
    whose own date differs from its container's, or that has a date and is reached through a
    preposition while its container has none ("was found guilty of killing two people in the
    June 2, 2016, bombing"). A nested one that stays inside gives its dates to its container
    ("Monday's launch was delayed": the delay is dated Monday)."""
    depth = {id(t): _nesting_depth(t) for t in triggers}
    for trigger in sorted(triggers, key=lambda t: -depth[id(t)]):
        container = trigger.container
        if container is None:
            continue
        own = _values(times.get(id(trigger), []))
        theirs = _values(times.get(id(container), []))
        if trigger.nesting == "conjunct" and own and not own <= theirs:
            # "planted the bomb on June 2, 2016 and three days later shot a guard": each conjunct
            # on its own day
            container.nested.remove(trigger)
            trigger.container = None
            continue
        occasion = container.kind == "report"  # "said in a statement on Tuesday": the saying's date
        if trigger.nesting == "argument" and (own and not own <= theirs and (theirs or not occasion) or trigger.temporal and not own and not _reference(trigger)):
            # another event: "found guilty on Wednesday of the 2016 bombing", "convicted him for
            # bombing the 2016 parade", "after nine hours of deliberations"
            container.nested.remove(trigger)
            trigger.container = None
            continue
        times.setdefault(id(container), []).extend(times.pop(id(trigger), []))
    # "the outbreak", "the attack" on their own: a reference to the story's event, a participant
    # of what is said about it, no mention (with a date, a participant or a modifier it is one)
    return [t for t in triggers if t.container is None and not (_reference(t) and not times.get(id(t)) and not t.nested and t.head.i == t.top.i)]


def _reference(trigger: Trigger) -> bool:
    """"the attack" in "days after the attack": a definite noun that names an event told
    elsewhere, a participant here rather than a mention (verbs and clauses never are)."""
    head = trigger.head
    if head.pos_ not in ("NOUN", "PROPN") or trigger.top.i != head.i:
        return False
    determiners = [c for c in head.children if c.dep_ == "det" and c.lower_ == "the"]
    others = [c for c in head.children if c.dep_ not in ("det", "punct")]
    return bool(determiners) and not others


def _nesting_depth(trigger: Trigger) -> int:
    depth = 0
    while trigger.container is not None and depth < 32:
        trigger = trigger.container
        depth += 1
    return depth


def choose_date(draft: Draft) -> None:
    """The draft's date from its attached expressions: a direct one before one through a thing,
    a day before a year ("the 2018 midterm elections ... on Monday")."""
    dated = [d for d in draft.times if is_date(d.expression.value)]
    if not dated:
        return
    best = max(dated, key=lambda d: (d.direct, str(d.expression.value.granularity) not in ("year", "decade", "century")))
    draft.take_date(best, "text")


def split_by_dates(draft: Draft) -> list[Draft]:
    """One draft per alternative or successive date of one predicate.

    - Coordinated dates ("Friday, September 7, or Monday, September 10"): the first stays with the
      clause, each other is a mention of the same event on its own date.
    - A rescheduling verb's "from DATE" and "to DATE" ("delayed the launch from November 14 to
      November 16", "moved to Saturday"): each is a planned mention of what is moved on that
      date; the rescheduling itself keeps its other dates.
    """
    dated = [d for d in draft.times if is_date(d.expression.value) and d.direct]
    if len(dated) < 2 and not (dated and _rescheduling(draft)):
        return [draft]
    doc = draft.head.doc
    parts: list[Draft] = []
    keep: list[Dated] = []
    moved = _rescheduling(draft)
    first_value: Optional[str] = None
    for d in sorted(dated, key=lambda d: d.tokens[0]):
        root = doc[d.tokens[0]:d.tokens[-1] + 1].root
        preposition = root.head if root.dep_ == "pobj" else None
        marker = preposition.lower_ if preposition is not None else None
        coordinated = root.dep_ == "conj" or any(t.dep_ == "conj" for t in doc[d.tokens[0]:d.tokens[-1] + 1])
        if moved and marker in ("from", "to", "until", "till", "for"):
            phrase = tuple(range(preposition.i, d.tokens[-1] + 1)) if preposition is not None else d.tokens
            parts.append(_part(draft, d, phrase, Status.PLANNED))
            continue
        if first_value is None or d.expression.value.value == first_value or not coordinated:
            first_value = first_value or d.expression.value.value
            keep.append(d)
            continue
        start = d.tokens[0]
        if start > 0 and doc[start - 1].dep_ == "cc":
            start -= 1
        parts.append(_part(draft, d, tuple(range(start, d.tokens[-1] + 1)), draft.status))
    if not parts:
        return [draft]
    draft.times = [d for d in draft.times if d in keep or not (is_date(d.expression.value) and d.direct)]
    taken = {i for part in parts for i in (part.phrase or ())}
    draft.tokens -= taken
    return [draft] + parts


def _rescheduling(draft: Draft) -> bool:
    return draft.head.pos_ in ("VERB", "AUX") and lemma(draft.head).replace("-", "") in {v.replace("-", "") for v in RESCHEDULING_VERBS}


def _part(draft: Draft, dated: Dated, phrase: tuple[int, ...], status: Status) -> Draft:
    part = Draft(draft.trigger, draft.offset, draft.sentence, draft.in_quote, draft.speaker, status, list(draft.participants))
    part.times = [dated]
    part.phrase = phrase
    part.tokens = set(phrase)
    part.main = draft
    return part


# ---------------------------------------------------------------------------------------------
# the discourse


def date_from_discourse(drafts: list[Draft], everything: list[Draft]) -> None:
    """Date what the text leaves undated where the discourse supports it (see the module doc)."""
    for draft in drafts:
        if draft.when is None and draft.reports is None:
            for attribution in draft.attributions:
                if attribution.when is not None and draft.status is not Status.PLANNED:
                    draft.share_date(attribution)  # "NASA has delayed the launch, NASA said on Tuesday"
                    break
    for draft in drafts:
        if draft.reports is not None and draft.when is None and draft.reports.when is not None:
            draft.share_date(draft.reports)
    position = {id(d): i for i, d in enumerate(everything)}
    for index, draft in enumerate(drafts):
        if draft.when is None and draft.head.pos_ not in ("VERB", "AUX") and anaphoric(draft.head):
            _from_antecedent(draft, everything[: position.get(id(draft), 0)])
        if draft.when is None:
            _from_commentary(draft, drafts[index + 1 :])
    for draft in drafts:  # simultaneous events share what either has
        for other in draft.simultaneous:
            if draft.when is None and other.when is not None:
                draft.share_date(other)
    by_doc: dict[int, dict[int, Draft]] = {}  # each doc's tokens -> the draft they trigger
    for other in everything:
        by_doc.setdefault(id(other.head.doc), {}).update((t.i, other) for t in other.trigger.tokens)
    for draft in drafts:
        if draft.when is None:
            _from_anchor(draft, by_doc[id(draft.head.doc)], everything[: position.get(id(draft), 0)])


def anaphoric(token: "Token") -> bool:
    """"the previous trip", "the trip": a definite event noun that refers back."""
    return any(c.lower_ in ANAPHORIC_MODIFIERS or c.lower_ == "the" for c in token.children if c.dep_ in ("det", "amod"))


def _from_antecedent(draft: Draft, earlier: list[Draft]) -> None:
    """"the previous trip", "following the trip": the last event of the same class before it.

    The anaphor takes its antecedent's participants, and its date when it has one.
    """
    kind = event_class(draft.head.lemma_)
    for antecedent in reversed(earlier):
        if antecedent.in_quote or antecedent.head.doc is draft.head.doc and antecedent.head.i >= draft.head.i:
            continue  # quotes are not narrative; only what came before can be referred back to
        if antecedent.is_report:
            continue
        if event_class(antecedent.head.lemma_) == kind:
            draft.antecedent = antecedent
            if antecedent.when is not None:
                draft.share_date(antecedent)
            names = {p.name for p in draft.participants}
            draft.participants += [p for p in antecedent.participants if p.name not in names]
            return


def _from_commentary(draft: Draft, later: list[Draft]) -> None:
    """"Senators unveiled a sanctions package. '... these sanctions ...,' Graham said Thursday.":
    a dated statement in the very next sentence whose quote is about the event dates it."""
    if draft.head.pos_ != "VERB" or draft.status in (Status.PLANNED, Status.NEGATED) or draft.in_quote or draft.is_report:
        return
    topic = {t.lemma_.lower() for t in draft.head.subtree if t.pos_ == "NOUN" and not t.is_stop}
    following = [d for d in later if d.sentence.start > draft.sentence.start]
    if not following or following[0].sentence.start - draft.sentence.end > 3:
        return
    next_sentence = following[0].sentence
    for statement in (d for d in following if d.sentence == next_sentence):
        if statement.is_report and statement.when is not None:
            doc = statement.head.doc
            quoted = quoted_tokens(doc)
            quote = {t.lemma_.lower() for t in statement.head.sent if t.i in quoted and t.pos_ == "NOUN"}
            if topic & quote:
                draft.share_date(statement)
                return


def link_simultaneous(drafts: list[Draft], doc: "Doc", cataphoric: list[tuple["Span", TimeExpression]]) -> None:
    """Events the syntax says happen together share a date, whichever of them gets one.

    "X on the same day that Y": X and Y. An event noun that a verb is at, in or during ("sided
    with Putin at a summit"), when it is a mention of its own.
    """
    by_token: dict[int, Draft] = {}
    for draft in drafts:
        for token in draft.trigger.tokens:
            by_token.setdefault(token.i, draft)
    for span, _expression in cataphoric:
        if span.end >= len(doc):
            continue
        owner = _governing(span.root, by_token)
        marker = doc[span.end]  # "that"/"when" heads into the clause it introduces
        if owner is not None and marker.lower_ in ("that", "when", "as") and marker.head.i in by_token:
            clause = by_token[marker.head.i]
            if clause is not owner:
                owner.simultaneous.append(clause)
                clause.simultaneous.append(owner)
                if clause.status is Status.REPORTED and not clause.in_quote:
                    clause.status = Status.HAPPENED  # parsed as the verb's complement, it is no claim
    for draft in drafts:
        top = draft.trigger.top
        if top.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ in ("when", "as", "while") or c.dep_ == "mark" and c.lower_ in ("when", "as", "while") for c in top.children):
            governor = by_token.get(top.head.i)
            if governor is not None and governor is not draft:
                # "phase one ended when the jury found him guilty": at the same time
                draft.simultaneous.append(governor)
                governor.simultaneous.append(draft)
        token = draft.head
        if token.pos_ != "VERB" and token.dep_ == "pobj" and token.head.lower_ in SIMULTANEOUS_PREPOSITIONS:
            governor = by_token.get(token.head.head.i)
            # (a verb's: "sided with Putin at a summit"; hung on a noun, "apologized for the 2013
            # attack at a hearing", the phrase is too often the parse's misplaced attachment)
            if governor is not None and governor is not draft and token.head.head.pos_ in ("VERB", "AUX"):
                draft.simultaneous.append(governor)
                governor.simultaneous.append(draft)


def _governing(token: "Token", by_token: dict[int, Draft]) -> Optional[Draft]:
    for _ in range(12):
        head = token.head
        if head.i == token.i:
            return None
        if head.i in by_token:
            return by_token[head.i]
        token = head
    return None


# ---------------------------------------------------------------------------------------------
# dates counted from another event


_OFFSET = re.compile(r"^P(T?)(\d+|X)([YMWDHS])$")


def _from_anchor(draft: Draft, by_token: dict[int, Draft], earlier: list[Draft]) -> None:
    """"three days after the bombing", "days after the attack", "two years after the crash":
    an undated event counted from another event the text dates (or, for "the attack", that an
    earlier sentence dates). The offset and the anchor's date decide the granularity: three days
    after 2 June 2017 is 5 June; days after "the March 2019 attack" is March 2019; a vague
    offset of weeks or more, or none ("after the attack"), says too little, and nothing is dated."""
    for word in draft.head.sent:
        direction = ANCHORING_PREPOSITIONS.get(word.lower_)
        if direction is None or word.dep_ not in ("prep", "mark"):
            continue
        anchor_token = word.head if word.dep_ == "mark" else next((c for c in word.children if c.dep_ == "pobj"), None)
        if anchor_token is None or _governing(anchor_token if word.dep_ == "mark" else word, by_token) is not draft:
            continue
        anchor = _anchor_date(anchor_token, by_token, earlier)
        offset = _offset(word, anchor_token, draft, by_token.get(anchor_token.i))
        if anchor is None or offset is None:
            continue
        value = shifted(anchor, offset, direction)
        if value is not None:
            draft.when, draft.dated_by = value, "discourse"
            return


def _anchor_date(token: "Token", by_token: dict[int, Draft], earlier: list[Draft]) -> Optional[TimeValue]:
    own = by_token.get(token.i)
    if own is not None:
        return own.when if own.when is not None and is_date(own.when) else None
    if token.pos_ != "NOUN":
        return None
    kind = event_class(token.lemma_)  # "the attack": the last earlier event of its kind, if dated
    for antecedent in reversed(earlier):
        if antecedent.in_quote or antecedent.when is None or not is_date(antecedent.when):
            continue
        # (also one folded into another: "Rebels claimed the March 2019 attack")
        if any(event_class(t.head.lemma_) == kind for t in nested_closure(antecedent.trigger)):
            return antecedent.when
    return None


def _offset(word: "Token", anchor: "Token", draft: Draft, anchored: Optional[Draft]) -> Optional[TimeValue]:
    """The duration that measures the distance: "three days" before "after"."""
    near = {word.i, word.head.i, anchor.i} | {t.i for t in draft.trigger.tokens}
    for dated in draft.times + (anchored.times if anchored is not None else []):
        value = dated.expression.value
        if value.type is not TimexType.DURATION:
            continue
        root = word.doc[dated.tokens[0] : dated.tokens[-1] + 1].root
        if root.dep_ == "npadvmod" and root.head.i in near and root.i < word.i:
            return value
    return None


_SIZES = ("day", "week", "month", "year")
_UNIT_SIZES = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def _size(value: TimeValue) -> str:
    assert value.start is not None and value.end is not None
    days = (value.end - value.start).days + 1
    return "day" if days == 1 else "week" if days <= 7 else "month" if days <= 31 else "year"


def shifted(anchor: TimeValue, offset: TimeValue, direction: int) -> Optional[TimeValue]:
    """``anchor`` moved by the duration ``offset`` (``direction`` 1: after, -1: before), at the
    coarser of the two granularities: 2013-04-15 + P3D = 2013-04-18; 2013-04 + P2Y = 2015; a
    vague number of days ("days after") gives the anchor's month; hours or minutes its day;
    None where the offset says too little ("weeks after", "months after")."""
    found = _OFFSET.match(offset.value)
    if found is None or anchor.start is None or anchor.end is None:
        return None
    time_unit, count, unit = found.group(1) == "T", found.group(2), found.group(3)
    if time_unit:
        return anchor  # "a few minutes after": that day (or time)
    if unit not in _UNIT_SIZES:
        return None
    size = _size(anchor)
    if count == "X":
        if unit != "D":
            return None
        return TimeValue("DATE", period_value(max(size, "month", key=_SIZES.index), anchor.start, 0))
    n = int(count) * direction
    try:
        if unit in ("D", "W"):
            day = anchor.start + timedelta(days=n * (7 if unit == "W" else 1))
        elif unit == "M":
            year, month = add_months(anchor.start.year, anchor.start.month, n)
            day = date(year, month, 1)
        else:
            day = date(anchor.start.year + n, anchor.start.month, 1)
    except (OverflowError, ValueError):
        return None  # before year 1 or after 9999
    return TimeValue("DATE", period_value(max(size, _UNIT_SIZES[unit], key=_SIZES.index), day, 0))
