"""The working record of one event mention while an article is read (mutable; becomes a
:class:`timeline.model.Mention` when the article is done)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from attrs import define, field

from ..model import Participant, Sentence, Status, TimeExpression, TimeValue

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .triggers import Trigger

__all__ = ["Draft", "Dated"]


@define(eq=False)
class Dated:
    """A time expression attached to a trigger: directly ("met Monday"), or through a thing it
    names part of ("the July 4 recess"), which a direct date of the same event outranks."""

    expression: TimeExpression
    direct: bool
    #: Token indices of the expression in its doc.
    tokens: tuple[int, ...]


@define(eq=False)
class Draft:
    """One event mention being read."""

    trigger: "Trigger"
    #: Where the trigger's doc starts in the article text.
    offset: int
    sentence: Sentence
    in_quote: bool = False
    speaker: Optional[str] = None
    status: Status = Status.HAPPENED
    participants: list[Participant] = field(factory=list)
    times: list[Dated] = field(factory=list)
    when: Optional[TimeValue] = None
    time_text: Optional[str] = None
    dated_by: str = "none"
    anchored_to: Optional[str] = None
    #: Token indices of the clause this mention is (no other mention of the sentence has them).
    tokens: set[int] = field(factory=set)
    #: For a mention split off at an alternative or new date ("or Monday, September 10", "to
    #: November 16"): the date phrase's token indices, which are its whole clause, and the
    #: mention it was split from (whose clause its summary borrows).
    phrase: Optional[tuple[int, ...]] = None
    main: Optional["Draft"] = None
    #: Events that happen at the same time ("on the same day that X").
    simultaneous: list["Draft"] = field(factory=list)
    #: The earlier event an anaphor ("the previous trip") refers to.
    antecedent: Optional["Draft"] = None
    #: For an attribution: the mention of what it reports.
    reports: Optional["Draft"] = None
    #: For a reported event: its attribution(s).
    attributions: list["Draft"] = field(factory=list)
    #: For a report with no event in what it reports ("Jones says Brown has given him his
    #: absolute support"): the token indices of what it says, whose words tell it apart.
    said: tuple[int, ...] = ()

    @property
    def head(self) -> "Token":
        return self.trigger.head

    @property
    def is_report(self) -> bool:
        return self.trigger.kind == "report"

    def take_date(self, dated: Dated, how: str) -> None:
        self.when = dated.expression.value
        self.time_text = dated.expression.text
        self.anchored_to = dated.expression.anchored_to
        self.dated_by = how

    def share_date(self, other: "Draft") -> None:
        """Take ``other``'s date from the discourse (the text dates the other one)."""
        self.when, self.anchored_to, self.dated_by = other.when, other.anchored_to, "discourse"
