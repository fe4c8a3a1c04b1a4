"""Detect: find the spans of time expressions in a parsed body segment, with the tense that dates them.

Seeds come from a spaCy ``Matcher`` (time words, year-like numbers, clock times) and from the
NER's DATE and TIME entities. Around each seed the detector takes the run of tokens that can
belong to a time expression at all (words the rules use, numbers, joining punctuation) and keeps
the longest window of it that a resolution rule accepts: the rules in :mod:`timeline.rules`
decide the extent, so "the July 4 recess" yields "July 4" and "said Thursday" yields "Thursday".
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Optional

from attrs import frozen

from .resolution import Tense, match_rule, normalize
from .rules import FRAGMENTS, LEXICON, RULES, TRIGGER_WORDS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span, Token

__all__ = ["Candidate", "detect", "tense_of", "verb_tense"]


@frozen
class Candidate:
    """A span a rule accepts, before resolution. Offsets are into the segment's ``Doc``."""

    start_char: int
    end_char: int
    text: str
    sentence_index: int
    tense: Optional[Tense]
    #: True for "the same day that ...": it points forward to a clause, not back to the discourse.
    cataphoric: bool = False


# ---------------------------------------------------------------------------------------------
# Which tokens can be part of an expression

def _rule_vocabulary() -> frozenset[str]:
    """Every literal word the rules can match: a token outside it cannot be inside an expression."""
    words: set[str] = set()
    for rule in RULES:
        expanded = re.sub(r"\{([a-z_]+)\}", lambda m: FRAGMENTS[m.group(1)], rule.pattern)
        words.update(re.findall(r"[a-z][a-z']*", re.sub(r"\(\?P<\w+>|\[[^\]]*\]|\\.", " ", expanded)))
    for phrases in LEXICON.values():
        for phrase in phrases:
            words.update(phrase.split())
    return frozenset(words)


VOCABULARY = _rule_vocabulary()
# Punctuation that can sit inside an expression ("third-quarter", "July 4, 2018", "3:30").
JOINERS = frozenset({"-", ",", "'s", "'", "’s", "’", ":", "/", "–", "."})
# Abbreviated names that are also common words: only capitalised do they name a day or month.
CAPITALISED_ONLY = frozenset({"may", "march", "sat", "sun", "wed", "mar", "jan", "dec", "aug", "sept", "sep", "oct", "nov", "feb", "apr", "jun", "jul", "mon", "tue", "tues", "thu", "thur", "thurs", "fri"})
# Abbreviations that are names too ("Sun", "Jan"): dated only with a dot or a day number after.
ABBREVIATIONS = CAPITALISED_ONLY - {"may", "march"}


def _abbreviation_in_use(token: "Token") -> bool:
    if token.text.endswith("."):
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and (following.text == "." or following.like_num)


# Season names that are also verbs ("prices fall"): only as nouns are they seasons.
NOUN_ONLY = frozenset({"fall", "spring", "present", "second", "seconds", "minute"})
# Entity labels under which a four-digit number is an amount, not a year.
NOT_A_YEAR = frozenset({"MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
MAX_RUN = 9  # the longest rule ("at least the past 18 months of the year") needs fewer tokens

_YEARLIKE = re.compile(r"(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})s?|'[0-9]{2}s?|[0-9]{3}0s|(?:fy|FY)[0-9]{2,4}")
_DATE_LIKE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}|[0-9]{1,2}(?::[0-9]{2})?(?:[ap]\.?m\.?)?")


def _word(token: "Token") -> str:
    return normalize(token.text)


def _is_trigger(token: "Token") -> bool:
    lower = token.lower_.rstrip(".").replace("’", "'")
    if lower in CAPITALISED_ONLY:
        if not token.text[:1].isupper() or token.tag_ == "MD":
            return False
        if lower in ABBREVIATIONS and not _abbreviation_in_use(token):
            return False
    if lower in NOUN_ONLY and token.pos_ not in ("NOUN", "PROPN"):
        return False
    if lower in TRIGGER_WORDS:
        return True
    if _YEARLIKE.fullmatch(token.text):
        return token.ent_type_ not in NOT_A_YEAR
    return False


def _can_join(token: "Token") -> bool:
    if token.is_space:
        return False
    if token.text in JOINERS:
        return True
    if token.like_num or _YEARLIKE.fullmatch(token.text) or _DATE_LIKE.fullmatch(token.text):
        return True
    word = _word(token)
    return bool(word) and all(part in VOCABULARY or part.isdigit() or re.fullmatch(r"[0-9]+(?:st|nd|rd|th)|'?[0-9]{2,4}s?", part) for part in word.split())


def _can_edge(token: "Token") -> bool:
    """A window may not begin or end with joining punctuation ("'s" and "'90s" aside)."""
    return token.text not in JOINERS


# ---------------------------------------------------------------------------------------------
# Tense of the clause an expression dates

# Verbs whose infinitive complement is in the future: "is expected to meet", "plans to travel".
FUTURE_GOVERNORS = frozenset(
    {"expect", "plan", "schedule", "set", "intend", "hope", "aim", "prepare", "go", "due", "slate",
     "poise", "vow", "promise", "want", "seek", "propose", "agree", "threaten", "pledge", "decide", "invite",
     "slate"}
)  # fmt: skip
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll"})
MODAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can", "ca", "'d"})
PERFECT_AUX = frozenset({"have", "has", "had", "'ve", "'s", "'d"})
PAST_BE = frozenset({"was", "were"})
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "'m"})


def verb_tense(verb: "Token") -> Optional[Tense]:
    aux = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    aux_words = {child.lower_ for child in aux}
    if aux_words & FUTURE_AUX:
        return Tense.FUTURE
    if aux_words & MODAL_AUX:
        return Tense.PAST if aux_words & PERFECT_AUX else Tense.FUTURE
    if "to" in aux_words or verb.dep_ == "xcomp":
        # An infinitive: "expected to meet" is future; otherwise its governor decides.
        if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_ in FUTURE_GOVERNORS:
            return Tense.FUTURE
        return None
    if verb.tag_ == "VBD" or aux_words & (PAST_BE | PERFECT_AUX | {"did"}):
        return Tense.PAST  # simple past, or perfect ("has met", "have been searching")
    if verb.tag_ == "VBN" and aux_words & PRESENT_BE:
        # Present passive: "is scheduled for June 24" looks ahead, "is held" is present.
        return Tense.FUTURE if verb.lemma_ in FUTURE_GOVERNORS else Tense.PRESENT
    if verb.tag_ == "VBN":
        return Tense.PAST  # perfect ("has met") or reduced relative ("the package unveiled Thursday")
    if verb.tag_ in ("VBZ", "VBP") or aux_words & {"is", "are", "am", "'m", "'re", "do", "does"}:
        return Tense.PRESENT
    return None


# Words on the way up to the verb that point the date forward whatever the verb's tense:
# "payable Dec. 7", "effective June 1", "extended the offer until Nov. 20".
FUTURE_MARKERS = frozenset({"payable", "effective", "due", "until", "till", "deadline", "expire", "expiration"})
# Verbs of postponement: what they move "to" lies ahead ("extended to Nov. 20").
POSTPONING = frozenset({"extend", "postpone", "delay", "adjourn", "defer", "reschedule", "push", "move"})


def tense_of(span: "Span") -> Optional[Tense]:
    """The tense of the verb that governs ``span`` in the dependency tree, if there is one."""
    token = span.root
    for _ in range(12):  # heads form a tree; the bound guards against a pathological parse
        if token.lemma_.lower() in FUTURE_MARKERS and token.i not in range(span.start, span.end):
            return Tense.FUTURE
        if token.lower_ == "to" and token.head.lemma_ in POSTPONING:
            return Tense.FUTURE
        if token.pos_ in ("VERB", "AUX") and token.i not in range(span.start, span.end):
            tense = verb_tense(token)
            if tense is not None:
                return tense
        if token.head.i == token.i:
            break
        token = token.head
    return None


# ---------------------------------------------------------------------------------------------
# The detector


@functools.lru_cache(maxsize=None)
def _matcher(nlp: "Language") -> "Matcher":
    from spacy.matcher import Matcher

    matcher = Matcher(nlp.vocab)
    words = sorted(TRIGGER_WORDS | {w + "." for w in CAPITALISED_ONLY})
    matcher.add("TIME_WORD", [[{"LOWER": {"IN": words}}]])
    matcher.add("YEAR_LIKE", [[{"TEXT": {"REGEX": r"^(?:" + _YEARLIKE.pattern + r")$"}}]])
    matcher.add("DATE_LIKE", [[{"TEXT": {"REGEX": r"^(?:[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4})$"}}]])
    matcher.add("CLOCK", [[{"TEXT": {"REGEX": r"^[0-9]{1,2}(?::[0-9]{2})?$"}}, {"LOWER": {"IN": ["am", "pm", "a.m.", "p.m.", "a.m", "p.m"]}}]])
    return matcher


def _seeds(doc: "Doc", nlp: "Language") -> list[int]:
    seeds = set()
    for _, start, end in _matcher(nlp)(doc):
        for i in range(start, end):
            if _is_trigger(doc[i]) or not doc[i].is_alpha:
                seeds.add(i)
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            seeds.update(range(ent.start, ent.end))
    return sorted(seeds)


def _run_around(doc: "Doc", seed: int, sent: "Span") -> tuple[int, int]:
    """The stretch of joinable tokens around a seed, within its sentence."""
    start = seed
    while start > sent.start and seed - start < MAX_RUN and _can_join(doc[start - 1]):
        start -= 1
    end = seed + 1
    while end < sent.end and end - seed < MAX_RUN and _can_join(doc[end]):
        end += 1
    return start, end


def _longest_accepted(doc: "Doc", seed: int, run: tuple[int, int]) -> Optional[tuple[int, int]]:
    """The longest window of the run containing the seed that a rule accepts (earliest on ties)."""
    run_start, run_end = run
    best: Optional[tuple[int, int]] = None
    for length in range(run_end - run_start, 0, -1):
        for start in range(max(run_start, seed - length + 1), min(seed, run_end - length) + 1):
            end = start + length
            if not (_can_edge(doc[start]) and _can_edge(doc[end - 1])) and length > 1:
                continue
            if _rejected_by_context(doc, start, end):
                continue
            if match_rule(normalize(doc[start:end].text)) is not None:
                best = (start, end)
                break
        if best:
            break
    return best


# Time words that, before a noun, describe it instead of naming a time ("the past delegation",
# "quarterly dividend").
ATTRIBUTIVE = frozenset({"past", "future", "previous", "next", "following", "quarterly", "yearly", "monthly"})
DETERMINERS = frozenset({"the", "a", "an"})


def _rejected_by_context(doc: "Doc", start: int, end: int) -> bool:
    """Windows the words after them show not to be (whole) time expressions."""
    if end - start == 2 and start > 0 and doc[start].lower_ in ("a", "an", "per") and (doc[start - 1].like_num or doc[start - 1].is_currency):
        return True  # a rate: "$500 million a year"
    if end >= len(doc):
        return False
    following = doc[end]
    if following.lower_ in ("old", "-old") or (following.text == "-" and end + 1 < len(doc) and doc[end + 1].lower_ == "old"):
        return True  # ages: "a 6-year-old", "52 years old"
    if following.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    if doc[end - 1].lower_ in ATTRIBUTIVE:
        return True
    # "the third-quarter results": the determiner belongs to "results", not to the time.
    return doc[start].lower_ in DETERMINERS and end - start > 1 and _word(following) not in VOCABULARY


_CATAPHORA = frozenset({"that", "when", "as", "on"})


def detect(doc: "Doc", nlp: "Language") -> list[Candidate]:
    """The time expressions of one parsed segment, in text order, non-overlapping."""
    sentences = list(doc.sents)
    sentence_of = {}
    for index, sent in enumerate(sentences):
        for i in range(sent.start, sent.end):
            sentence_of[i] = index
    windows: set[tuple[int, int]] = set()
    covered_seeds: set[int] = set()
    for seed in _seeds(doc, nlp):
        if seed in covered_seeds:
            continue
        sent = sentences[sentence_of[seed]]
        window = _longest_accepted(doc, seed, _run_around(doc, seed, sent))
        if window is not None:
            windows.add(window)
            covered_seeds.update(range(*window))
    chosen = _non_overlapping(windows)
    candidates = []
    for start, end in chosen:
        span = doc[start:end]
        following = doc[end].lower_ if end < len(doc) else ""
        candidates.append(
            Candidate(
                start_char=span.start_char,
                end_char=span.end_char,
                text=span.text,
                sentence_index=sentence_of[start],
                tense=tense_of(span),
                cataphoric=following in _CATAPHORA and span.text.lower().startswith(("the same", "the very same")),
            )
        )
    return candidates


def _non_overlapping(windows: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest first, then earliest; windows overlapping a kept one are dropped."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(windows, key=lambda w: (-(w[1] - w[0]), w[0])):
        if all(end <= s or start >= e for s, e in kept):
            kept.append((start, end))
    return sorted(kept)

