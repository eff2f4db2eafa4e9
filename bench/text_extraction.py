"""Visible-text extraction: our lxml tree walk vs BeautifulSoup(lxml).get_text().

    .venv/bin/python bench/text_extraction.py [--pages 600]

Both start from the raw HTML bytes of fixture pages. The walk also gets the parse that
Scrapy does anyway for link extraction, so its real cost in a crawl is lower than shown.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bs4 import BeautifulSoup  # noqa: E402
from parsel import Selector  # noqa: E402

from crawler.text import visible_text  # noqa: E402
from moneytrail.fixtures.generator import build_sites  # noqa: E402


def pages(count: int) -> list[str]:
    bodies = []
    for site in build_sites(seed=5, pages=max(50, count // 3)):
        for path in list(site.paths())[: count // 3]:
            bodies.append(site.respond(path).body.decode("utf-8", "replace"))
    return bodies


def bs4_text(html: str) -> str:
    soup = BeautifulSoup(html, "lxml")
    for element in soup(["script", "style", "noscript", "template", "head"]):
        element.decompose()
    return soup.get_text("\n", strip=True)


def lxml_walk(html: str) -> str:
    return visible_text(Selector(text=html).root)


def measure(name: str, function, bodies: list[str]) -> float:  # type: ignore[no-untyped-def]
    function(bodies[0])  # warm caches
    started = time.perf_counter()
    for body in bodies:
        function(body)
    elapsed = time.perf_counter() - started
    megabytes = sum(len(b) for b in bodies) / 1e6
    rate = len(bodies) / elapsed
    print(f"{name:34s} {rate:8.0f} pages/s  {megabytes / elapsed:6.1f} MB/s")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=600)
    args = parser.parse_args()
    bodies = pages(args.pages)
    print(f"{len(bodies)} fixture pages, {sum(len(b) for b in bodies) / 1e6:.1f} MB of HTML")
    walk = measure("lxml walk (parse + text)", lxml_walk, bodies)
    soup = measure("BeautifulSoup(lxml) get_text", bs4_text, bodies)
    print(f"lxml walk / bs4: {walk / soup:.1f}x")
    same_words = sum(set(lxml_walk(b).split()) == set(bs4_text(b).split()) for b in bodies)
    print(f"same set of words from both on {same_words}/{len(bodies)} pages")


if __name__ == "__main__":
    main()
