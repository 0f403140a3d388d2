"""Scrapy extensions: run monitoring and the live progress line."""
