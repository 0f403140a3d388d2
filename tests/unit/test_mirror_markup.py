"""The mirror's seeded unseen layout (newscrawl/mirror/markup.py): the generator itself.

These tests check the pages and the manifest truth the generator writes, not what
newscrawl extracts from them: every page holds its story's paragraphs, comments and
furniture; the truth is consistent and clean; one seed always gives the same site and
different seeds different markup.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

from newscrawl.mirror import MIRROR_DIR, noise
from newscrawl.mirror.__main__ import main as mirror_main
from newscrawl.mirror.build import build

SEEDS = (1, 2, 3)
COUNT = 30  # plus the repeats corpus.py always adds


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[int, Path]:
    out = {}
    for seed in SEEDS:
        out[seed] = tmp_path_factory.mktemp(f"markup{seed}")
        build(out[seed], count=COUNT, unseen_layout=True, markup_seed=seed)
    return out


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("unseen-plain")
    build(root, count=COUNT, unseen_layout=True)
    return root


def articles(root: Path) -> list[dict]:
    return json.loads((root / "manifest.json").read_text(encoding="utf-8"))["articles"]


def page_html(root: Path, article: dict) -> str:
    return (root / "site" / article["path"].lstrip("/")).read_text(encoding="utf-8")


def normalize(text: str) -> str:
    """Text with the mirror's noise (noise.py) undone where it can be, spaces collapsed:
    enough to find a paragraph on its page whichever noise the story carries."""
    text = unicodedata.normalize("NFKC", text).replace("&nbsp;", " ").replace("&quot;", '"')
    text = re.sub("[\u0640\u200b-\u200f\u202a-\u202e]", "", text)
    return " ".join(text.split())


def visible_text(raw: str) -> str:
    doc = lxml_html.fromstring(raw)
    for node in doc.xpath("//script|//style"):
        node.drop_tree()
    return normalize(doc.text_content())


def expected(article: dict, text: str) -> str:
    return normalize(noise.mojibake(text) if article["noise"] == "mojibake" else text)


def jsonld_text(raw: str) -> str:
    doc = lxml_html.fromstring(raw)
    blocks = [json.loads(s.text) for s in doc.xpath('//script[@type="application/ld+json"]')]
    return json.dumps(blocks, ensure_ascii=False)


def every_article(sites):
    for seed, root in sites.items():
        for article in articles(root):
            yield seed, root, article


def test_one_seed_gives_the_same_site(sites, tmp_path):
    build(tmp_path, count=COUNT, unseen_layout=True, markup_seed=SEEDS[0])
    first, again = sites[SEEDS[0]], tmp_path
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for name in files:
        assert (first / name).read_bytes() == (again / name).read_bytes(), name


def test_seeds_give_different_markup(sites):
    def class_names(root):
        names = set()
        for article in articles(root):
            names |= set(re.findall(r'class="([^"]+)"', page_html(root, article)))
        return names

    classes = {seed: class_names(root) for seed, root in sites.items()}
    manifests = {seed: {a["path"]: a for a in articles(root)} for seed, root in sites.items()}
    for a, b in [(1, 2), (1, 3), (2, 3)]:
        assert classes[a] != classes[b]
        # Most pages differ in their body container or their paragraph markup.
        differ = [path for path, article in manifests[a].items()
                  if (article["markup"]["body"], article["markup"]["paragraphs"])
                  != (manifests[b][path]["markup"]["body"], manifests[b][path]["markup"]["paragraphs"])]
        assert len(differ) > 0.7 * len(manifests[a])
        for path in manifests[a]:
            assert page_html(sites[a], manifests[a][path]) != page_html(sites[b], manifests[b][path])


def test_pages_vary_within_a_seed(sites):
    for root in sites.values():
        rows = articles(root)
        bodies = Counter(a["markup"]["body"] for a in rows)
        assert bodies.most_common(1)[0][1] < len(rows) / 3
        assert len({a["markup"]["paragraphs"] for a in rows}) >= 5
    rows = [a for _, _, a in every_article(sites)]
    for key, at_least in (("byline", 7), ("dateline_form", 7), ("paragraphs", 7), ("comments", 5),
                          ("comments_where", 4), ("depth", 4)):
        assert len({a["markup"][key] for a in rows}) >= at_least, key
    assert {True, False} <= {a["markup"]["og_type_article"] for a in rows}
    assert {True, False} <= {a["furniture_in_body"] for a in rows}
    assert {True, False} <= {bool(a["markup"].get("jsonld")) for a in rows}


def test_every_page_holds_its_paragraphs_and_headline(sites):
    for _seed, root, article in every_article(sites):
        raw = page_html(root, article)
        text = visible_text(raw)
        first = (article["dateline_markup"] or "") + article["paragraphs"][0]
        for paragraph in [first, *article["paragraphs"][1:]]:
            assert expected(article, paragraph) in text, (article["path"], paragraph[:50])
        assert normalize(article["headline"]) in text
        assert "<h1" in raw or "<h2" in raw or article["markup"]["headline"] == "div"


def test_comments_and_furniture_are_on_the_pages(sites):
    threads = []
    for _seed, root, article in every_article(sites):
        text = visible_text(page_html(root, article))
        for comment in article["comments"]:
            assert normalize(comment) in text, (article["path"], comment)
        for item in article["furniture"]:
            assert normalize(item) in text, (article["path"], item)
        assert article["furniture"], article["path"]
        threads.append(len(article["comments"]))
    assert sum(threads) > 100
    assert max(threads) >= 30, "no long comment thread in three seeds"
    assert 0 in threads


def test_pages_carry_other_stories_headlines_as_furniture(sites):
    for root in sites.values():
        headlines = {a["headline"] for a in articles(root)}
        for article in articles(root):
            others = [f for f in article["furniture"] if f in headlines]
            assert article["headline"] not in others
        assert sum(bool(set(a["furniture"]) & headlines) for a in articles(root)) > len(headlines) / 2


def test_truth_is_clean_and_consistent(sites, plain):
    base = {a["path"]: a for a in articles(plain)}
    for _seed, root, article in every_article(sites):
        raw = page_html(root, article)
        own = [article["headline"], *article["paragraphs"]]
        assert set(base[article["path"]]) <= set(article), "a field of the plain build is missing"
        for name in ("path", "headline", "paragraphs", "published", "section", "duplicate_of", "followup_of",
                     "summary", "noise", "in_api", "id"):
            assert article[name] == base[article["path"]][name], name
        assert isinstance(article["authors"], list) and isinstance(article["comments"], list)
        for text in article["comments"] + article["furniture"]:
            assert not any(text in p for p in own), (article["path"], text)
        if article["dateline"] is None:
            assert article["dateline_markup"] is None
        else:
            assert article["dateline"].split("،")[0] in article["dateline_markup"]
            assert article["dateline_markup"].endswith(" ") or article["dateline_markup"].endswith(")")
        byline = article["markup"]["byline"]
        if byline in ("none", "meta-site"):
            assert article["authors"] == []
        else:
            assert article["authors"]
            where = visible_text(raw) + jsonld_text(raw) + " ".join(re.findall(r'name="author" content="([^"]+)"', raw))
            for name in article["authors"]:
                assert name in where, (article["path"], name)


def test_datelines_use_every_dash_and_colon(sites):
    marks = [a["dateline_markup"] for _, _, a in every_article(sites) if a["dateline_markup"]]
    for dash in ("-", "–", "—", "ـ"):
        assert any(dash in m for m in marks), dash
    assert any(m.rstrip().endswith(":") for m in marks)
    assert any("(" in m for m in marks)
    assert any(not m.rstrip().endswith(":") for m in marks)


def test_comment_threads_are_marked_up_many_ways(sites):
    named, unnamed, microdata, forms = 0, 0, 0, 0
    for _seed, root, article in every_article(sites):
        raw = page_html(root, article)
        container = article["markup"]["comments_container"]
        named += "comment" in container.lower()
        unnamed += "comment" not in container.lower()
        microdata += "schema.org/Comment" in raw
        forms += "<textarea" in raw
    assert named and unnamed and microdata and forms


def test_markup_seed_needs_the_unseen_layout(tmp_path):
    with pytest.raises(ValueError):
        build(tmp_path, count=5, markup_seed=1)
    with pytest.raises(SystemExit):
        mirror_main(["build", "--out", str(tmp_path), "--count", "5", "--markup-seed", "1"])


def test_cli_builds_a_seeded_mirror(tmp_path, capsys):
    assert mirror_main(["build", "--out", str(tmp_path), "--count", "5", "--unseen-layout", "--markup-seed", "4"]) == 0
    assert "wrote" in capsys.readouterr().out
    assert all("comments" in a and "authors" in a for a in articles(tmp_path))


def test_build_without_the_seed_is_unchanged(tmp_path):
    """The shipped mirror is what build() writes without the option."""
    build(tmp_path)
    shipped = sorted(p.relative_to(MIRROR_DIR) for p in MIRROR_DIR.rglob("*") if p.is_file())
    assert shipped == sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    for name in shipped:
        assert (MIRROR_DIR / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_a_full_seeded_build_takes_seconds(tmp_path):
    start = time.monotonic()
    build(tmp_path, count=120, unseen_layout=True, markup_seed=9)
    assert time.monotonic() - start < 10
