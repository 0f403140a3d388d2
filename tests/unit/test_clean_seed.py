"""The real 2018 Elaph page text (../shared/seed, copied into the mirror) through the cleaner."""

from pathlib import Path

from newscrawl.sites.elaph import SITE as elaph
from newscrawl.text.clean import clean_body, clean_paragraphs

SEED = Path(__file__).parents[2] / "newscrawl/mirror/seed_2018.txt"
HEADLINE = "62 قتيلاً من قوات النظام حصيلة جديدة لهجوم داعش في جنوب دمشق"
# The eleven paragraphs as published, read off the page by hand, dateline removed.
FIRST = ("قتل 62 عنصراً من قوات النظام السوري والمسلحين الموالين لها منذ الإثنين جراء هجوم لتنظيم الدولة "
         "الإسلامية مكنه من السيطرة على حي القدم في جنوب دمشق، وفق حصيلة جديدة أوردها المرصد السوري لحقوق "
         "الإنسان الاربعاء.")
LAST = "ورجحت صحيفة الوطن أن \"يتم حسم الأمر في منطقة جنوب العاصمة بعد الانتهاء من معركة غوطة دمشق الشرقية\"."


def test_seed_page_text_cleans_to_headline_dateline_and_eleven_paragraphs():
    lines = SEED.read_text(encoding="utf-8").splitlines()
    kept = clean_paragraphs(lines, elaph.furniture)
    assert kept[0] == HEADLINE
    dateline, body = clean_body("\n\n".join(kept[1:]), elaph.furniture)
    assert dateline == "بيروت"
    assert len(body) == 11
    assert body[0] == FIRST and body[-1] == LAST
    assert body[8].startswith("ونقلت عن مصادر مطلعة")  # its leading space on the page is gone
    text = "\n".join(kept)
    for furniture in ("آخر تحديث", "عدد التعليقات", "جميع التعليقات المنشورة", "لم يتم العثور", "شروط النشر",
                      "الملك سلمان يُسلّم", "هل تتخلف روسيا", "تربة", "في أخبار"):
        assert furniture not in text


def test_real_pages_truth_paragraphs_survive_cleaning():
    """Hand-checked bodies of real Arabic pages (tests/realpages) pass through unchanged."""
    import json

    truths = sorted((Path(__file__).parents[1] / "realpages").glob("*/*.json"))
    assert len(truths) == 8
    for path in truths:
        truth = json.loads(path.read_text(encoding="utf-8"))
        assert clean_paragraphs(truth["body_paragraphs"]) == truth["body_paragraphs"], path.name
