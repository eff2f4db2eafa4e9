"""Extraction quality on the labeled corpus: the team's per-kind targets as thresholds.

Also checks the corpus itself: it is what build_corpus.py writes, it covers every kind,
and its labels are normalized as DESIGN.md says (so a failure here is the extractor's).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import base58
import phonenumbers
import pytest
from bip_utils import EthAddrDecoder

from extractors import kinds
from tests.corpus.scoring import (
    CORPUS,
    MICRO_F1_TARGET,
    TARGETS,
    CorpusError,
    Report,
    load_corpus,
    registry_extract,
    score,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))
import build_corpus

DOCUMENTS = load_corpus()


@pytest.fixture(scope="module")
def report() -> Report:
    return score(DOCUMENTS, registry_extract)


@pytest.mark.parametrize("kind", sorted(TARGETS))
def test_kind_meets_its_target(report: Report, kind: str) -> None:
    result, target = report.per_kind[kind], TARGETS[kind]
    misses = [
        (e.document, e.value, "FP" if e.false_positive else "FN")
        for e in report.errors
        if e.kind == kind
    ]
    assert result.precision >= target.precision, (result, misses[:20])
    assert result.recall >= target.recall, (result, misses[:20])


def test_micro_f1_over_all_kinds(report: Report) -> None:
    assert report.micro.f1 >= MICRO_F1_TARGET, report.micro


class TestCorpus:
    def test_is_what_the_generator_writes(self) -> None:
        built = build_corpus.build()
        committed = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
        assert built == committed, "run .venv/bin/python tests/corpus/build_corpus.py"

    def test_size_sources_and_every_kind(self) -> None:
        assert len(DOCUMENTS) >= 300
        assert {d.source for d in DOCUMENTS} >= {"market", "adboard", "forum", "paste", "chat"}
        labeled = {kind for d in DOCUMENTS for kind, _ in d.entities}
        assert labeled == kinds.ALL
        assert sum(1 for d in DOCUMENTS if not d.entities) >= 10  # pages with nothing to find

    @pytest.mark.parametrize(
        ("kind", "shape"),
        [
            (kinds.BTC, r"(?:[13][1-9A-HJ-NP-Za-km-z]{25,34}|bc1[02-9ac-hj-np-z]{11,71})"),
            (kinds.LTC, r"(?:[LM][1-9A-HJ-NP-Za-km-z]{26,33}|ltc1[02-9ac-hj-np-z]{11,71})"),
            (kinds.BCH, r"bitcoincash:[qp][02-9ac-hj-np-z]{41}"),
            (kinds.ETH, r"0x[0-9a-fA-F]{40}"),
            (kinds.XMR, r"[48][1-9A-HJ-NP-Za-km-z]{94}(?:[1-9A-HJ-NP-Za-km-z]{11})?"),
            (kinds.DOGE, r"[DA9][1-9A-HJ-NP-Za-km-z]{25,33}"),
            (kinds.TRX, r"T[1-9A-HJ-NP-Za-km-z]{33}"),
            (kinds.SOL, r"[1-9A-HJ-NP-Za-km-z]{32,44}"),
            (kinds.ZEC, r"t[13][1-9A-HJ-NP-Za-km-z]{33}"),
            (kinds.DASH, r"[X7][1-9A-HJ-NP-Za-km-z]{33}"),
            (kinds.PHONE, r"\+[1-9]\d{6,14}"),
            (kinds.EMAIL, r"[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}"),
            (kinds.ONION, r"[a-z2-7]{56}\.onion"),
            (kinds.PGP_FINGERPRINT, r"[0-9A-F]{40}"),
            (kinds.TELEGRAM, r"[a-z][a-z0-9_]{4,31}"),
            (kinds.WICKR, r"[a-z0-9_.-]{3,32}"),
            (kinds.SESSION, r"05[0-9a-f]{64}"),
            (kinds.JABBER, r"[a-z0-9._-]+@[a-z0-9.-]+\.[a-z0-9]{2,}"),
            (kinds.ALIAS, r"[^@\s/](?:.*[^\s.,;:!?])?"),
        ],
    )
    def test_values_are_normalized(self, kind: str, shape: str) -> None:
        wrong = [
            value
            for d in DOCUMENTS
            for k, value in d.entities
            if k == kind and not re.fullmatch(shape, value)
        ]
        assert wrong == []

    def test_checksums_of_labeled_values_verify(self) -> None:
        for document in DOCUMENTS:
            for kind, value in document.entities:
                if kind in {kinds.BTC, kinds.LTC, kinds.DOGE, kinds.DASH, kinds.ZEC, kinds.TRX}:
                    if not value.startswith(("bc1", "ltc1")):
                        base58.b58decode_check(value)  # raises on a bad checksum
                elif kind == kinds.ETH:
                    # the checksummed form decodes; a wrong EIP-55 case would raise
                    EthAddrDecoder.DecodeAddr(value)
                elif kind == kinds.PHONE:
                    assert phonenumbers.is_valid_number(phonenumbers.parse(value)), value


class TestScoring:
    def test_sets_of_document_kind_value(self) -> None:
        documents = load_corpus_from_lines(
            [
                {"id": "a", "text": "x", "entities": [{"kind": "btc", "value": "1A"}]},
                {"id": "b", "text": "y", "entities": []},
            ]
        )
        found = {"x": [("btc", "1A", ""), ("btc", "1A", ""), ("eth", "0x1", "")], "y": []}
        report = score(documents, lambda text: found[text])
        assert (report.per_kind["btc"].tp, report.per_kind["btc"].fp) == (1, 0)
        assert (report.per_kind["eth"].fp, report.per_kind["eth"].precision) == (1, 0.0)
        assert report.micro.tp == 1 and report.micro.fp == 1 and report.micro.fn == 0

    @pytest.mark.parametrize(
        "line",
        [
            "[1, 2]",
            '{"id": 1, "text": "x", "entities": []}',
            '{"id": "a", "text": "x", "entities": [{"kind": "bitcoin", "value": "1A"}]}',
            '{"id": "a", "text": "x", "entities": [{"kind": "btc", "value": ""}]}',
            '{"id": "a", "text": "x"}',
        ],
    )
    def test_bad_corpus_lines_are_named(self, tmp_path: Path, line: str) -> None:
        path = tmp_path / "bad.jsonl"
        path.write_text('{"id": "ok", "text": "", "entities": []}\n' + line + "\n")
        with pytest.raises(CorpusError, match=r"bad\.jsonl:2"):
            load_corpus(path)

    def test_duplicate_ids_are_refused(self, tmp_path: Path) -> None:
        path = tmp_path / "dup.jsonl"
        path.write_text('{"id": "a", "text": "", "entities": []}\n' * 2)
        with pytest.raises(CorpusError, match="duplicate id"):
            load_corpus(path)


def load_corpus_from_lines(lines: list[dict]) -> list:
    from tests.corpus.scoring import _document

    return [_document(line, Path("inline"), number) for number, line in enumerate(lines, 1)]
