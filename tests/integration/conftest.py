"""A real redis-server on a free loopback port, for the tests marked ``redis``.

In CI (CI=true) a missing redis-server fails loudly; locally such tests are skipped
with the reason.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest
import redis

STARTUP_SECONDS = 10.0


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """URL of a redis-server started for this test session (one database per test)."""
    binary = shutil.which("redis-server")
    if binary is None:
        message = "redis-server is not installed (apt-get install redis-server; make test does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    workdir = tmp_path_factory.mktemp("redis")
    port = _free_port()
    process = subprocess.Popen(
        [
            binary,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
            "--databases",
            "64",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture()
def redis_url(redis_server: str) -> Iterator[str]:
    """A clean database of the session's redis-server."""
    database = _next_database()
    url = f"{redis_server}/{database}"
    client = redis.Redis.from_url(url)
    client.flushdb()
    client.close()
    yield url


_databases = iter(range(1, 64))


def _next_database() -> int:
    try:
        return next(_databases)
    except StopIteration:
        pytest.fail("more than 63 redis tests in one session: raise --databases")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    client = redis.Redis.from_url(url)
    try:
        while True:
            if process.poll() is not None:
                pytest.fail(f"redis-server exited with status {process.returncode}")
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    pytest.fail(f"redis-server did not answer on {url} within {STARTUP_SECONDS}s")
                time.sleep(0.05)
    finally:
        client.close()
