"""The pgp family: armored public keys (however mangled) and written-out fingerprints."""

from __future__ import annotations

import base64
import random
import warnings
from collections.abc import Callable
from pathlib import Path

import pgpy
import pytest
from pgpy.constants import EllipticCurveOID, HashAlgorithm, KeyFlags, PubKeyAlgorithm

from extractors import kinds
from extractors.base import Match
from extractors.pgp import FAMILY, armor, find
from tests.linear_time import growth_ratio, limit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pgp"
# GnuPG exports (see SOURCE.md): fingerprints as GnuPG printed them.
ED25519 = (FIXTURES / "gnupg-ed25519.asc").read_text()
ED25519_FPR = "20CA1D8BB6212ED94C01AC3CDFA86BB502E85B79"
RSA_TWO_UIDS = (FIXTURES / "gnupg-rsa2048-two-uids.asc").read_text()
RSA_FPR = "E29C3D86D1BAC8643587C074AD54B89FCA74EDB8"


def _new_key(name: str, email: str, rsa: bool = False) -> pgpy.PGPKey:
    if rsa:
        key = pgpy.PGPKey.new(PubKeyAlgorithm.RSAEncryptOrSign, 1024)
    else:
        key = pgpy.PGPKey.new(PubKeyAlgorithm.EdDSA, EllipticCurveOID.Ed25519)
    uid = pgpy.PGPUID.new(name, email=email)
    key.add_uid(uid, usage={KeyFlags.Sign}, hashes=[HashAlgorithm.SHA256])
    return key


@pytest.fixture(scope="module")
def made_key() -> tuple[str, str]:
    """(armored public key, fingerprint) of a key made by pgpy at test time."""
    key = _new_key("Silent Fox", "Fox@Proton.me")
    return str(key.pubkey), str(key.fingerprint).replace(" ", "")


def _matches(text: str) -> list[Match]:
    found = list(find(text))
    for match in found:
        assert match.raw == text[match.start : match.end], match
    return found


def _fingerprints(text: str) -> list[str]:
    return [m.value for m in _matches(text) if m.kind == kinds.PGP_FINGERPRINT]


def test_family_shape() -> None:
    assert FAMILY.name == "pgp"
    assert FAMILY.kinds == frozenset({kinds.PGP_FINGERPRINT, kinds.ALIAS, kinds.EMAIL})
    assert FAMILY.find is find


class TestArmoredKeys:
    def test_gnupg_key_with_a_header(self) -> None:
        text = f"My key, verify everything:\n{ED25519}\nThanks."
        found = _matches(text)
        block = text[text.index("-----BEGIN") : text.index("BLOCK-----\n", 60) + 10]
        assert [(m.kind, m.value, m.extractor) for m in found] == [
            (kinds.PGP_FINGERPRINT, ED25519_FPR, "pgp.armor"),
            (kinds.ALIAS, "Dr. Stone", "pgp.uid"),
            (kinds.EMAIL, "drstone@dnmx.org", "pgp.uid"),
        ]
        # User ids are not in the text: every match spans the whole block.
        assert {m.raw for m in found} == {block}

    def test_every_user_id(self) -> None:
        assert sorted((m.kind, m.value) for m in _matches(RSA_TWO_UIDS)) == [
            (kinds.ALIAS, "Green Lotus Labs"),
            (kinds.ALIAS, "GreenLotus"),
            (kinds.EMAIL, "labs@tutanota.com"),
            (kinds.EMAIL, "lotus@proton.me"),
            (kinds.PGP_FINGERPRINT, RSA_FPR),
        ]

    def test_keys_made_by_pgpy(self, made_key: tuple[str, str]) -> None:
        armored, fingerprint = made_key
        assert _fingerprints(armored) == [fingerprint]
        rsa = _new_key("Dr White", "white@dnmx.org", rsa=True)
        assert _fingerprints(str(rsa.pubkey)) == [str(rsa.fingerprint).replace(" ", "")]

    @pytest.mark.parametrize(
        "mangle",
        [
            lambda a: a.replace("\n", "\r\n"),
            lambda a: "\n".join("    " + line for line in a.split("\n")),
            lambda a: " ".join(a.split("\n")),
            lambda a: "\u00a0".join(a.split("\n")),
            lambda a: a.replace("\n\n", "\n"),
            lambda a: "\n".join(line for line in a.split("\n") if not line.startswith("=")),
            lambda a: a.replace("-----\n\n", "-----\nVersion: GnuPG v2\nComment: GPGTools\n\n", 1),
            lambda a: " ".join(
                a.replace("-----\n\n", "-----\nVersion: GnuPG v2.2.40 (GNU/Linux)\n\n", 1).split()
            ),
            lambda a: "<p>" + a.replace("\n", "<br>\n") + "</p>",
        ],
        ids=[
            "crlf",
            "indented",
            "one line",
            "nbsp",
            "no blank line",
            "no checksum",
            "headers",
            "headers on one line",
            "html breaks",
        ],
    )
    def test_mangled_armor(self, mangle: Callable[[str], str]) -> None:
        assert _fingerprints(f"PGP:\n{mangle(ED25519)}\nend") == [ED25519_FPR]

    def test_two_blocks_and_a_keyring(self, made_key: tuple[str, str]) -> None:
        armored, fingerprint = made_key
        assert _fingerprints(f"{ED25519}\nbackup key:\n{armored}") == [ED25519_FPR, fingerprint]
        first, second = _new_key("A", "a@b.io"), _new_key("B", "b@b.io")
        body = base64.b64encode(bytes(first.pubkey) + bytes(second.pubkey)).decode()
        lines = [body[i : i + 64] for i in range(0, len(body), 64)]
        keyring = "\n".join(
            [
                "-----BEGIN PGP PUBLIC KEY BLOCK-----",
                "",
                *lines,
                "-----END PGP PUBLIC KEY BLOCK-----",
            ]
        )
        assert sorted(_fingerprints(keyring)) == sorted(
            str(k.fingerprint).replace(" ", "") for k in (first, second)
        )

    @pytest.mark.parametrize(
        "text",
        [
            ED25519.replace("-----END PGP PUBLIC KEY BLOCK-----", ""),  # no END
            ED25519[: len(ED25519) // 3] + "\n-----END PGP PUBLIC KEY BLOCK-----",
            "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnot base64 at all!\n"
            "-----END PGP PUBLIC KEY BLOCK-----",
            "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nQUJDREVGR0hJSktMTU5PUA==\n"
            "-----END PGP PUBLIC KEY BLOCK-----",
            "-----BEGIN PGP PUBLIC KEY BLOCK-----\n-----END PGP PUBLIC KEY BLOCK-----",
            ED25519.replace("PUBLIC KEY", "SIGNATURE"),
        ],
        ids=["no end", "truncated", "not base64", "not packets", "empty", "not a key block"],
    )
    def test_broken_blocks_give_nothing(self, text: str) -> None:
        assert _matches(text) == []

    def test_a_truncated_block_does_not_swallow_the_next(self) -> None:
        text = ED25519.split("-----END")[0] + "\n" + RSA_TWO_UIDS
        assert _fingerprints(text) == [RSA_FPR]

    def test_random_damage_never_raises_or_warns(self) -> None:
        rng = random.Random(11)
        lines = ED25519.split("\n")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            for _ in range(300):
                damaged = list(lines)
                for _ in range(rng.randint(1, 4)):
                    row = rng.randrange(1, len(damaged) - 1)
                    line = damaged[row]
                    if line and rng.random() < 0.7:
                        col = rng.randrange(len(line))
                        line = line[:col] + rng.choice("A/+=\n x") + line[col + 1 :]
                    else:
                        line = ""
                    damaged[row] = line
                for match in _matches("\n".join(damaged)):
                    if match.kind == kinds.PGP_FINGERPRINT:
                        assert len(match.value) == 40
                        assert match.value == match.value.upper()


FPR = "9DF32E42A98E6F00D7A376ECF37D5C3639EA2C96"
GROUPED = " ".join(FPR[i : i + 4] for i in range(0, 40, 4))
GNUPG_STYLE = GROUPED[:24] + " " + GROUPED[24:]  # "... 5C36  39EA ..."


class TestWrittenFingerprints:
    @pytest.mark.parametrize(
        "text",
        [
            f"Fingerprint: {GROUPED}",
            f"Key fingerprint = {GNUPG_STYLE}",
            f"my PGP key is {FPR}",
            f"GPG: {FPR.lower()}",
            f"fpr {GROUPED}",
            f"key ID 0x{GROUPED}",
            f"verify the mirror list with my key {FPR.lower()}.",
            f"PGP fingerprint: 0x{FPR}",
            f"{GROUPED} (PGP)",
            f"openpgp4fpr:{FPR}",
            "PGP fingerprint: " + " ".join(FPR[i : i + 8] for i in range(0, 40, 8)),
            "PGP: " + ":".join(FPR[i : i + 4] for i in range(0, 40, 4)),
            "fingerprint " + " ".join(FPR[i : i + 2] for i in range(0, 40, 2)).lower(),
            f"su PGP, huella: {FPR[:20]} {FPR[20:]}",  # two halves
            "Our key (" + " ".join(FPR[i : i + 2] for i in range(0, 40, 2)) + ") is signed",
            f"PGP fingerprint: {FPR[:20]}  {FPR[20:]}\n",
        ],
    )
    def test_cued(self, text: str) -> None:
        [match] = _matches(text)
        assert (match.kind, match.value, match.extractor) == (
            kinds.PGP_FINGERPRINT,
            FPR,
            "pgp.fingerprint",
        )
        assert match.raw.replace(" ", "").replace(":", "").removeprefix("0x").upper() == FPR

    @pytest.mark.parametrize(
        "text",
        [
            f"sha1 {FPR}",
            "sha1: " + " ".join(FPR[i : i + 8] for i in range(0, 40, 8)),
            f"commit {FPR.lower()} fixed it",
            f"{FPR} is a hash",
            f"PGP key changed, send to 0x{FPR}",  # 0x + 40 hex, not right after the cue
            "PGP fingerprint: 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",  # EIP-55 case
            f"PGP {FPR[:-1]}",  # 39 digits
            f"PGP {FPR}A",  # 41 digits
            f"PGP x{FPR}",
            f"api key {FPR}",
            f"license key: {FPR}",
            "PGP is great. " + "Lorem ipsum dolor sit amet " * 4 + FPR,
            f"gpg: fix the agent.\n+ commit {FPR.lower()}",  # cue on another line
            f"gpg: fix the agent, commit {FPR.lower()}",
            f"tests/openpgp/tofu/cross-sigs/\n  {FPR}-1.gpg",  # file names
            f"* tests/gpgsm/{FPR}: New file",
            f"sha1 {FPR[:20]} {FPR[20:]}",  # two halves, no PGP cue
            f"PGP {FPR[:20]} {FPR[20:]}A",
        ],
    )
    def test_not_fingerprints(self, text: str) -> None:
        assert _fingerprints(text) == []

    def test_fingerprints_listed_under_a_heading_the_cue_opens(self) -> None:
        other = "390C6E660A90DE225A9FB42BF35216DA7956DA2F"
        text = (
            "Vendor PGP fingerprints (from their profiles):\n"
            f"NightOwl   {FPR}\n"
            f"GreenDoc   {' '.join(other[i : i + 4] for i in range(0, 40, 4))}\n"
            "\n"
            f"Unrelated checksum {FPR[::-1]}"
        )
        assert _fingerprints(text) == [FPR, other]
        assert _fingerprints(f"PGP-Fingerprint zum Prüfen:\n{GROUPED}") == [FPR]

    @pytest.mark.parametrize(
        "text",
        [
            f"PGP signed release, sha1 checksums:\n{FPR}",  # the heading names another hash
            f"PGP is great. Notes:\n\n{FPR}",  # a blank line ends the list
        ],
    )
    def test_not_listed_under_a_heading(self, text: str) -> None:
        assert _fingerprints(text) == []

    def test_a_table_column_headed_by_a_cue(self) -> None:
        other = "390C6E660A90DE225A9FB42BF35216DA7956DA2F"
        table = (
            "vendor           | jabber                 | pgp fingerprint\n"
            "-----------------+------------------------+-----------------\n"
            f"NightOwl         | owl@jabber.de          | {FPR}\n"
            f"GreenDoc         | (none, wickr: doc_)    | {other}\n"
        )
        assert _fingerprints(table) == [FPR, other]
        assert _fingerprints(table.replace("pgp fingerprint", "sha1 of backup")) == []

    def test_the_digits_opening_the_line_after_a_cue(self) -> None:
        assert _fingerprints(f"my pgp did not change, fingerprint is still\n{FPR}") == [FPR]
        assert _fingerprints(f"pgp is fine. the commit you want is\n{FPR}") == []

    def test_one_fingerprint_per_cue(self) -> None:
        other = "390c6e660a90de225a9fb42bf35216da7956da2f"
        text = f"new fingerprint {GROUPED}.\nOld one was {other} which is a file hash."
        assert _fingerprints(text) == [FPR]


@pytest.mark.parametrize("text", ["", "-----", "BEGIN PGP PUBLIC KEY BLOCK", "\ud800 pgp", "key"])
def test_bad_input_does_not_break_the_family(text: str) -> None:
    assert _matches(text) == []


def _repeated(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


# Linear time on hostile input: 4N characters against N (CPU time, best of several,
# alternating). Linear gives about 4 and quadratic about 16; the wide gap keeps the check
# meaningful on a loaded machine, where small timings jitter.
PATHOLOGICAL: dict[str, tuple[Callable[[int], str], int]] = {
    "begin markers without end": (
        _repeated("-----BEGIN PGP PUBLIC KEY BLOCK-----\nAAAA\n"),
        200_000,
    ),
    "one begin, then base64": (
        lambda n: "-----BEGIN PGP PUBLIC KEY BLOCK-----\n" + _repeated("QUJD\n")(n),
        2_000_000,
    ),
    "cues": (_repeated("pgp "), 200_000),
    # One long line that could be a table heading, a cue every few characters.
    "cues between commas": (_repeated("pgp, "), 200_000),
    "key words": (_repeated("my key "), 200_000),
    "hex after cues": (_repeated("PGP " + "ab12" * 10 + " "), 200_000),
    "grouped hex": (_repeated("fpr " + "ab12 " * 10), 200_000),
    "end words after dashes": (
        lambda n: (
            "-----BEGIN PGP PUBLIC KEY BLOCK-----\n"
            + _repeated("-- \nEND PGP PUBLIC KEY BLOCK ")(n)
        ),
        400_000,
    ),
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_time_grows_linearly(name: str) -> None:
    make, size = PATHOLOGICAL[name]
    ratio = growth_ratio(find, make, size)
    assert ratio < limit(), f"{name}: {ratio:.2f}"


def test_end_line_is_what_a_search_finds() -> None:
    # The END line is found from its words, not by a search at every position: the
    # two must agree wherever the dashes and spaces fall and wherever the stretch ends.
    rng = random.Random(11)
    pieces = ["-", "--", "---", " ", "\n", "\u00a0", "x", "END PGP PUBLIC KEY BLOCK", "-----"]
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        lo = rng.randint(0, len(text))
        limit = rng.randint(lo, len(text))
        expected = armor._END.search(text, lo, limit)
        found = armor._end_line(text, lo, limit)
        assert (found and found.span()) == (expected and expected.span()), (text, lo, limit)


@pytest.mark.parametrize(
    "text",
    [
        "Old key: 0xDA5FF7E6EFD8AA3D  full fp: 9F69 6919 0FBE 89A5 37AE  6FC7 DA5F F7E6 EFD8 AA3D",
        "Aktueller FP: 9F6969190FBE89A537AE6FC7DA5FF7E6EFD8AA3D",
    ],
)
def test_fp_abbreviates_fingerprint(text: str) -> None:
    assert [m.value for m in find(text)] == ["9F6969190FBE89A537AE6FC7DA5FF7E6EFD8AA3D"]


def test_fp_inside_a_word_is_no_cue() -> None:
    assert list(find("ffp 9F6969190FBE89A537AE6FC7DA5FF7E6EFD8AA3D")) == []
