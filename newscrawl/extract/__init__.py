"""Field extraction from article pages: site layouts, JSON-LD, meta, generic text.

Each source is a function from the page's lxml tree to a dict of raw field values;
``chain.extract_article`` asks them in order, field by field.
"""

# Recorded on every archived row; raise it when extraction or cleaning changes what a page
# gives, so re-extracted rows (scrapy reextract) say which version made them.
EXTRACTOR_VERSION = "2026.12.06"
