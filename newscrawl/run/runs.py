"""Names shared by everything one run writes."""


def run_stamp(crawler) -> str:
    """The run's start time (UTC) as it appears in its file names."""
    return crawler.stats.get_value("start_time").strftime("%Y-%m-%dT%H-%M-%SZ")
