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
    "الكاتب الكبير نجيب محفوظ",  # «الكاتب» labels a byline only before a colon or dash
    "تقرير خاص عن الأوضاع",
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
    # «و» written onto the second name, each side a name of two to four words.
    ("كتب ـ حسام قاسم ورامي الهاشمي", ["حسام قاسم", "رامي الهاشمي"]),
    ("بقلم: غسان المصري وإيمان الجبوري", ["غسان المصري", "إيمان الجبوري"]),
    ("كتب - عمر الكبيسي ورنا مصطفى بن سالم", ["عمر الكبيسي", "رنا مصطفى بن سالم"]),
    ("كتب - فيصل باسل الفاسي و إيمان العمري", ["فيصل باسل الفاسي", "إيمان العمري"]),
    # Names that begin with «و»: a name, unless the joining «و» is written before it.
    ("وليد العمري", ["وليد العمري"]),
    ("محمد وليد الأحمد", ["محمد وليد الأحمد"]),
    ("أحمد علي وليد حسن", ["أحمد علي وليد حسن"]),
    ("أحمد علي ووليد حسن", ["أحمد علي", "وليد حسن"]),
    ("سارة حسن ووفاء الخطيب", ["سارة حسن", "وفاء الخطيب"]),
    # Labels: «بواسطة» (by), the nouns before a colon (Asharq Al-Awsat, WordPress themes).
    ("بواسطة ميشلين الطرابلسي", ["ميشلين الطرابلسي"]),
    ("المحرر: طارق بن سالم", ["طارق بن سالم"]),
    ("الكاتب: مريم بو صعب", ["مريم بو صعب"]),
    ("تقرير: هبة الجبوري", ["هبة الجبوري"]),
    ("كتبت أسماء نصار", ["أسماء نصار"]),  # Youm7
    # Two names with nothing between them read as one: the text cannot tell one name of
    # four words from two of two (markup can: see the links test below).
    ("بواسطة ليلى العمري سارة الطرابلسي", ["ليلى العمري سارة الطرابلسي"]),
    # After a dash or a bar, the dateline's place or the writer's role (Alyaum, wires).
    ("حسام أبو العلا - القاهرة", ["حسام أبو العلا"]),
    ("سليمان الجبوري - صفاقس", ["سليمان الجبوري"]),
    ("رامي جورج الجبوري ـ بورسعيد", ["رامي جورج الجبوري"]),
    ("كتب - خالد يوسف - بيروت", ["خالد يوسف"]),
    ("Samya Kullab and Vasilisa Stepanenko | AP", ["Samya Kullab", "Vasilisa Stepanenko"]),
    ("جمال الدين حسن", ["جمال الدين حسن"]),
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


HEADER = ('<header><h1>عنوان الخبر</h1>{byline}<time datetime="2024-03-05">5 مارس 2024</time></header>'
          '<aside><ul>' + "".join(f'<li><a href="/w/{n}">مقال رأي رقم {n}</a> <span>بقلم كاتب {n}</span></li>'
                                  for n in range(4)) + '</ul></aside>')
COMMENTS = "".join(f'<div id="comment-{n}" class="c"><span class="author-name">قارئ {n}</span>'
                   f'<p>تعليق القارئ رقم {n} على الخبر.</p></div>' for n in range(4))


@pytest.mark.parametrize("byline, authors", [
    # Links to writers' pages in one box: each link a writer (two names with no «و»).
    ('<div class="byline__name-holder">بواسطة <a href="/author/6572">ليلى العمري</a> '
     '<a href="/author/2022">سارة الطرابلسي</a></div>', ["ليلى العمري", "سارة الطرابلسي"]),
    # rel=author on the first writer only: the links beside it to the same kind of page.
    ('<div class="author70">المحرر: <a href="/author/907" rel="author">طارق الشمري</a> '
     '<a href="/author/6730">نبيل قاسم</a></div>', ["طارق الشمري", "نبيل قاسم"]),
    # itemprop=author around a label and a rel=author link: one writer, not two.
    ('<div itemprop="author" itemscope itemtype="https://schema.org/Person">بواسطة '
     '<a href="/author/7679" rel="author">ميشلين الطرابلسي</a></div>', ["ميشلين الطرابلسي"]),
    ('<div class="byline__name" itemprop="author">المحرر: <a href="/author/6853">طارق بن سالم</a></div>',
     ["طارق بن سالم"]),
    # A labelled line of its own, whatever its class, between headline and text.
    ('<ul><li><p class="o-meta">كتب: مصطفى نصار</p></li></ul>', ["مصطفى نصار"]),
    ('<p class="x1">تقرير: هبة الجبوري</p>', ["هبة الجبوري"]),
    # The writer and the place: the place is the dateline's.
    ('<p class="byline__name">سليمان الجبوري - صفاقس</p>', ["سليمان الجبوري"]),
    ('<div class="story-author">كتب ـ حسام قاسم ورامي الهاشمي</div>', ["حسام قاسم", "رامي الهاشمي"]),
])
def test_bylines_among_commenters_and_teasers(byline, authors):
    html = (f"<html><body>{HEADER.format(byline=byline)}<article>{BODY}</article>"
            f"<section>{COMMENTS}</section></body></html>")
    assert extract_article(html).values.get("authors") == authors


def test_a_labelled_line_after_the_text_names_the_writer():
    html = (f"<html><body>{HEADER.format(byline='')}<article>{BODY}<div class='x'>كتب إيلي الزين</div>"
            f"</article><section>{COMMENTS}</section></body></html>")
    assert extract_article(html).values.get("authors") == ["إيلي الزين"]


@pytest.mark.parametrize("name, authors", [
    ("حسام أبو العلا - القاهرة", ["حسام أبو العلا"]),
    ("Samya Kullab and Vasilisa Stepanenko", ["Samya Kullab", "Vasilisa Stepanenko"]),
    ("STERN.de", ["STERN.de"]),  # read as no name: kept as the page gives it
])
def test_json_ld_author_names_are_read_as_bylines(name, authors):
    html = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "عنوان", '
            f'"author": {{"@type": "Person", "name": "{name}"}}}}</script></head>'
            f'<body><h1>عنوان</h1>{BODY}</body></html>')
    assert extract_article(html).values["authors"] == authors
