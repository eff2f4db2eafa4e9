"""Storage and search behind one interface (index.backend.IndexBackend)."""

from __future__ import annotations

from index.backend import IndexBackend


class IndexURLError(ValueError):
    """The index URL names no backend we have."""


def open_index(url: str, **options: object) -> IndexBackend:
    """Open the backend a URL names: ``sqlite:///path.db`` or ``http(s)://host:9200``."""
    if url.startswith("sqlite://"):
        from index.sqlite import SQLiteIndex

        return SQLiteIndex.from_url(url, **options)
    if url.startswith(("http://", "https://")):
        from index.elastic import ElasticIndex

        return ElasticIndex.from_url(url, **options)
    raise IndexURLError(
        f"index URL {url!r} names no backend: use sqlite:///path.db or http(s)://host:9200"
    )


__all__ = ["IndexBackend", "IndexURLError", "open_index"]
