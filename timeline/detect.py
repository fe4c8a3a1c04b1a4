"""Detect: find the spans of time expressions in a parsed body segment, with the tense that dates them.

Seeds come from spaCy's ``PhraseMatcher`` (time words) and ``Matcher`` (year-like numbers, dates,
clock times) and, when the NER ran, from its DATE and TIME entities. Around each seed the detector takes the run of tokens that can
belong to a time expression at all (words the rules use, numbers, joining punctuation) and keeps
the longest window of it that a resolution rule accepts: the rules in :mod:`timeline.rules`
decide the extent, so "the July 4 recess" yields "July 4" and "said Thursday" yields "Thursday".
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING, Any, Optional

from attrs import frozen

from .lexicon import REPORTING_VERBS
from .resolution import Tense, match_rule, normalize
from .rules import FRAGMENTS, GLUED_UNITS, LEXICON, NUMBER_WORDS, RULES, TRIGGER_WORDS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.pipeline import Sentencizer
    from spacy.tokens import Doc, Span, Token

__all__ = ["Candidate", "SentenceRun", "detect", "lemma", "lemmatizer_verbs", "sentence_runs", "tense_of", "verb_tense"]


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
    #: What is resolved when it is not the text: the elided end of a range ("3" of "3-4 May" is
    #: "3 May", "63" of "1962-63" is "1963").
    phrase: Optional[str] = None

    @property
    def resolved(self) -> str:
        """The words resolved: the phrase the text stands for, else the text."""
        return self.phrase if self.phrase is not None else self.text


# ---------------------------------------------------------------------------------------------
# Word classes and lemmas, from the tagger alone

# Coarse classes read off the tagger's Penn tags rather than ``pos_``: reading time expressions
# alone skips the attribute ruler that maps one onto the other (a quarter of the parse time).
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})
ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS", "AFX"})


def lemma(token: "Token") -> str:
    """The token's lower-case lemma, also where the lemmatizer did not run.

    Then verbs get the lemmatizer's rule lemma on demand (the tense rules compare verb lemmas:
    "expected" -> "expect"), and other words their lower-case form.
    """
    if token.lemma_:
        found = token.lemma_.lower()
    elif token.tag_ in VERB_TAGS:
        found = _verb_lemma(token.lower_)
    else:
        return token.lower_
    if token.tag_ in _INFLECTED_TAGS:
        return _e_stem(token.lower_, token.tag_, found)
    return found


_INFLECTED_TAGS = frozenset({"VBZ", "VBD", "VBN", "VBG"})
# A stem of one syllable ending in a vowel and a consonant doubles it before -ed and -ing
# ("hop": "hopped", "hopping"); a form that does not is the stem with a final e's ("hoped").
_DOUBLING_STEM = re.compile(r"[^aeiou]*[aeiou][^aeiouwxy]")


@functools.lru_cache(maxsize=8192)
def _e_stem(word: str, tag: str, found: str) -> str:
    """Where a verb and the same verb with a final e both exist, spaCy's rule lemmatizer takes
    the shorter: "hopes", "hoped", "hoping" -> "hop", "fines" -> "fin", "bared" -> "bar". The
    spelling says which it is: "hopes" is hope's (hop's is "hops"), "hoped" hope's (hop's is
    "hopped"); "barred", "axes" (after a sibilant) stay."""
    stem = found + "e"
    if not found.isalpha() or stem not in lemmatizer_verbs():
        return found
    if tag == "VBZ":
        return stem if word == found + "es" and not found.endswith(("s", "x", "z", "ch", "sh")) else found
    ending = "ing" if tag == "VBG" else "ed"
    return stem if word == found + ending and _DOUBLING_STEM.fullmatch(found) else found


@functools.lru_cache(maxsize=1)
def lemmatizer_verbs() -> frozenset[str]:
    """Every verb the model's lemmatizer lists (WordNet's verbs, about 8,700)."""
    from .nlp import load_pipeline

    lemmatizer: Any = load_pipeline().get_pipe("lemmatizer")
    return frozenset(lemmatizer.lookups.get_table("lemma_index")["verb"])


@functools.lru_cache(maxsize=8192)
def _verb_lemma(word: str) -> str:
    from spacy.tokens import Doc

    from .nlp import load_pipeline

    nlp = load_pipeline()
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    doc = Doc(nlp.vocab, words=[word], pos=["VERB"])
    return str(lemmatizer.rule_lemmatize(doc[0])[0]).lower()


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


# Words before an abbreviated day or month that make it one ("this Sat", "next fri", "every
# mon", "on Tues", "in Jun"); lower case ("next fri") only after the first five.
ABBREVIATION_CUES = frozenset({"this", "next", "last", "every", "each", "on", "by", "until", "till", "til", "since", "from"})
# ... and before a month: "in Jun", "early Feb" ("in Sun" is the company)
MONTH_CUES = ABBREVIATION_CUES - {"on"} | {"in", "early", "late", "mid", "end"}
LOWER_CASE_CUES = frozenset({"this", "next", "last", "every", "each"})
# Words between two days or months of a list or a range ("Mon and tues", "Tues-Wed").
LIST_LINKS = frozenset({"and", "or", "-", "–", "/", "&", ",", "to"})


def _abbreviation_in_use(token: "Token") -> bool:
    """An abbreviated day or month used as one: with its dot, before a day number ("Feb 14"),
    after one ("14 Feb"), after a cue word not before a name ("on Sat", not "on Sun
    Microsystems"), or next to another day or month of a list ("Mon and tues")."""
    if token.text.endswith("."):
        return True
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    previous = doc[token.i - 1] if token.i > 0 else None
    if following is not None and (following.text == "." or following.like_num):
        return True
    if previous is None:
        return False
    if token.text[:1].islower():
        return previous.lower_ in LOWER_CASE_CUES or _listed_with_a_day(token)
    if previous.text.isdigit() and 1 <= int(previous.text) <= 31:
        return True
    before_a_name = following is not None and following.text[:1].isupper() and following.tag_ in PROPER_NOUN_TAGS
    cues = ABBREVIATION_CUES if token.lower_.rstrip(".") in LEXICON["weekday"] else MONTH_CUES
    return (previous.lower_ in cues and not before_a_name) or _listed_with_a_day(token)


def _listed_with_a_day(token: "Token") -> bool:
    doc = token.doc
    for step in (-1, 1):
        link, other = token.i + step, token.i + 2 * step
        if 0 <= other < len(doc) and doc[link].lower_ in LIST_LINKS:
            word = doc[other].lower_.rstrip(".")
            if word in LEXICON["weekday"] and (word not in CAPITALISED_ONLY or doc[other].text[:1].isupper()):
                return True
    return False


# Season names that are also verbs ("prices fall"): only as nouns are they seasons.
NOUN_ONLY = frozenset({"fall", "spring", "present", "second", "seconds", "minute"})
# Entity labels under which a four-digit number is an amount, not a year.
NOT_A_YEAR = frozenset({"MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
MAX_RUN = 9  # the longest rule ("at least the past 18 months of the year") needs fewer tokens

_YEARLIKE = re.compile(r"(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})s?|'[0-9]{2}s?|[0-9]{3}0s|(?:fy|FY)[0-9]{2,4}")
_DATE_LIKE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}|[0-9]{1,2}(?::[0-9]{2})?(?:[ap]\.?m\.?)?")


def _word(token: "Token") -> str:
    return normalize(token.text)


# Words written with a capital wherever they stand: a name does not make them any less a date
# ("Monday", "Christmas", the words of "Independence Day" and "New Year's Eve").
ALWAYS_CAPITALISED = frozenset(LEXICON["month"]) | frozenset(LEXICON["weekday"]) | frozenset(w for h in LEXICON["holiday"] for w in h.split())
NAME_WINDOW = 8  # words on either side that tell prose from a title-case line


def _in_a_name(token: "Token", lower: str) -> bool:
    """A time word spelled with a capital inside a name of several proper nouns ("The New
    Daily", "the Future Fund", "The Weekly Standard"): part of the name, not a time. Read from
    the tags, which both reading modes have (times-only reading runs no entity recogniser)."""
    if lower in ALWAYS_CAPITALISED or not token.text[:1].isupper() or token.tag_ not in PROPER_NOUN_TAGS:
        return False
    doc = token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    if not any(n.tag_ in PROPER_NOUN_TAGS and n.text[:1].isupper() for n in neighbours):
        return False
    # only in prose: in a title-case line ("Daily and Weekly Winners", "Your Summer Reading
    # List") every word has a capital, and the time word is one
    words = [t for t in doc[max(0, token.i - NAME_WINDOW) : token.i + NAME_WINDOW + 1] if t.is_alpha]
    return 2 * sum(1 for t in words if t.text[:1].isupper()) < len(words)


# "the annual March for Life", "the March of the Combatant Mothers": a march, not the month.
MARCH_FOLLOWERS = frozenset({"for", "of", "on", "to", "against", "through"})


def _a_march(token: "Token") -> bool:
    doc = token.doc
    previous = doc[token.i - 1].lower_ if token.i > 0 else ""
    following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    return previous in ("the", "a", "an", "annual", "this", "that") and following in MARCH_FOLLOWERS


def _is_trigger(token: "Token") -> bool:
    lower = token.lower_.rstrip(".").replace("’", "'")
    if _in_a_name(token, lower):
        return False
    if lower in CAPITALISED_ONLY:
        if token.tag_ == "MD" or (not token.text[:1].isupper() and lower not in ABBREVIATIONS):
            return False
        if lower in ABBREVIATIONS and not _abbreviation_in_use(token):
            return False
    if lower in NOUN_ONLY and token.tag_ not in NOUN_TAGS:
        return False
    if lower == "march" and _a_march(token):
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
    """A window may not begin or end with joining punctuation ("'s" and "'90s" aside), nor with
    whitespace (a "\\t" token the NER put into a date would end up in the expression's text)."""
    return token.text not in JOINERS and not token.is_space


# ---------------------------------------------------------------------------------------------
# Tense of the clause an expression dates

# Verbs whose infinitive complement is in the future: "is expected to meet", "plans to travel".
FUTURE_GOVERNORS = frozenset(
    {"expect", "plan", "schedule", "set", "intend", "hope", "aim", "prepare", "go", "due", "slate",
     "poise", "vow", "promise", "want", "seek", "propose", "agree", "threaten", "pledge", "decide", "invite"}
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
        if verb.dep_ in ("xcomp", "ccomp") and lemma(verb.head) in FUTURE_GOVERNORS:
            return Tense.FUTURE
        return None
    if verb.tag_ == "VBD" or aux_words & (PAST_BE | PERFECT_AUX | {"did"}):
        return Tense.PAST  # simple past, or perfect ("has met", "have been searching")
    if verb.tag_ == "VBN" and aux_words & PRESENT_BE:
        # Present passive: "is scheduled for June 24" looks ahead, "is held" is present.
        return Tense.FUTURE if lemma(verb) in FUTURE_GOVERNORS else Tense.PRESENT
    if verb.tag_ == "VBN":
        return Tense.PAST  # perfect ("has met") or reduced relative ("the package unveiled Thursday")
    if verb.tag_ in ("VBZ", "VBP") or aux_words & {"is", "are", "am", "'m", "'re", "do", "does"}:
        return Tense.PRESENT
    return None


# Words on the way up to the verb that point the date forward whatever the verb's tense:
# "payable Dec. 7", "effective June 1", "extended the offer until Nov. 20".
FUTURE_MARKERS = frozenset({"payable", "effective", "due", "until", "till", "deadline", "expire", "expiration"})
# Verbs of postponement: what they move "to" lies ahead ("extended to Nov. 20").
POSTPONING = frozenset({"extend", "postpone", "delay", "adjourn", "defer", "reschedule", "push", "move", "shift", "retarget", "target", "bring"})
# Prepositions of a postponement whose date lies ahead: "delayed the launch from November 14 to
# November 16" (both the plan given up and the new one are still to come when it is told).
POSTPONING_PREPOSITIONS = frozenset({"to", "from", "until", "till"})


# Prepositions that end a stretch of time: in a present or verbless clause its end is ahead.
END_PREPOSITIONS = frozenset({"through", "thru", "until", "till", "til"})


def tense_of(span: "Span") -> Optional[Tense]:
    """The tense of the verb that governs ``span`` in the dependency tree, if there is one."""
    token = span.root
    until = False  # "through June", "until Nov. 17": the end of a stretch not over yet lies ahead
    for _ in range(12):  # heads form a tree; the bound guards against a pathological parse
        if token.lower_ in END_PREPOSITIONS and token.i not in range(span.start, span.end):
            until = True
        if lemma(token) in FUTURE_MARKERS and token.i not in range(span.start, span.end):
            return Tense.FUTURE
        if token.lower_ in POSTPONING_PREPOSITIONS and (
            lemma(token.head) in POSTPONING
            or token.head.lower_ in POSTPONING_PREPOSITIONS and lemma(token.head.head) in POSTPONING
        ):
            return Tense.FUTURE
        if token.lower_ == "of" and token.head.lower_ == "ahead":
            return Tense.FUTURE  # "ahead of the party choosing its candidate on Thursday"
        if token.tag_ in VERB_TAGS and token.i not in range(span.start, span.end):
            if _before_reported_subject(span, token):
                token = token.head  # "said Monday evening it would ...": the saying's time
            tense = verb_tense(token)
            if tense is not None:
                return Tense.FUTURE if until and tense is Tense.PRESENT else tense
        if token.head.i == token.i:
            break
        token = token.head
    return Tense.FUTURE if until else None


def _before_reported_subject(span: "Span", verb: "Token") -> bool:
    """Is ``span`` between a reporting verb in the past and the subject of the clause it reports,
    with no "that" before it? The parse can hang the time on the reported clause ("The military
    said Monday evening it would not open fire": "evening" under "open"), but news puts the
    time of the saying there ("said that on Saturday two teams would be sent" is what was said)."""
    saying = verb.head
    if verb.dep_ != "ccomp" or saying.tag_ != "VBD" or lemma(saying) not in REPORTING_VERBS or not saying.i < span.start:
        return False
    if any(child.dep_ == "mark" and child.i < span.start for child in verb.children):
        return False  # "said that on Saturday two teams would be sent": inside what was said
    subject = next((child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    return subject is not None and span.end <= subject.left_edge.i


# ---------------------------------------------------------------------------------------------
# The detector


# Numeric seeds. A PhraseMatcher over token shapes ("dddd", "d/d/dddd": hashed, no Python run per
# token, unlike regular-expression predicates) finds the candidates; a match is then kept only
# if its text is what the pattern means. Sample spellings give the shapes to look for.
_NUMERIC_SEEDS: dict[str, tuple[re.Pattern[str], tuple[tuple[str, ...], ...]]] = {
    "YEAR_LIKE": (
        _YEARLIKE,
        tuple((y,) for y in ("1999", "1990s", "'99", "'90s", "FY89", "FY989", "FY1989", "fy89", "fy989", "fy1989")),
    ),
    # "the '90s" where the tokenizer splits the apostrophe off
    "DECADE": (re.compile(r"['’][0-9]0s"), (("'", "90s"), ("’", "90s"))),
    # ISO, US slashed and dotted dates; a dotted one with a two-digit year only with two-digit
    # day and month ("3.10.15" is a version, "27.03.15" a date)
    "DATE_LIKE": (
        re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}|[0-3]?[0-9]\.[01]?[0-9]\.[0-9]{4}|[0-3][0-9]\.[01][0-9]\.[0-9]{2}"),
        tuple((f"{y}-{m}-{d}",) for y in ("2018",) for m in ("8", "08") for d in ("2", "02"))
        + tuple((f"{m}/{d}/{y}",) for m in ("8", "12") for d in ("2", "31") for y in ("18", "018", "2018"))
        + tuple((f"{d}.{m}.{y}",) for d in ("2", "17") for m in ("6", "06") for y in ("2016",))
        + (("17.06.16",),),
    ),
    # a 24-hour clock ("16:00", "7:45") and a stopwatch ("2:03:59"): the rules and
    # ``_rejected_by_context`` tell which are times
    "CLOCK_24": (
        re.compile(r"(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?"),
        (("16:00",), ("7:45",), ("2:03:59",), ("12:03:59",)),
    ),
    # a count run into its unit, as tweets write them: "3mins", "1.5hrs", "7Days"
    "GLUED_UNIT": (
        re.compile(rf"[0-9]+(?:\.[0-9]+)?(?:{'|'.join(GLUED_UNITS)})", re.IGNORECASE),
        tuple((n + spelled,) for n in ("3", "24", "1.5", "12.5") for unit in GLUED_UNITS for spelled in (unit, unit.title(), unit.upper())),
    ),
    # "3 pm", "3 P.M.", and one token: "9PM", "10:45pm", "11.30am", "1030am"
    "CLOCK": (
        re.compile(r"[0-9]{1,2}(?:[:.]?[0-9]{2})? ?(?:a\.?m\.?|p\.?m\.?)", re.IGNORECASE),
        tuple((n, m) for n in ("3", "11", "3:30", "11:30") for m in ("am", "pm", "a.m.", "p.m.", "a.m", "p.m", "AM", "PM", "A.M.", "P.M."))
        + tuple((n + m,) for n in ("3", "11", "3:30", "11:30", "3.30", "11.30", "330", "1130") for m in ("am", "pm", "AM", "PM")),
    ),
}


@functools.lru_cache(maxsize=None)
def _matchers(nlp: "Language") -> tuple["PhraseMatcher", "PhraseMatcher"]:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    # Pattern docs are built from words: the tokenizer would split "jan." or "8/2/18" where a
    # text may keep them whole.
    words = PhraseMatcher(nlp.vocab, attr="LOWER")
    words.add("TIME_WORD", [Doc(nlp.vocab, words=[w]) for w in sorted(TRIGGER_WORDS | {w + "." for w in CAPITALISED_ONLY})])
    numbers = PhraseMatcher(nlp.vocab, attr="SHAPE")
    for label, (_, samples) in _NUMERIC_SEEDS.items():
        numbers.add(label, [Doc(nlp.vocab, words=list(sample)) for sample in samples])
    return words, numbers


def _seed_matches(doc: "Doc", nlp: "Language") -> list[tuple[int, int]]:
    """Token ranges the seed patterns match: time words, year-like numbers, dates, clock times."""
    words, numbers = _matchers(nlp)
    found = [(start, end) for _, start, end in words(doc)]
    strings = nlp.vocab.strings
    for match_id, start, end in numbers(doc):
        if _NUMERIC_SEEDS[strings[match_id]][0].fullmatch(doc[start:end].text):
            found.append((start, end))
    return found


@frozen
class SentenceRun:
    """Consecutive sentences of a text that all hold a time cue, or that all hold none."""

    has_cue: bool
    #: Character ranges of the sentences in the text.
    sentences: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.sentences[0][0]

    @property
    def end(self) -> int:
        return self.sentences[-1][1]


@functools.lru_cache(maxsize=None)
def _sentencizer() -> "Sentencizer":
    from spacy.pipeline import Sentencizer

    return Sentencizer()


def sentence_runs(text: str, nlp: "Language") -> list[SentenceRun]:
    """``text`` cut into runs of sentences with and without a time cue, before any parsing.

    Only the tokenizer, a punctuation sentencizer and the seed matchers run here (about 40x
    faster than the parser): a sentence none of the seed patterns matches holds no expression
    the matchers would seed, so reading time expressions alone need not parse it.
    """
    doc = _sentencizer()(nlp.make_doc(text))
    cue_tokens = sorted(start for start, _ in _seed_matches(doc, nlp))
    runs: list[SentenceRun] = []
    for sent in doc.sents:
        if sent.text.strip() == "":
            continue
        first_cue = bisect.bisect_left(cue_tokens, sent.start)
        has_cue = first_cue < len(cue_tokens) and cue_tokens[first_cue] < sent.end
        bounds = (sent.start_char, sent.end_char)
        if runs and runs[-1].has_cue == has_cue:
            runs[-1] = SentenceRun(has_cue, runs[-1].sentences + (bounds,))
        else:
            runs.append(SentenceRun(has_cue, (bounds,)))
    return runs


def _seeds(doc: "Doc", nlp: "Language") -> list[int]:
    seeds = set()
    for start, end in _seed_matches(doc, nlp):
        for i in range(start, end):
            if _is_trigger(doc[i]) or not doc[i].is_alpha:
                seeds.add(i)
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            seeds.update(i for i in range(ent.start, ent.end) if not (doc[i].lower_ == "march" and _a_march(doc[i])))
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


def _longest_accepted(doc: "Doc", seed: int, run: tuple[int, int], verdicts: dict[tuple[int, int], bool]) -> Optional[tuple[int, int]]:
    """The longest window of the run containing the seed that a rule accepts (earliest on ties).

    ``verdicts`` keeps each window's verdict for the segment: neighbouring seeds share most of
    their windows, and on text dense with time words every word is a seed (without it, each
    window was judged once for every seed in it)."""
    run_start, run_end = run
    for length in range(run_end - run_start, 0, -1):
        for start in range(max(run_start, seed - length + 1), min(seed, run_end - length) + 1):
            window = (start, start + length)
            accepted = verdicts.get(window)
            if accepted is None:
                accepted = verdicts[window] = _accepted(doc, *window)
            if accepted:
                return window
    return None


def _accepted(doc: "Doc", start: int, end: int) -> bool:
    first, last = doc[start], doc[end - 1]
    if not (_can_edge(first) and _can_edge(last)) and end - start > 1:
        return False
    # (the rules first: most windows are no phrase of theirs, and the context costs more)
    if match_rule(normalize(doc[start:end].text)) is None:
        return False
    return not _rejected_by_context(doc, start, end)


# Time words that, before a noun, describe it instead of naming a time ("the past delegation",
# "quarterly dividend").
ATTRIBUTIVE = frozenset({"past", "future", "previous", "next", "following", "quarterly", "yearly", "monthly"})
DETERMINERS = frozenset({"the", "a", "an"})
# Counts of a fraction: "about three-quarters of its food", "more than a quarter of the market".
FRACTION_COUNTS = frozenset({"a", "one", "two", "three"})


def _fraction(doc: "Doc", end: int, following: "Token") -> bool:
    """A window ending in "quarter(s)" of a count, followed by "of": a fraction, not a time."""
    if doc[end - 1].lower_ not in ("quarter", "quarters") or following.lower_ != "of" or end < 2:
        return False
    count = doc[end - 2] if doc[end - 2].text not in ("-", "–") or end < 3 else doc[end - 3]
    return count.lower_ in FRACTION_COUNTS


# Words before a bare clock of the morning hours that make it a time ("at 7:45", "until 9:30");
# without one, "7:45" may be a score, a verse or a pace.
CLOCK_CUES = frozenset({"at", "by", "from", "until", "till", "to", "before", "after", "around", "about", "since", "between", "and", "-", "–", "approximately", "roughly", "@"})
_BARE_CLOCK = re.compile(r"([0-9]{1,2}):[0-9]{2}")


def _rejected_by_context(doc: "Doc", start: int, end: int) -> bool:
    """Windows the words around them show not to be (whole) time expressions."""
    bare = _BARE_CLOCK.fullmatch(doc[start:end].text)
    if bare and int(bare.group(1)) < 13 and (start == 0 or doc[start - 1].lower_ not in CLOCK_CUES):
        return True
    if end - start == 2 and start > 0 and doc[start].lower_ in ("a", "an", "per") and (doc[start - 1].like_num or doc[start - 1].is_currency):
        return True  # a rate: "$500 million a year"
    if start >= 2 and doc[start - 1].text in ("-", "–") and doc[start - 2].lower_ == "sub":
        return True  # a record, not a time: "a sub-four-minute mile"
    if end >= len(doc):
        return False
    following = doc[end]
    if following.lower_ in ("old", "-old") or (following.text == "-" and end + 1 < len(doc) and doc[end + 1].lower_ == "old"):
        return True  # ages: "a 6-year-old", "52 years old"
    if _fraction(doc, end, following):
        return True
    if following.tag_ not in NOUN_TAGS | ADJECTIVE_TAGS:
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
    verdicts: dict[tuple[int, int], bool] = {}
    for seed in _seeds(doc, nlp):
        if seed in covered_seeds:
            continue
        sent = sentences[sentence_of[seed]]
        window = _longest_accepted(doc, seed, _run_around(doc, seed, sent), verdicts)
        if window is not None:
            windows.add(window)
            covered_seeds.update(range(*window))
    chosen = _non_overlapping(windows)
    candidates = []
    for start, end, phrase in _with_range_ends(doc, chosen):
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
                phrase=phrase,
            )
        )
    return candidates


# ---------------------------------------------------------------------------------------------
# Ranges with an elided end: TimeML marks each end as an expression of its own ("3-4 May" is
# "3" = 3 May and "4 May"; "1962-63" is "1962" and "63" = 1963; "between 6 and 9 months" is "6"
# = six months and "9 months").

RANGE_LINKS = frozenset({"-", "–", "—", "to", "and", "through", "thru", "until", "till"})
# Words before a range that make it one stretch of time ("the next 12 to 18 months").
SPAN_WORDS = frozenset({"next", "past", "last", "first", "coming", "previous", "final", "recent", "following"})
_SHORT_NUMBER = re.compile(r"[0-9]{1,2}")
_YEAR_RANGE = re.compile(r"([0-9]{2})([0-9]{2}) ?[-–] ?([0-9]{2})")


def _with_range_ends(doc: "Doc", chosen: list[tuple[int, int]]) -> list[tuple[int, int, Optional[str]]]:
    """The chosen windows, a season or fiscal span of two years split in two ("the 2010-11
    season" is 2010 and 2011, not November 2010), and the elided end of a range added."""
    taken = {i for start, end in chosen for i in range(start, end)}
    result: list[tuple[int, int, Optional[str]]] = []
    for start, end in chosen:
        years = _YEAR_RANGE.fullmatch(doc[start:end].text)
        if years and int(years.group(3)) == (int(years.group(2)) + 1) % 100:
            result.append((start, start + 1, None))
            result.append((end - 1, end, years.group(1) + years.group(3)))
            continue
        result.append((start, end, None))
        before = _elided_start(doc, start, end, taken)
        if before is not None:
            result.append(before)
        after = _elided_end(doc, start, end, taken)
        if after is not None:
            result.append(after)
    return sorted(result)


def _free_number(doc: "Doc", i: int, taken: set[int]) -> bool:
    return 0 <= i < len(doc) and i not in taken and bool(_SHORT_NUMBER.fullmatch(doc[i].text))


def _count(token: "Token") -> Optional[float]:
    """The number a token of one or two digits or a spelled number ("six") stands for."""
    if _SHORT_NUMBER.fullmatch(token.text):
        return float(token.text)
    value = NUMBER_WORDS.get(token.lower_) if token.lower_ not in ("a", "an") else None
    return float(value) if value is not None else None


def _elided_start(doc: "Doc", start: int, end: int, taken: set[int]) -> Optional[tuple[int, int, Optional[str]]]:
    """"3-4 May", "8 and 9 March", "two to six days": the number before the link takes the
    words after the window's own leading number."""
    if end - start < 2 or start < 2 or doc[start - 1].lower_ not in RANGE_LINKS:
        return None
    number = start - 2
    last, first = _count(doc[number]), _count(doc[start])
    if last is None or first is None or number in taken or last >= first:
        return None
    if number > 0 and doc[number - 1].lower_ in SPAN_WORDS:
        return None  # "the next 12 to 18 months": one stretch, one expression (TimeBank)
    phrase = doc[number].text + " " + doc[start + 1 : end].text
    return (number, number + 1, phrase) if match_rule(normalize(phrase)) is not None else None


def _elided_end(doc: "Doc", start: int, end: int, taken: set[int]) -> Optional[tuple[int, int, Optional[str]]]:
    """"May 5 - 6", "April 8-12", "1962-63": the number after the link takes the window's words
    before its last number (of a year, its century)."""
    last = doc[end - 1]
    if end + 1 >= len(doc) or doc[end].lower_ not in RANGE_LINKS - {"and"} or not _free_number(doc, end + 1, taken):
        return None
    number = doc[end + 1].text
    if re.fullmatch(r"[12][0-9]{3}", last.text) and end - start == 1 and len(number) == 2:
        phrase = last.text[:2] + number
        ahead = int(phrase) > int(last.text)
    elif _SHORT_NUMBER.fullmatch(last.text) and end - start >= 2:
        phrase = doc[start : end - 1].text + " " + number
        ahead = int(number) > int(last.text)
    else:
        return None
    if not ahead or doc[end + 2 : end + 3].text.lower() in ("pm", "am", "p.m.", "a.m.", ":"):
        return None
    return (end + 1, end + 2, phrase) if match_rule(normalize(phrase)) is not None else None


def _non_overlapping(windows: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest first, then earliest; windows overlapping a kept one are dropped.

    The kept windows are disjoint, so sorted by start their ends are sorted too: a window need
    only be checked against its two neighbours (found by bisection), not against every kept one,
    which was quadratic on text dense with time words."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(windows, key=lambda w: (-(w[1] - w[0]), w[0])):
        at = bisect.bisect_right(starts, start)
        if (at and ends[at - 1] > start) or (at < len(starts) and starts[at] < end):
            continue
        starts.insert(at, start)
        ends.insert(at, end)
    return list(zip(starts, ends, strict=True))

