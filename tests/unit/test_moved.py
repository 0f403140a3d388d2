"""Old dotted paths named in users' settings still import, warn, and give the module itself."""

import importlib
import sys
import warnings

import pytest
from scrapy.utils.misc import load_object

from newscrawl._moved import MOVED


@pytest.mark.parametrize("old, new", sorted(MOVED.items()))
def test_old_path_is_the_new_module(old, new):
    sys.modules.pop(old, None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        module = importlib.import_module(old)
    assert module is importlib.import_module(new)
    assert module.__spec__.name == new
    assert any(new in str(w.message) and w.category is DeprecationWarning for w in caught)


@pytest.mark.parametrize(
    "old_path",
    [
        "newscrawl.exporters.SafeCsvItemExporter",
        "newscrawl.feeds.AtomicFileFeedStorage",
        "newscrawl.stats.StatsCollector",
        "newscrawl.middlewares.BackoffRetryMiddleware",
        "newscrawl.addons.Distributed",
    ],
)
def test_settings_naming_old_paths_still_load(old_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        cls = load_object(old_path)
    assert cls.__module__.count(".") == 2


def test_every_moved_module_exists():
    for new in MOVED.values():
        assert importlib.util.find_spec(new) is not None, new
