"""Pages a bot-protection layer shows instead of the article. Pure."""

from __future__ import annotations

import re

from .htmltext import has_words

# Markers of the challenge and block pages of the common protection services, and of
# JavaScript-only shells that carry no text at all; matched in the lower-cased page.
# Plain substrings and patterns that start with a fixed tag: one alternation of them all,
# case-insensitive, is tried at every position of the page and costs more than the rest
# of a page's checks together.
CHALLENGE_SUBSTRINGS = ("/cdn-cgi/challenge-platform/", "cf-browser-verification", 'id="challenge-running"',
                        'id="challenge-form"', 'class="g-recaptcha"', 'class="h-captcha"', "_incapsula_resource",
                        "window._cf_chl_opt")
CHALLENGE_PATTERNS = re.compile(
    r"<title>\s*(?:just a moment\.\.\.|attention required! \| cloudflare|access denied|ddos-guard|"
    r"checking your browser[^<]*|please wait\.\.\. \| cloudflare|security check)\s*</title>"
    r"|<noscript>\s*please enable javascript and cookies to continue")


_SCRIPT = re.compile("<script", re.I)

# Challenge pages are small; a full article page that merely loads a protection script
# (Cloudflare's /cdn-cgi/challenge-platform/ beacon rides on normal pages) is not one.
CHALLENGE_MAX_SIZE = 60000


def is_challenge(html: str) -> bool:
    """Whether a 200 answer is a challenge or block page rather than the article."""
    if len(html) > CHALLENGE_MAX_SIZE:
        return False
    lowered = html.lower()
    if any(marker in lowered for marker in CHALLENGE_SUBSTRINGS) or CHALLENGE_PATTERNS.search(lowered):
        return True
    # A JS-only shell: a script-driven page with almost no text of its own.
    return _SCRIPT.search(html) is not None and not has_words(html, 5)
