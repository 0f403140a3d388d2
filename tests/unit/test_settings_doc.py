"""docs/settings.md documents every newscrawl setting, once, and no other."""

import re
from pathlib import Path

from newscrawl.run.settings_check import known_settings

DOC = Path(__file__).parents[2] / "docs" / "settings.md"


def test_every_setting_is_documented_once():
    named = re.findall(r"`(NEWSCRAWL_[A-Z_]+)`", DOC.read_text(encoding="utf-8"))
    assert set(named) == known_settings()
    assert len(named) == len(set(named))
