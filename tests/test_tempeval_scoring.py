"""TempEval-3 Task A scoring on hand-made gold and system annotations."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# benchmarks/ is a folder of scripts, not a package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from tempeval_scoring import Counts, Error, Timex, count, errors, match, prf, scores  # noqa: E402


def timex(start: int, end: int, type: str = "DATE", value: str = "1998-02-13") -> Timex:
    return Timex(start=start, end=end, text="x" * (end - start), type=type, value=value)


GOLD = [
    timex(0, 6),  # exact match, right value and type
    timex(10, 20, "DURATION", "P1Y"),  # overlapped, right value and type, wrong extent
    timex(30, 35, "DATE", "PRESENT_REF"),  # overlapped, right type, wrong value
    timex(50, 55),  # missed
]
SYSTEM = [
    timex(0, 6),
    timex(12, 20, "DURATION", "P1Y"),
    timex(28, 33, "DATE", "1998-02-13"),
    timex(40, 45),  # spurious
]


def test_counts_of_a_document() -> None:
    assert count(GOLD, SYSTEM) == Counts(gold=4, system=4, strict=1, relaxed=3, value=2, type=3)


def test_scores_of_a_document() -> None:
    result = scores(count(GOLD, SYSTEM))
    assert result["strict"] == {"precision": 0.25, "recall": 0.25, "f1": 0.25}
    assert result["relaxed"] == {"precision": 0.75, "recall": 0.75, "f1": 0.75}
    assert result["value"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert result["type"] == {"precision": 0.75, "recall": 0.75, "f1": 0.75}


def test_precision_and_recall_differ_when_counts_do() -> None:
    # 2 gold, 4 system, 1 exact and 1 more overlapping: strict P 1/4 R 1/2, relaxed P 2/4 R 2/2.
    result = scores(count([timex(0, 5), timex(10, 15)], [timex(0, 5), timex(12, 14), timex(20, 25), timex(30, 35)]))
    assert result["strict"]["precision"] == 0.25
    assert result["strict"]["recall"] == 0.5
    assert result["strict"]["f1"] == pytest.approx(1 / 3)
    assert result["relaxed"]["precision"] == 0.5
    assert result["relaxed"]["recall"] == 1.0
    assert result["relaxed"]["f1"] == pytest.approx(2 / 3)


def test_matching_is_one_to_one_and_prefers_the_larger_overlap() -> None:
    # Two system pieces of one gold timex: only the larger piece matches; the other is spurious.
    assert match([timex(0, 10)], [timex(0, 4), timex(5, 10)]) == [(0, 1)]
    assert count([timex(0, 10)], [timex(0, 4), timex(5, 10)]) == Counts(1, 2, 0, 1, 1, 1)
    # One system timex over two gold ones: it pairs with the gold it overlaps most.
    assert match([timex(0, 4), timex(5, 10)], [timex(0, 10)]) == [(1, 0)]


def test_an_exact_extent_wins_a_tie_so_strict_is_not_lost() -> None:
    gold = [timex(0, 10)]
    system = [timex(0, 12), timex(0, 10)]
    assert match(gold, system) == [(0, 1)]
    assert count(gold, system).strict == 1


def test_touching_spans_do_not_overlap() -> None:
    assert count([timex(0, 5)], [timex(5, 10)]) == Counts(gold=1, system=1)


def test_an_empty_value_earns_no_credit() -> None:
    assert count([timex(0, 5, "DATE", "1998")], [timex(0, 5, "DATE", "")]) == Counts(1, 1, 1, 1, 0, 1)


def test_nothing_found_or_nothing_to_find_scores_zero_not_an_error() -> None:
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert scores(count([timex(0, 5)], []))["relaxed"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert scores(count([], [timex(0, 5)]))["strict"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_counts_add_up_so_corpus_scores_are_micro_averaged() -> None:
    perfect = count([timex(0, 5)], [timex(0, 5)])
    poor = count([timex(0, 5), timex(10, 15), timex(20, 25)], [])
    total = perfect + poor
    assert total == Counts(gold=4, system=1, strict=1, relaxed=1, value=1, type=1)
    # Micro: P = 1/1, R = 1/4 (a macro average of the two documents would give R = 0.5).
    assert scores(total)["strict"]["recall"] == 0.25
    assert scores(total)["strict"]["precision"] == 1.0


def test_errors_list_every_disagreement_in_text_order() -> None:
    assert errors(GOLD, SYSTEM) == [
        Error("boundary", GOLD[1], SYSTEM[1]),
        Error("boundary", GOLD[2], SYSTEM[2]),
        Error("value", GOLD[2], SYSTEM[2]),
        Error("spurious", None, SYSTEM[3]),
        Error("missed", GOLD[3], None),
    ]


def test_errors_without_attributes_report_extents_only() -> None:
    kinds = [e.kind for e in errors(GOLD, SYSTEM, attributes=False)]
    assert kinds == ["boundary", "boundary", "spurious", "missed"]
