"""Build the timeline of the two seed articles through the Python API and print it as Markdown.

    python examples/build_timeline.py

Prints the same document as ``timeline build --meta seeds/seeds.json seeds/*.txt``.
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
            source=entry.get("source"),
            url=entry.get("url"),
            title=entry.get("title"),
            id=entry["file"],  # the CLI names a text file's article by its file name too
        )
        for entry in meta["articles"]
    ]
    result = timeline.build(articles)
    print(result.to_markdown(), end="")


if __name__ == "__main__":
    main()
