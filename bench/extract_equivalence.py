"""Does the working tree extract exactly what another revision extracts?

    .venv/bin/python bench/extract_equivalence.py                     # against HEAD
    .venv/bin/python bench/extract_equivalence.py --against main~5 --family phones

A speed change to an extractor must not change its output. This checks that over about
18,000 texts: the labeled corpus, its templates rendered with 40 more seeds, the speed
bench's pages, and seeded fuzz made of identifier-like fragments. The reference
revision is checked out into a temporary git worktree beside this checkout (so that it
finds ../shared); both trees run in child processes (each imports its own
extractors), and the inputs are always built by the reference tree's corpus code, so
both see the same texts. Prints IDENTICAL, or the
first differences with the text they came from; exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FAMILIES = ("crypto", "pgp", "contacts", "phones", "aliases")

# Run in a child process with the tree to test first on sys.path; argv: tree, reference
# tree, families (none: the whole registry). One JSON line per text on stdout.
_DUMP = r"""
import importlib.util, json, random, sys
tree, reference, families = sys.argv[1], sys.argv[2], sys.argv[3:]
sys.path[:0] = [tree, reference + "/tests/corpus"]

def module(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded

def texts():
    with open(reference + "/tests/corpus/labeled.jsonl", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)["text"]
    corpus = module("reference_build_corpus", reference + "/tests/corpus/build_corpus.py")
    for seed in range(500, 540):
        for document in corpus.build(seed):
            yield document["text"]
    speed = module("reference_extract_speed", reference + "/bench/extract_speed.py")
    yield from speed.pages(3, seed=11)
    rng = random.Random(5)
    fragments = [
        "512", "555", "0123", "five", "f1ve", "5ive", "oh", "one", "two", "to", "for", "@",
        " at ", " dot ", "(at)", "[.]", "+44", "7911", "123456", "$", "€", "lbs", "24/7",
        "2024-05-01", "10:30", "bc1q", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "0x",
        "deadbeef" * 5, "PGP", "fingerprint", "telegram", "t.me/", "@user_name", "wickr",
        "session", "05" + "ab" * 32, "jabber", "xmpp", "vendor:", "sold by", "call me",
        "Mia", "KrautKing", "ghost_rider", " ", "\n", "-", ".", "/", "4\ufe0f\u20e3",
        "\uff15", "O", "l", "I", "sev3n", "n1ne", "SOL", "solana", "\u0665", "\u200b",
        "call", "me", "text",
    ]
    for _ in range(3000):
        yield "".join(
            rng.choice(fragments) + rng.choice(["", " ", "-", ".", " "])
            for _ in range(rng.randint(5, 60))
        )

from extractors import registry
from extractors.base import ExtractOptions
by_name = {family.name: family for family in registry.DEFAULT_FAMILIES}
options = ExtractOptions()
for text in texts():
    if families:
        found = sorted(
            (m.kind, m.value, m.start, m.end, m.confidence, m.extractor)
            for name in families
            for m in by_name[name].find(text, options)
        )
    else:
        found = [
            (m.kind, m.value, m.start, m.end, m.confidence, m.extractor, m.context)
            for m in registry.extract(text)
        ]
    print(json.dumps([text[:120], found], ensure_ascii=False))
"""


def dump(tree: Path, reference: Path, families: list[str]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _DUMP, str(tree), str(reference), *families],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"extraction in {tree} failed:\n{done.stderr[-3000:]}")
    return done.stdout.splitlines()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="HEAD", help="git revision to compare with")
    parser.add_argument(
        "--family", action="append", choices=FAMILIES, default=[], help="only these families"
    )
    parser.add_argument("--show", type=int, default=10, help="differences to print")
    args = parser.parse_args()

    # Beside the checkout, so that the reference tree finds ../shared as the project does.
    with tempfile.TemporaryDirectory(prefix=".moneytrail-reference-", dir=REPO.parent) as scratch:
        reference = Path(scratch)
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "add", "--detach", str(reference), args.against],
            check=True,
            capture_output=True,
        )
        try:
            expected = dump(reference, reference, args.family)
            actual = dump(REPO, reference, args.family)
        finally:
            subprocess.run(
                ["git", "-C", str(REPO), "worktree", "remove", "--force", str(reference)],
                check=False,
                capture_output=True,
            )

    differing = [
        (index, json.loads(old), json.loads(new))
        for index, (old, new) in enumerate(zip(expected, actual, strict=True))
        if old != new
    ]
    what = ", ".join(args.family) or "the whole registry"
    if not differing:
        print(f"IDENTICAL: {what} on {len(actual)} texts, against {args.against}")
        return
    print(f"DIFFERENT: {what} on {len(differing)} of {len(actual)} texts, against {args.against}")
    for index, (text, old), (_, new) in differing[: args.show]:
        print(f"\ntext {index}: {text!r}")
        print(f"  {args.against}: {sorted(map(tuple, old))}")
        print(f"  working tree: {sorted(map(tuple, new))}")
    raise SystemExit(1)


if __name__ == "__main__":
    main()
