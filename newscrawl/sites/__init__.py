"""Registry of site modules: one module per site holds everything site-specific.

A site module declares NAME, ORIGIN, HOSTS, LANGUAGE(S), TIMEZONE, SITE_NAMES, SOURCES
(any of "api", "sitemap", "feed", "html"), SITEMAPS, FEEDS, SECTIONS, LAYOUTS,
FURNITURE, NEXT_TEXTS, REQUIRE_ARTICLE_MARKUP, and the functions canonical_url,
looks_like_article, url_month, section_of and section_of_listing (plus api_url and
api_entries for "api"). Registering it here gives it a spider: `scrapy crawl <NAME>`.
"""

from . import alarabiya, elaph

SITES = {module.NAME: module for module in (elaph, alarabiya)}
