"""python -m newscrawl.demo — crawl the bundled offline mirror into ./archive/elaph/.

Starts the mirror on a free 127.0.0.1 port, runs `scrapy crawl elaph -a base_url=...`
exactly as a user would, and exits with the crawl's status. Extra arguments are passed
to `scrapy crawl` (for example `-a sections=News`).
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from newscrawl.mirror import SITE_DIR
from newscrawl.mirror.server import make_server

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    server = make_server(SITE_DIR)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    command = [sys.executable, "-m", "scrapy", "crawl", "elaph", "-a", f"base_url=http://{host}:{port}", *argv]
    print("offline mirror at", f"http://{host}:{port}", "\nrunning:", " ".join(command[2:]), flush=True)
    try:
        status = subprocess.run(command, cwd=REPO).returncode
    finally:
        server.shutdown()
    summaries = sorted((REPO / "archive" / "elaph").glob("*.summary.json"))
    if summaries:
        run = summaries[-1].name.removesuffix(".summary.json")
        written = sorted((REPO / "archive" / "elaph").glob(f"{run}.*"))
        print("this run wrote:", *(str(p.relative_to(REPO)) for p in written), sep="\n  ")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
