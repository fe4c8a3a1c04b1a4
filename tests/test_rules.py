"""The rule table: every rule resolves its own examples, and no earlier rule takes them."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.resolution import Context, match_rule, normalize, resolve_phrase
from timeline.rules import EXAMPLE_ANCHOR, RULES

EXAMPLES = [(rule.name, phrase, value) for rule in RULES for phrase, value in rule.examples]


def test_every_rule_has_examples():
    assert [rule.name for rule in RULES if not rule.examples] == []


def test_rule_names_are_unique():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(("name", "phrase", "value"), EXAMPLES, ids=[f"{n}:{p}" for n, p, _ in EXAMPLES])
def test_each_example_is_resolved_by_its_rule(name, phrase, value):
    found = match_rule(normalize(phrase))
    assert found is not None and found[0].name == name
    resolved = resolve_phrase(phrase, Context(date.fromisoformat(EXAMPLE_ANCHOR)))
    assert resolved is not None and (resolved.rule, resolved.value.value) == (name, value)


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        # one table of relative words for every rule: "following" is "next", "previous" is "last"
        ("next July", "2019-07"),
        ("following July", "2019-07"),
        ("the coming July", "2019-07"),
        ("last July", "2018-07"),
        ("previous July", "2018-07"),
        ("this July", "2018-07"),
        ("last Christmas", "2017-12-25"),
        ("next Christmas", "2018-12-25"),
        ("last summer", "2017-SU"),
        ("next summer", "2019-SU"),
        ("the following week", "2018-W32"),
        ("the previous day", "2018-08-02"),
        ("the week before", "2018-W30"),
    ],
)
def test_relative_words_mean_the_same_in_every_rule(phrase, value):
    resolved = resolve_phrase(phrase, Context(date.fromisoformat(EXAMPLE_ANCHOR)))
    assert resolved is not None and resolved.value.value == value
