"""The seed articles end to end: every time expression, its extent and its resolved value."""

from __future__ import annotations

EXAMINER = [
    # (text, type, value, mod)
    ("Monday", "DATE", "2018-08-06", None),  # "will travel ... for Monday meetings": the coming one
    ("July 4", "DATE", "2018-07-04", None),  # "the July 4 recess": only the date is the expression
    ("last month", "DATE", "2018-07", None),
    ("the same day", "DATE", "XXXX-XX-XX", None),  # "the same day that senators unveiled ...": points forward
    ("2018", "DATE", "2018", None),  # "the 2018 midterm elections"
    ("2018", "DATE", "2018", None),
    ("Thursday", "DATE", "2018-08-02", None),  # "said Thursday": the past one
    ("2016", "DATE", "2016", None),
]

ROLL_CALL = [
    ("later this year", "DATE", "2018", "END"),
    ("Monday", "DATE", "2018-08-06", None),  # "he announced Monday", published that Monday
    ("this week", "DATE", "2018-W32", None),
    ("Today", "DATE", "2018-08-06", None),
    ("hour-long", "DURATION", "PT1H", None),
    ("2016", "DATE", "2016", None),  # "the 2016 U.S. election"
    ("last month", "DATE", "2018-07", None),
    ("last week", "DATE", "2018-W31", None),
    ("July", "DATE", "2018-07", None),  # "he said in July"
    ("2019", "DATE", "2019", None),
]


def _found(read):
    return [
        (e.text, str(e.value.type), e.value.value, None if e.value.mod is None else str(e.value.mod))
        for e in read.time_expressions
    ]


def test_washington_examiner_expressions(seeds_read):
    assert _found(seeds_read["Washington Examiner"]) == EXAMINER


def test_roll_call_expressions(seeds_read):
    assert _found(seeds_read["Roll Call"]) == ROLL_CALL


def test_nothing_from_the_roll_call_sidebar(seeds_read):
    read = seeds_read["Roll Call"]
    sidebar_start = read.article.text.index("Recent Stories")
    assert all(e.end <= sidebar_start for e in read.time_expressions)
    assert all(s.end <= sidebar_start for s in read.sentences)
    values = {e.value.value for e in read.time_expressions}
    assert "2024-05-24" not in values


def test_offsets_slice_back_to_the_text(seeds_read):
    for read in seeds_read.values():
        for e in read.time_expressions:
            assert read.article.text[e.start : e.end] == e.text
            assert e.sentence.start <= e.start < e.end <= e.sentence.end
            assert read.article.text[e.sentence.start : e.sentence.end] == e.sentence.text


def test_granularity_is_kept(seeds_read):
    by_text = {e.text: e.value for e in seeds_read["Roll Call"].time_expressions}
    assert str(by_text["last week"].granularity) == "week"
    assert (by_text["last week"].start.isoformat(), by_text["last week"].end.isoformat()) == ("2018-07-30", "2018-08-05")
    assert str(by_text["July"].granularity) == "month"
    assert str(by_text["2019"].granularity) == "year"
    assert str(by_text["hour-long"].granularity) == "hour"
