"""Fuzzing the public API: real-world input is scraped, broken and enormous.

Whatever the text, the publication date or the metadata, ``read``, ``resolve``, ``build`` and
``Article`` raise nothing but :class:`timeline.TimelineError` (and never ``ReadError``, which
means a bug), every offset they report slices the article text, and ``build(errors="collect")``
accounts for every input. The regression tests at the end hold the minimal inputs that once broke
these properties.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import timeline
from timeline import Article
from timeline.timex import is_valid_value

from conftest import examples

pytestmark = pytest.mark.slow  # fuzzing: hundreds of texts read with spaCy (a tenth under the dev profile)

# ---------------------------------------------------------------------------------------------
# Text

# Sentences as news prints them, time expressions of every rule family among them.
NEWS = (
    "Sen. Rand Paul, R-Ky., will travel to Russia for Monday meetings with Russian lawmakers.",
    "Today, I met with Chairman Kosachev, and we agreed on the importance of continued dialogue.",
    "The Senate unveiled a sanctions package last week, Graham said Thursday.",
    "He’ll be following a group of Republican senators who made a similar trip over the July 4 recess last month.",
    "The company reported third-quarter earnings of $1.2 billion on Oct. 23, 2018, up from a year earlier.",
    "The hearing was postponed until 3:30 p.m. EDT on Tuesday, Aug. 7.",
    "In the 1990s, the plant employed 2,000 people; it closed in early 2019 after two years of losses.",
    "Officials said the bridge would reopen later this year, possibly by Christmas.",
    "The board meets every Monday and publishes its minutes quarterly.",
    "The next day, the same day, the day before: nobody could say when it began.",
    "Skip to content",
    "Recent Stories",
    "Photos of the week ending May 24, 2024",
    "[jwp-video n=”1″]",
    "© 2018 The Associated Press. All rights reserved.",
    "(AP Photo/Evan Vucci)",
)

# Input that breaks naive text handling: control characters, NUL bytes, bidirectional marks,
# emoji and joiners, combining marks, unusual line and paragraph separators, non-ASCII digits.
JUNK = (
    "\x00", "\x00\x00\x00", "\x01\x02\x1b[31m", "\x7f", "\x85", "\x0b", "\x0c", "\x1c\x1d\x1e",
    "\u200e", "\u200f", "\u202a\u202b\u202c", "\u202e2018-08-06\u202c", "\u2066\u2067\u2069",
    "\u061c", "\ufeff", "\u200b", "\u200d", "\u00a0", "\u3000", "\u2028", "\u2029", "\r", "\r\n",
    "\t", "😀", "🇺🇸", "👩‍👩‍👧‍👦", "👍🏽", "e\u0301\u0302\u0303", "\u0300", "\ufffd", "\U0010ffff",
    "\ue000", "\uffff", "２０１８年８月６日", "٢٠١٨-٠٨-٠٦", "१९९९", "½ ² ³", "Ⅻ", "ﬁ", "İstanbul",
    "ß", "ǅ", "Monday\u00a0morning", "July\u200b4", "last\u00adweek", "mid\u2010July", "3:30\u202fp.m.",
    "<p>", "</div>", "&nbsp;", "{{ date }}", "https://example.com/2018/08/06/x",
    "-" * 300, "a" * 2000, "\n" * 100, " " * 500, "." * 50, "'" * 20,
)  # fmt: skip

SEPARATORS = st.sampled_from(["", " ", "\n", "\n\n", "\r\n", "\t", "\u2028", "\n \n", "\x00"])

# Arbitrary Unicode: every category (control and format characters, private use, unassigned)
# except lone surrogates, which are not text (see SURROGATE_TEXTS).
UNICODE = st.characters(codec=None, exclude_categories=("Cs",))
ANY_TEXT = st.text(UNICODE, max_size=300)

MIXED_TEXT = st.builds(
    lambda separator, parts: separator.join(parts),
    SEPARATORS,
    st.lists(
        st.one_of(st.sampled_from(NEWS), st.sampled_from(JUNK), st.text(UNICODE, max_size=20)),
        max_size=12,
    ),
)
TEXTS = st.one_of(ANY_TEXT, MIXED_TEXT)

# Text with at least one lone surrogate somewhere.
SURROGATE_TEXTS = st.builds(
    lambda before, surrogate, after: before + surrogate + after,
    st.one_of(ANY_TEXT, st.sampled_from(NEWS)),
    st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3),
    st.one_of(ANY_TEXT, st.sampled_from(NEWS)),
)

# ---------------------------------------------------------------------------------------------
# Publication dates: year 1 to 9999, every accepted form, and unknown.

ALMOST_A_DAY = timedelta(hours=23, minutes=59, seconds=59, microseconds=999999)
OFFSETS = st.one_of(
    st.sampled_from([UTC, timezone(timedelta(hours=-4)), timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=14))]),
    st.builds(lambda minutes: timezone(timedelta(minutes=minutes)), st.integers(-(24 * 60 - 1), 24 * 60 - 1)),
    st.builds(timezone, st.timedeltas(-ALMOST_A_DAY, ALMOST_A_DAY)),  # seconds too: no ISO 8601 offset
    st.timezones(),  # historic zones: local mean time offsets such as +00:19:32
)
DAYS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
# The ends of the calendar, where arithmetic on dates overflows, come up often.
EDGE_DAYS = st.sampled_from([date(1, 1, 1), date(1, 1, 7), date(1, 12, 31), date(9999, 1, 1), date(9999, 12, 25), date(9999, 12, 31)])
NAIVE = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59))
AWARE = st.builds(lambda moment, zone: moment.replace(tzinfo=zone), NAIVE, OFFSETS)
EDGE_AWARE = st.builds(lambda day, clock, zone: datetime.combine(day, clock, zone), EDGE_DAYS, st.times(), OFFSETS)
DATE_OBJECTS = st.one_of(DAYS, EDGE_DAYS, NAIVE, AWARE, EDGE_AWARE)
PUBLISHED = st.one_of(
    st.none(),
    DATE_OBJECTS,
    DATE_OBJECTS.map(lambda d: d.isoformat()),
    AWARE.map(lambda d: d.isoformat().replace("+00:00", "Z")),
)

# ---------------------------------------------------------------------------------------------
# Malformed metadata

WRONG_VALUES = st.one_of(
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.binary(max_size=10),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.just(object()),
    st.just(time(12, 30)),
    st.just(timedelta(days=1)),
)
BAD_DATE_STRINGS = st.one_of(
    st.text(UNICODE, max_size=30),
    st.sampled_from(
        ["", " ", "last week", "2018-02-30", "2018-13-01", "0000-01-01", "10000-01-01", "2018-08-06T25:00",
         "2018-08-06T10:00+24:00", "2018/08/06", "Aug. 6, 2018", "2018-08-06\x00", "\u202e2018-08-06",
         "٢٠١٨-٠٨-٠٦", "２０１８-０８-０６", "NaN", "-2018-08-06", "+02018-08-06"]
    ),
)  # fmt: skip
FIELD_VALUES = {
    "text": st.one_of(TEXTS, SURROGATE_TEXTS, st.none(), WRONG_VALUES),
    "published": st.one_of(PUBLISHED, BAD_DATE_STRINGS, WRONG_VALUES),
    "source": st.one_of(st.none(), st.text(UNICODE, max_size=20), SURROGATE_TEXTS, WRONG_VALUES),
    "url": st.one_of(st.none(), st.text(UNICODE, max_size=20), SURROGATE_TEXTS, WRONG_VALUES),
    "title": st.one_of(st.none(), st.text(UNICODE, max_size=20), SURROGATE_TEXTS, WRONG_VALUES),
    "id": st.one_of(st.none(), st.text(UNICODE, max_size=20), SURROGATE_TEXTS, WRONG_VALUES),
}
UNKNOWN_KEYS = st.one_of(
    st.text(max_size=8).filter(lambda k: k not in Article.FIELDS),
    st.integers(),
    st.none(),
    st.tuples(st.integers()),
    st.sampled_from(["Text", "author", "date", "published_at", " text", "text\x00", "\ud800", "text\udfff"]),
)


@st.composite
def mappings(draw) -> dict:
    """A mapping of article fields as JSON would give it: some right, some wrong, some missing."""
    data: dict = {}
    for key, values in FIELD_VALUES.items():
        if key == "text" and draw(st.booleans()):
            data[key] = draw(TEXTS)
        elif draw(st.integers(0, 3)) == 0:
            data[key] = draw(values)
        elif key == "published" and draw(st.booleans()):
            data[key] = draw(PUBLISHED)
    if draw(st.integers(0, 4)) == 0:
        data[draw(UNKNOWN_KEYS)] = draw(st.one_of(st.none(), st.text(max_size=5), st.integers()))
    return data


NOT_MAPPINGS = st.one_of(
    WRONG_VALUES,
    st.none(),
    st.text(max_size=20),
    st.lists(st.tuples(st.just("text"), st.text(max_size=5)), max_size=2),
    st.just(frozenset({"text"})),
)

# ---------------------------------------------------------------------------------------------
# Checks


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_value(value: timeline.TimeValue) -> None:
    assert isinstance(value, timeline.TimeValue)
    assert is_valid_value(value.value, str(value.type)), value
    assert (value.start is None) == (value.end is None), value
    if value.start is not None:
        assert value.start <= value.end, value


def _check_read(read: timeline.ReadArticle, article: Article, events: bool) -> None:
    """Every offset of a read article slices its text, in order, each thing inside its container."""
    assert read.article == article
    text = article.text
    previous = 0
    for start, end in read.body:
        assert previous <= start < end <= len(text), read.body
        previous = end

    def in_body(start: int, end: int) -> bool:
        return any(b_start <= start and end <= b_end for b_start, b_end in read.body)

    previous = 0
    for sentence in read.sentences:
        assert previous <= sentence.start < sentence.end <= len(text), sentence
        assert text[sentence.start : sentence.end] == sentence.text == sentence.text.strip(), sentence
        assert in_body(sentence.start, sentence.end), (sentence, read.body)
        previous = sentence.end
    sentences = set(read.sentences)
    previous = 0
    for expression in read.time_expressions:
        assert previous <= expression.start < expression.end <= len(text), expression
        assert text[expression.start : expression.end] == expression.text == expression.text.strip(), expression
        assert expression.sentence in sentences, expression
        assert expression.sentence.start <= expression.start and expression.end <= expression.sentence.end, expression
        assert expression.anchored_to in (None, "published", "inferred"), expression
        _check_value(expression.value)
        previous = expression.end
    if not events:
        assert read.events == ()
    for mention in read.events:
        assert mention.article == article.id
        assert 0 <= mention.start < mention.end <= len(text), mention
        assert mention.sentence in sentences, mention
        assert mention.sentence.start <= mention.start and mention.end <= mention.sentence.end, mention
        if mention.when is not None:
            _check_value(mention.when)
    if article.published is None and read.published_inferred is not None:
        inferred = read.published_inferred
        assert inferred.start <= inferred.day <= inferred.end and 0 <= inferred.confidence <= 1, inferred


def _read(article: Article, events: bool) -> timeline.ReadArticle:
    """Read an article; a ReadError (a bug inside the pipeline) fails the test with its cause."""
    try:
        return timeline.read(article, events=events)
    except timeline.ReadError as error:
        raise AssertionError(f"the pipeline failed: {error}") from error


def _check_timeline(built: timeline.Timeline) -> None:
    assert timeline.Timeline.from_json(built.to_json()) == built
    built.to_json().encode("utf-8")  # a JSON text: no lone surrogates from the input
    built.to_markdown().encode("utf-8")
    for entry in built:
        if entry.when is not None:
            _check_value(entry.when)


def fuzz(count: int) -> settings:
    """Settings for a fuzz test: no deadline (spaCy); TIMELINE_FUZZ_SCALE=10 fuzzes ten times longer."""
    scale = float(os.environ.get("TIMELINE_FUZZ_SCALE", "1"))
    return settings(max_examples=max(1, int(examples(count) * scale)), deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------------------------------------
# Reading


@fuzz(1000)
@given(text=TEXTS, published=PUBLISHED, events=st.booleans())
def test_read_any_text_with_any_date(text, published, events):
    """Any text under any publication date (year 1 to 9999, zoned or not, unknown) is read with
    valid offsets, in both modes."""
    article = Article(text, published, id="fuzz")
    _check_read(_read(article, events), article, events)


@fuzz(200)
@given(text=st.one_of(st.sampled_from(NEWS), MIXED_TEXT), published=st.one_of(EDGE_DAYS, EDGE_AWARE), events=st.booleans())
def test_read_at_the_ends_of_the_calendar(text, published, events):
    """Relative expressions counted from year 1 or 9999 overflow the calendar: they stay
    unresolved instead of failing the article."""
    article = Article(text, published)
    _check_read(_read(article, events), article, events)


@fuzz(200)
@given(text=SURROGATE_TEXTS, published=PUBLISHED)
def test_lone_surrogates_are_invalid_articles(text, published):
    with pytest.raises(timeline.InvalidArticleError, match="not valid Unicode"):
        Article(text, published)


@fuzz(40)
@given(st.lists(st.tuples(TEXTS, PUBLISHED), max_size=4), st.integers(1, 3))
def test_read_many_on_fuzzed_articles_equals_reading_each(given_articles, batch_size):
    articles = [Article(text, published, id=f"a{n}") for n, (text, published) in enumerate(given_articles)]
    assert timeline.read_many(articles, batch_size=batch_size, events=False) == [_read(a, False) for a in articles]


@fuzz(200)
@given(item=st.one_of(mappings(), NOT_MAPPINGS))
def test_read_only_reads_articles(item):
    with pytest.raises(timeline.InvalidArticleError, match=r"^article #0: expected a timeline.Article, got "):
        timeline.read(item)


# ---------------------------------------------------------------------------------------------
# Articles from malformed metadata


@fuzz(1000)
@given(text=FIELD_VALUES["text"], published=FIELD_VALUES["published"], source=FIELD_VALUES["source"], url=FIELD_VALUES["url"], title=FIELD_VALUES["title"], id=FIELD_VALUES["id"])
def test_article_fields_are_checked(text, published, source, url, title, id):
    """An Article is built or refused with an InvalidArticleError; a built one is well formed."""
    try:
        article = Article(text, published, source=source, url=url, title=title, id=id)
    except timeline.InvalidArticleError as error:
        assert str(error).startswith("article ")
        str(error).encode("utf-8")  # names the article without copying a lone surrogate
        return
    for value in (article.text, article.source, article.url, article.title, article.id):
        assert value is None or isinstance(value, str)
        if value is not None:
            value.encode("utf-8")  # valid Unicode
    assert article.published is None or isinstance(article.published, date)
    assert article.anchor is None or type(article.anchor) is date


@fuzz(1000)
@given(data=st.one_of(mappings(), NOT_MAPPINGS))
def test_article_from_any_mapping(data):
    try:
        article = Article.from_dict(data, "#7")
    except timeline.InvalidArticleError as error:
        message = str(error)
        assert message.startswith("article ")
        names = [repr(data[k]) for k in ("id", "url", "title", "source") if isinstance(data, dict) and isinstance(data.get(k), str) and data[k] and _is_unicode(data[k])]
        assert any(message.startswith(f"article {name}:") for name in names + ["#7"]), message
        return
    assert isinstance(data, dict) and article == Article(**data)


# ---------------------------------------------------------------------------------------------
# Building


def _label(item: object, index: int) -> str:
    """What the timeline's article list calls an input that could not be read."""
    if isinstance(item, dict):
        for key in ("id", "url"):
            value = item.get(key)
            if isinstance(value, str) and value and _is_unicode(value):
                return value
    return f"#{index}"


@st.composite
def build_inputs(draw) -> list:
    """Good articles (unique ids), mappings good and bad, and things that are no article."""
    inputs = []
    for index in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["article", "mapping", "mapping", "other"]))
        if kind == "article":
            inputs.append(Article(draw(TEXTS), draw(PUBLISHED), source=draw(st.none() | st.text(max_size=8)), id=f"good-{index}"))
        elif kind == "mapping":
            data = draw(mappings())
            if isinstance(data.get("id"), str) or draw(st.booleans()):
                data["id"] = f"map-{index}"  # no two inputs share an id: each must be found again
            inputs.append(data)
        else:
            inputs.append(draw(NOT_MAPPINGS))
    return inputs


@fuzz(300)
@given(build_inputs())
def test_build_collects_every_input(inputs):
    """With errors="collect" every input is in Timeline.articles: the good ones without an
    error, the bad ones with an error naming them; the entries are those of the good articles alone."""
    good: list[Article] = []
    expected: dict[str, bool] = {}  # the id of each input: can it be read?
    for index, item in enumerate(inputs):
        article = item if isinstance(item, Article) else None
        if isinstance(item, dict):
            try:
                article = Article.from_dict(item, f"#{index}")
            except timeline.InvalidArticleError:
                pass
        if article is not None:
            good.append(article)
        article_id = _label(item, index) if article is None else article.id
        # Inputs of one id count once: a good and a bad one would hide each other.
        assume(expected.setdefault(article_id, article is not None) == (article is not None))
    built = timeline.build(inputs, errors="collect")
    found = {info.id: info for info in built.articles}
    assert set(found) == set(expected)
    for article_id, readable in expected.items():
        info = found[article_id]
        if readable:
            assert info.error is None, info
        else:
            assert info.error is not None and info.error.startswith("article "), info
            named = [repr(n) for n in (info.id, info.url, info.title, info.source) if n] + [info.id]
            assert any(info.error.startswith(f"article {name}:") for name in named), info
            assert "reading failed" not in info.error, info  # ReadError: a bug
    alone = timeline.build(good)
    assert built.entries == alone.entries
    assert [a for a in built.articles if a.error is None] == list(alone.articles)
    _check_timeline(built)
    if all(isinstance(item, Article) for item in inputs):
        assert timeline.build(inputs) == built
    else:  # mappings only when collecting
        with pytest.raises(timeline.InvalidArticleError):
            timeline.build(inputs)


@fuzz(150)
@given(st.lists(st.tuples(TEXTS, PUBLISHED), min_size=1, max_size=4))
def test_build_json_round_trip_and_merge(given_articles):
    articles = [Article(text, published, source=f"S{n % 2}", id=f"a{n}") for n, (text, published) in enumerate(given_articles)]
    built = timeline.build(articles)
    _check_timeline(built)
    assert timeline.build(articles[:1]).merge(timeline.build(articles[1:])) == built


# ---------------------------------------------------------------------------------------------
# Resolving bare phrases

PHRASES = st.one_of(
    st.text(UNICODE, max_size=40),
    st.sampled_from(["last week", "the 1990s", "next year", "Monday", "3:30 p.m. EDT", "two weeks ago", "Christmas", "the 21st century", "'98", "the nineties", "last winter", "the weekend", "every other week", "the same day"]),
    st.builds(lambda words: " ".join(words), st.lists(st.sampled_from(["last", "next", "the", "week", "year", "July", "4", "2018", "'98", "ago", "two", "99999", "days", "century", "21st", "quarter", "early", "mid", "at", "3:30", "p.m.", "every", "other", "weekend", "in", ",", "-"]), max_size=5)),
)
RESOLVE_PUBLISHED = st.one_of(DATE_OBJECTS, DATE_OBJECTS.map(lambda d: d.isoformat()))


@fuzz(2000)
@given(phrase=PHRASES, published=RESOLVE_PUBLISHED, tense=st.sampled_from([None, "past", "present", "future"]))
def test_resolve_any_phrase(phrase, published, tense):
    """A phrase resolves to a well-formed value or raises InvalidExpressionError."""
    try:
        value = timeline.resolve(phrase, published, tense=tense)
    except timeline.InvalidExpressionError:
        return
    _check_value(value)


@fuzz(300)
@given(phrase=st.one_of(st.none(), WRONG_VALUES, PHRASES), published=st.one_of(st.none(), BAD_DATE_STRINGS, WRONG_VALUES, RESOLVE_PUBLISHED), tense=st.one_of(st.none(), st.text(max_size=8), WRONG_VALUES))
def test_resolve_bad_arguments_are_timeline_errors(phrase, published, tense):
    try:
        value = timeline.resolve(phrase, published, tense=tense)
    except timeline.TimelineError:
        return
    _check_value(value)


# ---------------------------------------------------------------------------------------------
# Very long input

MEGABYTES = 4_000_000
FILLER = "The committee reviewed the proposal again and members asked many questions about its cost. "


def test_read_a_paragraph_of_several_megabytes():
    """One paragraph of 4 MB, no line break (a page flattened by a scraper): more than spaCy takes
    in one Doc (1,000,000 characters), read in parts with every offset into the whole text."""
    # Was spaCy's bare ValueError [E088], in both modes (with the events: 3 GB for 900,000 characters).
    head = "Sen. Rand Paul met Konstantin Kosachev in Moscow on Monday. "
    middle = " The deal was signed on July 4, 2018, \u200fofficials said\x00. "
    tail = "He will return next week."
    filler = FILLER * (MEGABYTES // len(FILLER) // 2)
    text = head + filler + middle + filler + "😀" * 5000 + " " + tail
    article = Article(text, "2018-08-07", id="flat")
    read = _read(article, events=False)
    _check_read(read, article, events=False)
    assert read.body == ((0, len(text)),)
    assert [(e.text, e.value.value) for e in read.time_expressions] == [("Monday", "2018-08-06"), ("July 4, 2018", "2018-07-04"), ("next week", "2018-W33")]
    assert read.time_expressions[-1].start == len(text) - len("next week.")


def test_build_a_page_of_several_megabytes_of_boilerplate():
    """A 4 MB page of navigation, embeds, captions printed again and again and blank lines
    around a short article: the cleaner drops the page furniture and the article's events stay."""
    furniture = (
        "Skip to content", "Advertisement", "Share on Facebook", "[jwp-video n=”1″]",
        "https://example.com/2018/08/06/story", "© 2018 The Associated Press. All rights reserved.",
        "Sen. Rand Paul of Kentucky suggested easing sanctions on Russia. (Bill Clark/CQ Roll Call file photo)",
        "Watch: Senators on Monday’s vote", "We use cookies to improve your experience.", "\x00Skip to content\u200f",
        "\u202b☰ Menu \x1b",
    )  # fmt: skip
    lines = [furniture[n % len(furniture)] for n in range(MEGABYTES // 25)]
    story = "Sen. Rand Paul met Konstantin Kosachev in Moscow on Monday.\n\nHe said Thursday that he would return next month."
    text = story + "\n\n" + "\n\n\n".join(lines) + "\n" * 10_000
    assert len(text) > 3_000_000
    big = Article(text, "2018-08-07", source="Big", id="big")
    small = Article("Paul met Kosachyov on Monday, the Russian side said.", "2018-08-07", source="Small", id="small")
    built = timeline.build([big, small], errors="collect")
    assert built.errors == ()
    _check_timeline(built)
    assert {(str(entry.when), entry.sources) for entry in built} >= {("2018-08-06", ("Big", "Small"))}
    for mention in built.mentions:
        source = text if mention.article == "big" else small.text
        assert 0 <= mention.start < mention.end <= len(source), mention
        assert source[mention.sentence.start : mention.sentence.end] == mention.sentence.text, mention
        assert mention.article == "small" or mention.end <= len(story), mention  # nothing from the furniture


def test_long_paragraphs_are_parsed_in_parts_cut_at_sentences(monkeypatch):
    """With the events too, a segment longer than the parse limit is cut where sentences end;
    what is found in it is what the whole segment gives."""
    import timeline.pipeline

    text = " ".join(f"The council met on Monday and voted {n} times. Officials said it would meet again next week." for n in range(30))
    article = Article(text, "2018-08-07")
    whole = _read(article, events=True)
    monkeypatch.setattr(timeline.pipeline, "MAX_PARSE_CHARS", 300)
    monkeypatch.setattr(timeline.pipeline, "WHOLE_SEGMENT_CHARS", 300)
    for events in (True, False):
        parts = _read(article, events=events)
        _check_read(parts, article, events)
        assert all(len(sentence.text) <= 300 for sentence in parts.sentences)
        assert parts.body == whole.body
        assert [(e.text, e.start, e.value) for e in parts.time_expressions] == [(e.text, e.start, e.value) for e in whole.time_expressions]
    assert len(parts.time_expressions) == 60


# ---------------------------------------------------------------------------------------------
# Regressions: the minimal inputs that once broke the properties above


@pytest.mark.parametrize("tense", ["", "soon", "PAST", ["past"], 1])
def test_resolve_an_unknown_tense_is_an_argument_error(tense):
    # Was a bare ValueError from the Tense enum (or a TypeError for unhashable values).
    with pytest.raises(timeline.InvalidArgumentError, match="tense must be 'past', 'present', 'future' or None"):
        timeline.resolve("Monday", "2018-08-06", tense=tense)


def test_mapping_errors_name_the_input_position_when_nothing_else_does():
    # The Article's own checks named it "<unnamed>", though the docs promise its position.
    with pytest.raises(timeline.InvalidDateError, match=r"^article #1: publication date 'last week' is not an ISO 8601 date"):
        Article.from_dict({"text": "x", "published": "last week"}, "#1")
    with pytest.raises(timeline.InvalidArticleError, match=r"^article #7: url must be a string or None, not int$"):
        Article.from_dict({"text": "", "url": 0}, "#7")
    built = timeline.build([{"text": "", "title": object()}], errors="collect")
    assert [(a.id, a.error) for a in built.errors] == [("#0", "article #0: title must be a string or None, not object")]


@pytest.mark.parametrize("field", ["source", "url", "title", "id"])
def test_lone_surrogates_in_metadata_are_invalid_articles(field):
    # Were accepted, and then written into the timeline's JSON, which no UTF-8 file can hold.
    with pytest.raises(timeline.InvalidArticleError, match=rf"^article <unnamed>: {field} is not valid Unicode \(unpaired surrogate at offset 1\)$"):
        Article("text", "2018-08-06", **{field: "a\ud800"})
    built = timeline.build([{"text": "", field: "a\udfff"}], errors="collect")
    assert [(a.id, a.error) for a in built.errors] == [("#0", f"article #0: {field} is not valid Unicode (unpaired surrogate at offset 1)")]
    built.to_json().encode("utf-8")
    built = timeline.build([{"text": "", "\ud800": 1}], errors="collect")
    assert built.errors[0].error == r"article #0: unknown field(s) '\ud800'; expected text, published, source, url, title, id"
    built.to_json().encode("utf-8")


@pytest.mark.parametrize("published", ["20180806xx", "2018080600", "0001100100"])
def test_ten_characters_that_are_no_iso_date_are_refused(published):
    # Python 3.11's date.fromisoformat reads "20180806xx" as 2018-08-06.
    with pytest.raises(timeline.InvalidDateError, match="is not an ISO 8601 date"):
        Article("x", published)


def test_week_dates_of_ten_characters_are_still_dates():
    assert Article("x", "2018-W32-1").published == date(2018, 8, 6)


def test_time_values_at_the_end_of_the_calendar():
    # 9999-W52 ends in year 10000: was an OverflowError; 9999-WI ended before it began.
    week = timeline.TimeValue("DATE", "9999-W52")
    assert (week.start, week.end) == (date(9999, 12, 27), date(9999, 12, 31))
    assert timeline.resolve("this week", "9999-12-30") == week
    winter = timeline.TimeValue("DATE", "9999-WI")
    assert (winter.start, winter.end) == (date(9999, 12, 1), date(9999, 12, 31))


@pytest.mark.parametrize("arguments", [("DATE", 5), ("DATE", None), ("DATE", "2018", "bogus"), ("DATE", "2018", 3)])
def test_time_values_of_the_wrong_kind_are_invalid_values(arguments):
    # Were a TypeError (a value that is no string) and a ValueError (an unknown mod).
    with pytest.raises(timeline.InvalidValueError):
        timeline.TimeValue(*arguments)


@pytest.mark.parametrize(
    "text,summary",
    # "met Paul and left": one clause, coordinated verbs without subjects of their own
    [("He met Paul\r\nand left.", "He met Paul\r\nand left"), ("!wilj M0 0000\r000R!000", "wilj M0 0000")],
)
def test_a_mention_never_ends_in_the_whitespace_after_its_sentence(text, summary):
    # A "\r" token at the end of the clause carried the mention's end past its (trimmed) sentence.
    article = Article(text, None)
    read = _read(article, events=True)
    _check_read(read, article, events=True)
    assert [text[m.start : m.end] for m in read.events][:1] == [summary]


@pytest.mark.parametrize("events", [True, False])
def test_no_sentence_is_whitespace_alone(events):
    # "\r" after a full stop was a sentence of its own: Sentence(text="", start=1, end=1).
    article = Article(".\rTOday", None)
    read = _read(article, events=events)
    _check_read(read, article, events)
    assert [(s.text, s.start) for s in read.sentences] == [(".", 0), ("TOday", 2)]


def test_an_expression_never_ends_in_whitespace_the_ner_put_in_a_date():
    # The NER's DATE entity "Tuesday, Aug. 7.\t" seeded the "\t" token, and the expression's text
    # (and offsets) ran over it into the next sentence.
    text = "The vote was on Tuesday, Aug. 7.\t© 2018 The Associated Press."
    article = Article(text, "2018-08-01")
    read = _read(article, events=True)
    _check_read(read, article, events=True)
    assert [(e.text, e.value.value) for e in read.time_expressions] == [("Tuesday, Aug. 7", "2018-08-07"), ("2018", "2018")]


def test_long_lines_of_decoration_and_photo_words_are_cleaned_in_linear_time():
    # Two line rules backtracked in time quadratic in the line: a long run of decoration inside
    # a line (the UI-label rule: 40,000 dashes took 43 s) and a long unclosed parenthesis full
    # of photo words (the photo-credit rule: 40,000 words took 18 s). These lines are 10x longer.
    from timeline.clean import find_body

    dashes = "Section A " + "-" * 400_000 + " Section B"
    photos = "Caption (" + "photo " * 400_000 + "credit"
    text = f"Intro line.\n{dashes}\n{photos}\nCaption (AP Photo/Evan Vucci)\nOutro line."
    assert [text[start:end] for start, end in find_body(text)] == [f"Intro line.\n{dashes}\n{photos}", "Outro line."]


@pytest.mark.parametrize("run", ["'" * 200_000, "😀" * 200_000, ":".join(["12"] * 100_000)])
def test_runs_without_whitespace_are_not_parsed(run):
    # spaCy's tokenizer takes time quadratic in such runs (4,000 apostrophes: 2 s; these: hours).
    text = f"He left on Monday {run} and came back on Friday.\n{run}\nIt rained."
    article = Article(text, "2018-08-07")
    for events in (True, False):
        read = _read(article, events=events)
        _check_read(read, article, events)
        assert [e.text for e in read.time_expressions] == ["Monday", "Friday"]
        assert all(run not in s.text for s in read.sentences)
