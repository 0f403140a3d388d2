"""One run at a time per spider and archive.

The lock is an flock(2) on a file beside the archive, held for the whole run. The
kernel releases it when the process ends, however it ends, so a killed run never leaves
a stale lock behind; the file itself only records who held it last.
"""

from __future__ import annotations

import fcntl
import os
from datetime import UTC, datetime
from pathlib import Path


class RunLock:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.handle = None

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {datetime.now(UTC).isoformat(timespec='seconds')}\n")
        handle.flush()
        self.handle = handle
        return True

    def holder(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8").strip() or "unknown"
        except OSError:
            return "unknown"

    def release(self) -> None:
        if self.handle:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            self.handle.close()
            self.handle = None


def lock_path(archive_url: str, data_dir: str, spider: str) -> Path:
    if archive_url.startswith("sqlite:///"):
        archive = Path(archive_url.removeprefix("sqlite:///"))
        return archive.with_name(f"{archive.name}.{spider}.lock")
    return Path(data_dir) / f"{spider}.lock"
