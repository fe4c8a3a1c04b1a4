"""The reading pipeline: clean -> detect -> resolve, and the public functions built on it."""

from __future__ import annotations

from collections import deque
from datetime import date, datetime
from typing import Callable, Iterable, Iterator, Optional, Union

from attrs import define, field

from . import clean
from .detect import Candidate, detect
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


def _segments(article: Article) -> list[tuple[int, int]]:
    return list(clean.find_body(article.text))


def _assemble(article: Article, segments: list[tuple[int, int]], docs: Iterable) -> ReadArticle:
    nlp = load_pipeline()
    discourse = Discourse(article.anchor)
    events = ArticleEvents(article.id or "", article.anchor)
    sentences: list[Sentence] = []
    expressions: list[TimeExpression] = []
    for (offset, _), doc in zip(segments, docs):
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
        events.add_segment(doc, offset, doc_sentences, in_doc)
    return ReadArticle(
        article=article,
        body=tuple(segments),
        sentences=tuple(sentences),
        time_expressions=tuple(expressions),
        events=tuple(events.mentions()),
    )


def read(article: Article) -> ReadArticle:
    """Find and resolve every time expression of one article's body."""
    return read_many([article])[0]


def iter_read(
    articles: Iterable[Article],
    *,
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[ReadArticle]:
    """:func:`read` over many articles as a stream, in input order, through one ``nlp.pipe``.

    Articles are cleaned as spaCy asks for more text, so memory stays flat on long inputs;
    ``n_process`` > 1 parses in that many processes (spaCy's own multiprocessing).
    """
    nlp = load_pipeline()
    pending: deque[tuple[Article, list[tuple[int, int]]]] = deque()

    def texts() -> Iterator[str]:
        for given in articles:
            article = _check_article(given)
            segments = _segments(article)
            pending.append((article, segments))
            for start, end in segments:
                yield article.text[start:end]

    def finished_empty() -> Iterator[ReadArticle]:
        # Articles with no body (empty text) get no docs: they are done as soon as they come up.
        while pending and not pending[0][1]:
            article, _ = pending.popleft()
            yield _assemble(article, [], [])

    collected: list = []
    for doc in nlp.pipe(texts(), batch_size=batch_size, n_process=n_process):
        yield from finished_empty()
        collected.append(doc)
        article, segments = pending[0]
        if len(collected) == len(segments):
            pending.popleft()
            yield _assemble(article, segments, collected)
            collected = []
    yield from finished_empty()


def read_many(
    articles: Iterable[Article],
    *,
    batch_size: int = 64,
    n_process: int = 1,
    progress: Optional[Callable[[ReadArticle], None]] = None,
) -> list[ReadArticle]:
    """:func:`read` over many articles; results in input order (see :func:`iter_read`).

    ``progress`` is called with each article as it is read (the CLI draws its progress bar so).
    """
    results = []
    for result in iter_read(articles, batch_size=batch_size, n_process=n_process):
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


