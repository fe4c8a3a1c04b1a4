"""Markdown rendering: exact output for a hand-made timeline, and how each kind of date reads."""

from __future__ import annotations

import pytest

from timeline import ArticleInfo, Entry, Mention, Sentence, Timeline, TimeValue
from timeline.render import date_label, describe_value, to_markdown

EXAMINER = ArticleInfo("exam-1", "2018-08-03", "Washington Examiner")
ROLL_CALL = ArticleInfo("rc-1", "2018-08-06", "Roll Call", "https://rollcall.com/2018/08/06/paul")


def day(value: str, mod: str | None = None) -> TimeValue:
    return TimeValue("DATE", value, mod)


def mention(article: ArticleInfo, summary: str, when: TimeValue | None, status: str = "happened", start: int = 0) -> Mention:
    return Mention(
        article=article.id,
        sentence=Sentence(summary + ".", start, start + len(summary) + 1),
        start=start,
        end=start + len(summary),
        trigger=summary.split()[1],
        event=summary.split()[1],
        summary=summary,
        status=status,
        when=when,
    )


def entry(summary: str, when: TimeValue | None, *mentions: Mention, status: str = "happened", conflicts: tuple[TimeValue, ...] = ()) -> Entry:
    sources = tuple(sorted({{EXAMINER.id: EXAMINER, ROLL_CALL.id: ROLL_CALL}[m.article].source for m in mentions}))
    return Entry(when, summary, status, (), sources, mentions, conflicts)


def small_timeline() -> Timeline:
    return Timeline(
        articles=(EXAMINER, ROLL_CALL),
        entries=(
            entry("the 2016 elections", day("2016"), mention(ROLL_CALL, "the 2016 elections", day("2016"), start=10)),
            entry(
                "officials will visit the U.S. later this year",
                day("2018", "END"),
                mention(ROLL_CALL, "officials will visit the U.S. later this year", day("2018", "END"), "planned", 40),
                status="planned",
            ),
            entry(
                "senators traveled to Moscow",
                day("2018-07"),
                mention(EXAMINER, "senators traveled to Moscow", day("2018-07"), start=5),
                mention(ROLL_CALL, "senators traveled to Moscow in July", day("2018-07"), start=90),
            ),
            entry(
                "the Senate unveiled a *new* sanctions package",
                day("2018-W31"),
                mention(ROLL_CALL, "the Senate unveiled a *new* sanctions package", day("2018-W31"), start=120),
                mention(EXAMINER, "senators unveiled a package", day("2018-08-09"), start=200),
                conflicts=(day("2018-08-09"),),
            ),
            entry(
                "Paul will meet Kosachev",
                day("2018-08-06"),
                mention(EXAMINER, "Paul will meet Kosachev", day("2018-08-06"), "planned", 300),
                status="planned",
            ),
            entry("Putin denied it", None, mention(ROLL_CALL, "Putin denied it", None, "negated", 400), status="negated"),
            entry("trump invited Putin", None, mention(ROLL_CALL, "trump invited Putin", None, "reported", 450), status="reported"),
        ),
    )


URL = "https://rollcall.com/2018/08/06/paul"

EXPECTED = f"""# Timeline

7 entries from 2 articles: Washington Examiner (published 3 August 2018); [Roll Call][1] (published 6 August 2018).

## 2016

- The 2016 elections — [Roll Call][1]

## Late 2018

- Officials will visit the U.S. later this year (planned) — [Roll Call][1]

## July 2018

- Senators traveled to Moscow — [Roll Call][1], Washington Examiner

## Week 31 of 2018 (30 July – 5 August)

- The Senate unveiled a \\*new\\* sanctions package — [Roll Call][1], Washington Examiner
  - Sources disagree on the date: Thursday, 9 August 2018 (Washington Examiner)

## Monday, 6 August 2018

- Paul will meet Kosachev (planned) — Washington Examiner

## Undated

- Putin denied it (denied) — [Roll Call][1]
- Trump invited Putin (reported) — [Roll Call][1]

[1]: {URL}
"""


def test_small_timeline_renders_exactly():
    assert to_markdown(small_timeline()) == EXPECTED


def test_timeline_method_and_module_function_agree():
    assert small_timeline().to_markdown() == EXPECTED


def test_output_is_deterministic_and_survives_a_json_round_trip():
    tl = small_timeline()
    first = tl.to_markdown()
    assert tl.to_markdown() == first
    assert Timeline.from_json(tl.to_json()).to_markdown() == first
    # The order the articles are listed in does not change the document.
    swapped = Timeline(articles=(ROLL_CALL, EXAMINER), entries=tl.entries)
    assert swapped.to_markdown() == first


def test_no_trailing_spaces_and_one_final_newline():
    text = small_timeline().to_markdown()
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert all(line == line.rstrip() for line in text.split("\n"))


def test_entries_of_one_date_share_one_heading_even_when_not_adjacent():
    # "2018" and "Late 2018" sort on the same key, so their entries may interleave.
    a = entry("alpha happened", day("2018"), mention(ROLL_CALL, "alpha happened", day("2018"), start=1))
    b = entry("beta happened", day("2018", "END"), mention(ROLL_CALL, "beta happened", day("2018", "END"), start=2))
    c = entry("gamma happened", day("2018"), mention(ROLL_CALL, "gamma happened", day("2018"), start=3))
    text = Timeline(articles=(ROLL_CALL,), entries=(a, b, c)).to_markdown()
    assert text.split("\n")[4:] == [
        "## 2018",
        "",
        "- Alpha happened — [Roll Call][1]",
        "- Gamma happened — [Roll Call][1]",
        "",
        "## Late 2018",
        "",
        "- Beta happened — [Roll Call][1]",
        "",
        f"[1]: {URL}",
        "",
    ]


def test_source_without_article_info_is_plain_text_and_several_articles_of_one_source_link_each():
    second = ArticleInfo("rc-2", "2018-08-07", "Roll Call", "https://rollcall.com/2018/08/07/paul")
    both = Entry(
        day("2018-08-06"),
        "Paul met Kosachev",
        "happened",
        (),
        ("Roll Call", "TASS"),
        (
            mention(ROLL_CALL, "Paul met Kosachev", day("2018-08-06"), start=1),
            mention(second, "Paul met Kosachev", day("2018-08-06"), start=2),
        ),
    )
    text = Timeline(articles=(ROLL_CALL, second), entries=(both,)).to_markdown()
    assert text.splitlines()[-4:] == [
        "- Paul met Kosachev — Roll Call ([6 August 2018][1], [7 August 2018][2]), TASS",
        "",
        f"[1]: {URL}",
        "[2]: https://rollcall.com/2018/08/07/paul",
    ]


def test_an_article_without_source_is_named_by_its_title_else_its_id():
    titled = ArticleInfo("t1", "2018-08-06", None, None, "Paul in Moscow")
    bare = ArticleInfo("https://example.com/a(1)", "2018-08-06", None, "https://example.com/a(1)")
    entries = (
        Entry(day("2018-08-06"), "paul met Kosachev", "happened", (), ("t1",), (mention(titled, "paul met Kosachev", day("2018-08-06")),)),
        Entry(day("2018-08-06"), "paul left", "happened", (), (bare.id,), (mention(bare, "paul left", day("2018-08-06")),)),
    )
    lines = Timeline(articles=(titled, bare), entries=entries).to_markdown().splitlines()
    assert lines[2] == (
        "2 entries from 2 articles: [https://example.com/a(1)][1] (published 6 August 2018); "
        "Paul in Moscow (published 6 August 2018)."
    )
    assert lines[-4:] == [
        "- Paul met Kosachev — Paul in Moscow",
        "- Paul left — [https://example.com/a(1)][1]",
        "",
        "[1]: https://example.com/a%281%29",
    ]


def test_empty_timeline():
    assert Timeline(articles=(), entries=()).to_markdown() == "# Timeline\n\n0 entries from 0 articles.\n"


def test_markdown_in_summaries_is_escaped():
    summary = "# the [draft] <b>bill</b> passed_by_vote"
    tl = Timeline(
        articles=(EXAMINER,),
        entries=(Entry(None, summary, "happened", (), (EXAMINER.source,), (mention(EXAMINER, summary, None),)),),
    )
    assert tl.to_markdown().splitlines()[-1] == (
        r"- \# The \[draft\] \<b\>bill\</b\> passed\_by\_vote — Washington Examiner"
    )


def test_undated_entry_with_a_vague_time_says_so():
    vague = TimeValue("DATE", "PAST_REF")
    tl = Timeline(
        articles=(EXAMINER,),
        entries=(Entry(vague, "paul met Kislyak", "happened", (), (EXAMINER.source,), (mention(EXAMINER, "paul met Kislyak", vague),)),),
    )
    lines = tl.to_markdown().splitlines()
    assert lines[-3:] == ["## Undated", "", "- Paul met Kislyak (when: the past) — Washington Examiner"]


@pytest.mark.parametrize(
    "value,label",
    [
        (day("2018-08-06"), "Monday, 6 August 2018"),
        (day("2018-W31"), "Week 31 of 2018 (30 July – 5 August)"),
        (day("2018-W32"), "Week 32 of 2018 (6 – 12 August)"),
        (day("2015-W01"), "Week 1 of 2015 (29 December 2014 – 4 January 2015)"),
        (day("2018-W31-WE"), "Weekend of 4 – 5 August 2018"),
        (day("2018-07"), "July 2018"),
        (day("2018"), "2018"),
        (day("2018-Q3"), "Q3 2018"),
        (day("2019-H1"), "First half of 2019"),
        (day("2018-SU"), "Summer 2018"),
        (day("2018-WI"), "Winter 2018–19"),
        (day("199"), "1990s"),
        (day("19"), "20th century"),
        (TimeValue("TIME", "2018-08-01TNI"), "Wednesday, 1 August 2018, night"),
        (TimeValue("TIME", "2018-08-06T15:00"), "Monday, 6 August 2018, 15:00"),
        (TimeValue("TIME", "2018-08-06T09"), "Monday, 6 August 2018, 09:00"),
        (day("2018", "END"), "Late 2018"),
        (day("2018-08", "START"), "Early August 2018"),
        (day("2018-07", "MID"), "Mid-July 2018"),
        (day("199", "MID"), "Mid-1990s"),
        (day("2018-07", "APPROX"), "About July 2018"),
        (day("2018-08-06", "START"), "Early on Monday, 6 August 2018"),
        (day("2018-W31", "END"), "Late in week 31 of 2018 (30 July – 5 August)"),
        (day("2018-SU", "START"), "Early summer 2018"),
        (day("2018-08-06", "BEFORE"), "Before Monday, 6 August 2018"),
    ],
)
def test_date_labels(value, label):
    assert date_label(value) == label


@pytest.mark.parametrize(
    "value,text",
    [
        (TimeValue("DATE", "PRESENT_REF"), "the present"),
        (TimeValue("DURATION", "P2Y"), "2 years"),
        (TimeValue("DURATION", "PT1H"), "1 hour"),
        (TimeValue("DURATION", "PXY"), "some years"),
        (TimeValue("DURATION", "P3M", "MORE_THAN"), "more than 3 months"),
        (TimeValue("SET", "P1W"), "every week"),
        (TimeValue("DATE", "XXXX-08"), "August, year unknown"),
        (TimeValue("DATE", "XXXX-WXX-1"), "a Monday, week unknown"),
        (TimeValue("DATE", "XXXX-XX-XX"), "`XXXX-XX-XX`"),
    ],
)
def test_unanchored_values_are_described(value, text):
    assert describe_value(value) == text
