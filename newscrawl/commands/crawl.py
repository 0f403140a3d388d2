"""`scrapy crawl` that checks the spider's arguments before starting anything.

Scrapy would start logging, build the crawler, open the feeds and print a traceback
for a bad ``-a``; this prints one line naming the argument and its accepted form, and
exits with status 2 before any of that.
"""

from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.spiderloader import get_spider_loader

from newscrawl.params import ArgumentError

EXIT_BAD_ARGUMENTS = 2


class Command(ScrapyCrawlCommand):
    def process_options(self, args, opts):
        super().process_options(args, opts)
        if len(args) != 1:
            return
        try:
            spidercls = get_spider_loader(self.settings).load(args[0])
        except KeyError:
            return  # Scrapy's own run() reports an unknown spider
        validate = getattr(spidercls, "validate_arguments", None)
        if validate is None:
            return
        try:
            validate(opts.spargs)
        except ArgumentError as error:
            print(f"scrapy crawl {args[0]}: {error}", file=sys.stderr)
            raise SystemExit(EXIT_BAD_ARGUMENTS) from None
