"""Participants: who did what to whom, with pronouns and descriptions resolved to names.

Roles come from the parse: the doer is the subject of an active verb, the agent of a passive
one ("convicted by the jury") or the possessor of an event noun ("Brown's resignation"); the
object is the direct object, the passive subject or the "of" of an event noun ("the removal of
Jones"); other named participants (places, organisations in prepositional phrases) are
"other".

:class:`Referents` resolves what refers back, across the article as it is read: "he"/"she" to
the person last named as a subject (or named earlier in the same sentence), "I"/"we" in a
quote to its speaker, "it"/"they" and descriptions ("the company", "the agency", "the
minister") to the last entity of their kind. It is a recency heuristic, not a coreference
model; it never guesses across kinds. When the article is read, a description that repeats two
words of one name it gives anywhere is that name (:func:`named_descriptions`: "Europe's food
safety watchdog" in the lead, "the European Food Safety Authority" below).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from attrs import define, field

from ..detect import lemma
from ..lexicon import ACTOR_LABELS, AGENT_LABELS, COLLECTIVES, REFERRING_NOUNS, REPORTING_VERBS
from ..model import Participant
from .parse import (
    FIRST_PERSON,
    NEUTER_PRONOUNS,
    RELATIVE_PRONOUNS,
    THIRD_PERSON,
    clean_name,
    entity_name,
    is_passive,
    passive_agent,
    possessor,
    subject_of,
    with_conjuncts,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .triggers import Trigger

__all__ = ["Referents", "named_descriptions", "participants_of"]

# Entity labels a neuter pronoun ("it", "they") can stand for.
NEUTER_LABELS = ("ORG", "GPE", "PRODUCT", "NORP", "FAC")


def _sayer(pronoun: "Token") -> Optional["Token"]:
    """The subject of the reporting verb whose complement the pronoun is the subject of, said
    before it: "a staffer said she was working on it" -> staffer."""
    clause = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" or lemma(clause.head) not in REPORTING_VERBS:
        return None
    return next((c for c in clause.head.children if c.dep_ == "nsubj" and c.i < pronoun.i), None)


@define
class Referents:
    """What pronouns and descriptions refer to, as an article is read segment by segment."""

    #: The last entity named, per label, as (name) — subjects count over other positions.
    last: dict[str, str] = field(factory=dict)
    last_subject: dict[str, str] = field(factory=dict)
    #: For the segment being read: token index -> the name it refers to (pronouns, descriptions).
    resolved: dict[int, str] = field(factory=dict)
    #: Every organisation, place or product the article names, with its label.
    named: dict[str, str] = field(factory=dict)

    def read(self, doc: "Doc", speakers: dict[int, str], quoted: set[int]) -> None:
        """Resolve the pronouns and descriptions of one parsed segment, in reading order."""
        self.resolved = {}
        for sent in doc.sents:
            nearest: dict[str, str] = {}
            for token in sent:
                name = self._refer(token, nearest, speakers, quoted)
                if name is not None:
                    self.resolved[token.i] = name
                if token.ent_type_ in ACTOR_LABELS and token.ent_iob_ == "B":
                    name = entity_name(token)
                    label = token.ent_type_
                    if _in_subject(token) and token.i not in quoted:
                        # (a subject inside a quote is the speaker's, not the narrator's: "'after
                        # Lucy and I have had a break.' He and wife Lucy are heading ...": he is
                        # not Lucy)
                        self.last_subject[label] = name
                        nearest["subject " + label] = name
                    nearest[label] = name
                    self.last[label] = name
                    if label in NEUTER_LABELS:
                        self.named.setdefault(name, label)

    def _refer(self, token: "Token", nearest: dict[str, str], speakers: dict[int, str], quoted: set[int]) -> Optional[str]:
        lower = token.lower_
        if token.pos_ == "PRON":
            if lower in FIRST_PERSON and token.i in quoted:
                return speakers.get(token.i)
            if token.i in quoted:
                return None  # "he" inside a quote: the speaker's "he", not the narrator's
            if lower in THIRD_PERSON:
                sayer = _sayer(token)
                if sayer is not None and sayer.pos_ == "NOUN" and sayer.tag_ == "NN":
                    # (one person: "police said he was arrested" is not the police)
                    # "a staffer said she was working on it": she is the staffer, no name ("the
                    # embattled leader said he would ...": whom the description names)
                    return self.resolved.get(sayer.i)
                if token.dep_ == "nsubj" and lemma(token.head) in REPORTING_VERBS and "subject PERSON" in nearest:
                    # who says it, after what is said: the subject of what is said ("Paul hopes
                    # to meet Putin in July, he said": Paul), not the nearest name
                    return nearest["subject PERSON"]
                # else the nearest person ("... stick up for Trump after he sided with Putin":
                # Trump), then the last subject
                return nearest.get("PERSON") or self.last_subject.get("PERSON") or self.last.get("PERSON")
            if lower in NEUTER_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass", "poss"):
                # only as a subject or owner ("it said", "its plan"): "ruled them out" is too often a thing
                for label in NEUTER_LABELS:
                    if label in nearest:
                        return nearest[label]
                for label in NEUTER_LABELS:
                    if label in self.last_subject:
                        return self.last_subject[label]
            return None
        if token.pos_ == "NOUN" and any(c.lower_ == "the" for c in token.children if c.dep_ == "det"):
            referred = REFERRING_NOUNS.get(token.lemma_.lower())
            if referred is not None and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
                return nearest.get(referred) or self.last_subject.get(referred) or self.last.get(referred)
        return None

    def name(self, token: Optional["Token"]) -> Optional[Participant]:
        """The participant a token stands for: its entity, what it refers to, or its noun phrase."""
        if token is None:
            return None
        if token.i in self.resolved:
            return Participant(_role_placeholder, self.resolved[token.i], _label_of_name(self, self.resolved[token.i]))
        if token.ent_type_ in ACTOR_LABELS:
            return Participant(_role_placeholder, entity_name(token), token.ent_type_)
        if token.ent_type_ or token.pos_ == "PRON" or token.lower_ in RELATIVE_PRONOUNS:
            return None  # dates, numbers, money: not participants; unresolved pronouns: unknown
        if token.lemma_.lower() in COLLECTIVES:  # "a group of Republican senators": the senators
            members = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
            if members is not None:
                return self.name(members)
        named_in_apposition = next((c for c in token.children if c.dep_ == "appos" and c.ent_type_ in ACTOR_LABELS), None)
        if named_in_apposition is not None:
            return self.name(named_in_apposition)  # "the Speaker, Tony Smith": Tony Smith
        if token.pos_ in ("NOUN", "PROPN"):
            # A participant without an entity: its head noun phrase ("Republican senators").
            named = next((c for c in token.children if c.dep_ in ("compound", "poss") and c.ent_type_ in AGENT_LABELS), None)
            words = sorted([c for c in _modifiers(token) if c.ent_type_ not in ("DATE", "TIME")] + [token], key=lambda t: t.i)
            text = clean_name(" ".join(t.text for t in words))
            return Participant(_role_placeholder, text, None) if named is None else Participant(_role_placeholder, text, None)
        return None


_role_placeholder = "other"


def _modifiers(token: "Token") -> list["Token"]:
    """The compound and adjective modifiers of a noun, theirs included ("food safety watchdog")."""
    found = []
    for child in token.children:
        if child.dep_ in ("compound", "amod"):
            found += [child] + _modifiers(child)
    return found


def _label_of_name(referents: Referents, name: str) -> Optional[str]:
    for label, known in list(referents.last.items()) + list(referents.last_subject.items()):
        if known == name:
            return label
    return None


def _in_subject(token: "Token") -> bool:
    for _ in range(4):
        if token.dep_ in ("nsubj", "nsubjpass"):
            return True
        if token.dep_ not in ("compound", "appos", "poss", "amod", "flat") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _with_role(participant: Optional[Participant], role: str) -> Optional[Participant]:
    if participant is None:
        return None
    return Participant(role, participant.name, participant.label)


def participants_of(trigger: "Trigger", referents: Referents) -> list[Participant]:
    """The doer, objects and other participants of a trigger (doer first; each name once)."""
    head = trigger.head
    found: list[Participant] = []
    verbs = [t for t in trigger.tokens if t.pos_ in ("VERB", "AUX")]
    if head.pos_ in ("VERB", "AUX") or verbs:
        verb = head if head.pos_ in ("VERB", "AUX") else verbs[-1]
        top = min(verbs, key=lambda t: len(list(t.ancestors))) if verbs else verb
        subject = subject_of(verb) or subject_of(top)
        passive = is_passive(verb)
        if subject is not None and subject.i in trigger.indices:
            subject = None  # "the launch is no longer happening": the subject is the event
        doer = passive_agent(verb) if passive else subject
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i not in trigger.indices]
        if passive and subject is not None:
            objects.insert(0, subject)
        if head.pos_ not in ("VERB", "AUX"):
            # an event noun carried by a verb ("the announcement by the Speaker came"): its
            # agent or possessor is the doer, as for the noun alone
            owner = possessor(head)
            objects += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "against") for g in c.children if g.dep_ == "pobj"]
            by = [g for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
            if doer is None:
                doer = by[0] if by else owner
        others = [g for t in trigger.tokens for c in t.children if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
        found += [p for p in [_with_role(referents.name(doer), "doer")] if p]
        found += [p for t in with_conjuncts(objects) if (p := _with_role(referents.name(t), "object"))]
        found += [p for t in with_conjuncts(others) if t.ent_type_ in ACTOR_LABELS or t.i in referents.resolved if (p := _with_role(referents.name(t), "other"))]
    else:
        owner = possessor(head)
        by = [g for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
        of = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "against", "on", "over") for g in c.children if g.dep_ == "pobj"]
        doer = by[0] if by else owner
        found += [p for p in [_with_role(referents.name(doer), "doer")] if p]
        found += [p for t in with_conjuncts(of) if (p := _with_role(referents.name(t), "object"))]
        modifiers = [c for c in head.children if c.dep_ in ("compound", "nmod", "amod") and c.ent_type_ in ACTOR_LABELS and (owner is None or c.i != owner.i)]
        modifiers += [g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj" and g.ent_type_ in ACTOR_LABELS]
        found += [p for t in with_conjuncts(modifiers) if (p := _with_role(referents.name(t), "other"))]
    unique: list[Participant] = []
    for participant in found:
        if participant.name and all(participant.name != known.name for known in unique):
            unique.append(participant)
    return unique


def named_descriptions(participants: list[Participant], names: dict[str, tuple[str, frozenset[str]]]) -> list[Participant]:
    """Descriptions that repeat two words of one name the article gives, anywhere in it, read
    as that name: "Europe's food safety watchdog has said ..." in the lead, "the European Food
    Safety Authority said today" below (news names late what its lead describes). ``names``:
    each name with its label and its lower-case words."""
    resolved = []
    for participant in participants:
        words = set(participant.name.lower().split()) if participant.label is None else set()
        matches = [name for name, (_, known) in names.items() if len(words & known) >= 2] if len(words) >= 2 else []
        if len(matches) == 1:
            participant = Participant(participant.role, matches[0], names[matches[0]][0])
        resolved.append(participant)
    return resolved


def doer_name(participants: list[Participant]) -> Optional[str]:
    """The doer's name when it is a named person, organisation or country (for merging)."""
    for participant in participants:
        if participant.role == "doer" and participant.label in AGENT_LABELS:
            return participant.name
    return None
