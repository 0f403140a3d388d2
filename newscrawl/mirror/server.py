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

from newscrawl.mirror import faults


class MirrorHandler(SimpleHTTPRequestHandler):
    extensions_map = {".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8",
                      ".json": "application/json", ".txt": "text/plain; charset=utf-8", ".xml": "application/xml",
                      # Article pages of the standard mirror have extension-less paths.
                      "": "text/html; charset=utf-8"}

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
        path = urlsplit(self.path).path
        if options.delay:
            time.sleep(options.delay)
        if ARTICLE_PAGE.match(path) and options.broken_articles:
            return self.answer(200, ERROR_PAGE.encode())
        if ARTICLE_PAGE.match(path) and options.blocked_articles:
            return self.answer(200, CHALLENGE_PAGE.encode())
        if options.faults is not None and self.faulty(path, options):
            return None
        return super().do_GET()

    def answer(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
               headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def page(self, path: str) -> str:
        return Path(self.translate_path(path)).read_text(encoding="utf-8")

    def faulty(self, path: str, options: MirrorOptions) -> bool:
        """Answer ``path`` as the fault plan says; False to serve it normally."""
        if path == "/robots.txt":
            disallowed = [p for p, k in options.faults.items() if k == "robots_disallowed"]
            text = self.page(path) + "".join(f"Disallow: {p}\n" for p in disallowed)
            self.answer(200, text.encode(), "text/plain; charset=utf-8")
            return True
        if path == "/":
            links = [faults.MISSING, faults.LOOP[0], faults.FOREIGN]
            links += [faults.old_url(p) if k == "old_url" else p for p, k in options.faults.items()]
            extra = "".join(f'<a href="{href}">رابط</a>' for href in links)
            self.answer(200, self.page(path).replace("</main>", f"<div class=\"more\">{extra}</div></main>").encode())
            return True
        if path in faults.LOOP:
            self.answer(302, b"", headers={"Location": faults.LOOP[1 - faults.LOOP.index(path)]})
            return True
        canonical = options.old_urls.get(path)
        if canonical:
            self.answer(301, b"", headers={"Location": canonical})
            return True
        kind = options.faults.get(path)
        if kind is None or kind in ("old_url", "robots_disallowed"):
            return False
        visits = options.visit(path)
        html = self.page(path)
        if kind in ("flaky_503", "throttled_429", "challenge_once", "timeout_once") and visits == 1:
            if kind == "timeout_once":
                time.sleep(options.timeout_delay)
                return False
            status = {"flaky_503": 503, "throttled_429": 429, "challenge_once": 200}[kind]
            body = CHALLENGE_PAGE if kind == "challenge_once" else "<html><body>Service Unavailable</body></html>"
            self.answer(status, body.encode(), headers={"Retry-After": "1"} if status == 429 else None)
            return True
        if kind == "slow":
            time.sleep(1.0)
            return False
        if kind == "always_500":
            self.answer(500, b"<html><body>Internal Server Error</body></html>")
        elif kind == "blocked_403":
            self.answer(403, b"<html><body><h1>403 Forbidden</h1>Access denied</body></html>")
        elif kind == "challenge_always":
            self.answer(200, CHALLENGE_PAGE.encode())
        elif kind == "not_html":
            self.answer(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "application/pdf")
        elif kind == "oversized":
            self.answer(200, (html + "<!--" + "x" * (9 * 1024 * 1024) + "-->").encode())
        elif kind == "broken_markup":
            self.answer(200, html.replace("</p>", "").split("</article>")[0].encode())
        else:
            codec = "windows-1256" if kind.startswith("cp1256") else "iso-8859-6"
            body = META_CHARSET.sub("", html)
            if kind == "cp1256_meta":
                body = body.replace("<head>", f'<head><meta charset="{codec}">', 1)
            header = {"cp1256_header": f"text/html; charset={codec}", "iso88596_header": f"text/html; charset={codec}",
                      "cp1256_false_utf8": "text/html; charset=utf-8"}.get(kind, "text/html")
            self.answer(200, body.encode(codec, errors="xmlcharrefreplace"), header)
        return True

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        if self.server.options.verbose:
            super().log_message(format, *args)


ARTICLE_PAGE = re.compile(r"^/(?:amp/)?Web/[A-Za-z]+/\d{4}/\d{1,2}/\d+\.html?$")
META_CHARSET = re.compile(r'<meta charset="utf-8">|<meta http-equiv="Content-Type" content="text/html; charset=utf-8">')
ERROR_PAGE = "<html><head><title>خطأ</title></head><body><div>حدث خطأ</div></body></html>"
CHALLENGE_PAGE = ("<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
                  "<div id=\"challenge-running\">Checking your browser before accessing the site.</div>"
                  "<noscript>Please enable JavaScript and cookies to continue</noscript>"
                  "<script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1\"></script></body></html>")


class MirrorOptions:
    """How the server misbehaves, for tests: every answer delayed, article pages broken
    or blocked, the fault plan of faults.py, every requested path appended to a log."""

    def __init__(self, delay: float = 0.0, broken_articles: bool = False, access_log: Path | None = None,
                 verbose: bool = False, fault_plan: dict[str, str] | None = None, blocked_articles: bool = False,
                 timeout_delay: float = 4.0):
        self.delay, self.broken_articles, self.verbose = delay, broken_articles, verbose
        self.blocked_articles, self.timeout_delay = blocked_articles, timeout_delay
        self.access_log = access_log
        self.faults = fault_plan
        self.old_urls = {faults.old_url(p): p for p, k in (fault_plan or {}).items() if k == "old_url"}
        self._visits: dict[str, int] = {}
        self._lock = threading.Lock()

    def record(self, path: str) -> None:
        if self.access_log:
            with self._lock, open(self.access_log, "a", encoding="utf-8") as log:
                log.write(path + "\n")

    def visit(self, path: str) -> int:
        with self._lock:
            self._visits[path] = self._visits.get(path, 0) + 1
            return self._visits[path]


def make_server(root: Path, port: int = 0, options: MirrorOptions | None = None) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(MirrorHandler, directory=str(root)))
    server.daemon_threads = True
    server.options = options or MirrorOptions()
    return server
