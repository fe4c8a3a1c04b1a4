"""The command line: timexes over the seeds (table and JSON) and its errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from timeline.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EXAMINER = SEEDS / "000_78c635482813545c.txt"
ROLL_CALL = SEEDS / "004_b15222a62f1761cc.txt"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_timexes_json_with_meta_uses_each_files_date():
    result = run("timexes", "--meta", str(SEEDS / "seeds.json"), "--format", "json", str(EXAMINER), str(ROLL_CALL))
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert [(a["article"], a["source"], a["published"]) for a in payload] == [
        ("000_78c635482813545c.txt", "Washington Examiner", "2018-08-03"),
        ("004_b15222a62f1761cc.txt", "Roll Call", "2018-08-06"),
    ]
    examiner = {e["text"]: e["value"]["value"] for e in payload[0]["time_expressions"]}
    roll_call = {e["text"]: e["value"]["value"] for e in payload[1]["time_expressions"]}
    assert (examiner["Monday"], examiner["Thursday"], examiner["last month"]) == ("2018-08-06", "2018-08-02", "2018-07")
    assert (roll_call["this week"], roll_call["last week"], roll_call["later this year"]) == ("2018-W32", "2018-W31", "2018")
    first = payload[1]["time_expressions"][0]
    text = ROLL_CALL.read_text(encoding="utf-8")
    assert text[first["start"] : first["end"]] == first["text"]
    assert first["value"] == {"type": "DATE", "value": "2018", "mod": "END", "granularity": "year", "start": "2018-01-01", "end": "2018-12-31"}


def test_timexes_table_with_published_option():
    result = run("timexes", "--published", "2018-08-03", str(EXAMINER))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "000_78c635482813545c.txt  (unknown source, published 2018-08-03)"
    assert any("'Thursday'" in line and line.rstrip().endswith("DATE      2018-08-02") for line in lines)


def test_a_file_without_a_date_is_read_with_a_warning():
    result = run("timexes", str(EXAMINER))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "000_78c635482813545c.txt  (unknown source, publication date unknown)"
    assert any("'Thursday'" in line and line.rstrip().endswith("DATE      XXXX-XX-XX") for line in result.stdout.splitlines())
    assert result.stderr == "warning: 000_78c635482813545c.txt: no publication date, and its text supports none: relative dates left unresolved (X)\n"


def test_bad_publication_date_is_reported_not_raised():
    result = run("timexes", "--published", "yesterday", str(EXAMINER))
    assert result.exit_code == 1
    assert "not an ISO 8601 date" in result.output
    assert "Traceback" not in result.output
