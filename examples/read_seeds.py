"""Read the two seed articles through the Python API and print their resolved time expressions.

    python examples/read_seeds.py
"""

from __future__ import annotations

from pathlib import Path

import timeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main() -> None:
    articles = timeline.articles_from_meta(SEEDS / "seeds.json")
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
