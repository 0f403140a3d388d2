"""Furniture is dropped; real sentences that merely contain the same words survive."""

import pytest

from newscrawl.sites import elaph
from newscrawl.text.furniture import is_furniture, remove_furniture

FURNITURE = [
    "عدد التعليقات 0", "التعليقات: 12", "5 تعليقات",
    "جميع التعليقات المنشورة تعبر عن رأي كتّابها ولا تعبر بالضرورة عن رأي الموقع",
    "لم يتم العثور على نتائج", "أضف تعليقك", "إضافة تعليق جديد",
    "شروط النشر: عدم الإساءة للكاتب أو للأشخاص أو للمقدسات.",
    "اقرأ أيضاً: وزير الخارجية يصل إلى بيروت", "إقرأ أيضا", "اقرأ المزيد: تفاصيل الخبر",
    "أخبار ذات صلة", "مواضيع ذات صلة: الانتخابات",
    "شارك", "شارك الخبر على فيسبوك تويتر واتساب", "مشاركة عبر:",
    "تابعونا على تويتر وفيسبوك", "تابعوا إيلاف على تلغرام", "تابعنا على X",
    "جميع الحقوق محفوظة © 2024", "© إيلاف 2001-2026",
    ": آخر تحديث", "آخر تحديث: الخميس 12 نوفمبر 2009 - 11:59 ص",
    "الرئيسية » أخبار » سياسة",
    "الأكثر قراءة",
    "صورة أرشيفية", "صورة أرشيفية (أ ف ب)", "الصورة: رويترز", "(AFP)", "Getty Images",
]
SENTENCES = [
    "شارك الآلاف في التظاهرة التي دعت إليها النقابات أمس.",
    "وقال إن عدد التعليقات على المنشور تجاوز 5000 تعليق خلال ساعة.",
    "اقرأ أيضاً ما كتبه المؤرخون عن تلك الحقبة، قال الكاتب في مقدمة كتابه الذي صدر حديثاً عن دار النشر في بيروت بعد سنوات من البحث في الأرشيف.",
    "وأكد أن جميع الحقوق محفوظة للمواطنين بموجب الدستور.",
    "وتابعوا على مدى ساعات عمليات الإنقاذ في المدينة.",
    "وحذر من أن شروط النشر في الصحف الرسمية باتت أكثر صرامة.",
    "وأظهرت صورة أرشيفية نشرتها الوكالة الرئيس وهو يصافح ضيفه في القصر.",
    "في أخبار أخرى، أعلنت الحكومة خطة جديدة.",
    "آخر تحديث للأرقام الرسمية أظهر ارتفاعاً في عدد الإصابات.",
    "الأكثر قراءة بين الشباب هي الروايات البوليسية، بحسب الدراسة.",
]


@pytest.mark.parametrize("paragraph", FURNITURE)
def test_furniture_is_recognised(paragraph):
    assert is_furniture(paragraph)


@pytest.mark.parametrize("paragraph", SENTENCES)
def test_sentences_with_furniture_words_survive(paragraph):
    assert not is_furniture(paragraph, elaph.FURNITURE)
    assert remove_furniture([paragraph], elaph.FURNITURE) == [paragraph]


@pytest.mark.parametrize("paragraph", ["في أخبار", "في اقتصاد", "جميع الحقوق محفوظة لموقع إيلاف",
                                       "جميع التعليقات المنشورة تعبر عن رأي كتّابها ولا تعبر بالضرورة عن رأي إيلاف"])
def test_elaph_furniture(paragraph):
    assert is_furniture(paragraph, elaph.FURNITURE)


def test_most_read_heading_ends_the_body():
    body = ["فقرة أولى من الخبر.", "فقرة ثانية.", "الأكثر قراءة", "عنوان خبر آخر", "عنوان ثالث"]
    assert remove_furniture(body) == ["فقرة أولى من الخبر.", "فقرة ثانية."]


def test_trailing_numbered_headline_list_is_dropped_but_short_lists_stay():
    headlines = [f"{n}. عنوان خبر رقم {n}" for n in range(1, 8)]
    body = ["فقرة الخبر الأولى.", "فقرة الخبر الثانية."]
    assert remove_furniture(body + headlines + ["تربة"]) == body
    steps = ["1. اجمع الوثائق المطلوبة", "2. قدّم الطلب", "3. انتظر الرد"]
    assert remove_furniture(body + steps) == body + steps
