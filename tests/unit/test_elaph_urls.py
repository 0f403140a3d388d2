import pytest

from newscrawl.sites.elaph import SITE as elaph

CANONICAL = "https://elaph.com/Web/News/2017/11/1175282.html"


@pytest.mark.parametrize("url", [
    CANONICAL,
    "http://elaph.com/Web/News/2017/11/1175282.html",
    "https://www.elaph.com/Web/News/2017/11/1175282.html",
    "https://elaph.com/Web/News/2017/11/1175282.html?utm_source=twitter&utm_medium=social",
    "https://elaph.com/Web/News/2017/11/1175282.html#comments",
    "https://elaph.com/amp/Web/News/2017/11/1175282.htm",
])
def test_variants_share_one_canonical_url(url):
    assert elaph.canonical_url(url) == CANONICAL


@pytest.mark.parametrize("url", [
    "https://elaph.com/Web/News/",
    "https://elaph.com/Web/News/2017/11/",
    "https://elaph.com/Web/News/2017/11/1175282.jpg",
    "https://example.com/Web/News/2017/11/1175282.html",
    "https://s1.elaph.com/resources/images/News/2017/11/1175282.jpg",
])
def test_non_articles_have_no_canonical_url(url):
    assert elaph.canonical_url(url) is None


def test_mirror_origin_takes_over_real_links():
    origin = "http://127.0.0.1:8000"
    assert elaph.canonical_url("https://elaph.com/amp/Web/Oyoon/2010/6/563226.htm", origin) == \
        "http://127.0.0.1:8000/Web/Oyoon/2010/6/563226.html"
    assert elaph.canonical_url("http://127.0.0.1:8000/Web/Oyoon/2010/6/563226.html?x=1", origin) == \
        "http://127.0.0.1:8000/Web/Oyoon/2010/6/563226.html"


def test_api_urls_real_and_mirrored():
    assert elaph.api.url("Economics", 2) == "https://api.elaph.com/v2/web/com/marticles/index/economics/2"
    assert elaph.api.url("News", 1, "http://127.0.0.1:8000") == \
        "http://127.0.0.1:8000/api/v2/web/com/marticles/index/news/1"


@pytest.mark.parametrize("url, section", [
    ("https://elaph.com/Web/News/", "News"), ("https://elaph.com/Web/news", "News"),
    ("https://elaph.com/Web/Sports/index.html", "Sports"), ("https://elaph.com/Web/Weather/", None),
    ("https://elaph.com/Web/News/2017/11/1175282.html", None),
])
def test_section_listing_pages(url, section):
    assert elaph.section_of_listing(url, elaph.sections) == section
