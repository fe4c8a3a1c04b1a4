"""Untrusted input stays inert: paths stay in their folder, deep nesting is the library's error,
not a RecursionError (issue 14)."""

from __future__ import annotations

import datetime as datetime_module
import json
import os
import re
from datetime import date

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


def _built_with(source: str, url: "str | None") -> timeline.Timeline:
    from timeline.merge import assemble
    from timeline.model import ArticleInfo, Mention, Sentence, Status, TimeValue

    text = "Paul met Kosachev in Moscow on Monday."
    mention = Mention(
        article="a", sentence=Sentence(text, 0, len(text)), start=0, end=len(text) - 1, trigger="met", event="meet",
        summary=text[:-1], status=Status.HAPPENED, when=TimeValue("DATE", "2018-08-06"), dated_by="text", published="2018-08-07", lemma="meet", stems=("meet",),
    )  # fmt: skip
    return assemble([ArticleInfo("a", "2018-08-07", source, url)], [mention])


@settings(max_examples=examples(200), deadline=None)
@given(
    source=st.text(st.characters(codec="utf-8"), max_size=30),
    url=st.one_of(st.text(st.characters(codec="utf-8"), max_size=40), st.text(st.characters(codec="utf-8"), max_size=40).map(lambda t: "https://e.com/" + t)),
)
def test_fields_that_reach_markdown_cannot_write_lines_of_their_own(source, url):
    """A URL or a source with line breaks, separators or brackets stays inside its line; only
    http(s) addresses become links (never javascript:)."""
    from timeline.keydates import KeyDate, KeySentence
    from timeline.render import is_web_address, key_dates_markdown

    built = _built_with(source or "S", url)
    web = is_web_address(url)
    plain = _built_with("S", "https://e.com/x" if web else None).to_markdown(everything=True)
    for document, reference in (
        (built.to_markdown(everything=True), plain),
        (key_dates_markdown(built, (KeyDate(date(2018, 8, 6), 1.0, (KeySentence("Paul met Kosachev.", "a", source, url),), (source,)),)), None),
    ):
        lines = document.split("\n")
        if reference is not None:
            assert len(lines) == len(reference.split("\n")), document
        assert [line for line in lines if line.startswith("#")] == [line for line in lines if line in ("# Timeline", "# Key dates") or line.startswith("## ")]
        links = [line for line in lines if line.startswith("[1]: ")]
        assert len(links) == web and (not web or url.strip().lower().startswith(("http://", "https://")))
        assert all(not any(ch.isspace() for ch in line[5:]) for line in links)


TIMEML = (
    '<?xml version="1.0"{encoding}?>\n<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2018-08-07" '
    'functionInDocument="CREATION_TIME">2018-08-07</TIMEX3></DCT><TEXT>{text}</TEXT></TimeML>\n'
)


def test_timeml_with_an_unknown_declared_encoding_is_the_library_error(tmp_path):
    from timeline.timeml import read_timeml

    path = tmp_path / "a.tml"
    path.write_text(TIMEML.format(encoding=' encoding="klingon"', text="He left on Monday."), encoding="utf-8")
    with pytest.raises(timeline.TimeMLError, match="a.tml: unknown encoding: klingon"):
        read_timeml(path)
    result = CliRunner().invoke(main, ["timeml", str(tmp_path), str(tmp_path / "out")])
    assert result.exit_code == 1 and "unknown encoding: klingon" in result.output and "Traceback" not in result.output


@settings(max_examples=examples(4), deadline=None)
@given(depth=st.integers(1_000, 100_000))
def test_deeply_nested_timeml_is_read(tmp_path_factory, depth):
    from timeline.timeml import read_timeml

    path = tmp_path_factory.mktemp("deep") / "a.tml"
    text = "<s>" * depth + 'He left on <TIMEX3 tid="t1" type="DATE" value="2018-08-06">Monday</TIMEX3>.' + "</s>" * depth
    path.write_text(TIMEML.format(encoding="", text=text), encoding="utf-8")
    document = read_timeml(path)
    assert document.text == "He left on Monday." and [(t.start, t.end, t.value) for t in document.timexes] == [(11, 17, "2018-08-06")]


TEXTS = ("Paul met Kosachev in Moscow on Monday.", "Trump met Putin in Helsinki on Monday.", "The Senate passed the bill on Tuesday.")


@settings(max_examples=examples(12), deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["story", "a", "b"]), st.integers(0, 2), st.sampled_from(["Reuters", "AP"])), min_size=1, max_size=5))
def test_articles_whose_ids_clash_are_never_collapsed(given_articles):
    """Two different articles under one id are an error naming both (raise), or the second is
    listed as not read (collect); never one kept with the other's reports credited to it."""
    articles = [timeline.Article(TEXTS[text], "2018-08-07", source=source, id=name) for name, text, source in given_articles]
    first_of: dict[str, timeline.Article] = {}
    clashes = [a for a in articles if first_of.setdefault(a.id, a) != a]
    built = timeline.build(articles, errors="collect")
    assert len(built.errors) == len(clashes)
    assert {a.id for a in built.articles if a.error is None} == set(first_of)
    for mention in built.mentions:
        assert mention.summary in first_of[mention.article].text  # credited to the article it came from
    if clashes:
        with pytest.raises(timeline.InvalidArticleError, match="is already used by a different article"):
            timeline.build(articles)


def test_merging_timelines_whose_articles_share_an_id_but_differ_is_an_error():
    first = timeline.build([timeline.Article(TEXTS[0], "2018-08-07", source="Reuters", id="story")])
    second = timeline.build([timeline.Article(TEXTS[1], "2018-08-07", source="AP", id="story")])
    with pytest.raises(timeline.InvalidArgumentError, match=r"both timelines have an article 'story', but not the same one \(source 'Reuters'.*source 'AP'"):
        first.merge(second)
    assert first.merge(first) == first.merge(timeline.build([timeline.Article(TEXTS[0], "2018-08-07", source="Reuters", id="story")]))


def test_with_errors_collect_an_unreadable_file_is_listed_and_the_rest_built(tmp_path, monkeypatch):
    from pathlib import Path

    good, locked = tmp_path / "good.txt", tmp_path / "locked.txt"
    good.write_text(TEXTS[0], encoding="utf-8")
    locked.write_text(TEXTS[1], encoding="utf-8")
    real = Path.open

    def open_(self, *args, **kwargs):  # (as root, chmod 000 does not stop a read: the refusal is simulated)
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if str(path).endswith("locked.txt") else real_access(path, mode, **kw))
    result = CliRunner().invoke(main, ["build", "--published", "2018-08-07", "--errors", "collect", "--format", "json", "-q", str(good), str(locked)])
    assert result.exit_code == 0, result.output
    articles = json.loads(result.stdout)["articles"]
    assert [(a["id"], a["error"]) for a in articles] == [("good.txt", None), ("locked.txt", f"{locked}: cannot read (Permission denied)")]
    assert "warning: locked.txt: not read:" in result.stderr


@pytest.mark.parametrize(
    "path,value,problem",
    [
        (("articles", 0, "id"), 5, "timeline.articles[0].id is 5, not str"),
        (("entries", 0, "mentions", 0, "summary"), None, "timeline.entries[0].mentions[0].summary is None, not str"),
        (("entries", 0, "mentions", 0, "start"), "12", "timeline.entries[0].mentions[0].start is '12', not int"),
        (("articles", 0, "source"), ["Reuters"], "timeline.articles[0].source is ['Reuters'], not Optional[str]"),
    ],
)
def test_a_timeline_read_back_has_its_field_types_checked_on_load(path, value, problem):
    built = timeline.build([timeline.Article(TEXTS[0], "2018-08-07", source="Reuters", id="a")])
    data = built.to_dict()
    assert timeline.Timeline.from_dict(data) == built
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(timeline.InvalidTimelineError, match=re.escape(f"not a timeline: {problem}")):
        timeline.Timeline.from_json(json.dumps(data))


def test_the_rule_cache_keeps_no_long_phrase():
    """A 60 MB phrase once held 120 MB in the cache; now only phrases of 200 characters or less
    are remembered, and the answer is the same either way."""
    from timeline.resolution import CACHED_PHRASE_CHARS, _cached_match, match_rule

    _cached_match.cache_clear()
    long_phrase = "last week " * 1_000
    assert match_rule(long_phrase) is None and _cached_match.cache_info().currsize == 0
    assert match_rule("last week") is not None and _cached_match.cache_info().currsize == 1
    assert match_rule("x" * (CACHED_PHRASE_CHARS + 1)) == match_rule("x" * (CACHED_PHRASE_CHARS + 1)) and _cached_match.cache_info().currsize == 1


def test_an_endless_input_ends_in_an_error_naming_it_and_the_limit(tmp_path):
    result = CliRunner().invoke(main, ["build", "--published", "2018-08-07", "--max-size", "1", "/dev/zero"])
    assert result.exit_code == 2 and "/dev/zero: larger than the input size limit of 1 MB (--max-size MB reads larger inputs)" in result.output
    piped = CliRunner().invoke(main, ["timexes", "--published", "2018-08-07", "--max-size", "1", "-"], input=b"x" * (2**20 + 1))
    assert piped.exit_code == 2 and "standard input: larger than the input size limit of 1 MB" in piped.output
    big = tmp_path / "big.jsonl"
    big.write_bytes(b" " * (2**20 + 1))
    collected = CliRunner().invoke(main, ["build", "--max-size", "1", "--errors", "collect", "--format", "json", "-q", str(big)])
    assert collected.exit_code == 0 and "larger than the input size limit" in json.loads(collected.stdout)["articles"][0]["error"]
    assert CliRunner().invoke(main, ["build", "--published", "2018-08-07", "--max-size", "2", "-q", str(big)]).exit_code == 0


def test_reading_pages_and_building_open_no_connection(monkeypatch):
    """Pages full of remote resources are read without a single connection attempt."""
    import socket

    pytest.importorskip("trafilatura")
    attempts: list[object] = []

    def refuse(self, address):  # noqa: ANN001
        attempts.append(address)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a))
    page = (
        '<html><head><link rel="stylesheet" href="http://example.com/a.css"><script src="https://example.com/a.js"></script>'
        '<meta property="og:url" content="https://example.com/story"></head><body><article><h1>Paul in Moscow</h1>'
        '<img src="http://example.com/photo.jpg"><iframe src="https://example.com/embed"></iframe>'
        "<p>Senator Rand Paul met Russian lawmaker Konstantin Kosachev in Moscow on Monday, his office said in a statement.</p>"
        "<p>The senator invited the Russian delegation to visit Washington later this year, the statement added.</p>"
        "</article></body></html>"
    ).encode()
    article = timeline.Article.from_html(page, url="https://example.com/story")
    built = timeline.build([article])
    assert attempts == [] and len(built) >= 1


ERROR_PATHS = '''
import sys, timeline
base = timeline.articles_from_meta(sys.argv[1])
articles = [timeline.Article(base[i % 2].text, base[i % 2].published, source="s", id=f"a{i}") for i in range(12)]
case = sys.argv[2]
try:
    if case == "bad input":
        timeline.build(articles[:5] + ["not an article"] + articles[5:], n_process=2, batch_size=1)
    elif case == "progress raises":
        def fail(read): raise RuntimeError("progress failed")
        timeline.build(articles, n_process=2, batch_size=1, progress=fail)
    elif case == "closed early":
        stream = timeline.iter_read(articles, n_process=2, batch_size=1)
        next(stream)
        stream.close()
        print("closed")
except Exception as error:
    print(type(error).__name__, error)
'''


@pytest.mark.slow
@pytest.mark.parametrize(
    "case,printed",
    [
        ("bad input", "InvalidArticleError article #5: expected a timeline.Article, got str"),
        ("progress raises", "RuntimeError progress failed"),
        ("closed early", "closed"),
    ],
)
def test_error_paths_with_several_processes_end(tmp_path, case, printed):
    """With n_process=2 an error comes back as an error and the workers end: the interpreter
    exits (a hang would hit the timeout; it is no speed limit: the run takes seconds)."""
    import subprocess
    import sys
    from pathlib import Path

    seeds = Path(__file__).resolve().parent.parent / "seeds" / "seeds.json"
    script = tmp_path / "paths.py"
    script.write_text(ERROR_PATHS, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(seeds), case], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == printed


SIGNALLED = '''
import multiprocessing, signal, sys, timeline
signal.signal(signal.SIGINT, signal.default_int_handler)  # (a shell may start us with Ctrl-C ignored)
base = timeline.articles_from_meta(sys.argv[1])
articles = [timeline.Article(base[i % 2].text, base[i % 2].published, source="s", id=f"a{i}") for i in range(2000)]
def progress(read):
    if read.article.id == "a1":
        print(" ".join(str(worker.pid) for worker in multiprocessing.active_children()), flush=True)
timeline.build(articles, n_process=2, batch_size=64, progress=progress)
'''


def _running(pid: int) -> bool:
    """Whether a process is there and not a zombie (an orphan's zombie may never be reaped in a container)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads which processes run from /proc (Linux)")
@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGINT", "SIGKILL"])
def test_a_signal_to_the_parent_ends_its_worker_processes(tmp_path, signal_name):
    """n_process=2 on a long input, the parent signalled once its workers run: it dies of the
    signal (SIGINT after its KeyboardInterrupt), and no worker outlives it. Before, SIGTERM left the
    workers waiting for ever and SIGINT deadlocked the parent (a worker blocked sending a batch
    bigger than its pipe). Timeouts only catch a hang: the run takes seconds."""
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    seeds = Path(__file__).resolve().parent.parent / "seeds" / "seeds.json"
    script = tmp_path / "signalled.py"
    script.write_text(SIGNALLED, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script), str(seeds)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2 and all(_running(pid) for pid in workers)
        parent.send_signal(getattr(signal, signal_name))
        assert parent.wait(timeout=120) == -getattr(signal, signal_name)
        deadline = time.monotonic() + 60
        while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert [pid for pid in workers if _running(pid)] == []
    finally:
        parent.kill()
        parent.wait()


def test_sigterm_is_handled_only_while_parsing_in_processes_and_never_over_the_callers_handler():
    import signal

    from timeline.processes import _end_workers_and_die

    seen = []
    articles = [timeline.Article(TEXTS[i % 2], "2018-08-07", id=f"a{i}") for i in range(4)]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    for _ in timeline.iter_read(articles, n_process=2, batch_size=1):
        seen.append(signal.getsignal(signal.SIGTERM))
    assert seen == [_end_workers_and_die] * 4 and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL

    def callers(signum, frame):  # noqa: ANN001
        pass

    previous = signal.signal(signal.SIGTERM, callers)
    try:
        seen = [signal.getsignal(signal.SIGTERM) for _ in timeline.iter_read(articles, n_process=2, batch_size=1)]
        assert seen == [callers] * 4 and signal.getsignal(signal.SIGTERM) is callers
    finally:
        signal.signal(signal.SIGTERM, previous)


class _RaisingZone(datetime_module.tzinfo):
    def utcoffset(self, dt):  # noqa: ANN001
        raise RuntimeError("zone service down")


class _FarZone(datetime_module.tzinfo):
    def utcoffset(self, dt):  # noqa: ANN001
        return datetime_module.timedelta(hours=30)


class _TextZone(datetime_module.tzinfo):
    def utcoffset(self, dt):  # noqa: ANN001
        return "five"


@pytest.mark.parametrize("zone,problem", [(_RaisingZone(), "RuntimeError: zone service down"), (_FarZone(), "ValueError: offset must be"), (_TextZone(), "TypeError: tzinfo.utcoffset() must return")])
def test_a_time_zone_that_fails_is_the_library_error_everywhere(zone, problem):
    published = datetime_module.datetime(2018, 8, 7, 12, tzinfo=zone)
    message = f"the publication date's time zone ({type(zone).__name__}) fails: {problem}"
    with pytest.raises(timeline.InvalidDateError, match=re.escape(message)):
        timeline.Article(TEXTS[0], published, id="x")
    with pytest.raises(timeline.InvalidDateError, match=re.escape(message)):
        timeline.resolve("Monday", published)
    built = timeline.build([{"text": TEXTS[0], "published": published, "id": "x"}, timeline.Article(TEXTS[1], "2018-08-07", id="y")], errors="collect")
    assert [a.id for a in built.errors] == ["x"] and message in built.errors[0].error and [a.id for a in built.articles if a.error is None] == ["y"]


def test_runs_of_punctuation_are_left_out_of_the_parse():
    """A run of 20 marks or symbols is no prose: spaCy made each a token of one endless
    sentence (17 GB per MB); it is left out, and what is around it is read as without it."""
    from timeline.pipeline import _parts

    text = "The vote was held on Monday" + "!" * 400 + " Shares fell on Tuesday " + "$" * 30 + " and rose ... again."
    kept = [text[start:end] for start, end in _parts(text, 0, len(text), 100_000)]
    assert kept == ["The vote was held on Monday", "Shares fell on Tuesday", "and rose ... again."]
    read = timeline.read(timeline.Article(text, "2018-08-07"))
    assert [e.text for e in read.time_expressions] == ["Monday", "Tuesday"]


def test_a_page_on_one_line_is_parsed_in_small_pieces_and_a_paragraph_whole():
    """Pieces of 100,000 characters, 64 to a parse batch, took 3.1 GB per MB of a flattened page;
    a segment over 10,000 characters is now cut into pieces of 2,000 at sentence ends, and one
    of ordinary length is parsed whole as before."""
    from timeline.pipeline import MAX_PARSE_CHARS, WHOLE_SEGMENT_CHARS, _pieces

    sentence = "The council met on Monday and voted again, officials said. "
    page = timeline.Article(sentence * 600, "2018-08-07")  # 35,400 characters on one line
    paragraph = timeline.Article(sentence * 100, "2018-08-07")  # 5,900
    _, pieces = _pieces(page, True)
    assert len(pieces) > 1 and all(p.end - p.start <= MAX_PARSE_CHARS for p in pieces)
    assert all(page.text[p.end - 1] == "." for p in pieces)
    assert len(_pieces(paragraph, True)[1]) == 1 and len(paragraph.text) <= WHOLE_SEGMENT_CHARS
