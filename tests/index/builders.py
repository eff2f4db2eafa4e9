"""Pages and mentions for index tests, built so that offsets really point into the text."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from index.backend import IndexBackend
from index.model import Mention, Page, WriteOutcome

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)

# Valid-looking values of each kind, as the extractors normalise them.
BTC = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
BTC_2 = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"
ETH = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
XMR = (
    "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3Xjrp"
    "DtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A"
)
PHONE = "+15125550123"
PHONE_2 = "+447700900123"
EMAIL = "darklord@proton.me"
EMAIL_2 = "support@tutanota.com"


def at(hours: float) -> datetime:
    """A fetch time ``hours`` after T0."""
    return T0 + timedelta(hours=hours)


def page(
    url: str,
    text: str,
    *,
    title: str = "",
    site: str | None = None,
    fetched_at: datetime = T0,
    sha256: str | None = None,
    lang: str | None = "en",
    status: int = 200,
    crawl_run: str = "run-1",
    via: str = "tor",
    fields: dict[str, str] | None = None,
) -> Page:
    """A page whose body hash is that of its text unless given."""
    return Page(
        url=url,
        site=site or urlsplit(url).netloc,
        title=title,
        text=text,
        lang=lang,
        status=status,
        fetched_at=fetched_at,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        crawl_run=crawl_run,
        via=via,
        fields=fields or {},
    )


def mention(
    on: Page,
    kind: str,
    value: str,
    raw: str | None = None,
    *,
    occurrence: int = 0,
    extractor: str | None = None,
    confidence: float = 1.0,
) -> Mention:
    """The ``occurrence``-th appearance of ``raw`` (default: ``value``) in the page text."""
    written = raw if raw is not None else value
    start = -1
    for _ in range(occurrence + 1):
        start = on.text.index(written, start + 1)
    end = start + len(written)
    return Mention(
        kind=kind,
        value=value,
        raw=written,
        start=start,
        end=end,
        context=on.text[max(0, start - 30) : end + 30],
        extractor=extractor or f"test.{kind}",
        confidence=confidence,
        url=on.url,
        site=on.site,
        fetched_at=on.fetched_at,
    )


# (kind, value) or (kind, value, raw as written)
Spot = tuple[str, str] | tuple[str, str, str]


def listing(
    url: str, spots: Sequence[Spot], *, words: str = "", **page_options: object
) -> tuple[Page, list[Mention]]:
    """A listing page whose text carries each spot once, in order, and its mentions."""
    text = f"Listing. {words}".rstrip()
    offsets = []
    for spot in spots:
        raw = spot[2] if len(spot) == 3 else spot[1]
        text += " contact "
        offsets.append((spot[0], spot[1], raw, len(text)))
        text += raw + " now."
    built = page(url, text, **page_options)  # type: ignore[arg-type]
    return built, [
        Mention(
            kind=kind,
            value=value,
            raw=raw,
            start=start,
            end=start + len(raw),
            context=text[max(0, start - 30) : start + len(raw) + 30],
            extractor=f"test.{kind}",
            confidence=1.0,
            url=built.url,
            site=built.site,
            fetched_at=built.fetched_at,
        )
        for kind, value, raw, start in offsets
    ]


def write_all(backend: IndexBackend, *pages: tuple[Page, Sequence[Mention]]) -> list[WriteOutcome]:
    """Write pages in order, then flush so that searches see them (Elasticsearch refresh)."""
    outcomes = [backend.write_page(built, mentions) for built, mentions in pages]
    backend.flush()
    return outcomes
