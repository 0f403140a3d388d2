"""The offline Elaph mirror: generated data plus a thin local HTTP server."""

from pathlib import Path

MIRROR_DIR = Path(__file__).with_name("elaph")
SITE_DIR = MIRROR_DIR / "site"
