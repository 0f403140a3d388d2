"""The noise real Arabic pages carry, added to the mirror's text at render time.

The manifest keeps the clean truth; every kind here must be removable exactly by
newscrawl.text, which is what the tests check.
"""

from __future__ import annotations

import unicodedata

KINDS = ("tatweel", "bidi", "nbsp", "presentation", "mojibake", "entities", "")


def _isolated_forms() -> dict[str, str]:
    forms = {}
    for code in range(0xFE70, 0xFEFF):
        name = unicodedata.name(chr(code), "")
        if name.endswith("ISOLATED FORM"):
            base = unicodedata.normalize("NFKC", chr(code))
            if len(base) == 1:
                forms.setdefault(base, chr(code))
    return forms


ISOLATED = _isolated_forms()


def tatweel(text: str) -> str:
    """Stretch every fourth long word: «الحكومة» → «الحكـومة»."""
    words = text.split(" ")
    for i in range(0, len(words), 4):
        w = words[i]
        if len(w) >= 5 and all("\u0621" <= c <= "\u064a" for c in w[2:4]) and w[2] not in "اأإآدذرزوؤةى":
            words[i] = w[:3] + "ـــ" + w[3:]
    return " ".join(words)


def bidi(text: str) -> str:
    """An RLM after each number, a ZWNJ inside a word, the whole wrapped in an embedding."""
    out = []
    for word in text.split(" "):
        if word.isdigit():
            word += "\u200f"
        elif len(word) > 6:
            word = word[:3] + "\u200c" + word[3:]
        out.append(word)
    return "\u202b" + " ".join(out) + "\u202c\u200b"


def nbsp(text: str) -> str:
    return text.replace(" ", "\u00a0", 3).replace(" ", "  ", 1)


def presentation(text: str) -> str:
    return "".join(ISOLATED.get(c, c) for c in text)


def mojibake(text: str) -> str:
    """UTF-8 bytes shown as Windows-1256, as a misconfigured CMS does."""
    return text.encode("utf-8").decode("cp1256")


def add(text: str, kind: str) -> str:
    """``text`` with one kind of noise; «entities» is applied by the page templates."""
    return {"tatweel": tatweel, "bidi": bidi, "nbsp": nbsp, "presentation": presentation,
            "mojibake": mojibake}.get(kind, lambda t: t)(text)
