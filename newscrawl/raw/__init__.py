"""Raw pages: every response kept as fetched in WARC files, read back to re-derive the
archive's rows with no network (``scrapy reextract``) or to import pages other tools saved."""
