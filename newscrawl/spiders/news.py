"""scrapy crawl news -a url=https://example.com/ — any news site, without a site module."""

from newscrawl.sites.generic import GenericSite
from newscrawl.spiders.base import SiteSpider


class NewsSpider(SiteSpider):
    name = "news"
    generic = True
    site = GenericSite.for_url("https://example.invalid/")  # replaced per run by -a url

    def __init__(self, *args, **kwargs):
        self.site = GenericSite.for_url(str(kwargs.get("url") or "https://example.invalid/"))
        super().__init__(*args, **kwargs)
