"""Writing archive rows to files analysts open: CSV that is safe in a spreadsheet, JSON,
JSON Lines, Excel workbooks (newscrawl.export.xlsx); each file written whole under a
temporary name and moved into place."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from scrapy.exporters import BaseItemExporter, CsvItemExporter, JsonItemExporter, JsonLinesItemExporter

from newscrawl.items import EXPORT_FIELDS


class TooManyRows(ValueError):
    """More stories than one Excel sheet holds."""


FORMATS = {".csv": "csv", ".json": "json", ".jsonl": "jsonlines", ".jl": "jsonlines", ".xlsx": "xlsx"}

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
        # Every CSV newscrawl writes is the same: UTF-8 with a BOM (Excel reads the Arabic),
        # list fields joined with «; » — -o/-O files as much as the per-run ones.
        if kwargs.get("encoding") in (None, "utf-8", "utf8"):
            kwargs["encoding"] = "utf-8-sig"
        kwargs.setdefault("join_multivalued", "; ")
        super().__init__(file, **kwargs)
        self.neutralise_formulas = neutralise_formulas

    def finish_exporting(self) -> None:
        if self._headers_not_written and self.fields_to_export:
            # No rows: still a CSV with its header, which pandas and spreadsheets can read.
            self._headers_not_written = False
            self.csv_writer.writerow(list(self.fields_to_export))
        super().finish_exporting()

    @classmethod
    def from_crawler(cls, crawler, file, *args, **kwargs):
        kwargs.setdefault("neutralise_formulas", crawler.settings.getbool("NEWSCRAWL_CSV_NEUTRALISE"))
        return cls(file, *args, **kwargs)

    def serialize_field(self, field, name, value):
        value = super().serialize_field(field, name, value)
        return neutralise_cell(value) if self.neutralise_formulas and isinstance(value, str) else value


def exporter_for(fmt: str, stream: IO[bytes], neutralise_formulas: bool = True) -> BaseItemExporter:
    """CSV with a BOM (Excel shows the Arabic) and list fields joined with «; »; JSON and
    JSON Lines in UTF-8 with Arabic unescaped; xlsx as the crawl's feed writes it (typed
    cells, never a formula); the export fields in their order."""
    if fmt == "xlsx":
        # openpyxl takes 0.17 s to import: every scrapy command would pay it at start-up.
        from newscrawl.export.xlsx import XlsxItemExporter

        return XlsxItemExporter(stream, fields_to_export=EXPORT_FIELDS)
    if fmt == "csv":
        return SafeCsvItemExporter(stream, encoding="utf-8-sig", fields_to_export=EXPORT_FIELDS, join_multivalued="; ",
                                   neutralise_formulas=neutralise_formulas)
    cls = JsonItemExporter if fmt == "json" else JsonLinesItemExporter
    return cls(stream, encoding="utf-8", fields_to_export=EXPORT_FIELDS, ensure_ascii=False)


_PROCESS_STARTED = time.time()


def remove_leftovers(folder: Path) -> None:
    """Remove what an earlier process (a killed run, one stopped by a full disk) left half
    written in ``folder``: it is of no use to anyone."""
    for leftover in folder.glob(".*.part"):
        if leftover.stat().st_mtime < _PROCESS_STARTED:
            leftover.unlink(missing_ok=True)


def write_rows(rows: Iterable[dict], output: Path, fmt: str, neutralise_formulas: bool = True) -> int:
    """Write ``rows`` to ``output`` whole or not at all (a temporary file beside it, moved
    into place when complete; on any error it is removed and ``output`` is as it was).
    Returns the number of rows. OSError (a full disk) and the rows' own errors propagate."""
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=output.parent)
    count = 0
    try:
        with os.fdopen(handle, "wb") as stream:
            exporter = exporter_for(fmt, stream, neutralise_formulas)
            exporter.start_exporting()
            for row in rows:
                exporter.export_item(row)
                count += 1
            exporter.finish_exporting()
            stream.flush()
            os.fsync(stream.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp's 0600 is for the temporary only
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count
