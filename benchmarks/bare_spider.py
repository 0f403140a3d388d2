"""The yardstick: plain Scrapy requesting a list of URLs and doing nothing with them.

    scrapy runspider benchmarks/bare_spider.py -a urls=FILE   (run outside the project)
"""

import scrapy


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, urls: str, **kwargs):
        super().__init__(**kwargs)
        with open(urls, encoding="utf-8") as handle:
            self.urls = [line.strip() for line in handle if line.strip()]

    async def start(self):
        for url in self.urls:
            yield scrapy.Request(url, dont_filter=True)

    def parse(self, response):
        return None
