"""python -m newscrawl.mirror serve|build — serve the offline mirror, or rebuild it."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from newscrawl.mirror import MIRROR_DIR
from newscrawl.mirror.build import build
from newscrawl.mirror.faults import plan
from newscrawl.mirror.server import MirrorOptions, make_server
from newscrawl.mirror.standard import build_standard


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newscrawl.mirror")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve a mirror on 127.0.0.1; prints its URL")
    serve.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    serve.add_argument("--root", type=Path, default=MIRROR_DIR, help="a directory written by build")
    serve.add_argument("--verbose", action="store_true", help="log every request")
    serve.add_argument("--delay", type=float, default=0.0, help="seconds to wait before every answer")
    serve.add_argument("--broken-articles", action="store_true", help="answer article pages with an error page")
    serve.add_argument("--access-log", type=Path, help="append every requested path to this file")
    serve.add_argument("--faults", action="store_true", help="misbehave as newscrawl/mirror/faults.py plans")
    serve.add_argument("--blocked-articles", action="store_true", help="answer article pages with a challenge page")
    make = commands.add_parser("build", help="write a mirror (pages and manifest.json)")
    # Required: a build never writes into the installed package (to refresh the bundled mirror
    # from a checkout: --out newscrawl/mirror/elaph).
    make.add_argument("--out", type=Path, required=True)
    make.add_argument("--count", type=int, default=120, help="number of articles")
    make.add_argument("--published-until", type=lambda v: datetime.fromisoformat(v).replace(tzinfo=UTC),
                      help="YYYY-MM-DD: leave out later stories")
    make.add_argument("--unseen-layout", action="store_true", help="article pages in a markup no site module knows")
    make.add_argument("--markup-seed", type=int, metavar="N",
                      help="with --unseen-layout: vary each article's markup (furniture, comments, bylines, "
                           "datelines) from seed N; the manifest records each page's truth")
    standard = commands.add_parser("standard", help="write a standards-following site (sitemaps, feed, JSON-LD)")
    standard.add_argument("--out", type=Path, required=True)
    standard.add_argument("--flavour", choices=("generic", "alarabiya"), default="generic")
    args = parser.parse_args(argv)

    if args.command == "standard":
        rows = build_standard(args.out, args.flavour)
        print(f"wrote {len(rows)} articles to {args.out}")
        return 0

    if args.command == "build":
        if args.markup_seed is not None and not args.unseen_layout:
            parser.error("--markup-seed varies the unseen layout: add --unseen-layout")
        stories = build(args.out, args.count, args.unseen_layout, args.published_until, args.markup_seed)
        print(f"wrote {len(stories)} articles to {args.out}")
        return 0
    site = args.root / "site"
    if not site.is_dir():
        parser.error(f"--root {args.root}: no site/ directory; run 'python -m newscrawl.mirror build' first")
    fault_plan = None
    if args.faults:
        articles = json.loads((args.root / "manifest.json").read_text(encoding="utf-8"))["articles"]
        fault_plan = plan(articles)
    options = MirrorOptions(args.delay, args.broken_articles, args.access_log, args.verbose, fault_plan,
                            args.blocked_articles)
    server = make_server(site, args.port, options)
    host, port = server.server_address[:2]
    print(f"http://{host}:{port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
