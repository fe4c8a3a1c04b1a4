"""What a Python user expects of a command line: -h, python -m, - for stdin, folders, -q, --format in any case, 130 on Ctrl-C."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MEETING = "Senator Rand Paul met Konstantin Kosachev in Moscow on Monday."


def run(*args: object, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


def test_python_dash_m_timeline_is_the_command_line_and_h_is_help():
    result = subprocess.run([sys.executable, "-m", "timeline", "-h"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("Usage: timeline [OPTIONS] COMMAND [ARGS]...")
    for command in ("build", "timexes", "timeml"):
        assert run(command, "-h").output.startswith(f"Usage: main {command} [OPTIONS]")


def test_dash_reads_one_article_from_standard_input():
    result = run("build", "--published", "2018-08-07", "--format", "json", "-q", "-", input=MEETING)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [a["id"] for a in data["articles"]] == ["stdin"]
    assert [e["when"]["value"] for e in data["entries"]] == ["2018-08-06"]


@pytest.mark.parametrize("spelling", ["md", "MD", "Markdown", "markdown"])
def test_format_md_in_any_case_is_markdown(spelling):
    result = run("build", "--published", "2018-08-07", "--format", spelling, "-q", "-", input=MEETING)
    assert result.exit_code == 0 and result.stdout.startswith("# Timeline\n")
    assert json.loads(run("build", "--published", "2018-08-07", "--format", "JSON", "-q", "-", input=MEETING).stdout)["entries"]


def test_a_folder_stands_for_its_article_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text(MEETING, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("Kosachev left Moscow on Tuesday.", encoding="utf-8")
    (tmp_path / ".hidden" / "c.txt").write_text("Not an article.", encoding="utf-8")
    (tmp_path / "meta.json").write_text(json.dumps({"articles": [{"file": "a.txt", "published": "2018-08-07"}, {"file": "b.txt", "published": "2018-08-08"}]}), encoding="utf-8")
    result = run("build", "--meta", tmp_path / "meta.json", "--format", "json", "-q", tmp_path)
    assert result.exit_code == 0, result.output
    articles = json.loads(result.stdout)["articles"]
    assert [(a["id"], a["published"]) for a in articles] == [("a.txt", "2018-08-07"), ("b.txt", "2018-08-08")]
    (tmp_path / "empty").mkdir()
    empty = run("build", "--published", "2018-08-07", tmp_path / "empty")
    assert empty.exit_code == 2 and "empty: a folder with no article file in it" in empty.output


def test_quiet_on_every_command(tmp_path):
    loud = run("build", "--published", "2018-08-07", "-", input=MEETING)
    assert "1 article, 1 time expression" in loud.stderr
    assert run("build", "--published", "2018-08-07", "-q", "-", input=MEETING).stderr == ""
    assert run("timexes", "--published", "2018-08-07", "-q", "-", input=MEETING).stderr == ""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.tml").write_text(
        '<?xml version="1.0" ?>\n<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2018-08-07" temporalFunction="false" '
        'functionInDocument="CREATION_TIME">2018-08-07</TIMEX3></DCT><TEXT>He left on Monday.</TEXT></TimeML>\n',
        encoding="utf-8",
    )
    assert "1 files" in run("timeml", tmp_path / "in", tmp_path / "out").stderr
    quiet = run("timeml", "-q", tmp_path / "in", tmp_path / "out2")
    assert quiet.exit_code == 0 and quiet.stderr == "" and (tmp_path / "out2" / "a.tml").exists()


def test_timexes_writes_to_o(tmp_path):
    out = tmp_path / "t.json"
    result = run("timexes", "--published", "2018-08-07", "--format", "json", "-o", out, "-", input=MEETING)
    assert result.exit_code == 0 and result.stdout == ""
    assert [e["value"]["value"] for e in json.loads(out.read_text(encoding="utf-8"))[0]["time_expressions"]] == ["2018-08-06"]


def test_ctrl_c_exits_with_130(monkeypatch):
    import timeline.pipeline

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(timeline.pipeline, "build", interrupted)
    result = run("build", "--published", "2018-08-07", "-", input=MEETING)
    assert result.exit_code == 130 and "interrupted" in result.stderr and "Traceback" not in result.output


def test_a_spinner_shows_while_the_model_loads_on_a_terminal_only(monkeypatch):
    import io
    import time

    from timeline import cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for stream, enabled, shown in ((Terminal(), True, True), (Terminal(), False, False), (io.StringIO(), True, False)):
        monkeypatch.setattr(sys, "stderr", stream)
        with cli._loading(enabled):
            time.sleep(0.2)
        monkeypatch.undo()
        assert ("loading the English model" in stream.getvalue()) is shown


def test_output_naming_an_input_is_refused_and_the_input_kept(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(MEETING, encoding="utf-8")
    for command in ("build", "timexes"):
        result = run(command, "--published", "2018-08-07", "-o", story, story)
        assert result.exit_code == 2 and "is one of the inputs; refusing to overwrite it" in result.output
        assert story.read_text(encoding="utf-8") == MEETING


def test_output_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    """A write that fails part-way leaves the previous file as it was, and no temporary file."""
    import os

    out = tmp_path / "t.md"
    out.write_text("the previous timeline\n", encoding="utf-8")
    real_fsync = os.fsync

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    result = run("build", "--published", "2018-08-07", "-q", "-o", out, "-", input=MEETING)
    assert result.exit_code == 1 and f"{out}: cannot write (No space left on device); the file is as it was" in result.output
    assert out.read_text(encoding="utf-8") == "the previous timeline\n" and sorted(p.name for p in tmp_path.iterdir()) == ["t.md"]
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert run("build", "--published", "2018-08-07", "-q", "-o", out, "-", input=MEETING).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Timeline\n")


def test_a_closed_or_full_standard_output_is_a_clean_error(monkeypatch):
    import io

    from timeline import cli

    class Full(io.StringIO):
        def write(self, text):
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(sys, "stdout", Full())
    with pytest.raises(click_exception()) as raised:
        cli._write("text", None)
    assert raised.value.format_message() == "cannot write to standard output (No space left on device)"


def click_exception():
    import click

    return click.ClickException


def test_json_lines_split_on_line_feeds_only(tmp_path):
    """U+2028 and other separators may stand unescaped inside a JSON string."""
    lines = tmp_path / "a.jsonl"
    text = "Paul met Kosachev\u2028in Moscow on Monday.\u0085 Nothing else."
    lines.write_text(json.dumps({"text": text, "id": "one"}, ensure_ascii=False) + "\r\n", encoding="utf-8")
    result = run("build", "--published", "2018-08-07", "--format", "json", "-q", lines)
    assert result.exit_code == 0, result.output
    assert [a["id"] for a in json.loads(result.stdout)["articles"]] == ["one"]


def test_standard_input_in_another_encoding_and_an_output_that_is_a_folder_are_named(tmp_path):
    result = run("build", "--published", "2018-08-07", "-", input=b"Paul met Kosachev in caf\xe9 on Monday.")
    assert result.exit_code == 2 and "standard input: not utf-8 text (byte 0xe9 at offset 24); give its encoding with --encoding" in result.output
    assert run("build", "--published", "2018-08-07", "--encoding", "latin-1", "-q", "-", input=b"Paul met Kosachev in caf\xe9 on Monday.").exit_code == 0
    for command in ("build", "timexes"):
        folder = run(command, "--published", "2018-08-07", "-o", tmp_path, "-", input=MEETING)
        assert folder.exit_code == 2 and f"{tmp_path}: cannot write there (is a directory)" in folder.output


def test_an_output_has_the_permissions_a_plain_write_gives(tmp_path):
    """Atomic writes go through a private temporary file (0600); the output must not stay
    private: a new file gets 0666 less the umask, a replaced one keeps its mode."""
    import os
    import stat

    from timeline import atomic

    previous = os.umask(0o022)
    try:
        new = tmp_path / "new.html"
        atomic.write_bytes(new, b"<p>page</p>")
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        kept = tmp_path / "kept.html"
        kept.write_bytes(b"old")
        kept.chmod(0o640)
        atomic.write_bytes(kept, b"<p>new</p>")
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640 and kept.read_bytes() == b"<p>new</p>"
    finally:
        os.umask(previous)
