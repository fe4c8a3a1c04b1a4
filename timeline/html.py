"""Articles from saved web pages: the body through trafilatura, the publication date through htmldate.

Both packages are the optional extra ``news-timeline[html]``; they are imported on first use, so
``import timeline`` stays light, and their absence raises :class:`MissingExtraError`. Nothing is
downloaded: the page is parsed once here and handed to both packages as a parsed tree (htmldate
would fetch a ``str`` that looks like a URL; trafilatura's ``fetch_url`` is never called).
"""

from __future__ import annotations

import json
import re
from types import ModuleType
from typing import Any, Optional, Union
from urllib.parse import urlsplit

import attrs

from .errors import InvalidArticleError, MissingExtraError
from .model import Article

__all__ = ["HTML_SUFFIXES", "article_from_html", "article_from_page"]

#: File name endings the command line and :func:`timeline.articles_from_meta` read as web pages.
HTML_SUFFIXES = (".html", ".htm")

#: How htmldate is asked for the publication date.
DATE_OPTIONS: dict[str, Any] = {
    # The date the article was first published, not the date it was last updated.
    "original_date": True,
    "outputformat": "%Y-%m-%d",
    # No extensive search: it guesses from any date anywhere in the page ("Recent Stories"
    # sidebars, comments, copyright lines). An unknown date (None, then inferred from the text)
    # is better than a wrong one, which would shift every relative expression of the article.
    "extensive_search": False,
}


def _extras() -> tuple[ModuleType, ModuleType]:
    """trafilatura and htmldate, imported on first use."""
    try:
        import htmldate
        import trafilatura
    except ImportError as error:  # also a broken install (trafilatura's justext needs lxml_html_clean)
        raise MissingExtraError("html", "HTML input", "trafilatura, htmldate", str(error)) from None
    return trafilatura, htmldate


def article_from_html(html: Union[str, bytes], url: Optional[str] = None, source: Optional[str] = None) -> Article:
    """The :class:`Article` of a saved web page (see :meth:`Article.from_html`).

    ``html`` is the page as ``str`` or ``bytes``; bytes are decoded by trafilatura's own
    ``decode_file`` (UTF-8 when valid, else the encoding its charset detection guesses, else
    UTF-8 with replacement characters).
    ``url`` is kept on the article (and lets htmldate read a date in the URL); ``source`` wins
    over the site name the page gives. Raises :class:`InvalidArticleError` naming ``url`` (or
    ``<html>``) for input that is not a page with an article body.
    """
    label = repr(url) if isinstance(url, str) and url else "<html>"
    if not isinstance(html, (str, bytes)):
        raise InvalidArticleError(label, f"HTML must be a str or bytes, not {type(html).__name__}")
    for name, value in (("url", url), ("source", source)):
        if value is not None and not isinstance(value, str):
            raise InvalidArticleError(label, f"{name} must be a string or None, not {type(value).__name__}")
    if not html.strip():
        raise InvalidArticleError(label, "the page is empty")
    trafilatura, htmldate = _extras()
    try:
        tree = trafilatura.load_html(html)
        if tree is None:
            raise InvalidArticleError(label, "not an HTML page (no markup that parses as a document)")
        document = trafilatura.bare_extraction(
            tree,  # copied by trafilatura, which prunes its copy
            url=url,
            with_metadata=True,
            include_comments=False,  # readers' comments are not the article
            date_extraction_params=DATE_OPTIONS,  # trafilatura runs htmldate too: keep that run cheap
        )
        text = (document.text or "").strip() if document is not None else ""
        if not text:
            raise InvalidArticleError(label, "no article body found in the page")
        published = htmldate.find_date(tree, url=url, **DATE_OPTIONS)
        site = source if source is not None else _site_name(tree, document)
    except InvalidArticleError:
        raise
    except Exception as error:  # a crash inside trafilatura, htmldate or lxml is bad input to us
        raise InvalidArticleError(label, f"the page cannot be read ({type(error).__name__}: {error})") from error
    return Article(
        text=text,
        published=published,  # None: unknown, inferred from the text when the article is read
        source=site,
        url=url,
        title=(document.title or "").strip() or None,
    )


def _site_name(tree: Any, document: Any) -> Optional[str]:
    """The site name trafilatura found, unless it is a guess from the title; else the page's domain.

    Without site metadata trafilatura takes a part of the ``<title>`` with a dot in it (meant
    for "example.com"): the headline, when that holds "U.S." or "$1.2 billion". A part of the
    title with spaces in it is kept only when a site-name ``<meta>`` tag or the JSON-LD
    publisher gives it too.
    """
    name = (document.sitename or "").strip()
    folded = name.casefold()
    from_title = folded == (document.title or "").strip().casefold() or folded in _title_parts(tree)
    if name and (not (from_title and any(c.isspace() for c in name)) or folded in _site_metadata(tree)):
        return name
    host = urlsplit(document.url).hostname if document.url else None
    return host.removeprefix("www.") if host else None


# How trafilatura splits "Headline | Site" titles (trafilatura.metadata.HTMLTITLE_REGEX).
_TITLE_PARTS = re.compile(r"^(.+)?\s+[–•·—|⁄*⋆~‹«<›»>:-]\s+(.+)$")
_SITE_KEYS = ("site", "publisher", "application-name", "app:name", "copyright")


def _title_parts(tree: Any) -> set[str]:
    title = " ".join(" ".join(tree.xpath("//head//title//text()")).split())
    match = _TITLE_PARTS.match(title)
    return {part.strip().casefold() for part in match.groups() if part} if match else set()


def _site_metadata(tree: Any) -> set[str]:
    """Site names the page states: site-name ``<meta>`` tags and JSON-LD publishers, case-folded."""
    names = set()
    for meta in tree.xpath("//meta[@content]"):
        key = " ".join(meta.get(k, "") for k in ("property", "name", "itemprop")).lower()
        if any(word in key for word in _SITE_KEYS):
            names.add(meta.get("content").strip().casefold())
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue
        stack, publishers = [data], []
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack += item
            elif isinstance(item, dict):
                if item.get("@type") in ("Organization", "NewsMediaOrganization", "WebSite"):
                    publishers.append(item)
                publishers += [item[k] for k in ("publisher", "sourceOrganization") if isinstance(item.get(k), dict)]
                stack += [v for v in item.values() if isinstance(v, (list, dict))]
        names |= {p["name"].strip().casefold() for p in publishers if isinstance(p.get("name"), str)}
    return names


def article_from_page(
    html: Union[str, bytes],
    *,
    id: str,
    published: Any = None,
    source: Optional[str] = None,
    url: Optional[str] = None,
    title: Optional[str] = None,
) -> Article:
    """A saved page as the article ``id`` (its file name); the fields given win over the page's.

    What the command line and :func:`timeline.articles_from_meta` do with ``.html`` files: a
    META.json entry (or --published/--source) overrides the date, site name and title the page
    gives. Errors name the ``url`` or ``<html>``; callers name the file.
    """
    article = article_from_html(html, url=url, source=source)
    changes: dict[str, Any] = {"id": id}
    if published is not None:
        changes["published"] = published
    if title is not None:
        changes["title"] = title
    return attrs.evolve(article, **changes)
