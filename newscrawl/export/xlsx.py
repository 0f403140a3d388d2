"""Excel workbooks (.xlsx) of export rows: the CSV's columns in its order, dates as Excel
dates where the day is known, text always stored as text (never a formula), the sheet
right to left. Written with openpyxl's write-only sheets, so a whole archive streams
through without being held in memory."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from scrapy.exporters import BaseItemExporter

from newscrawl.export.exporters import TooManyRows
from newscrawl.items import EXPORT_FIELDS

logger = logging.getLogger(__name__)

# Fields holding ISO 8601 dates at their precision (docs/exports.md, Fields).
DATE_FIELDS = frozenset({"published", "updated", "crawled_at"})
# Long text read as paragraphs: wrapped in its cell rather than spilling over the next.
WRAPPED_FIELDS = frozenset({"summary", "body"})

CELL_LIMIT = 32_767  # Excel's most characters (UTF-16 code units) in one cell
ROW_LIMIT = 1_048_576  # Excel's most rows in a sheet, the header included
DAY_FORMAT, TIME_FORMAT = "yyyy-mm-dd", "yyyy-mm-dd hh:mm:ss"
WIDTH_CAP, WIDE_CAP = 60, 100  # characters; wrapped columns get the wider cap

# Cells start at the top: beside a wrapped body, a headline at the bottom of a tall row is lost.
TOP, WRAP = Alignment(vertical="top"), Alignment(vertical="top", wrap_text=True)
BOLD = Font(bold=True)

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def excel_date(text: str) -> date | datetime | None:
    """``text`` (ISO 8601) as Excel holds dates: a date when only the day is known, a
    date-time in UTC when the time is (Excel cells have no time zone, and one zone keeps a
    column sortable). None for a month or a year alone — a day is never invented — and for
    anything that is not a valid date, or before 1901 (Excel's calendar starts in 1900)."""
    try:
        if _DAY.fullmatch(text):
            value: date = date.fromisoformat(text)
        elif _DAY.match(text) and len(text) > 10:
            value = datetime.fromisoformat(text)
            if value.tzinfo is not None:
                value = value.astimezone(UTC).replace(tzinfo=None)
        else:
            return None
    except ValueError:
        return None
    return value if value.year > 1900 else None


def utf16_length(text: str) -> int:
    """Length as Excel counts it: a character outside the BMP (an emoji) counts twice."""
    return len(text.encode("utf-16-le")) // 2


def fit_text(text: str) -> tuple[str, bool]:
    """``text`` as a cell can hold it, and whether it was cut. Control characters that XML
    cannot carry (all but tab and newlines) are dropped — no xlsx can hold them. Text over
    Excel's limit is cut at a word and ends with a marker saying so, so the cut is never
    silent; the CSV and JSON exports keep the whole text."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    total = utf16_length(text)
    if total <= CELL_LIMIT:
        return text, False
    marker = f"\n\n[… cut at Excel's limit of {CELL_LIMIT:,} characters a cell; {total:,} in all, " \
             "kept whole in the CSV and JSON exports]"
    room = CELL_LIMIT - utf16_length(marker)
    # Cut on UTF-16 units; "ignore" drops half a surrogate pair left at the end.
    kept = text.encode("utf-16-le")[: 2 * room].decode("utf-16-le", errors="ignore")
    space = max(kept.rfind(" "), kept.rfind("\n"))
    if space > len(kept) - 200:
        kept = kept[:space]
    return kept.rstrip() + marker, True


def cell_value(name: str, value: Any) -> Any:
    """What one export value becomes in its cell: lists joined with «; » as in the CSV,
    dates of DATE_FIELDS as dates (see excel_date), numbers as numbers, other text as text."""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str) and name in DATE_FIELDS:
        return excel_date(value) or value
    return value


class XlsxItemExporter(BaseItemExporter):
    """One sheet of stories with a bold, frozen header row, right to left. Every text cell
    is typed as a string: openpyxl would otherwise store text starting with «=» as a formula
    and «#N/A» as an error. No apostrophe is added (that is the CSV's defence, and in xlsx
    the cell type already says text). Appending to a workbook is not possible: see
    newscrawl.export.feeds.WHOLE_FILE_FORMATS for what ``-o`` does."""

    SAMPLE = 500  # rows read before the column widths are fixed (write-only sheets need them first)

    def __init__(self, file: IO[bytes], **kwargs: Any):
        super().__init__(dont_fail=True, **kwargs)
        self.file = file
        self.fields_to_export = self.fields_to_export or EXPORT_FIELDS
        self.workbook = Workbook(write_only=True)
        self.sheet = self.workbook.create_sheet("stories")
        self.sheet.sheet_view.rightToLeft = True  # Arabic reads right to left
        self.sheet.freeze_panes = "A2"
        self._names = list(self.fields_to_export)  # the item's field names (a mapping's keys)
        self._sample: list[list[Any]] | None = []
        self._rows = 0

    def export_item(self, item: Any) -> None:
        if self._rows >= ROW_LIMIT - 1:
            raise TooManyRows(f"more than {ROW_LIMIT - 1:,} stories, the most an Excel sheet holds: "
                              "export a slice (--since/--until, --site) or use CSV")
        exported = [value for _, value in self.get_serialized_fields(item, include_empty=True)]
        values = []
        for name, value in zip(self._names, exported, strict=True):
            value = cell_value(name, value)
            if isinstance(value, str):
                value, cut = fit_text(value)
                if cut:
                    logger.warning("xlsx: the %s of %s cut to Excel's limit of %s characters a cell", name,
                                   dict(zip(self._names, exported, strict=True)).get("url"), f"{CELL_LIMIT:,}")
            values.append(value)
        self._rows += 1
        if self._sample is not None:
            self._sample.append(values)
            if len(self._sample) >= self.SAMPLE:
                self._flush_sample()
        else:
            self._append(values)

    def finish_exporting(self) -> None:
        if self._sample is not None:
            self._flush_sample()
        self.workbook.save(self.file)

    def _headers(self) -> list[str]:
        fields = self.fields_to_export
        return list(fields.values()) if isinstance(fields, Mapping) else list(fields)

    def _flush_sample(self) -> None:
        """Fix the column widths from the rows read so far, then write the header and them."""
        headers, sample, self._sample = self._headers(), self._sample or [], None
        for index, (name, header) in enumerate(zip(self._names, headers, strict=True)):
            cap = WIDE_CAP if name in WRAPPED_FIELDS else WIDTH_CAP
            longest = max((_shown_length(row[index]) for row in sample), default=0)
            self.sheet.column_dimensions[get_column_letter(index + 1)].width = min(cap, max(len(header), longest) + 2)
        self.sheet.append([_text_cell(self.sheet, header, font=BOLD) for header in headers])
        for values in sample:
            self._append(values)

    def _append(self, values: list[Any]) -> None:
        self.sheet.append([self._cell(name, value) for name, value in zip(self._names, values, strict=True)])

    def _cell(self, name: str, value: Any) -> Cell | None:
        if value is None:
            return None
        if isinstance(value, str):
            return _text_cell(self.sheet, value, alignment=WRAP if name in WRAPPED_FIELDS else TOP)
        cell = WriteOnlyCell(self.sheet, value=value)
        cell.alignment = TOP
        if isinstance(value, datetime):
            cell.number_format = TIME_FORMAT
        elif isinstance(value, date):
            cell.number_format = DAY_FORMAT
        return cell


def _text_cell(sheet, text: str, **style: Any) -> Cell:
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # after the value: openpyxl has typed «=…» as a formula, «#N/A» as an error
    for attribute, value in style.items():
        setattr(cell, attribute, value)
    return cell


def _shown_length(value: Any) -> int:
    """Characters the value shows on its longest line (dates as their number format shows them)."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len(TIME_FORMAT)
    if isinstance(value, date):
        return len(DAY_FORMAT)
    return max((len(line) for line in str(value).splitlines()), default=0)
