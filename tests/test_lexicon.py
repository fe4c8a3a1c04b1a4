"""The event language data: every rule's examples are derived by that very rule, and the word
lists do not contradict one another."""

from __future__ import annotations

import pytest

from timeline import lexicon
from timeline.events.words import derive, event_class, known_verbs, root

RULE_EXAMPLES = [(suffix, noun, verb) for suffix, _, examples in lexicon.DERIVATIONS for noun, verb in examples]


@pytest.mark.parametrize("suffix,noun,verb", RULE_EXAMPLES)
def test_each_derivation_example_is_derived_by_its_own_rule(suffix, noun, verb):
    """No example is derived by an earlier rule, or not at all: a rule that never fires or is
    shadowed by an earlier one fails here."""
    assert derive(noun, known_verbs()) == (verb, suffix)


@pytest.mark.parametrize("particle", lexicon.PARTICLE_NOUN_ENDINGS)
def test_each_particle_ending_derives_an_event_noun(particle):
    examples = {"back": "rollback", "down": "splashdown", "off": "liftoff", "out": "shootout", "over": "takeover", "up": "breakup"}
    noun = examples[particle]
    assert derive(noun, known_verbs()) == (noun[: -len(particle)], particle)


def test_irregular_roots_are_not_left_to_the_suffix_rules():
    assert root("death") == "die" and root("trial") == "trial"  # "trial" is no trying
    assert all(root(word) == verb for word, verb in lexicon.IRREGULAR_ROOTS.items())


def test_the_word_lists_do_not_contradict_each_other():
    assert not lexicon.EVENT_NOUNS & lexicon.NOT_EVENT_NOUNS
    assert not lexicon.LIGHT_VERBS & lexicon.REPORTING_VERBS
    assert lexicon.ANNOUNCING_VERBS <= lexicon.STATEMENT_VERBS | {"schedule", "plan", "set"}


def test_classes_are_a_prior_that_relates_near_synonyms():
    assert event_class("blast") == event_class("bombing") == event_class("detonate") == "attack"
    assert event_class("guilty") == event_class("conviction") == "convict"
    assert event_class("scrub") == "scrub" and event_class("resignation") == "resign"


def test_each_word_names_one_event_class():
    from timeline.lexicon import EVENT_CLASS_WORDS, EVENT_CLASSES

    listed = [word for _, words in EVENT_CLASS_WORDS for word in words]
    doubled = sorted({word for word in listed if listed.count(word) > 1})
    assert doubled == []
    assert len(EVENT_CLASSES) == len(listed)
