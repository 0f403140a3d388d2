"""newscrawl: clean, deduplicated archives of Arabic news sites."""

__version__ = "0.1.0"
