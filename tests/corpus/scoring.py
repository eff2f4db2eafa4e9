"""Scores an extractor against a labeled corpus: precision, recall and F1 per kind.

A corpus is JSON lines ``{"id", "source", "text", "entities": [{"kind", "value"}]}``
(labeled.jsonl beside this file, or any file of that format). Scoring compares sets of
(document id, kind, normalized value): finding one value twice in a page is one hit,
and where in the page it was found does not matter.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extractors import kinds

CORPUS = Path(__file__).resolve().parent / "labeled.jsonl"


@dataclass(frozen=True)
class Document:
    id: str
    source: str
    text: str
    entities: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class Target:
    precision: float
    recall: float


# The team's quality targets (see the extractor brief); kinds not listed have none.
TARGETS: dict[str, Target] = {
    **{kind: Target(1.00, 0.99) for kind in kinds.CRYPTO},
    kinds.PHONE: Target(0.95, 0.90),
    **{kind: Target(0.95, 0.95) for kind in kinds.CONTACTS},
    kinds.PGP_FINGERPRINT: Target(0.95, 0.95),
    kinds.ALIAS: Target(0.85, 0.80),
}
MICRO_F1_TARGET = 0.93


@dataclass
class KindScore:
    kind: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        # Nothing reported is no false claim: precision is 1 then, and recall shows the miss.
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def meets(self, target: Target) -> bool:
        return self.precision >= target.precision and self.recall >= target.recall


@dataclass(frozen=True)
class Error:
    """A false positive (reported, not labeled) or false negative (labeled, missed)."""

    document: str
    kind: str
    value: str
    false_positive: bool
    context: str = ""


@dataclass
class Report:
    per_kind: dict[str, KindScore]
    errors: list[Error] = field(default_factory=list)

    @property
    def micro(self) -> KindScore:
        total = KindScore("all")
        for score in self.per_kind.values():
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
        return total


class CorpusError(ValueError):
    """A corpus line that is not a labeled document."""


def load_corpus(path: Path = CORPUS) -> list[Document]:
    documents = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            documents.append(_document(json.loads(line), path, number))
            if documents[-1].id in seen:
                raise CorpusError(f"{path}:{number}: duplicate id {documents[-1].id!r}")
            seen.add(documents[-1].id)
    return documents


def _document(raw: object, path: Path, number: int) -> Document:
    where = f"{path}:{number}"
    if not isinstance(raw, dict):
        raise CorpusError(f"{where}: expected a JSON object")
    for key, kind in (("id", str), ("text", str), ("entities", list)):
        if not isinstance(raw.get(key), kind):
            raise CorpusError(f"{where}: field {key!r} must be a {kind.__name__}")
    labels = set()
    for entity in raw["entities"]:
        if not isinstance(entity, dict) or entity.get("kind") not in kinds.ALL:
            raise CorpusError(f"{where}: bad entity {entity!r} (kind must be one of kinds.ALL)")
        if not isinstance(entity.get("value"), str) or not entity["value"]:
            raise CorpusError(f"{where}: entity {entity!r} needs a non-empty string value")
        labels.add((entity["kind"], entity["value"]))
    return Document(raw["id"], str(raw.get("source", "")), raw["text"], frozenset(labels))


# An extractor for scoring: text -> (kind, value, context) for everything it found.
Extract = Callable[[str], Iterable[tuple[str, str, str]]]


def score(documents: Iterable[Document], extract: Extract) -> Report:
    per_kind = {kind: KindScore(kind) for kind in sorted(kinds.ALL)}
    errors: list[Error] = []
    for document in documents:
        contexts: dict[tuple[str, str], str] = {}
        for kind, value, context in extract(document.text):
            contexts.setdefault((kind, value), context)
        found = set(contexts)
        for kind, _value in found & document.entities:
            per_kind[kind].tp += 1
        for kind, value in found - document.entities:
            per_kind[kind].fp += 1
            errors.append(Error(document.id, kind, value, True, contexts[(kind, value)]))
        for kind, value in document.entities - found:
            per_kind[kind].fn += 1
            errors.append(Error(document.id, kind, value, False))
    return Report(per_kind, errors)


def registry_extract(text: str) -> list[tuple[str, str, str]]:
    """The team's whole engine, every kind, default options."""
    from extractors.registry import extract

    return [(m.kind, m.value, m.context) for m in extract(text)]
