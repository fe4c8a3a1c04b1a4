"""Helpers on spaCy's parse that every step of event reading uses: quotes and their speakers,
entity names, subjects, clause tense. Nothing here decides what an event is."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Optional

from ..detect import VERB_TAGS, lemma, verb_tense
from ..lexicon import REPORTING_VERBS, STATEMENT_VERBS, TITLES
from ..resolution import Tense

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

QUOTES = frozenset({'"', "“", "”", "``", "''", "«", "»"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
THIRD_PERSON = frozenset({"he", "she", "him", "her", "his"})
NEUTER_PRONOUNS = frozenset({"it", "they", "them", "its", "their"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that", "whose"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
# Dependency labels under which a clause is an event of its own (not part of its head's).
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "csubjpass"})
# Tokens that split what NER glued into one entity ("Trump’s Helsinki", "Kosachev, Kosachev").
ENTITY_BREAKS = frozenset({"'s", "’s", ",", "and"})


def clean_name(text: str) -> str:
    """An actor's name without titles and possessives: "Sen. Rand Paul's" -> "Rand Paul"."""
    words = re.sub(r"['’]s$", "", text.strip()).split()
    while len(words) > 1 and words[0].lower().rstrip(",") in TITLES:
        words = words[1:]
    return " ".join(words).strip(" ,")


def is_noun(token: "Token") -> bool:
    return token.pos_ in ("NOUN", "PROPN")


def quoted_tokens(doc: "Doc") -> set[int]:
    """Indices of tokens inside quotation marks (curly or straight, paired in order)."""
    inside = False
    quoted: set[int] = set()
    for token in doc:
        if token.text in QUOTES or token.text.startswith(("“", '"')) and len(token.text) == 1:
            inside = not inside
            continue
        if inside:
            quoted.add(token.i)
    return quoted


def quote_runs(quoted: set[int]) -> list[tuple[int, int]]:
    """The quoted stretches as (first, last + 1) token indices."""
    runs: list[tuple[int, int]] = []
    for index in sorted(quoted):
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


def is_reporting(token: "Token") -> bool:
    # by the tag, not the part of speech: reading times alone runs no attribute ruler
    return token.tag_ in VERB_TAGS and token.tag_ != "MD" and lemma(token) in REPORTING_VERBS | STATEMENT_VERBS


def reporting_verb_near(doc: "Doc", start: int, end: int) -> Optional["Token"]:
    """The reporting verb of a quote ``doc[start:end]``: just after the closing mark ("“...,” Paul
    said") or just before the opening one ("Paul said: “...”")."""
    after = [t for t in doc[end : min(len(doc), end + 8)] if not t.is_punct and t.text not in QUOTES]
    for token in after:
        if is_reporting(token):
            return token
        if token.is_sent_start and token.i > end + 1:
            break
    before = list(doc[max(0, start - 8) : start])
    for token in reversed(before):
        if is_reporting(token):
            return token
    return None


def entity_of(token: "Token") -> "Span":
    """The entity span a token is in, found from its IOB tags (no scan over ``doc.ents``)."""
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def entity_name(token: "Token") -> str:
    """The cleaned name of the entity a token is in ("Trump’s Helsinki" for "Trump": Trump)."""
    entity = entity_of(token)
    start, end = entity.start, entity.end - 1
    for t in entity:
        if t.lower_ in ENTITY_BREAKS:
            if t.i < token.i:
                start = t.i + 1
            elif t.i > token.i and t.i - 1 < end:
                end = t.i - 1
    words = [t for t in entity if start <= t.i <= end]
    return clean_name("".join(t.text + t.whitespace_ for t in words))


def subject_of(verb: "Token") -> Optional["Token"]:
    """The subject of a verb, also through control and coordination: "invited officials to visit"
    (the officials visit), "Paul is expected to meet" (Paul meets), "planted and detonated"."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head  # "senators who made a trip": the senators
            return child
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
        controller = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        return controller if controller is not None else subject_of(verb.head)
    if verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        return subject_of(verb.head)
    if verb.dep_ == "relcl" and verb.head.i != verb.i:
        return verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return None  # "a poll conducted by WBUR": the noun is its object, the doer follows "by"
    return None


def passive_agent(verb: "Token") -> Optional["Token"]:
    """The doer of a passive verb: "convicted by the jury" -> jury."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def is_passive(verb: "Token") -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")


def with_conjuncts(tokens: Iterable["Token"]) -> list["Token"]:
    """The tokens and those coordinated with them ("Paul and Kosachev")."""
    result = list(tokens)
    seen = {t.i for t in result}
    for token in list(result):
        for conjunct in token.conjuncts:
            if conjunct.i not in seen:
                seen.add(conjunct.i)
                result.append(conjunct)
    return result


def governing_verb(token: "Token") -> Optional["Token"]:
    for _ in range(12):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def tense_of_clause(verb: "Token") -> Optional[Tense]:
    """The tense of a verb's clause, up through infinitives and participles ("expected to meet")."""
    for _ in range(6):
        tense = verb_tense(verb)
        if tense is not None or verb.dep_ not in ("xcomp", "conj", "acl", "advcl", "acomp", "pcomp") or verb.head.i == verb.i:
            return tense
        verb = verb.head
    return None


def negated(token: "Token") -> bool:
    """"did not deliver", "no longer happening", "never met", "no formal confirmation"."""
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ in ("never", "no") and child.dep_ in ("advmod", "det", "neg"):
            return True
    return False


def possessor(noun: "Token") -> Optional["Token"]:
    """"Paul's trip", "Trump’s Helsinki summit": the owner, on the noun or a modifier of it."""
    for token in [noun] + [c for c in noun.children if c.dep_ in ("compound", "nmod")]:
        for child in token.children:
            if child.dep_ == "poss" or child.dep_ in ("nmod", "compound") and any(g.dep_ == "case" for g in child.children):
                return child
    return None


def unique(names: Iterable[Optional[str]]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name and name not in seen:
            seen.append(name)
    return seen
