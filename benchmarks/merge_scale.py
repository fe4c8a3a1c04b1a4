"""Merge at scale: time, memory and pairs compared by ``assemble`` on 1k to 100k synthetic mentions.

    python benchmarks/merge_scale.py [--sizes 1000,10000,100000] [--all-pairs-up-to 1000]
        [--window 50] [--seed 0] [--no-memory] [--json PATH]

No spaCy: the mentions are made by :func:`generate`, a generator of synthetic news stories with
a known truth (which mentions report one event), shaped like what ``timeline.events`` produces.

**Stories.** Each story is one true event: a day, a class (``say`` is a fifth of all stories,
then ``meet``, ``criticize``, ``announce``, ...), one to three named actors and four content
words. Actors come from a fixed pool of ``ACTORS`` people whose popularity follows a Zipf law
(the most cited one is named in a quarter of all mentions, as the doer in a sixth: "Trump said"
thousands of times), each with spelling variants (first and last name, surname alone, with a
title, transliterations: -ev/-yov, -y/-i, a doubled letter, K/Q/G first letters, a dropped
first vowel). Content words come from a Zipf-distributed vocabulary. A third of the stories are
**look-alikes**: the class and actors of an earlier story on another day (1-45 days away) with
half of its words.

**Mentions.** A story is reported 1-8 times (mean 3.1) in articles published on the day or up
to 8 days later (about eight mentions an article). Each mention names the doer (a random
spelling; 15 % have none), keeps each other actor with probability 0.7, two to four of the
story's words and up to two unrelated ones. Its date: the day (45 %), its ISO week (8 %), its
month (7 %) or none (40 %, placed by its article's publication day). 8 % are planned (an
article published 1-7 days before the day, dated), 10 % reported. Noun triggers ("summit",
"trip") give event nouns; about 2 % of mentions refer back to an earlier mention of the same
story in their article ("the trip"). The corpus spans ``n / 50`` days (at least 30): a larger
corpus is a longer period at the same daily volume.

**Measured** per size: wall time of ``assemble`` (articles and mentions prepared beforehand;
best of several runs below 30,000 mentions), peak memory of one more ``assemble`` under
``tracemalloc`` (allocations made by the call, not its input), pairs compared
(``MergeStats.pairs``), blocks, block memberships and windowed blocks, entries, and pairwise
precision / recall of merges against the stories (a pair of mentions is positive when both
report one story; the system says so when they are in one entry). All-pairs clustering
(``assemble(..., all_pairs=True)``, what ``cluster`` did before blocking) runs for comparison up
to ``--all-pairs-up-to`` mentions (default 1,000: it compares every one of the n(n-1)/2
pairs, 5 * 10^7 at 10,000 mentions, about a quarter of an hour; 5 * 10^9 at 100,000); exact
blocking (``window=None``) as well, to tell the loss of blocking keys from the loss of the
window. The growth exponent is the least-squares slope of
log(time) and log(pairs) against log(n).
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import random
import sys
import time
import tracemalloc
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Optional, Sequence

from attrs import define, field

REPO = Path(__file__).resolve().parents[1]
# Benchmark this checkout, whether or not (and whichever) timeline is installed.
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from timeline.merge import WINDOW, MergeStats, assemble  # noqa: E402
from timeline.model import ArticleInfo, Mention, Participant, Sentence, Status, Timeline, TimeValue  # noqa: E402

from environment import environment as shared_environment  # noqa: E402
from environment import header  # noqa: E402

PACKAGES = ("rapidfuzz", "attrs")
SIZES = (1_000, 10_000, 100_000)

# ---------------------------------------------------------------------------------------------
# the generator

#: Event classes: (share of stories, verb triggers, event-noun triggers).
CLASSES: dict[str, tuple[int, tuple[str, ...], tuple[str, ...]]] = {
    "say": (20, ("said", "says", "told"), ()),
    "meet": (10, ("met", "meets"), ("meeting", "talks", "summit")),
    "criticize": (9, ("criticized", "slammed", "attacked"), ()),
    "announce": (9, ("announced", "unveiled"), ("announcement",)),
    "travel": (8, ("traveled", "flew"), ("trip", "visit")),
    "sign": (7, ("signed",), ("signing", "deal")),
    "vote": (6, ("voted",), ("vote", "election")),
    "attack": (6, ("attacked", "struck"), ("attack", "strike")),
    "launch": (5, ("launched",), ("launch",)),
    "arrest": (4, ("arrested", "detained"), ("arrest",)),
    "resign": (3, ("resigned", "quit"), ("resignation",)),
    "protest": (3, ("protested", "marched"), ("protest", "rally")),
}
#: Actors in the pool and the Zipf exponent of their popularity.
ACTORS = 400
ACTOR_ZIPF = 1.1
#: Content words and the Zipf exponent of their frequency.
VOCABULARY = 3000
WORD_ZIPF = 1.0
FIRST_NAMES = (
    "Donald", "Vladimir", "Angela", "Emmanuel", "Rand", "Ron", "Lindsey", "Konstantin", "Sergei",
    "Maria", "John", "Nancy", "Mitch", "Boris", "Xi", "Recep", "Jacinda", "Justin", "Narendra",
    "Olaf", "Ursula", "Kamala", "Joe", "Bernie", "Elizabeth", "Mike", "Chuck", "Kevin", "Adam",
    "Alexei", "Yulia", "Dmitry", "Viktor", "Andrzej", "Pedro", "Giorgia", "Mark", "Scott", "Ted",
)  # fmt: skip
TITLES = ("Sen.", "President", "Mr.", "Ms.", "Minister", "Gov.", "Rep.")
_ONSETS = ("k", "g", "q", "m", "p", "t", "s", "d", "b", "r", "v", "l", "n", "ch", "z", "h", "y", "tr", "kr", "sh")
_VOWELS = ("a", "o", "e", "i", "u", "ya")
_CODAS = ("chev", "rov", "son", "ski", "man", "ton", "ley", "nko", "lin", "dov", "nes", "ger", "vin", "tz", "ez", "ov")
_WORD_PARTS = ("ban", "cor", "del", "fis", "gar", "hel", "jun", "kel", "lom", "mar", "nor", "pel", "quin", "ros", "sal", "tem", "vor", "wen")


@define
class Story:
    """One true event: what its mentions report."""

    id: int
    day: date
    event: str
    actors: tuple[int, ...]  # indices into the actor pool; the first is the doer
    words: tuple[str, ...]


@define
class Synthetic:
    """A generated mention set and its truth."""

    articles: list[ArticleInfo]
    mentions: list[Mention]
    #: ``Mention.key`` -> the story it reports.
    truth: dict[tuple[str, int, int, str], int]
    stories: int
    days: int
    spellings: list[tuple[str, ...]] = field(factory=list)


def _zipf_weights(count: int, exponent: float) -> list[float]:
    return [1.0 / (rank + 1) ** exponent for rank in range(count)]


def _surname(rng: random.Random) -> str:
    syllables = rng.choice((1, 2, 2, 3))
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables)) + rng.choice(_CODAS)
    return word.capitalize()


def _transliterations(surname: str, rng: random.Random) -> list[str]:
    """Other spellings of a surname, as news in different languages write it."""
    lower = surname.lower()
    out = []
    if lower.endswith("ev"):
        out.append(lower[:-2] + "yov")
    if "y" in lower:
        out.append(lower.replace("y", "i", 1))
    elif "i" in lower:
        out.append(lower.replace("i", "y", 1))
    consonants = [k for k in range(2, len(lower) - 1) if lower[k] not in "aeiouy"]
    if consonants:
        k = rng.choice(consonants)
        out.append(lower[: k + 1] + lower[k] + lower[k + 1 :])  # a doubled letter
    if lower[0] in "kgq":  # Gaddafi / Qaddafi / Kaddafi
        out.append(rng.choice([c for c in "kgq" if c != lower[0]]) + lower[1:])
    if lower[0] in "aeiouy" and len(lower) > 4:  # Yeltsin / Eltsin
        out.append(lower[1:])
    return [w.capitalize() for w in out]


def _actor_pool(rng: random.Random) -> list[tuple[str, ...]]:
    """Each actor's spellings: full name, surname, titled, and transliterated variants."""
    pool: list[tuple[str, ...]] = []
    surnames: set[str] = set()
    while len(pool) < ACTORS:
        surname = _surname(rng)
        if surname in surnames:
            continue
        surnames.add(surname)
        first = rng.choice(FIRST_NAMES)
        spellings = [f"{first} {surname}", surname, f"{rng.choice(TITLES)} {surname}", f"{rng.choice(TITLES)} {first} {surname}"]
        spellings += [variant for variant in _transliterations(surname, rng)[:2] if variant.lower() != surname.lower()]
        pool.append(tuple(dict.fromkeys(spellings)))
    return pool


def _vocabulary(rng: random.Random) -> list[str]:
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < VOCABULARY:
        word = "".join(rng.choice(_WORD_PARTS) for _ in range(rng.choice((1, 2, 2, 3))))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def _value(day: date, granularity: str) -> TimeValue:
    if granularity == "week":
        year, week, _ = day.isocalendar()
        return TimeValue("DATE", f"{year}-W{week:02d}")
    if granularity == "month":
        return TimeValue("DATE", f"{day.year}-{day.month:02d}")
    return TimeValue("DATE", day.isoformat())


def generate(n: int, seed: int = 0, start: date = date(2016, 1, 1), per_day: int = 50) -> Synthetic:
    """``n`` mentions of synthetic stories (see the module docstring), fully determined by ``seed``."""
    rng = random.Random(seed)
    pool = _actor_pool(rng)
    vocabulary = _vocabulary(rng)
    actor_weights = _zipf_weights(len(pool), ACTOR_ZIPF)
    word_weights = _zipf_weights(len(vocabulary), WORD_ZIPF)
    classes = sorted(CLASSES)
    class_weights = [CLASSES[c][0] for c in classes]
    days = max(30, n // per_day)
    articles_per_day = max(2, per_day // 8)

    stories: list[Story] = []
    mentions: list[Mention] = []
    truth: dict[tuple[str, int, int, str], int] = {}
    articles: dict[str, ArticleInfo] = {}
    next_offset: dict[str, int] = {}
    by_article: dict[tuple[str, int], list[Mention]] = {}

    while len(mentions) < n:
        if stories and rng.random() < 1 / 3:
            original = rng.choice(stories)  # a look-alike: same class and actors, another day
            shift = rng.randint(1, 45) * rng.choice((-1, 1))
            day = original.day + timedelta(days=shift)
            kept = rng.sample(original.words, min(2, len(original.words)))
            words = tuple(dict.fromkeys(kept + rng.choices(vocabulary, word_weights, k=2)))
            story = Story(len(stories), day, original.event, original.actors, words)
        else:
            day = start + timedelta(days=rng.randrange(days))
            event = rng.choices(classes, class_weights)[0]
            actors = tuple(dict.fromkeys(rng.choices(range(len(pool)), actor_weights, k=rng.choice((1, 1, 2, 2, 3)))))
            words = tuple(dict.fromkeys(rng.choices(vocabulary, word_weights, k=4)))
            story = Story(len(stories), day, event, actors, words)
        stories.append(story)
        _, verbs, nouns = CLASSES[story.event]
        reports = rng.choices(range(1, 9), (25, 22, 18, 12, 9, 6, 5, 3))[0]
        for _ in range(reports):
            if len(mentions) >= n:
                break
            status = Status.HAPPENED
            roll = rng.random()
            if roll < 0.08:
                status, published = Status.PLANNED, story.day - timedelta(days=rng.randint(1, 7))
            else:
                if roll < 0.18:
                    status = Status.REPORTED
                published = story.day + timedelta(days=rng.choice((0, 0, 1, 1, 1, 2, 2, 3, 5, 8)))
            article = f"{published.isoformat()}-{rng.randrange(articles_per_day):02d}"
            articles.setdefault(article, ArticleInfo(article, published.isoformat(), f"source{rng.randrange(7)}"))
            granularity = rng.choices(("day", "week", "month", None), (45, 8, 7, 40))[0]
            if status is Status.PLANNED and granularity is None:
                granularity = "day"  # a plan names its day
            when = None if granularity is None else _value(story.day, granularity)
            trigger = rng.choice(nouns) if nouns and rng.random() < 0.35 else rng.choice(verbs)
            doer = pool[story.actors[0]]
            agent = rng.choice(doer) if rng.random() < 0.85 else None
            others = [rng.choice(pool[a]) for a in story.actors[1:] if rng.random() < 0.7]
            entities = tuple(dict.fromkeys(([agent] if agent else []) + others))
            told = rng.sample(story.words, min(len(story.words), rng.randint(2, 4)))
            told += rng.choices(vocabulary, word_weights, k=rng.choice((0, 1, 2)))
            keywords = tuple(sorted(set(told) | ({story.event} if rng.random() < 0.5 else set())))
            earlier = by_article.get((article, story.id), [])
            refers_to = earlier[-1].key if earlier and rng.random() < 0.5 else None
            if refers_to is None and earlier and rng.random() < 0.04 * len(earlier):
                refers_to = earlier[0].key
            summary = f"{agent or 'officials'} {trigger} {' '.join(told)}"
            offset = next_offset.get(article, 0)
            next_offset[article] = offset + len(summary) + 2
            # As the pipeline makes them: a reporting verb's lemma is "say"; the doer is a person.
            participants = tuple(
                [Participant("doer", agent, "PERSON")] * bool(agent) + [Participant("other", name, "PERSON") for name in others if name != agent]
            )
            mention = Mention(
                article=article,
                sentence=Sentence(summary + ".", offset, offset + len(summary) + 1),
                start=offset,
                end=offset + len(summary),
                trigger=trigger,
                event=story.event,
                summary=summary,
                status=status,
                agent=agent,
                actors=entities,
                entities=entities,
                keywords=keywords,
                when=when,
                time_text=None if when is None else when.value,
                dated_by="none" if when is None else "text",
                published=published.isoformat(),
                refers_to=refers_to,
                lemma="say" if story.event == "say" else trigger,
                stems=(story.event,),
                participants=participants,
                position=len(by_article.get((article, story.id), [])),
            )
            mentions.append(mention)
            truth[mention.key] = story.id
            by_article.setdefault((article, story.id), []).append(mention)
    return Synthetic(sorted(articles.values(), key=lambda a: a.id), mentions, truth, len(stories), days, pool)


# ---------------------------------------------------------------------------------------------
# measuring


@define
class PairCounts:
    system: int  # pairs in one entry
    gold: int  # pairs of one story
    both: int

    @property
    def precision(self) -> float:
        return self.both / self.system if self.system else 1.0

    @property
    def recall(self) -> float:
        return self.both / self.gold if self.gold else 1.0


def _pairs(count: int) -> int:
    return count * (count - 1) // 2


def pairwise(groups: Sequence[Sequence[Mention]], truth: dict[tuple[str, int, int, str], int]) -> PairCounts:
    """Pairwise merge counts of ``groups`` (entries' mentions) against the stories."""
    both = system = 0
    stories: Counter[int] = Counter()
    for group in groups:
        labels = Counter(truth[m.key] for m in group)
        system += _pairs(len(group))
        both += sum(_pairs(c) for c in labels.values())
        stories.update(labels)
    return PairCounts(system, sum(_pairs(c) for c in stories.values()), both)


def partition(timeline: Timeline) -> set[frozenset[tuple[str, int, int, str]]]:
    return {frozenset(m.key for m in entry.mentions) for entry in timeline}


@define
class Run:
    n: int
    mode: str  # "blocked", "exact blocks" (window None), "all pairs"
    seconds: float
    peak_mib: Optional[float]
    stats: MergeStats
    entries: int
    counts: PairCounts
    #: Mentions in entries that differ from the all-pairs ones (None: all pairs not run).
    differ: Optional[int] = None


def repeats(n: int) -> int:
    """Timed runs per size (the best counts): 5 at 1,000 mentions, 3 at 10,000, 1 from 30,000."""
    return max(1, min(5, 30_000 // n))


def run(data: Synthetic, mode: str, window: int, memory: bool) -> tuple[Run, Timeline]:
    options: dict[str, Any] = {"window": window}
    if mode == "exact blocks":
        options = {"window": None}
    elif mode == "all pairs":
        options = {"all_pairs": True}
    seconds = math.inf
    for _ in range(repeats(len(data.mentions))):
        gc.collect()
        stats = MergeStats()
        started = time.perf_counter()
        built = assemble(data.articles, data.mentions, stats=stats, **options)
        seconds = min(seconds, time.perf_counter() - started)
    peak = None
    if memory:
        gc.collect()
        tracemalloc.start()
        assemble(data.articles, data.mentions, **options)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    counts = pairwise([e.mentions for e in built], data.truth)
    return Run(len(data.mentions), mode, seconds, peak, stats, len(built), counts), built


def slope(points: Sequence[tuple[float, float]]) -> Optional[float]:
    """Least-squares slope of log(y) against log(x)."""
    points = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else None


# ---------------------------------------------------------------------------------------------
# report


def _mib(value: Optional[float]) -> str:
    return "–" if value is None else f"{value:,.0f}"


def table(runs: Sequence[Run]) -> str:
    head = (
        "| mentions | mode | seconds | peak MiB | pairs compared | pairs / mention | links | blocks ≥2 | memberships / mention "
        "| largest block | windowed blocks | entries | merge P / R (%) | mentions in entries ≠ all-pairs |"
    )
    rows = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for r in runs:
        s = r.stats
        blocks = "–" if r.mode == "all pairs" else f"{s.blocks:,}"
        largest = "–" if r.mode == "all pairs" else f"{s.largest_block:,}"
        windowed = "–" if r.mode == "all pairs" else f"{s.windowed_blocks:,}"
        memberships = "–" if r.mode == "all pairs" else f"{s.memberships / max(r.n, 1):.1f}"
        rows.append(
            f"| {r.n:,} | {r.mode} | {r.seconds:.2f} | {_mib(r.peak_mib)} | {s.pairs:,} | {s.pairs / max(r.n, 1):.1f} "
            f"| {s.links:,} | {blocks} | {memberships} | {largest} | {windowed} | {r.entries:,} "
            f"| {100 * r.counts.precision:.1f} / {100 * r.counts.recall:.1f} "
            f"| {'–' if r.differ is None else f'{r.differ:,}'} |"
        )
    return "\n".join(rows)


def report(runs: Sequence[Run], env: dict[str, Any], window: int, seed: int, generated: dict[int, str]) -> str:
    blocked = [(r.n, r.seconds) for r in runs if r.mode == "blocked"]
    lines = [
        "# Merge at scale: assemble on synthetic mentions",
        "",
        *header(env, more_follows=True),
        f"Window: {window}; generator seed: {seed}",
        "",
        *[f"- {n:,} mentions: {text}" for n, text in generated.items()],
        "",
        table(runs),
        "",
    ]
    for mode in ("blocked", "exact blocks", "all pairs"):
        times = [(r.n, r.seconds) for r in runs if r.mode == mode]
        pairs = [(r.n, r.stats.pairs) for r in runs if r.mode == mode]
        if len(times) >= 2:
            t, p = slope(times), slope(pairs)
            span = f"{times[0][0]:,}-{times[-1][0]:,}"
            lines.append(f"- growth exponent, {mode} ({span} mentions): time n^{t:.2f}, pairs compared n^{p:.2f}")
            if len(times) > 2:
                steps = [
                    f"{a[0]:,}-{b[0]:,}: time n^{slope([a, b]):.2f}, pairs n^{slope([c, d]):.2f}"
                    for a, b, c, d in zip(times, times[1:], pairs, pairs[1:], strict=False)
                ]
                lines.append(f"  - step by step: {'; '.join(steps)}")
    if blocked:
        lines.append(
            "- seconds: wall time of `assemble`, best of 5 runs at 1,000 mentions, 3 at 10,000, 1 from 30,000; "
            "peak MiB: tracemalloc peak of one more call (the allocations it makes, not its input); "
            "exact blocks: `window=None`; all pairs: `all_pairs=True` (what `cluster` did before blocking)."
        )
    return "\n".join(lines)


def arguments(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES), help="comma-separated mention counts (default: %(default)s)")
    parser.add_argument("--all-pairs-up-to", type=int, default=1_000, help="run all-pairs and exact blocking up to this size (default: %(default)s; all pairs compares n²/2 pairs: at 10,000 about 15 minutes)")
    parser.add_argument("--window", type=int, default=WINDOW, help="sorted-neighbourhood window (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default: %(default)s)")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run")
    parser.add_argument("--json", type=Path, help="write every number as JSON")
    args = parser.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    return args


def main(argv: Optional[Sequence[str]] = None) -> None:
    args = arguments(argv)
    runs: list[Run] = []
    generated: dict[int, str] = {}
    for n in args.sizes:
        started = time.perf_counter()
        data = generate(n, seed=args.seed)
        generated[n] = (
            f"{data.stories:,} stories over {data.days:,} days in {len(data.articles):,} articles "
            f"({time.perf_counter() - started:.1f} s to generate)"
        )
        blocked, built = run(data, "blocked", args.window, not args.no_memory)
        runs.append(blocked)
        if n <= args.all_pairs_up_to:
            exact, exact_built = run(data, "exact blocks", args.window, not args.no_memory)
            reference, reference_built = run(data, "all pairs", args.window, not args.no_memory)
            truth = partition(reference_built)
            for r, t in ((blocked, built), (exact, exact_built), (reference, reference_built)):
                r.differ = sum(len(group) for group in partition(t) - truth)
            runs += [exact, reference]
        print(f"{n:,} mentions done", file=sys.stderr, flush=True)
    env = shared_environment(PACKAGES)
    print(report(runs, env, args.window, args.seed, generated))
    if args.json:
        payload = {
            "environment": env,
            "window": args.window,
            "seed": args.seed,
            "runs": [
                {
                    "mentions": r.n,
                    "mode": r.mode,
                    "seconds": r.seconds,
                    "peak_mib": r.peak_mib,
                    "stats": {k: getattr(r.stats, k) for k in ("mentions", "blocks", "memberships", "largest_block", "windowed_blocks", "pairs", "links")},
                    "entries": r.entries,
                    "pairs": {"system": r.counts.system, "gold": r.counts.gold, "both": r.counts.both},
                    "mentions_in_entries_differing_from_all_pairs": r.differ,
                }
                for r in runs
            ],
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
