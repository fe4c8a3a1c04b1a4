"""Build the timeline of the two seed articles through the Python API and print it as Markdown.

    python examples/build_timeline.py

Prints the same document as ``timeline build --meta seeds/seeds.json seeds/*.txt``.
"""

from __future__ import annotations

from pathlib import Path

import timeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main() -> None:
    # Each article's id is its file name, as when the CLI reads the same files.
    articles = timeline.articles_from_meta(SEEDS / "seeds.json")
    result = timeline.build(articles)
    print(result.to_markdown(), end="")


if __name__ == "__main__":
    main()
