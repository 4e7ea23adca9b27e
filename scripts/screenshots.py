"""Take the README's screenshots of the reader's edition: the notice page and a unit page, at phone and desk width.

Usage: python scripts/screenshots.py SITE_DIR OUT_DIR   (needs Debian's chromium, fonts-noto-cjk and Playwright)
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = {
    "site-notice.png": ("notices/putuo-anwei-2022-6/index.html", {"width": 900, "height": 1100}),
    "site-unit.png": ("units/emergency-bureau.html", {"width": 420, "height": 900}),
}


def main(site: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, (page_path, viewport) in SHOTS.items():
            page = browser.new_page(viewport=viewport)  # type: ignore[arg-type]
            path, _, anchor = page_path.partition("#")
            page.goto((site / path).resolve().as_uri() + (f"#{anchor}" if anchor else ""))
            if name == "site-notice.png":
                page.focus("#edit-1")  # show one editorial note, as a reader tabbing to it sees it
            page.screenshot(path=str(out / name))
            page.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
