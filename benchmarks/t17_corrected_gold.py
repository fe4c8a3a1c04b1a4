"""A copy of the Timeline17 development folder with the one gold error we found corrected, to
measure what the error costs (docs/accuracy.md, "Timeline17 key dates").

    python benchmarks/t17_corrected_gold.py OUT_DIR
    python benchmarks/tls.py --data OUT_DIR [--topics syria] [--cache DIR]

Reuters' second Syria timeline (``syria/timelines/reuters-tl2.2.json``) lists ten events of 2011
and then twenty-four of 2012 under the year 2011: "Former U.N. Secretary-General Kofi Annan is
appointed United Nations-Arab League envoy to Syria" (23 February 2012) is dated 2011-02-23, the
Houla massacre (25 May 2012) 2011-05-25, the Russian and Chinese veto of 19 July 2012
2011-07-19. Every entry after its last 2011 one (2011-12-23, the Damascus bombs) is given the
year 2012 here; nothing else changes. OUT_DIR holds links to the folder's other files (the
articles, the other timelines, the scorer and its ROUGE data), so the articles, the scorer and
the protocol are the folder's own; only the gold dates of that timeline differ.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Optional, Sequence

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "timeline17"
TIMELINE = Path("syria") / "timelines" / "reuters-tl2.2.json"
#: The last entry of 2011 in that timeline; the entries after it are of 2012.
LAST_OF_2011 = "2011-12-23"


def corrected_entries(entries: list) -> list:
    last = next(i for i, (day, _) in enumerate(entries) if day.startswith(LAST_OF_2011))
    if any(not day.startswith("2011") for day, _ in entries):
        raise SystemExit(f"{TIMELINE} has dates outside 2011 already: not the file this corrects")
    return [[day if i <= last else "2012" + day[4:], sentences] for i, (day, sentences) in enumerate(entries)]


def main(argv: Optional[Sequence[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    for source in sorted(args.data.rglob("*")):
        target = args.out / source.relative_to(args.data)
        if source.is_dir() or source.relative_to(args.data) == TIMELINE:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.symlink_to(source.resolve())
    gold = json.loads((args.data / TIMELINE).read_text(encoding="utf-8"))
    gold["entries"] = corrected_entries(gold["entries"])
    gold.pop("protocol", None)  # the scorer computes it from the entries
    (args.out / TIMELINE).parent.mkdir(parents=True, exist_ok=True)
    (args.out / TIMELINE).write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    moved = sum(1 for day, _ in gold["entries"] if day.startswith("2012"))
    print(f"{args.out}: {TIMELINE} with {moved} of {len(gold['entries'])} dates moved to 2012")


if __name__ == "__main__":
    main()
