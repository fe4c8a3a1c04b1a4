"""The ``timeline`` command line."""

from __future__ import annotations

import codecs
import contextlib
import contextvars
import json
import os
import sys
import time
import warnings
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

import attrs
import click

from . import __version__, atomic
from .errors import InvalidArticleError, TimelineError, TimelineWarning
from .html import HTML_SUFFIXES, article_from_page
from .model import Article, ArticleInfo, InferredDate, ReadArticle, Status, Timeline, unpaired_surrogate
from .sources import read_meta

__all__ = ["main"]


def load_meta(path: Path) -> dict[str, dict]:
    """Per-file metadata from a JSON file shaped like ``seeds/seeds.json``, keyed by file name."""
    try:
        return read_meta(path)
    except InvalidArticleError as error:
        raise click.BadParameter(f"{path}: {error.problem}") from None


def _relabel(error: InvalidArticleError, where: str) -> InvalidArticleError:
    """The same error (same class, same problem) naming ``where`` (a file, or file:line)."""
    return type(error)(where, error.problem)


#: The largest input read, in bytes (``--max-size``, in MB): /dev/zero, an endless pipe or a
#: runaway file ends in a clear error naming it, not in memory exhausted.
MAX_INPUT_BYTES: contextvars.ContextVar[int] = contextvars.ContextVar("max_input_bytes", default=100 * 2**20)


def read_limited(path: Path) -> bytes:
    """The bytes of ``path`` (or of standard input for ``-``), refusing more than MAX_INPUT_BYTES."""
    limit = MAX_INPUT_BYTES.get()
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with path.open("rb") as stream:
                data = stream.read(limit + 1)
    except OSError as error:
        raise click.UsageError(f"{path}: cannot read ({error.strerror or error})") from None
    if len(data) > limit:
        where = "standard input" if path == STDIN else str(path)
        raise click.UsageError(f"{where}: larger than the input size limit of {limit // 2**20:,} MB (--max-size MB reads larger inputs)")
    return data


def _max_size(ctx: click.Context, param: click.Parameter, value: int) -> int:
    MAX_INPUT_BYTES.set(value * 2**20)
    return value


MAX_SIZE_OPTION = click.option(
    "--max-size", type=click.IntRange(1), default=100, show_default=True, callback=_max_size, expose_value=False, help="Largest input read, in MB (a larger one is an error naming it)."
)


def read_text(path: Path, encoding: str = "utf-8") -> str:
    """The text of a file in ``encoding`` (UTF-8 by default, a byte-order mark dropped), or a
    usage error naming the file, where its text stops being that encoding and what to do."""
    data = read_limited(path)
    codec = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex()
        where, whose = ("standard input", "its") if path == STDIN else (str(path), "the file's")
        raise click.UsageError(
            f"{where}: not {encoding} text (byte 0x{bad} at offset {error.start}); give {whose} encoding with --encoding, e.g. --encoding cp1252"
        ) from None


def _encoding(ctx: click.Context, param: click.Parameter, value: str) -> str:
    try:
        codecs.lookup(value)
    except LookupError:
        raise click.BadParameter(f"unknown encoding {value!r} (e.g. utf-8, cp1252, latin-1)") from None
    return value


def check_output(output: Optional[Path], files: tuple[Path, ...], meta: Optional[Path]) -> None:
    """Refuse, before reading anything, an ``-o`` that cannot be written (a build of thousands of
    articles should not fail at its last step) or that is one of the inputs (it would be
    replaced by the timeline)."""
    if output is None:
        return
    folder = output.parent
    if output.is_dir():
        problem = "is a directory"
    elif not folder.is_dir():
        problem = f"its folder {folder} does not exist" if not folder.exists() else f"{folder} is not a directory"
    elif not os.access(output if output.exists() else folder, os.W_OK):
        problem = "not writable" if output.exists() else f"its folder {folder} is not writable"
    else:
        problem = ""
    if problem:
        raise click.BadParameter(f"{output}: cannot write there ({problem})", param_hint="'-o' / '--output'")
    target = output.resolve()
    for path in (*files, *((meta,) if meta is not None else ())):
        if path != STDIN and path.resolve() == target:
            raise click.BadParameter(f"{output} is one of the inputs; refusing to overwrite it", param_hint="'-o' / '--output'")


def _no_text(text: str) -> bool:
    """Empty, blank or NUL characters only: an input with nothing to read."""
    return not text.replace("\x00", "").strip()


ENCODING_OPTION = click.option(
    "--encoding", default="utf-8", show_default=True, callback=_encoding, help="Encoding of text and JSON Lines files (a UTF-8 byte-order mark is dropped)."
)


def articles_from_jsonl(
    path: Path, published: Optional[str], source: Optional[str], failures: Optional[list[ArticleInfo]] = None, encoding: str = "utf-8"
) -> list[tuple[str, Article]]:
    """The articles of a JSON Lines file, one object per line, each with its ``file:line``.

    Each line holds ``text`` and may hold ``published`` (else the option's; with neither, the
    date is unknown), ``source`` (else the option's), ``url``, ``title`` and ``id`` (else like
    :class:`Article`: the URL, else a hash of the text). A key whose value is null counts as
    absent. Blank lines are skipped; other keys are ignored.
    Raises :class:`InvalidArticleError` (or :class:`InvalidDateError`) naming ``file:line``;
    given a ``failures`` list, bad lines are added to it instead and the rest are read.
    """
    # split on line feeds only: str.splitlines also splits on U+2028 and other separators a
    # JSON string may hold as they are
    lines = [line.removesuffix("\r") for line in read_text(path, encoding).split("\n")]
    located = []
    for number, line in enumerate(lines, start=1):
        where = f"{path}:{number}"
        if not line.strip():
            continue
        try:
            located.append((where, _jsonl_article(where, line, published, source)))
        except InvalidArticleError as error:
            if failures is None:
                raise
            failures.append(ArticleInfo(where, None, error=str(error)))
    return located


def _jsonl_article(where: str, line: str, published: Optional[str], source: Optional[str]) -> Article:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise InvalidArticleError(where, f"not valid JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise InvalidArticleError(where, "not valid JSON here (nested too deeply)") from None
    if not isinstance(data, dict):
        raise InvalidArticleError(where, f"expected a JSON object, got {type(data).__name__}")
    if "text" not in data:
        raise InvalidArticleError(where, 'no "text"')
    for key in ("text", "published", "source", "url", "title", "id"):
        value = data.get(key)
        if isinstance(value, str) and unpaired_surrogate(value) is not None:
            raise InvalidArticleError(where, f'"{key}" holds a lone surrogate escape (not valid Unicode text)')
    # Article checks and coerces every field (a str date included), naming what is wrong.
    # A key given as null is absent: the option's value stands in.
    given: Any = published if data.get("published") is None else data["published"]
    try:
        return Article(
            text=data["text"],
            published=given,
            source=source if data.get("source") is None else data["source"],
            url=data.get("url"),
            title=data.get("title"),
            id=data.get("id"),
        )
    except InvalidArticleError as error:
        raise _relabel(error, where) from None


def article_from_page_file(path: Path, entry: dict, published: Optional[str], source: Optional[str]) -> Article:
    """A saved web page (``.html``/``.htm``) as one article whose id is the file name.

    Body, date, title and site name come from the page (:meth:`Article.from_html`); a --meta
    entry, else --published/--source, override what the page says.
    """
    data = read_limited(path)  # trafilatura decodes (see timeline.html)
    try:
        article = article_from_page(
            data,
            id=path.name,
            published=entry.get("published", published),
            source=entry.get("source", source),
            url=entry.get("url"),
            title=entry.get("title"),
        )
    except InvalidArticleError as error:
        raise _relabel(error, str(path)) from None
    return article


def located_articles(
    files: tuple[Path, ...],
    published: Optional[str],
    source: Optional[str],
    meta: Optional[Path],
    failures: Optional[list[ArticleInfo]] = None,
    encoding: str = "utf-8",
) -> list[tuple[str, Article]]:
    """Every article of FILES with where it comes from (``file`` or ``file:line``).

    A ``.jsonl`` file holds one article per line (see :func:`articles_from_jsonl`); an ``.html``
    or ``.htm`` file is a saved web page (see :func:`article_from_page_file`); any other
    file is one article whose text is the file, whose id is the file name, and whose
    publication date and source come from --meta, else from the options (with neither, the
    date is unknown and inferred from the text where it can be). Given a ``failures`` list,
    files and lines that cannot be read are added to it instead of stopping.
    """
    by_name = load_meta(meta) if meta else {}
    unmatched = sorted(set(by_name) - {path.name for path in files if path != STDIN})
    if unmatched:  # a misspelt file name would otherwise leave its article without its date
        listed = ", ".join(repr(name) for name in unmatched)
        raise click.BadParameter(f"{meta}: lists {listed}, which no input FILE is named", param_hint="--meta")
    located: list[tuple[str, Article]] = []
    for path in files:
        try:
            if path == STDIN:
                located.append(("<stdin>", _stdin_article(published, source, encoding)))
            elif path.suffix.lower() == ".jsonl":
                located += articles_from_jsonl(path, published, source, failures, encoding)
            elif path.suffix.lower() in HTML_SUFFIXES:
                located.append((str(path), article_from_page_file(path, by_name.get(path.name, {}), published, source)))
            else:
                located.append((str(path), _text_file_article(path, by_name.get(path.name, {}), published, source, encoding)))
        except (InvalidArticleError, click.UsageError) as error:
            if failures is None:
                raise
            message = str(error) if isinstance(error, InvalidArticleError) else error.format_message()
            failures.append(ArticleInfo(path.name, None, error=message))
    return located


def _stdin_article(published: Optional[str], source: Optional[str], encoding: str) -> Article:
    """FILE "-": the text of one article on standard input, whose id is ``stdin``."""
    text = read_text(STDIN, encoding)
    try:
        return Article(text=text, published=published, source=source, id="stdin")
    except InvalidArticleError as error:
        raise _relabel(error, "<stdin>") from None


def _text_file_article(path: Path, entry: dict, published: Optional[str], source: Optional[str], encoding: str = "utf-8") -> Article:
    text = read_text(path, encoding)
    try:
        return Article(
            text=text,
            published=entry.get("published", published),
            source=entry.get("source", source),
            url=entry.get("url"),
            title=entry.get("title"),
            id=path.name,
        )
    except InvalidArticleError as error:
        raise _relabel(error, str(path)) from None


def articles_from_files(
    files: tuple[Path, ...], published: Optional[str], source: Optional[str], meta: Optional[Path], encoding: str = "utf-8"
) -> list[Article]:
    """One Article per file (one per line of a ``.jsonl`` file); dates and sources from --meta, else the options."""
    return [article for _, article in located_articles(files, published, source, meta, encoding=encoding)]


def check_unique_ids(located: list[tuple[str, Article]], failures: Optional[list[ArticleInfo]] = None) -> list[Article]:
    """The articles, refusing two different articles under one id (one would silently replace
    the other in the timeline); the same article given twice is fine and counts once. Given a
    ``failures`` list, a clashing article is added to it (under its place) and left out."""
    first: dict[str, tuple[str, Article]] = {}
    kept = []
    for where, article in located:
        seen = first.setdefault(article.id or "", (where, article))
        if seen[1] != article:
            error = InvalidArticleError(where, f"id {article.id!r} is already used by a different article ({seen[0]})")
            if failures is None:
                raise error
            failures.append(ArticleInfo(where, None, error=str(error)))
            continue
        kept.append(article)
    return kept


class _Commands(click.Group):
    """The command group: Ctrl-C ends with exit code 130 (128 + SIGINT), as shells expect of an
    interrupted program, where click would exit with 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("\ninterrupted", err=True)
            ctx.exit(130)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="timeline")
def main() -> None:
    """Turn news articles into one ordered, sourced timeline."""


#: FILES: text, .jsonl and .html files, "-" for standard input, or folders of them.
FILES_ARGUMENT = click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, readable=False, allow_dash=True, path_type=Path)
)  # (readable=False: an unreadable FILE is the reader's to report, collected under --errors collect)
#: -o: checked by check_output before anything is read (not by click, which checked less, once more).
OUTPUT_OPTION = click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of standard output.")
QUIET_OPTION = click.option("-q", "--quiet", is_flag=True, help="No spinner, progress bar or summary on standard error (warnings still).")
STDIN = Path("-")
#: A file in a folder given as FILES that is not an article: metadata, hidden files.
_NOT_ARTICLES = (".json",)


def expand_files(files: tuple[Path, ...], meta: Optional[Path] = None) -> tuple[Path, ...]:
    """FILES with each folder replaced by the files in it (and its subfolders), sorted; hidden
    files and ``.json`` metadata are not articles. A folder with no file is a usage error."""
    expanded: list[Path] = []
    for path in files:
        if path == STDIN or not path.is_dir():
            expanded.append(path)
            continue
        inside = sorted(
            p for p in path.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            and p.suffix.lower() not in _NOT_ARTICLES and (meta is None or p.resolve() != meta.resolve())
        )  # fmt: skip
        if not inside:
            raise click.BadParameter(f"{path}: a folder with no article file in it", param_hint="FILES")
        expanded += inside
    return tuple(expanded)


def _format(value: str) -> str:
    """--format in any case, "md" for markdown."""
    value = value.lower()
    return "markdown" if value == "md" else value


@contextlib.contextmanager
def _loading(enabled: bool) -> Iterator[None]:
    """A spinner on standard error while spaCy's model loads (seconds before the progress bar)."""
    if not enabled or not sys.stderr.isatty():
        yield
        return
    from rich.console import Console

    with Console(stderr=True).status("loading the English model"):
        yield


@main.command()
@FILES_ARGUMENT
@click.option("--published", help="Publication date (YYYY-MM-DD) of the file(s).")
@click.option("--source", help="Name of the source (publisher).")
@click.option("--meta", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="JSON metadata like seeds/seeds.json.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"], case_sensitive=False), default="table", show_default=True, callback=lambda c, p, v: _format(v))
@OUTPUT_OPTION
@ENCODING_OPTION
@MAX_SIZE_OPTION
@QUIET_OPTION
def timexes(
    files: tuple[Path, ...], published: Optional[str], source: Optional[str], meta: Optional[Path], fmt: str, output: Optional[Path], encoding: str, quiet: bool
) -> None:
    """List the time expressions of FILES, resolved against each one's publication date.

    Reads time expressions alone (no events), which parses only the sentences with a time cue.
    FILES are as for build: text, .jsonl and .html files, - for standard input, or folders.
    """
    from .nlp import load_pipeline
    from .pipeline import read_many

    files = expand_files(files, meta)
    check_output(output, files, meta)
    try:
        with _loading(not quiet):
            load_pipeline()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", TimelineWarning)
            read = read_many(articles_from_files(files, published, source, meta, encoding), events=False)
    except TimelineError as error:
        raise click.ClickException(str(error)) from None
    _echo_warnings(caught)
    for r in read:
        if _no_text(r.article.text):
            _warn_no_text(r.article.id or "")
        elif r.article.published is None:
            _warn_undated(r.article.id or "", r.published_inferred)
    if fmt == "json":
        payload = [
            {
                "article": r.article.id,
                "source": r.article.source,
                "published": None if r.article.published is None else r.article.published.isoformat(),
                "published_inferred": None if r.published_inferred is None else r.published_inferred.to_dict(),
                "time_expressions": [e.to_dict() for e in r.time_expressions],
            }
            for r in read
        ]
        _write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", output)
        return
    lines = []
    for r in read:
        header = f"{r.article.id}  ({r.article.source or 'unknown source'}, {_published_note(r)})"
        lines += [header, "-" * len(header)]
        for e in r.time_expressions:
            mod = f" {e.value.mod}" if e.value.mod else ""
            lines.append(f"{e.start:>6}-{e.end:<6} {e.text!r:<30} {e.value.type!s:<9} {e.value.value}{mod}")
        lines.append("")
    _write("\n".join(lines) + "\n" if lines else "", output)


def _write(text: str, output: Optional[Path]) -> None:
    """The command's result, to standard output or to ``output``.

    A file is written whole or not at all: to a temporary file beside it, then renamed over it,
    so a write that fails part-way (a full disk, a size limit, an interrupt) leaves the previous
    file as it was. Standard output that cannot be written (a closed pipe, a full device) is a
    one-line error, not a traceback."""
    if output is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            # the reader went away (``timeline build ... | head``): nothing more to say to it;
            # point stdout at /dev/null so that Python's final flush does not fail again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise click.exceptions.Exit(1) from None
        except OSError as error:
            raise click.ClickException(f"cannot write to standard output ({error.strerror or error})") from None
        return
    write_atomically(output, text)


def write_atomically(output: Path, text: str) -> None:
    """``text`` (UTF-8) in ``output``, whole or not at all (:mod:`timeline.atomic`)."""
    try:
        atomic.write_bytes(output, text.encode("utf-8"))
    except OSError as error:
        raise click.ClickException(f"{output}: cannot write ({error.strerror or error}); the file is as it was") from None


@main.command()
@FILES_ARGUMENT
@click.option("--meta", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="JSON metadata like seeds/seeds.json.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "md", "json", "html", "timelinejs", "csv", "ics"], case_sensitive=False),
    default="markdown",
    show_default=True,
    callback=lambda c, p, v: _format(v),
    help="markdown; json (the whole timeline, read back by Timeline.from_json); html (one page to look at); "
    "timelinejs (TimelineJS3 JSON); csv (a row per entry, per mention with --mentions); ics (a calendar; needs news-timeline[ics]).",
)
@OUTPUT_OPTION
@click.option("--published", help="Publication date (YYYY-MM-DD) of files (and JSON lines) that give none.")
@click.option("--source", help="Name of the source (publisher) of files (and JSON lines) that give none.")
@click.option("--batch-size", default=64, show_default=True, type=click.IntRange(1), help="Texts per spaCy batch.")
@click.option("--n-process", default=1, show_default=True, type=click.IntRange(1), help="Processes that parse in parallel.")
@QUIET_OPTION
@click.option("--all", "everything", is_flag=True, help="Markdown: every entry, not only the salient ones.")
@click.option("--dates", "key_date_count", type=click.IntRange(1), help="Only the N key dates of the story, each with its best sentences.")
@click.option("--per-date", default=1, show_default=True, type=click.IntRange(1), help="With --dates: sentences per key date.")
@click.option("--since", help="Only entries dated on or after this day, week, month or year (2018-08-06, 2018-W31, 2018-08, 2018).")
@click.option("--until", help="Only entries dated on or before this day, week, month or year.")
@click.option("--status", "statuses", multiple=True, type=click.Choice([s.value for s in Status]), help="Only entries of this status (repeat for several).")
@click.option("--min-sources", type=click.IntRange(1), help="Only entries reported by at least this many sources.")
@click.option("--about", help="Only entries someone or something takes part in (every word of it a word of one of its actors).")
@click.option("--mentions", "per_mention", is_flag=True, help="CSV: one row per mention (what each article said) instead of per entry.")
@click.option("--title", default="Timeline", show_default=True, help="HTML and TimelineJS: the page's title.")
@click.option("--group", type=click.Choice(["status", "source"]), default="status", show_default=True, help="TimelineJS: the rows of its time navigation.")
@click.option(
    "--errors",
    "on_error",
    type=click.Choice(["raise", "collect"]),
    default="raise",
    show_default=True,
    help="raise: stop at the first bad file or line. collect: build from the good ones and list the bad ones.",
)
@ENCODING_OPTION
@MAX_SIZE_OPTION
def build(
    files: tuple[Path, ...],
    meta: Optional[Path],
    fmt: str,
    output: Optional[Path],
    published: Optional[str],
    source: Optional[str],
    batch_size: int,
    n_process: int,
    quiet: bool,
    everything: bool,
    key_date_count: Optional[int],
    per_date: int,
    since: Optional[str],
    until: Optional[str],
    statuses: tuple[str, ...],
    min_sources: Optional[int],
    about: Optional[str],
    per_mention: bool,
    title: str,
    group: str,
    on_error: str,
    encoding: str,
) -> None:
    """Build one ordered, sourced timeline from the articles of FILES.

    A FILE ending in .jsonl holds one article per line (text, published, and optionally source,
    url, title, id); a FILE ending in .html or .htm is a saved web page; any other FILE is the
    text of one article; - is one article on standard input; a folder stands for the files in
    it (and its subfolders; not hidden files nor .json metadata). An article without a publication date is dated from its text where
    the text supports it (a warning says so), else its relative dates stay unknown.
    """
    from .merge import assemble
    from .pipeline import build as build_timeline

    started = time.perf_counter()
    counts = {"expressions": 0, "events": 0}
    undated: dict[str, Optional[InferredDate]] = {}
    empty: list[str] = []
    failures: Optional[list[ArticleInfo]] = [] if on_error == "collect" else None
    files = expand_files(files, meta)
    check_output(output, files, meta)

    def narrowed(timeline: Timeline) -> Timeline:
        return timeline.select(since=since, until=until, status=statuses or None, min_sources=min_sources, about=about)

    try:
        narrowed(Timeline((), ()))  # (a bad filter is found before the reading, not after)
    except TimelineError as error:
        raise click.UsageError(str(error)) from None
    if fmt == "ics":
        from .ics import load_icalendar

        try:
            load_icalendar()  # (a missing extra too)
        except TimelineError as error:
            raise click.ClickException(str(error)) from None
    try:
        from .nlp import load_pipeline

        with _loading(not quiet):
            load_pipeline()
        articles = check_unique_ids(located_articles(files, published, source, meta, failures, encoding), failures)
        with _progress(len(articles), enabled=not quiet) as advance:

            def read_one(read: ReadArticle) -> None:
                counts["expressions"] += len(read.time_expressions)
                counts["events"] += len(read.events)
                if _no_text(read.article.text):
                    empty.append(read.article.id or "")
                elif read.article.published is None:
                    undated[read.article.id or ""] = read.published_inferred
                advance()

            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", TimelineWarning)
                result = build_timeline(articles, batch_size=batch_size, n_process=n_process, progress=read_one, errors="collect" if on_error == "collect" else "raise")
    except TimelineError as error:
        raise click.ClickException(str(error)) from None
    if failures:
        result = assemble(result.articles + tuple(failures), result.mentions)
    _echo_warnings(caught)
    for article_id in sorted(empty):
        _warn_no_text(article_id)
    for article_id, inferred in sorted(undated.items()):
        _warn_undated(article_id, inferred)
    for info in result.errors:
        click.echo(f"warning: {info.id}: not read: {info.error}", err=True)
    built = len(result)
    result = narrowed(result)
    if len(result) < built:
        click.echo(f"{built - len(result)} of {built} entries left out by the filters", err=True)
    text = _rendered(result, fmt, key_date_count, per_date, everything, per_mention, title, group)
    _write(text, output)
    if not quiet:
        summary = ", ".join(
            _plural(count, word)
            for count, word in (
                (len(result.articles) - len(result.errors), "article"),
                (counts["expressions"], "time expression"),
                (counts["events"], "event"),
                (len(result), "entry"),
            )
        )
        where = f", written to {output}" if output is not None else ""
        not_read = f" ({_plural(len(result.errors), 'input')} not read)" if result.errors else ""
        not_read += f" ({_plural(len(empty), 'input')} without text)" if empty else ""
        click.echo(f"{summary}{not_read} in {time.perf_counter() - started:.1f} s{where}", err=True)


def _rendered(result: Timeline, fmt: str, key_date_count: Optional[int], per_date: int, everything: bool, per_mention: bool, title: str, group: str) -> str:
    """The timeline in ``fmt``. With ``--dates N``: the key dates and their sentences in
    Markdown and JSON; in the other formats, the entries of those key dates."""
    if key_date_count is not None:
        chosen = result.key_dates(key_date_count, per_date)
        if fmt == "markdown":
            from .render import key_dates_markdown

            return key_dates_markdown(result, chosen)
        if fmt == "json":
            return json.dumps([_key_date_dict(key) for key in chosen], indent=2, ensure_ascii=False) + "\n"
        days = {key.day for key in chosen}
        result = attrs.evolve(result, entries=tuple(e for e in result.entries if e.when is not None and e.when.start is not None and e.when.start == e.when.end and e.when.start in days))
    if fmt == "markdown":
        return result.to_markdown(everything)
    if fmt == "json":
        return result.to_json() + "\n"
    if fmt == "html":
        return result.to_html(title)
    if fmt == "timelinejs":
        return json.dumps(result.to_timelinejs(group, title), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return result.to_csv(per_mention)
    from .ics import undated_entries

    calendar = result.to_ics().decode("utf-8")  # (the extra was found before reading)
    left_out = undated_entries(result)
    if left_out:
        click.echo(f"{left_out} of {len(result)} entries have no calendar date and are not in the calendar", err=True)
    return calendar


def _published_note(read: ReadArticle) -> str:
    if read.article.published is not None:
        return f"published {read.article.published.isoformat()}"
    inferred = read.published_inferred
    if inferred is None:
        return "publication date unknown"
    days = _inferred_days(inferred)
    return f"publication date inferred: {days}, confidence {inferred.confidence:.2f}"


def _inferred_days(inferred: InferredDate) -> str:
    """"2018-08-03", or "2018-08-03 to 2018-08-05" for a range."""
    return inferred.start.isoformat() + ("" if inferred.end == inferred.start else f" to {inferred.end.isoformat()}")


def _echo_warnings(caught: list[warnings.WarningMessage]) -> None:
    """The library's warnings about the inputs (a text that is not English), one line each."""
    for message in caught:
        if isinstance(message.message, TimelineWarning):
            click.echo(f"warning: {message.message}", err=True)
        else:  # another library's: shown as Python would
            warnings.showwarning(message.message, message.category, message.filename, message.lineno)


def _warn_no_text(article_id: str) -> None:
    click.echo(f"warning: {article_id}: no text (empty, blank or NUL characters only): nothing read from it", err=True)


def _warn_undated(article_id: str, inferred: Optional[InferredDate]) -> None:
    """On standard error: an article without a date, and what its relative dates count from."""
    if inferred is None:
        click.echo(f"warning: {article_id}: no publication date, and its text supports none: relative dates left unresolved (X)", err=True)
        return
    days = _inferred_days(inferred)
    click.echo(
        f"warning: {article_id}: no publication date; inferred {days} (confidence {inferred.confidence:.2f}) "
        f"from {', '.join(repr(e) for e in inferred.evidence[:4])}; dates counted from it are marked inferred",
        err=True,
    )


def _plural(count: int, word: str) -> str:
    plural = word[:-1] + "ies" if word.endswith("y") else word + "s"
    return f"{count} {word if count == 1 else plural}"


def _key_date_dict(key) -> dict:
    return {
        "date": key.day.isoformat(),
        "score": key.score,
        "sources": list(key.sources),
        "sentences": [{"text": s.text, "sentence": s.sentence, "article": s.article, "source": s.source, "url": s.url} for s in key.sentences],
    }


@contextlib.contextmanager
def _progress(total: int, *, enabled: bool) -> Iterator[Callable[[], None]]:
    """A progress bar on standard error for long runs (only on a terminal); yields "one more done"."""
    if not enabled or total < 2 or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task("articles", total=total)
        yield lambda: bar.advance(task)


@main.command()
@click.argument("in_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@QUIET_OPTION
def timeml(in_dir: Path, out_dir: Path, quiet: bool) -> None:
    """Annotate the TimeML files of IN_DIR with timeline's TIMEX3 tags, written to OUT_DIR."""
    from .timeml import annotate_directory

    try:
        summary = annotate_directory(in_dir, out_dir)
    except TimelineError as error:
        raise click.ClickException(str(error)) from None
    if not quiet:
        click.echo(f"{summary['files']} files, {summary['expressions']} time expressions written to {out_dir}", err=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
