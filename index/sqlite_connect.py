"""Open a moneytrail SQLite index: URL to path, connection settings, schema migrations.

Every way this can go wrong (bad URL, unwritable location, a file that is not a SQLite
database or not ours, a schema from a newer moneytrail) raises IndexOpenError with a
message that names the file.
"""

from __future__ import annotations

import os
import sqlite3
import time
from importlib import resources
from pathlib import Path

from index.folding import fold_alias

URL_PREFIX = "sqlite:///"

# Migration N (1-based) takes a database from user_version N-1 to N. Append, never edit.
MIGRATIONS: tuple[str, ...] = tuple(
    resources.files("index").joinpath(name).read_text(encoding="utf-8")
    for name in ("sqlite_schema.sql", "sqlite_migration_2.sql")
)
SCHEMA_VERSION = len(MIGRATIONS)

# WAL lets searches run while a crawl writes; synchronous=NORMAL is durable across an
# application crash in WAL mode (only a power cut can lose the last commits) and is what
# makes batched ingest fast, as do a large cache and fewer, larger checkpoints
# (40 MiB of WAL). busy_timeout rides out another process's short transactions.
_BUSY_TIMEOUT_SECONDS = 10
_PRAGMAS = (
    f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_SECONDS * 1000}",
    # New databases only (WAL fixes the page size): 16 KiB pages made ingest ~10% cheaper
    # in CPU than the 4 KiB default (bench/search.py), with no measurable cost to lookups.
    "PRAGMA page_size = 16384",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA cache_size = -262144",
    "PRAGMA wal_autocheckpoint = 10000",
    "PRAGMA mmap_size = 268435456",
)


class IndexOpenError(RuntimeError):
    """The index cannot be opened; the message names the file and the reason."""


def path_from_url(url: str) -> Path:
    """``sqlite:///rel/path.db`` is relative to the working directory,
    ``sqlite:////abs/path.db`` absolute."""
    if not url.startswith(URL_PREFIX):
        raise IndexOpenError(f"index URL {url!r} is not sqlite:///path.db")
    raw_path = url.removeprefix(URL_PREFIX)
    if not raw_path or raw_path.endswith("/"):
        raise IndexOpenError(f"index URL {url!r} names no database file")
    return Path(raw_path).expanduser()


def connect(path: Path) -> sqlite3.Connection:
    """A connection to an up-to-date index at ``path``, created if missing."""
    _check_location(path)
    try:
        # Autocommit mode: the writer issues BEGIN IMMEDIATE / COMMIT itself.
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as exc:
        raise IndexOpenError(f"cannot open the index {path}: {exc}") from exc
    try:
        for pragma in _PRAGMAS:
            conn.execute(pragma)
        _use_wal(conn, path)
        _migrate(conn, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise IndexOpenError(_explain(path, exc)) from exc
    except IndexOpenError:
        conn.close()
        raise
    conn.create_function("fold_alias", 1, fold_alias, deterministic=True)
    return conn


def _use_wal(conn: sqlite3.Connection, path: Path) -> None:
    # Switching a new database to WAL takes a lock SQLite does not wait for (the busy
    # handler is not called), so processes creating the index at once retry here.
    deadline = time.monotonic() + _BUSY_TIMEOUT_SECONDS
    while True:
        try:
            (mode,) = conn.execute("PRAGMA journal_mode = WAL").fetchone()
            break
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorname != "SQLITE_BUSY" or time.monotonic() > deadline:
                raise
            time.sleep(0.01)
    if mode != "wal":
        raise IndexOpenError(f"the index {path} cannot use WAL journaling (it stays {mode})")


def _check_location(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IndexOpenError(
            f"cannot create the directory {path.parent} for the index {path}: {exc.strerror}"
        ) from exc
    if path.exists() and not path.is_file():
        raise IndexOpenError(f"the index {path} is not a file")
    # WAL mode writes <db>-wal and <db>-shm beside the database, even to read it.
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise IndexOpenError(
            f"the index {path} is in a read-only location: moneytrail needs to write the "
            "database and its -wal/-shm files there"
        )


def _explain(path: Path, exc: sqlite3.DatabaseError) -> str:
    name = getattr(exc, "sqlite_errorname", "")
    if name == "SQLITE_NOTADB":
        return f"the index {path} is not a SQLite database (corrupt or some other file)"
    if name == "SQLITE_CORRUPT":
        return f"the index {path} is corrupt: {exc}"
    if name in ("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM"):
        return f"cannot write the index {path} (read-only location?): {exc}"
    return f"cannot open the index {path}: {exc}"


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    if _user_version(conn) == SCHEMA_VERSION:
        return
    # Re-read the version under the write lock: another process may have just migrated.
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = _user_version(conn)
        if version > SCHEMA_VERSION:
            raise IndexOpenError(
                f"the index {path} has schema version {version}, newer than this "
                f"moneytrail understands ({SCHEMA_VERSION}): upgrade moneytrail"
            )
        if version == 0:
            _refuse_foreign_database(conn, path)
        for number in range(version + 1, SCHEMA_VERSION + 1):
            for statement in _statements(MIGRATIONS[number - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _refuse_foreign_database(conn: sqlite3.Connection, path: Path) -> None:
    """A SQLite file with tables but no schema version is someone else's database (our
    migrations set the version in the same transaction that creates the tables)."""
    tables = sorted(row[0] for row in conn.execute("SELECT name FROM sqlite_master"))
    if tables:
        raise IndexOpenError(
            f"the index {path} is a SQLite database but not a moneytrail index "
            f"(it holds {', '.join(tables)})"
        )


def _user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _statements(script: str) -> list[str]:
    """Split a script into statements; ``executescript`` would commit our transaction."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    return statements
