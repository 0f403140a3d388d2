"""Furniture is dropped; real sentences that merely contain the same words survive."""

import pytest

from newscrawl.sites.elaph import SITE as elaph
from newscrawl.text.furniture import GENERIC, GENERIC_RULES, RULES, is_furniture, remove_furniture, rules_not_from

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
    "ترحب شبكة CNN بالنقاش الحيوي والمفيد، وكي لا نضطر في موقع CNN بالعربية إلى مراجعة التعليقات قبل نشرها. "
    "ننصحك بمراجعة إرشادات الاستخدام للتعرف إليها جيداً.",
    "الآراء الواردة أدناه لا تعبر عن رأي موقع CNN بالعربية، بل تعكس وجهات نظر أصحابها فقط.",
    "حوار: آسيا العتروس", "بقلم: محمد علي",
]
SENTENCES = [
    "شارك الآلاف في التظاهرة التي دعت إليها النقابات أمس.",
    "وقال إن عدد التعليقات على المنشور تجاوز 5000 تعليق خلال ساعة.",
    "اقرأ أيضاً ما كتبه المؤرخون عن تلك الحقبة، قال الكاتب في مقدمة كتابه "
    "الذي صدر حديثاً عن دار النشر في بيروت بعد سنوات من البحث في الأرشيف.",
    "وأكد أن جميع الحقوق محفوظة للمواطنين بموجب الدستور.",
    "وتابعوا على مدى ساعات عمليات الإنقاذ في المدينة.",
    "وحذر من أن شروط النشر في الصحف الرسمية باتت أكثر صرامة.",
    "وأظهرت صورة أرشيفية نشرتها الوكالة الرئيس وهو يصافح ضيفه في القصر.",
    "في أخبار أخرى، أعلنت الحكومة خطة جديدة.",
    "آخر تحديث للأرقام الرسمية أظهر ارتفاعاً في عدد الإصابات.",
    "الأكثر قراءة بين الشباب هي الروايات البوليسية، بحسب الدراسة.",
    "وانتقد النائب حذف التعليقات على صفحة الوزارة، معتبراً أن حرية التعبير مكفولة.",
    "كتب الرئيس رسالة إلى نظيره الفرنسي.",
    "حوار بين الحكومة والمعارضة: خطوة أولى نحو التسوية السياسية الشاملة في البلاد.",
]


@pytest.mark.parametrize("paragraph", FURNITURE)
def test_furniture_is_recognised(paragraph):
    assert is_furniture(paragraph)


@pytest.mark.parametrize("paragraph", SENTENCES)
def test_sentences_with_furniture_words_survive(paragraph):
    assert not is_furniture(paragraph, elaph.furniture)
    assert remove_furniture([paragraph], elaph.furniture) == [paragraph]


@pytest.mark.parametrize("paragraph", ["في أخبار", "في اقتصاد", "جميع الحقوق محفوظة لموقع إيلاف",
                                       "جميع التعليقات المنشورة تعبر عن رأي كتّابها ولا تعبر بالضرورة عن رأي إيلاف"])
def test_elaph_furniture(paragraph):
    assert is_furniture(paragraph, elaph.furniture)


def test_most_read_heading_ends_the_body():
    body = ["فقرة أولى من الخبر.", "فقرة ثانية.", "الأكثر قراءة", "عنوان خبر آخر", "عنوان ثالث"]
    assert remove_furniture(body) == ["فقرة أولى من الخبر.", "فقرة ثانية."]


def test_trailing_numbered_headline_list_is_dropped_but_short_lists_stay():
    headlines = [f"{n}. عنوان خبر رقم {n}" for n in range(1, 8)]
    body = ["فقرة الخبر الأولى.", "فقرة الخبر الثانية."]
    assert remove_furniture(body + headlines + ["تربة"]) == body
    steps = ["1. اجمع الوثائق المطلوبة", "2. قدّم الطلب", "3. انتظر الرد"]
    assert remove_furniture(body + steps) == body + steps


def test_a_numbered_list_inside_the_text_stays():
    points = [f"{n}. بند رقم {n} من الاتفاق" for n in range(1, 7)]
    after = ["وقال المتحدث إن الاتفاق يدخل حيز التنفيذ الشهر المقبل.", "وأضاف أن اللجنة ستجتمع مجدداً."]
    body = ["وتضمن الاتفاق البنود التالية:", *points, *after]
    assert remove_furniture(body) == body


CNN_NOTE = "الآراء الواردة أدناه لا تعبر عن رأي موقع CNN بالعربية، بل تعكس وجهات نظر أصحابها فقط."


def test_rules_record_their_publishers_and_a_subset_leaves_them_out():
    assert GENERIC == tuple(rule.pattern for rule in GENERIC_RULES)
    assert is_furniture(CNN_NOTE) and is_furniture(CNN_NOTE, rules=RULES)
    without_cnn = rules_not_from("cnnarabic")
    assert not is_furniture(CNN_NOTE, rules=without_cnn)
    assert remove_furniture(["فقرة.", CNN_NOTE], rules=without_cnn) == ["فقرة.", CNN_NOTE]
    # Rules not written from CNN Arabic still apply.
    assert is_furniture("شروط النشر: عدم الإساءة للكاتب.", rules=without_cnn)


def test_a_list_heading_left_out_no_longer_ends_the_body():
    body = ["فقرة أولى من الخبر.", "الأكثر قراءة", "فقرة بعد العنوان."]
    assert remove_furniture(body) == body[:1]
    # Youm7 prints «الأكثر قراءة»: without its rules the heading is text like any other.
    assert remove_furniture(body, rules=rules_not_from("youm7")) == body
    assert remove_furniture(body, rules=()) == body
