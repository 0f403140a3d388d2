"""Bylines in the forms papers and wires print them (newscrawl.text.byline), and the
places a page's markup names its writers (newscrawl.extract.generic.bylines)."""

import pytest

from newscrawl.extract.chain import extract_article
from newscrawl.text.byline import byline_name


@pytest.mark.parametrize("text, name", [
    ("بقلم: أحمد علي", "أحمد علي"),
    ("بقلم أحمد علي", "أحمد علي"),
    ("كتب - محمد الحمامصي", "محمد الحمامصي"),
    ("كتب: محمد الحمامصي", "محمد الحمامصي"),
    ("كتبت ـ سارة حسن - القاهرة", "سارة حسن"),  # the place after the name is the dateline's
    ("إعداد: فريق التحرير", "فريق التحرير"),
    ("  آسيا العتروس  ", "آسيا العتروس"),
    ("By Jane Doe", "Jane Doe"),
    ("Von Max Mustermann", "Max Mustermann"),
    ("Par Jean Dupont", "Jean Dupont"),
    ("قال الوزير إن الحكومة ستعلن خطتها في الأسبوع المقبل", None),  # a sentence, not a name
    ("كتب: ", None),
    ("", None),
])
def test_byline_name(text, name):
    assert byline_name(text) == name


@pytest.mark.parametrize("paragraph", [
    "قال الوزير: إن الحكومة ستعلن",
    "أحمد علي",  # a name alone, without a label, is not taken from the body
    "كتب التاريخ صفحة جديدة في العلاقات بين البلدين أمس حين التقى الرئيسان",
])
def test_only_labelled_bylines_come_from_the_body(paragraph):
    assert byline_name(paragraph, labelled_only=True) is None


BODY = "".join(f"<p>الفقرة {n} من نص الخبر تروي ما جرى في المدينة أمس بالتفصيل وتنقل أقوال الشهود.</p>"
               for n in range(5))


@pytest.mark.parametrize("markup, authors", [
    ('<a rel="author" href="/writers/1">أحمد علي</a>', ["أحمد علي"]),
    ('<span itemprop="author" itemscope><span itemprop="name">سارة حسن</span></span>', ["سارة حسن"]),
    ('<div class="article-writer">بقلم: محمد سالم</div>', ["محمد سالم"]),
    ('<p class="byline">كتب - خالد يوسف - بيروت</p>', ["خالد يوسف"]),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "عنوان الخبر", '
     '"author": [{"@type": "Person", "name": "ليلى أحمد"}, {"@type": "Person", "name": "سامي نور"}]}</script>',
     ["ليلى أحمد", "سامي نور"]),
    ('<meta name="author" content="منى عادل">', ["منى عادل"]),
    ("", []),
])
def test_the_page_names_its_writers(markup, authors):
    html = f"<html><head>{markup if 'meta' in markup else ''}</head><body><h1>عنوان الخبر</h1>" \
           f"{'' if 'meta' in markup else markup}<article>{BODY}</article></body></html>"
    assert (extract_article(html).values.get("authors") or []) == authors


def test_a_labelled_byline_opening_the_body_names_the_writer():
    html = f"<html><body><h1>عنوان الخبر</h1><article><p>كتب - خالد يوسف</p>{BODY}</article></body></html>"
    assert extract_article(html).values["authors"] == ["خالد يوسف"]


@pytest.mark.parametrize("text, names", [
    ("كتب: عادل كريم العنزي و جورج الفاسي", ["عادل كريم العنزي", "جورج الفاسي"]),
    ("جورج صعب، وليد العمري", ["جورج صعب", "وليد العمري"]),
    ("Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("بقلم: محمد بن سالم", ["محمد بن سالم"]),  # «بن» is part of a name, not a joint
    ("Emma Mackenzie", ["Emma Mackenzie"]),
    ("(Image: Getty Images)", []),
])
def test_byline_names(text, names):
    from newscrawl.text.byline import byline_names

    assert byline_names(text) == names


def test_json_ld_authors_given_by_reference_are_resolved():
    html = ('<html><head><script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
            '{"@type": "NewsArticle", "headline": "عنوان", "author": [{"@id": "#p1"}, {"@id": "#p2"}]},'
            '{"@type": "Person", "@id": "#p1", "name": "ميشلين الزعبي"},'
            '{"@type": "Person", "@id": "#p2", "name": "فيصل عبد الفتاح"}]}</script></head>'
            f"<body><h1>عنوان</h1>{BODY}</body></html>")
    assert extract_article(html).values["authors"] == ["ميشلين الزعبي", "فيصل عبد الفتاح"]


def test_a_site_named_as_meta_author_names_no_writer():
    html = f'<html><head><meta name="author" content="إيلاف"></head><body><h1>عنوان</h1>{BODY}</body></html>'
    assert not extract_article(html, site_names=("إيلاف",)).values.get("authors")
