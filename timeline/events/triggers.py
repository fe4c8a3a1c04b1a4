"""Triggers: the words of a sentence that name events, and which of them belong together.

An event is a predicate with its arguments. Its words are found in the parse:

- a verb that is not a state ("faces charges", "remains in a stable state");
- through the verbs that only carry it: aspect and intention ("will begin deliberations",
  "aims to land a probe", "is set to begin"), light verbs ("made a splashdown", "gave an
  opening statement", "carrying out the attacks"), occurrence ("the launch is no longer
  happening");
- a noun that names an event ("the launch", "his resignation", "the rollback") and refers to a
  particular one (a determiner, possessor or named participant: not "scrubs are part of it").

A predicate inside the arguments of another ("found guilty of planting the bombs",
"postponed the launch") is part of that event, not one of its own, unless it has a date of its
own (decided later, in :mod:`timeline.events.dates`): then it is another event ("found guilty on
Wednesday of the 2016 nightclub bombing"). Clauses (relative, adverbial, complement,
coordinated with their own subject) are events of their own.

Reporting verbs ("said", "told reporters") are triggers of kind ``report``: attribution of the
event they report, not events themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Optional

from attrs import define, field

from ..detect import lemma
from ..lexicon import (
    ANAPHORIC_MODIFIERS,
    CARRIER_VERBS,
    LIGHT_VERBS,
    OCCURRENCE_PHRASES,
    OCCURRENCE_VERBS,
    OUTCOME_VERBS,
    REPORTING_VERBS,
    STATEMENT_VERBS,
    STATIVE_VERBS,
    TEMPORAL_NOUNS,
    TEMPORAL_PREPOSITIONS,
)
from .parse import CLAUSE_DEPS, RELATIVE_PRONOUNS, SUBJECT_DEPS
from .words import VERB_PREFIXES, is_event_noun, predicate_lemma

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Trigger", "find_triggers"]

# Relations along which a noun or non-finite verb is an argument of the predicate above it.
ARGUMENT_DEPS = frozenset(
    {
        "dobj", "nsubj", "nsubjpass", "pobj", "prep", "agent", "attr", "oprd", "dative", "appos",
        "npadvmod", "pcomp", "xcomp", "acomp", "poss", "advmod", "nmod", "compound", "amod",
        "dep", "conj", "cc", "quantmod", "nummod", "det", "case", "punct",
    }
)  # fmt: skip
# Prepositions that put an event at the occasion of another: "sided with Putin at a summit",
# "apologized at a hearing", "spoke during the debate"; the occasion is an event of its own.
OCCASION_PREPOSITIONS = frozenset({"at", "during", "amid"})
# Event nouns that after "at"/"during" are no occasion: "at a cost", "at the time", "at the end".
NOT_OCCASIONS = frozenset({"cost", "time", "end", "start", "beginning", "moment", "point", "rate", "risk", "expense"})
# Adverbs that put a coordinated verb after the first: "blamed tomatoes, then later ruled
# them out" is two events, "planted and detonated" one.
SEQUENCE_ADVERBS = frozenset({"then", "later", "afterwards", "afterward", "subsequently", "again", "eventually", "finally"})
# Relations of an adjective that is a second predicate of its verb: "found him guilty",
# "declared all leadership positions vacant".
SECONDARY_PREDICATE_DEPS = frozenset({"oprd", "acomp", "ccomp", "xcomp"})


@define(eq=False)
class Trigger:
    """The words of one event predicate in a sentence."""

    #: The word that names the event ("deliberations" in "will begin deliberations").
    head: "Token"
    #: The tokens folded into it, carriers and light verbs included; ``top`` is the highest.
    tokens: list["Token"]
    #: "verb", "noun" or "report" (a reporting verb: attribution).
    kind: str
    #: The trigger whose arguments hold this one, if any (decided finally by dates).
    container: Optional["Trigger"] = None
    #: Triggers held in this one's arguments or folded into its clause.
    nested: list["Trigger"] = field(factory=list)
    #: Adjectives that are second predicates ("guilty" in "found guilty").
    secondary: list["Token"] = field(factory=list)
    #: Under a preposition that puts it at another time ("after the verdict"): its own event.
    temporal: bool = False
    #: How it is nested in its container: "argument" ("found guilty of carrying out the
    #: bombings"), "conjunct" ("met and agreed") or "clause" ("the bombing that killed three
    #: people").
    nesting: str = ""
    #: Nested through a preposition ("guilty of the 2016 bombing"), not as the container's
    #: subject, object or purpose ("Monday's launch was delayed"): with a date of its own it is
    #: another event even where the container has none.
    prepositional: bool = False

    #: ``top``, once computed (``tokens`` never change after a trigger is made).
    _top: Optional["Token"] = field(default=None, init=False, repr=False)

    @property
    def top(self) -> "Token":
        if self._top is None:
            self._top = min(self.tokens, key=_depth)
        return self._top

    @property
    def indices(self) -> set[int]:
        return {t.i for t in self.tokens}


def _depth(token: "Token") -> int:
    depth = 0
    while token.head.i != token.i and depth < 64:
        token = token.head
        depth += 1
    return depth


def _children(token: "Token", *deps: str) -> list["Token"]:
    return [c for c in token.children if c.dep_ in deps]


def _complement(verb: "Token") -> Optional["Token"]:
    """The infinitive a carrier carries: "aims to fly", "is set to begin", "decided to roll back"."""
    if predicate_lemma(verb) not in CARRIER_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)


def _event_object(verb: "Token", blocked: set[int]) -> Optional["Token"]:
    """The event noun a light or aspectual verb is about: "made a splashdown", "will begin
    deliberations", "the leadership ballot was called"."""
    if predicate_lemma(verb) not in LIGHT_VERBS | CARRIER_VERBS | OUTCOME_VERBS:
        return None
    for child in verb.children:
        # (a noun object the parser calls a complement: "made a successful splashdown")
        nominal = child.dep_ in ("attr", "oprd", "ccomp", "xcomp") and child.pos_ == "NOUN" and child.i > verb.i
        if (child.dep_ in ("dobj", "nsubjpass") or nominal) and child.i not in blocked and is_event_noun(child):
            return child
    return None


def _event_subject(verb: "Token", blocked: set[int]) -> Optional["Token"]:
    """The event noun a verb of occurrence or an empty carrier says took place: "the launch is
    no longer happening", "Evacuation is set to begin", "the trial began"."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.i not in blocked and is_event_noun(child):
            return child
    return None


def _is_event_verb(token: "Token") -> bool:
    if token.pos_ != "VERB" or token.dep_ in ("amod", "aux", "auxpass", "compound"):
        return False
    # "eating raw cucumbers, tomatoes or lettuce": a bare base form joined to a list of nouns,
    # with no subject, object or modifier of its own, is a noun the tagger took for a verb
    if token.dep_ == "conj" and token.tag_ == "VB" and token.head.pos_ in ("NOUN", "PROPN") and not any(c.dep_ not in ("cc", "punct") for c in token.children):
        return False
    return True


def _specific(noun: "Token", times: set[int]) -> bool:
    """A particular event, not the kind: with a determiner, possessor, date, number or a named
    participant ("the launch", "Monday's launch", "a second ballot", "the Riverside shootout")."""
    for child in noun.children:
        if child.dep_ in ("det", "poss", "nummod", "predet") or child.i in times:
            return True
        if child.dep_ in ("compound", "amod", "nmod") and (child.ent_type_ or child.pos_ == "PROPN" or child.i in times):
            return True
        if child.dep_ == "prep" and child.lower_ in ("of", "by", "against", "on", "over", "in") and any(g.ent_type_ or g.pos_ in ("PROPN", "PRON") for g in child.subtree):
            return True
    return False


def _temporal_preposition(token: "Token") -> bool:
    """"after", "before", "ahead of", "at the conclusion of": what follows is at another time."""
    if token.lower_ in TEMPORAL_PREPOSITIONS:
        return True
    return token.lower_ == "of" and (token.head.lower_ in ("ahead", "prior") or token.head.lemma_.lower() in TEMPORAL_NOUNS)


def _argument_path(token: "Token", owner: dict[int, Trigger]) -> tuple[Optional[Trigger], bool]:
    """The trigger whose arguments hold ``token`` (walking up through argument relations, never
    out of a clause), and whether the way up passed a temporal preposition ("after ...")."""
    temporal = False
    current = token
    for _ in range(24):
        if current.dep_ == "conj" and current.pos_ not in ("VERB", "AUX"):
            current = current.head  # "the bombing, the shootout and the murder": siblings, not parts
            continue
        head = current.head
        purpose = current.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
        if head.i == current.i or current.dep_ in CLAUSE_DEPS and not purpose:
            # (but "to use regulation to cut emissions": a purpose is an argument); a relative
            # clause is an event of its own, also on a participant ("the man who planted the
            # bomb was sentenced": the planting is no part of the sentencing), or folded as a
            # clause of the event noun it describes below ("the bombing that killed")
            return None, temporal
        if current.pos_ in ("VERB", "AUX") and current.dep_ in ("conj", "dep"):
            return None, temporal  # a coordinated clause ("found guilty ..., and the jury will decide")
        if current.dep_ == "mark" or head.pos_ == "ADP" and _temporal_preposition(head) or current.pos_ == "ADP" and _temporal_preposition(current):
            temporal = True
        if head.i in owner:
            return owner[head.i], temporal
        if current.dep_ not in ARGUMENT_DEPS and not (current.dep_ == "acl" and current.pos_ == "VERB") and not purpose:
            return None, temporal
        if head.pos_ in ("VERB", "AUX") and head.i not in owner:
            return None, temporal  # a state ("faces 30 charges for the attack"): no event holds it
        current = head
    return None, temporal


def find_triggers(sentence: "Span", times: set[int]) -> list[Trigger]:
    """The event predicates of one sentence, in text order, with their nesting.

    ``times`` are the indices of tokens inside time expressions: no trigger there ("in March").
    """
    blocked = set(times)
    triggers: list[Trigger] = []
    owner: dict[int, Trigger] = {}

    def add(trigger: Trigger) -> None:
        triggers.append(trigger)
        for token in trigger.tokens:
            owner[token.i] = trigger

    # "re-target" is tokenized "re", "-", "target": one verb, named by its first token
    doc = sentence.doc
    for token in sentence:
        if token.lemma_.lower() in VERB_PREFIXES and token.i + 2 < sentence.end and doc[token.i + 1].text == "-":
            blocked.update((token.i + 1, token.i + 2))
    # 1. verbs, through their carriers and light verbs
    for token in sentence:
        if token.i in blocked or token.i in owner or not _is_event_verb(token):
            continue
        if token.dep_ == "xcomp" and _complement(token.head) is token:
            continue  # reached from its carrier
        chain = [token]
        node = token
        for _ in range(6):
            following = _complement(node)
            if following is None or following.i in blocked:
                break
            chain.append(following)
            node = following
        noun = _event_object(node, blocked)
        word = predicate_lemma(node)
        if noun is None and (word in CARRIER_VERBS and _complement(node) is None or word in OCCURRENCE_VERBS or _occurrence_phrase(node)):
            noun = _event_subject(node, blocked) or _event_subject(token, blocked)
        if noun is not None:
            add(Trigger(noun, chain + [noun], "noun"))
            continue
        if word in REPORTING_VERBS and _reports(node):
            add(Trigger(node, chain, "report"))
            continue
        if (word in STATIVE_VERBS or word in LIGHT_VERBS and word not in OCCURRENCE_VERBS) and len(chain) == 1:
            continue  # a state, or a light verb with nothing to carry ("makes him the second")
        if word in STATIVE_VERBS:
            # "expected to remain": the carrier is the event if the complement is a state.
            chain = chain[:-1]
            node = chain[-1]
            if lemma(node) in STATIVE_VERBS:
                continue
        add(Trigger(node, chain, "verb", secondary=_secondary(node)))
    # 2. nouns that name a particular event
    for token in sentence:
        if token.i in blocked or token.i in owner or not is_event_noun(token):
            continue
        if token.dep_ in ("compound", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
            continue  # a modifier: "the bombing trial", "launch window"
        if token.lower_ in ("remarks", "comments") and token.dep_ == "pobj":
            pass
        add(Trigger(token, [token], "noun"))
    # 3. nesting: which triggers are arguments of which
    for trigger in triggers:
        container, temporal = _argument_path(trigger.top, owner)
        trigger.temporal = temporal
        top = trigger.top
        if trigger.kind == "noun" and trigger.head.i == top.i and not temporal and container is None and not _specific(top, blocked):
            trigger.kind = "generic"  # "scrubs are just part of this program", "capital punishment"
        if container is not None and container is not trigger and not _announced(trigger, container):
            _nest(trigger, container, "argument")
            trigger.prepositional = _through_preposition(top, container)
            continue
        if top.dep_ == "conj" and top.head.i in owner and not _children(top, "nsubj", "nsubjpass") and top.pos_ == "VERB":
            head = owner[top.head.i]
            sequence = any(c.lower_ in SEQUENCE_ADVERBS for c in top.children if c.dep_ in ("advmod", "npadvmod"))
            if head is not trigger and head.kind == trigger.kind == "verb" and not sequence:
                # "planted and detonated", "met and agreed": one clause, one event (but "blamed
                # tomatoes, then later ruled them out": one after the other, two)
                _nest(trigger, head, "conjunct")
                continue
        if top.dep_ == "relcl" and top.head.i in owner and owner[top.head.i].kind == "noun" and owner[top.head.i].container is None:
            if any(c.dep_ in SUBJECT_DEPS and c.lower_ in RELATIVE_PRONOUNS or c.lower_ in ("where", "when") for c in top.children):
                # "the bombing that killed three people", "a journey that started Monday", "a
                # hearing where he was formally sentenced"
                _nest(trigger, owner[top.head.i], "clause")
                continue
        if top.dep_ == "advcl" and top.tag_ in ("VBG", "VBN") and not _children(top, "nsubj", "nsubjpass", "mark") and top.head.i in owner:
            head = owner[top.head.i]
            if head is not trigger:
                # "fled, sparking a manhunt", "returned, seated before the jurors"
                _nest(trigger, head, "argument")
    return [t for t in triggers if t.kind != "generic"]


def _occurrence_phrase(verb: "Token") -> bool:
    """"take place": a verb and object that say only that their subject, an event, happens."""
    return any(f"{lemma(verb)} {c.lemma_.lower()}" in OCCURRENCE_PHRASES for c in verb.children if c.dep_ == "dobj")


def _nest(trigger: Trigger, container: Trigger, how: str) -> None:
    trigger.container = container
    trigger.nesting = how
    container.nested.append(trigger)


def _through_preposition(token: "Token", container: Trigger) -> bool:
    indices = container.indices
    for _ in range(24):
        if token.dep_ in ("pobj", "pcomp", "prep", "agent"):
            return True
        if token.head.i in indices or token.head.i == token.i:
            return False
        token = token.head
    return False


def _announced(trigger: Trigger, container: Trigger) -> bool:
    """An event that is no part of the one whose argument it is: what a statement is about
    ("Kosachyov announced Paul's trip", "confirmed the meeting"), or an earlier event pointed
    back to ("floated during the previous trip to Moscow")."""
    top = trigger.top
    if trigger.kind != "noun":
        return False
    if any(c.dep_ in ("amod", "det") and c.lower_ in ANAPHORIC_MODIFIERS - {"the", "that", "same"} for c in top.children):
        return True
    if top.dep_ == "pobj" and top.head.lower_ in OCCASION_PREPOSITIONS and top.head.head.i in container.indices and container.kind != "report" and top.lemma_.lower() not in NOT_OCCASIONS:
        # "sided with Putin at a bilateral summit in Helsinki": the summit is an event of its
        # own at the same time (it shares the date), not part of the siding
        return True
    # (a phrasal verb is another verb: "called off the launch" is no statement about it)
    return top.dep_ == "dobj" and top.head.i in container.indices and lemma(top.head) in STATEMENT_VERBS and not _phrasal(top.head)


def _phrasal(verb: "Token") -> bool:
    return any(c.dep_ == "prt" for c in verb.children)


def _reports(verb: "Token") -> bool:
    """Is this reporting verb reporting something (a clause, a quote, a statement)?"""
    return True


def _secondary(verb: "Token") -> list["Token"]:
    return [c for c in verb.children if c.dep_ in SECONDARY_PREDICATE_DEPS and c.pos_ == "ADJ"]


def nested_closure(trigger: Trigger) -> Iterable[Trigger]:
    """The trigger and every trigger nested in it, at any depth."""
    yield trigger
    for inner in trigger.nested:
        yield from nested_closure(inner)
