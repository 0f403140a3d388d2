"""Shared test helpers: an offline mirror served over real HTTP, and real `scrapy crawl` runs."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Mirror:
    url: str
    root: Path

    @property
    def articles(self) -> list[dict]:
        return json.loads((self.root / "manifest.json").read_text(encoding="utf-8"))["articles"]

    def by_path(self) -> dict[str, dict]:
        return {a["path"]: a for a in self.articles}

    def story_groups(self) -> list[set[str]]:
        """Paths that are one story: an original and its duplicate copies."""
        groups = {a["path"]: {a["path"]} for a in self.articles if not a["duplicate_of"]}
        for a in self.articles:
            if a["duplicate_of"]:
                groups[a["duplicate_of"]].add(a["path"])
        return list(groups.values())


def missing(problem: str) -> None:
    """A tool or server a test needs is not there: skip, saying what is missing — but under
    CI=true fail, as a skipped test proves nothing (.ci/run installs and starts them all)."""
    if os.environ.get("CI") == "true":
        pytest.fail(problem)
    pytest.skip(problem)


def assert_each_story_once(rows: list[dict], mirror: Mirror, articles: list[dict] | None = None) -> None:
    """Every story of ``articles`` (default: the whole mirror) archived exactly once,
    whichever of its copies the crawl reached first, and nothing else."""
    wanted = {a["path"] for a in (articles if articles is not None else mirror.articles)}
    paths = [row["url"].removeprefix(mirror.url) for row in rows]
    assert len(paths) == len(set(paths)), "a URL was exported twice"
    assert set(paths) <= wanted, set(paths) - wanted
    for group in mirror.story_groups():
        if group & wanted:
            assert len(group & set(paths)) == 1, (group, group & set(paths))


def archived_urls(workdir: Path) -> list[str]:
    """The URLs in the SQLite archive under ``workdir`` ([] before a crawl has made its tables)."""
    db = sqlite3.connect(workdir / "archive" / "newscrawl.sqlite3")
    try:
        return [row[0] for row in db.execute("SELECT url FROM articles")]
    except sqlite3.OperationalError:
        return []
    finally:
        db.close()


def serve(root: Path, *options: str):
    """Start `python -m newscrawl.mirror serve --port 0` and read its URL back."""
    process = subprocess.Popen(
        [sys.executable, "-m", "newscrawl.mirror", "serve", "--port", "0", "--root", str(root), *options],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
    )
    url = process.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:"), url
    return process, url


@pytest.fixture(scope="session")
def mirror():
    from newscrawl.mirror import MIRROR_DIR

    process, url = serve(MIRROR_DIR)
    yield Mirror(url, MIRROR_DIR)
    process.terminate()
    process.wait()


@pytest.fixture(scope="session")
def unseen_mirror(tmp_path_factory):
    from newscrawl.mirror.build import build

    root = tmp_path_factory.mktemp("unseen")
    build(root, unseen_layout=True)
    process, url = serve(root)
    yield Mirror(url, root)
    process.terminate()
    process.wait()


@dataclass
class CrawlResult:
    returncode: int
    stdout: str
    stderr: str
    workdir: Path
    spider: str = "elaph"

    def export(self, suffix: str) -> Path:
        files = sorted((self.workdir / "archive" / self.spider).glob(f"*{suffix}"))
        assert len(files) == 1, files
        return files[0]

    def rows(self) -> list[dict]:
        with self.export(".jsonl").open(encoding="utf-8") as lines:
            return [json.loads(line) for line in lines]

    def csv_rows(self) -> list[dict]:
        with self.export(".csv").open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))


def scrapy_env() -> dict:
    return {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings",
            "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}


def crawl_command(spider: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "scrapy", "crawl", spider, *args]


def run_crawl(workdir: Path, *args: str, spider: str = "elaph", timeout: int = 300) -> CrawlResult:
    """`scrapy crawl` in a subprocess, in ``workdir``, as a user would type it."""
    done = subprocess.run(crawl_command(spider, *args), cwd=workdir, env=scrapy_env(),
                          capture_output=True, text=True, timeout=timeout)
    return CrawlResult(done.returncode, done.stdout, done.stderr, workdir, spider)


@pytest.fixture(scope="session")
def mirror_crawl(mirror, tmp_path_factory):
    """One full crawl of the bundled mirror, shared by the tests that only read it."""
    result = run_crawl(tmp_path_factory.mktemp("crawl"), "-a", f"base_url={mirror.url}")
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def run_export(workdir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scrapy", "export", *args], cwd=workdir, env=scrapy_env(),
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def served(tmp_path):
    """Serve the bundled mirror with extra server options; stops it afterwards."""
    from newscrawl.mirror import MIRROR_DIR

    processes = []

    def start(*options: str) -> Mirror:
        process, url = serve(MIRROR_DIR, *options)
        processes.append(process)
        return Mirror(url, MIRROR_DIR)

    yield start
    for process in processes:
        process.terminate()
        process.wait()


@pytest.fixture(scope="session")
def standard_mirror(tmp_path_factory):
    """The standards-following site (sitemaps, feed, JSON-LD), in generic URL shapes."""
    from newscrawl.mirror.standard import build_standard

    root = tmp_path_factory.mktemp("standard")
    build_standard(root, "generic")
    process, url = serve(root)
    yield Mirror(url, root)
    process.terminate()
    process.wait()


@pytest.fixture(scope="session")
def alarabiya_mirror(tmp_path_factory):
    from newscrawl.mirror.standard import build_standard

    root = tmp_path_factory.mktemp("alarabiya")
    build_standard(root, "alarabiya")
    process, url = serve(root)
    yield Mirror(url, root)
    process.terminate()
    process.wait()


def read_only(folder: Path, command: list[str]) -> list[str]:
    """``command`` run where ``folder`` truly cannot be written: as root (CI), in a mount
    namespace of its own with ``folder`` bind-mounted read-only over itself (root writes
    through permissions); as anyone else, with the folder's write permissions removed."""
    if os.geteuid() == 0:
        return ["unshare", "--mount", "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$@"', str(folder), *command]
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    return command
