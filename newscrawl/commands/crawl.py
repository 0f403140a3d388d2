"""`scrapy crawl` that checks the spider's arguments before starting anything.

Scrapy would build the crawler, open the feeds and print a traceback for a bad ``-a``;
this prints one line naming the argument and its accepted form, and exits with 2.
"""

from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand

from newscrawl.params import ArgumentError

EXIT_BAD_ARGUMENTS = 2


class Command(ScrapyCrawlCommand):
    def run(self, args, opts):
        if len(args) == 1 and self.crawler_process is not None:
            try:
                spidercls = self.crawler_process.spider_loader.load(args[0])
            except KeyError:
                spidercls = None
            validate = getattr(spidercls, "validate_arguments", None)
            if validate is not None:
                try:
                    validate(opts.spargs)
                except ArgumentError as error:
                    print(f"scrapy crawl {args[0]}: {error}", file=sys.stderr)
                    self.exitcode = EXIT_BAD_ARGUMENTS
                    return
        super().run(args, opts)
