"""newscrawl.fetch.blocking: challenge and block pages told from articles."""

from pathlib import Path

import pytest

from newscrawl.fetch.blocking import CHALLENGE_MAX_SIZE, is_challenge
from newscrawl.mirror.server import CHALLENGE_PAGE

REALPAGES = Path(__file__).resolve().parents[1] / "realpages"
ARTICLE = ("<html><head><title>عنوان الخبر</title><script src='/app.js'></script></head><body>"
           "<h1>عنوان الخبر</h1><p>قال المتحدث باسم الحكومة إن الاجتماع سيعقد غداً في بيروت.</p></body></html>")


@pytest.mark.parametrize("page", [
    CHALLENGE_PAGE,
    # Case does not matter, and Arabic around the marker does not hide it.
    "<html><head><TITLE>Just a Moment...</TITLE></head><body><p>يرجى الانتظار قليلاً</p></body></html>",
    "<html><body><p>تحقق من أنك لست روبوتاً قبل المتابعة إلى الموقع</p>"
    "<div CLASS=\"G-RECAPTCHA\" data-sitekey=\"x\"></div></body></html>",
    "<html><head><title>Attention Required! | Cloudflare</title></head><body>مرحباً</body></html>",
    # A JavaScript shell with no text of its own.
    "<html><head><script src='/bundle.js'></script></head><body><div id='root'></div></body></html>",
])
def test_challenge_pages_are_recognised(page):
    assert is_challenge(page)
    # From the page's bytes in an encoding that writes ASCII as ASCII, as the middleware
    # hands them over.
    assert is_challenge(page, page.encode("cp1256", "replace"))


def test_an_article_is_not_a_challenge():
    assert not is_challenge(ARTICLE)
    assert not is_challenge(ARTICLE, ARTICLE.encode("utf-8"))


def test_an_article_that_loads_the_protection_beacon_is_not_a_challenge():
    # lbcgroup's real page carries Cloudflare's /cdn-cgi/challenge-platform/ script.
    page = (REALPAGES / "lbcgroup/trump-pink-hair-898682.html").read_text(encoding="utf-8")
    assert "/cdn-cgi/challenge-platform/" in page and len(page) > CHALLENGE_MAX_SIZE
    assert not is_challenge(page)


def test_text_that_cannot_be_encoded_is_checked_without_error():
    # A lone surrogate, as decoding with errors="surrogateescape" leaves.
    assert is_challenge("<title>Just a moment...</title>\udcff")
    assert not is_challenge(ARTICLE + "\udcff")
