"""Tor control with stem: a pool of tor instances the crawler routes through.

Two ways to get a pool (TorSettings.mode):

- ``launch``: start ``instances`` tor processes, each with its own SOCKS port, control port
  (cookie authentication) and data directory under ``<state_dir>/tor/``. Ports are
  chosen by tor itself (``auto``), so two crawls never race for a port.
- ``attach``: use one tor that is already running (``socks`` and ``control`` addresses,
  password or cookie authentication).
- ``auto`` (default): attach if something speaking SOCKS5 answers at ``socks``, else launch.

Everything here blocks (stem is synchronous); the Scrapy side calls it from threads.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import socket
import subprocess
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

import stem
import stem.connection
import stem.control
import stem.process
import stem.response.events
from stem.control import EventType, Listener, Signal

from crawler.config import TorSettings

logger = logging.getLogger(__name__)
# stem reports every closed control connection at INFO ("peek of closed file"): noise.
logging.getLogger("stem").setLevel(logging.WARNING)

# tor refuses NEWNYM more often than this (control-spec: "rate limited to once per 10s").
NEWNYM_INTERVAL = 10.0
# How many recent requests per instance the error rate is computed over.
ERROR_WINDOW = 20
# Fewer requests than this say nothing about an instance's health.
ERROR_MIN_REQUESTS = 6

Mode = Literal["launch", "attach"]
Progress = Callable[[str], None]


class TorUnavailable(RuntimeError):
    """No usable tor: not installed, not reachable, or it did not bootstrap in time."""


@dataclass(frozen=True, slots=True)
class Address:
    host: str
    port: int

    @classmethod
    def parse(cls, text: str) -> Address:
        host, sep, port = text.strip().rpartition(":")
        if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError(f"{text!r} is not a host:port address")
        return cls(host.strip("[]"), int(port))

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass(frozen=True, slots=True)
class InstanceStatus:
    """One instance's health at one moment: what routing decisions and `tor status` use."""

    name: str
    mode: Mode
    socks: str
    control: str | None
    pid: int | None
    socks_answers: bool
    control_connected: bool
    bootstrap_percent: int | None
    bootstrap_summary: str | None
    circuit_established: bool | None
    dormant: bool | None
    circuits_built: int
    circuits_failed: int
    requests_ok: int
    requests_failed: int
    recent_requests: int
    error_rate: float  # failed share of the last ERROR_WINDOW requests
    newnym_count: int
    last_newnym: float | None  # wall-clock seconds
    problem: str | None
    checked_at: float  # wall-clock seconds

    @property
    def healthy(self) -> bool:
        """Can a request be sent through this instance right now?"""
        if not self.socks_answers:
            return False
        if not self.control_connected:
            # Without a control port (attach mode, no access) the SOCKS port is all we know.
            return True
        if self.bootstrap_percent != 100:
            return False
        # A dormant tor has no circuits but builds them on the first SOCKS request.
        return self.circuit_established is not False or bool(self.dormant)


def socks_answers(address: Address, timeout: float = 2.0) -> bool:
    """True if a SOCKS5 server (not just any listener) answers at ``address``."""
    try:
        with socket.create_connection((address.host, address.port), timeout=timeout) as sock:
            sock.settimeout(timeout)
            # The three-byte SOCKS5 greeting offering "no authentication": tor replies
            # 05 00. A library would need a whole connection attempt to tell us this.
            sock.sendall(b"\x05\x01\x00")
            return sock.recv(2)[:1] == b"\x05"
    except OSError:
        return False


class TorInstance:
    """One tor process (launched by us or already running) and what we know of its health."""

    def __init__(
        self,
        name: str,
        mode: Mode,
        socks: Address,
        control: Address | None,
        control_password: str | None = None,
    ) -> None:
        self.name = name
        self.mode = mode
        self.socks = socks
        self.control = control
        self._control_password = control_password
        self._controller: stem.control.Controller | None = None
        self._lock = threading.Lock()
        self._connect_lock = threading.Lock()
        self._outcomes: deque[bool] = deque(maxlen=ERROR_WINDOW)
        self._requests_ok = 0
        self._requests_failed = 0
        self._circuits_built = 0
        self._circuits_failed = 0
        self._newnym_count = 0
        self._last_newnym: float | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self.problem: str | None = None

    # -- counters fed by the crawler ---------------------------------------------------

    def record(self, ok: bool) -> None:
        with self._lock:
            self._outcomes.append(ok)
            if ok:
                self._requests_ok += 1
            else:
                self._requests_failed += 1

    def error_rate(self) -> tuple[float, int]:
        with self._lock:
            count = len(self._outcomes)
            failed = sum(1 for ok in self._outcomes if not ok)
        return (failed / count if count else 0.0), count

    # -- control port -----------------------------------------------------------------

    def controller(self) -> stem.control.Controller | None:
        """The control connection, (re)connected on demand; None if tor has no control port
        or refuses us."""
        # One connection attempt at a time: for a tor we launched, the first connection
        # becomes its owner, and a second one made in a race would be lost.
        with self._connect_lock:
            with self._lock:
                if self._controller is not None and self._controller.is_alive():
                    return self._controller
            control = self.control
            if control is None:
                return None
            try:
                controller = stem.control.Controller.from_port(control.host, control.port)
            except stem.SocketError as exc:
                self.problem = f"control port {control} unreachable: {exc}"
                return None
            try:
                # Cookie or password: stem picks what tor offers. For a tor we launched
                # with take_ownership this first connection becomes its owner, so tor
                # exits when the crawl process does, however it ends.
                controller.authenticate(password=self._control_password)
            except stem.connection.AuthenticationFailure as exc:
                controller.close()
                self.problem = f"control port {control}: authentication failed: {exc}"
                return None
            controller.add_event_listener(self._on_circuit, EventType.CIRC)
            with self._lock:
                self._controller = controller
            return controller

    def _on_circuit(self, event: stem.response.events.CircuitEvent) -> None:
        with self._lock:
            if event.status == stem.CircStatus.BUILT:
                self._circuits_built += 1
            elif event.status == stem.CircStatus.FAILED:
                self._circuits_failed += 1

    def newnym(self) -> bool:
        """Ask for fresh circuits, if tor's rate limit allows it now. True if sent."""
        controller = self.controller()
        if controller is None:
            return False
        with self._lock:
            recent = self._last_newnym is not None and (
                time.time() - self._last_newnym < NEWNYM_INTERVAL
            )
        if recent or not controller.is_newnym_available():
            return False
        try:
            controller.signal(Signal.NEWNYM)
        except stem.ControllerError as exc:
            logger.warning("%s: NEWNYM failed: %s", self.name, exc)
            return False
        with self._lock:
            self._last_newnym = time.time()
            self._newnym_count += 1
            # The window described the old circuits; start counting afresh.
            self._outcomes.clear()
        logger.info("%s: NEWNYM sent (fresh circuits for new requests)", self.name)
        return True

    # -- health -----------------------------------------------------------------------

    def probe(self) -> InstanceStatus:
        """Look at the instance now: SOCKS port, bootstrap phase, circuits."""
        problem: str | None = None
        exited = self.process is not None and self.process.poll() is not None
        if exited:
            assert self.process is not None
            problem = f"tor process exited with code {self.process.returncode}"
        answers = not exited and socks_answers(self.socks)
        if not exited and not answers:
            problem = f"SOCKS port {self.socks} does not answer"
        percent = summary = circuit = dormant = None
        controller = None if exited else self.controller()
        if controller is not None:
            try:
                info = controller.get_info(
                    ["status/bootstrap-phase", "status/circuit-established", "dormant"]
                )
                percent, summary = _parse_bootstrap(info["status/bootstrap-phase"])
                circuit = info["status/circuit-established"] == "1"
                dormant = info["dormant"] == "1"
            except (stem.ControllerError, stem.SocketError) as exc:
                controller = None
                problem = problem or f"control port: {exc}"
        elif not exited and self.control is not None:
            problem = problem or self.problem
        if controller is not None and problem is None and percent != 100:
            problem = f"bootstrapping ({percent}%: {summary})"
        rate, recent = self.error_rate()
        with self._lock:
            return InstanceStatus(
                name=self.name,
                mode=self.mode,
                socks=str(self.socks),
                control=str(self.control) if self.control else None,
                pid=self.process.pid if self.process is not None else _control_pid(controller),
                socks_answers=answers,
                control_connected=controller is not None,
                bootstrap_percent=percent,
                bootstrap_summary=summary,
                circuit_established=circuit,
                dormant=dormant,
                circuits_built=self._circuits_built,
                circuits_failed=self._circuits_failed,
                requests_ok=self._requests_ok,
                requests_failed=self._requests_failed,
                recent_requests=recent,
                error_rate=rate,
                newnym_count=self._newnym_count,
                last_newnym=self._last_newnym,
                problem=problem,
                checked_at=time.time(),
            )

    def close(self) -> None:
        with self._lock:
            controller, self._controller = self._controller, None
        if controller is not None:
            with contextlib.suppress(Exception):
                controller.close()
        terminate_process(self.process)


class TorPool:
    """The tor instances of one crawl process."""

    def __init__(
        self,
        settings: TorSettings,
        state_dir: Path | str,
        progress: Progress | None = None,
    ) -> None:
        self.settings = settings
        self.state_dir = Path(state_dir)
        self.instances: list[TorInstance] = []
        self.mode: Mode | None = None
        self._progress = progress or (lambda message: logger.info("%s", message))
        self._datadir_locks: dict[str, IO[str]] = {}
        self._relaunching: set[str] = set()
        self._relaunch_lock = threading.Lock()
        self._closed = False

    def start(self) -> TorPool:
        """Attach or launch, per settings. Raises TorUnavailable with a clear reason."""
        mode = self.settings.mode
        if mode == "auto":
            mode = "attach" if socks_answers(_address(self.settings.socks, "socks")) else "launch"
            if mode == "attach":
                self._progress(f"tor: attaching to the tor answering at {self.settings.socks}")
            else:
                self._progress(
                    f"tor: nothing answers at {self.settings.socks}; "
                    f"launching {self.settings.instances} tor instance(s)"
                )
        self.mode = mode
        if mode == "attach":
            self.instances = [self._attached()]
        else:
            self.instances = self._launch_all()
        return self

    def probe(self) -> list[InstanceStatus]:
        return [instance.probe() for instance in self.instances]

    def instance(self, name: str) -> TorInstance:
        for instance in self.instances:
            if instance.name == name:
                return instance
        raise KeyError(name)

    def relaunch(self, instance: TorInstance) -> bool:
        """Start a launched instance again after its process died. True if it came back.

        Only one relaunch per instance runs at a time; concurrent callers return False."""
        if instance.mode != "launch":
            return False
        with self._relaunch_lock:
            if self._closed or instance.name in self._relaunching:
                return False
            self._relaunching.add(instance.name)
        try:
            instance.close()
            self._start(instance, self.state_dir / "tor" / instance.name)
            with self._relaunch_lock:
                closed_meanwhile = self._closed
            if closed_meanwhile:
                instance.close()  # the crawl ended while tor was starting
                return False
            instance.problem = None
            return True
        except TorUnavailable as exc:
            instance.problem = str(exc)
            logger.warning("%s: relaunch failed: %s", instance.name, exc)
            return False
        finally:
            with self._relaunch_lock:
                self._relaunching.discard(instance.name)

    def close(self) -> None:
        with self._relaunch_lock:
            self._closed = True
        for instance in self.instances:
            instance.close()
        for handle in self._datadir_locks.values():
            handle.close()
        self._datadir_locks.clear()

    # -- attach -----------------------------------------------------------------------

    def _attached(self) -> TorInstance:
        socks = _address(self.settings.socks, "socks")
        control = _address(self.settings.control, "control") if self.settings.control else None
        if self.settings.instances > 1:
            logger.info(
                "tor: attach mode uses the one tor at %s (instances applies to launch)", socks
            )
        instance = TorInstance(
            "tor-attached", "attach", socks, control, self.settings.control_password
        )
        if control is not None and instance.controller() is None:
            # Not fatal: routing still works through SOCKS; health is then SOCKS-only
            # and NEWNYM is unavailable.
            logger.warning("tor: %s; health checks fall back to the SOCKS port", instance.problem)
        return instance

    # -- launch -----------------------------------------------------------------------

    def _launch_all(self) -> list[TorInstance]:
        root = self.state_dir / "tor"
        root.mkdir(parents=True, exist_ok=True)
        names = self._claim_datadirs(root, self.settings.instances)
        # Instances bootstrap in parallel: the slowest one, not the sum, sets the wait.
        with ThreadPoolExecutor(max_workers=len(names)) as executor:
            futures = [executor.submit(self._launch_one, name, root / name) for name in names]
            launched: list[TorInstance] = []
            errors: list[str] = []
            for future in futures:
                try:
                    launched.append(future.result())
                except TorUnavailable as exc:
                    errors.append(str(exc))
        if errors:
            for instance in launched:
                instance.close()
            raise TorUnavailable("; ".join(errors))
        return launched

    def _claim_datadirs(self, root: Path, count: int) -> list[str]:
        # Data directories are reused across runs (cached consensus: fast bootstrap), but
        # two crawls at once must not share one; tor would refuse to start. An flock per
        # directory decides who gets which.
        names: list[str] = []
        index = 0
        while len(names) < count:
            index += 1
            name = f"tor-{index}"
            datadir = root / name
            datadir.mkdir(mode=0o700, exist_ok=True)
            handle = (datadir / "moneytrail.lock").open("w")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue
            self._datadir_locks[name] = handle
            names.append(name)
        return names

    def _launch_one(self, name: str, datadir: Path) -> TorInstance:
        instance = TorInstance(name, "launch", Address("127.0.0.1", 0), None)
        self._start(instance, datadir)
        return instance

    def _start(self, instance: TorInstance, datadir: Path) -> None:
        """Start tor for ``instance`` in ``datadir`` and wait until it has bootstrapped."""
        settings = self.settings
        port_file = datadir / "control-port"
        port_file.unlink(missing_ok=True)
        config: dict[str, str | list[str]] = {
            # IsolateSOCKSAuth: each site's SOCKS credentials get their own circuits.
            # No ExtendedErrors: socksio (under httpx) cannot parse those reply codes.
            "SocksPort": "127.0.0.1:auto IsolateSOCKSAuth",
            "ControlPort": "127.0.0.1:auto",
            "ControlPortWriteToFile": str(port_file),
            "CookieAuthentication": "1",
            "DataDirectory": str(datadir),
            "ClientOnly": "1",
            "Log": [f"notice file {datadir / 'notice.log'}", "notice stdout"],
        }
        config.update(settings.extra_torrc)
        try:
            # completion_percent=0: return once tor runs; bootstrap is then followed over
            # the control port with our own deadline (stem's timeout needs the main thread).
            process = stem.process.launch_tor_with_config(
                config,
                tor_cmd=settings.tor_binary,
                completion_percent=0,
                take_ownership=True,
                timeout=None,
            )
        except OSError as exc:
            raise TorUnavailable(
                f"{instance.name}: cannot start {settings.tor_binary!r}: {exc}"
            ) from exc
        try:
            instance.process = process
            instance.control = _wait_for_port_file(port_file, process, timeout=30)
            controller = instance.controller()
            if controller is None:
                raise TorUnavailable(f"{instance.name}: {instance.problem}")
            host, port = controller.get_listeners(Listener.SOCKS)[0]
            instance.socks = Address(host, port)
            self._wait_bootstrapped(instance, controller, datadir)
        except BaseException:
            terminate_process(process)
            raise

    def _wait_bootstrapped(
        self, instance: TorInstance, controller: stem.control.Controller, datadir: Path
    ) -> None:
        deadline = time.monotonic() + self.settings.bootstrap_timeout
        last = None
        while True:
            if instance.process is not None and instance.process.poll() is not None:
                raise TorUnavailable(f"{instance.name}: tor exited; log: {_log_tail(datadir)}")
            try:
                percent, summary = _parse_bootstrap(controller.get_info("status/bootstrap-phase"))
            except (stem.ControllerError, stem.SocketError) as exc:
                raise TorUnavailable(f"{instance.name}: control port lost: {exc}") from exc
            if percent != last:
                self._progress(f"{instance.name}: bootstrapped {percent}% ({summary})")
                last = percent
            if percent == 100:
                return
            if time.monotonic() > deadline:
                limit = self.settings.bootstrap_timeout
                raise TorUnavailable(
                    f"{instance.name}: not bootstrapped after {limit:.0f}s"
                    f" (stuck at {percent}%: {summary}); log: {_log_tail(datadir)}"
                )
            time.sleep(0.5)


def _address(text: str, field: str) -> Address:
    try:
        return Address.parse(text)
    except ValueError as exc:
        raise TorUnavailable(f"tor.{field}: {exc}") from None


def _parse_bootstrap(phase: str) -> tuple[int | None, str | None]:
    # "NOTICE BOOTSTRAP PROGRESS=100 TAG=done SUMMARY="Done""
    percent = summary = None
    if "PROGRESS=" in phase:
        token = phase.split("PROGRESS=", 1)[1].split()[0]
        percent = int(token) if token.isdigit() else None
    if 'SUMMARY="' in phase:
        summary = phase.split('SUMMARY="', 1)[1].split('"', 1)[0]
    return percent, summary


def _control_pid(controller: stem.control.Controller | None) -> int | None:
    if controller is None:
        return None
    with contextlib.suppress(stem.ControllerError, ValueError, stem.SocketError):
        return int(controller.get_info("process/pid"))
    return None


def _wait_for_port_file(path: Path, process: subprocess.Popen[bytes], timeout: float) -> Address:
    # tor writes "PORT=127.0.0.1:NNNN" once its control listener is open.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise TorUnavailable(f"tor exited with code {process.returncode} while starting")
        with contextlib.suppress(OSError, ValueError):
            text = path.read_text().strip()
            if text.startswith("PORT="):
                return Address.parse(text.removeprefix("PORT="))
        time.sleep(0.1)
    raise TorUnavailable(f"tor did not open its control port within {timeout:.0f}s")


def _log_tail(datadir: Path, lines: int = 5) -> str:
    try:
        tail = (datadir / "notice.log").read_text(errors="replace").splitlines()[-lines:]
    except OSError:
        return "(no log)"
    return " | ".join(tail)


def terminate_process(process: subprocess.Popen[bytes] | None) -> None:
    """Stop a tor we started: TERM, then KILL if it has not exited within 10 s."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
