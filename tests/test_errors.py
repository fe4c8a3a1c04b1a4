"""Bad input: errors of the library's own types naming the article, and nothing lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import timeline
from timeline import Article

GOOD = [
    Article("Senator Rand Paul met Konstantin Kosachev in Moscow on Monday.", "2018-08-07", source="First", id="a"),
    Article("Paul met Kosachyov on Monday, the Russian side said.", "2018-08-07", source="Second", id="b"),
]
BAD = [
    42,
    {"text": "Paul met Kosachev.", "published": "last week", "id": "bad-date"},
    {"published": "2018-08-07", "url": "https://example.com/no-text"},
    {"text": "x", "published": "2018-08-07", "author": "Ann"},
]


def test_collect_keeps_every_good_article_and_lists_every_bad_one():
    given = [GOOD[0], *BAD, GOOD[1]]
    built = timeline.build(given, errors="collect")
    assert built.entries == timeline.build(GOOD).entries
    assert [(a.id, a.error) for a in built.errors] == [
        ("#1", "article #1: expected a timeline.Article or a mapping of article fields, got int"),
        ("#4", "article #4: unknown field(s) author; expected text, published, source, url, title, id"),
        ("bad-date", "article 'bad-date': publication date 'last week' is not an ISO 8601 date (YYYY-MM-DD) or datetime"),
        ("https://example.com/no-text", "article 'https://example.com/no-text': no text"),
    ]
    assert sorted(a.id for a in built.articles) == sorted(["a", "b", "#1", "#4", "bad-date", "https://example.com/no-text"])
    assert timeline.Timeline.from_json(built.to_json()) == built


def test_raise_stops_at_the_first_bad_input_naming_it():
    with pytest.raises(timeline.InvalidArticleError, match=r"^article #1: expected a timeline.Article, got int$"):
        timeline.build([GOOD[0], 42])
    with pytest.raises(timeline.InvalidArticleError, match="expected a timeline.Article, got dict"):
        timeline.build([{"text": "x", "published": "2018-08-07"}])  # mappings only when collecting


@pytest.mark.parametrize(
    "call,message",
    [
        (lambda: timeline.build(GOOD, errors="ignore"), "errors must be 'raise' or 'collect', not 'ignore'"),
        (lambda: timeline.build(GOOD, batch_size=0), "batch_size must be a whole number of at least 1, not 0"),
        (lambda: timeline.read_many(GOOD, n_process="2"), "n_process must be a whole number of at least 1, not '2'"),
    ],
)
def test_bad_arguments_are_timeline_errors(call, message):
    with pytest.raises(timeline.InvalidArgumentError, match=message):
        call()


def test_a_failure_inside_the_pipeline_names_the_article(monkeypatch):
    import timeline.pipeline

    def broken(doc, nlp):
        if "Kosachyov" in doc.text:
            raise RuntimeError("boom")
        return []

    monkeypatch.setattr(timeline.pipeline, "detect", broken)
    with pytest.raises(timeline.ReadError, match=r"^article 'b': reading failed: RuntimeError: boom$"):
        timeline.build(GOOD)
    built = timeline.build(GOOD, errors="collect")
    assert [(a.id, a.source, a.error) for a in built.errors] == [("b", "Second", "article 'b': reading failed: RuntimeError: boom")]
    assert [a.id for a in built.articles if a.error is None] == ["a"]


def test_the_markdown_lists_articles_that_could_not_be_read():
    built = timeline.build([GOOD[0], 42], errors="collect")
    assert r"\#1 (not read: article #1: expected a timeline.Article or a mapping of article fields, got int)" in built.to_markdown()


_BUILD_SEEDS = """
import sys, timeline
sys.stdout.write(timeline.build(timeline.articles_from_meta(sys.argv[1])).to_json())
"""


@pytest.mark.slow
def test_json_is_byte_identical_across_processes_and_records_the_version():
    seeds = Path(__file__).resolve().parent.parent / "seeds" / "seeds.json"
    outputs = []
    for seed in ("0", "12345"):  # string hashing differs between these processes
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _BUILD_SEEDS, str(seeds)], capture_output=True, env=env, check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["timeline_version"] == timeline.__version__
    assert outputs[0].decode("utf-8") == timeline.build(timeline.articles_from_meta(seeds)).to_json()


@pytest.mark.parametrize(
    "call,error,message",
    [
        (lambda: timeline.Timeline.from_json("not json"), timeline.InvalidTimelineError, "not JSON: Expecting value"),
        (lambda: timeline.Timeline.from_json("{}"), timeline.InvalidTimelineError, "a required key is missing: 'articles'"),
        (lambda: timeline.Timeline.from_json('{"articles": [1], "entries": []}'), timeline.InvalidTimelineError, "not a timeline: AttributeError"),
        (lambda: timeline.Timeline.from_json(5), timeline.InvalidTimelineError, "expected JSON text, got int"),
        (lambda: timeline.TimeValue.from_dict({}), timeline.InvalidValueError, "a mapping with 'type' and 'value'"),
        (lambda: timeline.TimeValue.from_dict({"type": "DATE", "value": "2018", "start": 5}), timeline.InvalidValueError, "fromisoformat"),
        (lambda: timeline.build([]).merge(5), timeline.InvalidArgumentError, "merges with a Timeline, not int"),
        (lambda: timeline.build(5), timeline.InvalidArgumentError, "iterable of timeline.Article, not int"),
        (lambda: timeline.read_many("some text"), timeline.InvalidArgumentError, "iterable of timeline.Article, not str"),
        (lambda: timeline.articles_from_meta(5), timeline.InvalidArticleError, "named by a path, not int"),
    ],
)
def test_public_functions_validate_their_input(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_a_bad_input_is_listed_even_under_the_id_of_a_good_article():
    built = timeline.build([GOOD[0], {"text": "x", "published": "junk", "id": "a"}], errors="collect")
    assert [(a.id, a.error is None) for a in built.articles] == [("a", True), ("a", False)]
    assert [a.id for a in built.errors] == ["a"]
    assert "First (published 7 August 2018)" in built.to_markdown()
