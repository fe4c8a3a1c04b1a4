"""Build the seed timeline's HTML page and take the README's screenshot of it in Chromium.

    python examples/seed_page.py            # writes examples/seed_timeline.html and docs/seed-page.png

The page is what ``timeline build --meta seeds/seeds.json seeds/*.txt --format html`` writes
(with a title). The screenshot needs Playwright (in the test extras) and a Chromium on the
machine (Debian: ``apt-get install chromium``); nothing is downloaded. A phone-width shot is
written beside it (docs/seed-page-phone.png).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import timeline

ROOT = Path(__file__).resolve().parent.parent
# Chromium as the tests start it (tests/test_page_browser.py): no sandbox, no background traffic.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    built = timeline.build(timeline.articles_from_meta(ROOT / "seeds" / "seeds.json"))
    page = ROOT / "examples" / "seed_timeline.html"
    page.write_text(built.to_html(title="Rand Paul in Moscow: the seed timeline"), encoding="utf-8")
    chromium = os.environ.get("TIMELINE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit(f"wrote {page}; no Chromium for the screenshot (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for name, width, height in (("seed-page.png", 1100, 1000), ("seed-page-phone.png", 390, 844)):
            view = browser.new_page(viewport={"width": width, "height": height})
            view.goto(page.as_uri())
            view.screenshot(path=str(ROOT / "docs" / name))
        browser.close()
    print(f"wrote {page}, docs/seed-page.png and docs/seed-page-phone.png")


if __name__ == "__main__":
    main()
