"""A thin static server for the offline mirror, bound to 127.0.0.1.

It maps the site's URL shapes onto the files that build.py wrote: ``/Web/News/`` to
``Web/News/index.html``, ``?page=N`` to ``index-N.html``, API paths to ``<page>.json``.
Any other query string (tracking parameters) is ignored, as the real site ignores it.
"""

from __future__ import annotations

import posixpath
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

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)


def make_server(root: Path, port: int = 0, verbose: bool = False) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(MirrorHandler, directory=str(root)))
    server.daemon_threads = True
    server.verbose = verbose
    return server
