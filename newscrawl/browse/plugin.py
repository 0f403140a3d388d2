"""The Datasette plugin of ``scrapy browse``: a SQL function that reads a reader's words as
``scrapy export --query`` does, and Arabic cells laid out right to left.

``scrapy browse`` registers it; installed with pip, it is also Datasette's entry point
``newscrawl`` (pyproject.toml), so a plain ``datasette`` finds the function too."""

from __future__ import annotations

import re

from datasette import hookimpl
from markupsafe import Markup

from newscrawl.archive.sqlite import match_expression
from newscrawl.text.keys import search_terms

# Letters of right-to-left scripts (Hebrew, Arabic and its supplements, presentation forms).
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def newscrawl_match(words: str | None) -> str:
    """The full-text query (FTS5, over ``article_terms``) for the stories holding every
    one of ``words``, compared as newscrawl.text.keys.search_terms compares them: the
    archive's index holds normalised terms, so the words must be normalised the same way,
    which plain SQL cannot do."""
    return match_expression(list(dict.fromkeys(search_terms(words or ""))))


@hookimpl
def prepare_connection(conn) -> None:
    conn.create_function("newscrawl_match", 1, newscrawl_match, deterministic=True)


@hookimpl
def render_cell(value, datasette):
    # A cell's direction is the page's (left to right) unless told: an Arabic headline
    # starting with a number or ending with punctuation then reads scrambled. dir="auto"
    # takes it from the text's first letter, as a reader would; text-align "start" because
    # Datasette's page sets "left", which would keep right-to-left text on the left.
    # Only text holding such letters: other cells keep Datasette's rendering (links).
    if not isinstance(value, str) or not _RTL.search(value):
        return None
    limit = datasette.setting("truncate_cells_html")
    text = value if not limit or len(value) <= limit else value[:limit] + "\u2026"
    return Markup('<div dir="auto" style="text-align: start">{}</div>').format(text)
