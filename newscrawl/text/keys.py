"""Matching keys: lossy normal forms used only to compare texts, never stored as text.

Two headlines that an editor would call the same — one with diacritics, «أ» written «ا»,
Eastern Arabic digits, other punctuation, the site name appended — get the same key.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from newscrawl.text.arabic import ascii_digits, fold_letters, remove_marks, strip_site_name
from newscrawl.text.unicode import clean_inline

# Everything that is not a letter or digit (punctuation, symbols, spaces) breaks words.
_BREAKS = re.compile(r"[\W_]+")


def normalise_for_matching(text: str, already_clean: bool = False) -> str:
    """Noise removed, diacritics and tatweel removed, letters folded (أإآٱ→ا, ى→ي, ة→ه,
    ؤ→و, ئ→ي), digits to ASCII, punctuation and symbols removed, Latin case-folded,
    whitespace collapsed. ``already_clean`` skips clean_inline for text that has been
    through it (the archive's bodies)."""
    if not already_clean:
        return _matching_form(clean_inline(text))
    if "\n\n" not in text:
        return _matching_form(text)
    # A body, paragraph by paragraph: every step works within a word, so the paragraphs'
    # forms joined are the body's. Each is cached: the furniture keys, the content hash
    # and the dedup shingles of one story read the same paragraphs.
    return " ".join(form for form in map(_matching_form, text.split("\n\n")) if form)


@lru_cache(maxsize=512)
def _matching_form(text: str) -> str:
    return _words_only(ascii_digits(fold_letters(remove_marks(text))).casefold())


def _words_only(text: str) -> str:
    """``_BREAKS.sub(" ", text).strip()``, faster on prose (36 against 50 µs on a
    1 141-character body): the regex tests every character, while most words are letters
    only, between spaces (which are breaks too), and only the rest need it."""
    words = []
    for word in text.split():
        if word.isalnum():
            words.append(word)
        else:
            word = _BREAKS.sub(" ", word).strip()
            if word:
                words.append(word)
    return " ".join(words)


def headline_key(headline: str, site_names: tuple[str, ...] = (), already_clean: bool = False) -> str:
    """The comparison key of a headline; see normalise_for_matching. A trailing site
    name from ``site_names`` («… | إيلاف») is removed first. ``already_clean``: as for
    normalise_for_matching (a body's paragraph looked up as a headline)."""
    return _matching_form(strip_site_name(headline if already_clean else clean_inline(headline), site_names))


def content_hash(body: str, already_clean: bool = False) -> str:
    """Hash of the body's matching form: the same text edited for diacritics, spelling of
    alef or spacing hashes the same."""
    return hashlib.sha256(normalise_for_matching(body, already_clean).encode("utf-8")).hexdigest()


# A line this short is keyed without its numbers: a template's counter, date or reading
# time («وقت القراءة: 6 دقائق», «(21) تعليق») is one line on every page, whatever number
# it prints. Longer paragraphs are an article's sentences, whose numbers are their news.
NUMBERLESS_WORDS = 12
_NUMBER = re.compile(r"\d+")


def paragraph_key(paragraph: str, already_clean: bool = True) -> str:
    """A short key of a paragraph's matching form, for counting where it recurs: the same
    crumb, disclaimer or related headline gets one key however it is spelled, spaced or
    (when short) numbered. ``already_clean`` as for normalise_for_matching: a body's
    paragraphs are; a page's lines as printed are not."""
    form = normalise_for_matching(paragraph, already_clean)
    if form.count(" ") < NUMBERLESS_WORDS and _NUMBER.search(form):
        form = _NUMBER.sub("0", form)
    return hashlib.sha1(form.encode("utf-8")).hexdigest()[:16]


# Clitics a reader looks past: a conjunction (و, ف), then a preposition (ب, ل, ك), then
# the article (ال), attached to the word. Stripped only while a stem of three letters or
# more remains, so «ولد» stays «ولد». One pass over the matching form, at each word's
# start: a word is a run of letters and digits there, so the stem cannot reach past it;
# half the time of a substitution a word (124 against 228 µs on a mirror body).
_CLITICS = re.compile(r"(?<!\S)(?:[وف][بلك]?(?:ال)?|[بلك](?:ال)?|ال)(?=\w{3})")


def search_terms(text: str, already_clean: bool = False) -> list[str]:
    """The words of ``text`` as search compares them: the matching form (hamza forms of
    alef, taa marbuta and haa, alif maqsura and yaa, diacritics, tatweel, Arabic-Indic
    digits, punctuation), then without attached clitics: «والدولة» and «الدوله» are both
    «دوله». Any query, quotes and operators included, becomes plain words.
    ``already_clean``: as for normalise_for_matching."""
    return _CLITICS.sub("", normalise_for_matching(text or "", already_clean)).split()
