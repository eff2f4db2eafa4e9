"""Aliases: vendor names, monikers and forum handles (DESIGN.md kind ``alias``).

Four sources, most trusted first: names the site's selectors pulled out of the page
(``ExtractOptions.structured_aliases``), names right after cue phrases (spaCy Matcher
on windows around cues; works with no downloaded model), chat speakers and post
signatures read off the layout, and, only when
``ExtractOptions.spacy_model`` names an installed package, a pretrained NER model.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from extractors import kinds
from extractors.aliases.cues import Candidate, find_candidates
from extractors.aliases.ner import ModelNotInstalledError, find_entities, require_model
from extractors.aliases.structured import find_structured
from extractors.aliases.transcript import find_layout_aliases
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
    ]
    if options.spacy_model:
        found.append(find_entities(require_model(options.spacy_model), text))
    for candidate in _most_confident_per_span(found):
        yield Match(
            kind=kinds.ALIAS,
            value=candidate.value,
            raw=text[candidate.start : candidate.end],
            start=candidate.start,
            end=candidate.end,
            confidence=candidate.confidence,
            extractor=f"aliases.{candidate.rule}",
        )


def _most_confident_per_span(sources: Iterable[Iterable[Candidate]]) -> list[Candidate]:
    best: dict[tuple[int, int], Candidate] = {}
    for source in sources:
        for candidate in source:
            span = (candidate.start, candidate.end)
            if span not in best or candidate.confidence > best[span].confidence:
                best[span] = candidate
    return sorted(best.values(), key=lambda c: (c.start, c.end))


FAMILY = Family(name="aliases", kinds=frozenset({kinds.ALIAS}), find=find, is_alias_family=True)
