"""Old import paths of modules that moved into folders in 0.2.0, kept importable for one
release: users' settings name our classes by dotted path. Importing an old path warns and
gives the module at its new path (the same module object, so isinstance checks hold)."""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import warnings

MOVED = {
    "newscrawl.addons": "newscrawl.run.addons",
    "newscrawl.archiving": "newscrawl.archive.archiving",
    "newscrawl.assemble": "newscrawl.extract.assemble",
    "newscrawl.blocking": "newscrawl.fetch.blocking",
    "newscrawl.charset": "newscrawl.fetch.charset",
    "newscrawl.dedup": "newscrawl.archive.dedup",
    "newscrawl.distributed": "newscrawl.run.distributed",
    "newscrawl.evaluation": "newscrawl.extract.evaluation",
    "newscrawl.exporters": "newscrawl.export.exporters",
    "newscrawl.feeds": "newscrawl.export.feeds",
    "newscrawl.frontier": "newscrawl.fetch.frontier",
    "newscrawl.htmltext": "newscrawl.fetch.htmltext",
    "newscrawl.learned": "newscrawl.extract.learned",
    "newscrawl.listing": "newscrawl.fetch.listing",
    "newscrawl.lock": "newscrawl.run.lock",
    "newscrawl.middlewares": "newscrawl.fetch.middlewares",
    "newscrawl.monitor": "newscrawl.run.monitor",
    "newscrawl.params": "newscrawl.fetch.params",
    "newscrawl.reextract": "newscrawl.raw.reextract",
    "newscrawl.runs": "newscrawl.run.runs",
    "newscrawl.settings_check": "newscrawl.run.settings_check",
    "newscrawl.stats": "newscrawl.run.stats",
    "newscrawl.warc": "newscrawl.raw.warc",
}


class _Alias(importlib.abc.Loader):
    def __init__(self, new: str):
        self.new = new

    def create_module(self, spec):
        module = importlib.import_module(self.new)
        self.spec = module.__spec__
        return module

    def exec_module(self, module) -> None:
        # The import system has just set the old name's spec on the module: give it back its own.
        module.__spec__ = self.spec


class MovedFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        new = MOVED.get(fullname)
        if new is None:
            return None
        warnings.warn(f"{fullname} moved to {new}; the old path goes in 0.3.0", DeprecationWarning, stacklevel=2)
        return importlib.util.spec_from_loader(fullname, _Alias(new))


def install() -> None:
    if not any(isinstance(finder, MovedFinder) for finder in sys.meta_path):
        sys.meta_path.append(MovedFinder())
