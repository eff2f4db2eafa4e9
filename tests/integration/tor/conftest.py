"""One private Tor network (3 authorities, 3 relays, a client, a service tor) for every
Tor test in the session. In CI (CI=true) a missing tor fails these tests loudly; on a
developer machine without tor they are skipped with the reason."""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterator

import pytest

from moneytrail.tornet import PrivateTorNetwork


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_tor() -> None:
    missing = [b for b in ("tor", "tor-gencert") if shutil.which(b) is None]
    if not missing:
        return
    message = f"{' and '.join(missing)} not installed (Debian: apt-get install tor)"
    if in_ci():
        pytest.fail(f"CI=true and {message}: the Tor tests must run in CI", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def tor_network(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivateTorNetwork]:
    require_tor()
    started = time.monotonic()

    def progress(message: str) -> None:
        # Bootstrap takes a while; show it even under pytest's output capture.
        print(f"[tornet {time.monotonic() - started:5.1f}s] {message}", file=sys.__stderr__)

    network = PrivateTorNetwork(tmp_path_factory.mktemp("tornet"), progress=progress)
    network.start()
    try:
        yield network
    finally:
        network.stop()


@pytest.fixture
def client_running(tor_network: PrivateTorNetwork) -> Iterator[PrivateTorNetwork]:
    """The network, with its client tor guaranteed up again after the test."""
    yield tor_network
    tor_network.restart_client()
