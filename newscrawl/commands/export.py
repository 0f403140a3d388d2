"""scrapy export -o FILE — write the archive (or part of it) as CSV, JSON, JSON Lines or xlsx.

Same columns and encodings as the crawl's feeds, ordered by publication time. The file
is written next to its destination under a temporary name and moved into place, so a
failed export never leaves a half file where the last good one was.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from scrapy.commands import ScrapyCommand

from newscrawl.archive import ArchiveError, archive_url, open_store
from newscrawl.commands._args import day
from newscrawl.commands._args import refuse as refuse_as
from newscrawl.export.exporters import FORMATS, TooManyRows, write_rows
from newscrawl.sites import SITES


def _day(name: str, value: str | None) -> date | None:
    return day("export", name, value)


def refuse(message: str):
    refuse_as("export", message)


def _match(value: str, names, what: str) -> str:
    """``value`` as one of ``names``, whatever its case; a usage error listing them otherwise."""
    found = {n.lower(): n for n in names}
    if value.lower() not in found:
        refuse(f"unknown {what} {value!r}: one of {', '.join(sorted(set(names), key=str.lower)) or '(none)'}")
    return found[value.lower()]


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self):
        return "-o FILE [--site SITE] [--section SECTION] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--query WORDS]"

    def short_desc(self):
        return "Export the archive to CSV, JSON, JSON Lines or Excel (xlsx), ordered by publication time"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("-o", "--output", required=True, help="FILE.csv, FILE.json, FILE.jsonl or FILE.xlsx")
        parser.add_argument("--format", choices=sorted(set(FORMATS.values())), help="override the file extension")
        parser.add_argument("--site", help="only this site, e.g. elaph")
        parser.add_argument("--section", help="only this section, e.g. News")
        parser.add_argument("--since", help="published on or after this day")
        parser.add_argument("--until", help="published on or before this day")
        parser.add_argument("--query", help="stories holding all these words in headline, summary or body")

    @staticmethod
    def _filters(store, site: str | None, section: str | None) -> tuple[str | None, str | None]:
        """--site and --section as the archive spells them, refusing names that match nothing:
        a typo must not export 0 rows and exit 0."""
        archived = store.sites_and_sections()
        if site:
            site = _match(site, [*SITES, *archived], "site")
        if section:
            sites = [site] if site else sorted({*SITES, *archived})
            known = [s for name in sites for s in (*(SITES[name].sections if name in SITES else ()),
                                                   *archived.get(name, ()))]
            section = _match(section, known, "section" + (f" of {site}" if site else ""))
        return site, section

    def run(self, args, opts):
        if args:
            refuse(f"unexpected argument {args[0]!r}: give the file with -o")
        output = Path(opts.output)
        fmt = opts.format or FORMATS.get(output.suffix.lower())
        if fmt is None:
            refuse(f"-o {output}: give a .csv, .json, .jsonl or .xlsx file, or --format")
        since, until = _day("since", opts.since), _day("until", opts.until)
        if since and until and since > until:
            refuse(f"--since {since} is after --until {until}")
        start = datetime.combine(since, time(), UTC) if since else None
        end = datetime.combine(until, time(), UTC) + timedelta(days=1) if until else None
        url = archive_url(self.settings)
        if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
            print(f"scrapy export: no archive at {url.removeprefix('sqlite:///')} (run from the directory your "
                  "crawls run in, or set NEWSCRAWL_DATA_DIR / NEWSCRAWL_ARCHIVE_URL)", file=sys.stderr)
            self.exitcode = 1
            return
        try:
            store = open_store(url, read_only=True)  # never writes, so a read-only archive exports too
        except ArchiveError as error:
            print(f"scrapy export: {error}", file=sys.stderr)
            self.exitcode = 1
            return
        try:
            site, section = self._filters(store, opts.site, opts.section)
            rows = store.articles(site=site, section=section, since=start, until=end, query=opts.query)
            count = write_rows(rows, output, fmt, self.settings.getbool("NEWSCRAWL_CSV_NEUTRALISE"))
        except OSError as error:
            print(f"scrapy export: cannot write {output}: {error.strerror or error}; "
                  f"nothing was changed there", file=sys.stderr)
            self.exitcode = 1
            return
        except TooManyRows as error:  # an Excel sheet is full: no file rather than a broken one
            print(f"scrapy export: {error}; nothing was written to {output}", file=sys.stderr)
            self.exitcode = 1
            return
        except store.Error as error:  # a damaged archive, found while reading it
            print(f"scrapy export: cannot read the archive {store.name}: {error}; nothing was written to {output}",
                  file=sys.stderr)
            self.exitcode = 1
            return
        finally:
            store.close()
        print(f"exported {count} stories to {output}")
