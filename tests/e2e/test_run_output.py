"""What a `scrapy crawl` of the mirror leaves on a terminal (a pseudo-terminal here), in
LOG_FILE, and on a redirected stderr (cron): the progress line never has log text glued
onto it, Scrapy's dumps wait for -L DEBUG or LOG_FILE, and the run ends with its summary."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import time
from pathlib import Path

from tests.conftest import archived_urls, crawl_command, run_crawl, scrapy_env

PROGRESS = re.compile(r"pages \d+ \| articles \d+ \| duplicates \d+ \| errors \d+ \| [\d.]+ pages/s")
LOG_RECORD = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \[[\w.]+\] [A-Z]+: ")
DUMPS = ("Enabled extensions:", "Enabled item pipelines:", "Overridden settings:", "Versions:")
# The line is redrawn every 50 ms, so nearly every log record finds it on screen.
FAST = ("-s", "NEWSCRAWL_PROGRESS_INTERVAL=0.05")


def on_terminal(workdir: Path, *args: str, timeout: float = 300) -> tuple[int, str]:
    """`scrapy crawl elaph ARGS` with its stdout and stderr on a pseudo-terminal; its exit
    status and everything it wrote there."""
    primary, secondary = pty.openpty()
    process = subprocess.Popen(crawl_command("elaph", *args), cwd=workdir, env=scrapy_env(), stdin=subprocess.DEVNULL,
                               stdout=secondary, stderr=secondary)
    os.close(secondary)
    output, deadline = b"", time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if not select.select([primary], [], [], 1)[0]:
                continue
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
        else:
            process.kill()
    finally:
        os.close(primary)
    return process.wait(timeout=30), output.decode("utf-8", "replace")


def screen(output: str) -> list[str]:
    """The lines as a terminal shows them: a carriage return goes back to the line's start,
    ESC[K erases to its end, later characters overwrite earlier ones."""
    output = re.sub(r"\x1b\[[0-9;]*m", "", output)  # colours, if colorlog is installed
    lines, line, column, i = [], [], 0, 0
    while i < len(output):
        if output.startswith("\x1b[K", i):
            del line[column:]
            i += 3
            continue
        char = output[i]
        if char == "\r":
            column = 0
        elif char == "\n":
            lines.append("".join(line))
            line, column = [], 0
        else:
            line[column:column + 1] = [char]
            column += 1
        i += 1
    return lines + (["".join(line)] if line else [])


def summary_block(lines: list[str]) -> list[str]:
    """The closing summary: from its "elaph: run …" line to the end."""
    start = max(i for i, line in enumerate(lines) if line.startswith("elaph: run "))
    return [line for line in lines[start:] if line]


def assert_nothing_glued(lines: list[str]) -> None:
    """The progress line alone on its line, and a log record only at a line's start."""
    for line in lines:
        if "pages/s" in line:
            assert PROGRESS.fullmatch(line), f"log text on the progress line: {line!r}"
        records = LOG_RECORD.findall(line)
        assert not records or (len(records) == 1 and LOG_RECORD.match(line)), f"glued: {line!r}"


def test_a_terminal_run_is_quiet_and_ends_with_its_summary(mirror, tmp_path):
    status, output = on_terminal(tmp_path, "-a", f"base_url={mirror.url}", *FAST)
    assert status == 0, output[-3000:]
    lines = screen(output)
    assert_nothing_glued(lines)
    assert any(PROGRESS.fullmatch(line) for line in lines)  # the line was there to be glued onto
    assert not [dump for dump in (*DUMPS, "Dumping Scrapy stats:", "Crawled 0 pages") if dump in output]
    assert sum(bool(LOG_RECORD.match(line)) for line in lines) < 20, "\n".join(lines)  # it was 200

    block = summary_block(lines)  # the last lines: nothing but the summary after its first
    assert block[0] == "elaph: run ok (exit 0)" and all(line.startswith("  ") for line in block[1:]), block
    fields = {line[2:15].strip(): line[15:] for line in block[1:]}
    archived = archived_urls(tmp_path)
    assert fields["archived"].startswith(f"{len(archived)} new stories")
    assert fields["duplicates"].startswith("2 (headline 2)")
    assert fields["failures"] == "none" and fields["errors"].startswith("0 in ")
    for section in {a["section"] for a in mirror.articles}:
        assert re.fullmatch(r"complete back to \d{4}-\d{2}-\d{2}", fields[section]), (section, block)
    exports = {str(p.relative_to(tmp_path)) for p in (tmp_path / "archive/elaph").iterdir()
               if p.is_file() and not p.name.endswith(".summary.json")}
    assert set(fields["new stories"].split(", ")) == exports and len(exports) >= 2  # CSV and JSON Lines at least
    assert (tmp_path / fields["summary"]).is_file() and fields["summary"].endswith(".summary.json")
    assert fields["archive"] == "archive/newscrawl.sqlite3"

    # -L DEBUG brings Scrapy's dumps back, still without gluing them onto the line.
    status, output = on_terminal(tmp_path, "-a", f"base_url={mirror.url}", "-L", "DEBUG", *FAST)
    assert status == 0, output[-3000:]
    lines = screen(output)
    assert_nothing_glued(lines)
    for dump in (*DUMPS, "Dumping Scrapy stats:"):
        assert f"DEBUG: {dump}" in output, dump
    block = summary_block(lines)
    assert block[0] == "elaph: run ok (exit 0)" and block[1].split() == ["archived", "0", "new", "stories"]
    assert not any(line.startswith("  new stories") for line in block)  # nothing new: no files


def test_log_file_keeps_every_dump_and_the_terminal_keeps_the_summary(mirror, tmp_path):
    log = tmp_path / "run.log"
    status, output = on_terminal(tmp_path, "-a", f"base_url={mirror.url}", "--logfile", str(log), *FAST)
    assert status == 0, output[-3000:]
    written = log.read_text(encoding="utf-8")
    for dump in (*DUMPS, "Dumping Scrapy stats:", "Crawled 0 pages"):
        assert f"INFO: {dump}" in written, dump
    assert "complete back to" in written and "Spider closed (finished)" in written
    lines = [line for line in screen(output) if line]
    assert not [line for line in lines if LOG_RECORD.search(line)]  # the log went to the file
    block = summary_block(lines)
    assert all(PROGRESS.fullmatch(line) for line in lines[:-len(block)])
    assert block[1].split()[:2] == ["archived", str(len(archived_urls(tmp_path)))]


def test_cron_sees_plain_log_lines_with_the_stats_and_no_dumps(mirror, tmp_path):
    """stderr redirected, no LOG_FILE: what `2>> cron.log` without --logfile receives."""
    done = run_crawl(tmp_path, "-a", f"base_url={mirror.url}", "-a", "sections=Sports")
    assert done.returncode == 0, done.stderr[-3000:]
    assert "\r" not in done.stderr and "\x1b" not in done.stderr
    assert not [dump for dump in DUMPS if dump in done.stderr]
    assert "INFO: Dumping Scrapy stats:" in done.stderr  # its only record of the numbers
    assert "complete back to" in done.stderr and "run ok: " in done.stderr
    assert "elaph: run ok (exit 0)" not in done.stderr  # the closing summary is for terminals
    assert done.stderr.rstrip().splitlines()[-1].endswith("INFO: Spider closed (finished)")
