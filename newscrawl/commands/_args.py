"""What newscrawl's own commands (export, reextract, stats) share: usage errors as one
line and exit status 2 (argparse would print the usage too), and day arguments."""

from __future__ import annotations

import sys
from datetime import date


def refuse(command: str, message: str):
    print(f"scrapy {command}: {message}", file=sys.stderr)
    raise SystemExit(2)


def day(command: str, name: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        refuse(command, f"--{name} {value}: expected a date YYYY-MM-DD")
