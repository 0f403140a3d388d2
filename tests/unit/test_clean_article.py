import pytest

from newscrawl.sites.elaph import SITE as elaph
from newscrawl.text.clean import clean_article


def test_every_text_field_is_cleaned_and_the_dateline_split_off():
    raw = {
        "headline": "الحكومة\u200f تعلن\u00a0خطتها",
        "summary": "   ",
        "body": "إيلاف من لندن: قال الوزير إن الخطة جاهزة\n\nالتعليقات: 12\n\nوأضاف أن العمل يبدأ غداً",
        "authors": ["سمير\u200c", "سمير", ""],
        "tags": ["اقتصاد", "اقتصاد "],
        "dateline": None,
        "url": "https://elaph.com/Web/News/2024/01/1.html",
    }
    assert clean_article(raw, elaph.furniture) == {
        "headline": "الحكومة تعلن خطتها",
        "summary": None,
        "body": "قال الوزير إن الخطة جاهزة\n\nوأضاف أن العمل يبدأ غداً",
        "dateline": "لندن",
        "authors": ["سمير"],
        "tags": ["اقتصاد"],
        "word_count": 10,
    }
    assert raw["headline"] == "الحكومة\u200f تعلن\u00a0خطتها"  # the input is left as it was


def test_a_dateline_the_page_gave_apart_is_kept():
    cleaned = clean_article({"headline": "عنوان", "body": "نص الخبر", "dateline": "بيروت\u200e"})
    assert (cleaned["dateline"], cleaned["body"], cleaned["word_count"]) == ("بيروت", "نص الخبر", 2)


def test_a_dateline_after_a_few_page_lines_or_in_a_block_of_its_own():
    from newscrawl.text.clean import clean_body

    text = "وأكد مسؤول رفيع أن القرار النهائي لم يتخذ بعد وأن المشاورات مستمرة بين الأطراف."
    assert clean_body(f"أخبار\n\nنشر في: 5 مارس 2024\n\nجدة: {text}") == ("جدة", [text])
    assert clean_body(f"بغداد —\n\n{text}") == ("بغداد", [text])
    assert clean_body(f"الخرطوم ـ {text}") == ("الخرطوم", [text])
    # Above a long paragraph, a place and a colon are the story's own words.
    long = "قال المتحدث باسم الحكومة في مؤتمر صحافي عقده مساء أمس إن الخطة الجديدة ستطبق في الشهر المقبل"
    assert clean_body(f"{long}\n\nجدة: {text}") == (None, [long, f"جدة: {text}"])


def test_a_place_the_markup_states_splits_the_opening_it_would_not_alone():
    lead = "من جهته، رحّب المبعوث الأممي بالمبادرة واعتبرها خطوة في الاتجاه الصحيح."
    cleaned = clean_article({"headline": "عنوان", "body": f"تعز : {lead}", "dateline": "تعز"})
    assert (cleaned["dateline"], cleaned["body"]) == ("تعز", lead)
    # The text's own dateline comes first; the markup's stands where the text has none.
    assert clean_article({"headline": "عنوان", "body": f"عدن - {lead}", "dateline": "تعز"})["dateline"] == "عدن"
    assert clean_article({"headline": "عنوان", "body": lead, "dateline": "تعز"})["dateline"] == "تعز"


STORY = ["وقال مسؤول حكومي إن المحادثات بين الطرفين ستستأنف الأسبوع المقبل بعد توقف دام شهرين.",
         "وأضاف أن الوفدين اتفقا على جدول أعمال يشمل الملفات العالقة كلها."]


@pytest.mark.parametrize("opening, closing", [
    (["- تاريخ النشر: السبت، 23 أيلول 2017 08:23 متم التحديث: الثلاثاء 26 سبتمبر 2017 - 12:23 ص", "- جمال الزين"], []),
    (["نُشر في الإثنين 31 ديسمبر 2018 - 01:41 م"], ["- تاريخ النشر: 2021-04-07 09:53"]),
    (["10.11.2025 17:59"], ["جمال الزين"]),
])
def test_stamps_opening_or_closing_a_body_are_the_page_s(opening, closing):
    article = clean_article({"headline": "عنوان", "body": "\n\n".join([*opening, *STORY, *closing]),
                             "authors": ["جمال الزين"]})
    assert article["body"].split("\n\n") == STORY


def test_a_sentence_naming_a_day_and_a_short_line_without_a_time_stay():
    body = ["وقال الوزير إن الاجتماع سيعقد في 7 أبريل 2021", "المرحلة الأولى", *STORY]
    assert clean_article({"headline": "عنوان", "body": "\n\n".join(body)})["body"].split("\n\n") == body
