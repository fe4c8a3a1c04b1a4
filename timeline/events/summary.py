"""Clauses and summaries: which words of a sentence each event mention is, and how it reads.

Every word of a sentence belongs to the nearest event above it in the dependency tree, so the
clauses of one sentence's mentions never overlap: "The backup dates are scheduled for Friday,
September 7 | or Monday, September 10"; "the agency has delayed the satellite's launch by two
days | , the agency said in a statement on Tuesday". A mention's clause is the stretch of its words
around its trigger; its summary is that stretch as text, with a pronoun subject replaced by
the name it stands for ("he" -> "Peter Brown").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Optional

from ..lexicon import CONTENT_NOUNS, SECONDARY_PREDICATE_VERBS, STATIVE_VERBS
from .draft import Draft
from .parse import FIRST_PERSON, QUOTES, RELATIVE_PRONOUNS, THIRD_PERSON
from .triggers import nested_closure
from .words import event_class, predicate_lemma, root

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["assign_clauses", "clause_span", "content_word", "content_words", "predicate_stems", "summary_text", "token_heads"]

# Words of a clause that say nothing about which event it is.
_FUNCTION_POS = frozenset({"DET", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "PUNCT", "SPACE", "PRON", "SYM", "X", "INTJ"})


def token_heads(doc: "Doc") -> list[int]:
    """The index of each token's head, read from the parse in one array (no Token objects)."""
    from spacy.attrs import HEAD

    relative = doc.to_array([HEAD]).astype("int64").tolist()  # (unsigned in spaCy: cast back to signed)
    return [i + offset for i, offset in enumerate(relative)]


def assign_clauses(sentence: "Span", drafts: list[Draft], heads: Optional[list[int]] = None) -> None:
    """Give each word of the sentence to the nearest mention above it (``Draft.tokens``).
    ``heads``: :func:`token_heads` of the sentence's doc, where the caller has them."""
    owner: dict[int, Draft] = {}
    for draft in drafts:
        if draft.phrase is None:
            for trigger in nested_closure(draft.trigger):
                for token in trigger.tokens:
                    owner.setdefault(token.i, draft)
    phrases = {i: draft for draft in drafts if draft.phrase is not None for i in draft.phrase}
    # What a reporting verb reports is not its clause ("its drug agency said | that a
    # batch of sesame seeds imported in 2009 ..."), whether or not it holds an event.
    content = {
        t.i
        for draft in drafts
        if draft.is_report
        for child in draft.head.children
        if child.dep_ in ("ccomp", "parataxis")
        for t in child.subtree
    }
    for draft in drafts:
        draft.tokens = set()
    if heads is None:
        heads = token_heads(sentence.doc)
    indices = range(sentence.start, sentence.end)
    # where a walk up from a word ends depends only on the word: found once per word
    found: dict[int, Optional[Draft]] = {}
    for index in indices:
        if index in phrases:
            phrases[index].tokens.add(index)
            continue
        current, path, result, settled = index, [], None, False
        for _ in range(32):
            if current in found:
                result, settled = found[current], True
                break
            path.append(current)
            head = heads[current]
            if current in content and head not in content and current not in owner:
                settled = True
                break  # out of a report's content with no event in it: nobody's clause
            if current in owner:
                result, settled = owner[current], True
                break
            if head == current:
                settled = True
                break
            current = head
        if settled:
            found.update(dict.fromkeys(path, result))
        if result is not None:
            result.tokens.add(index)


def clause_span(draft: Draft) -> list["Token"]:
    """The contiguous stretch of the draft's words around its trigger, trimmed of punctuation,
    quotation marks and leading conjunctions."""
    doc = draft.head.doc
    owned = draft.tokens
    anchor = draft.head.i if draft.head.i in owned else (min(owned) if owned else draft.head.i)
    start = end = anchor
    while start - 1 >= 0 and (start - 1 in owned or _joinable(doc[start - 1]) and start - 2 in owned):
        start -= 1
    while end + 1 < len(doc) and (end + 1 in owned or _joinable(doc[end + 1]) and end + 2 in owned):
        end += 1
    # a clause cut off by another mention is left out whole ("for a month of unrest that resulted
    # | in four deaths": "for a month of unrest")
    for token in doc[start : end + 1]:
        if token.i != draft.head.i and token.dep_ in ("relcl", "acl", "advcl", "ccomp") and token.i > draft.head.i:
            right = max(t.i for t in token.subtree)
            if right > end:
                end = min(end, token.left_edge.i - 1)
                break
    tokens = [t for t in doc[start : end + 1] if t.text not in QUOTES and not t.is_space]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "mark") or tokens[0].dep_ == "prep" and tokens[0].i < draft.head.i and len(tokens) > 1 and tokens[1].i not in owned):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct and tokens[-1].text != ")" or tokens[-1].dep_ in ("prep", "cc", "det", "mark", "aux", "case") and tokens[-1].i != draft.head.i):
        tokens = tokens[:-1]
    if tokens and tokens[-1].text == ")" and not any(t.text == "(" for t in tokens):
        tokens = tokens[:-1]
    return tokens or [draft.head]


def _joinable(token: "Token") -> bool:
    return token.is_punct and token.text not in (".", "?", "!", ";") or token.is_space


def summary_text(draft: Draft, tokens: list["Token"], names: dict[int, str]) -> str:
    """The clause as a reader reads it: the words of its stretch, plus what the stretch leaves
    out that the clause needs, its subject ("Maria Lopez, whose leg was injured, said ...":
    "Maria Lopez said"; "a group of senators who made a trip": "a group of senators made a
    trip"), the doer of an infinitive of its own ("invited top Russian officials | to visit the
    U.S.": "top Russian officials to visit the U.S.") and its objects when they are events of
    their own ("Kosachyov announced | Paul's trip": "Kosachyov announced Paul's trip"); a
    pronoun subject reads as the name it stands for."""
    verbs = [v for v in draft.trigger.tokens if v.pos_ in ("VERB", "AUX")]
    subject = next((t for v in verbs for t in v.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verbs and verbs[0].dep_ == "conj" and verbs[0].head.pos_ in ("VERB", "AUX"):
        # "Tsarnaev planted the bombs and three days later shot a police officer": the
        # coordinated verb's subject is its head's
        subject = next((t for t in verbs[0].head.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    # (position, token): a token read at another place than its own gets a position beside it
    chosen: dict[int, tuple[float, "Token"]] = {t.i: (float(t.i), t) for t in tokens}
    first = tokens[0].i
    relative = next((t for v in verbs for t in v.children if t.lower_ in RELATIVE_PRONOUNS and t.dep_ in ("nsubj", "nsubjpass", "dobj")), None)
    if relative is not None and relative.lower_ == "that" and relative.dep_ == "dobj" and verbs[0].dep_ == "relcl" and verbs[0].head.lower_ in CONTENT_NOUNS:
        # "no confirmation that he had resigned" (parsed as a relative clause): what is said
        chosen.pop(relative.i, None)
        relative = None
    if relative is not None and verbs and verbs[0].dep_ == "relcl":
        # "senators who made a trip" reads "senators made a trip"; "a task force that lawmakers
        # floated" reads "lawmakers floated a task force"
        chosen.pop(relative.i, None)
        antecedent = _phrase(verbs[0].head, skip=verbs[0])
        at = float(first) - 1.0 if relative.dep_ != "dobj" else verbs[0].i + 0.5
        chosen.update((t.i, (at + k / 1000.0, t)) for k, t in enumerate(antecedent))
    elif subject is not None and subject.i < first and subject.lower_ not in RELATIVE_PRONOUNS:
        chosen.update((t.i, (float(t.i), t)) for t in _phrase(subject))
    elif subject is None and verbs and verbs[0].dep_ == "xcomp" and verbs[0].head.i < first:
        # an infinitive of its own: who does it is the object of the verb above it ("invited top
        # Russian officials | to visit the U.S.": "top Russian officials to visit the U.S."), else
        # its subject ("Paul hopes | to meet Putin in July")
        above = verbs[0].head
        if above.dep_ == "acomp" and above.head.i != above.i:
            above = above.head  # "Paul is eager | to meet Putin": the subject of "is"
        controller = next((c for c in above.children if c.dep_ == "dobj"), None) or next((c for c in above.children if c.dep_ == "nsubj"), None)
        if controller is not None and controller.lower_ not in RELATIVE_PRONOUNS:
            chosen.update((t.i, (float(first) - 1.0 + k / 1000.0, t)) for k, t in enumerate(_phrase(controller)))
    if subject is not None and subject.i in chosen:
        # "the Artemis I launch attempt", parsed with "I" as the subject of "launch": the
        # numeral is part of the name before it, which the summary needs
        chosen.update((t.i, (float(t.i), t)) for t in _name_before_numeral(subject))
    for verb in verbs:
        for child in verb.children:
            if child.dep_ in ("dobj", "attr", "oprd", "dative") and child.i > verb.i and child.i not in chosen and child.lower_ not in RELATIVE_PRONOUNS:
                chosen.update((t.i, (float(t.i), t)) for t in _phrase(child))
    ordered = [token for _, token in sorted(chosen.values(), key=lambda pair: pair[0])]
    words = []
    for position, token in enumerate(ordered):
        text = token.text
        if token.i in names and subject is not None and token.i == subject.i and token.lower_ in THIRD_PERSON | FIRST_PERSON | {"it", "they"}:
            text = names[token.i]
        following = ordered[position + 1] if position + 1 < len(ordered) else None
        gap = following is not None and following.i != token.i + 1 and not following.is_punct
        words.append(text + (" " if gap else token.whitespace_))
    return re.sub(r"\s+", " ", "".join(words)).strip(" ,;:-–—")


def _name_before_numeral(token: "Token") -> list["Token"]:
    """The proper name a capital "I" numbers ("Artemis I", "World War I"), or nothing: the
    pronoun never follows a proper noun without a break."""
    if token.text != "I" or token.is_sent_start:
        return []
    doc, start = token.doc, token.i
    while start > token.sent.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].whitespace_:
        start -= 1
    return list(doc[start : token.i])


def _phrase(head: "Token", skip: "Token | None" = None) -> list["Token"]:
    """A noun phrase without the clauses and asides in it ("Maria Lopez, whose left leg was
    badly injured," -> "Maria Lopez")."""
    left_out: set[int] = set()
    for token in head.subtree:
        if token.i != head.i and (token.dep_ in ("relcl", "acl", "appos", "advcl", "ccomp", "parataxis", "conj", "cc") or skip is not None and token.i == skip.i):
            left_out.update(t.i for t in token.subtree)
    words = [t for t in head.subtree if t.i not in left_out and t.text not in QUOTES and not t.is_space]
    while words and words[-1].is_punct:
        words = words[:-1]
    while words and words[0].is_punct:
        words = words[1:]
    return words


def predicate_stems(draft: Draft) -> tuple[str, tuple[str, ...]]:
    """The predicate's lemma and the roots and classes it matches by: the head's, its second
    predicate's ("found guilty": convict) and those of the events folded into it."""
    head = draft.head
    word = predicate_lemma(head)
    stems: list[str] = []
    # Only what is folded in as a clause ("met and agreed"); "found guilty of the bombing": the
    # bombing is what the verdict is about, not the verdict.
    predicates = [draft.trigger]
    for trigger in predicates:
        predicates.extend(t for t in trigger.nested if t.nesting in ("clause", "conjunct"))
    for trigger in predicates:
        words = [trigger.head] + list(trigger.secondary)
        if trigger.secondary and trigger.head.lemma_.lower() in SECONDARY_PREDICATE_VERBS:
            words = list(trigger.secondary)  # "found guilty": a conviction, not a finding
        for token in words:
            lemma = predicate_lemma(token) if token.pos_ in ("VERB", "AUX") else token.lemma_.lower()
            if token.pos_ in ("VERB", "AUX") and lemma in STATIVE_VERBS and token.i != head.i:
                continue
            for stem in (root(lemma), event_class(lemma)):
                if stem not in stems:
                    stems.append(stem)
    return word, tuple(stems)


def content_words(draft: Draft, times: Iterable[int], words: Optional[dict[int, Optional[str]]] = None) -> tuple[str, ...]:
    """Content words of the clause (roots of nouns, verbs and adjectives, names, numbers), for
    telling events apart and finding the same one across articles. ``words``: each token's
    :func:`content_word`, where the caller has them."""
    if words is None:
        doc = draft.head.doc
        return content_words_of((doc[i] for i in sorted(draft.tokens)), times)
    skip = set(times)
    found = {words[i] for i in draft.tokens if i not in skip}
    found.discard(None)
    return tuple(sorted(found))  # type: ignore[arg-type]


def content_words_of(tokens: Iterable["Token"], times: Iterable[int]) -> tuple[str, ...]:
    """Content words of some tokens (see :func:`content_words`); event words by their class
    ("liftoff" and "launch" are both "launch")."""
    skip = set(times)
    words = {content_word(token) for token in tokens if token.i not in skip}
    words.discard(None)
    return tuple(sorted(words))  # type: ignore[arg-type]


def content_word(token: "Token") -> Optional[str]:
    """The content word a token gives (see :func:`content_words_of`), or None."""
    if token.pos_ in _FUNCTION_POS or token.is_stop and not token.like_num or token.text in QUOTES:
        return None
    if token.like_num:
        return token.text.lower().replace(",", "")
    text = token.lemma_.lower() if token.pos_ != "PROPN" else token.text.lower()
    if len(text) < 2 or not any(ch.isalnum() for ch in text):
        return None
    return event_class(text) if token.pos_ in ("NOUN", "VERB") else text
