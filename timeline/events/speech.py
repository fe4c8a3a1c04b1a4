"""Quoted speech: a relative date inside a quote is the speaker's, counted from the day it was said.

"“Today, I have told my staff that I will step down,” she said", in an article of Friday
about a post of Wednesday: "today" is the Wednesday. The day of the saying is

- the day its attribution gives: "“We decided to wait today,” the director said on Monday";
- else, when the attribution gives none, the day the sentence just before the quote gives to a
  saying: "The mayor took to Twitter on Wednesday to confirm her plans. “Today, I have told
  my staff ...,” she said."

Without either, a quote is taken as said on the day the article is published (what reporters
quote is mostly said that day), and its dates stay as the publication date gives them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Optional, Sequence

from ..model import TimeValue
from .parse import QUOTES, is_reporting, quote_runs, reporting_verb_near

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["QuotedSpeech"]

# Marks that say which way they turn (single curly marks are apostrophes too: not used).
_OPENING = frozenset({"“", "«", "``"})
_CLOSING = frozenset({"”", "»", "''"})


class QuotedSpeech:
    """Reads one article's quotes piece by piece (its paragraphs are parsed one by one, and the
    sentence before a quote may end the paragraph before)."""

    def __init__(self) -> None:
        #: The last sentence of the piece before, with its expressions; None after a piece that
        #: was not parsed (reading times alone skips sentences without a time).
        self.before: Optional[tuple["Span", list[tuple[Optional["Span"], TimeValue]]]] = None

    def skip(self) -> None:
        """A piece without a parse came between."""
        self.before = None

    def days(self, doc: "Doc", expressions: Sequence[tuple[int, int, TimeValue]]) -> dict[int, date]:
        """For each expression (by its index) inside a quote whose saying the text dates, that day.

        ``expressions`` are ``(start_char, end_char, value)`` in ``doc``, in text order.
        """
        spans = [(doc.char_span(start, end, alignment_mode="expand"), value) for start, end, value in expressions]
        quoted = _quoted(doc)
        found: dict[int, date] = {}
        for first, last in quote_runs(quoted):
            inside = [k for k, (span, _) in enumerate(spans) if span is not None and first <= span.start and span.end <= last]
            if not inside:
                continue
            day = _attribution_day(doc, first, last, spans, quoted)
            if day is None:
                day = _introduction_day(_sentence_before(doc, first, spans, self.before))
            if day is not None:
                found.update((k, day) for k in inside)
        sentences = [s for s in doc.sents if not all(t.is_space for t in s)]
        self.before = (sentences[-1], spans) if sentences else None
        return found


def _quoted(doc: "Doc") -> set[int]:
    """Token indices inside quotation marks. Curly marks say which way they turn (a closing
    one without an opening one closes nothing); straight marks pair in order."""
    inside = False
    quoted: set[int] = set()
    for token in doc:
        text = token.text
        if text in _OPENING:
            inside = True
        elif text in _CLOSING:
            inside = False
        elif text in QUOTES:
            inside = not inside
        elif inside:
            quoted.add(token.i)
    return quoted


def _day(value: TimeValue) -> Optional[date]:
    """The single day a value names (a day or a time of it), else None."""
    return value.start if value.is_anchored and value.start is not None and value.start == value.end else None


def _attribution_day(doc: "Doc", first: int, last: int, spans: list[tuple[Optional["Span"], TimeValue]], quoted: set[int]) -> Optional[date]:
    """The day the quote's reporting verb is dated to ("..., the director said on Monday")."""
    verb = reporting_verb_near(doc, first, last)
    if verb is None:
        return None
    for span, value in spans:
        if span is None or span.start in quoted or span.sent.start != verb.sent.start:
            continue
        if _governed_by(span, verb, quoted) and _day(value) is not None:
            return _day(value)
    return None


def _governed_by(span: "Span", verb: "Token", quoted: set[int]) -> bool:
    token = span.root
    for _ in range(8):
        if token.i == verb.i:
            return True
        if token.head.i == token.i or token.i in quoted:
            return False
        token = token.head
    return False


def _sentence_before(
    doc: "Doc", first: int, spans: list[tuple[Optional["Span"], TimeValue]], before: Optional[tuple["Span", list[tuple[Optional["Span"], TimeValue]]]]
) -> Optional[tuple["Span", list[tuple[Optional["Span"], TimeValue]]]]:
    """The sentence before the one the quote opens in, with the expressions of its doc."""
    previous = doc[first].sent.start - 1
    while previous >= 0 and doc[previous].is_space:
        previous -= 1  # the line break between two paragraphs
    if previous >= 0:
        return doc[previous].sent, spans
    return before


def _introduction_day(before: Optional[tuple["Span", list[tuple[Optional["Span"], TimeValue]]]]) -> Optional[date]:
    """The day the sentence just before the quote gives to a saying ("took to Twitter on
    Wednesday to confirm ..."): that sentence quotes nothing, has a verb of saying and names one
    day."""
    if before is None:
        return None
    sentence, spans = before
    if any(t.text in QUOTES for t in sentence):
        return None  # part of a quote, or quoting: not a narrator's sentence about a saying
    if not any(is_reporting(t) for t in sentence):
        return None
    days = {_day(value) for span, value in spans if span is not None and span.doc is sentence.doc and sentence.start <= span.start < sentence.end}
    days.discard(None)
    return days.pop() if len(days) == 1 else None
