"""HTML input: Article.from_html (trafilatura body, htmldate date), .html files on the command line.

The pages in tests/pages/ are written for these tests (see tests/pages/README.md): a news page
with menu, header, "Recent Stories"/"Related" sidebar, footer and a caption printed twice; a
page dated only by its byline's <time>; a page with no date; a page whose only dates are in a
sidebar.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import timeline
from timeline import Article, InvalidArticleError, MissingExtraError, TimelineError
from timeline.cli import main

PAGES = Path(__file__).resolve().parent / "pages"
NEWS = PAGES / "news_article.html"
BYLINE = PAGES / "byline_date.html"
NO_DATE = PAGES / "no_date.html"
SIDEBAR_DATES = PAGES / "sidebar_dates_only.html"

NEWS_HEADLINE = "Harbor Bridge to close for six weeks of cable repairs"
NEWS_DEK = "Inspectors found corroded suspension cables during a routine check."
NEWS_PARAGRAPHS = [
    "PORTSMOUTH, Va. — State transportation officials said Monday that the Harbor Bridge will close to "
    "traffic for six weeks starting in September, after inspectors found corroded cables during a routine "
    "check last week.",
    "The inspection turned up damage to four of the bridge’s 48 suspension cables, according to a report "
    "released on Friday by the Virginia Department of Transportation.",
    "“We cannot wait until next spring,” Deputy Secretary Alana Ruiz told reporters at a news conference in "
    "Richmond. “The repairs have to start before the weather turns.”",
    "About 40,000 vehicles cross the bridge on a typical weekday. The city council will hold a public hearing "
    "on detour routes on Wednesday, and the state expects to publish a final schedule by the end of the month.",
    "The bridge last closed for major repairs in 2009, when a barge struck one of its piers.",
]
#: Text of the news page that is not article body: menu, header, sidebar, footer, caption, widgets.
NEWS_BOILERPLATE = [
    "Skip to content",
    "Monday, August 6, 2018",  # the header's date bar
    "Subscribe",
    "Log in",
    "Local News",
    "Obituaries",
    "Things To Do This Weekend",
    "Share on Facebook",
    "Traffic crosses the Harbor Bridge",  # the caption, printed twice
    "Photo: Marcus Lee",
    "Morning Ledger",
    "Sign up",
    "Comments are closed",
    "Recent Stories",
    "Port authority names a new director",
    "July 30, 2018",
    "Ferry fares to rise in October",
    "delayed until 2020",
    "Inspectors flag aging bridges",
    "last Tuesday",
    "June 12, 2018",
    "Advertisement",
    "About Us",
    "Privacy Policy",
    "All rights reserved",
]

BYLINE_PARAGRAPHS = [
    "RIVERSIDE — The City Council voted 9-2 on Wednesday to approve a $1.2 billion budget, ending months of "
    "debate over police and library funding.",
    "Mayor Lena Park is expected to sign the budget next week. The council had rejected an earlier draft in "
    "February after residents packed two public hearings to oppose cuts to branch libraries.",
    "“This budget keeps every library open six days a week,” said council member Ana Lucero, who voted for "
    "the plan. “That was the promise we made to the neighborhoods.”",
    "The two members who voted against it said the police department’s share had grown too fast since 2017. "
    "The budget takes effect on July 1.",
]


def body_lines(article: Article, *extra_allowed: str) -> list[str]:
    """The article's lines, less the headline-like lines trafilatura may keep at the top."""
    return [line for line in article.text.splitlines() if line not in extra_allowed]


@pytest.fixture(scope="module")
def news() -> Article:
    return Article.from_html(NEWS.read_text(encoding="utf-8"))


# --- the news page ---------------------------------------------------------------------------


def test_news_page_body_is_the_article_paragraphs_and_nothing_else(news):
    assert body_lines(news, NEWS_HEADLINE, NEWS_DEK) == NEWS_PARAGRAPHS
    assert set(news.text.splitlines()) <= {NEWS_HEADLINE, NEWS_DEK, *NEWS_PARAGRAPHS}
    for boilerplate in NEWS_BOILERPLATE:
        assert boilerplate not in news.text, boilerplate


def test_news_page_metadata(news):
    # article:published_time (6 August), not article:modified_time (7 August): original_date=True
    assert news.published == date(2018, 8, 6)
    assert news.title == "Harbor Bridge to close for six weeks of cable repairs"
    assert news.source == "The Capitol Ledger"  # og:site_name
    assert news.url is None  # only the caller's URL is kept (the page's canonical URL is not)
    assert news.id is not None and news.id.startswith("sha1:")


def test_url_and_source_given_by_the_caller_are_kept():
    url = "https://www.capitolledger.example/local/harbor-bridge-closure"
    article = Article.from_html(NEWS.read_text(encoding="utf-8"), url=url, source="Ledger")
    assert (article.url, article.id, article.source) == (url, url, "Ledger")
    assert article.published == date(2018, 8, 6)


def test_news_page_time_expressions_resolve_against_the_page_date(news):
    read = timeline.read(news)
    found = [(e.text, e.value.value, None if e.value.mod is None else str(e.value.mod)) for e in read.time_expressions]
    assert found == [
        ("six weeks", "P6W", None),  # the headline
        ("Monday", "2018-08-06", None),
        ("six weeks", "P6W", None),
        ("September", "2018-09", None),
        ("last week", "2018-W31", None),
        ("Friday", "2018-08-03", None),
        ("next spring", "2019-SP", None),
        ("Wednesday", "2018-08-08", None),
        ("the end of the month", "2018-08", "END"),
        ("2009", "2009", None),
    ]
    for expression in read.time_expressions:
        assert news.text[expression.start : expression.end] == expression.text
    # Nothing of the sidebar, the header's date bar or the caption ("on Sunday") reaches them.
    assert not {"July 30, 2018", "August 2, 2018", "October", "2020", "June 12, 2018", "Sunday"} & {t for t, _, _ in found}


def test_bytes_are_decoded_like_the_text():
    assert Article.from_html(NEWS.read_bytes()) == Article.from_html(NEWS.read_text(encoding="utf-8"))


def test_bytes_in_a_legacy_encoding_are_decoded():
    page = (
        "<html><head><title>Café owners ‘relieved’</title></head><body><article>"
        "<h1>Café owners ‘relieved’</h1>"
        "<p>The café on Rue Saint-André reopened on Tuesday after a long winter, its owners said — to the "
        "delight of its regulars.</p></article></body></html>"
    )
    article = Article.from_html(page.encode("cp1252"))
    assert article.title == "Café owners ‘relieved’"
    assert "The café on Rue Saint-André reopened on Tuesday after a long winter, its owners said — to the" in article.text


# --- a date only in the byline ---------------------------------------------------------------


def test_date_from_the_byline_time_element():
    article = Article.from_html(BYLINE.read_text(encoding="utf-8"))
    assert article.published == date(2019, 3, 14)
    assert body_lines(article, "Council approves $1.2 billion budget") == BYLINE_PARAGRAPHS
    for boilerplate in ("Most Read", "Water main break", "Classifieds", "Advertise with us", "By Tom Okafor"):
        assert boilerplate not in article.text
    assert article.title == "Council approves $1.2 billion budget"
    # No site-name metadata: trafilatura's guess from the <title> ("the part with a dot in it")
    # would be the headline ("$1.2"); without a URL there is no site name at all.
    assert article.source is None


def test_site_name_falls_back_on_the_domain_of_the_url():
    article = Article.from_html(BYLINE.read_text(encoding="utf-8"), url="https://www.riversidetribune.example/news/budget")
    assert article.source == "riversidetribune.example"


def test_byline_page_time_expressions_resolve_against_the_byline_date():
    read = timeline.read(Article.from_html(BYLINE.read_bytes()))
    dates = {e.text: e.value.value for e in read.time_expressions if str(e.value.type) == "DATE"}
    assert dates == {
        "Wednesday": "2019-03-13",
        "next week": "2019-W12",
        "February": "2019-02",
        "2017": "2017",
        "July 1": "2019-07-01",
    }


def page(title: str, head: str = "", headline: str = "U.S. senators visit Moscow") -> str:
    return (
        f"<html><head><title>{title}</title>{head}</head><body><article><h1>{headline}</h1>"
        "<p>Three senators met members of the Russian parliament in Moscow on Monday, the delegation said.</p>"
        "</article></body></html>"
    )


@pytest.mark.parametrize(
    ("title", "head", "source"),
    [
        ("U.S. senators visit Moscow - Roll Call", "", None),  # not the headline
        ("U.S. senators visit Moscow - Roll Call", '<meta property="og:site_name" content="Roll Call">', "Roll Call"),
        (
            "U.S. senators visit Moscow - Roll Call",
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "U.S. senators visit Moscow",'
            ' "publisher": {"@type": "Organization", "name": "Roll Call"}}</script>',
            "Roll Call",
        ),
        ("Senators visit Moscow | rollcall.com", "", "rollcall.com"),
        ("Senators visit Moscow", '<meta name="application-name" content="St. Louis Post-Dispatch">', "St. Louis Post-Dispatch"),
    ],
)
def test_site_name_is_never_the_headline(title, head, source):
    assert Article.from_html(page(title, head)).source == source


# --- no date ---------------------------------------------------------------------------------


def test_page_without_a_date_gives_an_article_without_one():
    article = Article.from_html(NO_DATE.read_text(encoding="utf-8"))
    assert article.published is None  # unknown: inferred from the text when it is read
    assert (article.title, article.source) == ("Orchard growers brace for a late frost", "Valley Courier")
    assert body_lines(article, "Orchard growers brace for a late frost") == [
        "Apple and cherry growers across the valley spent Tuesday night lighting smudge pots and running wind "
        "machines as temperatures dropped below freezing for the first time in weeks.",
        "The blossoms opened early this year after a warm spell last month, leaving them exposed, said Walt "
        "Henning, who manages 300 acres of orchards north of town.",
        "“If we lose the bloom, we lose the crop,” Henning said. Forecasters expect another cold night on Friday "
        "before temperatures climb over the weekend.",
    ]
    for boilerplate in ("Front Page", "Letters to the Editor", "More from the Courier", "cider contest", "Subscribe"):
        assert boilerplate not in article.text


def test_dates_in_a_sidebar_are_not_taken_for_the_publication_date():
    html = SIDEBAR_DATES.read_text(encoding="utf-8")
    article = Article.from_html(html)
    assert article.published is None
    assert "March 2, 2017" not in article.text and "Recent Stories" not in article.text
    # Why extensive_search=False: htmldate's extensive search takes a sidebar date for it.
    import htmldate

    assert htmldate.find_date(html, original_date=True, extensive_search=True) == "2017-02-20"
    read = timeline.read(article)
    assert not any(e.value.value.startswith("2017") for e in read.time_expressions)


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        (None, "HTML must be a str or bytes, not NoneType"),
        (42, "HTML must be a str or bytes, not int"),
        (["<html>"], "HTML must be a str or bytes, not list"),
        ("", "the page is empty"),
        ("  \n ", "the page is empty"),
        (b"", "the page is empty"),
        ("Just a sentence of plain text, not a page.", "not an HTML page"),
        ("<html><head><title>Nothing here</title></head><body></body></html>", "no article body found in the page"),
    ],
)
def test_bad_input_is_an_invalid_article_error_naming_the_page(html, problem):
    with pytest.raises(InvalidArticleError) as caught:
        Article.from_html(html)
    assert caught.value.article == "<html>"
    assert caught.value.problem.startswith(problem)
    with pytest.raises(InvalidArticleError, match=r"^article 'https://example\.com/a': "):
        Article.from_html(html, url="https://example.com/a")


def test_bad_url_or_source_types():
    with pytest.raises(InvalidArticleError, match="url must be a string or None, not int"):
        Article.from_html(NEWS.read_text(encoding="utf-8"), url=7)  # type: ignore[arg-type]
    with pytest.raises(InvalidArticleError, match="source must be a string or None, not bytes"):
        Article.from_html(NEWS.read_text(encoding="utf-8"), source=b"x")  # type: ignore[arg-type]


def test_a_crash_inside_trafilatura_is_an_invalid_article_error(monkeypatch):
    import trafilatura

    def broken(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    with pytest.raises(InvalidArticleError, match=r"^article <html>: the page cannot be read \(RecursionError: maximum"):
        Article.from_html(NEWS.read_text(encoding="utf-8"))


def test_nothing_is_downloaded(monkeypatch):
    import htmldate.utils
    import trafilatura.downloads

    def no_download(*args, **kwargs):
        raise AssertionError("tried to download")

    monkeypatch.setattr(htmldate.utils, "fetch_url", no_download)
    monkeypatch.setattr(trafilatura.downloads, "fetch_url", no_download)
    monkeypatch.setattr(trafilatura, "fetch_url", no_download)
    # htmldate would fetch a string that looks like a URL; here it is just not a page.
    with pytest.raises(InvalidArticleError, match="not an HTML page"):
        Article.from_html("https://www.capitolledger.example/local/harbor-bridge-closure")
    url = "https://www.capitolledger.example/2018/08/06/harbor-bridge-closure"
    assert Article.from_html(NEWS.read_text(encoding="utf-8"), url=url).published == date(2018, 8, 6)


def test_missing_extra_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # "import trafilatura" raises ImportError
    with pytest.raises(MissingExtraError) as caught:
        Article.from_html(NEWS.read_text(encoding="utf-8"))
    error = caught.value
    assert isinstance(error, TimelineError) and isinstance(error, ImportError)
    assert str(error).startswith('HTML input needs the optional extra news-timeline[html] (trafilatura, htmldate): pip install "news-timeline[html]"')
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


def test_import_timeline_does_not_import_the_html_packages():
    code = "import sys, timeline; print(sorted(m for m in ('trafilatura', 'htmldate') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_subclasses_get_their_own_class():
    class MyArticle(Article):
        pass

    article = MyArticle.from_html(NEWS.read_bytes())
    assert type(article) is MyArticle and article.published == date(2018, 8, 6)


# --- files: metadata and the command line ----------------------------------------------------


def test_articles_from_meta_reads_html_files_and_the_entry_wins(tmp_path):
    (tmp_path / "bridge.html").write_bytes(NEWS.read_bytes())
    (tmp_path / "frost.htm").write_bytes(NO_DATE.read_bytes())
    meta = {
        "articles": [
            {"file": "bridge.html", "source": "Ledger", "title": "Bridge closing", "url": "https://ledger.example/bridge"},
            {"file": "frost.htm", "published": "2019-04-10"},
        ]
    }
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    bridge, frost = timeline.articles_from_meta(tmp_path / "meta.json")
    assert (bridge.id, bridge.published, bridge.source, bridge.title, bridge.url) == (
        "bridge.html", date(2018, 8, 6), "Ledger", "Bridge closing", "https://ledger.example/bridge"
    )
    assert (frost.id, frost.published, frost.source, frost.title) == (
        "frost.htm", date(2019, 4, 10), "Valley Courier", "Orchard growers brace for a late frost"
    )
    assert body_lines(bridge, NEWS_HEADLINE, NEWS_DEK) == NEWS_PARAGRAPHS


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def timexes_json(*args: object) -> list[dict]:
    result = run("timexes", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_cli_timexes_reads_an_html_page_with_its_own_date_and_site():
    (payload,) = timexes_json(NEWS)
    assert (payload["article"], payload["source"], payload["published"]) == ("news_article.html", "The Capitol Ledger", "2018-08-06")
    values = {e["text"]: e["value"]["value"] for e in payload["time_expressions"]}
    assert values == {
        "six weeks": "P6W",
        "Monday": "2018-08-06",
        "September": "2018-09",
        "last week": "2018-W31",
        "Friday": "2018-08-03",
        "next spring": "2019-SP",
        "Wednesday": "2018-08-08",
        "the end of the month": "2018-08",
        "2009": "2009",
    }


def test_cli_options_and_meta_override_what_the_page_says(tmp_path):
    (payload,) = timexes_json("--published", "2018-08-13", "--source", "Ledger", NEWS)
    assert (payload["source"], payload["published"]) == ("Ledger", "2018-08-13")
    values = {e["text"]: e["value"]["value"] for e in payload["time_expressions"]}
    assert (values["Monday"], values["last week"]) == ("2018-08-13", "2018-W32")

    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps([{"file": "news_article.html", "published": "2018-08-07", "source": "CL"}]), encoding="utf-8")
    (payload,) = timexes_json("--meta", meta, "--published", "2018-08-13", NEWS)
    assert (payload["source"], payload["published"]) == ("CL", "2018-08-07")


def test_cli_build_with_an_html_page_and_a_text_file(tmp_path):
    page = tmp_path / "bridge.htm"
    page.write_bytes(NEWS.read_bytes())
    text = tmp_path / "note.txt"
    text.write_text("The Harbor Bridge reopened on Friday, state officials said.", encoding="utf-8")
    result = run("build", "--quiet", "--published", "2018-10-22", page, text)
    assert result.exit_code == 0, result.output
    markdown = result.stdout
    # --published overrides the page's date for every file given.
    assert "from 2 articles: " in markdown and "The Capitol Ledger (published 22 October 2018)" in markdown
    result = run("build", "--quiet", "--format", "json", page)
    assert result.exit_code == 0, result.output
    tl = timeline.Timeline.from_json(result.stdout)
    (info,) = tl.articles
    assert (info.id, info.source, info.title) == ("bridge.htm", "The Capitol Ledger", NEWS_HEADLINE)
    assert str(info.published) == "2018-08-06"
    whens = {entry.when.value for entry in tl if entry.when is not None}
    assert {"2018-08-06", "2018-08-03", "2018-08-08", "2018-W31", "2018-09"} <= whens
    assert not any(w.startswith(("2020", "2018-07", "2018-06", "2018-05")) for w in whens)  # nothing from the sidebar


def test_cli_page_without_a_date_is_read_like_a_text_file_without_one():
    result = run("timexes", NO_DATE)
    assert result.exit_code == 0, result.output
    assert "warning: no_date.html: no publication date" in result.stderr
    (payload,) = timexes_json("--published", "2019-04-10", NO_DATE)
    assert (payload["source"], payload["published"]) == ("Valley Courier", "2019-04-10")


def test_cli_bad_page_is_an_error_not_a_traceback(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("", encoding="utf-8")
    result = run("build", "--quiet", empty)
    assert result.exit_code == 1
    assert f"Error: article {empty}: the page is empty" in result.output
    assert "Traceback" not in result.output
