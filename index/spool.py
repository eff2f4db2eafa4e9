"""On-disk spool for index writes that could not be delivered (DESIGN.md: nothing is lost).

When the index is unreachable or refuses a batch, the (page, mentions) items are appended
to JSONL segments under the spool directory, fsync'd line batch by line batch, and replayed
later. The spool knows nothing about any backend: replay hands items to a ``deliver``
callable, which raises DeliveryDeferred to say "try again later" and returns the items it
refused for good.

Layout of the spool directory::

    <utc-time>-<pid>-<seq>.jsonl   segments, replayed oldest first
    corrupt/<segment>              lines that could not be decoded, kept verbatim
    rejected/<segment>             items the index refused for good, with the reason

Each process appends to its own segment and holds an exclusive flock on it while it is
open, so a replay in another process never reads a segment that is still being written.
A segment is removed only after every item in it was delivered or set aside; if replay is
interrupted, the segment is rewritten to hold exactly the items still owed.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, TypeVar

from index.backend import IndexBackend
from index.model import Mention, Page

log = logging.getLogger(__name__)

RECORD_VERSION = 1
SEGMENT_SUFFIX = ".jsonl"
CORRUPT_DIR = "corrupt"
REJECTED_DIR = "rejected"
_DATETIME_FIELDS = frozenset({"fetched_at"})
REPLAY_LOCK = ".replay.lock"

_Record = TypeVar("_Record", Page, Mention)


class DeliveryDeferred(Exception):
    """The index cannot take items now (unreachable, overloaded): keep them and retry later."""


class SpoolError(Exception):
    """The spool directory itself cannot be written: items would be lost."""


class CorruptRecord(ValueError):
    """A spool line is not a record this version can read."""


@dataclass(frozen=True, slots=True)
class SpoolItem:
    page: Page
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class Rejection:
    """An item the index refused for good (e.g. a mapping error), and why."""

    item: SpoolItem
    reason: str


# Delivers a batch of items; returns the ones refused for good, raises DeliveryDeferred to stop.
Deliver = Callable[[Sequence[SpoolItem]], Sequence[Rejection]]


def deliver_to(backend: IndexBackend) -> Deliver:
    """A deliver for backends whose write_page raises when they cannot store (SQLite).

    A ValueError is the backend refusing the item itself (a contradiction in it): set it
    aside. Anything else means the store cannot take writes now: stop and retry later.
    Backends that spool on their own (Elasticsearch) replay with their own deliver.
    """

    def deliver(items: Sequence[SpoolItem]) -> list[Rejection]:
        rejections = []
        try:
            for item in items:
                try:
                    backend.write_page(item.page, item.mentions)
                except ValueError as exc:
                    rejections.append(Rejection(item, str(exc)))
            backend.flush()
        except Exception as exc:
            raise DeliveryDeferred(f"{type(exc).__name__}: {exc}") from exc
        return rejections

    return deliver


@dataclass(slots=True)
class ReplayReport:
    delivered: int = 0
    rejected: int = 0
    corrupt: int = 0
    segments_done: int = 0
    segments_left: int = 0
    skipped_busy: int = 0  # segments another process is still writing
    deferred: str | None = None  # why replay stopped early, if it did
    problems: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.deferred is None and self.segments_left == 0


def encode_item(item: SpoolItem) -> str:
    record = {
        "v": RECORD_VERSION,
        "page": _to_json(item.page),
        "mentions": [_to_json(m) for m in item.mentions],
    }
    # ASCII-only: U+2028 and friends would otherwise split lines for many line readers.
    return json.dumps(record, separators=(",", ":"))


def decode_item(line: bytes | str) -> SpoolItem:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CorruptRecord(f"not JSON: {exc}") from None
    if not isinstance(record, dict) or record.get("v") != RECORD_VERSION:
        raise CorruptRecord(f"not a version {RECORD_VERSION} spool record")
    mentions = record.get("mentions")
    if not isinstance(mentions, list):
        raise CorruptRecord("'mentions' is not a list")
    page = _from_json(Page, record.get("page"))
    return SpoolItem(page=page, mentions=tuple(_from_json(Mention, m) for m in mentions))


def _to_json(obj: Page | Mention) -> dict[str, Any]:
    data = asdict(obj)
    for name in _DATETIME_FIELDS & data.keys():
        data[name] = data[name].isoformat()
    return data


def _from_json(cls: type[_Record], data: object) -> _Record:
    if not isinstance(data, dict):
        raise CorruptRecord(f"{cls.__name__} is not an object")
    names = {f.name for f in fields(cls)}
    if unknown := data.keys() - names:
        raise CorruptRecord(f"{cls.__name__} has unknown fields {sorted(unknown)}")
    values = dict(data)
    for name in _DATETIME_FIELDS & values.keys():
        values[name] = _parse_utc(values[name], f"{cls.__name__}.{name}")
    try:
        return cls(**values)
    except TypeError as exc:
        raise CorruptRecord(f"{cls.__name__}: {exc}") from None


def _parse_utc(value: object, where: str) -> datetime:
    if not isinstance(value, str):
        raise CorruptRecord(f"{where} is not a string")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise CorruptRecord(f"{where} is not an ISO datetime: {value!r}") from None
    if parsed.tzinfo is None:
        raise CorruptRecord(f"{where} has no timezone: {value!r}")
    return parsed.astimezone(UTC)


class Spool:
    """Append-only JSONL segments under ``directory``; see the module docstring."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._active: IO[bytes] | None = None
        self._active_path: Path | None = None
        self._sequence = 0

    # -- writing -------------------------------------------------------------------------

    def append(self, items: Iterable[SpoolItem]) -> int:
        """Write items durably (one fsync for the lot). Returns how many were written."""
        lines = [encode_item(item).encode("utf-8") + b"\n" for item in items]
        if not lines:
            return 0
        try:
            handle = self._active_segment()
            handle.write(b"".join(lines))
            handle.flush()
            os.fsync(handle.fileno())
        except OSError as exc:
            raise SpoolError(f"cannot write spool segment in {self.directory}: {exc}") from exc
        return len(lines)

    def _active_segment(self) -> IO[bytes]:
        if self._active is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._sequence += 1
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            path = self.directory / f"{stamp}-{os.getpid()}-{self._sequence:04d}{SEGMENT_SUFFIX}"
            handle = path.open("ab")
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            _fsync_directory(self.directory)
            self._active, self._active_path = handle, path
        return self._active

    def seal(self) -> None:
        """Close the segment being written so that a replay may take it."""
        if self._active is not None:
            self._active.close()  # closing releases the flock
            self._active = self._active_path = None

    def close(self) -> None:
        self.seal()

    # -- reading -------------------------------------------------------------------------

    def segments(self) -> list[Path]:
        if not self.directory.is_dir():
            return []
        return sorted(self.directory.glob(f"*{SEGMENT_SUFFIX}"))

    def pending_items(self) -> int:
        """Items waiting in segments (including a partial last line, counted as one)."""
        total = 0
        for path in self.segments():
            data = path.read_bytes()
            total += data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
        return total

    def replay(self, deliver: Deliver, batch_size: int = 200) -> ReplayReport:
        """Hand every spooled item to ``deliver``, oldest first; see the module docstring."""
        self.seal()
        report = ReplayReport()
        segments = self.segments()
        if not segments:
            return report
        # One replayer at a time: segments are rewritten by rename during replay, so a
        # lock on the segment file alone would not keep a second replayer out.
        with (self.directory / REPLAY_LOCK).open("ab") as lock:
            try:
                fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                report.segments_left = report.skipped_busy = len(segments)
                report.deferred = "another process is replaying this spool"
                return report
            for index, path in enumerate(segments):
                if report.deferred is not None:
                    report.segments_left += len(segments) - index
                    break
                self._replay_segment(path, deliver, batch_size, report)
        return report

    def _replay_segment(
        self, path: Path, deliver: Deliver, batch_size: int, report: ReplayReport
    ) -> None:
        with path.open("rb") as handle:
            try:
                # Writers hold this lock on their active segment for as long as it is open.
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                report.skipped_busy += 1
                report.segments_left += 1
                return
            items = self._read_segment(path, handle.read(), report)
            owed = list(items)
            try:
                while owed:
                    batch = owed[:batch_size]
                    rejections = deliver([item for item, _ in batch])
                    self._set_aside_rejected(path, rejections, report)
                    report.delivered += len(batch) - len(rejections)
                    del owed[:batch_size]
            except DeliveryDeferred as exc:
                report.deferred = str(exc) or type(exc).__name__
                report.segments_left += 1
                _rewrite(path, [line for _, line in owed])
                return
            path.unlink()
            _fsync_directory(self.directory)
            report.segments_done += 1

    def _read_segment(
        self, path: Path, data: bytes, report: ReplayReport
    ) -> list[tuple[SpoolItem, bytes]]:
        items: list[tuple[SpoolItem, bytes]] = []
        corrupt: list[bytes] = []
        for number, line in enumerate(data.split(b"\n"), start=1):
            if not line.strip():
                continue
            try:
                items.append((decode_item(line), line))
            except CorruptRecord as exc:
                corrupt.append(line)
                problem = f"{path.name} line {number}: {exc}; kept in {CORRUPT_DIR}/{path.name}"
                log.error("corrupt spool record: %s", problem)
                report.problems.append(problem)
        if corrupt:
            # Set the bad lines aside first, then drop them from the segment, so a crash
            # between the two steps duplicates a bad line rather than losing it.
            _append_lines(self.directory / CORRUPT_DIR / path.name, corrupt)
            _rewrite(path, [line for _, line in items])
            report.corrupt += len(corrupt)
        return items

    def _set_aside_rejected(
        self, path: Path, rejections: Sequence[Rejection], report: ReplayReport
    ) -> None:
        if not rejections:
            return
        lines = []
        for rejection in rejections:
            record = json.loads(encode_item(rejection.item))
            record["reason"] = rejection.reason
            lines.append(json.dumps(record).encode("ascii"))
            problem = f"{rejection.item.page.url}: refused by the index: {rejection.reason}"
            log.error("%s; kept in %s/%s", problem, REJECTED_DIR, path.name)
            report.problems.append(problem)
        _append_lines(self.directory / REJECTED_DIR / path.name, lines)
        report.rejected += len(rejections)


def _append_lines(path: Path, lines: Sequence[bytes]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("ab") as handle:
        handle.write(b"".join(line + b"\n" for line in lines))
        handle.flush()
        os.fsync(handle.fileno())


def _rewrite(path: Path, lines: Sequence[bytes]) -> None:
    """Atomically replace a segment's content (write aside, fsync, rename)."""
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("wb") as handle:
        handle.write(b"".join(line + b"\n" for line in lines))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    _fsync_directory(path.parent)


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
