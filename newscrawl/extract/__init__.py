"""Field extraction from article pages: site layouts, JSON-LD, meta, generic text.

Each source is a function from the page's lxml tree to a dict of raw field values;
``chain.extract_article`` asks them in order, field by field.
"""
