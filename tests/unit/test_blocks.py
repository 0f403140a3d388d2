from parsel import Selector

from newscrawl.extract.blocks import paragraphs
from newscrawl.extract.chain import strip_site_name


def test_br_and_block_tags_split_paragraphs():
    sel = Selector(text="<div id=a>أول<br><br>ثانٍ <b>غامق</b><p>ثالث</p>  <script>x()</script>رابع</div>")
    assert paragraphs(s.root for s in sel.css("#a")) == ["أول", "ثانٍ غامق", "ثالث", "رابع"]


def test_whitespace_inside_a_paragraph_collapses():
    sel = Selector(text="<p>  كلمة\n   أخرى\xa0هنا </p>")
    assert paragraphs(s.root for s in sel.css("p")) == ["كلمة أخرى هنا"]


def test_zwnj_is_not_whitespace():
    sel = Selector(text="<p>می\u200cخواهم</p>")
    assert paragraphs(s.root for s in sel.css("p")) == ["می\u200cخواهم"]


def test_only_known_site_names_are_cut_from_headlines():
    names = ("إيلاف",)
    assert strip_site_name("عنوان الخبر | إيلاف", names) == "عنوان الخبر"
    assert strip_site_name("عنوان الخبر - إيلاف", names) == "عنوان الخبر"
    assert strip_site_name("وزير: الاقتصاد - تحديات", names) == "وزير: الاقتصاد - تحديات"


def test_elements_without_children_read_as_the_walk_reads_them():
    sel = Selector(text="<div><p> سطر\tواحد </p><p>\xa0</p><script>x()</script><SPAN>نص</SPAN><p></p>"
                        "<p>سطر <i>مائل</i></p></div>")
    nodes = [s.root for s in sel.css("p, script, span")]
    assert paragraphs(nodes) == ["سطر واحد", "نص", "سطر مائل"]
