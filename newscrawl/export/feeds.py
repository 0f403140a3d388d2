"""Feed storage and URI parameters for the per-run export files."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from scrapy import Spider
from scrapy.extensions.feedexport import FileFeedStorage

from newscrawl.archive import data_dir
from newscrawl.run.runs import run_stamp

logger = logging.getLogger(__name__)

# Formats whose file is one whole document (a zip): bytes added at its end break it rather
# than add rows. -o on an existing one replaces it, with a warning, as Scrapy's own S3 and
# GCS storages do with appends they cannot make; nothing is lost, the archive keeps every
# story and `scrapy export -o all.xlsx` writes them all.
WHOLE_FILE_FORMATS = frozenset({"xlsx"})


def uri_params(params: dict, spider: Spider) -> dict:
    """Add %(run)s: the run's start time (UTC), the same for the CSV and the JSON Lines
    file, unlike Scrapy's %(time)s which each feed reads from the clock when it opens;
    and %(data_dir)s, NEWSCRAWL_DATA_DIR resolved (newscrawl.archive.data_dir)."""
    params["run"] = run_stamp(spider.crawler)
    params["data_dir"] = str(data_dir(spider.crawler.settings))
    return params


class AtomicFileFeedStorage(FileFeedStorage):
    """Local files written under a temporary name and moved into place when the feed is
    complete, so a crash or a full disk never leaves a half export under the real name.
    Appending to an existing file (-o without overwrite) writes in place, as Scrapy does,
    except in WHOLE_FILE_FORMATS, which cannot be appended to."""

    def __init__(self, uri, *, feed_options=None):
        super().__init__(uri, feed_options=feed_options)
        self.format = (feed_options or {}).get("format")

    def open(self, spider):
        target = Path(self.path)
        self.partial = None
        if self.write_mode == "ab" and target.exists():
            if self.format not in WHOLE_FILE_FORMATS:
                return super().open(spider)
            logger.warning("-o %s: an %s file cannot be appended to, so it is replaced (use -O to say so; "
                           "`scrapy export -o FILE` writes every archived story)", target, self.format)
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
