"""Helpers the benchmark scripts share: build and serve a mirror of N articles."""

from __future__ import annotations

import hashlib
import inspect
import json
import random
import shutil
import subprocess
import sys
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _builder(real_weight: bool) -> str:
    """A fingerprint of what builds a mirror: newscrawl/mirror's files, and weigh_down for
    real weight. A mirror built by other code is built again, not measured."""
    digest = hashlib.sha1()
    for path in sorted((REPO / "newscrawl" / "mirror").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes())
    if real_weight:
        digest.update(inspect.getsource(weigh_down).encode())
    return digest.hexdigest()


def mirror(count: int, root: Path, real_weight: bool = False) -> Path:
    """A mirror of ``count`` articles under ``root`` (built once, then reused while the
    code that builds it is unchanged). With ``real_weight`` every article page also
    carries the page furniture of a real news site (see weigh_down)."""
    out = root / f"mirror-{count}{'-real-weight' if real_weight else ''}"
    builder, stamp = _builder(real_weight), out / "builder.sha1"
    if (out / "manifest.json").exists() and stamp.exists() and stamp.read_text() == builder:
        return out
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "newscrawl.mirror", "build", "--count", str(count), "--out", str(out)],
                   cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    if real_weight:
        for article in articles(out):
            page = out / "site" / article["path"].lstrip("/")
            page.write_text(weigh_down(page.read_text(encoding="utf-8")), encoding="utf-8")
    stamp.write_text(builder)
    return out


_CHROME_WORDS = ("الحكومة الاقتصاد الرياضة الثقافة العالم الخليج مصر لبنان سوريا العراق السعودية تقارير "
                 "حوارات آراء صحة تكنولوجيا فن سينما كتب منوعات").split()


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(_CHROME_WORDS) for _ in range(count))


def weigh_down(html: str, seed: int = 7) -> str:
    """An article page with what a real news page carries around the article: scripts,
    a two-level menu, a ticker, a sidebar of teasers, ad slots and a footer of link
    columns — about 50 KB and 640 elements, near the median of the eight real pages in
    tests/realpages (62 KB, 690 elements); the mirror's own pages weigh 6 KB and 76.
    It holds no article link and no date and leaves the article's own markup as it was,
    so a crawl fetches the same pages and archives the same stories (a smoke test in
    tests/benchmarks checks it)."""
    rng = random.Random(seed)
    script = "".join(f"var a{i}=function(x){{return x*{i}+'{_words(rng, 2)}';}};window.dataLayer=window.dataLayer||[];"
                     for i in range(40))
    head = "".join(f"<script>{script}</script>" for _ in range(3)) + \
        "".join(f'<link rel="stylesheet" href="/css/s{i}.css">' for i in range(8))
    menu = "".join(f'<li class="menu-item"><a href="/Web/News/"><span>{_words(rng, 1)}</span></a><ul class="sub-menu">'
                   + "".join(f'<li><a href="/Web/News/">{_words(rng, 2)}</a></li>' for _ in range(5)) + "</ul></li>"
                   for _ in range(12))
    social = "".join(f'<li><a href="#"><i class="icon icon-{i}"></i></a></li>' for i in range(6))
    ticker = "".join(f'<li><a href="/Web/News/">{_words(rng, 8)}</a></li>' for _ in range(10))
    top = (f'<div class="top-bar"><div class="container"><ul class="social">{social}</ul></div></div>'
           f'<nav class="main-menu"><ul>{menu}</ul></nav>'
           f'<div class="breaking"><span>عاجل</span><ul>{ticker}</ul></div>')
    teasers = "".join(f'<div class="teaser"><a href="/Web/News/"><img src="/img/{i}.jpg" alt="{_words(rng, 4)}"></a>'
                      f'<div class="teaser-body"><h4><a href="/Web/News/">{_words(rng, 9)}</a></h4>'
                      f'<p>{_words(rng, 20)}</p></div></div>' for i in range(20))
    ads = "".join(f'<div class="ad-slot" id="ad-{i}"><ins class="adsbygoogle" data-ad-slot="{i}"></ins>'
                  f'<script>(adsbygoogle=window.adsbygoogle||[]).push({{}});</script></div>' for i in range(6))
    columns = "".join(f"<div class=\"col\"><h5>{_words(rng, 1)}</h5><ul>"
                      + "".join(f'<li><a href="/Web/News/">{_words(rng, 2)}</a></li>' for _ in range(20))
                      + "</ul></div>"
                      for _ in range(4))
    bottom = (f'<aside class="sidebar"><h3>{_words(rng, 2)}</h3>{teasers}</aside>{ads}'
              f'<div class="site-footer"><div class="footer-links">{columns}</div></div>'
              + "".join(f"<script>{script}</script>" for _ in range(3)))
    return html.replace("</head>", head + "</head>", 1).replace("<body>", "<body>" + top, 1) \
        .replace("</body>", bottom + "</body>", 1)


def serve(root: Path, *options: str) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen([sys.executable, "-m", "newscrawl.mirror", "serve", "--port", "0", "--root", str(root),
                                *options], cwd=REPO, stdout=subprocess.PIPE, text=True)
    return process, process.stdout.readline().strip()


def articles(root: Path) -> list[dict]:
    return json.loads((root / "manifest.json").read_text(encoding="utf-8"))["articles"]


class TreeSampler(threading.Thread):
    """Samples a running process and its descendants from /proc every ``interval`` seconds:
    the peak of their resident memory added up (what the machine must hold; wait4's
    ru_maxrss is only the largest single process)."""

    def __init__(self, pid: int, interval: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_rss_mb = 0.0
        self.stopped = threading.Event()

    def _tree(self, pid: int) -> list[int]:
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            return [pid]
        return [pid, *(p for child in children for p in self._tree(int(child)))]

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            total_kb = 0
            for pid in self._tree(self.pid):
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                total_kb += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
            self.peak_rss_mb = max(self.peak_rss_mb, total_kb / 1024)

    def stop(self) -> None:
        self.stopped.set()
        self.join()
