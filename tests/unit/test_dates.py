"""Every date string in arabic-dates.tsv (copied from ../shared/dates/) parses to its meaning."""

import csv
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newscrawl.text.dates import parse_date

NOW = datetime(2020, 12, 1, 12, 0)
ROWS = list(csv.DictReader((Path(__file__).parent / "arabic-dates.tsv").open(encoding="utf-8"), delimiter="\t"))


def test_table_is_complete():
    assert len(ROWS) == 75


@pytest.mark.parametrize("row", ROWS, ids=[r["input"] for r in ROWS])
def test_parses_as_expected(row):
    parsed = parse_date(row["input"], now=NOW)
    assert parsed is not None, row["input"]
    expected = row["expected"]
    if m := re.fullmatch(r"month (\d+), any year", expected):
        assert (parsed.value.month, parsed.precision, parsed.year_known) == (int(m[1]), "month", False)
    elif m := re.fullmatch(r"month (\d+), day (\d+), any year", expected):
        assert (parsed.value.month, parsed.value.day, parsed.precision, parsed.year_known) == (
            int(m[1]), int(m[2]), "day", False)
    elif len(expected) == 10:
        assert parsed.value.date().isoformat() == expected
        assert parsed.precision == "day"
    else:
        assert parsed.value.strftime("%Y-%m-%d %H:%M") == expected
        # «منذ 3 أيام» says the day, not the hour: its clock time is only NOW's.
        whole_days_ago = row["group"] == "Relative" and expected[:10] != NOW.date().isoformat()
        assert parsed.precision == ("day" if whole_days_ago else "datetime")


@pytest.mark.parametrize(
    "text, offset",
    [
        ("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)", timedelta(hours=4)),
        ("GMT 17:27 17.03.2020", timedelta(0)),
        ("2020-12-01T02:00:00+03:00", timedelta(hours=3)),
    ],
)
def test_named_zone_makes_value_aware(text, offset):
    assert parse_date(text, now=NOW).value.utcoffset() == offset


def test_zone_word_gives_city_zone():
    value = parse_date("آخر تحديث: الخميس 12 نوفمبر 2009 - 11:59 ص بتوقيت القاهرة", now=NOW).value
    assert value.astimezone(UTC).strftime("%H:%M") == "09:59"


@pytest.mark.parametrize("text", ["", "   ", "آخر تحديث", "عدد التعليقات 0", "لا شيء هنا", None])
def test_no_date_gives_none(text):
    assert parse_date(text, now=NOW) is None


def test_impossible_day_is_refused_not_shifted():
    assert parse_date("31 فبراير 2020", now=NOW) is None
