"""Real Arabic pages from publishers newscrawl has no module for (tests/realpages, copied
from ../shared/realpages with their hand-checked truth), through the generic extraction
chain and the cleaner: headline exact, body token F1 ≥ 0.95, published day right."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from newscrawl.extract.chain import extract_article
from newscrawl.extract.evaluation import day_right, headline_right, token_f1
from newscrawl.text.clean import clean_body
from newscrawl.text.dates import to_iso
from newscrawl.text.unicode import clean_inline

PAGES = sorted((Path(__file__).parents[1] / "realpages").glob("*/*.json"))


@pytest.mark.parametrize("truth_file", PAGES, ids=[p.parent.name for p in PAGES])
def test_real_page(truth_file):
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    html = truth_file.with_suffix(".html").read_text(encoding="utf-8")
    extraction = extract_article(html, now=datetime(2026, 11, 28), url=truth["url"])
    dateline, paragraphs = clean_body("\n\n".join(extraction.values.get("body") or []))
    assert headline_right(clean_inline(extraction.values.get("headline")), truth)
    # The truth keeps the dateline in the body; cleaning moved it to its own field.
    assert token_f1(" ".join([dateline or "", *paragraphs]), " ".join(truth["body_paragraphs"])) >= 0.95
    published = extraction.values.get("published")
    assert day_right(to_iso(published) if published else None, truth)


def test_all_eight_pages_are_here():
    assert len(PAGES) == 8


def test_evaluation_script_runs(capsys):
    """The smoke version of benchmarks/realpages_eval.py, so it does not rot."""
    import runpy

    runpy.run_path(str(Path(__file__).parents[2] / "benchmarks/realpages_eval.py"), run_name="not_main")["main"]()
    out = capsys.readouterr().out
    assert out.count("\n| ") >= 9 and "newscrawl H / F1 / D" in out
