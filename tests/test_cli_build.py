"""`timeline build`: the seeds as Markdown and JSON, output files, JSON Lines input, clean errors."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import timeline
from timeline.cli import main

from conftest import seed_articles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
META = SEEDS / "seeds.json"
EXAMINER = SEEDS / "000_78c635482813545c.txt"
ROLL_CALL = SEEDS / "004_b15222a62f1761cc.txt"
ROLL_CALL_URL = "https://rollcall.com/2018/08/06/sen-rand-paul-invites-top-russians-to-u-s-as-they-claim-no-election-interference/"


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def seeds_markdown() -> str:
    result = run("build", "--meta", META, EXAMINER, ROLL_CALL)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def seeds_markdown_all() -> str:
    result = run("build", "--meta", META, "--all", EXAMINER, ROLL_CALL)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def seeds_json() -> str:
    result = run("build", "--meta", META, "--format", "json", EXAMINER, ROLL_CALL)
    assert result.exit_code == 0, result.output
    return result.stdout


def headings(markdown: str) -> list[str]:
    return [line[3:] for line in markdown.splitlines() if line.startswith("## ")]


def section(markdown: str, heading: str) -> list[str]:
    """The bullet lines under one ``## heading``."""
    lines = markdown.splitlines()
    start = lines.index(f"## {heading}") + 2
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    return [line for line in lines[start:end] if line]


def test_markdown_of_the_seeds_has_the_salient_entries_under_dates_in_order(seeds_markdown):
    assert seeds_markdown.startswith("# Timeline\n\n")
    total = len(timeline.build(seed_articles()))
    assert re.fullmatch(
        rf"\d+ of {total} entries from 2 articles: Washington Examiner \(published 3 August 2018\); "
        r"\[Roll Call\]\[1\] \(published 6 August 2018\)\.",
        seeds_markdown.splitlines()[2],
    )
    assert headings(seeds_markdown) == ["2016", "2018", "July 2018", "Thursday, 2 August 2018", "Monday, 6 August 2018", "Late 2018"]


def test_all_shows_every_entry(seeds_markdown_all):
    total = len(timeline.build(seed_articles()))
    assert seeds_markdown_all.splitlines()[2].startswith(f"{total} entries from 2 articles")
    assert headings(seeds_markdown_all) == [
        "2016",
        "2018",
        "July 2018",
        "Thursday, 2 August 2018",
        "Friday, 3 August 2018",
        "Monday, 6 August 2018",
        "Late 2018",
        "2019",
        "Undated",
    ]
    bullets = [line for line in seeds_markdown_all.splitlines() if line.startswith("- ")]
    assert len(bullets) == total


def test_markdown_bullets_carry_status_and_linked_sources(seeds_markdown, seeds_markdown_all):
    sanctions = [line for line in section(seeds_markdown, "Thursday, 2 August 2018") if "package" in line]
    assert len(sanctions) == 1
    assert sanctions[0].endswith(" — [Roll Call][1], Washington Examiner")
    assert seeds_markdown.rstrip("\n").endswith(f"[1]: {ROLL_CALL_URL}")
    assert section(seeds_markdown_all, "2019") == [
        "- The meeting will be postponed to 2019 (planned) — [Roll Call][1]"
    ]
    undated = [line for line in section(seeds_markdown_all, "Undated") if not line.startswith("[")]  # link references follow
    assert undated and all(line.startswith("- ") for line in undated)


def test_markdown_is_what_the_api_renders(seeds_markdown):
    assert seeds_markdown == timeline.build(seed_articles()).to_markdown()


def test_json_parses_and_round_trips(seeds_json):
    data = json.loads(seeds_json)
    assert data["timeline_version"] == timeline.__version__
    assert data["articles"] == [
        {"id": EXAMINER.name, "published": "2018-08-03", "published_inferred": None, "source": "Washington Examiner", "url": None, "title": None, "error": None},
        {"id": ROLL_CALL.name, "published": "2018-08-06", "published_inferred": None, "source": "Roll Call", "url": ROLL_CALL_URL, "title": None, "error": None},
    ]
    assert seeds_json.endswith("}\n")
    again = timeline.Timeline.from_json(seeds_json)
    assert again.to_json() + "\n" == seeds_json
    assert again == timeline.build(seed_articles())


def test_output_option_writes_the_file(tmp_path, seeds_markdown, seeds_json):
    out = tmp_path / "timeline.md"
    result = run("build", "--meta", META, "-o", out, EXAMINER, ROLL_CALL)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == seeds_markdown
    entries = len(json.loads(seeds_json)["entries"])
    assert re.fullmatch(
        rf"2 articles, \d+ time expressions, \d+ events, {entries} entries in \d+\.\d s, written to {re.escape(str(out))}\n",
        result.stderr,
    )
    quiet = run("build", "--meta", META, "-o", out, "--quiet", EXAMINER, ROLL_CALL)
    assert quiet.exit_code == 0 and quiet.stderr == ""
    out_json = tmp_path / "timeline.json"
    assert run("build", "--meta", META, "--format", "json", "--output", out_json, EXAMINER, ROLL_CALL).exit_code == 0
    assert out_json.read_text(encoding="utf-8") == seeds_json


TWO_LINES = [
    {"text": "Senator Rand Paul met Konstantin Kosachev in Moscow on Monday.", "published": "2018-08-07", "source": "First", "id": "a"},
    {"text": "Paul met Kosachyov on Monday, the Russian side said.", "published": "2018-08-07", "source": "Second", "url": "https://example.com/second"},
]


def write_jsonl(path: Path, lines: list) -> Path:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines), encoding="utf-8")
    return path


def test_jsonl_input_with_two_articles(tmp_path):
    path = write_jsonl(tmp_path / "articles.jsonl", TWO_LINES)
    result = run("build", path)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "# Timeline\n"
        "\n"
        "1 entry from 2 articles: First (published 7 August 2018); [Second][1] (published 7 August 2018).\n"
        "\n"
        "## Monday, 6 August 2018\n"
        "\n"
        "- Senator Rand Paul met Konstantin Kosachev in Moscow on Monday — First, [Second][1]\n"
        "\n"
        "[1]: https://example.com/second\n"
    )
    data = json.loads(run("build", "--format", "json", path).stdout)
    # The id is the one given, else the URL (as for timeline.Article).
    assert [(a["id"], a["source"], a["url"]) for a in data["articles"]] == [
        ("a", "First", None),
        ("https://example.com/second", "Second", "https://example.com/second"),
    ]


def test_jsonl_lines_take_missing_date_and_source_from_the_options(tmp_path):
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            "",
            {"text": "Paul met Kosachev in Moscow on Monday.", "id": "x"},
            {"text": "Paul left Moscow on Tuesday.", "published": None, "source": None, "id": "y", "note": "ignored"},
        ],
    )
    result = run("build", "--format", "json", "--published", "2018-08-07", "--source", "Wire", path)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"] == [
        {"id": "x", "published": "2018-08-07", "published_inferred": None, "source": "Wire", "url": None, "title": None, "error": None},
        {"id": "y", "published": "2018-08-07", "published_inferred": None, "source": "Wire", "url": None, "title": None, "error": None},
    ]
    assert [(e["when"]["value"], e["summary"]) for e in data["entries"]] == [
        ("2018-08-06", "Paul met Kosachev in Moscow on Monday"),
        ("2018-08-07", "Paul left Moscow on Tuesday"),
    ]


def test_bad_date_in_a_jsonl_line_names_file_and_line(tmp_path):
    path = write_jsonl(tmp_path / "bad.jsonl", [TWO_LINES[0], {"text": "x", "published": "yesterday"}])
    result = run("build", path)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: article {path}:2: publication date 'yesterday' is not an ISO 8601 date (YYYY-MM-DD) or datetime\n"
    )


def test_malformed_json_line_names_file_and_line(tmp_path):
    path = write_jsonl(tmp_path / "broken.jsonl", [TWO_LINES[0], "", '{"text": "x" "published": "2018-08-07"}'])
    result = run("build", path)
    assert result.exit_code == 1
    assert result.output == f"Error: article {path}:3: not valid JSON (Expecting ',' delimiter at column 14)\n"


@pytest.mark.parametrize(
    "line,problem",
    [
        ('["a list"]', "expected a JSON object, got list"),
        ('{"published": "2018-08-07"}', 'no "text"'),
        ('{"text": 5, "published": "2018-08-07"}', "text must be a string, not int"),
        ('{"text": "x", "published": "2018-08-07", "url": 5}', "url must be a string or None, not int"),
        ('{"text": "x", "published": "2018-08-07", "source": "\\ud800"}', '"source" holds a lone surrogate escape (not valid Unicode text)'),
    ],
)
def test_bad_article_data_in_jsonl(tmp_path, line, problem):
    path = write_jsonl(tmp_path / "x.jsonl", [line])
    result = run("build", path)
    assert result.exit_code == 1
    assert result.output == f"Error: article {path}:1: {problem}\n"


def test_the_errors_are_the_librarys_own(tmp_path):
    from timeline.cli import articles_from_jsonl

    path = write_jsonl(tmp_path / "d.jsonl", [{"text": "x", "published": "2018-02-30"}])
    with pytest.raises(timeline.InvalidDateError) as raised:
        articles_from_jsonl(path, None, None)
    assert raised.value.article == f"{path}:1"
    assert isinstance(raised.value, timeline.TimelineError)


def test_bad_published_option_names_the_file():
    result = run("build", "--published", "yesterday", EXAMINER)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: article {EXAMINER}: publication date 'yesterday' is not an ISO 8601 date (YYYY-MM-DD) or datetime\n"
    )


def test_text_file_without_a_date_is_built_with_a_warning():
    result = run("build", "--quiet", EXAMINER)
    assert result.exit_code == 0, result.output
    assert "(published date unknown)" in result.stdout.splitlines()[2]
    assert f"warning: {EXAMINER.name}: no publication date, and its text supports none" in result.stderr


def test_collect_builds_from_the_good_inputs_and_lists_the_bad_ones(tmp_path):
    path = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            {"text": "Senator Rand Paul met Konstantin Kosachev in Moscow on Monday.", "published": "2018-08-07", "id": "good"},
            {"text": "Paul left.", "published": "next Tuesday", "id": "bad-date"},
            ["not", "an", "object"],
        ],
    )
    result = run("build", "--errors", "collect", "--format", "json", path, tmp_path / "missing.txt")
    assert result.exit_code == 2  # click checks that FILES exist before anything is read
    result = run("build", "--errors", "collect", "--format", "json", path)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(a["id"], a["error"]) for a in data["articles"]] == [
        ("good", None),
        (f"{path}:2", f"article {path}:2: publication date 'next Tuesday' is not an ISO 8601 date (YYYY-MM-DD) or datetime"),
        (f"{path}:3", f"article {path}:3: expected a JSON object, got list"),
    ]
    assert [e["summary"] for e in data["entries"]] == ["Senator Rand Paul met Konstantin Kosachev in Moscow on Monday"]
    assert f"warning: {path}:3: not read: article {path}:3: expected a JSON object, got list" in result.stderr
    assert "1 article, 1 time expression, 1 event, 1 entry (2 inputs not read) in" in result.stderr
    assert run("build", "--format", "json", path).exit_code == 1  # the default stops at the first


def test_unreadable_and_missing_files_are_usage_errors(tmp_path):
    binary = tmp_path / "page.txt"
    binary.write_bytes(b"\xff\xfe not utf-8")
    result = run("build", "--published", "2018-08-06", binary)
    assert result.exit_code == 2
    assert f"Error: {binary}: not utf-8 text (byte 0xff at offset 0); give the file's encoding with --encoding" in result.output
    result = run("build", "--published", "2018-08-06", tmp_path / "missing.txt")
    assert result.exit_code == 2
    assert "does not exist" in result.output and "Traceback" not in result.output


def test_two_different_articles_under_one_id_are_refused(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "page.txt", tmp_path / "b" / "page.txt"
    first.write_text("Paul met Kosachev on Monday.", encoding="utf-8")
    second.write_text("Paul left Moscow on Tuesday.", encoding="utf-8")
    result = run("build", "--published", "2018-08-07", first, second)
    assert result.exit_code == 1
    assert result.output == f"Error: article {second}: id 'page.txt' is already used by a different article ({first})\n"
    # The same article twice counts once.
    result = run("build", "--published", "2018-08-07", "--format", "json", first, first)
    assert result.exit_code == 0 and len(json.loads(result.stdout)["articles"]) == 1


def test_unwritable_output_is_a_clean_error(tmp_path):
    out = tmp_path / "no" / "such" / "dir" / "t.md"
    result = run("build", "--published", "2018-08-07", "-o", out, write_jsonl(tmp_path / "a.jsonl", TWO_LINES[:1]))
    # refused before anything is read: no summary of a build
    assert result.exit_code == 2 and "entries" not in result.stderr
    assert f"{out}: cannot write there (its folder {out.parent} does not exist)" in result.stderr
    (tmp_path / "locked").mkdir(mode=0o500)
    if not os.access(tmp_path / "locked", os.W_OK):  # (root may write anywhere)
        result = run("build", "--published", "2018-08-07", "-o", tmp_path / "locked" / "t.md", tmp_path / "a.jsonl")
        assert result.exit_code == 2 and "is not writable" in result.stderr


def test_meta_with_an_unknown_key_is_an_error_naming_it(tmp_path):
    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps({"articles": [{"file": EXAMINER.name, "publshed": "2018-08-03", "published_note": "kept"}]}), encoding="utf-8")
    result = run("build", "--meta", meta, EXAMINER)
    assert result.exit_code == 2
    assert "unknown key 'publshed' in the entry of '000_78c635482813545c.txt' (did you mean 'published'?)" in result.output
    assert "Traceback" not in result.output


def test_meta_listing_a_file_that_is_no_input_is_an_error_naming_it(tmp_path):
    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps({"articles": [{"file": "000_78c635482813545c.text", "published": "2018-08-03"}]}), encoding="utf-8")
    result = run("build", "--meta", meta, EXAMINER)
    assert result.exit_code == 2
    assert "lists '000_78c635482813545c.text', which no input FILE is named" in result.output


def test_a_meta_file_that_is_no_metadata_says_what_shape_it_needs(tmp_path):
    meta = tmp_path / "articels.json"
    meta.write_text('{"articels": []}', encoding="utf-8")
    result = run("build", "--meta", meta, EXAMINER)
    assert result.exit_code == 2
    assert 'not a metadata file, expected {"articles": [{"file": "a.txt"' in result.output and "seeds/seeds.json" not in result.output


MEETING = "Senator Rand Paul met Konstantin Kosachev in Moscow on Monday."


def test_a_utf8_byte_order_mark_is_no_text(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + MEETING.encode())
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": MEETING, "id": "line"}).encode() + b"\n")
    result = CliRunner().invoke(main, ["build", "--published", "2018-08-07", "--format", "json", "--quiet", str(tmp_path / "bom.txt"), str(tmp_path / "bom.jsonl")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert "\ufeff" not in result.output
    assert [m["summary"] for e in data["entries"] for m in e["mentions"]] == ["Senator Rand Paul met Konstantin Kosachev in Moscow on Monday"] * 2


def test_text_in_another_encoding_is_a_clear_error_and_encoding_reads_it(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Rand Paul met Kosachev in Moscow on Monday, the s\u00e9nateur said.".encode("latin-1"))
    result = run("build", "--published", "2018-08-07", latin)
    assert result.exit_code == 2
    assert f"{latin}: not utf-8 text (byte 0xe9 at offset 49); give the file's encoding with --encoding" in result.output
    assert "Traceback" not in result.output and "codec" not in result.output
    read = run("build", "--published", "2018-08-07", "--encoding", "latin-1", "--format", "json", "--quiet", latin)
    assert read.exit_code == 0 and "s\u00e9nateur" in json.loads(read.output)["entries"][0]["mentions"][0]["sentence"]["text"]
    unknown = run("build", "--encoding", "klingon", latin)
    assert unknown.exit_code == 2 and "unknown encoding 'klingon'" in unknown.output


def test_inputs_without_text_are_named(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\n")
    (tmp_path / "nul.txt").write_bytes(b"\0\0\0")
    (tmp_path / "story.txt").write_text(MEETING, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--published", "2018-08-07", *(str(tmp_path / n) for n in ("empty.txt", "blank.txt", "nul.txt", "story.txt"))])
    assert result.exit_code == 0
    for name in ("blank.txt", "empty.txt", "nul.txt"):
        assert f"warning: {name}: no text (empty, blank or NUL characters only): nothing read from it" in result.stderr
    assert "story.txt: no text" not in result.stderr
    assert "4 articles, 1 time expression, 1 event, 1 entry (3 inputs without text)" in result.stderr
