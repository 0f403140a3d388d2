"""The page tree extraction reads is the one parsel builds; the attribute-first rewrite of
translated CSS selects exactly what the translation did."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from parsel import Selector
from parsel.csstranslator import css2xpath

from newscrawl.extract.queries import attribute_first, css, parse_html

NAMES = ("a", "b", "ab", "a-b")
TAGS = ("div", "p", "span", "h2")

class_lists = st.lists(st.sampled_from(NAMES + ("", " ")), max_size=3).map(lambda names: "  ".join(names))
element = st.deferred(lambda: st.builds(_element, st.sampled_from(TAGS), st.none() | class_lists,
                                        st.none() | st.sampled_from(NAMES), st.lists(element, max_size=3)))


def _element(tag, classes, id_, children):
    attributes = (f' class="{classes}"' if classes is not None else "") + (f' id="{id_}"' if id_ else "")
    return f"<{tag}{attributes}>x{''.join(children)}</{tag}>"


simple = st.one_of(
    st.sampled_from(NAMES).map(lambda n: f".{n}"),
    st.sampled_from(NAMES).map(lambda n: f"#{n}"),
    st.tuples(st.sampled_from(TAGS), st.sampled_from(NAMES)).map(lambda t: f"{t[0]}.{t[1]}"),
    st.tuples(st.sampled_from(NAMES), st.sampled_from(NAMES)).map(lambda t: f".{t[0]}.{t[1]}"),
    st.sampled_from(NAMES).map(lambda n: f".{n}:first-child"),
    st.sampled_from(NAMES).map(lambda n: f":not(.{n})"),
    st.sampled_from(TAGS),
)
selector = st.tuples(st.lists(st.tuples(simple, st.sampled_from((" ", " > ", " + ", " ~ "))), max_size=2), simple) \
    .map(lambda parts: "".join(s + c for s, c in parts[0]) + parts[1])
selectors = st.lists(selector, min_size=1, max_size=2).map(", ".join)


@settings(max_examples=100, deadline=None)
@given(st.lists(element, min_size=1, max_size=4), selectors)
def test_rewrite_selects_the_same_elements_in_the_same_order(children, query):
    root = Selector(text=f"<html><body>{''.join(children)}</body></html>", type="html").root
    translated = css2xpath(query)
    assert etree.XPath(attribute_first(translated))(root) == etree.XPath(translated)(root)


def test_single_class_and_id_steps_are_rewritten_and_compound_ones_kept():
    assert "/@class[" in attribute_first(css2xpath(".article-meta .article-author"))
    assert "/@id[" in attribute_first(css2xpath("#ArticleBody"))
    assert attribute_first(css2xpath(".a.b")) == css2xpath(".a.b")
    assert "div/@class[" in attribute_first(css2xpath("div.a"))


def test_css_finds_layout_fields_on_a_page():
    root = Selector(text='<div class="article-meta x"><span class=" article-author ">A</span></div>'
                         '<div id="ArticleBody"><p>t</p></div>', type="html").root
    assert [e.text for e in css(".article-meta .article-author")(root)] == ["A"]
    assert [e.tag for e in css("#ArticleBody")(root)] == ["div"]


PAGES = sorted((Path(__file__).parents[1] / "golden").glob("*/*.html")) + \
    sorted((Path(__file__).parents[1] / "realpages").glob("*/*.html"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_parse_html_builds_the_tree_parsel_builds(page):
    html = page.read_text(encoding="utf-8")
    ours = parse_html(html)
    assert etree.tostring(ours, encoding="unicode") == \
        etree.tostring(Selector(text=html, type="html").root, encoding="unicode")
    assert type(ours) is etree._Element  # lxml.html's classes would cost a Python call per element


@pytest.mark.parametrize("html", ["", "  \n", "\x00", "<p>a\x00b</p>", "just text", "<!-- only a comment -->"])
def test_parse_html_reads_odd_pages_as_parsel_does(html):
    assert etree.tostring(parse_html(html), encoding="unicode") == \
        etree.tostring(Selector(text=html, type="html").root, encoding="unicode")
