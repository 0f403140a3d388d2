"""Pages a bot-protection layer shows instead of the article. Pure."""

from __future__ import annotations

import re

from .htmltext import strip_markup

# Markers of the challenge and block pages of the common protection services, and of
# JavaScript-only shells that carry no text at all.
CHALLENGE_MARKERS = re.compile(
    r"<title>\s*(?:Just a moment\.\.\.|Attention Required! \| Cloudflare|Access denied|DDoS-Guard|"
    r"Checking your browser[^<]*|Please Wait\.\.\. \| Cloudflare|Security check)\s*</title>"
    r"|/cdn-cgi/challenge-platform/|cf-browser-verification|id=\"challenge-(?:running|form)\""
    r"|class=\"(?:g-recaptcha|h-captcha)\"|_Incapsula_Resource|window\._cf_chl_opt"
    r"|<noscript>\s*Please enable JavaScript and cookies to continue", re.I)


# Challenge pages are small; a full article page that merely loads a protection script
# (Cloudflare's /cdn-cgi/challenge-platform/ beacon rides on normal pages) is not one.
CHALLENGE_MAX_SIZE = 60000


def is_challenge(html: str) -> bool:
    """Whether a 200 answer is a challenge or block page rather than the article."""
    if len(html) > CHALLENGE_MAX_SIZE:
        return False
    if CHALLENGE_MARKERS.search(html):
        return True
    # A JS-only shell: a script-driven page with almost no text of its own.
    return "<script" in html.lower() and len(strip_markup(html).split()) < 5
