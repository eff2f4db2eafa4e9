"""SQLite backend: URLs, creating and reopening the file, schema, and clear errors for bad
locations and files that are not an index."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from index import open_index
from index.backend import IndexBackend
from index.sqlite import SQLiteIndex
from index.sqlite_connect import MIGRATIONS, SCHEMA_VERSION, IndexOpenError
from tests.index.builders import BTC, listing, write_all
from tests.index.sqlite_invariants import problems


def test_relative_url_is_relative_to_the_working_directory_and_dirs_are_created(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)

    index = open_index("sqlite:///data/nested/moneytrail.db")

    assert isinstance(index, SQLiteIndex)
    assert isinstance(index, IndexBackend)
    assert index.path == Path("data/nested/moneytrail.db")
    assert (tmp_path / "data/nested/moneytrail.db").is_file()
    index.close()


def test_absolute_url_and_data_survive_reopening(tmp_path):
    url = f"sqlite:///{tmp_path / 'abs' / 'index.db'}"
    assert url.startswith("sqlite:////")
    index = SQLiteIndex.from_url(url)
    write_all(index, listing("http://a.onion/1", [("btc", BTC)]))
    index.close()

    reopened = SQLiteIndex.from_url(url)

    assert [hit.value for hit in reopened.lookup(BTC)] == [BTC]
    reopened.close()


def test_a_new_index_is_wal_with_foreign_keys_and_the_current_schema(tmp_path):
    index = SQLiteIndex.from_url(f"sqlite:///{tmp_path / 'index.db'}")
    index.close()

    conn = sqlite3.connect(tmp_path / "index.db")
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    reopened = SQLiteIndex.from_url(f"sqlite:///{tmp_path / 'index.db'}")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        reopened._conn.execute("INSERT INTO page_entities VALUES (12345, 67890, 0, 0, 1)")
    reopened.close()


def test_many_processes_may_create_the_same_index_at_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'index.db'}"
    errors: list[BaseException] = []

    def open_and_close() -> None:
        try:
            SQLiteIndex.from_url(url).close()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_and_close) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    conn = sqlite3.connect(tmp_path / "index.db")
    assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


@pytest.mark.parametrize("url", ["sqlite:///", "sqlite:///data/", "sqlite://host/x.db", "x.db"])
def test_urls_that_name_no_file_are_refused(url):
    with pytest.raises(IndexOpenError, match="index URL"):
        SQLiteIndex.from_url(url)


def test_a_file_that_is_not_sqlite_is_named_in_the_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are not the droids you are looking for\n" * 100)

    with pytest.raises(IndexOpenError, match=f"{path} is not a SQLite database"):
        SQLiteIndex.from_url(f"sqlite:///{path}")
    assert path.read_text().startswith("these are not")


def test_someone_elses_sqlite_database_is_not_touched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (name TEXT)")
    conn.commit()
    conn.close()

    with pytest.raises(IndexOpenError, match=f"{path} is a SQLite database but not a moneytrail"):
        SQLiteIndex.from_url(f"sqlite:///{path}")
    tables = sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall()
    assert tables == [("users",)]


def test_an_index_from_a_newer_moneytrail_is_refused(tmp_path):
    path = tmp_path / "index.db"
    SQLiteIndex.from_url(f"sqlite:///{path}").close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()

    with pytest.raises(IndexOpenError, match="newer than this moneytrail"):
        SQLiteIndex.from_url(f"sqlite:///{path}")


def test_a_directory_in_place_of_the_file_is_refused(tmp_path):
    (tmp_path / "index.db").mkdir()

    with pytest.raises(IndexOpenError, match="is not a file"):
        SQLiteIndex.from_url(f"sqlite:///{tmp_path / 'index.db'}")


def test_a_file_in_place_of_a_directory_is_refused(tmp_path):
    (tmp_path / "data").write_text("")

    with pytest.raises(IndexOpenError, match="cannot create the directory"):
        SQLiteIndex.from_url(f"sqlite:///{tmp_path / 'data' / 'index.db'}")


@contextmanager
def read_only(directory: Path) -> Iterator[None]:
    """Root ignores permission bits, so as root the directory is made immutable."""
    as_root = os.geteuid() == 0
    if as_root:
        subprocess.run(["chattr", "+i", str(directory)], check=True)
    else:
        directory.chmod(0o555)
    try:
        yield
    finally:
        if as_root:
            subprocess.run(["chattr", "-i", str(directory)], check=True)
        else:
            directory.chmod(0o755)


def test_a_new_index_in_a_read_only_directory_is_refused(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()

    with read_only(locked), pytest.raises(IndexOpenError, match="read-only location"):
        SQLiteIndex.from_url(f"sqlite:///{locked / 'index.db'}")


def test_an_existing_index_in_a_read_only_directory_is_refused(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    SQLiteIndex.from_url(f"sqlite:///{locked / 'index.db'}").close()

    with read_only(locked), pytest.raises(IndexOpenError, match=f"{locked / 'index.db'}"):
        SQLiteIndex.from_url(f"sqlite:///{locked / 'index.db'}")


def test_an_index_of_schema_version_1_is_migrated_with_its_evidence(tmp_path):
    path = tmp_path / "index.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0])
    conn.executescript(
        """
        PRAGMA user_version = 1;
        INSERT INTO sites (id, name) VALUES (1, 'a.onion');
        INSERT INTO pages (id, url, site_id, title, text, lang, status, fetched_at, sha256,
                           crawl_run, via)
            VALUES (1, 'http://a.onion/1', 1, 'T', 'pay 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 or',
                    'en', 200, 1000000, 'h1', 'r', 'tor');
        INSERT INTO entities (id, kind, value, first_seen, last_seen, page_count,
                              mention_count, link_bound)
            VALUES (1, 'btc', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 1000000, 1000000, 1, 1, 0);
        INSERT INTO page_entities VALUES (1, 1, 1000000, 1000000, 1);
        INSERT INTO entity_sites VALUES (1, 1, 1);
        INSERT INTO mentions (page_id, entity_id, raw, start, "end", context, extractor,
                              confidence)
            VALUES (1, 1, '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 4, 38, 'pay ... or',
                    'crypto', 1.0);
        """
    )
    conn.close()

    index = SQLiteIndex.from_url(f"sqlite:///{path}")

    (evidence,) = index.entity("btc", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2").evidence
    assert (evidence.url, evidence.start, evidence.end) == ("http://a.onion/1", 4, 38)
    index.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    assert problems(path) == []
