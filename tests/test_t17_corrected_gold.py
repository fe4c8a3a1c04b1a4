"""The corrected copy of Timeline17's dev folder: only the misdated timeline's 2012 entries move."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

# benchmarks/ is a folder of scripts, not a package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from t17_corrected_gold import TIMELINE, corrected_entries, main  # noqa: E402

ENTRIES = [
    ["2011-03-15", ["About 40 people join a protest in Old Damascus ."]],
    ["2011-12-23", ["Two suicide bombs explode at security buildings in Damascus ."]],
    ["2011-02-23", ["Kofi Annan is appointed envoy to Syria ."]],
    ["2011-07-19", ["Russia and China veto a resolution ."]],
]


def test_the_entries_after_the_last_of_2011_are_of_2012():
    assert [day for day, _ in corrected_entries(ENTRIES)] == ["2011-03-15", "2011-12-23", "2012-02-23", "2012-07-19"]
    assert [s for _, s in corrected_entries(ENTRIES)] == [s for _, s in ENTRIES]


def test_a_file_already_corrected_is_refused():
    with pytest.raises(SystemExit, match="dates outside 2011"):
        corrected_entries(corrected_entries(ENTRIES))


def test_the_copy_links_everything_else(tmp_path):
    data = tmp_path / "data"
    (data / TIMELINE).parent.mkdir(parents=True)
    (data / TIMELINE).write_text(json.dumps({"entries": ENTRIES, "protocol": {"l": 4}}), encoding="utf-8")
    (data / "syria" / "timelines" / "bbc.json").write_text("{}", encoding="utf-8")
    (data / "score_tls.py").write_text("", encoding="utf-8")
    main([str(tmp_path / "out"), "--data", str(data)])
    out = tmp_path / "out"
    assert (out / "score_tls.py").is_symlink() and (out / "syria" / "timelines" / "bbc.json").is_symlink()
    written = json.loads((out / TIMELINE).read_text(encoding="utf-8"))
    assert not (out / TIMELINE).is_symlink() and "protocol" not in written
    assert [day for day, _ in written["entries"]] == ["2011-03-15", "2011-12-23", "2012-02-23", "2012-07-19"]
