"""Reading TimeML, writing our annotations back, and annotating a folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline import timeml
from timeline.errors import TimeMLError
from timeline.model import Article, ReadArticle, Sentence, TimeExpression, TimeValue
from timeline.timeml import GoldTimex, annotate_directory, read_timeml, write_timeml

HEAD = """<?xml version="1.0" ?>
<TimeML>
<DOCID>APW19980213.0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>
<EXTRAINFO>APW &amp; co  NEWS STORY</EXTRAINFO>
"""
BODY = (
    "<TEXT>\n<s>Prices <EVENT eid=\"e1\" class=\"OCCURRENCE\">fell</EVENT> "
    "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-02-13\">Friday</TIMEX3> at AT&amp;T &lt;NYSE&gt;, "
    "<TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P1Y\" mod=\"MORE_THAN\">more than a "
    "<SIGNAL sid=\"s1\">year</SIGNAL></TIMEX3> after   the &#163;5 deal.</s>\n"
    "<s>See you <TIMEX3 tid=\"t3\" type=\"DATE\" value=\"FUTURE_REF\">later</TIMEX3>.</s>\n</TEXT>\n"
)
TAIL = """<MAKEINSTANCE eiid="ei1" eventID="e1" tense="PAST" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="BEFORE" timeID="t0" relatedToTime="t0" />
</TimeML>
"""
PLAIN = "\nPrices fell Friday at AT&T <NYSE>, more than a year after   the \u00a35 deal.\nSee you later.\n"


def write(path: Path, dct: str = "1998-02-13", head: str = HEAD, body: str = BODY) -> Path:
    path.write_text(head.format(dct=dct) + body + TAIL, encoding="utf-8")
    return path


def expression(text: str, phrase: str, value: TimeValue) -> TimeExpression:
    """Our expression for the first ``phrase`` in ``text``."""
    start = text.index(phrase)
    return TimeExpression(
        text=phrase,
        start=start,
        end=start + len(phrase),
        value=value,
        sentence=Sentence(text=text, start=0, end=len(text)),
    )


# --- reading -------------------------------------------------------------------------------


def test_read_gives_plain_text_with_entities_unescaped_and_whitespace_kept(tmp_path: Path) -> None:
    doc = read_timeml(write(tmp_path / "APW19980213.0001.tml"))
    assert doc.text == PLAIN
    assert doc.name == "APW19980213.0001"
    assert doc.path == tmp_path / "APW19980213.0001.tml"
    assert doc.dct == date(1998, 2, 13)


def test_read_gives_timexes_in_order_with_offsets_into_the_text(tmp_path: Path) -> None:
    doc = read_timeml(write(tmp_path / "doc.tml"))
    assert doc.timexes == (
        GoldTimex("t1", 13, 19, "Friday", "DATE", "1998-02-13", None),
        GoldTimex("t2", 36, 52, "more than a year", "DURATION", "P1Y", "MORE_THAN"),
        GoldTimex("t3", 82, 87, "later", "DATE", "FUTURE_REF", None),
    )
    assert all(doc.text[t.start : t.end] == t.text for t in doc.timexes)


def test_read_handles_nested_timexes_outer_first(tmp_path: Path) -> None:
    body = (
        '<TEXT><TIMEX3 tid="t1" type="DATE" value="1998-02"><TIMEX3 tid="t2" type="DATE" '
        'value="1998-02-13">Friday</TIMEX3> of February</TIMEX3></TEXT>\n'
    )
    doc = read_timeml(write(tmp_path / "nested.tml", body=body))
    assert doc.text == "Friday of February"
    assert [(t.tid, t.start, t.end) for t in doc.timexes] == [("t1", 0, 18), ("t2", 0, 6)]


@pytest.mark.parametrize(
    "dct", ["1998-02-13", "19980213", "1998-02-13T14:26:00", "1998-02-13T14:26"]
)
def test_read_takes_the_date_of_any_dct_form(tmp_path: Path, dct: str) -> None:
    assert read_timeml(write(tmp_path / "doc.tml", dct=dct)).dct == date(1998, 2, 13)


@pytest.mark.parametrize(
    "content, problem",
    [
        (HEAD.format(dct="1998-02-13") + "</TimeML>", "one <TEXT> element, found 0"),
        ("<TimeML><DOCID>x</DOCID><TEXT>Friday</TEXT></TimeML>", "one <DCT> element, found 0"),
        ("<TimeML><DCT>1998</DCT><TEXT>Friday</TEXT></TimeML>", "<DCT> has no <TIMEX3>"),
        (HEAD.format(dct="Feb 13") + BODY + TAIL, "DCT value 'Feb 13' is not a date"),
        (HEAD.format(dct="1998-02-30") + BODY + TAIL, "DCT value '1998-02-30' is not a date"),
        (HEAD.format(dct="1998-02-13") + "<TEXT>a <b>c</TEXT></TimeML>", "broken XML"),
    ],
)
def test_unusable_file_raises_timeml_error_naming_the_file(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad_file.tml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TimeMLError, match="bad_file.tml") as caught:
        read_timeml(path)
    assert problem in str(caught.value)


def test_missing_file_raises_timeml_error(tmp_path: Path) -> None:
    with pytest.raises(TimeMLError, match="absent.tml"):
        read_timeml(tmp_path / "absent.tml")


# --- writing -------------------------------------------------------------------------------


def test_write_then_read_gives_back_the_text_and_our_timexes(tmp_path: Path) -> None:
    source = write(tmp_path / "in.tml")
    text = read_timeml(source).text
    ours = [
        expression(text, "later", TimeValue("DATE", "FUTURE_REF")),
        expression(text, "AT&T <NYSE>", TimeValue("DATE", "1998", mod="APPROX")),
        expression(text, "Friday", TimeValue("DATE", "1998-02-13")),
    ]
    assert write_timeml(source, tmp_path / "out.tml", ours) == 3

    again = read_timeml(tmp_path / "out.tml")
    assert again.text == text
    assert again.dct == date(1998, 2, 13)
    assert again.timexes == (
        GoldTimex("t1", 13, 19, "Friday", "DATE", "1998-02-13", None),
        GoldTimex("t2", 23, 34, "AT&T <NYSE>", "DATE", "1998", "APPROX"),
        GoldTimex("t3", 82, 87, "later", "DATE", "FUTURE_REF", None),
    )


def test_write_keeps_the_head_verbatim_and_drops_gold_markup(tmp_path: Path) -> None:
    source = write(tmp_path / "in.tml")
    text = read_timeml(source).text
    write_timeml(source, tmp_path / "out.tml", [expression(text, "Friday", TimeValue("DATE", "1998-02-13"))])
    out = (tmp_path / "out.tml").read_text(encoding="utf-8")

    head = HEAD.format(dct="1998-02-13")
    assert out.startswith(head + "<TEXT>")
    assert "AT&amp;T &lt;NYSE&gt;" in out
    for gone in ("<EVENT", "<SIGNAL", "<s>", "MAKEINSTANCE", 'lid="l1"', 'value="P1Y"'):
        assert gone not in out
    # l2 only points at the DCT, which is still there.
    assert out.endswith('</TEXT>\n<TLINK lid="l2" relType="BEFORE" timeID="t0" relatedToTime="t0" />\n</TimeML>\n')


def test_write_skips_the_later_of_overlapping_expressions(tmp_path: Path) -> None:
    source = write(tmp_path / "in.tml")
    text = read_timeml(source).text
    ours = [
        expression(text, "a year", TimeValue("DURATION", "P1Y")),
        expression(text, "more than a year", TimeValue("DURATION", "P1Y", mod="MORE_THAN")),
        expression(text, "more", TimeValue("DURATION", "P1Y")),
        expression(text, "year after", TimeValue("DURATION", "P1Y")),
        expression(text, "after", TimeValue("DATE", "PAST_REF")),
    ]
    assert write_timeml(source, tmp_path / "out.tml", ours) == 2
    timexes = read_timeml(tmp_path / "out.tml").timexes
    assert [(t.text, t.mod) for t in timexes] == [("more than a year", "MORE_THAN"), ("after", None)]


def test_write_numbers_around_ids_the_head_already_uses(tmp_path: Path) -> None:
    source = write(tmp_path / "in.tml", head=HEAD.replace('tid="t0"', 'tid="t1"'))
    text = read_timeml(source).text
    ours = [
        expression(text, "Friday", TimeValue("DATE", "1998-02-13")),
        expression(text, "later", TimeValue("DATE", "FUTURE_REF")),
    ]
    write_timeml(source, tmp_path / "out.tml", ours)
    assert [t.tid for t in read_timeml(tmp_path / "out.tml").timexes] == ["t2", "t3"]


def test_write_rejects_offsets_that_do_not_match_the_text(tmp_path: Path) -> None:
    source = write(tmp_path / "in.tml")
    wrong = TimeExpression("Monday", 12, 18, TimeValue("DATE", "1998-02-16"), Sentence("x", 0, 1))
    with pytest.raises(ValueError, match="does not match"):
        write_timeml(source, tmp_path / "out.tml", [wrong])
    beyond = TimeExpression("x", 500, 501, TimeValue("DATE", "1998"), Sentence("x", 0, 1))
    with pytest.raises(ValueError, match="outside the text"):
        write_timeml(source, tmp_path / "out.tml", [beyond])


def test_write_keeps_the_declared_encoding(tmp_path: Path) -> None:
    source = tmp_path / "ascii.tml"
    head = HEAD.replace('<?xml version="1.0" ?>', "<?xml version='1.0' encoding='us-ascii'?>")
    source.write_text(head.format(dct="1998-02-13") + "<TEXT>&#8364;5 on Friday</TEXT>\n</TimeML>\n", encoding="ascii")
    text = read_timeml(source).text
    assert text == "\u20ac5 on Friday"
    write_timeml(source, tmp_path / "out.tml", [expression(text, "Friday", TimeValue("DATE", "1998-02-13"))])
    (tmp_path / "out.tml").read_bytes().decode("ascii")  # the euro sign went out as a character reference
    assert read_timeml(tmp_path / "out.tml").text == text


# --- annotating a folder -------------------------------------------------------------------


def fake_reader(articles: list[Article]) -> list[ReadArticle]:
    """Finds every "Friday" and "later": enough to check the plumbing without spaCy."""
    results = []
    for article in articles:
        found = [
            expression(article.text, phrase, TimeValue("DATE", value))
            for phrase, value in (("Friday", article.anchor.isoformat()), ("later", "FUTURE_REF"))
            if phrase in article.text
        ]
        results.append(ReadArticle(article=article, body=(), sentences=(), time_expressions=tuple(found)))
    return results


def test_annotate_directory_writes_every_file_with_the_reader_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeml, "_read_articles", fake_reader)
    gold, out = tmp_path / "gold", tmp_path / "out"
    gold.mkdir()
    write(gold / "b.tml", dct="19980214")
    write(gold / "a.tml")
    (gold / "notes.txt").write_text("not TimeML", encoding="utf-8")
    seen: list[str] = []

    summary = annotate_directory(gold, out, progress=seen.append)

    assert summary == {"files": 2, "expressions": 4, "skipped": 0}
    assert seen == ["a", "b"]
    assert sorted(p.name for p in out.iterdir()) == ["a.tml", "b.tml"]
    b = read_timeml(out / "b.tml")
    assert b.text == PLAIN
    assert [(t.text, t.value) for t in b.timexes] == [("Friday", "1998-02-14"), ("later", "FUTURE_REF")]


def test_annotate_directory_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    write(tmp_path / "a.tml")
    with pytest.raises(ValueError, match="refusing"):
        annotate_directory(tmp_path, tmp_path)


def test_annotate_directory_needs_an_existing_input_directory(tmp_path: Path) -> None:
    with pytest.raises(TimeMLError, match="missing: not a directory of TimeML files"):
        annotate_directory(tmp_path / "missing", tmp_path / "out")


def test_annotate_directory_checks_its_output_directory_before_reading(tmp_path: Path) -> None:
    write(tmp_path / "a.tml")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(TimeMLError, match=r"file/out: cannot write the output directory there \(Not a directory\)"):
        annotate_directory(tmp_path, tmp_path / "file" / "out")


def test_timeml_command_names_a_bad_output_directory_without_a_traceback(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from timeline.cli import main

    write(tmp_path / "a.tml")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    for out, problem in ((tmp_path / "file" / "out", "cannot write the output directory there"), (tmp_path, "refusing to overwrite it")):
        result = CliRunner().invoke(main, ["timeml", str(tmp_path), str(out)])
        assert result.exit_code == 1 and problem in result.output and result.exception is not None
        assert "Traceback" not in result.output


# --- the shared corpora (skipped where they are not beside the repository) -----------------

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.mark.parametrize(
    "folder, files, timexes",
    [
        ("tempeval3/train/TimeBank", 183, 1243),
        ("tempeval3/train/AQUAINT", 73, 579),
        ("tempeval3/train/Tweets/trainingset", 742, 892),
        ("tempeval3/train/WikiWars/timex3", 22, 2636),
        ("semeval2015-t4/trial/Corpus-trial-data_task4_TimeML", 30, 0),
        ("semeval2015-t4/trial/Corpus-trial-data_task4_events_timelines_TimeML", 30, 0),
    ],
)
def test_every_shared_timeml_file_reads(folder: str, files: int, timexes: int) -> None:
    paths = sorted((SHARED / folder).glob("*.tml"))
    if not paths:
        pytest.skip(f"{SHARED / folder} is not here")
    documents = [read_timeml(path) for path in paths]
    assert len(documents) == files
    assert sum(len(doc.timexes) for doc in documents) == timexes
    assert all(doc.text[t.start : t.end] == t.text for doc in documents for t in doc.timexes)
