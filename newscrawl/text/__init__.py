"""Arabic text functions: pure, no Scrapy import."""
