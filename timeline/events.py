"""Events: who did what, when, and whether it happened — read off the dependency parse.

For every sentence of a body segment the stage finds event triggers (verbs, and nouns of the
event lexicon), their actors (named entities and nominal subjects, pronouns resolved to the
last person named, "I" in a quote to its speaker), a summary (the clause, not the sentence),
and a status. Time expressions are attached to the event that governs them in the dependency
tree, not to the nearest one. Events left undated take a date from the discourse only where
the text supports it: a linked "the same day that ..." clause, an anaphoric "the previous
trip", a statement about the event made that day. Nothing is dated by guess.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Iterable, Optional

import attrs
from attrs import define, field

from .detect import verb_tense
from .lexicon import (
    ACTOR_LABELS,
    COLLECTIVES,
    AGENT_LABELS,
    ANAPHORIC_MODIFIERS,
    EVENT_CLASSES,
    EVENT_NOUNS,
    LIGHT_VERBS,
    NON_EVENT_VERBS,
    REPORTING_VERBS,
    SIMULTANEOUS_PREPOSITIONS,
    TITLES,
)
from .model import Mention, Sentence, Status, TimeExpression, TimeValue
from .resolution import Tense
from .timex import TimexType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["ArticleEvents", "event_class", "clean_name"]

RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})
QUOTES = frozenset({'"', "“", "”", "``", "''", "«", "»"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
THIRD_PERSON = frozenset({"he", "she", "him", "her"})
# Dependency labels of clauses that are events of their own, left out of a verb's summary.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "conj", "csubj", "xcomp", "acl", "cc", "mark", "punct", "appos"})
# Clauses anywhere below a trigger that its summary leaves out ("a summit in Helsinki, where ...").
NESTED_CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "parataxis", "appos", "csubj"})
DATE_TYPES = (TimexType.DATE, TimexType.TIME)


def event_class(lemma: str) -> str:
    """The class of an event word: "meetings" -> "meet", "unfurled" -> "introduce"."""
    lemma = lemma.lower()
    return EVENT_CLASSES.get(lemma, lemma)


def clean_name(text: str) -> str:
    """An actor's name without titles and possessives: "Sen. Rand Paul's" -> "Rand Paul"."""
    words = re.sub(r"['’]s$", "", text.strip()).split()
    while len(words) > 1 and words[0].lower().rstrip(",") in TITLES:
        words = words[1:]
    return " ".join(words).strip(" ,")


@define
class _Event:
    """An event being built: its trigger token and what is known of it so far."""

    trigger: "Token"
    #: Where the trigger's doc starts in the article text.
    offset: int
    sentence: Sentence
    in_quote: bool
    status: Status = Status.HAPPENED
    agent: Optional[str] = None
    actors: list[str] = field(factory=list)
    #: (expression, directly attached?) candidates for its date.
    times: list[tuple[TimeExpression, bool]] = field(factory=list)
    when: Optional[TimeValue] = None
    time_text: Optional[str] = None
    dated_by: str = "none"
    #: What the date was counted from, as on the dating TimeExpression ("published", "inferred").
    anchored_to: Optional[str] = None
    #: Events that happen at the same time ("on the same day that X").
    simultaneous: list["_Event"] = field(factory=list)
    #: The participants that are named entities (or pronouns resolved to one).
    entities: list[str] = field(factory=list)
    #: The earlier event an anaphor ("the previous trip") refers to.
    antecedent: Optional["_Event"] = None


@define
class ArticleEvents:
    """Reads events segment by segment for one article, keeping the discourse between them."""

    article_id: str
    #: The publication day: an event dated after it has not happened yet (None: not known).
    anchor: Optional[date]
    events: list[_Event] = field(factory=list)
    #: The last person named as a subject so far: "he" in the next segment refers to them.
    last_person: Optional[str] = None
    #: For each token of the segment being read, the person "he"/"she" refers to there.
    _persons: dict[int, Optional[str]] = field(factory=dict)
    #: Every event trigger found, kept or not: antecedents for "the meeting" may be undated.
    _all: list[_Event] = field(factory=list)
    #: Quoted token indices of each segment's doc (by id), computed once per segment.
    _quoted: dict[int, set[int]] = field(factory=dict)

    # -----------------------------------------------------------------------------------------
    # entry points

    def add_segment(self, doc: "Doc", offset: int, sentences: list[Sentence], expressions: list[tuple[int, int, TimeExpression]]) -> None:
        """Find the events of one parsed body segment.

        ``expressions`` are the segment's time expressions with their character offsets in
        ``doc``; ``sentences`` the segment's sentences (offsets into the article).
        """
        sentence_of = {}
        for index, sent in enumerate(doc.sents):
            for token in sent:
                sentence_of[token.i] = sentences[index]
        quoted = _quoted_tokens(doc)
        self._quoted[id(doc)] = quoted
        speakers = _speakers(doc, quoted)
        self._persons = self._person_before(doc)
        in_time = {
            token.i
            for start_char, end_char, _ in expressions
            for token in (doc.char_span(start_char, end_char, alignment_mode="expand") or [])
        }
        found: dict[int, _Event] = {}
        for token in doc:
            if token.i not in in_time and self._is_trigger(token, quoted):  # "in March" is no march
                found[token.i] = _Event(token, offset, sentence_of[token.i], token.i in quoted)
        for event in found.values():
            self._fill(event, speakers.get(event.trigger.i), quoted)
        self._attach_times(doc, expressions, found)
        self._link_same_day(doc, expressions, found)
        ordered = sorted(found.values(), key=lambda e: e.trigger.i)
        self._all.extend(ordered)
        self.events.extend(e for e in ordered if self._worth_keeping(e))

    def _person_before(self, doc: "Doc") -> dict[int, Optional[str]]:
        """For each token, the person "he"/"she" there refers to.

        Within a sentence, the nearest person named before the pronoun ("stick up for Trump
        after he sided with Putin": Trump); at a sentence's start, the last person who was the
        subject of a sentence ("Paul agrees ... he told CNN": Paul).
        """
        last_subject = self.last_person
        before: dict[int, Optional[str]] = {}
        for sent in doc.sents:
            nearest: Optional[str] = None
            for token in sent:
                before[token.i] = nearest or last_subject
                if token.ent_type_ == "PERSON" and token.ent_iob_ == "B":
                    nearest = _entity_name(token)
                    if token.head.dep_ in ("nsubj", "nsubjpass") or token.dep_ in ("nsubj", "nsubjpass"):
                        last_subject = nearest
        self.last_person = last_subject
        return before

    def mentions(self) -> list[Mention]:
        """The finished mentions, after discourse dating, in text order."""
        self._date_from_discourse()
        for event in self.events:
            if event.when is not None and event.when.start is not None and self.anchor is not None and event.when.start > self.anchor:
                if event.status is not Status.NEGATED:
                    event.status = Status.PLANNED
        mentions = {id(e): self._mention(e) for e in self.events}
        return [
            mentions[id(e)] if e.antecedent is None or id(e.antecedent) not in mentions
            else attrs.evolve(mentions[id(e)], refers_to=mentions[id(e.antecedent)].key)  # type: ignore[arg-type]
            for e in self.events
        ]

    # -----------------------------------------------------------------------------------------
    # triggers and their participants

    def _is_trigger(self, token: "Token", quoted: set[int]) -> bool:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB":
            if lemma in NON_EVENT_VERBS and not (lemma in LIGHT_VERBS and _event_object(token) is not None):
                return False
            return True
        if token.pos_ in ("NOUN", "PROPN") and lemma in EVENT_NOUNS | {token.lower_}.intersection(EVENT_NOUNS):
            # An event noun that is the object of a light verb is that verb's event.
            return not (token.dep_ == "dobj" and token.head.lemma_.lower() in LIGHT_VERBS)
        return False

    def _fill(self, event: _Event, speaker: Optional[str], quoted: set[int]) -> None:
        trigger = event.trigger
        noun = _event_object(trigger) if trigger.pos_ == "VERB" and trigger.lemma_.lower() in LIGHT_VERBS else None
        if trigger.pos_ == "VERB":
            subject = _subject(trigger)
            objects = [c for c in trigger.children if c.dep_ in ("dobj", "dative", "attr", "oprd") and (noun is None or c.i != noun.i)]
            prepositional = [g for c in trigger.children if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
            if noun is not None:
                prepositional += [g for c in noun.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            # Subjects and objects are actors whatever they are; other participants only as entities.
            nominal = [self._name(t, speaker, quoted) for t in ([subject] if subject is not None else []) + objects]
            candidates = ([subject] if subject is not None else []) + objects + _with_conjuncts(prepositional)
            named = [self._name(t, speaker, quoted) for t in candidates if t.ent_type_ in ACTOR_LABELS]
            owner = _possessor(noun) if noun is not None else None
            event.agent = self._agent(owner, speaker, quoted) or self._agent(subject, speaker, quoted)
        else:
            owner = _possessor(trigger)
            event.agent = self._agent(owner, speaker, quoted)
            modifiers = [c for c in trigger.children if c.dep_ in ("compound", "nmod") and (owner is None or c.i != owner.i)]
            modifiers += [g for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            nominal = []
            named = [self._name(t, speaker, quoted) for t in _with_conjuncts(modifiers) if t.ent_type_ in ACTOR_LABELS]
        event.actors = _unique([event.agent] + nominal + named)
        event.entities = _unique([event.agent] + named)
        event.status = self._status(event)

    def _agent(self, token: Optional["Token"], speaker: Optional[str], quoted: set[int]) -> Optional[str]:
        """The doer, when it is a named person, organisation or country (or a pronoun for one)."""
        if token is None:
            return None
        if token.ent_type_ in AGENT_LABELS or token.lower_ in FIRST_PERSON | THIRD_PERSON:
            return self._name(token, speaker, quoted)
        return None

    def _name(self, token: Optional["Token"], speaker: Optional[str], quoted: set[int]) -> Optional[str]:
        """The actor a token stands for: its entity, a resolved pronoun, or its noun phrase."""
        if token is None:
            return None
        lower = token.lower_
        if lower in FIRST_PERSON and token.i in quoted:
            return speaker
        if lower in THIRD_PERSON and token.i not in quoted:
            return self._persons.get(token.i)
        if token.ent_type_ in ACTOR_LABELS:
            return _entity_name(token)
        if token.ent_type_:  # dates, numbers, money: not participants
            return None
        if token.lemma_.lower() in COLLECTIVES:  # "a group of Republican senators": the senators
            members = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
            if members is not None:
                return self._name(members, speaker, quoted)
        # A nominal participant without an entity: its head noun phrase ("Republican senators").
        if token.pos_ in ("NOUN", "PROPN"):
            words = [t for t in token.subtree if (t.dep_ in ("amod", "compound") and t.head == token and not t.ent_type_ in ("DATE", "TIME")) or t == token]
            return clean_name(" ".join(t.text for t in words))
        return None

    def _status(self, event: _Event) -> Status:
        token = event.trigger
        governor = token if token.pos_ == "VERB" else _governing_verb(token)
        if token.pos_ == "VERB" and any(c.dep_ == "neg" for c in token.children):
            return Status.NEGATED  # "did not interfere" (the elections it was about still took place)
        if governor is not None and _tense_of_clause(governor) is Tense.FUTURE:
            return Status.PLANNED
        if event.in_quote or (governor is not None and _reported(governor)):
            return Status.REPORTED
        return Status.HAPPENED

    # -----------------------------------------------------------------------------------------
    # dates

    def _attach_times(self, doc: "Doc", expressions: list[tuple[int, int, TimeExpression]], found: dict[int, _Event]) -> None:
        """Each time expression dates the event that governs it in the dependency tree."""
        for start_char, end_char, expression in expressions:
            span = doc.char_span(start_char, end_char, alignment_mode="expand")
            if span is None:
                continue
            target = _governing_event(span, found)
            if target is not None:
                event, direct = target
                event.times.append((expression, direct))

    def _link_same_day(self, doc: "Doc", expressions: list[tuple[int, int, TimeExpression]], found: dict[int, _Event]) -> None:
        """Events the syntax says happen together share a date, whichever of them gets one.

        "X on the same day that Y": X and Y. "sided with Putin at a summit", "interfered in the
        elections": the verb and the event noun it is at, in or during.
        """
        for start_char, end_char, expression in expressions:
            if expression.rule != "cataphoric":
                continue
            span = doc.char_span(start_char, end_char, alignment_mode="expand")
            owner = _governing_event(span, found) if span is not None else None
            if span is None or owner is None or span.end >= len(doc):
                continue
            marker = doc[span.end]  # "that"/"when" heads into the clause it introduces
            if marker.lower_ in ("that", "when", "as") and marker.head.i in found:
                clause = found[marker.head.i]
                _link(owner[0], clause)
                if clause.status is Status.REPORTED and not clause.in_quote:
                    clause.status = Status.HAPPENED  # parsed as the verb's complement, it is no claim
        for event in found.values():
            token = event.trigger
            if token.pos_ != "VERB" and token.dep_ == "pobj" and token.head.lower_ in SIMULTANEOUS_PREPOSITIONS:
                governor = found.get(token.head.head.i)
                if governor is not None:
                    _link(event, governor)
                    if event.agent is None and governor.agent is not None:
                        # "Paul will travel for Monday meetings": Paul takes part in the meetings.
                        event.agent = governor.agent
                        event.actors = _unique([governor.agent] + event.actors)
                        event.entities = _unique([governor.agent] + event.entities)

    def _worth_keeping(self, event: _Event) -> bool:
        """Events a timeline can use: dated by the text, or with a named doer outside quotes."""
        if any(_is_date(e.value) for e, _ in event.times):
            return True
        if event.simultaneous:
            return True
        if event.in_quote:
            return False
        if event_class(_trigger_lemma(event)) == "say" or event.trigger.lemma_.lower() in REPORTING_VERBS:
            return False  # an undated "said", "has argued" is attribution, not news
        if event.trigger.pos_ != "VERB":
            return bool(event.actors) or _anaphoric(event.trigger)
        if event.status is Status.HAPPENED and event.trigger.tag_ not in ("VBD", "VBN"):
            return False  # undated present tense: a state or habit ("who chairs the committee")
        return bool(event.entities)

    def _date_from_discourse(self) -> None:
        for event in self.events:
            dated = [(e, direct) for e, direct in event.times if _is_date(e.value)]
            if dated:
                expression = max(dated, key=lambda pair: (pair[1], pair[0].value.granularity not in ("year",)))[0]
                event.when, event.time_text, event.dated_by = expression.value, expression.text, "text"
                event.anchored_to = expression.anchored_to
        position = {id(e): i for i, e in enumerate(self._all)}
        for index, event in enumerate(self.events):
            if event.when is None and event.trigger.pos_ != "VERB" and _anaphoric(event.trigger):
                self._from_antecedent(event, self._all[: position[id(event)]])
            if event.when is None:
                self._from_commentary(event, self.events[index + 1 :])
        for event in self.events:  # simultaneous events share what either has
            for other in event.simultaneous:
                if event.when is None and other.when is not None:
                    event.when, event.dated_by, event.anchored_to = other.when, "discourse", other.anchored_to

    def _from_antecedent(self, event: _Event, earlier: list[_Event]) -> None:
        """"the previous trip", "following the trip": the last event of the same class before it.

        The anaphor takes its antecedent's participants, and its date when it has one.
        """
        kind = event_class(event.trigger.lemma_)
        for antecedent in reversed(earlier):
            if antecedent.in_quote or antecedent.trigger.doc is event.trigger.doc and antecedent.trigger.i >= event.trigger.i:
                continue  # quotes are not narrative; only what came before can be referred back to
            if event_class(_trigger_lemma(antecedent)) == kind:
                event.antecedent = antecedent
                if antecedent.when is not None:
                    event.when, event.dated_by, event.anchored_to = antecedent.when, "discourse", antecedent.anchored_to
                event.agent = event.agent or antecedent.agent
                event.actors = _unique(event.actors + antecedent.actors)
                event.entities = _unique(event.entities + antecedent.entities)
                return

    def _from_commentary(self, event: _Event, later: list[_Event]) -> None:
        """"Senators unveiled a sanctions package. '... these sanctions ...,' Graham said Thursday.":
        a dated statement in the next sentence whose quote is about the event dates it."""
        if event.trigger.pos_ != "VERB" or event.status in (Status.PLANNED, Status.NEGATED) or event.in_quote:
            return
        topic = _keywords(event.trigger) - {event_class(event.trigger.lemma_)}
        following = [e for e in later if e.sentence.start > event.sentence.start]
        if not following or following[0].sentence.start - event.sentence.end > 3:
            return  # the statement must be in the very next sentence
        next_sentence = following[0].sentence
        for statement in (e for e in following if e.sentence == next_sentence):
            if event_class(statement.trigger.lemma_) == "say" and statement.when is not None:
                doc = statement.trigger.doc
                quoted = self._quoted.get(id(doc)) or _quoted_tokens(doc)
                quote = {t.lemma_.lower() for t in statement.trigger.sent if t.i in quoted and t.pos_ == "NOUN"}
                if topic & quote:
                    event.when, event.dated_by, event.anchored_to = statement.when, "discourse", statement.anchored_to
                    return

    # -----------------------------------------------------------------------------------------
    # output

    def _mention(self, event: _Event) -> Mention:
        trigger = event.trigger
        start, end, summary = _summary(event)
        return Mention(
            article=self.article_id,
            sentence=event.sentence,
            start=event.offset + start,
            end=event.offset + end,
            trigger=trigger.text,
            event=event_class(_trigger_lemma(event)),
            summary=summary,
            status=event.status,
            agent=event.agent,
            actors=tuple(a for a in event.actors if a),
            entities=tuple(event.entities),
            keywords=tuple(sorted(_keywords(trigger))),
            when=event.when,
            time_text=event.time_text,
            dated_by=event.dated_by,
            published=None if self.anchor is None else self.anchor.isoformat(),
            anchored_to=event.anchored_to,
        )


# ---------------------------------------------------------------------------------------------
# helpers on the parse


def _link(first: _Event, second: _Event) -> None:
    first.simultaneous.append(second)
    second.simultaneous.append(first)


def _entity_name(token: "Token") -> str:
    """The cleaned name of the entity a token is in ("Trump’s Helsinki" for "Trump": Trump)."""
    entity = _entity_of(token)
    words = [t for t in entity if t.i >= _possessive_cut(entity, token.i)]
    words = [t for t in words if t.i <= _possessive_end(entity, token.i)]
    return clean_name("".join(t.text + t.whitespace_ for t in words))


def _entity_of(token: "Token") -> "Span":
    """The entity span a token is in, found from its IOB tags (no scan over ``doc.ents``)."""
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


# Tokens that split what NER glued into one entity ("Trump’s Helsinki", "Kosachev, Kosachev").
ENTITY_BREAKS = frozenset({"'s", "’s", ",", "and"})


def _possessive_cut(entity: "Span", index: int) -> int:
    """Start of the part of an entity holding ``index`` (after "’s", a comma or "and")."""
    start = entity.start
    for t in entity:
        if t.lower_ in ENTITY_BREAKS and t.i < index:
            start = t.i + 1
    return start


def _possessive_end(entity: "Span", index: int) -> int:
    for t in entity:
        if t.lower_ in ENTITY_BREAKS and t.i > index:
            return t.i - 1
    return entity.end - 1


def _possessor(noun: "Token") -> Optional["Token"]:
    """"Paul's trip", "Trump’s Helsinki summit": the owner, on the noun or a modifier of it."""
    for token in [noun] + [c for c in noun.children if c.dep_ in ("compound", "nmod")]:
        for child in token.children:
            if child.dep_ == "poss" or any(g.dep_ == "case" for g in child.children) and child.dep_ in ("nmod", "compound"):
                return child
    return None


def _with_conjuncts(tokens: list["Token"]) -> list["Token"]:
    """The tokens and those coordinated with them ("Paul and Kosachev")."""
    result = list(tokens)
    seen = {t.i for t in tokens}
    for token in tokens:
        for conjunct in token.conjuncts:
            if conjunct.i not in seen:
                seen.add(conjunct.i)
                result.append(conjunct)
    return result


def _unique(names: Iterable[Optional[str]]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name and name not in seen:
            seen.append(name)
    return seen


def _is_date(value: TimeValue) -> bool:
    return value.type in DATE_TYPES and value.is_anchored


def _quoted_tokens(doc: "Doc") -> set[int]:
    """Indices of tokens inside quotation marks (curly or straight, paired in order)."""
    inside = False
    quoted: set[int] = set()
    for token in doc:
        if token.text in QUOTES or token.text.startswith(("“", '"')) and len(token.text) == 1:
            inside = not inside
            continue
        if inside:
            quoted.add(token.i)
    return quoted


def _speakers(doc: "Doc", quoted: set[int]) -> dict[int, str]:
    """For each quoted token, who speaks the quote: the named subject of the reporting verb
    just after the closing quotation mark ("“Today, I met ...,” Paul said") or just before the
    opening one."""
    speakers: dict[int, str] = {}
    index = 0
    while index < len(doc):
        if index not in quoted:
            index += 1
            continue
        start = index
        while index < len(doc) and index in quoted:
            index += 1
        window = list(doc[index : min(len(doc), index + 8)]) + list(doc[max(0, start - 8) : start])
        speaker = next((name for name in (_reporter(t) for t in window) if name), None)
        if speaker:
            speakers.update(dict.fromkeys(range(start, index), speaker))
    return speakers


def _reporter(token: "Token") -> Optional[str]:
    """The named person who is the subject of a reporting verb."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in REPORTING_VERBS:
        return None
    subject = _subject(token)
    if subject is not None and subject.ent_type_ == "PERSON":
        return _entity_name(subject)
    return None


def _subject(verb: "Token") -> Optional["Token"]:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                return verb.head  # "senators who made a trip": the senators
            return child
    if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB":
        # Object control: "invited officials to visit": the officials visit.
        controller = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        return controller if controller is not None else _subject(verb.head)
    if verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)  # "Paul is expected to meet": Paul meets
    return None


def _event_object(verb: "Token") -> Optional["Token"]:
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in EVENT_NOUNS), None)


def _trigger_lemma(event: _Event) -> str:
    token = event.trigger
    if token.pos_ == "VERB" and token.lemma_.lower() in LIGHT_VERBS:
        noun = _event_object(token)
        if noun is not None:
            return noun.lemma_.lower()
    return token.lemma_.lower()


def _governing_verb(token: "Token") -> Optional["Token"]:
    for _ in range(12):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _tense_of_clause(verb: "Token") -> Optional[Tense]:
    for _ in range(6):
        tense = verb_tense(verb)
        if tense is not None or verb.dep_ not in ("xcomp", "conj", "acl", "advcl", "acomp") or verb.head.i == verb.i:
            return tense
        verb = verb.head
    return None


def _reported(verb: "Token") -> bool:
    """Is this clause the complement of a reporting verb ("Paul agrees that Russia interfered")?"""
    return verb.dep_ in ("ccomp",) and verb.head.lemma_.lower() in REPORTING_VERBS


def _anaphoric(token: "Token") -> bool:
    """"the previous trip", "the trip": a definite event noun that refers back."""
    return any(c.lower_ in ANAPHORIC_MODIFIERS or c.lower_ == "the" for c in token.children if c.dep_ in ("det", "amod"))


def _governing_event(span: "Span", found: dict[int, _Event]) -> Optional[tuple[_Event, bool]]:
    """The event a time expression dates, and whether it is attached to it directly.

    A time expression that modifies a noun which is not an event ("the July 4 recess") dates
    the event above that noun only indirectly: a direct date of the same event wins.
    """
    token = span.root
    direct = True
    for _ in range(12):
        head = token.head
        if head.i == token.i:
            return None
        if head.i in found:
            return found[head.i], direct
        if head.pos_ in ("NOUN", "PROPN") and token.dep_ in ("compound", "nmod", "amod", "nummod", "poss"):
            direct = False  # it names part of a thing ("the July 4 recess"), not when the event was
        token = head
    return None


def _keywords(trigger: "Token") -> set[str]:
    """Content lemmas of the trigger's clause, for telling events of one class apart."""
    clause = trigger.head if trigger.dep_ == "dobj" else trigger
    return {
        t.lemma_.lower()
        for t in clause.subtree
        if t.pos_ in ("NOUN", "PROPN") and not t.is_stop and t.ent_type_ not in ("DATE", "TIME", "CARDINAL") and len(t.text) > 2
    } | {event_class(trigger.lemma_)}


def _summary(event: _Event) -> tuple[int, int, str]:
    """The clause that reports the event: character offsets in its doc and the text.

    A verb's summary is its subject plus its own phrase, without subordinate clauses; a noun's
    is its noun phrase. Resolved pronoun subjects are replaced by the actor's name.
    """
    trigger = event.trigger
    if trigger.pos_ != "VERB":
        tokens = sorted(trigger.subtree, key=lambda t: t.i)
    else:
        excluded: set[int] = set()
        for child in trigger.children:
            if child.dep_ in CLAUSE_DEPS and child.i != trigger.i:
                excluded.update(t.i for t in child.subtree)
            if child.lower_ in RELATIVE_PRONOUNS and trigger.dep_ == "relcl":
                excluded.add(child.i)  # "senators who made a trip" reads "senators made a trip"
            if child.dep_ == "prep" and child.i < trigger.i and not any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
                excluded.update(t.i for t in child.subtree)  # "in all likelihood", "In a statement"
        for token in trigger.subtree:  # clauses deeper down are events of their own
            if token.i != trigger.i and token.dep_ in NESTED_CLAUSE_DEPS:
                excluded.update(t.i for t in token.subtree)
        for index in sorted(excluded):  # and the commas that set them off ("Graham, R-S.C., said")
            for neighbour in (index - 1, index + 1):
                if 0 <= neighbour < len(trigger.doc) and trigger.doc[neighbour].text == "," and neighbour != trigger.i:
                    excluded.add(neighbour)
        tokens = [t for t in trigger.subtree if t.i not in excluded]
        subject = _subject(trigger)
        if subject is not None and subject.i not in {t.i for t in tokens} and subject.i < trigger.i:
            # "senators who made a trip": with the senators, not with their relative clause again.
            own = {t.i for t in trigger.subtree}
            tokens += [t for t in subject.subtree if t.i not in own and t.i not in excluded and t.dep_ != "relcl" and t.i < trigger.i and not (t.head.dep_ == "relcl")]
    # Whitespace tokens ("\r", "\n\t") are no words: at the ends they would carry the offsets
    # past the sentence, whose text is trimmed.
    tokens = [t for t in sorted(set(tokens), key=lambda t: t.i) if t.text not in QUOTES and not t.is_space]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "mark", "prep") and tokens[0].i < trigger.i):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        tokens = [trigger]
    # Only the contiguous stretch around the trigger: offsets must cover what the summary says.
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    words = []
    for position, t in enumerate(tokens):
        text = t.text
        if t.dep_ in ("nsubj", "nsubjpass") and (t.lower_ in THIRD_PERSON | FIRST_PERSON) and event.agent:
            text = event.agent
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        # Where tokens were left out between two kept ones, keep one space (not a glued word).
        gap = following is not None and following.i != t.i + 1 and not following.is_punct
        words.append(text + (" " if gap else t.whitespace_))
    return start, end, re.sub(r"\s+", " ", "".join(words)).strip(" ,")
