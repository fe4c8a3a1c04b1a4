"""The per-article reader: the steps of :mod:`timeline.events` in order, segment by segment.

For each parsed body segment: quotes and their speakers, what pronouns and descriptions refer
to (:mod:`.participants`), then per sentence the triggers (:mod:`.triggers`), the dates they
get (:mod:`.dates`), their clauses (:mod:`.summary`), participants and status; reporting
clauses are tied to what they report. When the article is done, :meth:`ArticleEvents.mentions`
dates what the discourse dates and returns the mentions in text order.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Optional

import attrs
from attrs import define, field

from ..clean import is_headline
from ..detect import FUTURE_AUX, lemma
from ..lexicon import ANNOUNCING_VERBS, HYPOTHETICAL_MARKERS, ORDINALS, REPORTING_VERBS, STATEMENT_VERBS, TEMPORAL_PREPOSITIONS
from ..model import Mention, Sentence, Status, TimeExpression, TimeValue
from ..resolution import Tense
from ..rules import number_value
from ..stamps import UpdateStamp, day_at
from .dates import DATE_TYPES, attach_times, choose_date, date_from_discourse, is_date, link_simultaneous, settle_nesting, split_by_dates
from .draft import Draft
from .parse import entity_name, negated, quote_runs, quoted_tokens, reporting_verb_near, subject_of, tense_of_clause
from .participants import Referents, named_descriptions, participants_of
from .summary import assign_clauses, clause_span, content_word, content_words, content_words_of, predicate_stems, summary_text, token_heads
from .triggers import find_triggers
from .words import event_class

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["ArticleEvents"]

# Carriers and adjectives whose complement lies ahead: "is expected to make landfall", "aims to
# fly", "is set to begin", "is due to".
PLANNING_WORDS = frozenset(
    {"expect", "plan", "schedule", "set", "intend", "hope", "aim", "prepare", "go", "due", "slate",
     "poise", "vow", "promise", "want", "seek", "propose", "agree", "threaten", "pledge", "decide",
     "likely", "ready", "poised", "able", "supposed", "anticipate", "elect", "choose", "opt"}
)  # fmt: skip


@define
class _Segment:
    doc: "Doc"
    offset: int
    names: dict[int, str]
    times: set[int]
    #: Each token's content word (None for function words), read once per segment.
    words: dict[int, Optional[str]]


@define
class ArticleEvents:
    """Reads events segment by segment for one article, keeping the discourse between them."""

    article_id: str
    #: The publication day: an event dated after it has not happened yet (None: not known).
    anchor: Optional[date]
    #: A live page's updates and the day each was written (:mod:`timeline.stamps`): the text of
    #: an update is published on its day, not the page's.
    updates: tuple[UpdateStamp, ...] = ()
    drafts: list[Draft] = field(factory=list)
    referents: Referents = field(factory=Referents)
    #: Sentences read so far (the next one's position in the body).
    sentences_read: int = 0
    _position: dict[int, int] = field(factory=dict)
    _context: dict[int, tuple[str, ...]] = field(factory=dict)
    _segments: dict[int, _Segment] = field(factory=dict)

    def add_segment(self, doc: "Doc", offset: int, sentences: list[Sentence], expressions: list[tuple[int, int, TimeExpression]]) -> None:
        """Find the events of one parsed body segment.

        ``expressions`` are the segment's time expressions with their character offsets in
        ``doc``; ``sentences`` the segment's sentences (offsets into the article).
        """
        quoted = quoted_tokens(doc)
        speakers = _speakers(doc, quoted)
        self.referents.read(doc, speakers, quoted)
        if is_headline(doc.text):
            return  # a headline announces what the article tells: no entry of its own
        spans = []
        for start_char, end_char, expression in expressions:
            span = doc.char_span(start_char, end_char, alignment_mode="expand")
            if span is not None:
                spans.append((span, expression))
        times = {t.i for span, _ in spans for t in span}
        words = {token.i: content_word(token) for token in doc}
        heads = token_heads(doc)
        self._segments[id(doc)] = _Segment(doc, offset, dict(self.referents.resolved), times, words)
        segment_drafts: list[Draft] = []
        for index, sent in enumerate(doc.sents):
            triggers = find_triggers(sent, times)
            in_sentence = [(span, e) for span, e in spans if sent.start <= span.start < sent.end]
            attached = attach_times(triggers, [(s, e) for s, e in in_sentence if e.rule != "cataphoric"])
            tops = settle_nesting(triggers, attached)
            drafts: list[Draft] = []
            for trigger in tops:
                draft = Draft(trigger, offset, sentences[index], trigger.head.i in quoted, speakers.get(trigger.head.i))
                draft.times = attached.get(id(trigger), [])
                draft.participants = participants_of(trigger, self.referents)
                draft.status = _status(draft, quoted)
                drafts.append(draft)
            assign_clauses(sent, drafts, heads)
            split: list[Draft] = []
            for draft in drafts:
                split += split_by_dates(draft)
            assign_clauses(sent, split, heads)
            sentence_words = {word for i in range(sent.start, sent.end) if i not in times and (word := words[i]) is not None}
            for draft in split:
                choose_date(draft)
                if self.anchor is None and draft.when is None:
                    _keep_unknown_date(draft)
                self._position[id(draft)] = self.sentences_read
                self._context[id(draft)] = tuple(sorted(sentence_words))
            self.sentences_read += 1
            link_simultaneous(split, doc, [(s, e) for s, e in in_sentence if e.rule == "cataphoric"])
            segment_drafts += split
        _tie_reports(doc, quoted, segment_drafts)
        self.drafts.extend(segment_drafts)

    def mentions(self) -> list[Mention]:
        """The finished mentions, after discourse dating, in text order."""
        ordered = sorted(self.drafts, key=lambda d: (d.offset + d.head.idx))
        anchor = self.anchor
        if anchor is not None:
            for draft in ordered:
                if _future_in_a_past_year(draft, self._published_on(anchor, draft)):
                    # "the minister will face anger over the plant, to a record output in
                    # 2015": the parse can hang an earlier year on a "will" clause; no date
                    # rather than that one, and the year goes to the past clause it follows
                    # ("the plant, which had doubled its output, to a record in 2015")
                    past = _past_clause_before_date(draft, ordered)
                    if past is not None:
                        past.when, past.time_text, past.dated_by, past.anchored_to = draft.when, draft.time_text, "text", draft.anchored_to
                    draft.when, draft.time_text, draft.dated_by, draft.anchored_to = None, None, "none", None
        date_from_discourse(ordered, ordered)
        names = {name: (label, frozenset(name.lower().split())) for name, label in self.referents.named.items()}
        for draft in ordered:
            draft.participants = named_descriptions(draft.participants, names)
        if anchor is not None:
            for draft in ordered:
                if draft.when is None and (_news_perfect(draft) or _statement_of_the_day(draft)):
                    # "Jane Doe has been sworn in", "the outbreak has killed at least 49
                    # people", "Egypt's ministry said": done by the day it is published, and
                    # news of that day.
                    draft.when = TimeValue("DATE", self._published_on(anchor, draft).isoformat())
                    draft.dated_by, draft.anchored_to = "published", "published"
        for draft in ordered:
            when, published = draft.when, self._published(draft)
            if when is not None and when.start is not None and published is not None and when.start > published:
                if draft.status is not Status.NEGATED:
                    draft.status = Status.PLANNED
        built: dict[int, Mention] = {}
        for draft in ordered:
            built[id(draft)] = self._mention(draft)
        result = []
        for draft in ordered:
            mention = built[id(draft)]
            changes: dict[str, Any] = {}
            if draft.antecedent is not None and id(draft.antecedent) in built:
                changes["refers_to"] = built[id(draft.antecedent)].key
            if draft.reports is not None and id(draft.reports) in built:
                changes["attribution_of"] = built[id(draft.reports)].key
            together = tuple(dict.fromkeys(built[id(other)].key for other in draft.simultaneous if id(other) in built and other is not draft))
            if together:
                changes["together_with"] = together
            result.append(attrs.evolve(mention, **changes) if changes else mention)
        return result

    def _published(self, draft: Draft) -> Optional[date]:
        """The day the draft's text was published (see :meth:`_published_on`); None without one."""
        return None if self.anchor is None else self._published_on(self.anchor, draft)

    def _published_on(self, anchor: date, draft: Draft) -> date:
        """The day the draft's text was published, of an article published on ``anchor``: its
        update's on a live page, else the article's."""
        return day_at(self.updates, draft.offset + draft.head.idx, anchor) if self.updates else anchor

    def _mention(self, draft: Draft) -> Mention:
        segment = self._segments[id(draft.head.doc)]
        tokens = clause_span(draft)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        summary = summary_text(draft, tokens, segment.names)
        if draft.main is not None:
            phrase = " ".join(t.text for t in tokens)
            summary = _part_summary(draft, phrase, summary_text(draft.main, clause_span(draft.main), segment.names))
        word, stems = predicate_stems(draft)
        participants = tuple(draft.participants)
        doer = next((p for p in participants if p.role == "doer"), None)
        named = [p.name for p in participants if p.label is not None]
        keywords = content_words(draft, segment.times, segment.words)
        if draft.main is not None:  # "or Monday, September 10": the main clause's words on another date
            keywords = tuple(sorted(set(keywords) | set(content_words(draft.main, segment.times, segment.words))))
        if draft.is_report and draft.reports is None and draft.said:
            # a report of no event is told apart by what it says
            doc = draft.head.doc
            keywords = tuple(sorted(set(keywords) | set(content_words_of((doc[i] for i in draft.said), segment.times))))
        return Mention(
            article=self.article_id,
            sentence=draft.sentence,
            start=draft.offset + start,
            end=draft.offset + end,
            trigger=draft.head.text,
            event=event_class(word),
            summary=summary,
            status=draft.status,
            agent=doer.name if doer is not None and doer.label in ("PERSON", "ORG", "GPE", "PRODUCT") else None,
            actors=tuple(dict.fromkeys(p.name for p in participants)),
            entities=tuple(dict.fromkeys(named)),
            keywords=keywords,
            when=draft.when,
            time_text=draft.time_text,
            dated_by=draft.dated_by,
            published=None if (published := self._published(draft)) is None else published.isoformat(),
            anchored_to=draft.anchored_to,
            lemma=word,
            stems=stems,
            participants=participants,
            speaker=draft.speaker,
            context=tuple(w for w in self._context.get(id(draft), ()) if w not in keywords),
            position=self._position.get(id(draft), 0),
            ordinal=_ordinal(draft),
            planned_in_past=_planned_in_past(draft),
            count=_count(draft),
        )


# ---------------------------------------------------------------------------------------------
# status and reports


def _keep_unknown_date(draft: Draft) -> None:
    """In an article of unknown date, "met on Monday" has a date nobody can tell: the mention
    keeps the expression (``time_text``, ``when`` None), which tells it from "met last month"."""
    unknown = [d for d in draft.times if d.direct and d.expression.value.type in DATE_TYPES and not d.expression.value.is_anchored and d.expression.rule != "cataphoric"]
    if unknown:
        draft.time_text = unknown[0].expression.text


def _ordinal(draft: Draft) -> Optional[int]:
    """The number an ordinal gives the event: "the second ballot" -> 2, "its first attempt to
    launch" -> 1, "called off its first launch attempt" -> 1 (on the predicate, a word that
    carries it, an event it holds as its argument, or its object)."""
    arguments = [inner for inner in draft.trigger.nested if inner.nesting == "argument"]
    tokens = [t for trigger in [draft.trigger, *arguments] for t in trigger.tokens]
    tokens += [c for t in tokens for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    for token in tokens:
        # also through a compound: "the second leadership ballot" parses "second" under "leadership"
        modifiers = [c for c in token.children] + [g for c in token.children if c.dep_ == "compound" for g in c.children]
        for child in modifiers:
            if child.dep_ == "amod" and child.lower_ in ORDINALS:
                return ORDINALS[child.lower_]
    return None


def _count(draft: Draft) -> Optional[int]:
    """How many the event's doers or objects number, where the text says: "Three people have
    died" -> 3, "has killed at least 49 people" -> 49, "an outbreak which has killed 22" -> 22
    (on the predicate or a clause folded into it)."""
    clauses = [inner for inner in draft.trigger.nested if inner.nesting in ("clause", "conjunct")]
    for token in (t for trigger in [draft.trigger, *clauses] for t in trigger.tokens):
        for argument in token.children:
            if argument.dep_ not in ("nsubj", "nsubjpass", "dobj"):
                continue
            # people counted ("three people", "at least 49 people", "has killed 22"), not a year
            # ("bombing the 2013 Boston Marathon") nor a share ("27 percent said")
            numbers = [argument] if argument.pos_ == "NUM" else [c for c in argument.children if c.dep_ == "nummod" and argument.tag_ == "NNS"]
            for number in numbers:
                value = number_value(number.lower_)
                if value is not None and value == int(value) and value >= 2 and number.ent_type_ not in _NOT_COUNTS:
                    return int(value)
    return None


_NOT_COUNTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})


def _status(draft: Draft, quoted: set[int]) -> Status:
    trigger = draft.trigger
    if any(negated(t) or _no_longer(t) for t in trigger.tokens):
        return Status.NEGATED  # "did not deliver", "is no longer happening"
    governor = _top_verb(draft)
    if governor is None:
        governor = _clause_verb(trigger.head)
    if any(lemma(t) in PLANNING_WORDS for t in trigger.tokens if t.i != trigger.head.i) or any(
        c.dep_ == "amod" and c.lemma_.lower() in PLANNING_WORDS | {"upcoming", "planned", "proposed", "scheduled", "expected", "next", "future"} for c in trigger.head.children
    ):
        return Status.PLANNED
    if governor is not None:
        if _possible(governor):
            return Status.REPORTED  # "might be linked", "could be the source": not told as fact
        if _hypothetical(governor) or tense_of_clause(governor) is Tense.FUTURE:
            return Status.PLANNED
    if trigger.kind == "report":
        return Status.HAPPENED
    top = trigger.top
    if trigger.kind == "noun" and top.dep_ == "dobj" and lemma(top.head) in ANNOUNCING_VERBS and not any(c.dep_ == "prt" for c in top.head.children):
        return Status.PLANNED  # "Kosachyov announced Paul's trip": the trip lies ahead
    if draft.in_quote or governor is not None and _reported(governor):
        return Status.REPORTED
    return Status.HAPPENED


def _part_summary(part: Draft, phrase: str, main: str) -> str:
    """A split-off mention reads as its main clause on its own date: "The backup dates are
    scheduled for Monday, September 10"; "NASA has delayed the launch by two days to November 16"."""
    phrase = phrase.strip()
    for joiner in ("or ", "and ", "but "):
        if phrase.lower().startswith(joiner):
            phrase = phrase[len(joiner) :]
    main_date = part.main.time_text if part.main is not None else None
    if main_date and main_date in main and not phrase.lower().startswith(("from ", "to ", "until ", "till ", "for ")):
        return main.replace(main_date, phrase, 1)
    return f"{main} {phrase}"


# Adverbs that put a report on an earlier day than the article's ("initially blamed").
RETROSPECTIVE_ADVERBS = frozenset({"initially", "earlier", "previously", "first", "once", "originally", "formerly", "before"})


def _statement_of_the_day(draft: Draft) -> bool:
    """A statement the article reports without a date: a report ("Egypt's ministry said") or a
    statement verb heading its sentence ("Spain's minister denied", "He announced a seamless
    integration"): news reports what was said that day or the day before (TimeML anchors
    reporting events to the publication date the same way)."""
    if draft.status is not Status.HAPPENED or draft.in_quote or draft.phrase is not None:
        return False
    if not (draft.is_report or _main_statement(draft.head)):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "had" or c.lower_ in RETROSPECTIVE_ADVERBS for c in draft.head.children):
        return False  # "had said", "initially said": told of an earlier day
    if _at_another_time(draft.head):
        return False  # "three weeks after Germany reported the outbreak": not that day's news
    return tense_of_clause(draft.head) in (Tense.PAST, Tense.PRESENT)


def _at_another_time(verb: "Token") -> bool:
    """A clause put before or after its sentence's event: "after Germany reported", "before
    the agency said", "since officials announced"."""
    if any(c.dep_ == "mark" and c.lower_ in TEMPORAL_PREPOSITIONS for c in verb.children):
        return True
    return verb.dep_ == "pcomp" and verb.head.lower_ in TEMPORAL_PREPOSITIONS


def _main_statement(verb: "Token") -> bool:
    """A statement verb, finite, heading its sentence: "He announced a seamless integration of
    podcasting with iTunes" (not "after officials warned ...", not "tomatoes mistakenly blamed")."""
    return verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBZ", "VBP") and lemma(verb) in STATEMENT_VERBS


def _future_in_a_past_year(draft: Draft, published: date) -> bool:
    """Told with "will" outside quotes, and dated by the text to a year before the one it is
    published in: a future that lies years back is a date the parse attached to the wrong
    clause (a plan told in an earlier year is dated by its telling, not by "will")."""
    when = draft.when
    if when is None or when.end is None or draft.dated_by != "text" or draft.in_quote:
        return False
    verb = draft.head if draft.head.pos_ in ("VERB", "AUX") else next((t for t in draft.trigger.tokens if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or not any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children):
        return False
    return when.end < date(published.year, 1, 1)


def _past_clause_before_date(draft: Draft, drafts: list[Draft]) -> Optional[Draft]:
    """The undated clause told in the past that comes last between ``draft``'s verb and the
    date the parse gave it, in its sentence ("had doubled its output" in "will face anger over
    the plant, which had doubled its output, to a record in 2015"), or None."""
    at = next((d.tokens[0] for d in draft.times if d.expression.value == draft.when), None)
    if at is None:
        return None
    doc, sentence = draft.head.doc, draft.head.sent
    between = [
        other
        for other in drafts
        if other is not draft and other.head.doc is doc and other.head.sent == sentence and draft.head.i < other.head.i < at
        and other.when is None and other.status is Status.HAPPENED and not other.in_quote and other.head.tag_ in ("VBD", "VBN")
    ]
    return max(between, key=lambda other: other.head.i, default=None)


def _top_verb(draft: Draft) -> Optional["Token"]:
    """The verb of the trigger's words nearest the root ("decided" in "decided to roll back"),
    or None for a noun with no verb."""
    verbs = [t for t in draft.trigger.tokens if t.pos_ in ("VERB", "AUX")]
    return min(verbs, key=lambda t: len(list(t.ancestors))) if verbs else None


def _planned_in_past(draft: Draft) -> bool:
    """A plan whose planning is told in the past, outside quotes: "decided to ban", "agreed to
    move the launch", "was set to begin", "had planned to" (not "will ban", "is set to begin",
    "would call": those look ahead from when they are told)."""
    governor = _top_verb(draft)
    if draft.status is not Status.PLANNED or draft.in_quote or governor is None:
        return False
    if any(c.dep_ == "aux" and (c.lower_ in FUTURE_AUX or c.lower_ == "would") for c in governor.children):
        return False
    auxiliaries = {c.lower_ for c in governor.children if c.dep_ in ("aux", "auxpass")}
    return governor.tag_ == "VBD" or bool(auxiliaries & {"was", "were", "had"})


def _news_perfect(draft: Draft) -> bool:
    """Told in the present perfect or progressive, as fact, outside quotes: "has been sworn in",
    "is now blaming peppers" (not "had resigned", not "said", not a plan or a denial)."""
    verb = _top_verb(draft)
    if draft.status is not Status.HAPPENED or draft.in_quote or draft.is_report or draft.phrase is not None or verb is None:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBN" and aux & {"has", "have", "'ve"}:
        return True
    return verb.tag_ == "VBG" and bool(aux & {"is", "are", "'s", "'re"})


# Modals of possibility: what they say may be so, not that it lies ahead ("the outbreak might
# be linked to tomatoes"); "will", "would", "shall" look ahead.
POSSIBILITY_MODALS = frozenset({"might", "may", "could", "can", "must", "should", "ca"})


def _possible(verb: "Token") -> bool:
    return any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in verb.children) and not any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll") for c in verb.children
    )


def _no_longer(token: "Token") -> bool:
    return any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in token.children)


def _clause_verb(token: "Token") -> Optional["Token"]:
    for _ in range(12):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _hypothetical(verb: "Token") -> bool:
    """"if convicted", "whether to sentence him": a condition or an open question."""
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKERS for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _reported(verb: "Token") -> bool:
    """Is this clause the complement of a reporting verb ("Paul agrees that Russia interfered")?"""
    return verb.dep_ in ("ccomp",) and lemma(verb.head) in REPORTING_VERBS | STATEMENT_VERBS | {"agree", "believe", "think"}


def _speakers(doc: "Doc", quoted: set[int]) -> dict[int, str]:
    """For each quoted token, who speaks the quote: the named subject of the reporting verb
    just after the closing quotation mark ("“Today, I met ...,” Paul said") or just before the
    opening one."""
    speakers: dict[int, str] = {}
    for start, end in quote_runs(quoted):
        verb = reporting_verb_near(doc, start, end)
        subject = subject_of(verb) if verb is not None else None
        if subject is not None and subject.ent_type_ == "PERSON":
            speakers.update(dict.fromkeys(range(start, end), entity_name(subject)))
    return speakers


def _highest_event_in(verb: "Token", by_token: dict[int, Draft]) -> Optional[Draft]:
    """The event nearest the top of the verb's complement clause, where the clause's own verb
    is no event ("he would be happy to meet Trump")."""
    for child in verb.children:
        if child.dep_ not in ("ccomp", "parataxis"):
            continue
        found = [(len(list(t.ancestors)), t.i) for t in child.subtree if t.i in by_token and not by_token[t.i].is_report]
        if found:
            return by_token[min(found)[1]]
    return None


def _tie_reports(doc: "Doc", quoted: set[int], drafts: list[Draft]) -> None:
    """Tie each reporting clause to what it reports: its complement clause, else the quote it
    introduces or closes. It is that event's attribution, unless both carry dates of their own
    that differ ("Jones said today he would call a meeting tomorrow": the saying is an event)."""
    by_token: dict[int, Draft] = {}
    for draft in drafts:
        for token in draft.trigger.tokens:
            by_token.setdefault(token.i, draft)
    runs = quote_runs(quoted)
    for draft in drafts:
        if not draft.is_report or draft.phrase is not None:
            continue
        verb = draft.head
        content: Optional[Draft] = None
        said: list[int] = [t.i for c in verb.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree]
        complement = next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i in by_token), None)
        if complement is not None:
            content = by_token[complement.i]
        elif (below := _highest_event_in(verb, by_token)) is not None:
            content = below  # "Putin said he would be happy to meet Trump": a state, then the event
        elif verb.dep_ in ("ccomp", "parataxis") and verb.head.i in by_token:
            content = by_token[verb.head.i]
        else:
            for start, end in runs:
                near = reporting_verb_near(doc, start, end)
                if near is not None and near.i == verb.i:
                    inside = [d for d in drafts if start <= d.head.i < end and not d.is_report]
                    content = inside[0] if inside else None
                    said += list(range(start, end))
                    break
        draft.said = tuple(said)
        if content is None or content is draft or content.is_report:
            continue
        own = {d.expression.value.value for d in draft.times if is_date(d.expression.value)}
        theirs = {d.expression.value.value for d in content.times if is_date(d.expression.value)}
        if own and theirs and not own & theirs:
            continue
        draft.reports = content
        content.attributions.append(draft)
        doer = next((p for p in draft.participants if p.role == "doer"), None)
        if content.speaker is None and doer is not None:
            content.speaker = doer.name
