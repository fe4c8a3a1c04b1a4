"""Read the two seed articles through the Python API and print their resolved time expressions.

    python examples/read_seeds.py
"""

from __future__ import annotations

import json
from pathlib import Path

import timeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main() -> None:
    meta = json.loads((SEEDS / "seeds.json").read_text(encoding="utf-8"))
    articles = [
        timeline.Article(
            text=(SEEDS / entry["file"]).read_text(encoding="utf-8"),
            published=entry["published"],
            source=entry["source"],
            url=entry.get("url"),
            id=entry["file"],
        )
        for entry in meta["articles"]
    ]
    for read in timeline.read_many(articles):
        print(f"{read.article.source} (published {read.article.published})")
        for expression in read.time_expressions:
            value = expression.value
            span = f"{value.start} .. {value.end}" if value.is_anchored else ""
            print(f"  {expression.text!r:20} {value.type!s:9} {value.value:12} {value.granularity!s:9} {span}")
        print()
    # A bare phrase, resolved against a date and a tense:
    print(timeline.resolve("Monday", "2018-08-03", tense="future"))


if __name__ == "__main__":
    main()
