"""newscrawl's generic extraction on real Arabic pages, next to trafilatura and readability.

    python benchmarks/realpages_eval.py

For every page in tests/realpages/ (copied from ../shared/realpages/, hand-checked
truth): headline exact (H), body token F1 (F1), published day right (D). newscrawl runs
its generic path — no site module knows these publishers — through extraction and
cleaning (the dateline, which cleaning moves to its own field, is counted with the body,
since the truth keeps it there). trafilatura runs with favor_precision and with its
defaults; readability-lxml gives body and title only.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura  # noqa: E402
from lxml import html as lxml_html  # noqa: E402
from readability import Document  # noqa: E402

from newscrawl.evaluation import day_right, headline_right, token_f1  # noqa: E402
from newscrawl.extract.chain import extract_article  # noqa: E402
from newscrawl.text.clean import clean_body  # noqa: E402
from newscrawl.text.dates import to_iso  # noqa: E402
from newscrawl.text.unicode import clean_inline  # noqa: E402

PAGES = Path(__file__).resolve().parents[1] / "tests" / "realpages"
NOW = datetime(2026, 11, 28)


def newscrawl_result(page: str, url: str) -> dict:
    extraction = extract_article(page, now=NOW, url=url)
    values = extraction.values
    dateline, paragraphs = clean_body("\n\n".join(values.get("body") or []))
    published = values.get("published")
    return {"headline": clean_inline(values.get("headline")),
            "body": " ".join([dateline or "", *paragraphs]),
            "published": to_iso(published) if published else None}


def trafilatura_result(page: str, url: str, precision: bool) -> dict:
    data = trafilatura.bare_extraction(page, url=url, favor_precision=precision, with_metadata=True)
    if data is None:
        return {"headline": None, "body": "", "published": None}
    data = data.as_dict() if hasattr(data, "as_dict") else data
    return {"headline": data.get("title"), "body": data.get("text") or "", "published": data.get("date")}


def readability_result(page: str, url: str) -> dict:
    document = Document(page)
    text = lxml_html.fromstring(document.summary()).text_content()
    return {"headline": document.short_title(), "body": text, "published": None}


TOOLS = {
    "newscrawl": newscrawl_result,
    "trafilatura (precision)": lambda p, u: trafilatura_result(p, u, True),
    "trafilatura (default)": lambda p, u: trafilatura_result(p, u, False),
    "readability-lxml": readability_result,
}


def evaluate() -> dict[str, list[dict]]:
    results: dict[str, list[dict]] = {tool: [] for tool in TOOLS}
    for truth_file in sorted(PAGES.glob("*/*.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        page = truth_file.with_suffix(".html").read_text(encoding="utf-8")
        for tool, run in TOOLS.items():
            got = run(page, truth["url"])
            results[tool].append({
                "page": truth_file.parent.name,
                "headline": headline_right(got["headline"], truth),
                "f1": token_f1(got["body"], " ".join(truth["body_paragraphs"])),
                "day": day_right(got["published"], truth),
            })
    return results


def main() -> int:
    results = evaluate()
    print("command: python benchmarks/realpages_eval.py\n")
    pages = [r["page"] for r in results["newscrawl"]]
    print("| page | " + " | ".join(f"{t} H / F1 / D" for t in TOOLS) + " |")
    print("|---|" + "---|" * len(TOOLS))
    for i, page in enumerate(pages):
        cells = [f"{'✓' if r[i]['headline'] else '✗'} / {r[i]['f1']:.3f} / {'✓' if r[i]['day'] else '✗'}"
                 for r in results.values()]
        print(f"| {page} | " + " | ".join(cells) + " |")
    summary = []
    for rows in results.values():
        f1s = [r["f1"] for r in rows]
        summary.append(f"{sum(r['headline'] for r in rows)}/{len(rows)} / {sum(f1s) / len(f1s):.3f} "
                       f"(min {min(f1s):.3f}) / {sum(r['day'] for r in rows)}/{len(rows)}")
    print("| **all** | " + " | ".join(summary) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
