"""scrapy browse: the archive of a real crawl of the mirror, served by Datasette and read in
a real headless browser (Debian's chromium through its chromedriver; tools that download a
browser of their own cannot run here). The stories are listed, Arabic cells are laid out
right to left, facets narrow the list, and search reads words as a reader does. Expected
figures come from the SQLite file itself."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import sqlite3
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from newscrawl.text.keys import search_terms
from tests.conftest import missing, scrapy_env

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# A word the mirror's stories hold only as «الأزمة» (and with clitics): typed without its
# hamza and with haa for taa marbuta, as readers often type it.
QUERY = "الازمه"


@pytest.fixture(scope="module")
def browser():
    problems = [f"{name} is not installed ({how})" for name, present, how in (
        ("datasette", importlib.util.find_spec("datasette"), "pip install -r requirements.txt"),
        ("selenium", importlib.util.find_spec("selenium"), "pip install -r requirements.txt"),
        ("chromium", Path(CHROMIUM).exists(), "apt-get install chromium, as .ci/run does"),
        ("chromedriver", Path(CHROMEDRIVER).exists(), "apt-get install chromium-driver, as .ci/run does"),
    ) if not present]
    if problems:
        missing("; ".join(problems))
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    # Both paths given, so Selenium never tries to download a browser or a driver.
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(argument)  # --no-sandbox: CI runs as root
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def stories_url(mirror_crawl, browser, tmp_path_factory):
    """`scrapy browse --port 0` over the crawl's archive, as an analyst starts it; its
    first line is the stories' URL."""
    log = tmp_path_factory.mktemp("browse") / "stderr.txt"
    archive = mirror_crawl.workdir / "archive" / "newscrawl.sqlite3"
    before = hashlib.sha256(archive.read_bytes()).hexdigest()
    with log.open("w") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "scrapy", "browse", "--port", "0"],
                                   cwd=mirror_crawl.workdir, env=scrapy_env(), stdout=subprocess.PIPE,
                                   stderr=stderr, text=True)
    url = process.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:") and url.endswith("/stories"), (url, log.read_text())
    yield url
    process.terminate()
    assert process.wait(timeout=30) in (0, -15), log.read_text()
    assert hashlib.sha256(archive.read_bytes()).hexdigest() == before  # browsing only reads


@pytest.fixture(scope="module")
def archive(mirror_crawl):
    db = sqlite3.connect(mirror_crawl.workdir / "archive" / "newscrawl.sqlite3")
    db.row_factory = sqlite3.Row
    yield db
    db.close()


def shown_count(driver) -> int:
    """The row count Datasette prints above the table («129 rows …», «returning 9 rows»),
    waited for: after a form is submitted the next page may not be there yet."""
    from selenium.webdriver.support.ui import WebDriverWait

    def heading(d):
        return next((h.text for h in d.find_elements("css selector", "h3") if re.search(r"\d+ rows?\b", h.text)),
                    None)

    text = WebDriverWait(driver, 20).until(heading)
    return int(re.search(r"([\d,]+) rows?\b", text).group(1).replace(",", ""))


def cells(driver, column: str) -> list:
    return driver.find_elements("css selector", f"table.rows-and-columns tbody td.col-{column}")


def test_the_printed_url_answers_at_once(mirror_crawl):
    """Whoever opens the printed URL at once is served, not refused while the server
    starts: the socket listens before the URL is printed."""
    if not importlib.util.find_spec("datasette"):
        missing("datasette is not installed (pip install -r requirements.txt)")
    process = subprocess.Popen([sys.executable, "-m", "scrapy", "browse", "--port", "0"], cwd=mirror_crawl.workdir,
                               env=scrapy_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = process.stdout.readline().strip()
        with urllib.request.urlopen(url, timeout=30) as response:
            assert response.status == 200 and "stories" in response.read().decode("utf-8")
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_stories_are_listed_with_arabic_right_to_left(browser, stories_url, archive):
    browser.get(stories_url)
    total = archive.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert total > 100 and shown_count(browser) == total
    assert len(cells(browser, "headline")) == 100  # Datasette's first page
    assert "month" in browser.find_element("css selector", "dl.column-descriptions").text  # readable labels
    headline = cells(browser, "headline")[0].find_element("css selector", "div[dir=auto]")
    assert archive.execute("SELECT COUNT(*) FROM articles WHERE headline = ?", (headline.text,)).fetchone()[0] == 1
    assert re.search("[\u0600-\u06ff]", headline.text)
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", headline) == "rtl"
    assert browser.execute_script("return arguments[0].matches(':dir(rtl)')", headline)
    # Laid out from the right: the text ends where the cell's content box does.
    text_right, box_right = browser.execute_script(
        "const range = document.createRange(); range.selectNodeContents(arguments[0]);"
        "return [range.getBoundingClientRect().right, arguments[0].getBoundingClientRect().right]", headline)
    assert abs(text_right - box_right) < 2
    # Cells without Arabic keep Datasette's own rendering: URLs stay links.
    assert cells(browser, "url")[0].find_element("css selector", "a").get_attribute("href").startswith("http")


def test_facets_narrow_the_stories(browser, stories_url, archive):
    browser.get(stories_url)
    browser.find_element("css selector", "#facet-section").find_element("link text", "News").click()
    news = archive.execute("SELECT COUNT(*) FROM articles WHERE section = 'News'").fetchone()[0]
    assert "section=News" in browser.current_url
    assert 0 < shown_count(browser) == news < archive.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert {c.text for c in cells(browser, "section")} == {"News"} and len(cells(browser, "section")) == news
    # Then a month of those: the month is the one scrapy stats counts by (UTC).
    link = browser.find_element("css selector", "#facet-month a")
    month = link.text
    link.click()
    assert f"month={month}" in browser.current_url and "section=News" in browser.current_url
    assert shown_count(browser) == archive.execute(
        "SELECT COUNT(*) FROM articles WHERE section = 'News' AND SUBSTR(published_at, 1, 7) = ?", (month,)
    ).fetchone()[0] > 0


def test_search_reads_words_as_a_reader_does(browser, stories_url, archive):
    (term,) = search_terms(QUERY)
    rows = archive.execute("SELECT url, headline, summary, body FROM articles").fetchall()
    text = {r["url"]: " ".join(r[f] or "" for f in ("headline", "summary", "body")) for r in rows}
    expected = {url for url, words in text.items() if term in search_terms(words)}
    # Compared as typed, nothing matches: only reading the words as search_terms does finds them.
    assert len(expected) >= 2 and not any(QUERY in words for words in text.values())

    browser.get(stories_url.removesuffix("/stories"))  # the archive's page names the search
    browser.find_element("link text", "Search stories").click()
    box = browser.find_element("css selector", "input[name=words]")
    box.send_keys(QUERY)
    box.submit()
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 20).until(lambda d: "words=" in d.current_url)
    assert shown_count(browser) == len(expected)
    assert {c.text for c in cells(browser, "url")} == expected
    headline = cells(browser, "headline")[0].find_element("css selector", "div[dir=auto]")
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", headline) == "rtl"
