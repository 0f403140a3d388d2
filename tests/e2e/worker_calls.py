"""Functions the story worker tests hand to a real worker (it imports them by name)."""

import os
from pathlib import Path


def exit_the_first_time(marker: str) -> str:
    """Kill the worker running it, unless ``marker`` exists (it is made first)."""
    if not Path(marker).exists():
        Path(marker).touch()
        os._exit(9)
    return "answered by the second worker"
