from newscrawl.extract.evaluation import day_right, headline_right, token_f1, tokens


def test_tokens_drop_diacritics_tatweel_and_punctuation():
    assert tokens("قالَ الوزيـــر: «نعم»، غداً!") == ["قال", "الوزير", "نعم", "غدا"]


def test_token_f1():
    assert token_f1("a b c d", "a b c d") == 1.0
    assert token_f1("a b", "a b c d") == 2 * 1.0 * 0.5 / 1.5
    assert token_f1("", "a") == 0.0


def test_headline_and_day():
    truth = {"headline": "عنوان", "headline_variants": ["«عنوان»"], "published": "2020-08-24T09:23:00+02:00"}
    assert headline_right("«عنوان»", truth) and not headline_right("عنوان آخر", truth)
    assert day_right("2020-08-24", truth) and not day_right("2020-08-25T00:00:00", truth) and not day_right(None, truth)


def test_tokens_of_latin_and_spaced_scripts_are_words():
    assert tokens("Der Kanzler sagte: „Nein.“ (dpa)") == ["Der", "Kanzler", "sagte", "Nein", "dpa"]
    assert tokens("대통령은 오늘 기자회견을 열었다.") == ["대통령은", "오늘", "기자회견을", "열었다"]


def test_tokens_of_unspaced_scripts_are_characters():
    # Japanese and Chinese write no spaces: a sentence would be one token, lost whole
    # for one differing character. Latin words and numbers among them stay whole.
    assert tokens("東京で会議、2024年にAIを議論。") == ["東", "京", "で", "会", "議", "2024", "年", "に", "AI", "を",
                                                  "議", "論"]
    assert tokens("政府表示。") == ["政", "府", "表", "示"]


def test_one_wrong_character_costs_one_character_in_japanese():
    truth = "首相は記者会見で新たな経済対策を発表した"
    assert 0.9 < token_f1("首相は記者会見で新たな経済政策を発表した", truth) < 1.0
