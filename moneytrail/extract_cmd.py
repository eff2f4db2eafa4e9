"""`moneytrail extract`: text in, one JSON object per entity out (DESIGN.md contract).

Output fields: id, kind, value, start, end (offsets into the input text, in code
points). `--full` adds raw, confidence, extractor and context.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from extractors import kinds
from extractors.base import ExtractOptions


class InputProblem(ValueError):
    """One input record could not be read; the message names where."""


def extract(
    file: Annotated[
        str | None, typer.Argument(help="Plain text file (id = file name); - for stdin.")
    ] = None,
    jsonl: Annotated[
        str | None, typer.Option("--jsonl", help='File of {"id","text"} lines; - for stdin.')
    ] = None,
    region: Annotated[str, typer.Option(help="Default region for phone numbers.")] = "US",
    aliases: Annotated[bool, typer.Option(help="Also extract aliases (slowest family).")] = True,
    only: Annotated[
        str | None, typer.Option("--kinds", help="Comma-separated kinds to keep, e.g. btc,eth.")
    ] = None,
    full: Annotated[
        bool, typer.Option(help="Add raw, confidence, extractor, context to each object.")
    ] = False,
) -> None:
    """Extract entities from text and print them as JSON lines."""
    if (file is None) == (jsonl is None):
        _error("give exactly one of FILE or --jsonl FILE")
        raise typer.Exit(2)
    options = ExtractOptions(
        default_region=region.upper(), kinds=_parse_kinds(only), aliases=aliases
    )
    # Imported here: the registry loads spaCy, which other commands should not wait for.
    from extractors.registry import extract as run_extractors

    problems = 0
    records = _jsonl_records(jsonl) if jsonl is not None else _plain_record(file or "-")
    out = sys.stdout
    for record in records:
        if isinstance(record, InputProblem):
            _error(str(record))
            problems += 1
            continue
        doc_id, text = record
        for match in run_extractors(text, options):
            row: dict[str, Any] = {
                "id": doc_id,
                "kind": match.kind,
                "value": match.value,
                "start": match.start,
                "end": match.end,
            }
            if full:
                row |= {
                    "raw": match.raw,
                    "confidence": match.confidence,
                    "extractor": match.extractor,
                    "context": match.context,
                }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        out.flush()
    if problems:
        _error(f"{problems} input record(s) skipped")
        raise typer.Exit(1)


def _parse_kinds(only: str | None) -> frozenset[str] | None:
    if not only:
        return None
    wanted = frozenset(k.strip() for k in only.split(",") if k.strip())
    unknown = wanted - kinds.ALL
    if unknown:
        _error(
            f"unknown kind(s) {', '.join(sorted(unknown))}; kinds: {', '.join(sorted(kinds.ALL))}"
        )
        raise typer.Exit(2)
    return wanted


def _open(name: str) -> TextIO:
    if name == "-":
        return sys.stdin
    try:
        # Undecodable bytes become U+FFFD rather than stopping the run.
        return open(name, encoding="utf-8", errors="replace")
    except OSError as exc:
        _error(f"cannot read {name}: {exc.strerror}")
        raise typer.Exit(2) from None


def _plain_record(name: str) -> Iterator[tuple[str, str] | InputProblem]:
    with _open(name) as handle:
        yield (Path(name).name if name != "-" else "-", handle.read())


def _jsonl_records(name: str) -> Iterator[tuple[Any, str] | InputProblem]:
    with _open(name) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputProblem(f"{name}:{number}: not valid JSON ({exc.msg})")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                yield InputProblem(f'{name}:{number}: expected an object with a "text" string')
                continue
            yield record.get("id", number), record["text"]


def _error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
