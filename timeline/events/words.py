"""Words: which nouns name events, and the verb an event noun derives from.

"resignation" and "resigned", "conviction" and "convicted", "rollback" and "rolled back" name
one kind of event: :func:`root` maps each to the verb ("resign", "convict", "roll"), using the
derivation rules of :mod:`timeline.lexicon` and the verbs the model's lemmatizer knows (its
WordNet index), so that a rule only applies where its result is an English verb.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..detect import lemma as lemma_of
from ..detect import lemmatizer_verbs
from ..lexicon import (
    DERIVATIONS,
    EVENT_CLASSES,
    EVENT_NOUNS,
    IRREGULAR_ROOTS,
    NOT_EVENT_NOUNS,
    PARTICLE_NOUN_ENDINGS,
    SPLIT_PARTICLES,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["derive", "event_class", "is_event_noun", "known_verbs", "predicate_lemma", "root"]

# Prefixes the tokenizer splits off a verb with a hyphen: "re-target" is "re", "-", "target".
VERB_PREFIXES = frozenset({"re", "pre", "co", "un", "de", "over", "under", "out", "mis"})


def predicate_lemma(token: "Token") -> str:
    """The lemma of a predicate with its particle and prefix: "went up" -> "go up", "taking
    off" -> "take off", "re-target" -> "retarget"."""
    lemma = lemma_of(token)
    doc = token.doc
    if lemma in VERB_PREFIXES and token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].is_alpha:
        lemma = lemma + doc[token.i + 2].lemma_.lower()
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ in SPLIT_PARTICLES and c.i > token.i), None)
    return f"{lemma} {particle}" if particle else lemma


def known_verbs() -> frozenset[str]:
    """Every verb the model's lemmatizer lists (WordNet's verbs, about 8,700)."""
    return lemmatizer_verbs()


def _undouble(stem: str) -> str:
    """"runn" -> "run", "stopp" -> "stop": the doubled consonant of "running", "stoppage"."""
    return stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeious" else stem


def derive(noun: str, verbs: frozenset[str]) -> tuple[str, str] | None:
    """The verb a noun derives from by a suffix rule, and the rule's suffix; None if none applies.

    "resignation" -> ("resign", "ation"), "removal" -> ("remove", "al"), "rollback" -> ("roll",
    "back"). Only results that are verbs in ``verbs`` count.
    """
    for suffix, replacements, _examples in DERIVATIONS:
        if not noun.endswith(suffix) or len(noun) - len(suffix) < 2:
            continue
        stem = noun[: -len(suffix)]
        for replacement in replacements:
            verb = _undouble(stem) if replacement == "<double>" else stem + replacement
            if verb in verbs:
                return verb, suffix
    for particle in PARTICLE_NOUN_ENDINGS:
        base = noun[: -len(particle)].rstrip("-")
        if noun.endswith(particle) and len(base) >= 3 and base in verbs:
            return base, particle
    return None


@functools.lru_cache(maxsize=65536)
def root(word: str) -> str:
    """The verb an event word derives from, else the word itself (lower-case lemma in, out).

    "resignation" -> "resign", "deliberations" -> "deliberate", "death" -> "die", "launch" ->
    "launch", "trial" -> "trial", "splashdown" -> "splash down".
    """
    word = word.lower()
    if word in IRREGULAR_ROOTS:
        return IRREGULAR_ROOTS[word]
    if word.endswith("s") and word[:-1] in IRREGULAR_ROOTS:
        return IRREGULAR_ROOTS[word[:-1]]
    verbs = known_verbs()
    if word in verbs or word in NOT_EVENT_NOUNS:
        return word
    derived = derive(word, verbs)
    if derived is None:
        return word
    verb, suffix = derived
    # "splashdown" is what "splashed down" does, "rollback" what "rolled back" does: the
    # phrasal verb, as ``predicate_lemma`` spells it (and "rollback" is not "rollout")
    return f"{verb} {suffix}" if suffix in PARTICLE_NOUN_ENDINGS else verb


def event_class(word: str) -> str:
    """The class of an event word (lexicon prior), else its root: "blasts" -> "attack"."""
    word = word.lower()
    if word in EVENT_CLASSES:
        return EVENT_CLASSES[word]
    if word.replace(" ", "") in EVENT_CLASSES:
        return EVENT_CLASSES[word.replace(" ", "")]  # "splash down" is in the class of "splashdown"
    base = root(word)
    return EVENT_CLASSES.get(base, base)


@functools.lru_cache(maxsize=65536)
def _noun_is_event(word: str) -> bool:
    if word in NOT_EVENT_NOUNS:
        return False
    if word in EVENT_NOUNS or word in IRREGULAR_ROOTS:
        return True
    # a compound ending in an event noun: "byelection", "by-election", "re-election"
    if any(word.endswith(noun) and len(word) > len(noun) + 1 for noun in _COMPOUNDABLE):
        return True
    return derive(word, known_verbs()) is not None


# Event nouns long enough to be recognised at the end of a compound ("byelection").
_COMPOUNDABLE = tuple(sorted((n for n in EVENT_NOUNS if len(n) >= 6), key=len, reverse=True))


def is_event_noun(token: "Token") -> bool:
    """Does this noun name an event? "the launch", "his resignation", "the rollback" do; "the
    rocket", "the government", "the Empire State Building" do not."""
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"):
        return False
    if token.pos_ == "PROPN" and token.lower_ not in EVENT_NOUNS:
        return False  # names ("Launch Pad 39B", "Space Launch System") are things
    lemma = token.lemma_.lower()
    return _noun_is_event(lemma) or _noun_is_event(token.lower_)
