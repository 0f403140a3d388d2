from newscrawl.evaluation import day_right, headline_right, token_f1, tokens


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
