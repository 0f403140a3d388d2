"""benchmarks/realpages_eval.py's leave-one-publisher-out score and its world reader, on a
few pages: the rules written from a publisher are left out when that publisher is scored,
and the world pages are read from gzip or plain files in the charset a crawl would use."""

from __future__ import annotations

import gzip
import json
import runpy
from pathlib import Path

import pytest

from newscrawl.text.furniture import RULES

SCRIPT = runpy.run_path(str(Path(__file__).parents[2] / "benchmarks" / "realpages_eval.py"), run_name="not_main")


def test_rules_written_from_a_publisher_are_left_out_when_it_is_scored():
    cnn = SCRIPT["publisher_rules"]("cnnarabic")
    assert all("cnnarabic" not in rule.publishers for rule in cnn)
    assert len(cnn) < len(RULES)
    assert SCRIPT["publisher_rules"]("a-publisher-no-rule-names") == RULES


def test_lopo_scores_cnn_arabic_without_its_comment_policy_rules():
    """CNN Arabic's comment-policy box was written into two rules from that page (439b980).
    Left out, the box must still go: the structure of the page (posting rules right above
    the comment widget, below the text) is the evidence now, as it is on a page no rule
    was written from."""
    pages = [page for page in SCRIPT["realpages"]() if page[0] in ("cnnarabic", "beirutobserver")]
    rows = {row["page"]: row for row in SCRIPT["evaluate"](pages)["newscrawl"]}
    assert rows["cnnarabic"]["f1"] > 0.99
    assert rows["cnnarabic"]["left_out"] >= 2
    assert rows["cnnarabic"]["lopo_f1"] >= 0.97
    # No rule records Beirut Observer: its leave-one-out score is its full score.
    assert rows["beirutobserver"]["left_out"] == 0
    assert rows["beirutobserver"]["lopo_f1"] == rows["beirutobserver"]["f1"]


def _save(folder: Path, name: str, html: bytes, truth: dict, gzipped: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.html.gz" if gzipped else folder / f"{name}.html").write_bytes(
        gzip.compress(html) if gzipped else html)
    (folder / f"{name}.json").write_text(json.dumps(truth), encoding="utf-8")


def test_world_pages_are_read_from_gzip_and_plain_files_in_their_charset(tmp_path):
    text = "Der Bürgermeister äußerte sich überraschend zur Straßenbahn"
    arabic = "قال الوزير إن الحكومة ماضية في خططها"
    truth = {"url": "https://example.de/a", "publisher": "Example", "language_hint": "de", "headline": text,
             "body_paragraphs": [text], "published": None, "crawl_date": "2025-01-02 10:00:00"}
    german = f'<html><head><meta charset="windows-1252"><title>{text}</title></head><body><p>{text}</p></body></html>'
    # An Arabic page in Windows-1256 that declares nothing: read in its true encoding.
    undeclared = f"<html><body><p>{arabic}</p></body></html>"
    _save(tmp_path / "de", "Example_2025_01_02", german.encode("windows-1252"), truth, gzipped=True)
    _save(tmp_path / "lb", "Other_2025_01_02", undeclared.encode("windows-1256"),
          {**truth, "url": "https://example.lb/b", "publisher": "Other", "language_hint": "ar"}, gzipped=False)
    pages = {page.publisher: page for page in SCRIPT["world_pages"](tmp_path)}
    assert text in pages["Example"].html and arabic in pages["Other"].html
    assert pages["Example"].crawled.year == 2025 and pages["Example"].language == "de"


WORLD = SCRIPT["WORLD"]


@pytest.mark.skipif(not WORLD.is_dir(), reason="../shared/realpages-world is not on this machine")
def test_world_scores_a_real_gzip_page_with_both_tools():
    [page] = SCRIPT["world_pages"](WORLD, "lb/LBCGroup_*.json")
    rows = SCRIPT["evaluate_world"]([page])
    assert rows["newscrawl"][0]["f1"] > 0.95 and rows["newscrawl"][0]["day"]
    assert rows["trafilatura (precision)"][0]["f1"] > 0.9


def _printed_lines(html: str) -> set[str]:
    """Every line the page prints: its block paragraphs and its text nodes, cleaned."""
    from newscrawl.extract.blocks import paragraphs, squash
    from newscrawl.extract.queries import parse_html
    from newscrawl.text.unicode import clean_inline

    root = parse_html(html)
    return {clean_inline(line) for line in (*paragraphs([root]), *(squash(t) for t in root.itertext())) if line}


def test_a_rule_matching_a_line_a_saved_page_prints_records_its_publisher():
    """The provenance rule of newscrawl.text.furniture: a rule may have been written from
    any saved page that prints a line it matches, so it records that publisher and a
    leave-one-out score does not count on it there. A new rule must say so too."""
    missing = []
    for publisher, _, html in SCRIPT["realpages"]():
        lines = _printed_lines(html)
        missing += [(publisher, rule.pattern.pattern[:40]) for rule in RULES
                    if publisher not in rule.publishers and any(rule.pattern.search(line) for line in lines)]
    assert not missing
