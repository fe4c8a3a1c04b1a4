"""The data model: frozen attrs value objects that every pipeline stage passes along."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any, Optional, Union

import attrs
from attrs import field, frozen

from .errors import InvalidArticleError, InvalidDateError, InvalidValueError
from .timex import Granularity, Mod, TimexType, calendar_range, granularity_of, is_valid_value

__all__ = ["Article", "Sentence", "TimeValue", "TimeExpression", "ReadArticle", "parse_published"]

DateLike = Union[date, datetime, str]


def parse_published(value: Any, article: str = "<unnamed>") -> date | datetime:
    """Coerce a publication date given as ``date``, ``datetime`` or ISO 8601 string.

    Raises :class:`InvalidDateError` naming ``article`` for anything else.
    """
    if isinstance(value, (date, datetime)):  # datetime is a date subclass; both are kept as given
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
            return date.fromisoformat(text)
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidDateError(
            article, f"publication date {value!r} is not an ISO 8601 date (YYYY-MM-DD) or datetime"
        ) from None
    return parsed


def _optional_str(name: str):
    def check(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
        if value is not None and not isinstance(value, str):
            raise InvalidArticleError(
                instance._label_for_errors(), f"{name} must be a string or None, not {type(value).__name__}"
            )

    return check


@frozen
class Article:
    """One news article: its text and the publication date relative expressions resolve against.

    ``published`` accepts a ``date``, ``datetime`` or ISO 8601 string and is stored as a ``date``
    or ``datetime``. ``id`` is what the caller gave, else the URL, else a stable hash of the text.
    """

    text: str
    published: date | datetime = field(eq=True)
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
            if isinstance(candidate, str) and candidate:
                return repr(candidate)
        return "<unnamed>"

    def __attrs_post_init__(self) -> None:
        label = self._label_for_errors()
        if not isinstance(self.text, str):
            raise InvalidArticleError(label, f"text must be a string, not {type(self.text).__name__}")
        # Frozen: the documented attrs way to normalise a field after validation.
        object.__setattr__(self, "published", parse_published(self.published, label))
        if self.id is None:
            object.__setattr__(self, "id", self.url or "sha1:" + hashlib.sha1(self.text.encode("utf-8", "surrogatepass")).hexdigest()[:16])

    @property
    def anchor(self) -> date:
        """The publication day (a ``date``) that relative expressions are resolved against."""
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


@frozen(order=False)
class TimeValue:
    """A resolved TIMEX3 value.

    ``granularity``, ``start`` and ``end`` default to what the value itself says (see
    :mod:`timeline.timex`): ``TimeValue("DATE", "2018-W31")`` is week-grained and covers
    2018-07-30 .. 2018-08-05.
    """

    type: TimexType = field(converter=_timex_type)
    value: str = field(validator=_check_value)
    mod: Optional[Mod] = field(default=None, converter=attrs.converters.optional(Mod))
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
        return cls(
            type=data["type"],
            value=data["value"],
            mod=data.get("mod"),
            granularity=data["granularity"],
            start=None if data.get("start") is None else date.fromisoformat(data["start"]),
            end=None if data.get("end") is None else date.fromisoformat(data["end"]),
        )

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

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value.to_dict(),
            "sentence": {"text": self.sentence.text, "start": self.sentence.start, "end": self.sentence.end},
        }


@frozen
class ReadArticle:
    """What :func:`timeline.read` found in one article."""

    article: Article
    #: Character ranges of ``article.text`` that are article body (boilerplate left out).
    body: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]
    time_expressions: tuple[TimeExpression, ...]
