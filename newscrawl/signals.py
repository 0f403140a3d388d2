"""newscrawl's own signals, sent through the crawler's signal manager like Scrapy's."""

# An article page could not be fetched or read: (url, reason), the reason as the run
# summary lists it ("HTTP 500", "DownloadTimeoutError: …", "not HTML: application/pdf").
article_unreachable = object()

# A fetched page was judged not an article: (url, reason), as the run summary lists it
# ("no headline", "12 words of text, fewer than an article's 15", "linked only, …").
page_not_an_article = object()
