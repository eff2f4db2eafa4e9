"""The backend fixture: every conformance test runs on SQLite, and on Elasticsearch when
MONEYTRAIL_ES_URL names a server (e.g. http://127.0.0.1:9200)."""

from __future__ import annotations

import os
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.backend import IndexBackend
from index.sqlite import SQLiteIndex

ES_URL_VARIABLE = "MONEYTRAIL_ES_URL"


@pytest.fixture(params=["sqlite", "elastic"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[IndexBackend]:
    if request.param == "sqlite":
        index = SQLiteIndex.from_url(f"sqlite:///{tmp_path / 'index.db'}")
        yield index
        index.close()
        return
    url = os.environ.get(ES_URL_VARIABLE)
    if not url:
        pytest.skip(f"{ES_URL_VARIABLE} is not set: no Elasticsearch server to test against")
    from index.elastic import ElasticIndex

    prefix = f"mt-test-{uuid.uuid4().hex[:12]}"
    index = ElasticIndex.from_url(url, prefix=prefix, spool_dir=tmp_path / "spool")
    try:
        yield index
        index.close()
    finally:
        _delete(url, ",".join(index.names.all()) + "?ignore_unavailable=true")
        _delete(url, f"_index_template/{prefix}*")
        _delete(url, f"_component_template/{prefix}*")


def _delete(url: str, path: str) -> None:
    request = urllib.request.Request(f"{url.rstrip('/')}/{path}", method="DELETE")
    try:
        urllib.request.urlopen(request, timeout=30).close()
    except urllib.error.HTTPError as exc:
        if exc.code != 404:
            raise
