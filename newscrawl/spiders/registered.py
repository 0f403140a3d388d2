"""One spider per registered site: `scrapy crawl <site>` for every module in SITES."""

from newscrawl.sites import SITES
from newscrawl.spiders.base import SiteSpider

for _name, _site in SITES.items():
    _spider = type(f"{_name.title()}Spider", (SiteSpider,), {
        "name": _name, "site": _site, "__module__": __name__,
        "__doc__": f"scrapy crawl {_name} — everything about the site is in newscrawl/sites/{_name}.py."})
    globals()[_spider.__name__] = _spider

del _name, _site, _spider
