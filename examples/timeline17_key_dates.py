"""Key dates of a long story: a Timeline17 development topic, as an editor's timeline in Markdown.

    python examples/timeline17_key_dates.py egypt [--data ../shared/data/timeline17] [-o egypt.md]

Reads the topic's articles published inside its journalists' timeline span (the benchmark's
protocol: ``benchmarks/tls.py``), builds one timeline and prints the key dates, as many as the
journalists chose, with as many sentences a day as they wrote on average, each sentence with
its source. Timeline17's texts belong to their publishers and its license is not verified, so
the output is not kept in this repository: run it where the data is. The Egyptian protests
(egypt: 271 CNN articles, 25 January to 13 February 2011) take about a minute.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import timeline
from timeline.render import key_dates_markdown

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "timeline17"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("topic", help="bpoil, egypt, h1n1, mj or syria")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args()
    timelines = sorted((args.data / args.topic / "timelines").glob("*.json"))
    if not timelines:
        sys.exit(f"no timelines of {args.topic!r} in {args.data}")
    protocol = json.loads(timelines[0].read_text(encoding="utf-8"))["protocol"]  # the first of the topic's
    start, end = date.fromisoformat(protocol["start"]), date.fromisoformat(protocol["end"])
    with (args.data / args.topic / "articles.jsonl").open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    articles = [
        timeline.Article(r["text"], r["published"], source=r["source"], id=r["id"])
        for r in records
        if start.isoformat() <= r["published"] <= end.isoformat()
    ]
    story = timeline.build(articles)
    chosen = story.key_dates(protocol["l"], protocol["k"], start=start, end=end)
    text = key_dates_markdown(story, chosen)
    if args.output is None:
        print(text, end="")
    else:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
