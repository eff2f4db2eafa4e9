"""Aliases: vendor names, monikers and forum handles (DESIGN.md kind ``alias``).

Four sources, most trusted first: names the site's selectors pulled out of the page
(``ExtractOptions.structured_aliases``), names right after cue phrases (spaCy Matcher
on windows around cues; works with no downloaded model), chat speakers, post
signatures, vendor tables and lists read off the layout, the user columns of SQL
dumps, and, only when ``ExtractOptions.spacy_model`` names an installed package, a
pretrained NER model.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from extractors import kinds
from extractors.aliases.ad_names import find_ad_names
from extractors.aliases.cues import Candidate, find_candidates
from extractors.aliases.handles import find_handle_shapes
from extractors.aliases.known_names import find_known_names
from extractors.aliases.listings import find_listing_aliases
from extractors.aliases.ner import ModelNotInstalledError, find_entities, require_model
from extractors.aliases.rosters import find_roster_names
from extractors.aliases.sql_dumps import find_sql_users
from extractors.aliases.structured import find_structured
from extractors.aliases.transcript import find_layout_aliases
from extractors.aliases.vcards import find_vcard_names
from extractors.base import ExtractOptions, Family, Match

__all__ = ["FAMILY", "ModelNotInstalledError", "find", "require_model"]


def find(text: str, options: ExtractOptions) -> Iterator[Match]:
    """Aliases in ``text``; raises ModelNotInstalledError for a missing ``spacy_model``."""
    if not options.wants(kinds.ALIAS):
        return
    found: list[Iterable[Candidate]] = [
        find_structured(text, options.structured_aliases),
        find_candidates(text),
        find_layout_aliases(text),
        find_listing_aliases(text),
        find_roster_names(text),
        find_handle_shapes(text),
        find_ad_names(text),
        find_known_names(text),
        find_sql_users(text),
        find_vcard_names(text),
    ]
    if options.spacy_model:
        found.append(find_entities(require_model(options.spacy_model), text))
    kept = _without_overlaps(found)
    written = _as_written_elsewhere(text, kept)
    for candidate in kept:
        yield Match(
            kind=kinds.ALIAS,
            value=written.get(candidate.value, candidate.value),
            raw=text[candidate.start : candidate.end],
            start=candidate.start,
            end=candidate.end,
            confidence=candidate.confidence,
            extractor=f"aliases.{candidate.rule}",
        )


def _as_written_elsewhere(text: str, candidates: list[Candidate]) -> dict[str, str]:
    """Shouted names mapped to how the same page writes them otherwise: an ad's title
    says "BIANCA", its text "Bianca"; both mentions are one alias, "Bianca"."""
    written: dict[str, str] = {}
    for candidate in candidates:
        if not candidate.value.isupper():
            written.setdefault(candidate.value.upper(), candidate.value)
    shouted = {c.value for c in candidates if c.value.isupper() and len(c.value) > 1}
    for value in shouted - written.keys():
        title = value.title()
        if _whole_word(title).search(text):
            written[value] = title
    return {value: written[value] for value in shouted if value in written}


def _whole_word(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])")


def _without_overlaps(sources: Iterable[Iterable[Candidate]]) -> list[Candidate]:
    """One alias per stretch of text: the longest ("Green Lotus Labs" over "Green"),
    then the most confident (a structured name over the same span found by a cue)."""
    candidates = sorted(
        (candidate for source in sources for candidate in source),
        key=lambda c: (c.start - c.end, -c.confidence, c.start),
    )
    kept: list[Candidate] = []
    starts: list[int] = []  # of kept spans, which never overlap, so sorted by start
    for candidate in candidates:
        at = bisect_left(starts, candidate.start)
        if at > 0 and kept[at - 1].end > candidate.start:
            continue
        if at < len(kept) and kept[at].start < candidate.end:
            continue
        starts.insert(at, candidate.start)
        kept.insert(at, candidate)
    return kept


FAMILY = Family(name="aliases", kinds=frozenset({kinds.ALIAS}), find=find, is_alias_family=True)
