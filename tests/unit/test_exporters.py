import csv
import io

import pandas
import pytest

from newscrawl.export.exporters import SafeCsvItemExporter, neutralise_cell


@pytest.mark.parametrize("value, safe", [
    ('=HYPERLINK("https://evil.example/","اضغط")', '\'=HYPERLINK("https://evil.example/","اضغط")'),
    ("+966 رمز", "'+966 رمز"), ("-20 درجة", "'-20 درجة"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tخفي", "'\tخفي"), ("\rخفي", "'\rخفي"),
    ("عنوان عادي", "عنوان عادي"), ("3-2 للهلال", "3-2 للهلال"), ("", ""), ("a=b", "a=b"),
])
def test_neutralise_cell(value, safe):
    assert neutralise_cell(value) == safe


ROW = {"headline": '=HYPERLINK("https://evil.example/","اضغط هنا")', "body": 'فقرة "أولى"، مع فاصلة\n\nفقرة ثانية',
       "authors": ["أ", "ب"], "word_count": 5}


def export(**kwargs) -> str:
    stream = io.BytesIO()
    exporter = SafeCsvItemExporter(stream, encoding="utf-8-sig", fields_to_export=list(ROW), join_multivalued="; ",
                                   **kwargs)
    exporter.start_exporting()
    exporter.export_item(ROW)
    exporter.finish_exporting()
    return stream.getvalue().decode("utf-8-sig")


def test_quotes_and_newlines_round_trip_through_csv_and_pandas():
    text = export()
    row = next(csv.DictReader(io.StringIO(text, newline="")))
    assert row["headline"] == "'" + ROW["headline"]
    assert row["body"] == ROW["body"] and row["authors"] == "أ; ب"
    frame = pandas.read_csv(io.StringIO(text))
    assert frame.loc[0, "body"] == ROW["body"] and frame.loc[0, "headline"] == "'" + ROW["headline"]


def test_neutralising_can_be_switched_off():
    row = next(csv.DictReader(io.StringIO(export(neutralise_formulas=False), newline="")))
    assert row["headline"] == ROW["headline"]
