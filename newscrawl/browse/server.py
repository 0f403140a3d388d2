"""Datasette over the SQLite archive, opened read-only, with the metadata shipped beside
this file and the plugin in ``plugin.py``; ``serve`` is what ``scrapy browse`` runs."""

from __future__ import annotations

import socket
import sqlite3
import webbrowser
from pathlib import Path

import uvicorn
import yaml
from datasette.app import Datasette
from datasette.plugins import pm

from newscrawl.archive import ArchiveError
from newscrawl.archive.sqlite import SQLiteStore
from newscrawl.browse import plugin

METADATA = Path(__file__).with_name("metadata.yml")
# What metadata.yml calls the archive: Datasette names a database after its file.
SHIPPED_NAME = "newscrawl"


def metadata(database: str) -> dict:
    """The shipped metadata, for an archive file that Datasette names ``database``."""
    data = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    data["databases"] = {database: data["databases"][SHIPPED_NAME]}
    return data


def check(path: Path) -> None:
    """Raise ArchiveError unless ``path`` is a newscrawl archive with the ``stories`` view.
    Nothing is written: an archive from an older newscrawl is upgraded by the next crawl,
    not by a browser."""
    store = SQLiteStore(path, read_only=True)  # refuses other files and newer archives
    try:
        views = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    except sqlite3.Error as error:
        raise ArchiveError(f"{path} is not a usable newscrawl archive ({error})") from None
    finally:
        store.close()
    if "stories" not in views:
        raise ArchiveError(f"{path} was written by an older newscrawl: the next scrapy crawl upgrades it "
                           "(browsing only reads it)")


def app(path: Path) -> Datasette:
    """Datasette over the archive at ``path``. Not immutable: Datasette then opens it with
    SQLite's mode=ro, which reads the WAL, so stories a running crawl commits show up."""
    if not pm.is_registered(plugin):  # the entry point has registered it when pip-installed
        pm.register(plugin, name="newscrawl")
    name = Path(path).stem  # the name Datasette gives the file (Database.suggest_name)
    # Long cells cut at 300 characters (Datasette's default, 2 048, makes each row of the
    # list a page of body text); the JSON and CSV links give whole cells.
    return Datasette([str(path)], metadata=metadata(name), settings={"truncate_cells_html": 300})


def serve(path: Path, host: str = "127.0.0.1", port: int = 8001, open_browser: bool = False) -> None:
    """Serve the archive until interrupted. The first line printed is the stories' URL
    (with ``port`` 0, the port the system chose); ``open_browser`` opens it too."""
    check(path)
    datasette = app(path)
    # Bound here rather than by uvicorn so that the URL, real port included, is known and
    # printed before serving starts; listening before it is printed, so that whoever opens
    # it at once (a browser, `--open`) waits in the backlog until uvicorn accepts, instead
    # of being refused while uvicorn starts.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(socket.SOMAXCONN)
    address = f"[{host}]" if family == socket.AF_INET6 else host
    url = f"http://{address}:{sock.getsockname()[1]}{datasette.urls.table(Path(path).stem, 'stories')}"
    print(url, flush=True)
    if open_browser:
        webbrowser.open(url)
    config = uvicorn.Config(datasette.app(), log_level="warning", lifespan="on")
    uvicorn.Server(config).run(sockets=[sock])
