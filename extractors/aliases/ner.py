"""Optional aliases from a pretrained spaCy NER model the operator installed.

Only a model installed as a Python package is used (``spacy.util.is_package``); nothing
is ever downloaded. A configured model that is not installed is a configuration error:
``require_model`` raises ``ModelNotInstalledError`` naming it, so a crawl started with
``extract.spacy_model`` set never runs silently without the NER it was asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import spacy
from spacy.language import Language

from extractors.aliases import lexicon
from extractors.aliases.cues import Candidate

PERSON_CONFIDENCE = 0.55
VENDOR_ORG_CONFIDENCE = 0.6
# Pages are split into pieces this long so the model's cost per page stays linear and
# its memory bounded whatever the page size.
_CHUNK = 20_000
# An ORG is a vendor only right after a vendor cue ("vendor Green Dragon Labs").
_VENDOR_CUE_BEFORE = re.compile(
    r"(?:vendor|seller|shop|store|sold by|shipped by|ordered from|bought from)\W{0,3}$",
    re.IGNORECASE,
)
_VENDOR_CUE_REACH = 40
# Components that do not set entities; switched off for speed. Everything else stays,
# since a pipeline's NER may need its tok2vec or transformer, or be an entity_ruler.
_NOT_ENTITY_COMPONENTS = frozenset(
    {
        "tagger",
        "parser",
        "lemmatizer",
        "trainable_lemmatizer",
        "attribute_ruler",
        "morphologizer",
        "senter",
        "sentencizer",
        "textcat",
        "textcat_multilabel",
        "entity_linker",
    }
)


class ModelNotInstalledError(LookupError):
    """``spacy_model`` names a package that is not installed."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy model {name!r} is configured (extract.spacy_model) but not installed; "
            f"install it with `python -m spacy download {name}` or unset spacy_model"
        )
        self.name = name


def require_model(name: str) -> Language:
    """The installed pipeline called ``name``, loaded once per process."""
    if not spacy.util.is_package(name):
        raise ModelNotInstalledError(name)
    return _load(name)


@cache
def _load(name: str) -> Language:
    return spacy.load(name)


def find_entities(nlp: Language, text: str) -> Iterator[Candidate]:
    """PERSON entities anywhere, ORG entities right after a vendor cue."""
    unneeded = [name for name in nlp.pipe_names if name in _NOT_ENTITY_COMPONENTS]
    offsets = range(0, len(text), _CHUNK)
    with nlp.select_pipes(disable=unneeded):
        docs = nlp.pipe(text[offset : offset + _CHUNK] for offset in offsets)
        for offset, doc in zip(offsets, docs, strict=True):
            for entity in doc.ents:
                start = offset + entity.start_char
                end = offset + entity.end_char
                candidate = _entity_candidate(text, entity.label_, entity.text, start, end)
                if candidate is not None:
                    yield candidate


def _entity_candidate(text: str, label: str, value: str, start: int, end: int) -> Candidate | None:
    if label == "PERSON":
        confidence = PERSON_CONFIDENCE
    elif label == "ORG" and _VENDOR_CUE_BEFORE.search(
        text[max(0, start - _VENDOR_CUE_REACH) : start]
    ):
        confidence = VENDOR_ORG_CONFIDENCE
    else:
        return None
    if lexicon.is_rejected(value) or not lexicon.is_name_shaped(value):
        return None
    return Candidate(value, start, end, confidence, f"ner.{label.lower()}")
