"""scrapy stats SITE — what the archive holds, as a table: stories per section per month,
each field's coverage, and the last runs' verdicts (kept in the archive, so every machine
that shares it sees them). Opens the archive read-only. `--chart FILE.png` draws the same
as a chart (newscrawl.export.chart; matplotlib, the optional extra "charts")."""

from __future__ import annotations

import sys
from pathlib import Path

from scrapy.commands import ScrapyCommand

from newscrawl.archive import ArchiveError, archive_url, open_store
from newscrawl.commands._args import refuse as refuse_as
from newscrawl.export.chart import chart_data, folder_problem, matplotlib_missing, recent_months, write_chart
from newscrawl.sites import SITES

FIELDS = ("headline", "body", "published", "dateline", "authors", "summary", "image_url")


def refuse(message: str):
    refuse_as("stats", message)


def table(header: list[str], rows: list[list]) -> str:
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows, strict=False)]

    def line(cells) -> str:
        return "  ".join(str(c).ljust(w) if i in (0, len(cells) - 1) and isinstance(c, str) else str(c).rjust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)])


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self):
        return "SITE [--months N] [--chart FILE.png]"

    def short_desc(self):
        return "Stories per section per month, field coverage and the last runs' verdicts, from the archive"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--months", type=int, default=12, help="the last N months (default 12)")
        parser.add_argument("--chart", metavar="FILE.png", help="also draw the same as a chart into FILE.png")

    def run(self, args, opts):
        if len(args) != 1:
            refuse(f"give one site: {', '.join(sorted(SITES))}")
        if opts.chart:  # refused before the archive is read, as any bad argument
            if Path(opts.chart).suffix.lower() != ".png":
                refuse(f"--chart {opts.chart}: give a .png file")
            missing = matplotlib_missing()
            if missing:
                refuse(missing)
            problem = folder_problem(Path(opts.chart))
            if problem:  # before the tables, so a cron report fails with this one line
                return self.cannot_write(Path(opts.chart), problem)
        try:
            store = open_store(archive_url(self.settings), read_only=True)
        except ArchiveError as error:
            print(f"scrapy stats: {error}", file=sys.stderr)
            self.exitcode = 4
            return
        try:
            known = store.sites_and_sections()
            site = next((s for s in known if s.lower() == args[0].lower()), None)
            if site is None:
                refuse(f"no stories of {args[0]!r} in the archive: one of {', '.join(sorted(known)) or '(none)'}")
            counts, coverage, total, runs = store.site_stats(site, FIELDS)
        finally:
            store.close()
        months = recent_months(counts, opts.months)
        sections = sorted({s for s, _ in counts})
        print(f"{site}: {total} stories\n")
        print(table(["month", *sections, "all"],
                    [[m, *(counts.get((s, m), 0) for s in sections), sum(counts.get((s, m), 0) for s in sections)]
                     for m in months]))
        print()
        print(table(["field", "stories with it", "share"],
                    [[f, coverage[f], f"{coverage[f] / total:.0%}" if total else "-"] for f in FIELDS]))
        print()
        print(table(["run start", "archived", "exit", "failures"],
                    [[start, archived, status, "; ".join(failures) or "ok"]
                     for start, archived, status, failures in runs])
              if runs else "no runs recorded")
        if opts.chart:
            self.chart(chart_data(site, counts, coverage, total, runs, opts.months), Path(opts.chart))

    def chart(self, data, path: Path) -> None:
        try:
            write_chart(data, path)
        except OSError as error:  # a full disk: one line, as export says it
            return self.cannot_write(path, f"{error.strerror or error}")
        print(f"\nchart written to {path}")

    def cannot_write(self, path: Path, why: str) -> None:
        print(f"scrapy stats: cannot write {path}: {why}", file=sys.stderr)
        self.exitcode = 1
