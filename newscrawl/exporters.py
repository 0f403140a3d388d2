"""CSV that is safe to open in a spreadsheet."""

from __future__ import annotations

from scrapy.exporters import CsvItemExporter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """A cell Excel or LibreOffice would run as a formula («=HYPERLINK(…)», «+1», «@SUM»,
    or one starting with a tab or carriage return) gets a leading apostrophe, which
    spreadsheets show as text (OWASP's advice for CSV injection). Other text is unchanged."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


class SafeCsvItemExporter(CsvItemExporter):
    """Scrapy's CSV exporter with formula-like cells neutralised when
    NEWSCRAWL_CSV_NEUTRALISE is on (the default). JSON exports keep the exact text."""

    def __init__(self, file, *, neutralise_formulas: bool = True, **kwargs):
        super().__init__(file, **kwargs)
        self.neutralise_formulas = neutralise_formulas

    @classmethod
    def from_crawler(cls, crawler, file, *args, **kwargs):
        kwargs.setdefault("neutralise_formulas", crawler.settings.getbool("NEWSCRAWL_CSV_NEUTRALISE"))
        return cls(file, *args, **kwargs)

    def serialize_field(self, field, name, value):
        value = super().serialize_field(field, name, value)
        return neutralise_cell(value) if self.neutralise_formulas and isinstance(value, str) else value
