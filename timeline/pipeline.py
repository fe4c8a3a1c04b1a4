"""The reading pipeline: clean -> detect -> resolve, and the public functions built on it."""

from __future__ import annotations

from collections import deque
from datetime import date, datetime
from typing import Callable, Iterable, Iterator, Optional, Union

from attrs import define, field, frozen

from . import clean
from .detect import Candidate, detect, sentence_runs
from .events import ArticleEvents
from .errors import InvalidArticleError, InvalidExpressionError
from .merge import assemble
from .model import Article, ArticleInfo, DateLike, ReadArticle, Sentence, TimeExpression, Timeline, TimeValue, parse_published
from .nlp import load_pipeline
from .resolution import Context, Tense, resolve_phrase
from .timex import TimexType

__all__ = ["build", "iter_read", "read", "read_many", "resolve"]

# A span a rule accepted but whose value cannot be known (nothing to refer back to).
UNRESOLVED = TimeValue("DATE", "XXXX-XX-XX")


@define
class Discourse:
    """What earlier expressions of the article established: "the same day" refers to it."""

    anchor: date
    last: Optional[TimeValue] = field(default=None)

    def context(self, tense: Optional[Tense]) -> Context:
        return Context(self.anchor, tense, self.last)

    def observe(self, value: TimeValue) -> None:
        # Only calendar dates of a definite size move the discourse (not durations or "now").
        if value.is_anchored and value.type in (TimexType.DATE, TimexType.TIME):
            self.last = value


def _resolve_candidate(candidate: Candidate, discourse: Discourse) -> tuple[TimeValue, str]:
    if candidate.cataphoric:
        return UNRESOLVED, "cataphoric"
    resolution = resolve_phrase(candidate.text, discourse.context(candidate.tense))
    if resolution is None:
        return UNRESOLVED, "unresolved"
    return resolution.value, resolution.rule


def _sentence(text: str, start: int) -> Sentence:
    """A sentence without the line breaks spaCy leaves at its end."""
    stripped = text.rstrip()
    return Sentence(stripped, start, start + len(stripped))


def _check_article(article: object) -> Article:
    if not isinstance(article, Article):
        raise InvalidArticleError(
            "<argument>", f"expected a timeline.Article, got {type(article).__name__}"
        )
    return article


@frozen
class _Piece:
    """A stretch of an article's body, in article offsets: parsed by spaCy, or not at all.

    Unparsed pieces only occur when reading time expressions alone: runs of sentences without a
    time cue, whose sentences the punctuation sentencizer gave.
    """

    start: int
    end: int
    parse: bool = True
    sentences: tuple[tuple[int, int], ...] = ()


# Reading time expressions alone runs the tagger and parser (the tense of the governing verb) and
# nothing else. Measured on TempEval-3: the NER's DATE/TIME seeds add 0.2 points of relaxed F1 for
# 40 % of the parse time; the attribute ruler and lemmatizer cost another quarter, and detection
# reads the tagger's tags and lemmatizes the few verbs it needs itself (detect.lemma).
TIMES_ONLY_DISABLED = ("ner", "attribute_ruler", "lemmatizer")


def _pieces(article: Article, events: bool) -> tuple[list[tuple[int, int]], list[_Piece]]:
    segments = list(clean.find_body(article.text))
    if events:
        return segments, [_Piece(start, end) for start, end in segments]
    nlp = load_pipeline()
    pieces = []
    for offset, end in segments:
        for run in sentence_runs(article.text[offset:end], nlp):
            sentences = tuple((offset + a, offset + b) for a, b in run.sentences)
            pieces.append(_Piece(offset + run.start, offset + run.end, run.has_cue, () if run.has_cue else sentences))
    return segments, pieces


def _assemble(article: Article, segments: list[tuple[int, int]], pieces: list[_Piece], docs: Iterable, events: bool) -> ReadArticle:
    nlp = load_pipeline()
    discourse = Discourse(article.anchor)
    found_events = ArticleEvents(article.id or "", article.anchor)
    sentences: list[Sentence] = []
    expressions: list[TimeExpression] = []
    parsed = iter(docs)
    for piece in pieces:
        if not piece.parse:
            sentences.extend(_sentence(article.text[start:end], start) for start, end in piece.sentences)
            continue
        doc, offset = next(parsed), piece.start
        doc_sentences = [_sentence(s.text, offset + s.start_char) for s in doc.sents]
        sentences.extend(doc_sentences)
        in_doc: list[tuple[int, int, TimeExpression]] = []
        for candidate in detect(doc, nlp):
            value, rule = _resolve_candidate(candidate, discourse)
            discourse.observe(value)
            start, end = offset + candidate.start_char, offset + candidate.end_char
            expressions.append(
                TimeExpression(
                    text=article.text[start:end],
                    start=start,
                    end=end,
                    value=value,
                    sentence=doc_sentences[candidate.sentence_index],
                    rule=rule,
                )
            )
            in_doc.append((candidate.start_char, candidate.end_char, expressions[-1]))
        if events:
            found_events.add_segment(doc, offset, doc_sentences, in_doc)
    return ReadArticle(
        article=article,
        body=tuple(segments),
        sentences=tuple(sentences),
        time_expressions=tuple(expressions),
        events=tuple(found_events.mentions()) if events else (),
    )


def read(article: Article, *, events: bool = True) -> ReadArticle:
    """Find and resolve every time expression of one article's body, and its events.

    ``events=False`` reads time expressions alone, several times faster: only sentences with a
    time cue are parsed, without the NER (see :func:`iter_read`).
    """
    return read_many([article], events=events)[0]


def iter_read(
    articles: Iterable[Article],
    *,
    batch_size: int = 64,
    n_process: int = 1,
    events: bool = True,
) -> Iterator[ReadArticle]:
    """:func:`read` over many articles as a stream, in input order, through one ``nlp.pipe``.

    Articles are cleaned as spaCy asks for more text, so memory stays flat on long inputs;
    ``n_process`` > 1 parses in that many processes (spaCy's own multiprocessing).

    With ``events=False`` only time expressions are read: each body is first cut into sentences
    by punctuation and matched against the detector's seed patterns, and only the runs of
    sentences with a cue go through the tagger and parser (which date expressions by tense);
    the NER does not run. ``ReadArticle.events`` is then empty, and the sentences without a cue
    are the punctuation sentencizer's rather than the parser's.
    """
    nlp = load_pipeline()
    pending: deque[tuple[Article, list[tuple[int, int]], list[_Piece]]] = deque()

    def texts() -> Iterator[str]:
        for given in articles:
            article = _check_article(given)
            segments, pieces = _pieces(article, events)
            pending.append((article, segments, pieces))
            for piece in pieces:
                if piece.parse:
                    yield article.text[piece.start : piece.end]

    def to_parse(pieces: list[_Piece]) -> int:
        return sum(piece.parse for piece in pieces)

    def finished_unparsed() -> Iterator[ReadArticle]:
        # Articles with nothing to parse (empty, or no time cue) get no docs: they are done
        # as soon as they come up.
        while pending and not to_parse(pending[0][2]):
            article, segments, pieces = pending.popleft()
            yield _assemble(article, segments, pieces, [], events)

    disabled = [] if events else list(TIMES_ONLY_DISABLED)
    collected: list = []
    for doc in nlp.pipe(texts(), batch_size=batch_size, n_process=n_process, disable=disabled):
        yield from finished_unparsed()
        collected.append(doc)
        article, segments, pieces = pending[0]
        if len(collected) == to_parse(pieces):
            pending.popleft()
            yield _assemble(article, segments, pieces, collected, events)
            collected = []
    yield from finished_unparsed()


def read_many(
    articles: Iterable[Article],
    *,
    batch_size: int = 64,
    n_process: int = 1,
    progress: Optional[Callable[[ReadArticle], None]] = None,
    events: bool = True,
) -> list[ReadArticle]:
    """:func:`read` over many articles; results in input order (see :func:`iter_read`).

    ``progress`` is called with each article as it is read (the CLI draws its progress bar so).
    """
    results = []
    for result in iter_read(articles, batch_size=batch_size, n_process=n_process, events=events):
        if progress is not None:
            progress(result)
        results.append(result)
    return results


def build(
    articles: Iterable[Article],
    *,
    batch_size: int = 64,
    n_process: int = 1,
    progress: Optional[Callable[[ReadArticle], None]] = None,
) -> Timeline:
    """One ordered timeline from several articles: each real-world event once, with its sources.

    The result does not depend on the order of ``articles``; an article given twice counts once.
    """
    reads = read_many(articles, batch_size=batch_size, n_process=n_process, progress=progress)
    return assemble(
        (ArticleInfo.of(r.article) for r in reads),
        (mention for r in reads for mention in r.events),
    )


# Prepositions a caller may leave in front of a phrase ("in July"); TimeML extents exclude them.
_LEADING_PREPOSITIONS = ("in ", "on ", "at ", "during ", "since ", "by ", "until ", "from ", "for ", "over ", "before ", "after ")


def resolve(
    phrase: str,
    published: DateLike,
    *,
    tense: Union[Tense, str, None] = None,
) -> TimeValue:
    """The TIMEX3 value of a bare phrase, anchored to ``published``.

    ``tense`` ("past", "present", "future") stands in for the verb a phrase in a sentence has:
    ``resolve("Monday", "2018-08-03", tense="future")`` is 2018-08-06.

    Raises :class:`InvalidExpressionError` for a phrase no rule knows.
    """
    if not isinstance(phrase, str) or not phrase.strip():
        raise InvalidExpressionError(f"expected a non-empty phrase, got {phrase!r}")
    anchor = parse_published(published, "<resolve>")
    anchor_day = anchor.date() if isinstance(anchor, datetime) else anchor
    tense_value = None if tense is None else Tense(tense)
    context = Context(anchor_day, tense_value)
    text = phrase.strip()
    lowered = text.lower()
    for prefix in ("",) + _LEADING_PREPOSITIONS:
        if lowered.startswith(prefix):
            resolution = resolve_phrase(text[len(prefix):], context)
            if resolution is not None:
                return resolution.value
    raise InvalidExpressionError(f"no rule resolves {phrase!r}")


