"""TempEval-3 Task A scoring (UzZaman et al., SemEval-2013): TIMEX3 extents, values and types.

Counts are kept per document and summed, so corpus scores are micro-averaged as in TempEval-3:

* strict P/R/F1: system timexes with exactly the gold extent;
* relaxed P/R/F1: timexes overlapping a gold one, matched one to one, largest overlap first;
* value F1 and type F1: P = relaxed pairs with the right value (type) / system timexes and
  R = the same / gold timexes (this equals relaxed F1 times attribute accuracy, TE3's definition).
"""

from __future__ import annotations

from typing import Optional, Sequence

import attrs
from attrs import frozen

__all__ = ["Timex", "Counts", "Error", "match", "count", "scores", "prf", "errors"]


@frozen
class Timex:
    """A time expression, gold or system: ``text`` is ``document[start:end]``."""

    start: int
    end: int
    text: str
    type: str
    value: str

    def overlap(self, other: "Timex") -> int:
        return max(0, min(self.end, other.end) - max(self.start, other.start))

    def same_extent(self, other: "Timex") -> bool:
        return (self.start, self.end) == (other.start, other.end)


@frozen
class Counts:
    """What one document (or a sum of them) contributes to the scores."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(a + b for a, b in zip(attrs.astuple(self), attrs.astuple(other), strict=True)))


@frozen
class Error:
    """One disagreement: ``missed`` and ``spurious`` have one side, the other kinds both."""

    kind: str  # missed, spurious, boundary, value, type
    gold: Optional[Timex]
    system: Optional[Timex]

    @property
    def where(self) -> tuple[int, int]:
        timex = self.gold if self.gold is not None else self.system
        assert timex is not None, "an error has a gold or a system timex"
        return timex.start, timex.end


def match(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[int, int]]:
    """One-to-one relaxed matching as (gold index, system index) pairs, in gold order.

    Greedy on overlap size; on ties an exact extent wins. An exact pair's overlap is the largest
    either side can have, so the exact pairs found are as many as possible (strict counts).
    """
    candidates = sorted(
        (-g.overlap(s), not g.same_extent(s), gi, si)
        for gi, g in enumerate(gold)
        for si, s in enumerate(system)
        if g.overlap(s) > 0
    )
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _, _, gi, si in candidates:
        if gi not in used_gold and si not in used_system:
            used_gold.add(gi)
            used_system.add(si)
            pairs.append((gi, si))
    return sorted(pairs)


def _same(gold_attribute: str, system_attribute: str) -> bool:
    # A system that gives no value (NER-only peers) earns no credit for it.
    return bool(gold_attribute) and gold_attribute == system_attribute


def count(gold: Sequence[Timex], system: Sequence[Timex]) -> Counts:
    pairs = [(gold[gi], system[si]) for gi, si in match(gold, system)]
    return Counts(
        gold=len(gold),
        system=len(system),
        strict=sum(g.same_extent(s) for g, s in pairs),
        relaxed=len(pairs),
        value=sum(_same(g.value, s.value) for g, s in pairs),
        type=sum(_same(g.type, s.type) for g, s in pairs),
    )


def prf(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1; 0.0 where a denominator is 0."""
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def scores(counts: Counts) -> dict[str, dict[str, float]]:
    """{"strict" | "relaxed" | "value" | "type": {"precision", "recall", "f1"}}."""
    return {
        name: dict(zip(("precision", "recall", "f1"), prf(correct, counts.system, counts.gold), strict=True))
        for name, correct in (
            ("strict", counts.strict),
            ("relaxed", counts.relaxed),
            ("value", counts.value),
            ("type", counts.type),
        )
    }


def errors(gold: Sequence[Timex], system: Sequence[Timex], *, attributes: bool = True) -> list[Error]:
    """Every disagreement, in text order; ``attributes=False`` reports extents only."""
    pairs = match(gold, system)
    matched_gold = {gi for gi, _ in pairs}
    matched_system = {si for _, si in pairs}
    found = [Error("missed", g, None) for gi, g in enumerate(gold) if gi not in matched_gold]
    found += [Error("spurious", None, s) for si, s in enumerate(system) if si not in matched_system]
    for gi, si in pairs:
        g, s = gold[gi], system[si]
        if not g.same_extent(s):
            found.append(Error("boundary", g, s))
        if attributes and not _same(g.value, s.value):
            found.append(Error("value", g, s))
        if attributes and not _same(g.type, s.type):
            found.append(Error("type", g, s))
    return sorted(found, key=lambda error: error.where)
