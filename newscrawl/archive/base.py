"""What every archive store shares."""

import re


class ArchiveError(RuntimeError):
    """The archive cannot be opened or used; the message says why."""


def redact_password(url: str) -> str:
    """A server URL fit for a log line or an error message."""
    return re.sub(r"(//[^/:@]*:)[^/@]*@", r"\1***@", url)
