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
