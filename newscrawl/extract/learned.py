"""Site-wide furniture, learned from the archive: a paragraph that recurs on the pages of
several different stories of one site is that site's furniture — a crumb, a disclaimer,
posting rules, a newsletter or app prompt — whatever its words, in any language; and a
line that is the headline of another archived story of the site (with or without a label
before it: «طالع أيضاً: …») is a most-read, related or read-also list, not the story.
Evidence is counted per site in the archive (so distributed workers share it), per
distinct story: a follow-up repeating its own story's paragraphs is not evidence. A
story's evidence is its body's paragraphs and the short lines its page prints elsewhere
(LINE_WORDS).

``SiteFurniture.clean`` drops from a story's body the paragraphs the evidence already
names before it is archived; ``record`` adds the story's paragraphs to the evidence;
``clean_archive`` removes, in place, what became furniture after a story was archived.
"""

from __future__ import annotations

import re

from newscrawl.text.keys import content_hash, headline_key, paragraph_key

# A paragraph seen on this many distinct stories of a site is furniture. Measured on the
# bundled mirror: the article paragraphs of its 129 stories recur on at most 4 distinct
# stories (its corpus reuses sentences, as wire copy does); page furniture recurs on
# nearly every page. Real wire background paragraphs also recur across a few stories of
# one event. 6 leaves that margin and still catches a crumb or disclaimer after a handful
# of pages.
MIN_STORIES = 6  # the default of NEWSCRAWL_FURNITURE_MIN_STORIES
# A line of a few words — a label, a prompt, a counter — needs half the evidence: an
# article's own short lines (a subhead, a sign-off) rarely recur across unrelated stories,
# and labels are where pages vary their wording most, so each variant recurs less.
SHORT_WORDS = 6
# A line of at most this many words printed anywhere on a story's page — in a menu, a box,
# a prompt beside the article — counts as that story's evidence too: a prompt or label the
# site's template prints on most pages («انضم إلى قناتنا على تيليغرام») is furniture on the
# page where it slipped into the body, however rarely it does. Longer text outside a body
# (the teaser of another story, whose own body holds it) is not counted. Measured with the
# lines of the publishers' truth: on ../shared/realpages-world no short body line of 126,
# over 31 publishers with two pages or more, is printed outside the body of another page
# of its publisher; on the bundled mirror none of 129 stories' either.
LINE_WORDS = 12
# «طالع أيضاً: <headline>»: a label of a few words and a colon before another headline
# (or, up to three words, no colon).
_LABEL = re.compile(r"^[^:：]{1,30}[:：]\s*")
# A headline, with a label before it, is never longer than this: longer paragraphs are
# not looked up as headlines (a headline key costs a normalisation of the paragraph).
HEADLINE_WORDS = 40


def _short_threshold(min_stories: int) -> int:
    return max(2, min_stories // 2)


def threshold(paragraph: str, min_stories: int) -> int:
    return _short_threshold(min_stories) if len(paragraph.split()) <= SHORT_WORDS else min_stories


def lowest_threshold(min_stories: int) -> int:
    """The fewest other stories that make any paragraph furniture, short or long."""
    return min(min_stories, _short_threshold(min_stories))


def split(body: str) -> list[str]:
    return [p for p in (body or "").split("\n\n") if p.strip()]


class SiteFurniture:
    def __init__(self, store, site: str, min_stories: int = MIN_STORIES, site_names: tuple[str, ...] = ()):
        self.store = store
        self.site = site
        self.min_stories = min_stories
        self.site_names = site_names
        self._line_keys: dict[str, str] = {}  # a line as printed → its key: menus repeat on every page
        # Keys with evidence enough (min_stories stories), no longer recorded: read from the
        # archive once, then counted here. A menu is recorded for a handful of stories, not all.
        self._established: set[str] | None = None
        self._seen: dict[str, set[int]] = {}  # key → the stories that printed it, this run

    def _headline_forms(self, paragraph: str) -> list[str]:
        if len(paragraph.split()) > HEADLINE_WORDS:
            return []
        forms = [paragraph]
        label = _LABEL.match(paragraph)
        if label and len(paragraph[:label.end()].split()) <= 4:
            forms.append(paragraph[label.end():])
        keys = [headline_key(f, self.site_names, already_clean=True) for f in forms if len(f.split()) >= 3]
        if keys:
            # A label set apart by markup alone («<b>ذات صلة</b> <a>…</a>»): the line less
            # its first words, while a headline of some length remains.
            words = keys[0].split()
            keys.extend(" ".join(words[i:]) for i in range(1, 4) if len(words) - i >= 4)
        return keys

    def _furniture(self, paragraphs: list[str], keys: list[str], counts: dict, forms: list[list[str]],
                   headlines: set[str], own_headline: str) -> list[bool]:
        return [counts.get(k, 0) >= threshold(p, self.min_stories) or any(f in headlines and f != own_headline
                                                                            for f in fs)
                for p, k, fs in zip(paragraphs, keys, forms, strict=True)]

    def clean(self, body: str, own_headline: str = "", story_id: int | None = None) -> tuple[str, list[str], list[str]]:
        """(body without known furniture, keys kept, keys dropped); ``own_headline`` is the
        story's own headline key, never furniture in its own body."""
        paragraphs = split(body)
        keys = [paragraph_key(p) for p in paragraphs]
        counts = self.store.paragraph_stories(self.site, keys, story_id)
        forms = [self._headline_forms(p) for p in paragraphs]
        headlines = self.store.headline_keys(self.site, [f for fs in forms for f in fs])
        furniture = self._furniture(paragraphs, keys, counts, forms, headlines, own_headline)
        kept = [(p, k) for p, k, f in zip(paragraphs, keys, furniture, strict=True) if not f]
        dropped = [k for k, f in zip(keys, furniture, strict=True) if f]
        return "\n\n".join(p for p, _ in kept), [k for _, k in kept], dropped

    def _keys_of_lines(self, lines: list[str]) -> set[str]:
        if len(self._line_keys) > 20_000:  # a long crawl's related headlines and datelines: a few MB
            self._line_keys.clear()
            self._seen.clear()
        keys = set()
        for line in lines:
            key = self._line_keys.get(line)
            if key is None:
                key = self._line_keys[line] = paragraph_key(line, already_clean=False)
            keys.add(key)
        return keys

    def record(self, article_id: int, story_id: int, kept: list[str], dropped: list[str],
               lines: list[str] = ()) -> None:
        """Add a story's paragraphs (``kept`` in its body, ``dropped`` from it) and its
        page's other short lines (newscrawl.extract.structure.page_lines) to the evidence."""
        if self._established is None:
            self._established = self.store.recurring_paragraphs(self.site, self.min_stories)
        shown = self._keys_of_lines(lines) - set(kept) - set(dropped) - self._established
        for key in shown:
            stories = self._seen.setdefault(key, set())
            stories.add(story_id)  # a follow-up printing it again is no more evidence
            if len(stories) >= self.min_stories:
                self._established.add(key)
                del self._seen[key]
        self.store.record_paragraphs(self.site, article_id, story_id, kept, dropped, sorted(shown))

    def clean_archive(self, recent: list[int] | None = None) -> list[str]:
        """Remove furniture found since from the bodies of archived stories: those with a
        paragraph that now recurs enough, and the ``recent`` ones, whose lines may be
        headlines of stories archived after them. Their URLs.
        ``recent``: the rows this run archived. With it, the recent stories are those and
        every story archived since the last pass that ended (a killed run's), and only the
        paragraphs their pages hold are looked at, as no other paragraph's count changed:
        a run that archived nothing after a run that ended reads nothing (the hourly run
        over an unchanged site). None: every story with a recurring paragraph."""
        checked_through, since = self.store.latest_id(), self.store.furniture_checked(self.site)
        if recent is not None:
            # An archive no pass has marked was left by a newscrawl that read every recurring
            # paragraph at the end of every run: checked up to now.
            recent = sorted({*recent, *self.store.ids_after(self.site, checked_through if since is None else since)})
        recurring = set(self.store.bodies_with(self.site, lowest_threshold(self.min_stories), recent))
        cleaned = self._clean_stories(recurring, recent or ())
        if since != checked_through:
            self.store.set_furniture_checked(self.site, checked_through)
        return cleaned

    def _clean_stories(self, recurring: set[int], recent) -> list[str]:
        ids = sorted({*recurring, *recent})
        cleaned = []
        for start in range(0, len(ids), 300):  # a few hundred bodies at a time: a backfill's run is not loaded whole
            batch = [(article_id, url, split(body), own or "")
                     for article_id, url, body, own in self.store.bodies_of(ids[start:start + 300])]
            forms = {story[0]: [self._headline_forms(p) for p in story[2]] for story in batch}
            headlines = self.store.headline_keys(self.site, [f for fss in forms.values() for fs in fss for f in fs])
            # Counts for the bodies holding a recurring paragraph only: in the others (archived
            # this run) only a line that is another story's headline can have become furniture.
            # A story's own paragraphs count against it too here: it is one of the stories.
            keys = {story[0]: [paragraph_key(p) for p in story[2]] for story in batch if story[0] in recurring}
            counts = self.store.paragraph_stories(self.site, [k for ks in keys.values() for k in ks], None)
            for article_id, url, paragraphs, own in batch:
                story_keys = keys.get(article_id) or [""] * len(paragraphs)
                furniture = self._furniture(paragraphs, story_keys, counts, forms[article_id], headlines, own)
                if not any(furniture):
                    continue
                kept = [p for p, f in zip(paragraphs, furniture, strict=True) if not f]
                dropped = [k or paragraph_key(p)
                           for p, k, f in zip(paragraphs, story_keys, furniture, strict=True) if f]
                new_body = "\n\n".join(kept)
                self.store.set_body(article_id, new_body, word_count=len(new_body.split()),
                                    content_hash=content_hash(new_body, already_clean=True), dropped=dropped)
                cleaned.append(url)
        return cleaned
