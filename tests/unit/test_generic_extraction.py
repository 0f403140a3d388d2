import pytest
from parsel import Selector

from newscrawl.extract.chain import extract_article
from newscrawl.extract.generic import marked_dates
from newscrawl.extract.queries import parse_html
from newscrawl.extract.structure import continuations


def test_marked_dates_in_document_and_attribute_order():
    html = ('<head><meta property="dc:date" content=" 2024-02-02 "><meta property="og:title" content="x"></head>'
            '<body><span itemprop="datePublished" datetime="2024-01-02" content="2024-01-03">أمس</span>'
            '<time itemprop="datePublished" content="">اليوم</time><span itemprop="author" content="كاتب"></span>')
    assert marked_dates(Selector(text=html).root) == ["2024-02-02", "2024-01-02", "2024-01-03"]


def test_a_json_body_served_as_text_is_read_as_a_page_without_fields():
    page = '{"headline": "عنوان"}'
    assert extract_article(page).values == {}


LEAD = "وقال مسؤول حكومي إن المحادثات بين الطرفين ستستأنف الأسبوع المقبل بعد توقف دام شهرين كاملين."
MORE = "وأضاف أن الوفدين اتفقا على جدول أعمال يشمل الملفات العالقة كلها ومنها ملف الأسرى والمعابر."
REST = " ".join(f"وأوضح المصدر رقم {n} أن اللجان الفنية ستجتمع قبل الجولة المقبلة لبحث التفاصيل." for n in range(12))


@pytest.mark.parametrize("story", [
    # Text held between <br>s and not in paragraphs: trafilatura drops the container's
    # first run — the story's opening, the dateline's — when a long run follows it, unless
    # the runs are wrapped as the paragraphs a browser shows.
    f"<article><section>{LEAD}<br>{REST}</section></article>",
    f"<article><section><strong>بوسطن (أ ب) -</strong> {LEAD}<br><br>{REST}</section></article>",
    f"<article><div><span class='dateline'>بورسعيد — \"الخليج\":</span> {LEAD}<br><br>{REST}</div></article>",
    f"<article><section><b>{LEAD}</b><br><br>{REST}<br><br>{MORE}</section></article>",
])
def test_the_opening_run_of_loose_text_is_kept(story):
    html = f"<html><body><h1>عنوان الخبر</h1><div>{story}</div></body></html>"
    body = extract_article(html).values["body"]
    assert any("المحادثات بين الطرفين" in paragraph for paragraph in body[:2]), body


@pytest.mark.parametrize("markup, dateline", [
    ('<span class="dateline">بورسعيد — "الخليج":</span> ' + LEAD, "بورسعيد"),
    ('<span class="dateline">AUBURN, Wash. —</span> ' + LEAD, "AUBURN, Wash."),  # Voice of America
    ('<span class="location">تعز :</span> ' + LEAD, "تعز"),
    ('<div itemprop="contentLocation" itemscope itemtype="https://schema.org/Place">'
     '<span itemprop="name">صفاقس</span></div>' + LEAD, "صفاقس"),
    # A «location» that opens no paragraph is a widget's (weather, the reader's city).
    ('<div class="user-location">لندن</div><p>' + LEAD + "</p>", None),
    ('<span class="dateline">عاجل</span> ' + LEAD, None),
    (LEAD, None),
])
def test_a_dateline_the_markup_states(markup, dateline):
    from newscrawl.extract.generic import markup_dateline

    root = Selector(text=f"<html><body><h1>عنوان</h1><div>{markup}<br>{MORE}</div></body></html>").root
    assert markup_dateline(root) == dateline


BUDGET = ["أقرت الحكومة يوم الاثنين مشروع موازنة العام المقبل بعد نقاش استمر أسابيع في لجان البرلمان وسط خلافات.",
          "وقال وزير المالية إن الموازنة الجديدة تركز على دعم القطاعات الإنتاجية وخفض العجز خلال ثلاث سنوات.",
          "ورحب نواب من المعارضة ببعض البنود لكنهم انتقدوا غياب إجراءات واضحة لمكافحة البطالة بين الشباب.",
          "ومن المنتظر أن يصوت البرلمان على المشروع بصيغته النهائية الأسبوع المقبل بعد إدخال تعديلات اللجان."]


def test_an_article_split_by_an_ad_and_a_read_also_box_keeps_both_parts_and_its_table_and_list():
    html = ("<html><body><nav><a href='/'>الرئيسية</a> <a href='/s'>سياسة</a></nav>"
            f"<article><h1>الحكومة تقر الموازنة</h1><div class='content'><p>{BUDGET[0]}</p><p>{BUDGET[1]}</p>"
            "<div class='ad-slot'><ins class='adsbygoogle'></ins><span>إعلان</span></div>"
            "<div class='read-also'><h3>اقرأ أيضاً</h3><ul>"
            "<li><a href='/a/1'>منتخب الشباب يتأهل إلى نهائي البطولة</a></li>"
            "<li><a href='/a/2'>ارتفاع أسعار الذهب في الأسواق المحلية</a></li></ul></div>"
            f"<p>{BUDGET[2]}</p><table><tr><th>البند</th><th>القيمة</th></tr>"
            "<tr><td>الإيرادات</td><td>120 مليار</td></tr></table>"
            "<ul><li>دعم الصناعة المحلية بمبلغ عشرة مليارات</li><li>زيادة رواتب المعلمين خمسة في المئة</li></ul>"
            f"<p>{BUDGET[3]}</p></div></article><footer>جميع الحقوق محفوظة</footer></body></html>")
    assert extract_article(html).values["body"] == [
        BUDGET[0], BUDGET[1], BUDGET[2], "| البند | القيمة |", "| الإيرادات | 120 مليار |",
        "- دعم الصناعة المحلية بمبلغ عشرة مليارات", "- زيادة رواتب المعلمين خمسة في المئة", BUDGET[3]]


def test_an_article_cut_into_containers_of_one_kind_keeps_them_all():
    """Politico Europe's pages cut the text into several div.article__content with ads
    between them, and trafilatura kept the first (realpages-world: F1 0.24 → 0.99). The
    paragraphs of the later containers of that kind are added; containers of that kind
    holding a form (a newsletter's) or mostly links (teasers) stay out."""
    part = "<div class='story__content'>{}</div>"
    html = ("<html><body><article><h1>الحكومة تقر الموازنة</h1>"
            + part.format(f"<p>{BUDGET[0]}</p><p>{BUDGET[1]}</p>")
            + "<div class='ad'><ins class='adsbygoogle'></ins></div>"
            + part.format(f"<p>{BUDGET[2]}</p>")
            + part.format("<p>اشترك في نشرتنا الإخبارية لتصلك أهم الأخبار كل صباح في بريدك</p>"
                          "<form><input type='email'><button>اشترك</button></form>")
            + part.format("<p><a href='/a/1'>منتخب الشباب يتأهل إلى نهائي البطولة العربية بعد فوز مثير</a></p>")
            + part.format(f"<p>{BUDGET[3]}</p>")
            + "</article><footer>جميع الحقوق محفوظة</footer></body></html>")
    assert continuations(parse_html(html), BUDGET[:2]) == BUDGET[2:]
    assert continuations(parse_html(html), BUDGET) == []
