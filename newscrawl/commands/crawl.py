"""`scrapy crawl`, made safe for cron.

Before anything starts it checks the spider's arguments (one line and exit 2 for a bad
one, instead of a traceback), takes the run lock for this spider and archive (exit 75 if
another run holds it, touching nothing) and checks that the archive is usable (exit 4).
After the run it exits with the RunMonitor's verdict (0 ok, 3 failed): see
newscrawl.run.monitor. On a terminal the run ends with a few lines saying how it went
(newscrawl.run.report), and Scrapy's start-up and stats dumps wait for -L DEBUG or
LOG_FILE (newscrawl.run.console).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError
from scrapy.spiderloader import get_spider_loader

from newscrawl.archive import ArchiveError, archive_url, data_dir, open_store
from newscrawl.fetch.params import ArgumentError
from newscrawl.run.addons import distributed_redis_url
from newscrawl.run.console import quiet_scrapy_dumps
from newscrawl.run.lock import RunLock, lock_path
from newscrawl.run.monitor import (
    EXIT_ARCHIVE_UNUSABLE,
    EXIT_BAD_ARGUMENTS,
    EXIT_LOCKED,
    EXIT_OUTPUT_UNWRITABLE,
)
from newscrawl.run.report import archive_location, human_summary, shown_path
from newscrawl.run.runs import run_stamp
from newscrawl.run.settings_check import output_dirs, settings_problem, unwritable


class Command(ScrapyCrawlCommand):
    lock: RunLock | None = None

    def process_options(self, args, opts):
        """Runs before Scrapy starts logging or builds anything: the place to refuse."""
        super().process_options(args, opts)
        # Settings are final here (-L, --logfile, -s) and Scrapy has not logged yet.
        quiet_scrapy_dumps(self.settings, terminal=sys.stderr.isatty())
        if len(args) != 1:
            return
        name = args[0]
        try:
            spidercls = get_spider_loader(self.settings).load(name)
        except KeyError:
            return  # Scrapy's own run() reports an unknown spider
        validate = getattr(spidercls, "validate_arguments", None)
        if validate is not None:
            try:
                validate(opts.spargs)
            except ArgumentError as error:
                self._refuse(name, str(error), EXIT_BAD_ARGUMENTS)
        problem = settings_problem(self.settings)
        if problem:
            self._refuse(name, problem, EXIT_BAD_ARGUMENTS)
        url = archive_url(self.settings)
        redis_url = distributed_redis_url(self.settings)
        if redis_url:
            # Workers of a shared job run together by design; Redis coordinates them.
            from newscrawl.run.distributed import redis_problem  # redis and scrapy-redis: only when used

            problem = redis_problem(redis_url)
            if problem:
                self._refuse(name, problem, EXIT_ARCHIVE_UNUSABLE)
        else:
            self.lock = RunLock(lock_path(url, str(data_dir(self.settings)), name))
            try:
                acquired = self.lock.acquire()
            except OSError as error:
                self._refuse(name, f"cannot write in the archive's folder {self.lock.path.parent}: "
                                   f"{error.strerror or error} (the run lock goes there)", EXIT_ARCHIVE_UNUSABLE)
            if not acquired:
                self._refuse(name, f"another {name} run holds {self.lock.path} ({self.lock.holder()}); not starting",
                             EXIT_LOCKED)
        for directory in output_dirs(self.settings, name):
            why = unwritable(directory)
            if why:
                self._release()
                self._refuse(name, f"cannot write exports to {directory}: {why}", EXIT_OUTPUT_UNWRITABLE)
        try:
            store = open_store(url)  # creates it, or upgrades an older one in place
            try:
                store.check()
            finally:
                store.close()
        except ArchiveError as error:
            self._release()
            self._refuse(name, str(error), EXIT_ARCHIVE_UNUSABLE)

    def _release(self):
        if self.lock:
            self.lock.release()

    @staticmethod
    def _refuse(name: str, message: str, status: int):
        print(f"scrapy crawl {name}: {message}", file=sys.stderr)
        raise SystemExit(status)

    def run(self, args, opts):
        if len(args) != 1:
            raise UsageError
        name = args[0]
        try:
            crawler = self._create_crawler(name)
            self.crawler_process.crawl(crawler, **opts.spargs)
            self.crawler_process.start()
            if self.crawler_process.bootstrap_failed:
                self.exitcode = 1
            else:
                stats = crawler.stats
                self.exitcode = stats.get_value("newscrawl/exit_status") or 0
                if sys.stderr.isatty():  # cron's stderr gets no summary: its log and the JSON say it
                    self._print_summary(crawler, name)
                problem = stats.get_value("newscrawl/archive_error")
                if problem:
                    self.exitcode = self.exitcode or EXIT_ARCHIVE_UNUSABLE
                    # The last line, for cron's mail: what went wrong and that nothing is lost.
                    print(f"scrapy crawl {name}: {problem}; stopped after archiving "
                          f"{stats.get_value('newscrawl/archived', 0)} stories this run, which are kept",
                          file=sys.stderr)
        finally:
            self._release()

    def _print_summary(self, crawler, name: str) -> None:
        """The run's closing lines, from the summary the RunMonitor wrote; none when it
        wrote none (the monitor switched off, or a full disk, which the log reports)."""
        if crawler.stats.get_value("start_time") is None:  # the spider never opened: no run to sum up
            return
        params = {"name": name, "run": run_stamp(crawler), "data_dir": str(data_dir(self.settings))}

        def expand(template) -> Path | None:  # as the monitor and RunExports expand them
            try:
                return Path(template % params)
            except (TypeError, ValueError, KeyError):
                return None

        path = expand(self.settings.get("NEWSCRAWL_SUMMARY_PATH"))
        try:
            summary = json.loads(path.read_text(encoding="utf-8")) if path else None
        except (ValueError, OSError):
            summary = None
        if not summary:
            return
        cwd = Path.cwd()
        exports = (expand(t) for t in self.settings.getdict("NEWSCRAWL_RUN_EXPORTS"))
        files = [shown_path(f, cwd) for f in exports if f and f.exists()]
        lines = human_summary(summary, files, shown_path(path, cwd), archive_location(archive_url(self.settings), cwd))
        print("\n".join(lines), file=sys.stderr, flush=True)
