"""Feed URI parameters shared by every export of one run."""


def uri_params(params: dict, spider) -> dict:
    """Add %(run)s: the run's start time (UTC), the same for the CSV and the JSON Lines
    file, unlike Scrapy's %(time)s which each feed reads from the clock when it opens."""
    start = spider.crawler.stats.get_value("start_time")
    params["run"] = start.strftime("%Y-%m-%dT%H-%M-%SZ")
    return params
