"""How much of timeline.read_many's time is spaCy's, measured side by side in one process.

    python benchmarks/pipe_overhead.py [--corpus TimeBank] [--repeat 3]

Times, on the same TimeML news texts: spaCy's full pipeline over whole documents, spaCy over
the body segments timeline parses, and timeline.read_many. Reports the median of --repeat runs
and the ratios (timeline's words/s over spaCy's).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from pathlib import Path

import timeline
from timeline import clean
from timeline.nlp import load_pipeline
from timeline.timeml import read_timeml

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tempeval3" / "train"


def median_seconds(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="TimeBank")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    documents = [read_timeml(path) for path in sorted((DATA / args.corpus).glob("*.tml"))]
    articles = [timeline.Article(d.text, d.dct, id=d.name) for d in documents]
    words = sum(len(d.text.split()) for d in documents)
    nlp = load_pipeline()
    timeline.read_many(articles[:2])  # load and warm up once, outside the timings
    segments = [a.text[start:end] for a in articles for start, end in clean.find_body(a.text)]
    rows = {
        "spaCy full pipeline, whole documents": lambda: list(nlp.pipe((a.text for a in articles), batch_size=64)),
        "spaCy full pipeline, body segments": lambda: list(nlp.pipe(segments, batch_size=64)),
        "timeline.read_many": lambda: timeline.read_many(articles),
    }
    seconds = {name: median_seconds(run, args.repeat) for name, run in rows.items()}
    base = seconds["spaCy full pipeline, whole documents"]
    print(f"{args.corpus}: {len(documents)} documents, {words:,} words; median of {args.repeat} runs; "
          f"{platform.machine()}, Python {platform.python_version()}")
    print("| run | seconds | words/s | speed relative to spaCy whole documents |")
    print("|---|---|---|---|")
    for name, value in seconds.items():
        print(f"| {name} | {value:.2f} | {words / value:,.0f} | {base / value:.2f} |")


if __name__ == "__main__":
    main()
