"""The reading pipeline: clean -> detect -> resolve, and the public functions built on it."""

from __future__ import annotations

import re
import warnings
from collections import Counter, deque
from datetime import date, datetime, timedelta
from typing import Callable, Iterable, Iterator, Literal, Optional, Union

import attrs
from attrs import define, field, frozen

from . import clean
from .dating import PROBE_ANCHORS, Clue, infer_published, mask
from .detect import Candidate, detect, sentence_runs
from .errors import InvalidArgumentError, InvalidArticleError, InvalidExpressionError, MostlyDroppedWarning, NotEnglishWarning, ReadError, TimelineError
from .events import ArticleEvents
from .events.speech import QuotedSpeech
from .language import reads_as_english
from .merge import assemble
from .model import Article, ArticleInfo, DateLike, ReadArticle, Sentence, TimeExpression, Timeline, TimeValue, parse_published, unpaired_surrogate
from .nlp import batches, load_pipeline
from .processes import parse_in_processes
from .resolution import Context, Tense, publication_offset, resolve_phrase
from .stamps import day_at, in_stamp, update_days
from .timex import Granularity, TimexType

__all__ = ["build", "iter_read", "read", "read_many", "resolve"]

# A span a rule accepted but whose value cannot be known (nothing to refer back to).
UNRESOLVED = TimeValue("DATE", "XXXX-XX-XX")


@define
class Discourse:
    """What earlier expressions of the article established: "the same day" refers to it."""

    anchor: date
    last: Optional[TimeValue] = field(default=None)
    #: The publication's UTC offset (a zoned datetime), which clock times carry.
    offset: Optional[timedelta] = field(default=None)
    #: The last year a sentence named, with that sentence's key.
    named_year: Optional[tuple[object, int]] = field(default=None)

    def context(self, tense: Optional[Tense], sentence: object = None) -> Context:
        year = self.named_year[1] if self.named_year is not None and sentence is not None and self.named_year[0] == sentence else None
        return Context(self.anchor, tense, self.last, self.offset, year)

    def observe(self, value: TimeValue, sentence: object = None, frames: bool = False) -> None:
        # Only calendar dates of a definite size move the discourse (not durations or "now").
        if value.is_anchored and value.type in (TimexType.DATE, TimexType.TIME):
            self.last = value
            if frames and value.granularity is Granularity.YEAR and value.start is not None:
                # a year that opens its sentence sets the scene for the rest of it ("In 2011,
                # the company was founded and in October ..."); one inside a clause does not
                # ("a program approved in 1987 ... had bought shares through Sept. 29")
                self.named_year = (sentence, value.start.year)


#: Words before a year at most, for it to open its sentence ("In 2011,", "Back in 2011,").
FRAMING_WORDS = 2


def _resolve_candidate(candidate: Candidate, discourse: Discourse, sentence: object = None) -> tuple[TimeValue, str]:
    if candidate.cataphoric:
        return UNRESOLVED, "cataphoric"
    resolution = resolve_phrase(candidate.resolved, discourse.context(candidate.tense, sentence))
    if resolution is None:
        return UNRESOLVED, "unresolved"
    return resolution.value, resolution.rule


def _count_from_the_saying(
    speech: QuotedSpeech,
    doc,
    candidates: list[Candidate],
    relative: list[bool],
    in_doc: list[tuple[int, int, TimeExpression]],
    expressions: list[TimeExpression],
    discourse: Discourse,
) -> None:
    """Relative dates in a quote the text dates to another day count from that day ("“Today, I
    have told my staff ...,” she said" of a post of Wednesday): see :mod:`timeline.events.speech`."""
    said = speech.days(doc, [(start, end, expression.value) for start, end, expression in in_doc])
    for k, day in said.items():
        if not relative[k] or day == discourse.anchor:
            continue
        start, end, expression = in_doc[k]
        value, rule = _resolve_candidate(candidates[k], Discourse(day, offset=discourse.offset))
        if value == expression.value:
            continue
        updated = attrs.evolve(expression, value=value, rule=rule)
        in_doc[k] = (start, end, updated)
        expressions[expressions.index(expression)] = updated


def _sentence(text: str, start: int) -> Sentence:
    """A sentence without the whitespace spaCy leaves around it (line breaks, a lone "\\r")."""
    stripped = text.lstrip()
    start += len(text) - len(stripped)
    stripped = stripped.rstrip()
    return Sentence(stripped, start, start + len(stripped))


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
# nothing else. Measured on TempEval-3: the NER's DATE/TIME seeds add 0.1 points of relaxed F1 for
# 40 % of the parse time; the attribute ruler and lemmatizer cost another quarter, and detection
# reads the tagger's tags and lemmatizes the few verbs it needs itself (detect.lemma).
TIMES_ONLY_DISABLED = ("ner", "attribute_ruler", "lemmatizer")


# The longest stretch of text given to spaCy as one Doc. A longer body segment (a page without
# line breaks) is parsed in parts: spaCy refuses texts over ``nlp.max_length`` (1,000,000
# characters), and the parser's memory grows with the text of a batch of Docs: pieces of 100,000
# characters took 3.1 GB for 1 MB of prose on one line (a flattened scrape), pieces of 2,000 take
# 0.5 GB with the same expressions and events (a piece ends where a line or a sentence does;
# benchmarks/adversarial.py). Segments of ordinary length are not cut (WHOLE_SEGMENT_CHARS).
MAX_PARSE_CHARS = 2_000
#: A body segment up to this long (a paragraph, an article without blank lines) is parsed whole,
#: as it always was; only a longer one (a page flattened onto a few lines) is cut.
WHOLE_SEGMENT_CHARS = 10_000
# Where a long segment is cut, best first: after a line break, a sentence, a space.
_CUTS = ("\n", ". ", "? ", "! ", " ")
# A run of 1,000 characters without whitespace is no prose (a row of emoji, an embedded image,
# code) and holds no time expression: it is left out of the parse, because spaCy's tokenizer
# takes time quadratic in some such runs (4,000 emoji or apostrophes: 2 s; 100,000: hours).
_LONG_WORD = re.compile(r"(?<!\S)\S{1000,}|[^\w\s]{20,}")
# ... and so is a run of 20 punctuation marks or symbols ("!!!!...", "$$$$...", "=====", "....."):
# spaCy makes each a token of one endless sentence, whose parse took 17 GB and 280 s per MB
# (benchmarks/adversarial.py); it holds no time expression and no event.


def _parts(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` without its runs of 1,000 characters or more without whitespace, cut
    into consecutive parts of at most ``limit`` characters (see :func:`_cut`)."""
    for word in _LONG_WORD.finditer(text, start, end):
        yield from _cut(text, start, word.start(), limit)
        start = word.end()
    yield from _cut(text, start, end, limit)


def _cut(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` cut into consecutive parts of at most ``limit`` characters, each
    trimmed of whitespace and not empty; cut where a line or sentence ends if there is one."""
    while start < end:
        while start < end and text[start].isspace():
            start += 1
        stop = end
        if end - start > limit:
            window = text[start : start + limit]
            stop = start + limit  # no place to cut in the second half: anywhere
            for cut in _CUTS:
                found = window.rfind(cut, limit // 2)
                if found >= 0:
                    stop = start + found + len(cut)
                    break
        last = stop
        while last > start and text[last - 1].isspace():
            last -= 1
        if last > start:
            yield start, last
        start = stop


#: Say so when less than this share of an article's text is kept as body, and at least
#: MOSTLY_DROPPED_CHARS characters are dropped (scraped news pages keep 89 % or more: news-dev).
MOSTLY_DROPPED_SHARE = 0.5
MOSTLY_DROPPED_CHARS = 1_000


def _pieces(article: Article, events: bool) -> tuple[list[tuple[int, int]], list[_Piece]]:
    losses: Counter[str] = Counter()
    segments = list(clean.find_body(article.text, article.title, losses))
    dropped = sum(losses.values())
    kept = sum(end - start for start, end in segments)
    if dropped >= MOSTLY_DROPPED_CHARS and kept < MOSTLY_DROPPED_SHARE * (kept + dropped):
        warnings.warn(MostlyDroppedWarning(article._label_for_errors(), kept, kept + dropped, dict(losses)), stacklevel=5)
    nlp = load_pipeline()
    limit, whole = min(MAX_PARSE_CHARS, nlp.max_length), min(WHOLE_SEGMENT_CHARS, nlp.max_length)
    parts = [part for start, end in segments for part in _parts(article.text, start, end, whole if end - start <= whole else limit)]
    if events:
        return segments, [_Piece(start, end) for start, end in parts]
    pieces = []
    for offset, end in parts:
        for run in sentence_runs(article.text[offset:end], nlp):
            sentences = tuple((offset + a, offset + b) for a, b in run.sentences)
            pieces.append(_Piece(offset + run.start, offset + run.end, run.has_cue, () if run.has_cue else sentences))
    return segments, pieces


def _assemble(article: Article, segments: list[tuple[int, int]], pieces: list[_Piece], docs: Iterable, events: bool) -> ReadArticle:
    nlp = load_pipeline()
    english, share, words = reads_as_english(article.text)
    if not english:  # read anyway (a few names and numbers may still be found), but say so
        warnings.warn(NotEnglishWarning(article._label_for_errors(), share, words), stacklevel=4)
    parsed = iter(docs)
    # Detection first, for the whole article: a missing publication date is inferred from all
    # of its expressions before any is resolved.
    detected = []
    for piece in pieces:
        doc = next(parsed) if piece.parse else None
        detected.append((piece, doc, detect(doc, nlp) if doc is not None else []))
    inferred = None
    if article.published is None:
        inferred = infer_published(Clue(c.resolved, c.tense) for _, _, found in detected for c in found if not c.cataphoric)
    anchor = article.anchor if article.anchor is not None else (inferred.day if inferred is not None else None)
    anchored_to = "published" if article.published is not None else "inferred"
    # Each expression is also resolved against probe anchors: where they disagree, the value
    # depends on the publication date (and, with none known, those digits are unknown).
    discourse = Discourse(anchor, offset=publication_offset(article.published)) if anchor is not None else None
    # a live page's updates were written on the days their stamps say, not all on the page's date
    updates = update_days(article.text, anchor) if anchor is not None and article.published is not None else ()
    probes = [Discourse(probe) for probe in PROBE_ANCHORS]
    found_events = ArticleEvents(article.id or "", anchor if article.published is not None else None, updates=updates)
    sentences: list[Sentence] = []
    expressions: list[TimeExpression] = []
    speech = QuotedSpeech()
    for piece, doc, candidates in detected:
        if doc is None:
            speech.skip()
            sentences.extend(_sentence(article.text[start:end], start) for start, end in piece.sentences)
            continue
        offset = piece.start
        doc_sentences = [_sentence(s.text, offset + s.start_char) for s in doc.sents]
        sentences.extend(s for s in doc_sentences if s.text)  # not the ones of whitespace alone
        in_doc: list[tuple[int, int, TimeExpression]] = []
        relative: list[bool] = []
        for candidate in candidates:
            sentence = (piece.start, candidate.sentence_index)
            opening = article.text[doc_sentences[candidate.sentence_index].start : offset + candidate.start_char]
            frames = len(opening.split()) <= FRAMING_WORDS
            probe_results = [_resolve_candidate(candidate, probe, sentence) for probe in probes]
            probe_values = [value for value, _ in probe_results]
            depends = any(v != probe_values[0] for v in probe_values[1:])
            relative.append(depends)
            if discourse is not None:
                if updates and anchor is not None:  # (updates are found only with an anchor)
                    discourse.anchor = day_at(updates, offset + candidate.start_char, anchor)
                value, rule = _resolve_candidate(candidate, discourse, sentence)
                discourse.observe(value, sentence, frames)
            else:
                value, rule = mask(probe_values), probe_results[0][1]
            for probe, probe_value in zip(probes, probe_values, strict=True):
                probe.observe(probe_value, sentence, frames)
            start, end = offset + candidate.start_char, offset + candidate.end_char
            expressions.append(
                TimeExpression(
                    text=article.text[start:end],
                    start=start,
                    end=end,
                    value=value,
                    sentence=doc_sentences[candidate.sentence_index],
                    rule=rule,
                    anchored_to=anchored_to if depends and discourse is not None else None,
                )
            )
            in_doc.append((candidate.start_char, candidate.end_char, expressions[-1]))
        if discourse is not None:
            _count_from_the_saying(speech, doc, candidates, relative, in_doc, expressions, discourse)
        if events:
            found_events.add_segment(doc, offset, doc_sentences, [x for x in in_doc if not in_stamp(updates, offset + x[0])])
    return ReadArticle(
        article=article,
        body=tuple(segments),
        sentences=tuple(sentences),
        time_expressions=tuple(expressions),
        events=tuple(found_events.mentions()) if events else (),
        published_inferred=inferred,
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
    ``n_process`` > 1 parses in that many processes (:mod:`timeline.processes`: they end
    with the caller however it stops, Ctrl-C and SIGTERM included).

    With ``events=False`` only time expressions are read: each body is first cut into sentences
    by punctuation and matched against the detector's seed patterns, and only the runs of
    sentences with a cue go through the tagger and parser (which date expressions by tense);
    the NER does not run. ``ReadArticle.events`` is then empty, and the sentences without a cue
    are the punctuation sentencizer's rather than the parser's.
    """
    for result in _stream(articles, batch_size, n_process, events, collect=False):
        assert isinstance(result, ReadArticle)
        yield result


@frozen
class _Stop:
    """An input that stops the stream (``errors="raise"``), in its place: the texts before it are
    parsed and handed out, then its error is raised. The texts feeding spaCy end normally, so
    the docs of the texts before it still come back in order."""

    error: Exception


@frozen
class _Failed:
    """An input that could not be read, in its place in the stream (``errors="collect"``)."""

    info: ArticleInfo


def _failed(given: object, index: int, error: TimelineError) -> _Failed:
    if isinstance(given, Article):
        return _Failed(attrs.evolve(ArticleInfo.of(given), error=str(error)))
    # A mapping keeps what can be read of it; anything else is known by its input position.
    fields = given if isinstance(given, dict) else {}
    text_fields = {k: _text_or_none(fields.get(k)) for k in ("id", "source", "url", "title")}
    return _Failed(ArticleInfo(text_fields["id"] or text_fields["url"] or f"#{index}", None, text_fields["source"], text_fields["url"], text_fields["title"], error=str(error)))


def _text_or_none(value: object) -> Optional[str]:
    """A field of a bad mapping worth keeping: a string that is Unicode text (JSON must encode it)."""
    return value if isinstance(value, str) and unpaired_surrogate(value) is None else None


def _check_positive(name: str, value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InvalidArgumentError(f"{name} must be a whole number of at least 1, not {value!r}")


def _stream(
    articles: Iterable[object], batch_size: int, n_process: int, events: bool, collect: bool
) -> Iterator[Union[ReadArticle, _Failed]]:
    """The reading stream; with ``collect``, bad inputs become :class:`_Failed` in their place."""
    _check_positive("batch_size", batch_size)
    _check_positive("n_process", n_process)
    if isinstance(articles, (str, bytes, Article)) or not hasattr(articles, "__iter__"):
        raise InvalidArgumentError(f"articles must be an iterable of timeline.Article, not {type(articles).__name__}")
    nlp = load_pipeline()
    pending: deque[Union[_Stop, _Failed, tuple[Article, list[tuple[int, int]], list[_Piece]]]] = deque()

    def texts() -> Iterator[str]:
        for index, given in enumerate(articles):
            try:
                article = given if isinstance(given, Article) else _as_article(given, index, collect)
                segments, pieces = _pieces(article, events)
            except TimelineError as error:
                if not collect:
                    pending.append(_Stop(error))
                    return  # (raised when its turn comes: see _Stop)
                pending.append(_failed(given, index, error))
                continue
            except Exception as error:  # noqa: BLE001 - a bug, or the caller's iterable failing
                pending.append(_Stop(error))
                return
            pending.append((article, segments, pieces))
            for piece in pieces:
                if piece.parse:
                    yield article.text[piece.start : piece.end]

    def to_parse(item: Union[_Stop, _Failed, tuple[Article, list[tuple[int, int]], list[_Piece]]]) -> int:
        return 0 if isinstance(item, (_Stop, _Failed)) else sum(piece.parse for piece in item[2])

    def finish(docs: list) -> Union[ReadArticle, _Failed]:
        item = pending.popleft()
        if isinstance(item, _Stop):
            pending.clear()
            raise item.error
        if isinstance(item, _Failed):
            return item
        article, segments, pieces = item
        try:
            return _assemble(article, segments, pieces, docs, events)
        except TimelineError as error:
            failure = error
        except Exception as error:  # noqa: BLE001 - a bug must still name the article it hit
            failure = ReadError(article._label_for_errors(), f"reading failed: {type(error).__name__}: {error}")
            if not collect:
                raise failure from error
        if not collect:
            raise failure
        return _Failed(attrs.evolve(ArticleInfo.of(article), error=str(failure)))

    def finished_unparsed() -> Iterator[Union[ReadArticle, _Failed]]:
        # Articles with nothing to parse (empty, no time cue, failed) get no docs: they are
        # done as soon as they come up.
        while pending and not to_parse(pending[0]):
            yield finish([])

    disabled = [] if events else list(TIMES_ONLY_DISABLED)
    collected: list = []
    docs = (
        (doc for batch in batches(texts(), batch_size) for doc in nlp.pipe(batch, batch_size=len(batch), disable=disabled))
        if n_process == 1
        else parse_in_processes(texts(), n_process=n_process, batch_size=batch_size, disabled=disabled)
    )
    for doc in docs:
        yield from finished_unparsed()
        collected.append(doc)
        if len(collected) == to_parse(pending[0]):
            yield finish(collected)
            collected = []
    yield from finished_unparsed()


def _as_article(given: object, index: int, collect: bool) -> Article:
    """Inputs other than articles: mappings of article fields when collecting, else an error."""
    if collect and isinstance(given, dict):
        return Article.from_dict(given, f"#{index}")
    expected = "a timeline.Article or a mapping of article fields" if collect else "a timeline.Article"
    raise InvalidArticleError(f"#{index}", f"expected {expected}, got {type(given).__name__}")


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
    articles: Iterable[Union[Article, dict]],
    *,
    batch_size: int = 64,
    n_process: int = 1,
    progress: Optional[Callable[[ReadArticle], None]] = None,
    errors: Literal["raise", "collect"] = "raise",
) -> Timeline:
    """One ordered timeline from several articles: each real-world event once, with its sources.

    The result does not depend on the order of ``articles``; an article given twice counts once.

    ``errors="raise"`` (the default) stops at the first input that cannot be read, with a
    :class:`TimelineError` naming it. ``errors="collect"`` reads every good input and lists each
    bad one in ``Timeline.errors`` (and in ``Timeline.articles``, so every input is accounted
    for); inputs may then also be mappings of article fields (:meth:`Article.from_dict`), as
    read from JSON, whose problems are collected the same way.
    """
    if errors not in ("raise", "collect"):
        raise InvalidArgumentError(f"errors must be 'raise' or 'collect', not {errors!r}")
    reads: list[ReadArticle] = []
    failed: list[ArticleInfo] = []
    by_id: dict[str, Article] = {}
    for result in _stream(articles, batch_size, n_process, True, collect=errors == "collect"):
        if isinstance(result, _Failed):
            failed.append(result.info)
            continue
        first = by_id.setdefault(result.article.id or "", result.article)
        if first != result.article:
            # two different articles under one id: one would take the other's place and
            # credit its reports to the wrong source
            clash = InvalidArticleError(
                result.article._label_for_errors(), f"id {result.article.id!r} is already used by a different article (source {first.source!r}, published {first.published})"
            )
            if errors != "collect":
                raise clash
            failed.append(attrs.evolve(ArticleInfo.of(result.article), id=f"{result.article.id} (clash {len(failed) + 1})", error=str(clash)))
            continue
        if progress is not None:
            progress(result)
        reads.append(result)
    return assemble(
        [ArticleInfo.of(r.article, r.published_inferred) for r in reads] + failed,
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
    if tense is not None and tense not in tuple(Tense):
        raise InvalidArgumentError(f"tense must be 'past', 'present', 'future' or None, not {tense!r}")
    tense_value = None if tense is None else Tense(tense)
    context = Context(anchor_day, tense_value, offset=publication_offset(anchor))
    text = phrase.strip()
    lowered = text.lower()
    for prefix in ("",) + _LEADING_PREPOSITIONS:
        if lowered.startswith(prefix):
            resolution = resolve_phrase(text[len(prefix):], context)
            if resolution is not None:
                return resolution.value
    raise InvalidExpressionError(f"no rule resolves {phrase!r}")


