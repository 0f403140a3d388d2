"""newscrawl: clean, deduplicated archives of Arabic news sites.

The folders follow a page's path: ``fetch`` (arguments, frontier, listings, middlewares),
``extract`` (fields from a page), ``text`` (pure Arabic text functions), ``archive`` (dedup and
the store), ``raw`` (WARC capture and re-extraction), ``export`` (files for analysts); ``run``
holds run control, ``spiders``, ``sites``, ``commands`` and ``extensions`` what Scrapy loads."""

from newscrawl import _moved

__version__ = "0.2.0"

_moved.install()
