"""Feed storage and URI parameters for the per-run export files."""

from __future__ import annotations

import os
from pathlib import Path

from scrapy.extensions.feedexport import FileFeedStorage

from .archive import data_dir
from .runs import run_stamp


def uri_params(params: dict, spider) -> dict:
    """Add %(run)s: the run's start time (UTC), the same for the CSV and the JSON Lines
    file, unlike Scrapy's %(time)s which each feed reads from the clock when it opens;
    and %(data_dir)s, NEWSCRAWL_DATA_DIR resolved (newscrawl.archive.data_dir)."""
    params["run"] = run_stamp(spider.crawler)
    params["data_dir"] = str(data_dir(spider.crawler.settings))
    return params


class AtomicFileFeedStorage(FileFeedStorage):
    """Local files written under a temporary name and moved into place when the feed is
    complete, so a crash or a full disk never leaves a half export under the real name.
    Appending to an existing file (-o without overwrite) writes in place, as Scrapy does."""

    def open(self, spider):
        target = Path(self.path)
        self.partial = None
        if self.write_mode == "ab" and target.exists():
            return super().open(spider)
        target.parent.mkdir(parents=True, exist_ok=True)
        self.partial = target.with_name(f".{target.name}.part")
        return self.partial.open("wb")

    def store(self, file):
        if self.partial is None:
            return super().store(file)
        file.flush()
        os.fsync(file.fileno())
        file.close()
        os.replace(self.partial, self.path)
        return None
