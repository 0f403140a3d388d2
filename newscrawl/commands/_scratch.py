"""What Scrapy's inspection commands (parse, shell, check) change here: they run the
spider and its pipelines on pages to show what would come out, and must leave the archive,
the exports and the run summaries as they were."""

from __future__ import annotations


def scratch(settings) -> None:
    # The crawl's archive becomes a throwaway in-memory one (newscrawl.archive.crawl_archive).
    settings.set("NEWSCRAWL_ARCHIVE_SCRATCH", True, priority="cmdline")
    settings.set("NEWSCRAWL_SUMMARY_PATH", "", priority="cmdline")
    settings.set("NEWSCRAWL_RUN_EXPORTS", {}, priority="cmdline")
    settings.set("NEWSCRAWL_WARC", False, priority="cmdline")
