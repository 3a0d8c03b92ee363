"""The reader in a real browser: `kliping serve` on a loopback port, driven by Playwright.

Search "Kazakhstan", open the seed article, show its removed lines, save screenshots
(search.png, reader.png, reader-phone.png) under artifacts/ (gitignored) or the folder named by
``KLIPING_TEST_ARTIFACTS``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_store_data import REPO, build_store, seed_article

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("KLIPING_TEST_ARTIFACTS") or REPO / "artifacts")
ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip("needs /usr/bin/chromium (apt-get install chromium)", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_store(tmp_path_factory.mktemp("browser") / "corpus.db")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kliping", "serve", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    output = proc.stdout.read().decode() if proc.stdout else ""
                    pytest.fail(f"kliping serve did not start:\n{output}")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_search_open_article_and_show_removed_lines(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    seed = seed_article()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(server + "/")
            page.fill("input[name=q]", "Kazakhstan")
            page.press("input[name=q]", "Enter")
            page.wait_for_url("**/search?q=Kazakhstan*")
            hits = page.locator("li.hit")
            assert hits.count() >= 2
            expect(hits.first.locator("mark").first).to_have_text("Kazakhstan")
            page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)

            page.click(f"a.headline[href='/articles/{seed.id}']")
            page.wait_for_url(f"**/articles/{seed.id}")
            removed = page.locator(".body .removed")
            assert removed.count() == len(seed.removed)
            expect(removed.first).to_be_hidden()
            page.click("label[for=show-removed]")
            for i in range(removed.count()):
                expect(removed.nth(i)).to_be_visible()
            expect(removed.first.locator(".reason")).to_have_text("promo")
            expect(
                page.locator(".body .removed", has_text="REUTERS | NESA AQILA").locator(".reason")
            ).to_have_text("credit")
            # removed lines sit where they were in the input: line 1 comes before the first paragraph
            first_line = page.locator(".body p").first
            assert first_line.get_attribute("data-line") == "1"
            assert "removed" in (first_line.get_attribute("class") or "")
            page.screenshot(path=str(ARTIFACTS / "reader.png"), full_page=True)

            phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
            phone.goto(server + f"/articles/{seed.id}")
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"the article page scrolls sideways on a phone ({width}px)"
            phone.screenshot(path=str(ARTIFACTS / "reader-phone.png"))
        finally:
            browser.close()
    assert (ARTIFACTS / "reader.png").stat().st_size > 10_000
