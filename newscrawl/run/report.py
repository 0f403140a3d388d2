"""The few lines a `scrapy crawl` ends with on a terminal: did the run go well, what did
it archive, how complete is each section, and where are the files.

Pure: ``human_summary`` renders the run summary the RunMonitor wrote
(newscrawl.run.monitor.summarise, plus its listings' ``complete_back_to``); the crawl
command prints it. The JSON summary stays the full record.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from urllib.parse import urlsplit

WIDTH = 13  # the label column


def _line(label: str, text: str) -> str:
    return f"  {label:<{WIDTH - 1}} {text}"


def _counted(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _pages(n: int) -> str:
    return f"{n} page" if n == 1 else f"{n} pages"


def sections(listings: Mapping[str, Mapping]) -> dict[str, str]:
    """Per section, how complete the archive is, from the run's listing walks (streams
    named "<site> <source> <section>", newscrawl.fetch.frontier): complete back to the
    oldest story any of its listings was walked to, or which walk stopped short."""
    grouped: dict[str, list[tuple[str, Mapping]]] = {}
    for stream, walk in listings.items():
        parts = stream.split(" ", 2)
        source, section = (parts[1], parts[2]) if len(parts) == 3 else ("listing", stream)
        grouped.setdefault(section, []).append((source, walk))
    found = {}
    for section, walks in sorted(grouped.items()):
        short = [(source, walk) for source, walk in walks if not walk.get("complete")]
        if short:
            found[section] = "incomplete — " + "; ".join(
                f"{source} listing: {walk.get('walk')} after {_pages(walk.get('pages', 0))}" for source, walk in short
            ) + " (the next plain run walks on)"
        else:
            dates = sorted(walk["complete_back_to"] for _, walk in walks if walk.get("complete_back_to"))
            found[section] = f"complete back to {dates[0]}" if dates else "complete"
    return found


def human_summary(summary: Mapping, files: Sequence[str], summary_file: str, archive: str) -> list[str]:
    """The closing lines for a terminal: the verdict, stories archived, duplicates,
    failures and errors, per-section completeness, and where this run's files are."""
    verdict = summary["verdict"]
    articles = summary["articles"]
    status = "ok" if verdict["ok"] else "FAILED"
    lines = [f"{summary.get('spider', 'crawl')}: run {status} (exit {verdict['exit_status']})"]
    extra = [f"{articles[k]} {label}" for k, label in (("followups", "follow-ups"), ("refreshed", "refreshed"))
             if articles.get(k)]
    lines.append(_line("archived", f"{articles['archived']} new stories" + "".join(f", {e}" for e in extra)))
    duplicates = summary.get("duplicates") or {}
    lines.append(_line("duplicates", f"{sum(duplicates.values())} ({_counted(duplicates)})" if duplicates else "0"))
    failures = verdict["failures"] or ["none"]
    lines += [_line("failures" if i == 0 else "", failure) for i, failure in enumerate(failures)]
    errors = summary.get("errors") or {}
    requests = summary.get("pages", {}).get("requests", 0)
    unreachable = summary.get("unreachable", {}).get("count", 0)
    lines.append(_line("errors", f"{sum(errors.values())} in {requests} requests"
                       + (f" ({_counted(errors)})" if errors else "")
                       + (f"; {unreachable} articles unreachable" if unreachable else "")))
    lines += [_line(section, state) for section, state in sections(summary.get("listings") or {}).items()]
    if files:
        lines.append(_line("new stories", ", ".join(files)))
    lines.append(_line("summary", summary_file))
    lines.append(_line("archive", archive))
    return lines


def shown_path(path: str | Path, cwd: Path) -> str:
    """``path`` relative to ``cwd`` when it lies below it (shorter to read), else as given."""
    path = Path(path)
    try:
        return str(path.relative_to(cwd))
    except ValueError:
        return str(path)


def archive_location(url: str, cwd: Path) -> str:
    """Where the archive is, to print: a SQLite file's path; a server's URL without its
    user and password."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        return shown_path(url.removeprefix("sqlite:///"), cwd)  # as newscrawl.archive.sqlite reads it
    return f"{parts.scheme}://{parts.hostname or ''}{f':{parts.port}' if parts.port else ''}{parts.path}"
