"""scrapy browse [FILE] — the archive in a web browser (Datasette), opened read-only: the
stories with facets by site, section and month, and a search that reads words as
``scrapy export --query`` does (newscrawl.browse)."""

from __future__ import annotations

import sys
from pathlib import Path

from scrapy.commands import ScrapyCommand

from newscrawl.archive import ArchiveError, archive_url
from newscrawl.commands._args import refuse as refuse_as


def refuse(message: str):
    refuse_as("browse", message)


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self):
        return "[FILE] [--port N] [--host HOST] [--open]"

    def short_desc(self):
        return "Browse the archive in a web browser (Datasette), read-only"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--port", type=int, default=8001, help="port to serve on (default 8001; 0: any free one)")
        parser.add_argument("--host", default="127.0.0.1",
                            help="address to serve on (default 127.0.0.1: this machine only)")
        parser.add_argument("--open", action="store_true", help="open the page in the default web browser")

    def run(self, args, opts):
        if len(args) > 1:
            refuse("give at most one archive file")
        if args:
            path = Path(args[0])
        else:
            url = archive_url(self.settings)
            if not url.startswith("sqlite:///"):
                refuse(f"the archive is a {url.split(':', 1)[0]} database; Datasette reads SQLite files only")
            path = Path(url.removeprefix("sqlite:///"))
        try:
            # Imported here: Datasette is optional, and Scrapy imports every command to list them.
            from newscrawl.browse.server import serve
        except ModuleNotFoundError as error:
            print(f"scrapy browse: {error.name} is not installed: pip install -r requirements.txt "
                  "(or pip install '.[datasette]')", file=sys.stderr)
            self.exitcode = 1
            return
        try:
            serve(path, opts.host, opts.port, opts.open)
        except ArchiveError as error:
            print(f"scrapy browse: {error}", file=sys.stderr)
            self.exitcode = 4
        except OSError as error:  # the port is taken, the address is not this machine's
            print(f"scrapy browse: cannot serve on {opts.host}:{opts.port}: {error.strerror or error}",
                  file=sys.stderr)
            self.exitcode = 1
