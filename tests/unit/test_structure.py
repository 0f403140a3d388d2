"""Page structure made plain for the generic extractor (newscrawl.extract.structure)."""

import pytest

from newscrawl.extract.queries import parse_html
from newscrawl.extract.structure import box_lines, br_paragraphs, lead_paragraph, media_lines

PROSE = ("وقال مسؤول حكومي إن المحادثات بين الطرفين ستستأنف الأسبوع المقبل بعد توقف دام شهرين كاملين "
         "وأضاف أن الوفدين اتفقا على جدول أعمال يشمل الملفات العالقة كلها ومنها ملف الأسرى والمعابر.")


def page(article: str, after: str = "") -> str:
    story = f"<div class='story'><p>{PROSE}</p>{article}<p>{PROSE}</p></div>"
    return f"<html><body><h1>عنوان</h1>{story}{after}</body></html>"


@pytest.mark.parametrize("name, html, lines", [
    ("a heading over a list of other stories",
     page("<div class='rel'><h3>المزيد من الأخبار</h3><ul><li><a href='/a'>خبر أول عن الاقتصاد</a></li>"
          "<li><a href='/b'>خبر ثان عن الرياضة</a></li></ul></div>"),
     {"المزيد من الأخبار", "خبر أول عن الاقتصاد", "خبر ثان عن الرياضة"}),
    ("a paragraph that is one link to an app or channel",
     page("<p><a href='https://t.me/x'>انضم إلى قناتنا على تيليغرام</a></p>"), {"انضم إلى قناتنا على تيليغرام"}),
    ("a teaser card list: headings inside links",
     page("", "<ul><li><a href='/c'><h3>قصة أخرى من الموقع</h3></a></li>"
              "<li><a href='/d'><h3>قصة ثالثة</h3></a></li></ul>"),
     {"قصة أخرى من الموقع", "قصة ثالثة"}),
])
def test_link_boxes_give_their_lines(name, html, lines):
    assert lines <= box_lines(parse_html(html))


@pytest.mark.parametrize("name, html, line", [
    ("a paragraph with a link inside its prose", page(f"<p>قال <a href='/x'>الوزير</a> {PROSE}</p>"),
     f"قال الوزير {PROSE}"),
    ("a title link inside a heading is the heading's",
     page("<h2><a href='/self'>عنوان فرعي للمقال نفسه</a></h2><p>نص قصير</p>"), "عنوان فرعي للمقال نفسه"),
    ("a lead the page prints outside every box too",
     page("", f"<ul><li><a href='/self'>{PROSE}</a></li><li><a href='/y'>خبر</a></li></ul>"), PROSE),
])
def test_prose_is_not_a_box_line(name, html, line):
    assert line not in box_lines(parse_html(html))


def test_runs_between_line_breaks_become_paragraphs():
    root = parse_html("<html><body><section><span>بيروت -</span> النص الأول<br><br>النص الثاني<br>النص الثالث"
                      "<div>كتلة</div>ذيل</section></body></html>")
    assert br_paragraphs(root) == 1
    section = root.find(".//section")
    assert [(child.tag, "".join(child.itertext())) for child in section] == [
        ("p", "بيروت - النص الأول"), ("p", "النص الثاني"), ("p", "النص الثالث"), ("div", "كتلة"), ("p", "ذيل")]


def test_paragraph_markup_is_left_alone():
    root = parse_html("<html><body><div><p>سطر<br>سطر آخر</p><br><p>فقرة</p></div></body></html>")
    assert br_paragraphs(root) == 0


@pytest.mark.parametrize("body, paragraphs", [
    # CMSs put the body's HTML in articleBody: read as a browser shows it.
    ("<p>الفقرة الأولى &amp; <a href='/x'>رابط</a></p><p>الثانية<br>سطر</p><script>track()</script>",
     ["الفقرة الأولى & رابط", "الثانية", "سطر"]),
    ("<h2>عنوان فرعي</h2><ul><li>بند أول</li><li>بند ثان</li></ul>", ["عنوان فرعي", "بند أول", "بند ثان"]),
    # Plain text: its lines; a «<» in prose is not markup.
    ("سطر أول\nسطر ثان", ["سطر أول", "سطر ثان"]),
    ("a < b and c > d", ["a < b and c > d"]),
])
def test_a_jsonld_article_body_holding_html_is_read_as_html(body, paragraphs):
    from newscrawl.extract.jsonld import article_body

    assert article_body(body) == paragraphs


def test_media_lines_are_captions_credits_and_embedded_posts_not_a_repeated_lead():
    lead = "أعلنت الحكومة خطة جديدة لدعم المزارعين في المحافظات الجنوبية"
    page = parse_html(
        "<html><body><div class='articleHeader hasCaption'><p>مقدمة المقال كما يكتبها المحرر</p></div>"
        "<figure><img src='a.jpg'><figcaption>الوزير خلال المؤتمر الصحافي <span class='photo-credit'>رويترز</span>"
        "</figcaption></figure>"
        f"<figure><figcaption><span class='image-caption'>{lead}</span></figcaption></figure>"
        f"<p>{lead}</p><blockquote class='twitter-tweet'><p>نص التغريدة المضمنة</p>— حساب (@handle)</blockquote>"
        "</body></html>")
    lines = media_lines(page)
    assert {"الوزير خلال المؤتمر الصحافي رويترز", "رويترز", "نص التغريدة المضمنة"} <= lines
    assert lead not in lines and "مقدمة المقال كما يكتبها المحرر" not in lines


def test_the_standfirst_is_the_block_under_the_headline_that_prints_the_page_s_summary():
    lead = "خطة حكومية جديدة لدعم المزارعين في المحافظات الجنوبية بعد موسم جفاف طويل أضر بالمحاصيل"
    body = ["أعلنت وزارة الزراعة يوم الأحد تفاصيل الخطة التي تشمل قروضا ميسرة وبذورا مدعومة للمزارعين."]
    page = ("<html><body><p class='kicker'>" + lead + "</p><h1>الحكومة تدعم المزارعين</h1>"
            "<figure><figcaption>" + lead + " في صورة من الأرشيف</figcaption></figure>"
            f"<div class='standfirst'>{lead}</div><div class='text'><p>{body[0]}</p></div></body></html>")
    summary = lead.rsplit(" ", 2)[0]  # the meta description, cut short
    assert lead_paragraph(parse_html(page), body, [summary]) == lead
    assert lead_paragraph(parse_html(page), [*body, lead], [summary]) is None  # the body holds it already
    assert lead_paragraph(parse_html(page), body, ["وصف لا علاقة له بالمقال إطلاقا في أي كلمة منه هنا"]) is None
