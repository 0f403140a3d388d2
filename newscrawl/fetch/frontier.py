"""The crawl frontier: what a run should fetch, decided from what the archive records.

A paged listing (a site's JSON API or an HTML section listing, one per section: a
*stream*) is walked from its first page, newest stories first. A walk that reaches the end
of its listing — or a page whose last story the stream has been walked from to the end
before — without a gap makes every article URL it saw *covered*: from there on, the
listing down to its end has been read. The next walk stops at the first page that ends on
a covered URL, so an hourly run over an unchanged site reads one listing page per stream.

A walk that does not get there (cut by max_pages, by `since`, by a listing page that
failed, by the end of the run) covers nothing: the next run walks past its stretch and on
to the end, fetching only what the archive lacks. A story newer than `until` is a gap: the
walk covers only what lies below the last gap. Page numbers play no part — HTML listings
shift as stories are added — only the URLs seen, so the same stretch is recognised on
whichever page it now starts.

Every article URL a listing names that the archive lacks is recorded as *due* in the same
transaction as the page, and stays due until it is archived (or found to copy an archived
story) or has failed NEWSCRAWL_GIVE_UP_AFTER_FAILURES times. Each run requests what is due
first: a run killed between reading a listing and fetching its articles loses nothing.

Sitemaps and feeds are read whole on every run and need no coverage.
"""

from __future__ import annotations

import uuid
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from newscrawl.fetch.params import CrawlParams

# Reasons a walk ended, as the run summary gives them.
COMPLETE = "complete"  # reached the end of its listing or a covered stretch
INTERRUPTED = "interrupted"  # the run ended before the walk did
CUT_MAX_PAGES = "max_pages"
CUT_SINCE = "since"
GAPPED = "complete below the newest story `until` let in"
LOOPED = "complete (the next link loops back)"
FAILED = "a listing page failed"


@dataclass(frozen=True)
class Walk:
    """One walk down a stream's listing; its listing requests carry it (JOBDIR and the
    distributed queue keep it with them), and the archive holds what it has seen."""

    stream: str
    id: str
    started: datetime
    page: int = 1
    gapped: bool = False  # a story newer than `until` lies above what it covers


@dataclass(frozen=True)
class Fetch:
    """An article URL to request, with what its listing said of it."""

    url: str
    listing_time: datetime | None
    # Named by a listing that says it is an article (sitemap, feed, API, a link in the
    # site's article URL shape), not only linked: enough, with a headline and an
    # article's length of text, to take the page for an article.
    listed: bool


@dataclass(frozen=True)
class PageDecision:
    fetch: list[Fetch]  # article URLs to request
    next: Walk | None  # the walk at the next page, to request; None: the walk ends here
    ended: str | None  # why it ends


def stream_name(site: str, source: str, section: str | None) -> str:
    return f"{site} {source} {section or '-'}"


class Frontier:
    """The policy above, over one archive store, for one site and one run's arguments."""

    def __init__(self, store, site, params: CrawlParams, *, origin: str, give_up_after: int, count=None,
                 note=None):
        self.store = store
        self.site = site
        self.params = params
        self.origin = origin
        self.give_up_after = give_up_after
        self.count = count or (lambda key: None)  # counts a run statistic, newscrawl/<key>
        self.note = note or (lambda key, value: None)  # sets one
        self.requested: set[str] = set()  # article URLs this run has requested already
        self.sections = {s.lower() for s in params.sections}

    # --- which stories a run wants ------------------------------------------------------

    def wanted(self, url: str | None, published: datetime | None) -> str:
        """"take", "ignore" (not an article of the run's sections), "newer" (after
        `until`) or "older" (before `since`), from the listing's time or the URL's month."""
        if url is None or not self._in_sections(url):
            return "ignore"
        month = self.site.url_month(url)
        first, last = (date(*month, 1), date(*month, monthrange(*month)[1])) if month else (None, None)
        day = published.date() if published else None
        if self.params.since and (day or last) and (day or last) < self.params.since:
            return "older"
        if self.params.until and (day or first) and (day or first) > self.params.until:
            return "newer"
        return "take"

    def outside_window(self, day: date) -> bool:
        return bool(self.params.since and day < self.params.since or self.params.until and day > self.params.until)

    def _in_sections(self, url: str) -> bool:
        section = self.site.section_of(url)
        return section is None or not self.site.sections or section.lower() in self.sections

    def to_fetch(self, entries: list[tuple[str | None, datetime | None]], listed: bool) -> list[Fetch]:
        """Of a page's (url, listing time) entries the run wants, those to request: the
        archive lacks them and they have not failed too often (all, with refresh). Due
        from now on."""
        taken = [(u, t) for u, t in entries if self.wanted(u, t) == "take"]
        fetch = [Fetch(u, t, listed) for u, t in self._fetchable(taken)]
        self.store.add_due(self._due(fetch), datetime.now(UTC))
        return fetch

    def _fetchable(self, taken):
        if self.params.refresh:
            fetch = {u: t for u, t in taken if u not in self.requested}
            self.requested.update(fetch)
            return list(fetch.items())
        known = self.store.url_states([u for u, _ in taken])
        fetch = {}
        for url, when in taken:
            archived, failures = known[url]
            if url in self.requested:
                continue
            if archived is not None:
                self.count("articles/skipped_archived")
            elif failures >= self.give_up_after:
                self.count("articles/given_up")
            else:
                fetch.setdefault(url, when)
        self.requested.update(fetch)
        return list(fetch.items())

    def _due(self, fetch: list[Fetch]):
        return [(f.url, self.site.name, f.listing_time, f.listed) for f in fetch]

    def due(self) -> list[Fetch]:
        """What earlier runs found and could not archive yet, that this run wants (a URL
        recorded under another origin — a mirror moved to another port — is not)."""
        due = {}
        for url, when, listed in self.store.due(self.site.name, self.give_up_after):
            if self.site.canonical_url(url, self.origin) == url and self.wanted(url, when) == "take":
                due[url] = Fetch(url, when, listed)
        self.requested.update(due)
        return list(due.values())

    # --- walks ---------------------------------------------------------------------------

    def start_walk(self, source: str, section: str | None) -> Walk:
        stream = stream_name(self.site.name, source, section)
        self.note(f"walk/{stream}/ended", INTERRUPTED)
        return Walk(stream, uuid.uuid4().hex, datetime.now(UTC))

    def forget_old_walks(self, before: datetime) -> None:
        self.store.forget_walks(f"{self.site.name} ", before)

    def read_page(self, walk: Walk, entries: list[tuple[str | None, datetime | None]], has_next: bool,
                  looped: bool = False, listed: bool = True) -> PageDecision:
        """Record one listing page of ``walk`` and decide what follows it; ``listed``: see Fetch."""
        restart, older, walked = False, False, []
        for url, when in entries:
            verdict = self.wanted(url, when)
            if verdict == "newer":  # a gap: the walk covers only what lies below it
                restart, walked = True, []
            elif verdict == "older":
                older = True
            elif verdict == "take":
                walked.append((url, when))
        fetch = [Fetch(u, t, listed) for u, t in self._fetchable(walked)]
        urls = [u for u, _ in walked]
        reached_covered = bool(urls) and not self.params.refresh and bool(self.store.covered(walk.stream, urls[-1:]))
        if older:
            ended = CUT_SINCE
        elif reached_covered or not has_next:
            ended = COMPLETE
        elif looped:
            ended = LOOPED
        elif self.params.max_pages is not None and walk.page >= self.params.max_pages:
            ended = CUT_MAX_PAGES
        else:
            ended = None
        gapped = walk.gapped or restart
        if ended in (COMPLETE, LOOPED) and gapped:
            ended = GAPPED
        complete = ended in (COMPLETE, LOOPED, GAPPED)
        now = datetime.now(UTC)
        self.store.record_page(walk.id, walk.stream, walk.started, urls, self._due(fetch), restart=restart,
                               complete=complete, now=now)
        self.count(f"walk/{walk.stream}/pages")
        self.note(f"walk/{walk.stream}/ended", ended or INTERRUPTED)
        following = replace(walk, page=walk.page + 1, gapped=gapped) if ended is None else None
        return PageDecision(fetch, next=following, ended=ended)

    def listing_failed(self, walk: Walk) -> None:
        self.note(f"walk/{walk.stream}/ended", FAILED)


def is_complete(ended: str) -> bool:
    """Whether a walk that ended so leaves the archive holding every story of its listing."""
    return ended in (COMPLETE, LOOPED)
