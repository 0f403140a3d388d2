from parsel import Selector

from newscrawl.extract.chain import extract_article
from newscrawl.extract.generic import marked_dates


def test_marked_dates_in_document_and_attribute_order():
    html = ('<head><meta property="dc:date" content=" 2024-02-02 "><meta property="og:title" content="x"></head>'
            '<body><span itemprop="datePublished" datetime="2024-01-02" content="2024-01-03">أمس</span>'
            '<time itemprop="datePublished" content="">اليوم</time><span itemprop="author" content="كاتب"></span>')
    assert marked_dates(Selector(text=html).root) == ["2024-02-02", "2024-01-02", "2024-01-03"]


def test_a_json_body_served_as_text_is_read_as_a_page_without_fields():
    page = '{"headline": "عنوان"}'
    assert extract_article(page).values == {}
