"""Run control: settings checked before a crawl, one run at a time per archive, the stats
collector, the verdict of a finished run and the summary a terminal run ends with, what
the console shows of Scrapy's log, the add-ons, and distributed mode over Redis."""
