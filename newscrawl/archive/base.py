"""What every archive store shares."""


class ArchiveError(RuntimeError):
    """The archive cannot be opened or used; the message says why."""
