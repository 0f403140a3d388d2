"""Export: archive rows into the files analysts open (CSV safe in a spreadsheet, JSON, JSON
Lines), each written whole under a temporary name, the feed storage for the run's files, and
the `scrapy stats --chart` PNG."""
