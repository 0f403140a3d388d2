import pytest

from newscrawl.extract.chain import extract_article
from newscrawl.extract.layouts import Layout

# A layout whose body selector takes the story's first line along with its paragraphs,
# as generic selectors on real pages do: on many pages that line repeats the heading.
WHOLE_STORY = Layout(name="test", valid_from="2020-01", valid_until=None, detect="div.story",
                     headline="h1", body="div.story > *")
PARAGRAPH = ("قال مسؤولون في الحكومة اليوم إن المفاوضات بشأن الاتفاق التجاري الجديد ستستأنف الأسبوع "
             "المقبل بعد توقف دام شهرين بسبب الخلافات على الرسوم الجمركية.")


def body_of(heading: str, first_line: str) -> list[str]:
    html = (f'<html><body><h1>{heading}</h1><div class="story"><div>{first_line}</div>'
            f'<p>{PARAGRAPH}</p></div></body></html>')
    return extract_article(html, (WHOLE_STORY,), ("إيلاف",)).values["body"]


HEADING = "وزير الخارجية يزور القاهرة"


@pytest.mark.parametrize("first_line", [
    HEADING,
    "وَزِيرُ الخَارِجِيَّةِ يَزُورُ القَاهِرَةَ!",  # every letter vocalised
    HEADING.replace("ز", "ز" + "ـ" * 40),  # stretched with tatweel far past the heading's length
    "".join(f"&amp;#{ord(c)};" for c in HEADING),  # escaped twice by the site: seven characters a letter
])
def test_the_heading_repeated_as_the_first_line_is_not_body(first_line):
    assert body_of(HEADING, first_line) == [PARAGRAPH]


def test_a_first_paragraph_that_opens_with_the_heading_is_body():
    opening = f"{HEADING} {PARAGRAPH}"
    assert body_of(HEADING, opening) == [opening, PARAGRAPH]
