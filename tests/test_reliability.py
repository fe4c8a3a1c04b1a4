"""Untrusted input stays inert: paths stay in their folder, deep nesting is the library's error,
not a RecursionError (issue 14)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.cli import main

from conftest import examples


def test_a_metadata_file_cannot_make_the_reader_leave_its_folder(tmp_path):
    (tmp_path / "secret.txt").write_text("Paul met Kosachev on Monday.", encoding="utf-8")
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text("Paul left Moscow on Tuesday.", encoding="utf-8")
    meta = folder / "meta.json"
    for name in ("../secret.txt", str(tmp_path / "secret.txt")):
        meta.write_text(json.dumps([{"file": "a.txt", "published": "2018-08-07"}, {"file": name, "published": "2018-08-07"}]), encoding="utf-8")
        with pytest.raises(timeline.InvalidArticleError, match=r"is outside the metadata file's folder .* \(allow_outside=True reads it\)"):
            timeline.articles_from_meta(meta)
        assert [a.id for a in timeline.articles_from_meta(meta, allow_outside=True)] == ["a.txt", name]
    (folder / "link.txt").symlink_to(tmp_path / "secret.txt")
    meta.write_text(json.dumps([{"file": "link.txt"}]), encoding="utf-8")
    with pytest.raises(timeline.InvalidArticleError, match="outside the metadata file's folder"):
        timeline.articles_from_meta(meta)


@settings(max_examples=examples(6), deadline=None)
@given(depth=st.integers(2_000, 200_000), opener=st.sampled_from(["[", '{"a":']))
def test_deeply_nested_json_is_the_library_error(depth, opener):
    closer = "]" if opener == "[" else "}"
    nested = opener * depth + "1" + closer * depth
    with pytest.raises(timeline.InvalidTimelineError, match="nested too deeply"):
        timeline.Timeline.from_json(nested)
    with pytest.raises(timeline.InvalidTimelineError, match="nested too deeply"):
        timeline.Timeline.from_json('{"articles": ' + nested + ', "entries": []}')


def test_deeply_nested_json_lines_and_metadata_are_clean_errors(tmp_path):
    nested = "[" * 100_000 + "]" * 100_000
    lines = tmp_path / "a.jsonl"
    lines.write_text('{"text": "Paul met Kosachev on Monday.", "published": "2018-08-07", "id": "fine"}\n' + nested + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "-q", str(lines)])
    assert result.exit_code == 1 and f"article {lines}:2: not valid JSON here (nested too deeply)" in result.output
    collected = CliRunner().invoke(main, ["build", "-q", "--errors", "collect", "--format", "json", str(lines)])
    assert collected.exit_code == 0 and [a["id"] for a in json.loads(collected.stdout)["articles"]] == ["fine", f"{lines}:2"]
    meta = tmp_path / "meta.json"
    meta.write_text(nested, encoding="utf-8")
    with pytest.raises(timeline.InvalidArticleError, match="not a metadata file.*RecursionError"):
        timeline.read_meta(meta)
