"""Feed URI parameters shared by every export of one run."""

from .runs import run_stamp


def uri_params(params: dict, spider) -> dict:
    """Add %(run)s: the run's start time (UTC), the same for the CSV and the JSON Lines
    file, unlike Scrapy's %(time)s which each feed reads from the clock when it opens."""
    params["run"] = run_stamp(spider.crawler)
    return params
