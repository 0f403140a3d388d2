"""The xlsx exporter's cells as openpyxl reads them back: typed dates where the day is known,
text that stays text whatever it starts with, the CSV's columns, a sheet an analyst can read."""

import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from newscrawl.export.xlsx import CELL_LIMIT, XlsxItemExporter, excel_date, fit_text, utf16_length
from newscrawl.items import EXPORT_FIELDS


@pytest.mark.parametrize("text, value", [
    ("2019-07-18T05:55:00+00:00", datetime(2019, 7, 18, 5, 55)),
    ("2019-07-18T05:55:00+01:00", datetime(2019, 7, 18, 4, 55)),  # in UTC: Excel has no zones
    ("2019-07-18T05:55:00", datetime(2019, 7, 18, 5, 55)),  # no zone given: as written
    ("2019-07-18", date(2019, 7, 18)),
    ("2018-03", None), ("2018", None),  # a day is never invented
    ("2019-02-30", None), ("1899-12-31", None), ("", None), ("غدا", None), ("2019-07-18 بعد الظهر", None),
])
def test_excel_date(text, value):
    assert excel_date(text) == value
    assert type(excel_date(text)) is type(value)


def test_text_over_the_cell_limit_is_cut_at_a_word_with_a_marker():
    text = ("كلمة " * 10_000).strip()
    fitted, cut = fit_text(text)
    assert cut and utf16_length(fitted) <= CELL_LIMIT
    kept, marker = fitted.split("\n\n[…")
    assert text.startswith(kept) and kept.endswith("كلمة") and "49,999 in all" in marker
    emoji = "😀" * 20_000  # two UTF-16 units each, as Excel counts them
    fitted, cut = fit_text(emoji)
    assert cut and utf16_length(fitted) <= CELL_LIMIT and "\ufffd" not in fitted
    assert fit_text("نص\tعادي\nسطر\x0b\x00") == ("نص\tعادي\nسطر", False)  # XML cannot hold \x0b, \x00


ROWS = [
    {"url": "https://x.example/1", "site": "elaph", "headline": '=HYPERLINK("https://evil.example/","اضغط")',
     "body": "فقرة أولى\n\nفقرة ثانية", "authors": ["أ", "ب"], "tags": [], "published": "2019-07-18T05:55:00+01:00",
     "published_precision": "datetime", "updated": "2019-07-19", "word_count": 4,
     "crawled_at": "2026-11-28T07:46:20+00:00", "story_id": 12},
    {"url": "https://x.example/2", "site": "elaph", "headline": "#N/A", "summary": "+966 -20 @SUM(A1)",
     "body": "x" * (CELL_LIMIT + 10), "published": "2018-03", "published_precision": "month",
     "crawled_at": "2026-11-28T07:46:20+00:00"},
]


def workbook(rows, **kwargs):
    stream = io.BytesIO()
    exporter = XlsxItemExporter(stream, **kwargs)
    exporter.start_exporting()
    for row in rows:
        exporter.export_item(row)
    exporter.finish_exporting()
    return load_workbook(io.BytesIO(stream.getvalue())).active


def test_cells_are_typed_and_text_is_never_a_formula():
    sheet = workbook(ROWS)
    header, first, second = ([c for c in row] for row in sheet.iter_rows())
    assert [c.value for c in header] == EXPORT_FIELDS  # the CSV's columns, in its order
    one, two = ({h.value: c for h, c in zip(header, row, strict=True)} for row in (first, second))
    assert one["headline"].data_type == "s" and one["headline"].value == ROWS[0]["headline"]  # no apostrophe
    assert two["headline"].data_type == "s" and two["headline"].value == "#N/A"  # not an error cell
    assert two["summary"].value == "+966 -20 @SUM(A1)"
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert one["authors"].value == "أ; ب" and one["tags"].value is None
    assert one["published"].is_date and one["published"].value == datetime(2019, 7, 18, 4, 55)
    assert one["published"].number_format == "yyyy-mm-dd hh:mm:ss"
    assert one["updated"].is_date and one["updated"].number_format == "yyyy-mm-dd"
    assert one["crawled_at"].is_date and one["crawled_at"].value == datetime(2026, 11, 28, 7, 46, 20)
    assert two["published"].data_type == "s" and two["published"].value == "2018-03"  # month only: text
    assert one["word_count"].value == 4 and one["story_id"].value == 12 and two["story_id"].value is None
    assert one["body"].value == ROWS[0]["body"] and one["body"].alignment.wrap_text
    assert len(two["body"].value) <= CELL_LIMIT and "cut at Excel's limit" in two["body"].value


def test_the_sheet_reads_right_to_left_with_a_bold_frozen_header_and_capped_widths():
    sheet = workbook(ROWS)
    assert sheet.sheet_view.rightToLeft and sheet.freeze_panes == "A2"
    assert all(c.font.bold for c in sheet[1])
    widths = {sheet.cell(1, i + 1).value: sheet.column_dimensions[chr(ord("A") + i)].width
              for i in range(len(EXPORT_FIELDS))}
    assert widths["body"] == 100 and widths["headline"] == len(ROWS[0]["headline"]) + 2
    assert widths["published"] == len("yyyy-mm-dd hh:mm:ss") + 2 and widths["site"] == len("elaph") + 2
    assert max(w for name, w in widths.items() if name != "body") <= 60


def test_an_empty_export_is_a_workbook_with_its_header():
    sheet = workbook([])
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [EXPORT_FIELDS]


def test_fields_to_export_choose_and_name_the_columns():
    sheet = workbook(ROWS[:1], fields_to_export={"headline": "العنوان", "published": "التاريخ"})
    header, row = sheet.iter_rows()
    assert [c.value for c in header] == ["العنوان", "التاريخ"]
    assert row[0].data_type == "s" and row[1].is_date
