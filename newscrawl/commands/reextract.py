"""scrapy reextract SITE — re-derive archived rows from the pages kept in WARC files.

No network: each row's page is read from its WARC record (newscrawl.extensions.capture)
and goes through the current extraction, cleaning and learned furniture again; rows that
come out different are updated in place, with the extractor version that made them. The
command says how many rows changed and in which fields. Rows archived before pages were
kept have no record and stay as they are.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, time, timedelta

from scrapy.commands import ScrapyCommand

from newscrawl.archive import ArchiveError, archive_url, open_store
from newscrawl.commands._args import day, refuse
from newscrawl.extensions.capture import warc_folder
from newscrawl.raw.reextract import reextract
from newscrawl.run.settings_check import settings_problem
from newscrawl.sites import SITES


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self):
        return "SITE [--section SECTION] [--since YYYY-MM-DD] [--until YYYY-MM-DD]"

    def short_desc(self):
        return "Re-derive archived rows from the pages kept in WARC files, without the network"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--section", help="only this section, e.g. News")
        parser.add_argument("--since", help="published on or after this day")
        parser.add_argument("--until", help="published on or before this day")

    def run(self, args, opts):
        if len(args) != 1 or args[0] not in SITES:
            refuse("reextract", f"give one site: {', '.join(sorted(SITES))}")
        site = SITES[args[0]]
        since, until = day("reextract", "since", opts.since), day("reextract", "until", opts.until)
        if since and until and since > until:
            refuse("reextract", f"--since {since} is after --until {until}")
        if opts.section and opts.section.lower() not in {s.lower() for s in site.sections}:
            refuse("reextract", f"--section {opts.section}: one of {', '.join(site.sections)}")
        section = next((s for s in site.sections if opts.section and s.lower() == opts.section.lower()), None)
        problem = settings_problem(self.settings)
        if problem:
            refuse("reextract", problem)
        try:
            store = open_store(archive_url(self.settings))
        except ArchiveError as error:
            print(f"scrapy reextract: {error}", file=sys.stderr)
            self.exitcode = 4
            return
        try:
            report = reextract(
                store, site, warc_folder(self.settings, site.name), section=section,
                since=datetime.combine(since, time(), UTC) if since else None,
                until=datetime.combine(until, time(), UTC) + timedelta(days=1) if until else None,
                min_stories=self.settings.getint("NEWSCRAWL_FURNITURE_MIN_STORIES"),
                window=timedelta(days=self.settings.getfloat("NEWSCRAWL_DEDUP_WINDOW_DAYS")))
        except ArchiveError as error:
            print(f"scrapy reextract: {error}", file=sys.stderr)
            self.exitcode = 4
            return
        finally:
            store.close()
        fields = ", ".join(f"{name} {count}" for name, count in report.fields.most_common()) or "none"
        print(f"re-extracted {report.rows - report.without_page} of {report.rows} rows: {report.changed} changed "
              f"(fields: {fields}); {report.merged} merged into the row they copy, {report.split} split off "
              f"into rows of their own, {report.restoried} moved to another story; "
              f"{report.without_page} have no kept page")
