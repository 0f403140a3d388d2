"""Fetch and route: the spider's arguments, which listing pages and articles a run asks for
(the frontier), reading listings, and the downloader middlewares that see every response
first (retries, blocked pages, misdeclared encodings, robots.txt, WARC replay)."""
