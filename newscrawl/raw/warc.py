"""Pages as fetched, in WARC files (ISO 28500), written and read with warcio.

Each exchange is a request record and a response record, one gzip member each, so any
record can be read alone from its offset. The response payload is the body as the
server sent it — before content decoding (gzip, br stay compressed), the WARC
convention, so the record is evidence of what was served. Only the transfer encoding
is undone by the HTTP client before newscrawl sees the body, so a Transfer-Encoding
header is kept under another name (X-Newscrawl-Orig-Transfer-Encoding): readers then
take the payload as it is.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter
from zlib_ng import zlib_ng

if TYPE_CHECKING:
    from scrapy.http import Headers


def _headers(headers) -> list[tuple[str, str]]:
    """Scrapy's Headers as (name, value) text pairs, every value of a repeated header."""
    pairs = []
    for name, values in headers.items():
        text = name.decode("latin-1")
        if text.lower() == "transfer-encoding":
            text = "X-Newscrawl-Orig-Transfer-Encoding"
        pairs += [(text, value.decode("latin-1")) for value in values]
    return pairs


# warcio compresses every record with zlib at level 9. zlib-ng writes the same gzip
# format faster: at level 6 it takes 2.3 ms a page where zlib takes 5.2 at level 6, on the
# 136 real pages of ../shared (289 KB on average), for files 1 % larger (BENCHMARKS.md).
GZIP_LEVEL = 6


class _GzipMembers:
    """A file warcio writes records to uncompressed; each record is written to the real
    file as one gzip member when warcio has written it whole (``end_record``)."""

    def __init__(self, handle):
        self.handle = handle
        self.buffer = BytesIO()

    def write(self, data: bytes) -> None:
        self.buffer.write(data)

    def flush(self) -> None:
        pass

    def end_record(self) -> None:
        compressor = zlib_ng.compressobj(GZIP_LEVEL, zlib_ng.DEFLATED, zlib_ng.MAX_WBITS + 16)
        self.handle.write(compressor.compress(self.buffer.getbuffer()) + compressor.flush())
        self.buffer = BytesIO()


class WarcFiles:
    """Writes exchanges to ``<folder>/<prefix>-<NNNNN>.warc.gz``, starting a new file when
    the current one passes ``max_bytes``."""

    def __init__(self, folder: Path, prefix: str, max_bytes: int):
        self.folder = Path(folder)
        self.prefix = prefix
        self.max_bytes = max_bytes
        self.number = 0
        self.handle = None
        self.writer: WARCWriter | None = None
        self.members: _GzipMembers | None = None
        self.path: Path | None = None

    def _open(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.number += 1
        self.path = self.folder / f"{self.prefix}-{self.number:05d}.warc.gz"
        self.handle = self.path.open("ab")
        self.members = _GzipMembers(self.handle)
        self.writer = WARCWriter(self.members, gzip=False)
        self._write(self.writer.create_warcinfo_record(self.path.name, {
            "software": "newscrawl (warcio)", "format": "WARC File Format 1.1",
            "description": "pages as fetched; payloads before content decoding"}))

    def _write(self, record) -> None:
        self.writer.write_record(record)
        self.members.end_record()

    def write(self, url: str, method: str, request_headers: Headers, status: int, response_headers: Headers,
              body: bytes, protocol: str = "HTTP/1.1", when: datetime | None = None) -> tuple[str, int]:
        """Write one exchange; (file name, offset of its response record)."""
        if self.handle is None or self.handle.tell() >= self.max_bytes:
            self.close()
            self._open()
        date = (when or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        # With its length known warcio digests the payload where it lies; without, it copies
        # it into a temporary file twice and digests it three times.
        request = self.writer.create_warc_record(
            url, "request", payload=BytesIO(b""), length=0, warc_headers_dict={"WARC-Date": date},
            http_headers=StatusAndHeaders(f"{method} {target} {protocol}", _headers(request_headers),
                                          is_http_request=True))
        reason = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else ""
        response = self.writer.create_warc_record(
            url, "response", payload=BytesIO(body), length=len(body), warc_headers_dict={"WARC-Date": date},
            http_headers=StatusAndHeaders(f"{status} {reason}".strip(), _headers(response_headers), protocol=protocol))
        request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
        offset = self.handle.tell()
        self._write(response)
        self._write(request)
        self.handle.flush()
        return self.path.name, offset

    def close(self) -> None:
        if self.handle is not None:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            self.handle = None


@contextmanager
def _opened(path: str):
    """A WARC file, or a WACZ's WARC member ("<file.wacz>!<member>"), opened for reading."""
    if "!" in path:
        wacz, member = path.split("!", 1)
        with zipfile.ZipFile(wacz) as archive, archive.open(member) as handle:
            yield handle
    else:
        with Path(path).open("rb") as handle:
            yield handle


def warc_files(path: str) -> list[str]:
    """The WARC files a path names: itself, or the WARC members of a WACZ."""
    if path.lower().endswith(".wacz"):
        with zipfile.ZipFile(path) as archive:
            return [f"{path}!{name}" for name in archive.namelist()
                    if name.startswith("archive/") and name.lower().endswith((".warc", ".warc.gz"))]
    return [path]


@dataclass(frozen=True)
class Record:
    """Where a response record is, and what it says of itself."""

    file: str
    offset: int
    url: str
    date: str
    status: int


def responses(path: str, problems: list[str]) -> Iterator[Record]:
    """The response records of a WARC file (or WACZ member), in order. A file that is cut
    short or damaged gives the records before the damage; the damage is described in
    ``problems``, one line naming the file and offset."""
    with _opened(path) as handle:
        iterator = ArchiveIterator(handle)
        try:
            for record in iterator:
                if record.rec_type == "response" and record.http_headers is not None:
                    yield Record(path, iterator.get_record_offset(), record.rec_headers.get_header("WARC-Target-URI"),
                                 record.rec_headers.get_header("WARC-Date"), int(record.http_headers.get_statuscode()))
        except Exception as error:  # warcio raises several kinds for a damaged file
            problems.append(f"{path}: damaged after offset {iterator.offset}: {type(error).__name__}: "
                            f"{str(error).splitlines()[0] if str(error) else ''}".rstrip(": "))


_DECODED = {"transfer-encoding", "content-encoding", "content-length", "x-newscrawl-orig-transfer-encoding"}


def read_response(path: str, offset: int, handles: dict | None = None
                  ) -> tuple[str, str, int, list[tuple[str, str]], bytes]:
    """The response record at ``offset`` of a WARC file (or WACZ member): (target URL,
    WARC-Date, status, headers as (name, value) pairs, payload). The payload comes decoded
    (chunks joined, gzip or br undone, as tools that are not newscrawl record it either way)
    and the headers that described those encodings are left out. ``handles``: open WARC
    files kept by path between calls, for a reader of many records (close them after)."""
    if handles is None or "!" in path:
        with _opened(path) as handle:
            return _response_at(handle, offset)
    handle = handles.get(path)
    if handle is None:
        handle = handles[path] = Path(path).open("rb")
    return _response_at(handle, offset)


def _response_at(handle, offset: int) -> tuple[str, str, int, list[tuple[str, str]], bytes]:
    handle.seek(offset)
    record = next(iter(ArchiveIterator(handle)))
    http = record.http_headers
    headers = [(k, v) for k, v in http.headers if k.lower() not in _DECODED]
    return (record.rec_headers.get_header("WARC-Target-URI"), record.rec_headers.get_header("WARC-Date"),
            int(http.get_statuscode()), headers, record.content_stream().read())
