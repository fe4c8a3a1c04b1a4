"""Tests for timeline.clean: finding the article body in scraped text."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.clean import find_body, is_headline

SEEDS = Path(__file__).parent.parent / "seeds"

# A short clean article used as the body of the hand-written pages below.
ARTICLE = [
    "Officials from both countries met in Geneva on Tuesday to discuss the treaty.",
    "The talks will resume next month, a spokesman for the ministry said.",
    "Both sides described the meeting as constructive and frank.",
    "A final agreement is expected before the end of the year.",
]


def read_seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def kept_lines(text: str, title: str | None = None) -> list[str]:
    """The non-blank lines of every block find_body keeps, in order."""
    return [
        line.strip()
        for start, end in find_body(text, title)
        for line in re.split(r"\r\n|\r|\n", text[start:end])
        if line.strip()
    ]


def page(*lines: str) -> str:
    """A scraped page: one paragraph per line, blank lines between."""
    return "\n\n".join(lines) + "\n"


# --- seeds -------------------------------------------------------------------------------------


def test_clean_seed_is_all_body() -> None:
    text = read_seed("000")
    assert find_body(text) == ((0, len(text.rstrip())),)


DROPPED_FROM_004 = [
    "Skip to content",
    "Sen. Rand Paul\xa0of Kentucky suggested the possibility of easing some sanctions on Russia. "
    "(Bill Clark/CQ Roll Call file photo)",
    "Watch:\xa0McConnell Warns Russians to Keep Out of Elections, Schumer Wants More Than Words",
    "[jwp-video n=\u201d1\u2033]",
    "Recent Stories",
    "Strange things are afoot at the Capitol",
    "Photos of the week ending May 24, 2024",
    "Getting down on the Senate floor \u2014 Congressional Hits and Misses",
    "US-China tech race will determine values that shape the future",
    "What\u2019s at stake in Texas runoff elections on Tuesday",
    "Democrats decry \u2018very, very harmful\u2019 riders in Legislative Branch bill",
]


def test_scraped_seed_keeps_exactly_the_article() -> None:
    text = read_seed("004")
    lines = [line for line in text.split("\n") if line.strip()]
    assert all(dropped in lines for dropped in DROPPED_FROM_004)
    assert lines.count(DROPPED_FROM_004[1]) == 2  # the caption is printed twice

    kept = kept_lines(text)
    assert kept == [line for line in lines if line not in DROPPED_FROM_004]
    assert len(kept) == 20  # headline, dek and 18 paragraphs
    assert kept[:2] == [
        "Sen. Rand Paul Invites Top Russians to U.S. as They Claim No Election Interference",
        "\u2018We all do it,\u2019 Kentucky Republican has said of election interference",
    ]
    assert kept[2].startswith("Sen. Rand Paul\xa0invited top Russian government officials")
    assert kept[-1].endswith("the meeting will be postponed to 2019.")
    # Every kept paragraph is its own block, since blank lines separate them.
    assert [text[start:end] for start, end in find_body(text)] == kept


# --- navigation and UI lines -------------------------------------------------------------------


@pytest.mark.parametrize(
    "label",
    [
        "Skip to content",
        "SKIP TO MAIN CONTENT",
        "Menu",
        "\u2630 Menu",
        "Search",
        "Subscribe",
        "Sign in",
        "Log In",
        "Share",
        "Share this article:",
        "Advertisement",
        "Print",
        "Email",
        "Comments",
        "Follow us",
        "Toggle navigation",
    ],
)
def test_ui_line_is_dropped(label: str) -> None:
    assert kept_lines(page(label, *ARTICLE)) == ARTICLE
    assert kept_lines(page(*ARTICLE[:2], label, *ARTICLE[2:])) == ARTICLE


@pytest.mark.parametrize(
    "notice",
    [
        "We use cookies to give you the best experience on our website.",
        "This site uses cookies. By continuing to browse, you agree to our use of cookies.",
        "\u00a9 2024 Example News Media",
        "Copyright 2018 The Associated Press. All rights reserved.",
        "Example News Media LLC. All rights reserved.",
    ],
)
def test_cookie_and_copyright_notices_are_dropped(notice: str) -> None:
    assert kept_lines(page(notice, *ARTICLE)) == ARTICLE
    assert kept_lines(page(*ARTICLE, notice)) == ARTICLE


@pytest.mark.parametrize(
    "notice",
    ["This was published 4 years ago", "This article is more than 5 years old.", "Updated 3 hours ago", "Published: about an hour ago"],
)
def test_a_notice_of_the_page_age_is_dropped(notice: str) -> None:
    # relative to when the page was scraped, not to the article: its "4 years ago" is no date
    assert kept_lines(page(notice, *ARTICLE)) == ARTICLE
    assert kept_lines(page(*ARTICLE[:2], notice, *ARTICLE[2:])) == ARTICLE


@pytest.mark.parametrize(
    "pitch",
    [
        "Get breaking news alerts and special reports. The news and stories that matter, delivered weekday mornings.",
        "Sign up for our newsletter to get the top stories in your inbox.",
        "Stay up to date with the latest news and updates.",
    ],
)
def test_a_newsletter_pitch_is_dropped(pitch: str) -> None:
    assert kept_lines(page(*ARTICLE[:2], pitch, *ARTICLE[2:])) == ARTICLE


@pytest.mark.parametrize(
    "comments",
    [
        "This is a problem that stems far deeper than your political beliefs Posted by: rallyart2012 | April 30, 2010 12:27 PM | Report abuse Does anybody not believe it?",
        "I sincerely hope not !!! January 27, 2011 at 7:59 pm | Report abuse | I don't believe that the army will act.",
        "(Reporting by Tom Bergin; Editing by Andrew Callus) We welcome comments that advance the story through relevant opinion, anecdotes, links and data.",
        "We welcome comments on our articles for a limited period after their publication.",
    ],
)
def test_reader_comments_and_the_comment_policy_are_dropped(comments: str) -> None:
    assert kept_lines(page(*ARTICLE, comments)) == ARTICLE


def assert_is_the_thread(thread: list[str]) -> None:
    """After the article, every line of ``thread`` is dropped, counted as the comment thread."""
    losses: Counter[str] = Counter()
    text = page(*ARTICLE, *thread)
    assert kept_lines(text) == ARTICLE
    find_body(text, losses=losses)
    assert losses == Counter({"comment thread": sum(len(line) for line in thread)})


def test_from_the_first_stamped_comment_on_the_page_is_the_thread() -> None:
    thread = [
        "At 10:14 am on 28 May 2010, pzero wrote: I think the response has been admirable so far.",
        "They have tried everything they could, and the government should say so.",  # its second paragraph
        "So few comments so far... At 23:44 21st Jun 2010, mourndekai wrote: I agree with the last comment.",
    ]
    assert_is_the_thread(thread)


def test_comments_stamped_with_their_date_and_time_before_a_bar_are_the_thread() -> None:
    # a news site's comments: "<date> at <time> | " opens each, and the later ones have no
    # "Report abuse" to find them by
    thread = [
        "I hope the talks work. January 27, 2011 at 7:59 pm | Report abuse | I doubt the web did it all.",
        "The same thing happened long before there were phones.",
        "January 31, 2011 at 6:26 pm | The US should help the transition along quietly.",
    ]
    assert_is_the_thread(thread)
    # a date and time in a sentence is no stamp
    dated = "The vote closed on January 27, 2011 at 7:59 pm, officials said."
    assert kept_lines(page(*ARTICLE, dated)) == [*ARTICLE, dated]


def test_a_quoted_letter_is_no_comment_thread() -> None:
    quoted = "In a letter to the board at 10:14 on Monday, the chairman wrote: we will not sell the company."
    assert kept_lines(page(*ARTICLE, quoted)) == [*ARTICLE, quoted]


def test_a_sentence_about_reports_of_abuse_is_kept() -> None:
    sentence = "The charity posted a statement saying it would report abuse to the police, officials said."
    assert kept_lines(page(*ARTICLE, sentence)) == [*ARTICLE, sentence]


def test_a_sentence_about_getting_news_is_kept() -> None:
    sentence = "Residents said they get their news from the radio, because the power was out for weeks and phones did not work."
    assert kept_lines(page(*ARTICLE, sentence)) == [*ARTICLE, sentence]


def test_a_sentence_about_a_publication_long_ago_is_kept() -> None:
    sentence = "The report was published four years ago, and nobody read it."
    assert kept_lines(page(*ARTICLE, sentence)) == [*ARTICLE, sentence]


HEADLINE = "Geneva Talks End Without a Deal"
HEADER = ["Start the day smarter Notable deaths in 2023 The world's largest war 2023 meteor showers", "World News"]


def test_lines_above_the_headline_that_are_no_sentences_are_the_page_header() -> None:
    text = page(*HEADER, HEADLINE, *ARTICLE)
    assert kept_lines(text) == [*HEADER, HEADLINE, *ARTICLE]  # without the title nothing tells
    assert kept_lines(text, title=HEADLINE) == [HEADLINE, *ARTICLE]
    assert kept_lines(text, title="A title the page does not print") == [*HEADER, HEADLINE, *ARTICLE]


@pytest.mark.parametrize("dateline", ["June 9, 2011 in Nation/World", "10 Jun 2011", "Published: Monday 3 August 2018"])
def test_a_date_line_above_the_headline_is_kept(dateline: str) -> None:
    assert kept_lines(page(HEADER[0], dateline, HEADLINE, *ARTICLE), title=HEADLINE) == [dateline, HEADLINE, *ARTICLE]


def test_photo_caption_with_a_credit_is_dropped() -> None:
    caption = "The delegations meet in Geneva on Tuesday. (AP Photo/Jane Doe, File)"
    assert kept_lines(page(ARTICLE[0], caption, *ARTICLE[1:])) == ARTICLE


def test_sentences_about_cookies_photos_and_rights_are_kept() -> None:
    lines = [
        "\u201cWe use cookies as a reward,\u201d the dog trainer said on Monday.",
        "The photo (taken in 1990) shows the old border post.",
        "Campaigners said the ruling left all rights reserved for the state.",
        *ARTICLE,
    ]
    assert kept_lines(page(*lines)) == lines


def test_ui_words_inside_sentences_are_kept() -> None:
    lines = [
        "Search teams found the wreckage on Monday.",
        "Share prices fell 3 percent in Tokyo on Tuesday.",
        "Print editions of the paper will end in June.",
        "Comments by the minister drew criticism.",
        "The company said it would not comment.",
    ]
    assert kept_lines(page(*lines)) == lines


def test_wrapped_line_that_looks_like_a_label_is_kept() -> None:
    text = (
        "Rescue teams worked through the night, and officials said they would resume the\n"
        "search\n"
        "\n"
        "Divers were sent down again on Wednesday, after a storm had halted the\n"
        "search.\n"
    )
    assert find_body(text) == ((0, text.index("\n\n")), (text.index("Divers"), len(text) - 1))


# --- embed and shortcode lines -----------------------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        "[jwp-video n=\u201d1\u2033]",
        '[jwp-video n="1"]',
        '[caption id="attachment_42" align="alignnone" width="640"]',
        "[/caption]",
        "[embed]https://www.youtube.com/watch?v=abc123[/embed]",
        "{{ video_player }}",
        '<iframe src="https://example.com/embed/1" width="560" height="315"></iframe>',
        '<div class="ad-slot"></div>',
        "https://twitter.com/senrandpaul/status/1026495620465635329",
    ],
)
def test_embed_line_is_dropped(code: str) -> None:
    text = page(ARTICLE[0], code, *ARTICLE[1:])
    assert kept_lines(text) == ARTICLE


def test_bracketed_prose_is_kept() -> None:
    lines = ["[Editor's note: This story was updated on Monday to add a quote.]", *ARTICLE]
    assert kept_lines(page(*lines)) == lines


# --- lines printed more than once --------------------------------------------------------------


def test_every_copy_of_a_repeated_caption_is_dropped() -> None:
    caption = "Protesters gather outside the parliament building in Geneva on Monday."
    text = page(caption, caption, ARTICLE[0], ARTICLE[1], caption, *ARTICLE[2:])
    assert kept_lines(text) == ARTICLE


def test_repeated_caption_with_different_spacing_is_dropped() -> None:
    caption = "Protesters gather outside the parliament building in Geneva."
    text = page(caption.replace(" ", "\xa0", 1), *ARTICLE, "  " + caption.upper())
    assert kept_lines(text) == ARTICLE


def test_short_repeated_line_is_kept() -> None:
    lines = ["Geneva talks", *ARTICLE, "Geneva talks"]
    assert kept_lines(page(*lines)) == lines


# --- promo lines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "promo",
    [
        "Watch:\xa0McConnell Warns Russians to Keep Out of Elections",
        "WATCH: Live coverage of the summit",
        "Read more: Senate passes sanctions bill",
        "Related: Five things to know about the treaty",
        "Also read: Who is the new foreign minister?",
        "See also: Timeline of the talks",
        "Click here to get breaking news alerts",
        "Sign up for our daily newsletter",
        "Download our app for the latest news",
    ],
)
def test_promo_line_is_dropped(promo: str) -> None:
    text = page(ARTICLE[0], ARTICLE[1], promo, *ARTICLE[2:])
    assert kept_lines(text) == ARTICLE


def test_sentences_starting_like_promos_are_kept() -> None:
    lines = [
        "Watchdog groups criticized the agreement on Friday.",
        "Related charges were filed against two aides.",
        "Clicking through the report, analysts found errors.",
        *ARTICLE,
    ]
    assert kept_lines(page(*lines)) == lines


# --- trailing sidebars -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "Recent Stories",
        "Related Articles",
        "More from Example News",
        "Also on NBC News",
        "Most Read",
        "You may also like",
        "Trending:",
    ],
)
def test_everything_from_a_trailing_sidebar_heading_is_dropped(heading: str) -> None:
    text = page(
        "Treaty Talks Resume in Geneva",
        *ARTICLE,
        heading,
        "Photos of the week ending May 24, 2024",
        "What's at stake in the runoff elections on Tuesday",
    )
    assert kept_lines(text) == ["Treaty Talks Resume in Geneva", *ARTICLE]


def test_sidebar_heading_near_the_top_does_not_cut_the_article() -> None:
    text = page("Trending", "Treaty Talks Resume in Geneva", *ARTICLE)
    assert kept_lines(text) == ["Treaty Talks Resume in Geneva", *ARTICLE]


def test_sidebar_words_in_a_sentence_or_a_dated_subhead_do_not_cut() -> None:
    lines = [
        *ARTICLE,
        "Most read the report as a setback for the government.",
        "Also on Tuesday:",
        "The parliament in Bern approved the budget.",
        "More from the hearing",
        "Officials declined to comment.",
    ]
    assert kept_lines(page(*lines)) == lines


# --- offsets, line ends and edge cases ---------------------------------------------------------


def test_offsets_index_the_original_text_with_crlf_and_cr() -> None:
    text = "Skip to content\r\n\r\n  First line.\r\nSecond line. \r\rThird line.\r\n"
    ranges = find_body(text)
    assert ranges == ((21, 46), (49, 60))
    assert [text[start:end] for start, end in ranges] == [
        "First line.\r\nSecond line.",
        "Third line.",
    ]


@pytest.mark.parametrize("text", ["", " ", "\n", "\r\n\r\n", " \t\n \r \xa0"])
def test_blank_text_has_no_body(text: str) -> None:
    assert find_body(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Happy new year everyone!",
        "Senate Passes Defense Bill",
        "  Paul will travel to Moscow on Monday.\n",
        # A one-line text is the text itself, even if it reads like a promo.
        "Sign up for workshops by our teachers now! https://t.co/abc",
    ],
)
def test_one_line_text_is_kept(text: str) -> None:
    assert find_body(text) == ((len(text) - len(text.lstrip()), len(text.rstrip())),)


def test_hard_wrapped_newswire_is_kept_paragraph_by_paragraph() -> None:
    paragraphs = [
        "WASHINGTON (AP) -- The Senate voted 68-31 on Thursday to approve a\n"
        "sweeping sanctions package, sending the measure to the House, where\n"
        "leaders said they would take it up next week.",
        "The vote came two days after the president met with his counterpart\n"
        "in Helsinki. Aides said the meeting lasted more than two hours.\n"
        "Share prices in Moscow fell after the vote.",
        "``We will respond,'' a spokesman for the Foreign Ministry said late\n"
        "Thursday.",
    ]
    text = "\n\n".join(paragraphs) + "\n"
    assert [text[start:end] for start, end in find_body(text)] == paragraphs


# --- properties --------------------------------------------------------------------------------


@given(st.text())
def test_ranges_are_ordered_trimmed_and_deterministic(text: str) -> None:
    ranges = find_body(text)
    previous_end = 0
    for start, end in ranges:
        assert previous_end <= start < end <= len(text)
        body = text[start:end]
        assert body == body.strip()
        previous_end = end
    assert find_body(text) == ranges


WORDS = (
    "the senator said on Monday officials met in Moscow talks will resume next week a spokesman "
    "for ministry agreed to continue dialogue election vote share search print watch more related "
    "trending recent stories menu comments advertisement"
).split()

sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(
    lambda words: " ".join([words[0].capitalize(), *words[1:]]) + "."
)


@given(
    st.lists(sentence, min_size=1, max_size=20, unique_by=str.casefold),
    st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"]),
)
def test_ordinary_sentences_are_all_kept(sentences: list[str], separator: str) -> None:
    text = separator.join(sentences)
    kept = "".join(text[start:end] for start, end in find_body(text))
    assert "".join(kept.split()) == "".join(text.split())


@pytest.mark.parametrize(
    "line,headline",
    [
        ("Sen. Rand Paul Invites Top Russians to U.S. as They Claim No Election Interference", True),
        ("Smith Trial: Jury Selection Begins", True),
        ("Agency Scrubs Satellite Launch Again", True),
        ("Sen. Rand Paul invited top Russian officials.", False),  # a sentence
        ("The launch was scrubbed on Monday morning", False),  # lower-case words
        ("Why Did NASA Scrub the Launch?", False),  # ends like a sentence
        ("Trump Meets", False),  # too short to tell
        ("Paul Invites Russians\nto the U.S.", False),  # two lines: a block, not a heading
    ],
)
def test_a_headline_is_one_title_case_line_that_does_not_end_like_a_sentence(line: str, headline: bool) -> None:
    assert is_headline(line) is headline


def test_a_read_article_takes_no_date_from_its_page_header_or_age_notice() -> None:
    import timeline

    text = page(*HEADER, HEADLINE, "This was published 4 years ago", *ARTICLE)
    read = timeline.read(timeline.Article(text, "2018-08-03", title=HEADLINE))
    assert [(e.text, e.value.value) for e in read.time_expressions] == [
        ("Tuesday", "2018-07-31"),
        ("next month", "2018-09"),
        ("the end of the year", "2018"),
    ]


# --- files of several pages --------------------------------------------------------------------


def test_a_file_of_several_pages_keeps_the_article_after_a_sidebar() -> None:
    """A sidebar ends the article it follows, not the file: the next page's prose is kept."""
    scraped, clean = read_seed("004"), read_seed("000")
    both = kept_lines(scraped + "\n\n" + clean)
    first, second = kept_lines(scraped), kept_lines(clean)
    assert both[: len(first)] == first
    assert "Recent Stories" not in both and "Strange things are afoot at the Capitol" not in both
    # the second page from its first paragraph of prose (its short headline lines still read as sidebar)
    prose = next(i for i, line in enumerate(second) if len(line.split()) >= 25)
    assert both[len(first):] == second[prose:]


def test_dropped_lines_are_counted_by_reason() -> None:
    from collections import Counter

    losses: Counter[str] = Counter()
    text = read_seed("004")
    kept = find_body(text, None, losses)
    assert set(losses) == {"printed twice", "sidebar", "ui label", "embed code", "promo"}
    assert losses["printed twice"] == 2 * len(DROPPED_FROM_004[1])
    assert sum(losses.values()) + sum(end - start for start, end in kept) <= len(text)


def test_a_file_that_is_mostly_dropped_says_so() -> None:
    """A wire story pasted three times is every line printed twice: nothing is body, and the
    reader says so (how much was kept, and why the rest was not) instead of a silent empty result."""
    import warnings

    import timeline

    text = "\n\n".join([read_seed("000")] * 3)
    with pytest.warns(timeline.MostlyDroppedWarning, match=r"article 'thrice': only 0 characters of 9,528 characters \(0%\) read as article body; dropped: printed twice 9,528 characters"):
        read = timeline.read(timeline.Article(text, "2018-08-03", id="thrice"), events=False)
    assert read.time_expressions == ()
    with warnings.catch_warnings():
        warnings.simplefilter("error", timeline.TimelineWarning)
        timeline.read(timeline.Article(read_seed("004"), "2018-08-06", id="page"), events=False)  # 81 % kept: no warning
