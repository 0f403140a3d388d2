"""`scrapy shell`, as Scrapy's, without writing to the archive, exports or run summaries."""

from scrapy.commands.shell import Command as ScrapyCommand

from newscrawl.commands._scratch import scratch


class Command(ScrapyCommand):
    def process_options(self, args, opts):
        super().process_options(args, opts)
        scratch(self.settings)
