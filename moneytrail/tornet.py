"""A private Tor network on 127.0.0.1: directory authorities, relays, a client and a
service-side tor that publishes onion services. Used by the tor tests, `make demo` and
the Tor benchmark, so the crawler fetches real ``.onion`` URLs through real tor without
touching the public network.

The torrc templates live in config/tor/. Every process is started with stem (owned by
this Python process, so tor exits if we die) and torn down by process id.
"""

from __future__ import annotations

import atexit
import contextlib
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import Literal

import httpx2
import socksio
import stem
import stem.connection
import stem.control
import stem.process

from crawler.config import TorSettings
from crawler.tor import terminate_process

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "config" / "tor"
Role = Literal["authority", "relay", "client", "service"]
Progress = Callable[[str], None]


class TorNetworkError(RuntimeError):
    """The private network could not be built or did not come up in time."""


@dataclass
class TorNode:
    role: Role
    nickname: str
    datadir: Path
    control_port: int
    or_port: int | None = None
    dir_port: int | None = None
    socks_port: int | None = None
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    # The owning control connection: tor exits when it closes, so a crashed test run
    # leaves no tor behind. Everything we ask this node goes through it.
    controller: stem.control.Controller | None = field(default=None, repr=False)

    @property
    def torrc(self) -> Path:
        return self.datadir / "torrc"

    @property
    def log_file(self) -> Path:
        return self.datadir / "notice.log"

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


class PrivateTorNetwork:
    """Build, start and stop a Tor network that lives entirely on 127.0.0.1.

    Use as a context manager, or call start() and stop(). Progress messages ("authorities
    up", "consensus", "client bootstrapped NN%") go to the ``progress`` callable.
    """

    def __init__(
        self,
        workdir: Path | str,
        authorities: int = 3,
        relays: int = 3,
        *,
        tor_binary: str = "tor",
        progress: Progress | None = None,
        bootstrap_timeout: float = 300.0,
    ) -> None:
        if authorities < 3:
            raise ValueError("a v3 directory needs at least 3 authorities")
        if relays < 3:
            raise ValueError("onion service circuits need at least 3 relays besides authorities")
        self.workdir = Path(workdir).resolve()
        self.tor_binary = tor_binary
        self.bootstrap_timeout = bootstrap_timeout
        self._progress = progress or (lambda _message: None)
        self._authority_count = authorities
        self._relay_count = relays
        self.nodes: list[TorNode] = []
        self._dir_authority_lines: list[str] = []
        self._lock = threading.Lock()
        self._started = False

    # -- public surface ---------------------------------------------------------------

    @property
    def client(self) -> TorNode:
        return self._node("client")

    @property
    def service(self) -> TorNode:
        return self._node("service")

    @property
    def client_socks(self) -> str:
        return f"127.0.0.1:{self.client.socks_port}"

    @property
    def client_control(self) -> str:
        return f"127.0.0.1:{self.client.control_port}"

    def client_extra_torrc(self) -> dict[str, str | list[str]]:
        """torrc lines that make another tor (e.g. the crawler's launch mode) join this network."""
        return {
            "TestingTorNetwork": "1",
            "UseDefaultFallbackDirs": "0",
            "DirAuthority": list(self._dir_authority_lines),
            "VanguardsLiteEnabled": "0",
            "AddressDisableIPv6": "1",
        }

    def attach_settings(self, **overrides: object) -> TorSettings:
        """TorSettings that attach the crawler to this network's client tor."""
        values: dict[str, object] = {
            "mode": "attach",
            "instances": 1,
            "socks": self.client_socks,
            "control": self.client_control,
            "tor_binary": self.tor_binary,
        }
        values.update(overrides)
        return TorSettings.model_validate(values)

    def launch_settings(self, instances: int = 2, **overrides: object) -> TorSettings:
        """TorSettings that make the crawler launch its own tors on this network."""
        values: dict[str, object] = {
            "mode": "launch",
            "instances": instances,
            "tor_binary": self.tor_binary,
            "extra_torrc": self.client_extra_torrc(),
        }
        values.update(overrides)
        return TorSettings.model_validate(values)

    def start(self) -> PrivateTorNetwork:
        if self._started:
            return self
        if shutil.which(self.tor_binary) is None:
            raise TorNetworkError(f"tor binary {self.tor_binary!r} not found on PATH")
        if shutil.which("tor-gencert") is None:
            raise TorNetworkError("tor-gencert not found on PATH (it ships with Debian's tor)")
        self._started = True
        atexit.register(self.stop)
        try:
            self._build()
            deadline = time.monotonic() + self.bootstrap_timeout
            for node in self.nodes:
                self._launch(node)
            self._progress(
                f"authorities up ({self._authority_count}), relays up ({self._relay_count})"
            )
            self._wait_for_consensus(deadline)
            self._progress("consensus")
            self._wait_bootstrapped(self.client, deadline, report=True)
            self._wait_bootstrapped(self.service, deadline, report=False)
        except BaseException:
            self.stop()
            raise
        return self

    def __enter__(self) -> PrivateTorNetwork:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def add_onion_service(
        self, target_port: int, virtual_port: int = 80, timeout: float = 180.0
    ) -> str:
        """Publish an ephemeral onion service forwarding virtual_port to 127.0.0.1:target_port,
        wait until the client can fetch through it, and return its "<id>.onion" host."""
        deadline = time.monotonic() + timeout
        with self._lock:
            response = self._control(self.service).create_ephemeral_hidden_service(
                {virtual_port: f"127.0.0.1:{target_port}"},
                key_type="NEW",
                key_content="ED25519-V3",
                await_publication=True,
                detached=True,
                timeout=timeout,
            )
        hostname = f"{response.service_id}.onion"
        self._wait_reachable(hostname, virtual_port, deadline)
        return hostname

    def remove_onion_service(self, hostname: str) -> None:
        with self._lock:
            self._control(self.service).remove_ephemeral_hidden_service(
                hostname.removesuffix(".onion")
            )

    def kill_client(self) -> None:
        """SIGKILL the client tor, as a crash would."""
        node = self.client
        if node.process is not None:
            node.process.kill()
            node.process.wait()
            node.process = None
        _close(node)

    def restart_client(self) -> None:
        """Start the client again on the same ports and data directory and wait for it."""
        node = self.client
        if node.process is not None and node.process.poll() is None:
            return
        self._launch(node)
        self._wait_bootstrapped(node, time.monotonic() + self.bootstrap_timeout, report=True)

    def stop(self) -> None:
        """Stop every tor process this network started, by process id."""
        for node in reversed(self.nodes):
            _close(node)
            terminate_process(node.process)
            node.process = None

    # -- building ---------------------------------------------------------------------

    def _build(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        roles: list[tuple[Role, str]] = [
            *(("authority", f"auth{i}") for i in range(self._authority_count)),
            *(("relay", f"relay{i}") for i in range(self._relay_count)),
            ("client", "client"),
            ("service", "service"),
        ]
        ports = iter(_free_ports(4 * len(roles)))
        for role, nickname in roles:
            datadir = self.workdir / nickname
            if datadir.exists():
                shutil.rmtree(datadir)
            datadir.mkdir(mode=0o700)
            node = TorNode(role=role, nickname=nickname, datadir=datadir, control_port=next(ports))
            if role in ("authority", "relay"):
                node.or_port = next(ports)
            if role == "authority":
                node.dir_port = next(ports)
            if role == "client":
                node.socks_port = next(ports)
            self.nodes.append(node)
        for node in self.nodes:
            if node.role == "authority":
                self._dir_authority_lines.append(self._make_authority_keys(node))
        for node in self.nodes:
            node.torrc.write_text(self._render_torrc(node))

    def _make_authority_keys(self, node: TorNode) -> str:
        keys = node.datadir / "keys"
        keys.mkdir(mode=0o700)
        self._run(
            [
                "tor-gencert",
                "--create-identity-key",
                "-m",
                "12",
                "-a",
                f"127.0.0.1:{node.dir_port}",
                "--passphrase-fd",
                "0",
                "-i",
                str(keys / "authority_identity_key"),
                "-s",
                str(keys / "authority_signing_key"),
                "-c",
                str(keys / "authority_certificate"),
            ]
        )
        v3ident = _certificate_fingerprint(keys / "authority_certificate")
        self._run(
            [
                self.tor_binary,
                "--ignore-missing-torrc",
                "-f",
                "/dev/null",
                "--list-fingerprint",
                "--orport",
                "1",
                "--DataDirectory",
                str(node.datadir),
                "--Nickname",
                node.nickname,
            ]
        )
        nickname, _, fingerprint = (node.datadir / "fingerprint").read_text().strip().partition(" ")
        return (
            f"{nickname} orport={node.or_port} no-v2 v3ident={v3ident} "
            f"127.0.0.1:{node.dir_port} {fingerprint.replace(' ', '')}"
        )

    def _render_torrc(self, node: TorNode) -> str:
        values = {
            "datadir": str(node.datadir),
            "nickname": node.nickname,
            "control_port": str(node.control_port),
            "or_port": str(node.or_port),
            "dir_port": str(node.dir_port),
            "socks_port": str(node.socks_port),
            "dir_authorities": "\n".join(
                f"DirAuthority {line}" for line in self._dir_authority_lines
            ),
        }
        parts = [_template("common"), _template(node.role)]
        return "\n".join(Template(part).substitute(values) for part in parts)

    def _run(self, argv: list[str]) -> None:
        result = subprocess.run(argv, input=b"\n", capture_output=True, timeout=60, check=False)
        if result.returncode != 0:
            output = (result.stdout + result.stderr).decode(errors="replace").strip()
            raise TorNetworkError(f"{' '.join(argv[:2])} failed: {output[-500:]}")

    # -- running ----------------------------------------------------------------------

    def _launch(self, node: TorNode) -> None:
        try:
            # completion_percent=0: return once tor has parsed its config and started;
            # bootstrap is followed over the control port, where our own deadline applies
            # (stem's timeout only works in the main thread).
            node.process = stem.process.launch_tor(
                tor_cmd=self.tor_binary,
                torrc_path=str(node.torrc),
                completion_percent=0,
                take_ownership=True,
                timeout=None,
            )
        except OSError as exc:
            raise TorNetworkError(f"{node.nickname}: tor did not start: {exc}") from exc
        node.controller = _connect_owner(node)

    def _wait_for_consensus(self, deadline: float) -> None:
        # An authority writes its cached consensus once a vote has succeeded.
        authorities = [n for n in self.nodes if n.role == "authority"]
        while time.monotonic() < deadline:
            self._check_alive()
            if all((n.datadir / "cached-consensus").exists() for n in authorities):
                return
            time.sleep(1)
        raise TorNetworkError(
            "no consensus before the deadline; authority log:\n" + authorities[0].log_tail()
        )

    def _wait_bootstrapped(self, node: TorNode, deadline: float, *, report: bool) -> None:
        last_reported = -1
        while time.monotonic() < deadline:
            self._check_alive()
            progress = _bootstrap_percent(node)
            if report and progress is not None and progress != last_reported:
                self._progress(f"{node.nickname} bootstrapped {progress}%")
                last_reported = progress
            if progress == 100:
                return
            time.sleep(1)
        raise TorNetworkError(
            f"{node.nickname} did not bootstrap in {self.bootstrap_timeout:.0f}s; log:\n"
            + node.log_tail()
        )

    def _wait_reachable(self, hostname: str, virtual_port: int, deadline: float) -> None:
        # Publication is not reachability: the client must fetch the descriptor and build
        # a rendezvous circuit. Once tor has connected the stream to the service, the
        # Tor side works, even if the backend then hangs up (a deliberately broken site).
        proxy = f"socks5h://probe:{hostname[:8]}@{self.client_socks}"
        url = f"http://{hostname}:{virtual_port}/"
        last_error = "never tried"
        with httpx2.Client(proxy=proxy, timeout=30, trust_env=False) as http:
            while time.monotonic() < deadline:
                try:
                    http.get(url)
                    return
                except (httpx2.RemoteProtocolError, httpx2.ReadError):
                    return  # connected through Tor; the backend itself misbehaved
                except (httpx2.HTTPError, socksio.ProtocolError) as exc:
                    last_error = f"{type(exc).__name__}: {exc}"
                time.sleep(1)
        raise TorNetworkError(f"{hostname} not reachable in time ({last_error})")

    def _control(self, node: TorNode) -> stem.control.Controller:
        if node.controller is None or not node.controller.is_alive():
            raise TorNetworkError(f"{node.nickname} is not running")
        return node.controller

    def _check_alive(self) -> None:
        for node in self.nodes:
            if node.process is not None and node.process.poll() is not None:
                raise TorNetworkError(
                    f"{node.nickname} exited with {node.process.returncode}; log:\n"
                    + node.log_tail()
                )

    def _node(self, role: Role) -> TorNode:
        for node in self.nodes:
            if node.role == role:
                return node
        raise TorNetworkError(f"the network has no {role} (was start() called?)")


def _template(name: str) -> str:
    path = TEMPLATES_DIR / f"{name}.torrc"
    try:
        return path.read_text()
    except OSError as exc:
        raise TorNetworkError(f"torrc template missing: {path}") from exc


def _certificate_fingerprint(certificate: Path) -> str:
    for line in certificate.read_text().splitlines():
        if line.startswith("fingerprint "):
            return line.split()[1]
    raise TorNetworkError(f"{certificate}: no fingerprint line")


def _connect_owner(node: TorNode, timeout: float = 15.0) -> stem.control.Controller:
    # tor opens its control listener a moment after it first logs "Bootstrapped 0%".
    deadline = time.monotonic() + timeout
    while True:
        try:
            controller = stem.control.Controller.from_port("127.0.0.1", node.control_port)
            # Cookie authentication; because we launched tor with take_ownership, stem
            # sends TAKEOWNERSHIP here and clears __OwningControllerProcess, so later
            # controllers (the crawler's) do not become owners.
            controller.authenticate()
            return controller
        except (stem.SocketError, stem.connection.AuthenticationFailure) as exc:
            if time.monotonic() > deadline:
                raise TorNetworkError(f"{node.nickname}: control port unreachable: {exc}") from exc
            time.sleep(0.2)


def _close(node: TorNode) -> None:
    if node.controller is not None:
        with contextlib.suppress(Exception):
            node.controller.close()
        node.controller = None


def _bootstrap_percent(node: TorNode) -> int | None:
    if node.controller is None or not node.controller.is_alive():
        return None
    try:
        phase = node.controller.get_info("status/bootstrap-phase")
    except (stem.SocketError, stem.ControllerError):
        return None
    for token in phase.split():
        if token.startswith("PROGRESS="):
            return int(token.removeprefix("PROGRESS="))
    return None


def _free_ports(count: int) -> list[int]:
    # Hold every socket open until all are chosen so the kernel never hands out a
    # port twice; tor binds them a moment later (the only race is with other programs).
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for sock in sockets:
            sock.close()
