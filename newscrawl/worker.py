"""The story worker's side: a process that runs the crawl's per-story functions.

Scrapy runs a crawl in one thread. Reading a page, cleaning its text and the archive's
dedup decision and write are pure CPU work that need nothing from Scrapy, so on a machine
with a second core they run here, in a child of the crawl, while Scrapy goes on fetching
(the crawl's side is newscrawl.extensions.worker). Calls arrive on stdin as frames — a
4-byte length, then a pickle of (function, arguments) — and each answer, in order, goes
to file descriptor 3: (True, value) or (False, the traceback). stdout and stderr stay the
crawl's terminal or files; logging is not set up here, so what the functions log does not
reach Scrapy's log (they report through their return values, and a failing call's
traceback goes back with its answer).

The worker lives exactly as long as its stdin: it ignores SIGINT and SIGTERM (a Ctrl-C
in the terminal reaches the whole process group, and the crawl's graceful shutdown
still needs the worker to finish the stories in flight) and exits when the crawl closes
the pipe, or dies.
"""

from __future__ import annotations

import pickle
import signal
import sys
import traceback
from typing import BinaryIO

RESULTS_FD = 3
_HEADER = 4


def frame(obj) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return len(data).to_bytes(_HEADER, "big") + data


def unframe(buffer: bytearray) -> list:
    """The objects of the whole frames at the start of ``buffer``, which loses them."""
    objects, start = [], 0
    while len(buffer) - start >= _HEADER:
        size = int.from_bytes(buffer[start:start + _HEADER], "big")
        if len(buffer) - start - _HEADER < size:
            break
        objects.append(pickle.loads(buffer[start + _HEADER:start + _HEADER + size]))
        start += _HEADER + size
    del buffer[:start]
    return objects


def answer(function, args: tuple) -> bytes:
    try:
        return frame((True, function(*args)))
    except Exception:  # noqa: BLE001 - any failure is the caller's to report, with its traceback
        return frame((False, traceback.format_exc()))


def serve(calls: BinaryIO, results: BinaryIO) -> None:
    while header := calls.read(_HEADER):
        payload = calls.read(int.from_bytes(header, "big"))
        try:
            function, args = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - e.g. a function the worker cannot import
            results.write(frame((False, traceback.format_exc())))
        else:
            results.write(answer(function, args))
        results.flush()


def main() -> None:
    """The worker's entry point (newscrawl.extensions.worker starts it)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    with open(RESULTS_FD, "wb", buffering=1 << 16) as results:
        serve(sys.stdin.buffer, results)
