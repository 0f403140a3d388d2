"""Every newscrawl setting in one place. Override with -s NAME=VALUE or a settings file."""

from newscrawl.items import EXPORT_FIELDS

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"
COMMANDS_MODULE = "newscrawl.commands"

# --- politeness -------------------------------------------------------------------
# Who to contact about this crawler; part of the User-Agent unless USER_AGENT is set.
NEWSCRAWL_CONTACT = "https://github.com/newscrawl/newscrawl"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_SLOTS = {
    "elaph.com": {"concurrency": 2, "delay": 1.0},
    "api.elaph.com": {"concurrency": 1, "delay": 1.0},
}
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 3
NEWSCRAWL_RETRY_BACKOFF_BASE = 1.0
NEWSCRAWL_RETRY_BACKOFF_MAX = 30.0
DOWNLOADER_MIDDLEWARES = {
    # Imports (-a warc=…) answer from the WARC record, before robots.txt or the network.
    "newscrawl.fetch.middlewares.WarcReplayMiddleware": 50,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newscrawl.fetch.middlewares.EveryRequestRobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newscrawl.fetch.middlewares.BackoffRetryMiddleware": 550,
    # After decompression (590), before the retry middleware reads the text (550).
    "newscrawl.fetch.middlewares.CharsetMiddleware": 580,
}
REDIRECT_MAX_TIMES = 5  # a redirect loop costs five requests, not twenty
# Fetch as a real browser (TLS/HTTP2 fingerprint) through scrapy-impersonate, for sites
# that block plain HTTP clients: set to a browser name such as "chrome". Off by default.
NEWSCRAWL_IMPERSONATE = ""
ADDONS = {"newscrawl.run.addons.Impersonation": 0, "newscrawl.run.addons.Distributed": 0}

# Distributed mode (off unless set; see README "Several processes, one archive"):
# the shared Redis job, and when a silent worker counts as dead (its requests requeued).
NEWSCRAWL_REDIS_URL = ""
NEWSCRAWL_WORKER_HEARTBEAT = 2.0
NEWSCRAWL_WORKER_DEAD_AFTER = 15.0

# Listing pages are fetched ahead of the articles already queued while fewer requests
# than this wait in the scheduler, behind them beyond it. Always behind, the crawl sat
# idle after every wave of articles, waiting for the next listing pages (a quarter of
# its wall time on the benchmark mirror); always ahead, the queue would hold every
# article of a section at once. 500 waiting requests cost about half a megabyte.
# Scrapy applies priorities within a host: listings on another host (Elaph's API) are
# neither held back nor bounded by this.
NEWSCRAWL_LISTINGS_AHEAD_BELOW = 500

# Items in flight per response. An article page yields one item; Scrapy starts this many
# workers for every callback's output, so its default of 100 is pure overhead here.
CONCURRENT_ITEMS = 8

# --- items ------------------------------------------------------------------------
# Order: clean (100) → language (150) → validate (200) → dedup and archive (300, one transaction).
ITEM_PIPELINES = {
    "newscrawl.pipelines.CleanTextPipeline": 100,
    "newscrawl.pipelines.LanguagePipeline": 150,
    "newscrawl.pipelines.RequiredFieldsPipeline": 200,
    "newscrawl.pipelines.ArchivePipeline": 300,
}

# An article URL that failed this many runs (HTTP errors, timeouts, blocks, not HTML) is
# not requested again, unless -a refresh=1: a link broken for good must not fail every run.
NEWSCRAWL_GIVE_UP_AFTER_FAILURES = 2
# A paragraph seen on this many distinct stories of a site is its furniture, dropped from
# bodies (newscrawl.extract.learned; 0 turns the learning off).
NEWSCRAWL_FURNITURE_MIN_STORIES = 6
# A body shorter than this is an error or placeholder page, not a story.
NEWSCRAWL_MIN_BODY_WORDS = 15

# --- archive ----------------------------------------------------------------------
# The archive is the source of truth for dedup across runs and for `scrapy export`.
# A relative path is taken from the Scrapy project's root (the folder holding scrapy.cfg),
# or the working directory outside a project; exports and summaries go under it too.
NEWSCRAWL_DATA_DIR = "archive"
# Default: sqlite:///<NEWSCRAWL_DATA_DIR>/newscrawl.sqlite3
NEWSCRAWL_ARCHIVE_URL = None
# Store classes by archive URL scheme, merged over newscrawl.archive.DEFAULT_STORES
# (sqlite, postgresql, postgres), as FEED_STORAGES is over Scrapy's defaults.
NEWSCRAWL_ARCHIVE_STORES = {}
# Set by `scrapy parse`, `shell` and `check`: the crawl's archive is a throwaway in-memory
# one, so looking at pages never writes to the real archive.
NEWSCRAWL_ARCHIVE_SCRATCH = False
# A SQLite archive commits the crawl's writes together, this often (seconds), not story by
# story: an item passes the pipeline once its story is committed, and a crash loses at
# most this long's stories, which stay due and are fetched by the next run. 0: each alone.
NEWSCRAWL_ARCHIVE_COMMIT_SECONDS = 0.5
# A headline repeated within this many days of publication is the same story.
NEWSCRAWL_DEDUP_WINDOW_DAYS = 7

# --- exports ----------------------------------------------------------------------
# Each run's files, written from the archive when the run ends (newscrawl.extensions.
# exports): the stories it archived, as the archive holds them. Path template → format
# (csv: UTF-8 with a BOM, so Excel reads the Arabic, lists joined with «; »; jsonlines).
# A run that archives nothing writes none.
NEWSCRAWL_RUN_EXPORTS = {
    "%(data_dir)s/%(name)s/%(run)s.csv": "csv",
    "%(data_dir)s/%(name)s/%(run)s.jsonl": "jsonlines",
}
# -o/-O and FEEDS export the items as they pass, as in any Scrapy project.
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = EXPORT_FIELDS
FEED_URI_PARAMS = "newscrawl.export.feeds.uri_params"
# xlsx: -o x.xlsx / -O x.xlsx write an Excel workbook (docs/exports.md, Excel); -o on an
# existing workbook replaces it with a warning (newscrawl.export.feeds.WHOLE_FILE_FORMATS).
FEED_EXPORTERS = {"csv": "newscrawl.export.exporters.SafeCsvItemExporter",
                  "xlsx": "newscrawl.export.xlsx.XlsxItemExporter"}
FEED_STORAGES = {"": "newscrawl.export.feeds.AtomicFileFeedStorage",
                 "file": "newscrawl.export.feeds.AtomicFileFeedStorage"}
# CSV cells that start like a formula (= + - @, tab, CR) get a leading apostrophe so
# spreadsheets show them as text. JSON and JSON Lines keep the exact text.
NEWSCRAWL_CSV_NEUTRALISE = True

SPIDER_MIDDLEWARES = {
    # An archive that cannot be written (full disk) stops the run with one line.
    "newscrawl.fetch.middlewares.ArchiveErrorMiddleware": 50,
}

# --- raw pages -------------------------------------------------------------------
# Every response, as sent, with its request, in WARC files under <data dir>/<site>/warc/
# (newscrawl.extensions.capture); NEWSCRAWL_WARC_DIR puts them elsewhere (shared storage
# for distributed workers). A new file after this many bytes.
NEWSCRAWL_WARC = True
NEWSCRAWL_WARC_DIR = ""
NEWSCRAWL_WARC_MAX_BYTES = 1024 * 1024 * 1024

# --- monitoring -------------------------------------------------------------------
# Scrapy's in-memory stats, without a per-attribute indirection that costs more than
# the counting (newscrawl/run/stats.py).
STATS_CLASS = "newscrawl.run.stats.StatsCollector"
EXTENSIONS = {
    "newscrawl.extensions.capture.WarcCapture": 480,
    "newscrawl.extensions.exports.RunExports": 490,
    "newscrawl.extensions.monitor.RunMonitor": 500,
    "newscrawl.extensions.progress.ProgressLine": 510,
}
# Each run's summary (JSON), next to its exports.
NEWSCRAWL_SUMMARY_PATH = "%(data_dir)s/%(name)s/%(run)s.summary.json"
# A run fails (exit status 3) past these thresholds.
NEWSCRAWL_MAX_ERROR_RATE = 0.2
# More than this share of article pages blocked (403, 429, challenge pages) fails the run.
NEWSCRAWL_MAX_BLOCKED_SHARE = 0.5
NEWSCRAWL_MIN_FIELD_COVERAGE = {"headline": 0.95, "body": 0.9, "published": 0.9}
# Live progress line: "auto" shows it when stderr is a terminal; "on" or "off" force it.
NEWSCRAWL_PROGRESS = "auto"
NEWSCRAWL_PROGRESS_INTERVAL = 1.0

LOG_LEVEL = "INFO"
# Unattended runs need no listening ports.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
