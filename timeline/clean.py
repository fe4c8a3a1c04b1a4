"""Find the article body in scraped text, so that page boilerplate never reaches the timeline.

Scraped pages carry navigation, embed codes, photo captions, promo links and sidebars of
unrelated headlines around the article; their dates would otherwise become timeline events.
``find_body`` judges the text line by line and returns the character ranges of the kept lines,
grouped into blocks. It never changes the text: the ranges index the original string.

A line is dropped when one of ``_LINE_RULES`` matches it, when it is printed twice (captions),
or when it comes after a sidebar heading in the last two thirds of the page. The stage is
conservative: the rules match whole lines that are known page furniture, a line starting in
lowercase is judged together with the line it continues (hard-wrapped newswire), and a text of
one line is kept whole, so clean article text comes through untouched.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

from .rules import MONTH_NAMES

__all__ = ["find_body", "is_headline"]

# Line ends as they occur in scraped text; str.splitlines would also split on \v, \x1c, \u2028...
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Decoration around UI labels ("☰ Menu", "Share:", "» More Stories") that is not part of the label.
# Sentence punctuation is kept, so a wrapped paragraph ending in "search." is never a label.
_DECORATION = re.compile(r"[^\w.!?'\"“”‘’()\[\]]+")


def _strip_decoration(line: str) -> str:
    """The line without decoration at its ends.

    Matched from each end (the end through the reversed line): a search for a run of decoration
    that must end the line tries every run in it, in time quadratic in a long one.
    """
    head = _DECORATION.match(line)
    start = head.end() if head else 0
    tail = _DECORATION.match(line[::-1])
    end = len(line) - tail.end() if tail else len(line)
    return line[start:end] if start < end else ""


# Navigation and UI labels: a whole line equal to one of these (case-insensitively) is page chrome.
_UI_LABELS = frozenset(
    {
        "skip to content", "skip to main content", "skip to navigation", "skip to main navigation",
        "skip to footer", "toggle navigation", "main navigation", "navigation", "main menu",
        "menu", "open menu", "close menu", "close", "home", "search", "search for",
        "subscribe", "subscribe now", "subscribe today", "sign in", "sign up", "sign out",
        "log in", "login", "log out", "logout", "register", "my account", "account",
        "share", "share this", "share this article", "share this story", "share on facebook",
        "share on twitter", "tweet", "facebook", "twitter", "linkedin", "whatsapp", "reddit",
        "pinterest", "email", "e-mail", "copy link", "print", "print this article",
        "comments", "comment", "leave a comment", "view comments", "show comments",
        "follow us", "newsletter", "newsletters", "advertisement", "ad", "sponsored",
        "story continues below advertisement", "advertisement - scroll to continue",
        "scroll to continue with content", "continue reading", "read more", "show more",
        "load more", "back to top", "next", "previous", "next article", "previous article",
        "accept", "accept cookies", "accept all cookies", "cookie settings", "manage cookies",
    }
)

# WordPress-style shortcodes ([jwp-video n=”1″], [caption id=...], [/embed]): lowercase name,
# attributes only as key=value, so bracketed prose like "[Editor's note: ...]" does not match.
_SHORTCODE = r"\[/?[a-z][\w-]*(?:\s+[^\[\]=]*=[^\[\]]*)?/?\]"

# Lines that are only embed code: shortcodes (optionally wrapping a URL), template tags,
# HTML tags, an opened iframe/script/embed, or a bare URL (oEmbed lines).
_EMBED = re.compile(
    rf"(?:{_SHORTCODE}\s*)+"
    rf"|{_SHORTCODE}\s*https?://\S+?\s*{_SHORTCODE}"
    r"|\{\{.*\}\}|\{%.*%\}"
    r"|(?:<[^<>]+>\s*)+"
    r"|<(?:iframe|script|embed|object|video|audio|style|noscript)\b.*"
    r"|https?://\S+",
    re.IGNORECASE,
)

# Promo and teaser lines point to other content; only their start identifies them.
_PROMO = re.compile(
    r"(?:watch|listen|read|read more|read also|also read|related|see also|more)\s*:"
    r"|click here\b|sign up (?:for|to)\b|subscribe to\b|follow us on\b"
    r"|download (?:our|the \S+) app\b",
    re.IGNORECASE,
)

# Newsletter and alert pitches: an imperative to get news delivered ("Get breaking news alerts
# and special reports. The news and stories that matter, delivered weekday mornings.").
_NEWSLETTER = re.compile(
    r"(?:get|receive|stay|sign up|subscribe|never miss|don't miss)\b.{0,160}\b(?:news|newsletters?|alerts|inbox|stories|headlines|updates)\b.{0,200}",
    re.IGNORECASE,
)

# Reader comments under a live page: each carries its stamp ("Posted by: rallyart2012 | April 30,
# 2010 12:27 PM | Report abuse", "January 27, 2011 at 7:59 pm | Report abuse |"), and the whole
# line is the thread, not the article; and the
# comment policy after the story, often run into its credit line ("(Reporting by ...; Editing by
# ...) We welcome comments that advance the story ...").
_COMMENT_THREAD = re.compile(r"\|\s*report abuse\b|\bwe welcome comments (?:that advance the story|on our articles)\b", re.IGNORECASE)
# A reader's comment stamped with its time and its writer ("At 10:14 am on 28 May 2010, pzero
# wrote: ...", "At 23:53 30th Apr 2009, barrach wrote: ..."), at the start of its line or after the
# end of the comment before it. Comments come after the article, and a comment's later
# paragraphs carry no stamp: from the first stamped comment on, the page is the thread.
_COMMENT_STAMP = re.compile(
    r"\bAt \d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: on)? (?:\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+\.?,? \d{4}|[A-Z][a-z]+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}),"
    r" [^:]{1,60}? wrote:"
    # ... or with its date and time before a bar, where a line or sentence ends ("... I sincerely
    # hope not !!! January 27, 2011 at 7:59 pm | Report abuse | I don't believe ...", and later
    # comments "January 31, 2011 at 6:26 pm | The US should assist Egypt ...")
    r"|(?:^|(?<=[.!?\"”] ))" + MONTH_NAMES + r" \d{1,2}, \d{4} at \d{1,2}:\d{2} ?[ap]m \|"
)

# Cookie banners and consent notices.
_COOKIE_NOTICE = re.compile(
    r"(?:we|this (?:web)?site|our (?:web)?site)(?: uses?| may use) cookies\b"
    r"|by (?:continuing to use|using) (?:this|our) (?:web)?site\b",
    re.IGNORECASE,
)

# Copyright and wire-licence footers ("© 2018 ...", "Copyright 2018 ...", "All rights reserved.").
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*\d{4}).*"
    r"|.{0,120}\ball rights reserved\.?"
    r"|this material may not be published, broadcast, rewritten,? or redistributed\.?",
    re.IGNORECASE,
)

# Notices of the page's age or freshness, relative to when it was scraped, not to the article:
# "This was published 4 years ago", "This article is more than 5 years old", "Updated 3 hours ago".
_PAGE_AGE_NOTICE = re.compile(
    r"this (?:article|story|page|content|post|item)?\s*(?:was|is) (?:published|posted|written|more than|over|from) .{0,40}\b(?:ago|old)\.?"
    r"|(?:published|updated|posted|last updated):? (?:about |over |more than )?(?:\d+|an?|one) \w+ ago\.?",
    re.IGNORECASE,
)

# Photo captions end in a credit like "(AP Photo/Evan Vucci)" or "(Bill Clark/CQ Roll Call file
# photo)"; captions are never body. ("Photo: ..." at the start is not enough: tweets begin so.)
_PHOTO_WORD = re.compile(r"\b(?:photos?|photograph|getty images|shutterstock)\b", re.IGNORECASE)


def _ends_in_photo_credit(line: str) -> bool:
    """The line ends in a parenthesis (the last one, nothing nested) that names a photo.

    Found with string methods: a regular expression for it backtracks over every photo word in a
    long unclosed parenthesis, in time quadratic in the line.
    """
    opening = line.rfind("(")
    if opening < 0 or not line.endswith(")") or ")" in line[opening + 1 : -1]:
        return False
    return _PHOTO_WORD.search(line, opening + 1, len(line) - 1) is not None


# Headings of "more content" sidebars and related-link lists, matched on the whole line. Past the
# first third of a page, everything from such a heading on is other stories' headlines and dates.
_SIDEBAR_HEADING = re.compile(
    r"(?:recent|related|more|latest|top|popular|trending) (?:stories|articles|posts|news|videos)"
    r"|related|trending(?: now)?|popular now|most (?:popular|read|viewed|shared|commented)"
    r"|recommended(?: for you| stories| articles)?|read next|read this next|up next"
    r"|you (?:may|might) (?:also )?like|editor[’']?s[’']? picks|(?:from )?around the web"
    r"|sponsored (?:stories|content)|further reading|more on this story",
    re.IGNORECASE,
)

# Sidebars named after a source ("More from Roll Call", "Also on NBC News"): a short capitalised
# name. "Also on Tuesday" or "Also on May 5" heads a part of the article instead.
_SOURCE_SIDEBAR_HEADING = re.compile(
    r"(?i:more from|also on) "
    r"(?!(?i:[a-z]*day|tonight|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b)"
    r"[A-Z][\w’'&.-]*(?: [A-Z0-9&][\w’'&.-]*){0,4}"
)

# A line printed at least twice with at least this many words is a caption or repeated teaser.
_MIN_DUPLICATE_WORDS = 5


def _label(line: str) -> str:
    """The line as a UI label: decoration around it removed, case folded."""
    return _strip_decoration(line).casefold()


def _is_sidebar_heading(line: str) -> bool:
    label = _strip_decoration(line)
    return bool(_SIDEBAR_HEADING.fullmatch(label) or _SOURCE_SIDEBAR_HEADING.fullmatch(label))


# Per-line rules, each a (name, predicate) over the line with its whitespace collapsed.
_LINE_RULES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("ui label", lambda line: _label(line) in _UI_LABELS),
    ("embed code", lambda line: bool(_EMBED.fullmatch(line))),
    ("promo", lambda line: bool(_PROMO.match(line))),
    ("cookie notice", lambda line: bool(_COOKIE_NOTICE.match(line))),
    ("comment thread", lambda line: bool(_COMMENT_THREAD.search(line) or _COMMENT_STAMP.search(line))),
    ("newsletter pitch", lambda line: bool(_NEWSLETTER.fullmatch(line)) and len(line.split()) <= 40),
    ("copyright", lambda line: bool(_COPYRIGHT.fullmatch(line))),
    ("page age notice", lambda line: bool(_PAGE_AGE_NOTICE.fullmatch(line))),
    ("photo credit", _ends_in_photo_credit),
    ("sidebar heading", _is_sidebar_heading),
)


class _Unit(NamedTuple):
    """One logical line: a physical line plus the wrapped lines that continue it."""

    start: int  # offset of its first non-space character
    end: int  # offset just past its last non-space character
    text: str  # its lines joined, whitespace collapsed


def _trimmed_lines(text: str) -> list[tuple[int, int] | None]:
    """Each physical line's (start, end) trimmed of whitespace; None for a blank line."""
    bounds = []
    start = 0
    for brk in _LINE_BREAK.finditer(text):
        bounds.append((start, brk.start()))
        start = brk.end()
    bounds.append((start, len(text)))
    lines: list[tuple[int, int] | None] = []
    for start, end in bounds:
        line = text[start:end]
        stripped = line.lstrip()
        left = start + len(line) - len(stripped)
        lines.append((left, left + len(stripped.rstrip())) if stripped else None)
    return lines


def _units(text: str) -> list[_Unit | None]:
    """Logical lines in order, None for blank lines.

    A line starting in lowercase continues the line above it (hard-wrapped text), so the two
    are judged together and a wrapped paragraph ending in a lone "search" is never a menu.
    """
    groups: list[list[tuple[int, int]] | None] = []
    for span in _trimmed_lines(text):
        if span is not None and groups and groups[-1] is not None and text[span[0]].islower():
            groups[-1].append(span)
        else:
            groups.append(None if span is None else [span])
    return [None if group is None else _unit(text, group) for group in groups]


def _unit(text: str, spans: list[tuple[int, int]]) -> _Unit:
    words = (word for start, end in spans for word in text[start:end].split())
    return _Unit(spans[0][0], spans[-1][1], " ".join(words))


def _drop_reason(line: str) -> str | None:
    """The name of the first per-line rule that marks `line` as boilerplate, if any."""
    return next((name for name, applies in _LINE_RULES if applies(line)), None)


# A page's own date line ("June 9, 2011 in Nation/World", "10 Jun 2011", "Published: Monday 3
# August 2018"): above the headline, but the article's date, not the page's header.
_DATELINE = re.compile(
    r"(?:(?:published|updated|posted|first published)(?: on)?:?\s*)?(?:[a-z]+day,?\s)?(?:\d{1,2}(?:st|nd|rd|th)?\s)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s\d{1,2}(?:st|nd|rd|th)?,?)?\s\d{4}\b",
    re.IGNORECASE,
)


def _headline_at(content: list[tuple[int, "_Unit"]], title: str | None) -> int:
    """The position in ``content`` of the first line that is the article's title, else -1."""
    wanted = " ".join(title.split()).casefold() if title else ""
    return next((order for order, (_, unit) in enumerate(content) if wanted and unit.text.casefold() == wanted), -1)


def _why_dropped(unit: _Unit, order: int, total: int, headline: int, counts: Counter[str], in_sidebar: bool) -> str | None:
    """Why the ``order``-th of ``total`` lines is not article body, or None when it is."""
    if order < headline and not unit.text.endswith(_END_OF_SENTENCE) and not _DATELINE.match(unit.text):
        return "page header"  # above the headline
    if 3 * order >= total and _is_sidebar_heading(unit.text):
        return "sidebar"
    if in_sidebar and not _is_prose(unit.text):
        return "sidebar"
    if counts[unit.text.casefold()] > 1 and len(unit.text.split()) >= _MIN_DUPLICATE_WORDS:
        return "printed twice"  # a caption or a teaser, never the article
    return _drop_reason(unit.text)


#: A paragraph of prose, not a sidebar's headline or teaser: this many words, ending a sentence.
_PROSE_WORDS = 25


def _is_prose(line: str) -> bool:
    return len(line.split()) >= _PROSE_WORDS and line.endswith(_END_OF_SENTENCE)


def find_body(text: str, title: str | None = None, losses: Counter[str] | None = None) -> tuple[tuple[int, int], ...]:
    """Character ranges (start, end) of `text` that are article body, in order, non-overlapping.

    Each range is a block of consecutive kept lines, trimmed of surrounding whitespace; a blank
    or dropped line ends a block. With the article's ``title``, a line above the first line
    that is the title and does not end like a sentence is the page's header (navigation strips,
    teasers of other stories, topic tags) and is dropped. A sidebar ("Recent Stories") past the
    first third of the text is dropped up to the next paragraph of prose: a file of several
    pages keeps each page's article, not only the first. From the first reader's comment
    stamped with its writer on ("At 10:14 am on 28 May 2010, pzero wrote:"), the rest is the
    comment thread. Given ``losses``, the characters of
    every dropped line are counted in it under the reason it was dropped for.
    """
    units = _units(text)
    content = [(index, unit) for index, unit in enumerate(units) if unit is not None]
    if len(content) == 1:
        # One line has no page around it to be told apart from: it is the text (a tweet, a title).
        return ((content[0][1].start, content[0][1].end),)
    counts = Counter(unit.text.casefold() for _, unit in content)
    headline = _headline_at(content, title)

    kept = [False] * len(units)
    in_sidebar = in_thread = False
    for order, (index, unit) in enumerate(content):
        reason = "comment thread" if in_thread else _why_dropped(unit, order, len(content), headline, counts, in_sidebar)
        # a stamped line is always dropped (its line rule), so only dropped lines need the search
        in_thread = in_thread or (reason is not None and bool(_COMMENT_STAMP.search(unit.text)))
        if reason == "sidebar":
            in_sidebar = True  # a sidebar past the first third: what follows is not the article ...
        elif in_sidebar and reason is None:
            in_sidebar = False  # ... until prose resumes: the next article of a file of several
        kept[index] = reason is None
        if reason is not None and losses is not None:
            losses[reason] += len(unit.text)

    blocks: list[tuple[int, int]] = []
    block: tuple[int, int] | None = None
    for line, keep in zip(units, kept, strict=True):
        if line is not None and keep:
            block = (line.start if block is None else block[0], line.end)
        elif block is not None:
            blocks.append(block)
            block = None
    if block is not None:
        blocks.append(block)
    return tuple(blocks)


# Words a headline in title case leaves in lower case ("Paul Invites Top Russians to U.S. as
# They Claim ...").
_TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "for", "as", "by",
     "with", "from", "into", "over", "up", "via", "vs", "per", "than", "off", "out"}
)  # fmt: skip
_END_OF_SENTENCE = tuple(".!?:;\"'”’)…")


def is_headline(text: str) -> bool:
    """A headline or heading: one line of three words or more, in title case (every word but the
    small ones capitalised), not ending like a sentence. "Sen. Rand Paul Invites Top Russians to
    U.S. as They Claim No Election Interference" is one; "Paul invited top Russians." is not.
    Its time expressions are read, its events are not (what it announces, the article tells)."""
    line = " ".join(text.split())
    if not line or "\n" in text.strip() or line.endswith(_END_OF_SENTENCE):
        return False
    words = [w.strip("‘“\"'(,") for w in line.split(" ")]
    words = [w for w in words if w and w[0].isalpha()]
    content = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    if len(words) < 3 or len(content) < 3:
        return False
    return all(w[0].isupper() for w in content)
