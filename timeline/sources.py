"""Articles from files: a metadata file in the shape of ``seeds/seeds.json`` and the texts it lists."""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any, Union

from .errors import InvalidArticleError
from .html import HTML_SUFFIXES, article_from_page
from .model import Article

__all__ = ["read_meta", "articles_from_meta"]


#: What an entry of a metadata file may hold: the article's fields, and free notes for people
#: (``kind``, ``note``, and any key ending in ``_note``: ``published_note``), which are not read.
META_FIELDS = ("file", "published", "source", "url", "title")
META_NOTES = ("kind", "note", "about")
_SHAPE = '{"articles": [{"file": "a.txt", "published": "2018-08-03", "source": "...", "url": "...", "title": "..."}, ...]}'


def read_meta(path: Union[str, Path]) -> dict[str, dict[str, Any]]:
    """Per-file metadata (``source``, ``published``, ``url``, ``title``) keyed by file name.

    The file is ``{"articles": [{"file": ..., "published": ..., ...}, ...]}`` or just the list.
    An unknown key ("publshed") is an error naming it, with the key it may have meant.
    """
    if not isinstance(path, (str, Path)):
        raise InvalidArticleError(repr(path), f"a metadata file is named by a path, not {type(path).__name__}")
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        entries = data["articles"] if isinstance(data, dict) else data
        by_name = {entry["file"]: entry for entry in entries}
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as error:
        raise InvalidArticleError(str(path), f"not a metadata file, expected {_SHAPE} ({type(error).__name__}: {error})") from None
    if isinstance(data, dict):
        _check_keys(path, "the file", data, ("articles",))
    for name, entry in by_name.items():
        if not isinstance(name, str):
            raise InvalidArticleError(str(path), f"an entry's file must be a file name, not {name!r}")
        _check_keys(path, f"the entry of {name!r}", entry, META_FIELDS)
    return by_name


def _check_keys(path: Path, where: str, mapping: dict, known: tuple[str, ...]) -> None:
    for key in mapping:
        if key in known or key in META_NOTES or (isinstance(key, str) and key.endswith("_note")):
            continue
        close = difflib.get_close_matches(str(key), known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else f" (known keys: {', '.join(known)}; notes: {', '.join(META_NOTES)}, *_note)"
        raise InvalidArticleError(str(path), f"unknown key {key!r} in {where}{hint}")


def articles_from_meta(path: Union[str, Path], *, allow_outside: bool = False) -> list[Article]:
    """The articles a metadata file lists, with their texts read from the files beside it.

    Each article's ``id`` is its file name. An ``.html``/``.htm`` file is a saved web page
    (:meth:`Article.from_html`); the entry's fields override what the page says. A file outside
    the metadata file's folder ("../secret.txt", an absolute path, a link out of it) is an
    error unless ``allow_outside``: a metadata file from elsewhere cannot make it read any file.
    """
    if not isinstance(path, (str, Path)):
        raise InvalidArticleError(repr(path), f"a metadata file is named by a path, not {type(path).__name__}")
    path = Path(path)
    articles = []
    folder = path.parent.resolve()
    for name, entry in read_meta(path).items():
        if not allow_outside and not (path.parent / name).resolve().is_relative_to(folder):
            raise InvalidArticleError(name, f"{name!r} is outside the metadata file's folder {folder} (allow_outside=True reads it)")
        if Path(name).suffix.lower() in HTML_SUFFIXES:
            articles.append(_page_article(path.parent / name, name, entry))
            continue
        try:
            text = (path.parent / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InvalidArticleError(name, f"cannot read {path.parent / name} ({error})") from None
        articles.append(
            Article(
                text=text,
                published=entry.get("published"),  # validated by Article
                source=entry.get("source"),
                url=entry.get("url"),
                title=entry.get("title"),
                id=name,
            )
        )
    return articles


def _page_article(file: Path, name: str, entry: dict[str, Any]) -> Article:
    """A saved web page listed in a metadata file: the entry's fields win over the page's."""
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InvalidArticleError(name, f"cannot read {file} ({error})") from None
    try:
        return article_from_page(
            data,
            id=name,
            published=entry.get("published"),
            source=entry.get("source"),
            url=entry.get("url"),
            title=entry.get("title"),
        )
    except InvalidArticleError as error:
        raise type(error)(name, error.problem) from None
