"""The data model: frozen attrs value objects that every pipeline stage passes along."""

from __future__ import annotations

import enum
import hashlib
import json
import re
import types
import typing
from datetime import date, datetime
from typing import Any, Iterator, Optional, Union

import attrs
from attrs import field, frozen

from .errors import InvalidArgumentError, InvalidArticleError, InvalidDateError, InvalidTimelineError, InvalidValueError, TimelineError
from .timex import Granularity, Mod, TimexType, calendar_range, granularity_of, is_valid_value

__all__ = [
    "Article",
    "ArticleInfo",
    "Entry",
    "InferredDate",
    "Mention",
    "Participant",
    "ReadArticle",
    "Sentence",
    "Status",
    "TimeExpression",
    "TimeValue",
    "Timeline",
    "parse_published",
    "unpaired_surrogate",
]

DateLike = Union[date, datetime, str]

# The ISO 8601 dates of ten characters: calendar (2018-08-06) and week (2018-W32-1) dates.
_ISO_DATE = re.compile(r"[0-9]{4}-(?:[0-9]{2}-[0-9]{2}|W[0-9]{2}-[0-9])")


def parse_published(value: Any, article: str = "<unnamed>") -> date | datetime:
    """Coerce a publication date given as ``date``, ``datetime`` or ISO 8601 string.

    Raises :class:`InvalidDateError` naming ``article`` for anything else.
    """
    if isinstance(value, datetime):
        _check_zone(value, article)
        return value
    if isinstance(value, date):  # (kept as given, a datetime too)
        return value
    if value is None:
        raise InvalidDateError(article, "no publication date given")
    if not isinstance(value, str):
        raise InvalidDateError(
            article, f"publication date must be a date, datetime or ISO string, not {type(value).__name__}"
        )
    text = value.strip()
    if not text:
        raise InvalidDateError(article, "publication date is an empty string")
    try:
        if len(text) == 10:
            if not _ISO_DATE.fullmatch(text):
                # Python 3.11's date.fromisoformat takes "20180806xx" for 2018-08-06.
                raise ValueError(text)
            return date.fromisoformat(text)
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidDateError(
            article, f"publication date {value!r} is not an ISO 8601 date (YYYY-MM-DD) or datetime"
        ) from None
    return parsed


def _check_zone(value: datetime, article: str) -> None:
    """A datetime's zone must give a valid offset: its ``tzinfo`` is the caller's code, and one
    that raises, or returns nonsense, must be this library's error, not a crash later."""
    if value.tzinfo is None:
        return
    try:
        value.utcoffset()  # (Python checks what it returns: a timedelta within a day, or None)
    except Exception as error:  # noqa: BLE001 - any failure of the caller's tzinfo
        raise InvalidDateError(article, f"the publication date's time zone ({type(value.tzinfo).__name__}) fails: {type(error).__name__}: {error}") from None


def unpaired_surrogate(text: str) -> Optional[int]:
    """The offset of the first lone surrogate in ``text`` (not Unicode text), else None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:  # e.g. from broken JSON escapes
        return error.start
    return None


def _as_given(value: Optional[DateLike]) -> Any:
    """Article.published as given: an ISO string is accepted by ``__init__`` (its annotation, for
    type checkers) and parsed after validation, where the error can name the article."""
    return value


def _optional_str(name: str):
    def check(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
        if value is not None and not isinstance(value, str):
            raise InvalidArticleError(
                instance._label_for_errors(), f"{name} must be a string or None, not {type(value).__name__}"
            )
        offset = None if value is None else unpaired_surrogate(value)
        if offset is not None:  # it would end up in the timeline's JSON, which must be UTF-8
            raise InvalidArticleError(
                instance._label_for_errors(), f"{name} is not valid Unicode (unpaired surrogate at offset {offset})"
            )

    return check


@frozen
class Article:
    """One news article: its text and the publication date relative expressions resolve against.

    ``published`` accepts a ``date``, ``datetime`` or ISO 8601 string and is stored as a ``date``
    or ``datetime``; ``None`` means unknown: the date is then inferred from the text where it
    supports one (see :mod:`timeline.dating`). ``id`` is what the caller gave, else the URL, else
    a stable hash of the text.
    """

    text: str
    #: Given as a date, datetime or ISO 8601 string; always a date or datetime once made.
    published: Optional[date | datetime] = field(default=None, eq=True, converter=_as_given)
    source: Optional[str] = field(default=None, validator=_optional_str("source"), kw_only=False)
    url: Optional[str] = field(default=None, validator=_optional_str("url"))
    title: Optional[str] = field(default=None, validator=_optional_str("title"))
    id: Optional[str] = field(default=None, validator=_optional_str("id"))

    def _label_for_errors(self) -> str:
        for candidate in (
            getattr(self, "id", None),
            getattr(self, "url", None),
            getattr(self, "title", None),
            getattr(self, "source", None),
        ):
            if isinstance(candidate, str) and candidate and unpaired_surrogate(candidate) is None:
                return repr(candidate)
        return "<unnamed>"

    def __attrs_post_init__(self) -> None:
        label = self._label_for_errors()
        if not isinstance(self.text, str):
            raise InvalidArticleError(label, f"text must be a string, not {type(self.text).__name__}")
        offset = unpaired_surrogate(self.text)
        if offset is not None:
            raise InvalidArticleError(label, f"text is not valid Unicode (unpaired surrogate at offset {offset})")
        # Frozen: the documented attrs way to normalise a field after validation.
        if self.published is not None:
            object.__setattr__(self, "published", parse_published(self.published, label))
        if self.id is None:
            object.__setattr__(self, "id", self.url or self._hash_id())

    def _hash_id(self) -> str:
        """``sha1:`` and a hash of the text, its source and its date: one wire story run by two
        papers, or on two days, is two articles (the same article given twice is one)."""
        published = "" if self.published is None else self.published.isoformat()
        key = "\x00".join((self.text, self.source or "", published))
        return "sha1:" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]

    #: The keys :meth:`from_dict` reads (the JSON Lines input of the CLI has the same ones).
    FIELDS = ("text", "published", "source", "url", "title", "id")

    @classmethod
    def from_dict(cls, data: Any, label: str = "<mapping>") -> "Article":
        """An article from a mapping with the keys of :attr:`FIELDS` (``text`` required).

        Anything else (not a mapping, no text, unknown keys, wrong types, a bad date) raises
        :class:`InvalidArticleError` naming the article by its id, url or ``label``.
        """
        if not isinstance(data, dict):
            raise InvalidArticleError(label, f"expected a mapping of article fields, got {type(data).__name__}")
        name = next((repr(data[k]) for k in ("id", "url") if isinstance(data.get(k), str) and data[k] and unpaired_surrogate(data[k]) is None), label)
        # Keys as written, unless they are not text (a lone surrogate would break the JSON).
        unknown = sorted(k if isinstance(k, str) and unpaired_surrogate(k) is None else repr(k) for k in data if k not in cls.FIELDS)
        if unknown:
            raise InvalidArticleError(name, f"unknown field(s) {', '.join(unknown)}; expected {', '.join(cls.FIELDS)}")
        if "text" not in data:
            raise InvalidArticleError(name, "no text")
        try:
            return cls(**data)
        except InvalidArticleError as error:
            if error.article != "<unnamed>":
                raise
            # Nothing in the mapping names it: the caller's label does (its position, "#3").
            raise type(error)(name, error.problem) from None

    @classmethod
    def from_html(cls, html: Union[str, bytes], url: Optional[str] = None, source: Optional[str] = None) -> "Article":
        """An article from a saved web page: body via trafilatura, publication date via htmldate.

        Title and site name come from the page's metadata (the site name is the ``source``
        unless one is given); ``published`` is None when the page gives no date. Needs the
        extra ``news-timeline[html]`` (else :class:`MissingExtraError`); a page without an article
        body raises :class:`InvalidArticleError`. See :mod:`timeline.html`.
        """
        from .html import article_from_html

        article = article_from_html(html, url=url, source=source)
        return article if cls is Article else cls(**attrs.asdict(article, recurse=False))

    @property
    def anchor(self) -> Optional[date]:
        """The publication day (a ``date``) relative expressions resolve against; None if unknown."""
        return self.published.date() if isinstance(self.published, datetime) else self.published


@frozen
class Sentence:
    """A sentence of the article body; ``start``/``end`` are offsets into ``Article.text``."""

    text: str
    start: int
    end: int


def _default_granularity(self: "TimeValue") -> Granularity:
    return granularity_of(self.value, str(self.type))


def _default_start(self: "TimeValue") -> Optional[date]:
    if self.type in (TimexType.DURATION, TimexType.SET):
        return None
    covered = calendar_range(self.value)
    return covered[0] if covered else None


def _default_end(self: "TimeValue") -> Optional[date]:
    if self.type in (TimexType.DURATION, TimexType.SET):
        return None
    covered = calendar_range(self.value)
    return covered[1] if covered else None


def _check_value(instance: "TimeValue", attribute: attrs.Attribute, value: str) -> None:
    if not isinstance(value, str) or not is_valid_value(value, str(instance.type)):
        raise InvalidValueError(f"{value!r} is not a valid TIMEX3 value for type {instance.type}")


def _timex_type(value: Any) -> TimexType:
    try:
        return TimexType(value)
    except ValueError:
        raise InvalidValueError(f"{value!r} is not a TIMEX3 type (DATE, TIME, DURATION, SET)") from None


def _value_string(value: Any) -> str:
    # Checked before the defaults (granularity, range) are computed from it; the grammar after.
    if not isinstance(value, str):
        raise InvalidValueError(f"a TIMEX3 value is a string, not {type(value).__name__}")
    return value


def _mod(value: Any) -> Optional[Mod]:
    if value is None:
        return None
    try:
        return Mod(value)
    except ValueError:
        raise InvalidValueError(f"{value!r} is not a TIMEX3 mod") from None


@frozen(order=False)
class TimeValue:
    """A resolved TIMEX3 value.

    ``granularity``, ``start`` and ``end`` default to what the value itself says (see
    :mod:`timeline.timex`): ``TimeValue("DATE", "2018-W31")`` is week-grained and covers
    2018-07-30 .. 2018-08-05.
    """

    type: TimexType = field(converter=_timex_type)
    value: str = field(converter=_value_string, validator=_check_value)
    mod: Optional[Mod] = field(default=None, converter=_mod)
    granularity: Granularity = field(
        default=attrs.Factory(_default_granularity, takes_self=True), converter=Granularity
    )
    start: Optional[date] = field(default=attrs.Factory(_default_start, takes_self=True))
    end: Optional[date] = field(default=attrs.Factory(_default_end, takes_self=True))

    @property
    def is_anchored(self) -> bool:
        """True when the value names a calendar range (not a duration, reference or X value)."""
        return self.start is not None

    def to_dict(self) -> dict[str, Any]:
        """This TimeValue as plain data (docs/json.md); :meth:`from_dict` reads it back."""
        return {
            "type": str(self.type),
            "value": self.value,
            "mod": None if self.mod is None else str(self.mod),
            "granularity": str(self.granularity),
            "start": None if self.start is None else self.start.isoformat(),
            "end": None if self.end is None else self.end.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "TimeValue":
        """The value ``to_dict`` wrote; anything else raises :class:`InvalidValueError`."""
        if not isinstance(data, dict) or "type" not in data or "value" not in data:
            raise InvalidValueError(f"a time value is a mapping with 'type' and 'value', not {data!r:.80}")
        try:
            return cls(
                type=data["type"],
                value=data["value"],
                mod=data.get("mod"),
                granularity=data.get("granularity") or granularity_of(str(data["value"]), str(data["type"])),
                start=None if data.get("start") is None else date.fromisoformat(data["start"]),
                end=None if data.get("end") is None else date.fromisoformat(data["end"]),
            )
        except (TypeError, ValueError) as error:
            if isinstance(error, TimelineError):
                raise
            raise InvalidValueError(f"time value {data!r:.80}: {error}") from None

    def __str__(self) -> str:
        return self.value if self.mod is None else f"{self.value} ({self.mod})"


@frozen
class TimeExpression:
    """A time expression found in an article: ``article.text[start:end] == text``."""

    text: str
    start: int
    end: int
    value: TimeValue
    sentence: Sentence
    #: Name of the rule that resolved it (for debugging and accuracy reports).
    rule: str = field(default="", eq=False)
    #: What the value was counted from, when it depends on the publication date: "published"
    #: (the article's own date) or "inferred" (a date inferred from its text); None when the
    #: value needs no anchor ("July 16, 2018") or none was known (its unknown digits are X).
    anchored_to: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        """This TimeExpression as plain data (docs/json.md)."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value.to_dict(),
            "anchored_to": self.anchored_to,
            "sentence": {"text": self.sentence.text, "start": self.sentence.start, "end": self.sentence.end},
        }


@frozen
class InferredDate:
    """A publication date inferred from an article's text (see :func:`infer_published`)."""

    #: The most likely days, inclusive.
    start: date
    end: date
    #: The day relative expressions were resolved against: the earliest of the most likely.
    day: date
    #: Share of the model's weight inside ``start``-``end`` (0-1).
    confidence: float = field(converter=float)
    #: The expressions, as written, that bounded or pointed to the date.
    evidence: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """This InferredDate as plain data (docs/json.md); :meth:`from_dict` reads it back."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "day": self.day.isoformat(),
            "confidence": round(self.confidence, 3),
            "evidence": list(self.evidence),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "InferredDate":
        """The InferredDate :meth:`to_dict` wrote."""
        return cls(
            date.fromisoformat(data["start"]),
            date.fromisoformat(data["end"]),
            date.fromisoformat(data["day"]),
            data["confidence"],
            tuple(data.get("evidence", ())),
        )


@frozen
class ReadArticle:
    """What :func:`timeline.read` found in one article."""

    article: Article
    #: Character ranges of ``article.text`` that are article body (boilerplate left out).
    body: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]
    time_expressions: tuple[TimeExpression, ...]
    #: The events the body reports, in text order (see :mod:`timeline.events`).
    events: tuple["Mention", ...] = ()
    #: For an article without a publication date: the date its text points to, if any.
    published_inferred: Optional[InferredDate] = None


# ---------------------------------------------------------------------------------------------
# Events and timelines


class Status(str, enum.Enum):
    """Whether an event took place, according to the text that reports it."""

    HAPPENED = "happened"
    PLANNED = "planned"  # future tense, "will", "expected to", "plans to", "is set to"
    REPORTED = "reported"  # a claim someone makes ("Paul agrees that Russia interfered")
    NEGATED = "negated"  # "did not interfere"

    def __str__(self) -> str:
        return self.value


def _sentence_to_dict(sentence: Sentence) -> dict[str, Any]:
    return {"text": sentence.text, "start": sentence.start, "end": sentence.end}


def _optional_value(data: Optional[dict[str, Any]]) -> Optional[TimeValue]:
    return None if data is None else TimeValue.from_dict(data)


@frozen
class Participant:
    """Someone or something taking part in an event, as the text names them."""

    #: "doer" (who did it), "object" (to whom or what) or "other" (where, with whom).
    role: str
    #: The name, with pronouns and descriptions resolved ("he" -> "Peter Brown"), or the noun
    #: phrase where no name is known ("the jury").
    name: str
    #: The named entity's label (PERSON, ORG, GPE, ...); None for a common noun phrase.
    label: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        """This Participant as plain data (docs/json.md); :meth:`from_dict` reads it back."""
        return {"role": self.role, "name": self.name, "label": self.label}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Participant":
        """The Participant :meth:`to_dict` wrote."""
        return cls(data["role"], data["name"], data.get("label"))


def _mention_keys(keys: Any) -> tuple[tuple[str, int, int, str], ...]:
    return tuple(tuple(key) for key in keys)


@frozen
class Mention:
    """One report of an event in one article: what a reader can check at its source.

    ``start``/``end`` are offsets of the event's clause (the summary) in ``Article.text`` of the
    article whose id is ``article``; the clauses of one sentence's mentions do not overlap.
    """

    article: str
    sentence: Sentence
    start: int
    end: int
    #: The word that names the event, as written ("met", "meetings", "unveiled").
    trigger: str
    #: The event's class: its lemma mapped through the event lexicon ("meetings" -> "meet").
    event: str
    summary: str
    status: Status = field(converter=Status)
    #: The doer, if the clause names one (subject), then other participants.
    agent: Optional[str] = None
    actors: tuple[str, ...] = ()
    #: The actors that are named entities (people, organisations, places), for merging.
    entities: tuple[str, ...] = ()
    #: Content words of the clause (lemmas), for telling similar events apart.
    keywords: tuple[str, ...] = ()
    when: Optional[TimeValue] = None
    #: The time expression as written, if the date comes from one in the text.
    time_text: Optional[str] = None
    #: "text" (a time expression dates it), "discourse" (an earlier or linked event does), or "none".
    dated_by: str = "none"
    #: The publication day of its article (ISO): what it reports as done happened by then.
    published: Optional[str] = None
    #: The ``key`` of the earlier mention this one refers back to ("the previous trip").
    refers_to: Optional[tuple[str, int, int, str]] = field(default=None, converter=attrs.converters.optional(tuple))
    #: What ``when`` was counted from if it depends on a publication date: "published" or
    #: "inferred" (a date inferred from the text: shown as such); see TimeExpression.
    anchored_to: Optional[str] = None
    #: The predicate's lemma ("deliberation", "launch", "scrub") and the roots and classes it is
    #: matched by across mentions ("deliberate"; "resignation" -> "resign").
    lemma: str = ""
    stems: tuple[str, ...] = ()
    #: Who took part, with their roles (doer first).
    participants: tuple[Participant, ...] = ()
    #: For an attribution ("the agency said in a statement on Tuesday"): the ``key`` of the mention of
    #: what it reports. It is no event of its own and belongs to that mention's entry.
    attribution_of: Optional[tuple[str, int, int, str]] = field(default=None, converter=attrs.converters.optional(tuple))
    #: Who says so, for a reported or quoted event.
    speaker: Optional[str] = None
    #: Content words of the rest of its sentence: the context two reports of one event share.
    context: tuple[str, ...] = ()
    #: Where its sentence stands in the article body (0 = the lead).
    position: int = 0
    #: The ``key`` of each mention the text says happened at the same time as this one ("on the
    #: same day that ...", "... when the jury found him guilty", "sided with Putin at a
    #: summit"): other events of that time, never this one.
    together_with: tuple[tuple[str, int, int, str], ...] = field(default=(), converter=_mention_keys)
    #: Which of several events of its kind it is, where the text numbers it ("the second ballot": 2).
    ordinal: Optional[int] = None
    #: A plan told as made in the past ("the EU decided to ban imports", "NASA agreed to move
    #: the launch"): made before the article, what it plans may be done by the time it is published.
    planned_in_past: bool = False
    #: How many its doers or what it is done to number, where the text says ("three people have
    #: died": 3, "has killed at least 49 people": 49): two counts of one predicate are two
    #: reports of a changing figure (a death toll on two days).
    count: Optional[int] = None

    @property
    def key(self) -> tuple[str, int, int, str]:
        """Identity of a mention: the same clause of the same article is the same mention."""
        return (self.article, self.start, self.end, self.event)

    def to_dict(self) -> dict[str, Any]:
        """This Mention as plain data (docs/json.md); :meth:`from_dict` reads it back."""
        return {
            "article": self.article,
            "sentence": _sentence_to_dict(self.sentence),
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger,
            "event": self.event,
            "summary": self.summary,
            "status": str(self.status),
            "agent": self.agent,
            "actors": list(self.actors),
            "entities": list(self.entities),
            "keywords": list(self.keywords),
            "when": None if self.when is None else self.when.to_dict(),
            "time_text": self.time_text,
            "dated_by": self.dated_by,
            "published": self.published,
            "refers_to": None if self.refers_to is None else list(self.refers_to),
            "anchored_to": self.anchored_to,
            "lemma": self.lemma,
            "stems": list(self.stems),
            "participants": [p.to_dict() for p in self.participants],
            "attribution_of": None if self.attribution_of is None else list(self.attribution_of),
            "speaker": self.speaker,
            "context": list(self.context),
            "position": self.position,
            "together_with": [list(key) for key in self.together_with],
            "ordinal": self.ordinal,
            "planned_in_past": self.planned_in_past,
            "count": self.count,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Mention":
        """The Mention :meth:`to_dict` wrote."""
        return cls(
            article=data["article"],
            sentence=Sentence(**data["sentence"]),
            start=data["start"],
            end=data["end"],
            trigger=data["trigger"],
            event=data["event"],
            summary=data["summary"],
            status=data["status"],
            agent=data.get("agent"),
            actors=tuple(data.get("actors", ())),
            entities=tuple(data.get("entities", ())),
            keywords=tuple(data.get("keywords", ())),
            when=_optional_value(data.get("when")),
            time_text=data.get("time_text"),
            dated_by=data.get("dated_by", "none"),
            published=data.get("published"),
            refers_to=data.get("refers_to"),
            anchored_to=data.get("anchored_to"),
            lemma=data.get("lemma", ""),
            stems=tuple(data.get("stems", ())),
            participants=tuple(Participant.from_dict(p) for p in data.get("participants", ())),
            attribution_of=data.get("attribution_of"),
            speaker=data.get("speaker"),
            context=tuple(data.get("context", ())),
            position=data.get("position", 0),
            together_with=tuple(tuple(key) for key in data.get("together_with", ())),
            ordinal=data.get("ordinal"),
            planned_in_past=bool(data.get("planned_in_past", False)),
            count=data.get("count"),
        )


@frozen
class ArticleInfo:
    """What a timeline keeps of each input article (not its text)."""

    id: str
    #: ISO date or datetime as given; None when the article had none.
    published: Optional[str]
    source: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    #: The date inferred from the text when ``published`` is None (and the text supports one).
    published_inferred: Optional[InferredDate] = None
    #: Why the article could not be read (``build(errors="collect")``); None when it was.
    error: Optional[str] = None

    @classmethod
    def of(cls, article: Article, inferred: Optional[InferredDate] = None) -> "ArticleInfo":
        """What a timeline keeps of ``article`` (and of the date inferred for it, if any)."""
        published = None if article.published is None else article.published.isoformat()
        return cls(article.id or "", published, article.source, article.url, article.title, inferred)

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """Articles are listed by publication date (inferred, else unknown last), then id."""
        day = self.published or (self.published_inferred.day.isoformat() if self.published_inferred else "")
        return (day or "\uffff", self.id, self.error or "")

    def to_dict(self) -> dict[str, Any]:
        """This ArticleInfo as plain data (docs/json.md); :meth:`from_dict` reads it back."""
        return {
            "id": self.id,
            "published": self.published,
            "published_inferred": None if self.published_inferred is None else self.published_inferred.to_dict(),
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "error": self.error,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ArticleInfo":
        """The ArticleInfo :meth:`to_dict` wrote."""
        inferred = data.get("published_inferred")
        return cls(
            data["id"],
            data.get("published"),
            data.get("source"),
            data.get("url"),
            data.get("title"),
            None if inferred is None else InferredDate.from_dict(inferred),
            data.get("error"),
        )


#: The salience from which an entry is shown by default. On the scale of
#: :func:`timeline.merge.salience`: anything two articles report reaches it, as does one
#: article's event dated in its text with a named participant, or told four times; an undated
#: clause of one article, or what one article quotes someone saying, does not.
SALIENT = 1.75


@frozen
class Entry:
    """One real-world event of the timeline, with every mention that reports it."""

    #: The date all mentions agree on (the finest compatible one); ``None`` when undated.
    when: Optional[TimeValue]
    summary: str
    status: Status = field(converter=Status)
    actors: tuple[str, ...]
    #: Source names (the article id where no source was given), sorted.
    sources: tuple[str, ...]
    mentions: tuple[Mention, ...]
    #: Dates of mentions that disagree with ``when``: kept and shown, never dropped.
    conflicts: tuple[TimeValue, ...] = ()
    #: How much the sources make of it: more for more independent articles and mentions, a
    #: date in the text and a named participant (see :func:`timeline.merge.salience`); None
    #: where it was not measured (an entry made by hand).
    salience: Optional[float] = None

    @property
    def salient(self) -> bool:
        """Shown by default (Markdown): salience of at least :data:`SALIENT`, or not measured."""
        return self.salience is None or self.salience >= SALIENT

    def to_dict(self) -> dict[str, Any]:
        """This Entry as plain data (docs/json.md); :meth:`from_dict` reads it back."""
        return {
            "when": None if self.when is None else self.when.to_dict(),
            "summary": self.summary,
            "status": str(self.status),
            "actors": list(self.actors),
            "sources": list(self.sources),
            "conflicts": [value.to_dict() for value in self.conflicts],
            "salience": self.salience,
            "mentions": [mention.to_dict() for mention in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Entry":
        """The Entry :meth:`to_dict` wrote."""
        return cls(
            when=_optional_value(data.get("when")),
            summary=data["summary"],
            status=data["status"],
            actors=tuple(data["actors"]),
            sources=tuple(data["sources"]),
            mentions=tuple(Mention.from_dict(m) for m in data["mentions"]),
            conflicts=tuple(TimeValue.from_dict(v) for v in data.get("conflicts", ())),
            salience=data.get("salience"),
        )


@frozen
class Timeline:
    """One ordered timeline built from several articles (see :func:`timeline.build`).

    Iterating yields the entries in order. ``merge`` combines two timelines as if they had been
    built from all their articles at once, so it is associative and commutative.
    """

    articles: tuple[ArticleInfo, ...]
    entries: tuple[Entry, ...]

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def mentions(self) -> tuple[Mention, ...]:
        """Every mention of every entry, in timeline order (the reports the entries are made of)."""
        return tuple(m for entry in self.entries for m in entry.mentions)

    @property
    def errors(self) -> tuple[ArticleInfo, ...]:
        """The input articles that could not be read (``build(errors="collect")``), with why."""
        return tuple(a for a in self.articles if a.error is not None)

    def merge(self, other: "Timeline") -> "Timeline":
        """One timeline of both: their articles, and their mentions merged anew (the same event
        reported in both becomes one entry). Neither timeline changes; ``other`` must be a
        :class:`Timeline` (else :class:`InvalidArgumentError`)."""
        from .merge import assemble

        if not isinstance(other, Timeline):
            raise InvalidArgumentError(f"a timeline merges with a Timeline, not {type(other).__name__}")
        mine = {a.id: a for a in self.articles}
        for article in other.articles:
            if article.id in mine and mine[article.id] != article:
                raise InvalidArgumentError(
                    f"both timelines have an article {article.id!r}, but not the same one ({_described(mine[article.id])} / {_described(article)}): "
                    "give them distinct ids"
                )
        return assemble(self.articles + other.articles, self.mentions + other.mentions)

    def key_dates(self, dates: int, per_date: int = 1, *, start: Optional[date] = None, end: Optional[date] = None) -> tuple[Any, ...]:
        """The ``dates`` key dates of the story, each with up to ``per_date`` sentences and
        their sources (:func:`timeline.key_dates`)."""
        from .keydates import key_dates

        return key_dates(self, dates, per_date, start=start, end=end)

    def to_markdown(self, everything: bool = False) -> str:
        """Markdown of the salient entries (:attr:`Entry.salient`), or of ``everything``."""
        from .render import to_markdown

        return to_markdown(self, everything)

    def select(
        self,
        *,
        since: Union[date, str, None] = None,
        until: Union[date, str, None] = None,
        status: Any = None,
        min_sources: Optional[int] = None,
        about: Optional[str] = None,
    ) -> "Timeline":
        """The same timeline with only the entries that pass every filter given: dates
        overlapping ``since``..``until``, one of the ``status`` values, at least ``min_sources``
        sources, someone ``about`` taking part (:func:`timeline.select.select`)."""
        from .select import select

        return select(self, since=since, until=until, status=status, min_sources=min_sources, about=about)

    def to_html(self, title: str = "Timeline") -> str:
        """One self-contained HTML page of every entry on a time axis, with filters
        (:mod:`timeline.page`)."""
        from .page import to_html

        return to_html(self, title)

    def to_timelinejs(self, group: str = "status", title: str = "Timeline") -> dict[str, Any]:
        """The TimelineJS3 JSON of the dated entries, as a dict (:mod:`timeline.timelinejs`)."""
        from .timelinejs import to_timelinejs

        return to_timelinejs(self, group, title)

    def to_csv(self, mentions: bool = False) -> str:
        """CSV text, one row per entry, or per mention with ``mentions`` (:mod:`timeline.tables`)."""
        from .tables import to_csv

        return to_csv(self, mentions)

    def to_ics(self) -> bytes:
        """An iCalendar file of the dated entries (:mod:`timeline.ics`; needs the extra
        ``news-timeline[ics]``)."""
        from .ics import to_ics

        return to_ics(self)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (dicts, lists, strings, numbers, None): ``timeline_version``, ``articles``,
        ``entries``, as described in docs/json.md; :meth:`from_dict` reads it back."""
        from . import __version__

        return {
            "timeline_version": __version__,
            "articles": [a.to_dict() for a in self.articles],
            "entries": [e.to_dict() for e in self.entries],
        }

    def to_json(self, indent: Optional[int] = 2) -> str:
        """:meth:`to_dict` as JSON text (UTF-8 characters kept, ``indent`` spaces, None for one
        line); :meth:`from_json` reads it back to an equal timeline."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, sort_keys=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Timeline":
        """The timeline ``to_dict`` wrote; anything else raises :class:`InvalidTimelineError`,
        a field of the wrong type too (an integer id, a null summary), naming where it is."""
        try:
            built = cls(
                articles=tuple(ArticleInfo.from_dict(a) for a in data["articles"]),
                entries=tuple(Entry.from_dict(e) for e in data["entries"]),
            )
            problem = _type_problem(built, "timeline")
        except TimelineError as error:
            raise InvalidTimelineError(f"not a timeline: {error}") from None
        except KeyError as error:
            raise InvalidTimelineError(f"not a timeline: a required key is missing: {error}") from None
        except (TypeError, AttributeError, ValueError) as error:
            # The shape is wrong somewhere (a list where an object belongs, a number for a date).
            raise InvalidTimelineError(f"not a timeline: {type(error).__name__}: {error}") from None
        except RecursionError:
            raise InvalidTimelineError("not a timeline: nested too deeply") from None
        if problem is not None:
            raise InvalidTimelineError(f"not a timeline: {problem}")
        return built

    @classmethod
    def from_json(cls, text: str) -> "Timeline":
        """The timeline ``to_json`` wrote; anything else raises :class:`InvalidTimelineError`."""
        if not isinstance(text, (str, bytes, bytearray)):
            raise InvalidTimelineError(f"expected JSON text, got {type(text).__name__}")
        try:
            data = json.loads(text)
        except ValueError as error:  # JSONDecodeError, and undecodable bytes
            raise InvalidTimelineError(f"not JSON: {error}") from None
        except RecursionError:
            raise InvalidTimelineError("not a timeline: JSON nested too deeply") from None
        return cls.from_dict(data)


def _described(info: ArticleInfo) -> str:
    return f"source {info.source!r}, published {info.published}"


def _type_problem(value: Any, where: str) -> Optional[str]:
    """Where a value read from JSON does not have the type its field is annotated with (frozen
    attrs classes all the way down), or None: a timeline read back is checked on load, not
    found wrong later in ``merge`` or ``to_markdown``."""
    if attrs.has(type(value)):
        hints = typing.get_type_hints(type(value))
        for attribute in attrs.fields(type(value)):
            inner = getattr(value, attribute.name)
            if not _has_type(inner, hints[attribute.name]):
                return f"{where}.{attribute.name} is {inner!r}, not {_type_name(hints[attribute.name])}"
            problem = _type_problem(inner, f"{where}.{attribute.name}")
            if problem is not None:
                return problem
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            problem = _type_problem(item, f"{where}[{index}]")
            if problem is not None:
                return problem
    return None


def _has_type(value: Any, hint: Any) -> bool:
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any:
        return True
    if hint is type(None):
        return value is None
    if origin in (Union, types.UnionType):
        return any(_has_type(value, argument) for argument in arguments)
    if origin is tuple:
        if not isinstance(value, tuple):
            return False
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return all(_has_type(item, arguments[0]) for item in value)
        return len(value) == len(arguments) and all(_has_type(item, argument) for item, argument in zip(value, arguments, strict=True))
    if origin is not None:
        return isinstance(value, origin)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, hint)


def _type_name(hint: Any) -> str:
    if typing.get_origin(hint) is not None:
        return str(hint).replace("typing.", "").replace("timeline.model.", "")
    return getattr(hint, "__name__", None) or str(hint)
