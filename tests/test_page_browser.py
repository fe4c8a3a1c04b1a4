"""The HTML page in a real browser: headless Chromium driven by Playwright.

Skipped, with the reason, where Playwright (``pip install -e ".[test]"``) or Chromium (Debian's
``chromium`` package; ``.ci/run`` installs it) is missing, so that the rest still runs. Nothing
is downloaded: Playwright drives the system's Chromium. A screenshot of the seed timeline's page
is written to ``$TIMELINE_ARTIFACTS`` (``.ci/run`` sets it; else the test's temporary folder).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from test_formats import HOSTILE, hostile_timeline

from timeline.render import capitalise

CHROMIUM = os.environ.get("TIMELINE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
# As the machine's own browser check starts it: no sandbox (CI runs as root) and no background
# connections (the network is closed; Chromium would try Google's hosts at every start).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]

sync_api = pytest.importorskip("playwright.sync_api", reason='Playwright is not installed (pip install -e ".[test]")')
pytestmark = [pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (apt-get install chromium; .ci/run does)"), pytest.mark.slow]


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def open_page(browser, path: Path, width: int = 1200):
    """The page at ``path``, with every console error and uncaught exception it raises collected."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    page.on("console", lambda message: problems.append(f"console {message.type}: {message.text}") if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.goto(path.as_uri())
    page.problems = problems
    return page


def visible_rows(page) -> int:
    return page.locator("li.entry:visible").count()


@pytest.fixture(scope="module")
def seeds_page(seeds_timeline, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("page") / "seeds.html"
    path.write_text(seeds_timeline.to_html(title="Rand Paul in Moscow"), encoding="utf-8")
    return path


def test_the_seed_page_loads_clean_with_every_entry_and_a_screenshot(browser, seeds_timeline, seeds_page, tmp_path):
    page = open_page(browser, seeds_page)
    assert page.problems == []
    assert page.locator("li.entry").count() == len(seeds_timeline) == visible_rows(page)
    assert page.locator("#count").text_content() == f"Showing {len(seeds_timeline)} of {len(seeds_timeline)} entries"
    artifacts = Path(os.environ.get("TIMELINE_ARTIFACTS") or tmp_path)
    artifacts.mkdir(parents=True, exist_ok=True)
    shot = artifacts / "seeds-page.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_filters_hide_what_they_should(browser, seeds_timeline, seeds_page):
    page = open_page(browser, seeds_page)
    planned = sum(1 for e in seeds_timeline if str(e.status) == "planned")
    page.get_by_label("planned").uncheck()
    assert visible_rows(page) == len(seeds_timeline) - planned > 0
    page.get_by_label("planned").check()
    source = sorted({s for e in seeds_timeline for s in e.sources})[0]
    page.get_by_label("Source").select_option(source)
    assert visible_rows(page) == sum(1 for e in seeds_timeline if source in e.sources)
    page.get_by_label("Source").select_option("")
    page.get_by_label("Search").fill("Kosachev")
    words = [" ".join([e.summary, *e.actors, *e.sources, *(m.sentence.text for m in e.mentions)]).lower() for e in seeds_timeline]
    expected = sum(1 for text in words if "kosachev" in text)
    assert visible_rows(page) == expected and 0 < expected < len(seeds_timeline)
    assert page.locator("#count").text_content() == f"Showing {expected} of {len(seeds_timeline)} entries"
    page.get_by_label("key entries only").check()
    assert visible_rows(page) == sum(1 for e, text in zip(seeds_timeline, words, strict=True) if "kosachev" in text and e.salient)
    assert page.problems == []


def test_the_page_is_used_with_the_keyboard(browser, seeds_timeline, seeds_page):
    page = open_page(browser, seeds_page)
    page.keyboard.press("Tab")  # the skip link first
    assert page.evaluate("document.activeElement.textContent") == "Skip to the timeline"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filter-text"
    page.keyboard.type("Kosachev")
    assert 0 < visible_rows(page) < len(seeds_timeline)
    first = page.locator("li.entry:visible details").first
    first.locator("summary").focus()
    page.keyboard.press("Enter")
    assert first.get_attribute("open") is not None and first.locator("li").first.is_visible()


def test_the_page_fits_a_phone(browser, seeds_page):
    page = open_page(browser, seeds_page, width=375)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_a_malicious_summary_is_shown_as_text_and_runs_nothing(browser, tmp_path):
    path = tmp_path / "hostile.html"
    path.write_text(hostile_timeline().to_html(), encoding="utf-8")
    page = open_page(browser, path)
    assert page.evaluate("window.pwned") is None
    assert page.locator("li.entry .summary").text_content() == capitalise(HOSTILE)  # (as the Markdown does)
    assert page.locator("li.entry a").count() == 0  # the javascript: address is no link
    assert page.locator("img").count() == 0 and page.locator("script").count() == 1
    assert page.problems == []
