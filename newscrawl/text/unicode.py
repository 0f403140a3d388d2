"""Unicode noise in Arabic web text, removed without touching the words.

Letters (hamza and alef forms, ى/ي, ة/ه), diacritics, digits (Eastern Arabic stay
Eastern Arabic) and punctuation are never changed here: letter folding exists only in
``keys.py``, for matching.
"""

from __future__ import annotations

import html
import re
import unicodedata
from itertools import islice

TATWEEL = "\u0640"
# Zero-width and bidi controls: ZWSP, ZWNJ, ZWJ, LRM, RLM, embeddings/overrides,
# isolates, the Arabic letter mark, and the BOM / zero-width no-break space.
INVISIBLE = "".join(chr(c) for c in (*range(0x200B, 0x2010), *range(0x202A, 0x202F),
                                     *range(0x2066, 0x206A), 0x061C, 0xFEFF, 0x00AD, 0x2060))
# No-break and typographic spaces that should read as one plain space.
ODD_SPACES = "".join(chr(c) for c in (0x00A0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000,
                                      0x1680, 0x0009, 0x000B, 0x000C))


def _presentation_forms() -> dict[int, str]:
    """Arabic presentation forms A and B mapped to the letters they draw.

    NFKC writes the isolated harakat forms (U+FE70…) as space + mark; the space is
    an artefact of the compatibility mapping, so it is dropped."""
    table = {}
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)):
        mapped = unicodedata.normalize("NFKC", chr(code))
        if mapped != chr(code):
            table[code] = mapped.lstrip(" ") if mapped.startswith(" ") and len(mapped) > 1 else mapped
    return table


PRESENTATION_FORMS = _presentation_forms()
_NOISE_CHARS = re.compile("[" + re.escape(INVISIBLE + ODD_SPACES) + "\ufb50-\ufdff\ufe70-\ufeff]")
_NOISE = str.maketrans({**PRESENTATION_FORMS, **{c: None for c in INVISIBLE},
                        **{c: " " for c in ODD_SPACES}})
_LETTER_OR_MARK = "\u0621-\u063F\u0641-\u065F\u0670-\u06D3"
# Tatweel inside a word only stretches it. After a one-letter prefix and before a digit,
# a quote or a space («الـ36», «بـ"الجيش"», «لـ «اليوم»», «هـ») it is punctuation: kept once.
# Alone between spaces it is the dash of a dateline («الخرطوم ـ أعلن»): kept. Runs of it
# anywhere else (rule lines «ـــــ») are decoration.
_STRETCH = re.compile(rf"(?<=[{_LETTER_OR_MARK}])\u0640+(?=[{_LETTER_OR_MARK}])|(?<![{_LETTER_OR_MARK}\s])\u0640+"
                      rf"|(?<=\s)\u0640{{2,}}|(?<=\s)\u0640(?!\s)|^\u0640+")
_TATWEEL_RUN = re.compile("\u0640{2,}")
_SPACES = re.compile(r" {2,}")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_PLAUSIBLE = re.compile(r"[\x00-\xff\u0600-\u06ff\u2000-\u206f\ufb50-\ufdff\ufe70-\ufeff]*")
# Every wrong decoding repair_mojibake undoes leaves characters from Latin-1 or from
# Windows-125x's symbol rows; genuine Arabic text (apart from « ») has none of them.
_MOJIBAKE_HINT = re.compile("[\u0080-\u00aa\u00ac-\u00ba\u00bc-\u00ff\u0152\u0153\u0160\u0161\u0178"
                            "\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2026\u2030\u2039\u203a\u20ac\u2122"
                            "\u067e\u0679\u0686\u0698\u0688\u06af\u06a9\u0691\u06ba\u06be\u06c1\u200c\u200d]")
_LATIN1_HIGH = re.compile(r"[\u00C0-\u00FF]")


def repair_mojibake(text: str) -> str:
    """Undo a wrong decoding when it is certain.

    - UTF-8 bytes read as Windows-1256 («ط§ظ„ط³ظ„ط§ظ…»), Windows-1252 or Latin-1
      («Ø§Ù„Ø³Ù„Ø§Ù…»): every Arabic letter became a lead character (ط ظ / Ø Ù …)
      plus a symbol, so lead characters make up a third or more of the text;
      re-encoding must give valid UTF-8 (genuine Arabic in those code pages almost
      never does) holding Arabic and nothing outside the Arabic, Latin-1 and
      punctuation blocks.
    - Windows-1256 bytes read as Latin-1 («ÇáÓáÇã»): text with no Arabic but many
      Latin-1 letters that decodes as Windows-1256 to mostly Arabic letters.
    Anything less certain is returned unchanged.
    """
    visible = len(text) - text.count(" ")
    if visible < 4 or not _MOJIBAKE_HINT.search(text):
        return text
    for wrong, leads in (("cp1256", "طظعغ"), ("cp1252", "ØÙÚÛ"), ("latin-1", "ØÙÚÛ")):
        if sum(text.count(c) for c in leads) < 0.3 * visible:
            continue
        try:
            fixed = text.encode(wrong).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        # Four letters found, not every letter listed: a repaired paragraph is all letters.
        if next(islice(_ARABIC_LETTER.finditer(fixed), 3, None), None) and _PLAUSIBLE.fullmatch(fixed):
            return fixed
    if not _ARABIC_LETTER.search(text) and len(_LATIN1_HIGH.findall(text)) >= 3:
        for wrong in ("latin-1", "cp1252"):
            try:
                fixed = text.encode(wrong).decode("cp1256")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            letters = [c for c in fixed if c.isalpha()]
            if letters and len(_ARABIC_LETTER.findall(fixed)) / len(letters) > 0.8:
                return fixed
    return text


def clean_inline(text: str | None) -> str:
    """One line of text with the noise removed: entities decoded, mojibake repaired,
    NFC, presentation forms to letters, invisible controls removed, tatweel removed
    where it stretches a word (kept once where it detaches a prefix: «الـ36»), odd
    spaces to plain spaces, runs of spaces collapsed, ends trimmed. Newlines become
    spaces. Idempotent."""
    if not text:
        return ""
    text = html.unescape(text)
    text = repair_mojibake(text)
    if _NOISE_CHARS.search(text):  # most text has none: skip the per-character table
        text = text.translate(_NOISE)
    if TATWEEL in text:
        text = _TATWEEL_RUN.sub(TATWEEL, _STRETCH.sub("", text))
    # NFC last: removing a control between two marks can leave them out of canonical order.
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r", " ").replace("\n", " ")
    return (_SPACES.sub(" ", text) if "  " in text else text).strip()
