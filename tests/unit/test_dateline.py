import pytest

from newscrawl.text.dateline import split_dateline


@pytest.mark.parametrize("paragraph, dateline, rest", [
    ("بيروت: قتل 62 عنصراً", "بيروت", "قتل 62 عنصراً"),
    ("بيروت : قتل 62 عنصراً", "بيروت", "قتل 62 عنصراً"),
    ("القاهرة - أعلنت الحكومة", "القاهرة", "أعلنت الحكومة"),
    ("الرياض — أعلنت الحكومة", "الرياض", "أعلنت الحكومة"),
    ("(بيروت) أعلنت الحكومة", "بيروت", "أعلنت الحكومة"),
    ("(الدار البيضاء) - أعلنت الحكومة", "الدار البيضاء", "أعلنت الحكومة"),
    ("إيلاف من لندن: قال الوزير", "لندن", "قال الوزير"),
    ("إيلاف من بيروت - قال الوزير", "بيروت", "قال الوزير"),
    ("إيلاف من عمّان: قال", "عمّان", "قال"),
    ("دمشق، سوريا (CNN) -- أكدت جهات سورية", "دمشق، سوريا", "أكدت جهات سورية"),
    ("القاهرة (رويترز) - قال مسؤول", "القاهرة", "قال مسؤول"),
    ("رام الله: أعلن", "رام الله", "أعلن"),
    # Wire and paper forms, every dash (AFP, Reuters, Asharq Al-Awsat, Al-Quds, Elaph, SANA)
    ("جنيف (أ ف ب) - دعت الأمم المتحدة", "جنيف", "دعت الأمم المتحدة"),
    ("الخرطوم ـ أعلن الجيش", "الخرطوم", "أعلن الجيش"),
    ("الخرطوم (رويترز) ـ أعلن الجيش", "الخرطوم", "أعلن الجيش"),
    ("واشنطن (أ ب) – قال البيت الأبيض", "واشنطن", "قال البيت الأبيض"),
    ('القاهرة - "الشرق الأوسط": أعلنت الحكومة', "القاهرة", "أعلنت الحكومة"),
    ("القاهرة - «الشرق الأوسط»: أعلنت الحكومة", "القاهرة", "أعلنت الحكومة"),
    ("لندن - إيلاف: قال الوزير", "لندن", "قال الوزير"),
    ("غزة ـ «القدس العربي»: قصفت الطائرات", "غزة", "قصفت الطائرات"),
    ("دمشق-سانا: استقبل الرئيس", "دمشق", "استقبل الرئيس"),
    ("عمانـ الغد - قال الوزير", "عمان", "قال الوزير"),  # a kashida against the place, a paper between dashes
    ("بيروت — قال", "بيروت", "قال"),
])
def test_dateline_is_split(paragraph, dateline, rest):
    assert split_dateline(paragraph) == (dateline, rest)


@pytest.mark.parametrize("paragraph", [
    "قال الوزير: إن الحكومة ستعلن خطتها",
    "عاجل: انفجار في المرفأ",
    "سؤال: ما الذي يحدث في السودان؟",
    "الحكومة - كما قال الوزير - ستعلن خطتها",
    "أعلنت بيروت: لن نتراجع",
    "الحكومة - في بيان: ستعلن خطتها",  # a dash and a colon after a word that is no place
    "قال - كما نقلت رويترز: إن",
    "بيروت",
    "بيروت:",
    "",
])
def test_sentences_are_not_datelines(paragraph):
    assert split_dateline(paragraph) == (None, paragraph)


# A lead long enough to be a story's opening paragraph, for the forms that need one.
LEAD = "قال مسؤول حكومي إن المحادثات بين الطرفين ستستأنف الأسبوع المقبل بعد توقف دام شهرين."


@pytest.mark.parametrize("paragraph, dateline", [
    # A wire agency in parentheses names any place, with or without a dash after it
    # (Reuters, AFP in its printed spellings, AP, UPI, DPA, TAP, Petra, Xinhua, KUNA, MAP).
    ("مأرب (رويترز) - " + LEAD, "مأرب"),
    ("مأرب (رويترز) " + LEAD, "مأرب"),
    ("بنغازي (أ.ف.ب) - " + LEAD, "بنغازي"),
    ("قسنطينة (ا ف ب) - " + LEAD, "قسنطينة"),
    ("أم درمان (يو بي آي) " + LEAD, "أم درمان"),
    ("زحلة (يو بي أي) - " + LEAD, "زحلة"),
    ("برلين - (د ب أ) - " + LEAD, "برلين"),
    ("صفاقس (وات) - " + LEAD, "صفاقس"),
    ("إربد 5 آذار (بترا) - " + LEAD, "إربد"),
    ("بكين 10 مايو 2023 (شينخوا) -- " + LEAD, "بكين"),
    ("الكويت - 12 - 1 (كونا) -- " + LEAD, "الكويت"),
    ("الرباط - 12 - 3 - 2024 (ومع) - " + LEAD, "الرباط"),
    ("حلب، سوريا (CNN) -- " + LEAD, "حلب، سوريا"),
    ("INDIANAPOLIS (AP) — A messy state budget deal gained the endorsement of Indiana lawmakers", "INDIANAPOLIS"),
    # The agency after a dash or between slashes (SANA, QNA, WAM, MENA, TAP, Reuters).
    ("دمشق-سانا " + LEAD, "دمشق"),
    ("حماة-سانا " + LEAD, "حماة"),
    ("الدوحة في 12 يناير /قنا/ " + LEAD, "الدوحة"),
    ("الفجيرة في 5 مايو / وام / " + LEAD, "الفجيرة"),
    ("الفجيرة - وام: " + LEAD, "الفجيرة"),
    ("المنصورة - أ ش أ: " + LEAD, "المنصورة"),
    ("زحلة - وات: " + LEAD, "زحلة"),
    ("برلين- رويترز " + LEAD, "برلين"),
    ("غزة - وكالات: " + LEAD, "غزة"),
    # A paper's name in quotes between a dash and a colon credits itself (Al-Quds Al-Arabi,
    # Al-Khaleej); after a colon only behind a known place (Asharq Al-Awsat).
    ("الناصرة ـ «القدس العربي»: " + LEAD, "الناصرة"),
    ("قسنطينة - \"الخبر\": " + LEAD, "قسنطينة"),
    ("لندن: «الشرق الأوسط» " + LEAD, "لندن"),
    ("الشارقة: «الخليج» " + LEAD, "الشارقة"),
    # A dateline's dash after a place nobody listed, then the lead: «ـ», «–», «—», « - ».
    ("قسنطينة ـ " + LEAD, "قسنطينة"),
    ("سرت – " + LEAD, "سرت"),
    ("مرسيليا — " + LEAD, "مرسيليا"),
    ("المكلا - " + LEAD, "المكلا"),
    ("(صفاقس) – " + LEAD, "صفاقس"),
    ("القدس المحتلة- " + LEAD, "القدس المحتلة"),  # Al Jazeera: the hyphen against the place
    ("إب – " + LEAD, "إب"),
])
def test_datelines_of_places_nobody_listed(paragraph, dateline):
    place, rest = split_dateline(paragraph)
    assert place == dateline
    assert rest and not rest.startswith(("-", "–", "—", "ـ", ":", "(", "/"))


@pytest.mark.parametrize("paragraph", [
    # Editorial labels, list and answer markers, days: they take a dash too.
    "عاجل - انفجار ضخم يهز العاصمة ويخلف عشرات القتلى والجرحى في الأحياء القريبة من المرفأ",
    "عاجل (رويترز) - انفجار ضخم يهز العاصمة ويخلف عشرات القتلى والجرحى في الأحياء القريبة",
    "أولاً - يجب أن نعترف بأن الحكومة أخطأت في تقدير حجم الأزمة منذ بدايتها قبل سنوات طويلة",
    "خبر خاص – " + LEAD,
    "س - ما الذي يحدث في السودان اليوم وإلى أين يتجه البلد بعد ثلاثة عقود من الحكم؟",
    "الثلاثاء - أعلنت الحكومة عن خطة جديدة للإصلاح الاقتصادي تشمل خفض الدعم تدريجياً",
    "12 - قتيلاً في انفجار قرب بغداد حسب حصيلة أولية أعلنتها وزارة الصحة العراقية مساء أمس",
    "بقلم - أحمد علي",
    # An aside between two dashes, a title's colon, a headline or a score after the dash.
    "الحكومة - كما قال الوزير في مؤتمره الصحافي أمس - ستعلن خطتها الجديدة الأسبوع المقبل",
    "قال الوزير - في تصريح صحافي أمس - إن الحكومة ماضية في خطتها رغم الاعتراضات",
    "مصر – السودان: علاقات تاريخية وتحديات مستقبلية في ظل التطورات الأخيرة في المنطقة",
    "السودان – الجيش يعلن السيطرة على القصر الرئاسي",
    "الأهلي - الزمالك 2-1",
    # An agency named inside a sentence; who credits is not where.
    "ذكرت وكالة الأنباء السعودية (واس) أن خادم الحرمين الشريفين استقبل أمس ولي العهد",
    "وكالة الأنباء القطرية (قنا) ذكرت أن الأمير تلقى اتصالاً هاتفياً من الرئيس الفرنسي",
    # A colon after words nobody listed as a place is a sentence or a label, spaced or not:
    # Arabic prints speech and run-in heads that way («تحقيقٌ رسمي:» is Beirut Observer's).
    "تعز : من جهته، رحّب المبعوث الأممي بالمبادرة واعتبرها خطوة في الاتجاه الصحيح",
    "تحقيقٌ رسمي: فَتَحَ المُدعون تحقيقاً رسمياً ستتعامل معه وحدة مكافحة الجريمة المنظمة",
    "وقال الخبير في الشؤون الإيرانية هاني سليمان: محسن فخري زادة كان العقل المدبر للبرنامج",
    "تحديث: ارتفاع عدد القتلى إلى 12 شخصاً في الانفجار الذي وقع صباح اليوم في الميناء",
    "قال الوزير: \"لن نتراجع عن القرار مهما كانت الضغوط التي نتعرض لها من الخارج\"",
    # Answers of an interview (Assabah) and a hyphen that belongs to a word.
    "-نحن في السودان لا نعرف من الفصول غير الصيف والشتاء، ولم نتعود بالتالي على الربيع",
    "For low- and middle-income women who do find child care, the expense can become a burden",
])
def test_sentences_and_labels_stay_whole(paragraph):
    assert split_dateline(paragraph) == (None, paragraph)


@pytest.mark.parametrize("paragraph, dateline", [
    ("إسطنبول/ الأناضول", "إسطنبول"),
    ("غازي عنتاب/ الأناضول", "غازي عنتاب"),
    ("أنقرة / حسين يلدز / الأناضول", "أنقرة"),  # Anadolu names its reporter in between
    ("دبي - العربية.نت", "دبي"),
    ("الدوحة - الجزيرة نت", "الدوحة"),
    ("جنيف (أ ف ب) -", "جنيف"),
    ("بغداد —", "بغداد"),
    ("(بيروت)", "بيروت"),
    ("قسنطينة ـ", None),  # a dash alone, no lead after it and no credit: not enough
    ("عاجل -", None),
    ("تحديث:", None),
])
def test_a_dateline_in_a_block_of_its_own(paragraph, dateline):
    from newscrawl.text.dateline import dateline_alone

    assert dateline_alone(paragraph) == dateline


def test_a_place_the_markup_names_counts_as_known():
    paragraph = "تعز : من جهته، رحّب المبعوث الأممي بالمبادرة"
    assert split_dateline(paragraph, place="تعز") == ("تعز", "من جهته، رحّب المبعوث الأممي بالمبادرة")
    assert split_dateline(paragraph, place="عدن") == (None, paragraph)


@pytest.mark.parametrize("credit, agency", [
    ("رويترز", True), ("(أ.ف.ب)", True), ("ا ف ب", True), ("يو بي أي", True), ("Reuters", True),
    ("dpa", True), ("الأناضول", True), ("وكالات", True), ("خاص", False), ("الحكومة", False),
])
def test_wire_agencies_in_their_printed_spellings(credit, agency):
    from newscrawl.text.dateline import is_agency

    assert is_agency(credit) is agency
