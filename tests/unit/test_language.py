import json
from pathlib import Path

import pytest

from newscrawl.text.language import detect_language

ARABIC = "قال وزير الخارجية إن الحكومة ستعلن خطة جديدة لمعالجة الأزمة الاقتصادية خلال الأيام المقبلة في العاصمة."
PERSIAN = "وزیر امور خارجه گفت که دولت برنامه جدیدی برای حل بحران اقتصادی در روزهای آینده اعلام خواهد کرد."
URDU = "وزیر خارجہ نے کہا کہ حکومت آنے والے دنوں میں معاشی بحران کے حل کے لیے نیا منصوبہ پیش کرے گی۔"
SORANI = "وەزیری دەرەوە ڕایگەیاند کە حکوومەت پلانێکی نوێ بۆ چارەسەرکردنی قەیرانی ئابووری ڕادەگەیەنێت."
ENGLISH = "The foreign minister said that the government will announce a new plan to tackle the economic crisis."
FRENCH = "Le ministre des affaires étrangères a déclaré que le gouvernement annoncera un nouveau plan pour la crise."


@pytest.mark.parametrize("text, language", [
    (ARABIC, "ar"), (PERSIAN, "fa"), (URDU, "ur"), (SORANI, "ckb"), (ENGLISH, "en"), (FRENCH, "fr"),
    (ARABIC + " وقال المتحدث باسم الوزارة إن الاجتماع سيعقد في طهران مع ممثلي گروه", "ar"),  # a Persian word quoted
    ("", None), ("123 456", None), ("كلمة", None),
])
def test_languages(text, language):
    assert detect_language(text) == language


def test_every_real_arabic_page_is_arabic():
    for path in sorted((Path(__file__).parents[1] / "realpages").glob("*/*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        assert detect_language(" ".join(truth["body_paragraphs"])) == "ar", path.name
