"""Extraction quality: precision, recall and F1 per entity kind on a labeled corpus.

    .venv/bin/python bench/extract_quality.py                      # tests/corpus/labeled.jsonl
    .venv/bin/python bench/extract_quality.py --corpus held_out.jsonl --show-errors
    .venv/bin/python bench/extract_quality.py --seed 777      # the generator, another seed

Runs the whole engine (extractors.registry.extract, default options) over every document
and scores sets of (document id, kind, value). Prints the figures next to the team's
targets; the corpus format is described in tests/corpus/scoring.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.corpus.scoring import (  # noqa: E402
    CORPUS,
    MICRO_F1_TARGET,
    TARGETS,
    Document,
    KindScore,
    Report,
    load_corpus,
    registry_extract,
    score,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="labeled JSONL file")
    parser.add_argument(
        "--seed",
        type=int,
        help="score the corpus generator's documents for this seed instead of a file "
        "(labeled.jsonl is one seed; others render every template and style anew)",
    )
    parser.add_argument("--show-errors", action="store_true", help="list every FP and FN")
    args = parser.parse_args()

    if args.seed is not None:
        documents = _generated(args.seed)
        args.corpus = f"generated, seed {args.seed}"
    else:
        documents = load_corpus(args.corpus)
    started = time.perf_counter()
    report = score(documents, registry_extract)
    elapsed = time.perf_counter() - started

    console = Console(width=max(100, Console().width))
    console.print(f"corpus {args.corpus} - {len(documents)} documents, scored in {elapsed:.1f} s")
    console.print(_table(report))
    if args.show_errors:
        _print_errors(console, report)


def _generated(seed: int) -> list[Document]:
    """The generator's documents for ``seed``, read through the same loader as a file."""
    sys.path.insert(0, str(REPO / "tests" / "corpus"))
    from build_corpus import build

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / f"seed-{seed}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for document in build(seed):
                out.write(json.dumps(document, ensure_ascii=False) + "\n")
        return load_corpus(path)


def _table(report: Report) -> Table:
    table = Table(title="precision / recall per kind")
    for column in ("kind", "labeled", "tp", "fp", "fn", "P", "R", "F1", "target P/R", "met"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    for kind, kind_score in report.per_kind.items():
        if not (kind_score.tp or kind_score.fp or kind_score.fn):
            continue
        target = TARGETS.get(kind)
        met = "-" if target is None else ("yes" if kind_score.meets(target) else "NO")
        wanted = "-" if target is None else f"{target.precision:.2f}/{target.recall:.2f}"
        table.add_row(*_figures(kind_score), wanted, met)
    micro = report.micro
    met = "yes" if micro.f1 >= MICRO_F1_TARGET else "NO"
    table.add_row(*_figures(micro), f"F1 {MICRO_F1_TARGET:.2f}", met, style="bold")
    return table


def _figures(kind_score: KindScore) -> list[str]:
    labeled = kind_score.tp + kind_score.fn
    return [
        kind_score.kind,
        str(labeled),
        str(kind_score.tp),
        str(kind_score.fp),
        str(kind_score.fn),
        f"{kind_score.precision:.3f}",
        f"{kind_score.recall:.3f}",
        f"{kind_score.f1:.3f}",
    ]


def _print_errors(console: Console, report: Report) -> None:
    for false_positive, title in ((True, "false positives"), (False, "false negatives")):
        errors = sorted(
            (e for e in report.errors if e.false_positive == false_positive),
            key=lambda e: (e.kind, e.document, e.value),
        )
        console.print(f"\n[bold]{title}[/bold] ({len(errors)})")
        for error in errors:
            where = f"  [{error.context}]" if error.context else ""
            console.print(
                f"{error.kind:16} {error.document:16} {error.value!r}{where}", markup=False
            )


if __name__ == "__main__":
    main()
