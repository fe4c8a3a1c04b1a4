"""Reading and writing TimeML: gold TIMEX3 annotations in, the library's own annotations out.

:func:`read_timeml` flattens the ``<TEXT>`` element to plain text and keeps every TIMEX3 as
character offsets into it. :func:`write_timeml` writes a copy of a TimeML file whose ``<TEXT>``
carries our TIMEX3 tags instead; :func:`annotate_directory` does that for a whole folder.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence
from xml.sax.saxutils import escape, quoteattr

from attrs import frozen

from . import atomic
from .errors import TimeMLError
from .model import Article, ReadArticle, TimeExpression

__all__ = ["GoldTimex", "TimeMLDocument", "read_timeml", "write_timeml", "annotate_directory"]

PathLike = str | os.PathLike[str]

# DCT values seen in the wild: 1998-02-13, 19980213, 1998-02-13T14:26:00.
_DCT_DATE = re.compile(r"\s*(\d{4})-?(\d{2})-?(\d{2})")
_ENCODING = re.compile(rb"""^(?:\xef\xbb\xbf)?<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_TEXT_OPEN = re.compile(r"<TEXT(?:\s[^>]*)?>")
_TEXT_CLOSE = re.compile(r"</TEXT\s*>")
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# Elements after TEXT that point at events or times; the element itself plus its line's indent
# and newline, so dropping it leaves no blank line behind.
_LINK_ELEMENT = re.compile(
    r"""[ \t]*<(?P<tag>TLINK|SLINK|ALINK|MAKEINSTANCE)\b(?P<attrs>(?:[^>"']|"[^"]*"|'[^']*')*?)"""
    r"""(?:/>|>.*?</(?P=tag)\s*>)[ \t]*(?:\r?\n)?""",
    re.DOTALL,
)
_ID_ATTRIBUTES = frozenset({"tid", "eid", "eiid", "sid", "lid"})
_REFERENCE_ATTRIBUTES = frozenset(
    {
        "eventID",
        "eventInstanceID",
        "timeID",
        "signalID",
        "relatedToTime",
        "relatedToEventInstance",
        "subordinatedEventInstance",
        "anchorTimeID",
        "beginPoint",
        "endPoint",
        "valueFromFunction",
    }
)
# read_many batches the spaCy work; chunks keep a progress callback ticking on big folders.
_CHUNK = 32


@frozen
class GoldTimex:
    """A TIMEX3 of a TimeML file: ``document.text[start:end] == text``.

    Attributes are kept as the file spells them (WikiWars, for one, has TIMEX2 values).
    """

    tid: str
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: Optional[str] = None


@frozen
class TimeMLDocument:
    """A TimeML file: its creation date, its plain text and the TIMEX3s in it (DCT excluded)."""

    name: str
    path: Path
    dct: date
    text: str
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: PathLike) -> TimeMLDocument:
    """Read a TimeML file; raise :class:`TimeMLError` naming it when it cannot be used."""
    path = Path(path)
    root = _parse(path)
    text, timexes = _flatten(_single(root, "TEXT", path))
    return TimeMLDocument(name=path.stem, path=path, dct=_dct(root, path), text=text, timexes=timexes)


def write_timeml(source_path: PathLike, out_path: PathLike, expressions: Iterable[TimeExpression]) -> int:
    """Write ``source_path`` again with our TIMEX3s in ``<TEXT>``; return how many were written.

    Offsets are into ``read_timeml(source_path).text``. The part before ``<TEXT>`` is copied byte
    for byte; the other inline tags are dropped, and so are links and event instances after
    ``</TEXT>`` that point at ids which no longer exist. Of overlapping expressions only the
    first (longest at equal starts) is written: XML elements cannot cross.
    """
    source = Path(source_path)
    text = read_timeml(source).text
    raw, encoding = _raw(source)
    head, _, tail = _split_at_text(raw, source)
    head_ids = _defined_ids(head)
    kept = _non_overlapping(expressions, text, source)
    body = _tagged_text(text, kept, _fresh_tids(head_ids))
    tail = _LINK_ELEMENT.sub(lambda m: _keep_if_resolvable(m, head_ids), tail)
    atomic.write_bytes(Path(out_path), (head + body + tail).encode(encoding, errors="xmlcharrefreplace"))
    return len(kept)


def annotate_directory(
    in_dir: PathLike, out_dir: PathLike, *, progress: Optional[Callable[[str], None]] = None
) -> dict[str, int]:
    """Annotate every ``*.tml`` of ``in_dir`` with its time expressions into ``out_dir``.

    ``progress`` is called with each file's name once it is written. Returns the number of
    ``files``, of ``expressions`` written and of expressions ``skipped`` for overlapping.
    """
    source_dir, target_dir = Path(in_dir), Path(out_dir)
    if not source_dir.is_dir():
        raise TimeMLError(f"{source_dir}: not a directory of TimeML files")
    if source_dir.resolve() == target_dir.resolve():
        raise TimeMLError(f"{target_dir}: output directory is the input directory; refusing to overwrite it")
    try:  # before reading anything: a bad output folder is found at once
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise TimeMLError(f"{target_dir}: cannot write the output directory there ({error.strerror or error})") from None
    if not os.access(target_dir, os.W_OK):
        raise TimeMLError(f"{target_dir}: cannot write the output directory there (not writable)")
    sources = sorted(source_dir.glob("*.tml"))
    summary = {"files": 0, "expressions": 0, "skipped": 0}
    for start in range(0, len(sources), _CHUNK):
        documents = [read_timeml(path) for path in sources[start : start + _CHUNK]]
        articles = [Article(text=doc.text, published=doc.dct, id=doc.name) for doc in documents]
        for doc, result in zip(documents, _read_articles(articles), strict=True):
            found = result.time_expressions
            try:
                written = write_timeml(doc.path, target_dir / doc.path.name, found)
            except OSError as error:
                raise TimeMLError(f"{target_dir / doc.path.name}: cannot write ({error.strerror or error})") from None
            summary["files"] += 1
            summary["expressions"] += written
            summary["skipped"] += len(found) - written
            if progress is not None:
                progress(doc.name)
    return summary


def _read_articles(articles: Sequence[Article]) -> list[ReadArticle]:
    # Imported here: the pipeline loads spaCy, which reading TimeML does not need.
    from .pipeline import read_many

    return read_many(articles, events=False)


# --- reading -------------------------------------------------------------------------------


def _parse(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as error:
        raise TimeMLError(f"{path}: broken XML ({error})") from None
    except OSError as error:
        raise TimeMLError(f"{path}: cannot be read ({error.strerror or error})") from None
    except LookupError as error:  # an encoding the XML declaration names that Python does not know
        raise TimeMLError(f"{path}: {error}") from None
    except RecursionError:
        raise TimeMLError(f"{path}: XML nested too deeply") from None


def _local(tag: object) -> str:
    # Comments and processing instructions have a function as tag; namespaces come as {uri}name.
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _single(root: ET.Element, tag: str, path: Path) -> ET.Element:
    found = [element for element in root.iter() if _local(element.tag) == tag]
    if len(found) != 1:
        raise TimeMLError(f"{path}: expected one <{tag}> element, found {len(found)}")
    return found[0]


def _dct(root: ET.Element, path: Path) -> date:
    timex = next((e for e in _single(root, "DCT", path).iter() if _local(e.tag) == "TIMEX3"), None)
    if timex is None:
        raise TimeMLError(f"{path}: <DCT> has no <TIMEX3>")
    value = timex.get("value", "")
    match = _DCT_DATE.match(value)
    try:
        if match is None:
            raise ValueError
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise TimeMLError(f"{path}: DCT value {value!r} is not a date") from None


def _flatten(text_element: ET.Element) -> tuple[str, tuple[GoldTimex, ...]]:
    """The element's text with tags removed, and its TIMEX3s as offsets into that text."""
    parts: list[str] = []
    spans: list[tuple[ET.Element, int, int]] = []
    length = 0

    def add(piece: Optional[str]) -> None:
        nonlocal length
        if piece:
            parts.append(piece)
            length += len(piece)

    # Depth first without recursion: markup nested 100,000 deep is read, not a RecursionError.
    stack: list[tuple[ET.Element, int, Iterator[ET.Element]]] = [(text_element, 0, iter(text_element))]
    add(text_element.text)
    while stack:
        element, start, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if _local(element.tag) == "TIMEX3":
                spans.append((element, start, length))
            if stack:
                add(element.tail)  # the text after a child belongs to its parent
            continue
        child_start = length
        add(child.text)
        stack.append((child, child_start, iter(child)))
    text = "".join(parts)
    # Children finish before their parents: sort back into document order, outer first.
    spans.sort(key=lambda span: (span[1], -span[2]))
    return text, tuple(_gold_timex(element, start, end, text[start:end]) for element, start, end in spans)


def _gold_timex(element: ET.Element, start: int, end: int, text: str) -> GoldTimex:
    return GoldTimex(
        tid=element.get("tid", ""),
        start=start,
        end=end,
        text=text,
        type=element.get("type", ""),
        value=element.get("value", ""),
        mod=element.get("mod"),
    )


# --- writing -------------------------------------------------------------------------------


def _raw(path: Path) -> tuple[str, str]:
    """The file's characters and the encoding to write them back in."""
    data = path.read_bytes()
    declared = _ENCODING.match(data)
    encoding = declared[1].decode("ascii") if declared else "utf-8"
    try:
        return data.decode(encoding), encoding
    except (LookupError, UnicodeDecodeError) as error:
        raise TimeMLError(f"{path}: cannot be decoded as its declared {encoding} ({error})") from None


def _split_at_text(raw: str, path: Path) -> tuple[str, str, str]:
    """(everything up to and including ``<TEXT>``, the TEXT content, ``</TEXT>`` and the rest)."""
    opening = _TEXT_OPEN.search(raw)
    closing = _TEXT_CLOSE.search(raw, opening.end()) if opening else None
    if opening is None or closing is None:
        raise TimeMLError(f"{path}: cannot find the <TEXT> element in the file's markup")
    return raw[: opening.end()], raw[opening.end() : closing.start()], raw[closing.start() :]


def _attributes(markup: str) -> dict[str, str]:
    return {m[1]: m[2] if m[2] is not None else m[3] for m in _ATTRIBUTE.finditer(markup)}


def _defined_ids(markup: str) -> set[str]:
    """Ids (tid, eid, ...) that the elements of ``markup`` define."""
    ids: set[str] = set()
    for tag in re.finditer(r"<[A-Za-z][^>]*>", markup):
        ids.update(v for k, v in _attributes(tag[0]).items() if k in _ID_ATTRIBUTES)
    return ids


def _keep_if_resolvable(link: re.Match[str], existing: set[str]) -> str:
    references = [v for k, v in _attributes(link["attrs"]).items() if k in _REFERENCE_ATTRIBUTES]
    return link[0] if all(ref in existing for ref in references) else ""


def _fresh_tids(taken: set[str]) -> Iterator[str]:
    """t1, t2, ... skipping ids the kept header already uses (the DCT is usually t0)."""
    number = 0
    while True:
        number += 1
        if f"t{number}" not in taken:
            yield f"t{number}"


def _non_overlapping(
    expressions: Iterable[TimeExpression], text: str, path: Path
) -> list[TimeExpression]:
    kept: list[TimeExpression] = []
    for expression in sorted(expressions, key=lambda e: (e.start, -e.end)):
        if not 0 <= expression.start < expression.end <= len(text):
            raise ValueError(f"{path}: expression {expression.text!r} has offsets outside the text")
        if text[expression.start : expression.end] != expression.text:
            raise ValueError(f"{path}: expression {expression.text!r} does not match the text at its offsets")
        if not kept or expression.start >= kept[-1].end:
            kept.append(expression)
    return kept


def _tagged_text(text: str, expressions: Sequence[TimeExpression], tids: Iterator[str]) -> str:
    pieces: list[str] = []
    cursor = 0
    for expression, tid in zip(expressions, tids, strict=False):  # (tids is an endless counter)
        pieces += [
            escape(text[cursor : expression.start]),
            _timex_open_tag(tid, expression),
            escape(expression.text),
            "</TIMEX3>",
        ]
        cursor = expression.end
    pieces.append(escape(text[cursor:]))
    return "".join(pieces)


def _timex_open_tag(tid: str, expression: TimeExpression) -> str:
    value = expression.value
    attributes = [("tid", tid), ("type", str(value.type)), ("value", value.value)]
    if value.mod is not None:
        attributes.append(("mod", str(value.mod)))
    return "<TIMEX3 " + " ".join(f"{name}={quoteattr(text)}" for name, text in attributes) + ">"
