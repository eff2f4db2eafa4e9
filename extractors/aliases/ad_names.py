"""Names that escort and massage ads set off by layout rather than by a cue phrase.

    ✨ Jade ✨ Exotic Asian Doll          a name framed by emoji at the start of a line
    Kendra 💎 Upscale Blonde               (or followed by them)
    Angel (19), Rose (20), Mai (18)        a list of names, each with an adult's age

One capitalised word is taken, never a phrase: "⭐ Grand Opening ⭐" and "🌸 Sweet &
Young 🌸" frame no single word, and words the lexicon knows ("Special", "Downtown",
"Rates") are not names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.aliases import lexicon
from extractors.aliases.cues import Candidate
from extractors.aliases.listings import candidate_from_match

FRAMED_CONFIDENCE = 0.6
AGED_LIST_CONFIDENCE = 0.65

_EMOJI = lexicon.EMOJI
_NAME = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,15}"
# The name opens its line, after at most a few emoji, and emoji follow it.
_FRAMED = re.compile(rf"(?m)^[ \t]*(?:{_EMOJI}{{1,8}}[ \t]*)?(?P<name>{_NAME})[ \t]*{_EMOJI}")
_AGE = r"(?:1[89]|[2-5]\d)"
# "Angel (19)", "Daniela (22, Venezuela)", "Mai (18 y.o.)": the age in brackets is found
# first (a literal "(" the engine skips to at memchr speed), then the name before it.
_AGE_IN_BRACKETS = re.compile(rf"\({_AGE}(?=[,)\s])")
_NAME_BEFORE = re.compile(rf"(?<![^\W\d_])(?P<name>{_NAME})[ \t]$")
_LONGEST_NAME = 17  # _NAME and the space after it
# Two of them on one line make a list of people.
_AGED_LIST_MINIMUM = 2


def find_ad_names(text: str) -> Iterator[Candidate]:
    # A one-byte test: most pages have no "(" before a digit and no emoji at all.
    if not text.isascii():
        for found in _FRAMED.finditer(text):
            yield from candidate_from_match(found, FRAMED_CONFIDENCE, "framed_name")
    if "(" in text:
        yield from _aged_lists(text)


def _aged_lists(text: str) -> Iterator[Candidate]:
    by_line: dict[int, list[re.Match[str]]] = {}
    for bracket in _AGE_IN_BRACKETS.finditer(text):
        at = bracket.start()
        found = _NAME_BEFORE.search(text, max(0, at - _LONGEST_NAME), at)
        if found is not None:
            by_line.setdefault(text.rfind("\n", 0, at), []).append(found)
    for items in by_line.values():
        if len(items) >= _AGED_LIST_MINIMUM:
            for found in items:
                yield from candidate_from_match(found, AGED_LIST_CONFIDENCE, "aged_list")
