"""A thin static server for the offline mirror, bound to 127.0.0.1.

It maps the site's URL shapes onto the files that build.py wrote: ``/Web/News/`` to
``Web/News/index.html``, ``?page=N`` to ``index-N.html``, API paths to ``<page>.json``.
Any other query string (tracking parameters) is ignored, as the real site ignores it.
"""

from __future__ import annotations

import posixpath
import re
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit


class MirrorHandler(SimpleHTTPRequestHandler):
    extensions_map = {".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8",
                      ".json": "application/json", ".txt": "text/plain; charset=utf-8", "": "application/octet-stream"}

    def translate_path(self, path: str) -> str:
        parts = urlsplit(path)
        root = Path(self.directory)
        relative = posixpath.normpath(unquote(parts.path)).lstrip("/")
        if relative.startswith(".."):
            return str(root / "missing")
        target = root / relative
        page = parse_qs(parts.query).get("page", ["1"])[0]
        if target.is_dir():
            name = "index.html" if page in ("", "1") else f"index-{page}.html"
            return str(target / name)
        if not target.exists() and target.with_name(target.name + ".json").exists():
            return str(target.with_name(target.name + ".json"))
        return str(target)

    def do_GET(self) -> None:
        options: MirrorOptions = self.server.options
        options.record(self.path)
        if options.delay:
            time.sleep(options.delay)
        if options.broken_articles and ARTICLE_PAGE.match(urlsplit(self.path).path):
            body = "<html><head><title>خطأ</title></head><body><div>حدث خطأ</div></body></html>".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        if self.server.options.verbose:
            super().log_message(format, *args)


ARTICLE_PAGE = re.compile(r"^/(?:amp/)?Web/[A-Za-z]+/\d{4}/\d{1,2}/\d+\.html?$")


class MirrorOptions:
    """How the server misbehaves, for tests: every answer delayed, article pages broken,
    every requested path appended to an access log."""

    def __init__(self, delay: float = 0.0, broken_articles: bool = False, access_log: Path | None = None,
                 verbose: bool = False):
        self.delay, self.broken_articles, self.verbose = delay, broken_articles, verbose
        self.access_log = access_log
        self._lock = threading.Lock()

    def record(self, path: str) -> None:
        if self.access_log:
            with self._lock, open(self.access_log, "a", encoding="utf-8") as log:
                log.write(path + "\n")


def make_server(root: Path, port: int = 0, options: MirrorOptions | None = None) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(MirrorHandler, directory=str(root)))
    server.daemon_threads = True
    server.options = options or MirrorOptions()
    return server
