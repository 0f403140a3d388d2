"""Pages a bot-protection layer shows instead of the article. Pure."""

from __future__ import annotations

import re

from newscrawl.fetch.htmltext import has_words

# Markers of the challenge and block pages of the common protection services, and of
# JavaScript-only shells that carry no text at all; matched in the lower-cased page.
# Plain substrings and patterns that start with a fixed tag: one alternation of them all,
# case-insensitive, is tried at every position of the page and costs more than the rest
# of a page's checks together. All are ASCII, so they are matched in the page's UTF-8
# bytes: bytes.lower() leaves other characters alone, where str.lower() looks up every
# Arabic letter in the Unicode tables (0.06 against 0.3 ms on a 43 000-character page).
CHALLENGE_SUBSTRINGS = (b"/cdn-cgi/challenge-platform/", b"cf-browser-verification", b'id="challenge-running"',
                        b'id="challenge-form"', b'class="g-recaptcha"', b'class="h-captcha"', b"_incapsula_resource",
                        b"window._cf_chl_opt")
CHALLENGE_PATTERNS = re.compile(
    rb"<title>\s*(?:just a moment\.\.\.|attention required! \| cloudflare|access denied|ddos-guard|"
    rb"checking your browser[^<]*|please wait\.\.\. \| cloudflare|security check)\s*</title>"
    rb"|<noscript>\s*please enable javascript and cookies to continue")


_SCRIPT = re.compile("<script", re.I)

# Challenge pages are small; a full article page that merely loads a protection script
# (Cloudflare's /cdn-cgi/challenge-platform/ beacon rides on normal pages) is not one.
CHALLENGE_MAX_SIZE = 60000


def is_challenge(html: str, raw: bytes | None = None) -> bool:
    """Whether a 200 answer is a challenge or block page rather than the article.
    ``raw``: the page's bytes, when their encoding writes ASCII as ASCII (the markers are
    ASCII): they need no encoding again."""
    if len(html) > CHALLENGE_MAX_SIZE:
        return False
    lowered = (raw if raw is not None else html.encode("utf-8", "surrogatepass")).lower()
    if any(marker in lowered for marker in CHALLENGE_SUBSTRINGS) or CHALLENGE_PATTERNS.search(lowered):
        return True
    # A JS-only shell: a script-driven page with almost no text of its own.
    return _SCRIPT.search(html) is not None and not has_words(html, 5)
