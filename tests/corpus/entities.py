"""Identifiers for the labeled corpus: real, checksum-valid values and the ways people write them.

Every generator takes the corpus's seeded ``random.Random`` and returns a ``Piece``: the
text as it appears in a page and the (kind, normalized value) labels it carries, with
values normalized exactly as DESIGN.md's table says. Hard negatives are pieces with no
labels.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import string
from dataclasses import dataclass, field
from pathlib import Path

import base58
import phonenumbers
from bip_utils import (
    BchP2PKHAddrEncoder,
    BchP2SHAddrEncoder,
    Ed25519PrivateKey,
    EthAddrEncoder,
    Monero,
    P2PKHAddrEncoder,
    P2SHAddrEncoder,
    P2TRAddrEncoder,
    P2WPKHAddrEncoder,
    Secp256k1PrivateKey,
    SolAddrEncoder,
    TrxAddrEncoder,
)

VECTORS = Path(__file__).resolve().parents[3] / "shared" / "testdata" / "vectors" / "vectors.json"


@dataclass
class Piece:
    text: str
    labels: list[tuple[str, str]] = field(default_factory=list)


def _secp(rng: random.Random) -> Secp256k1PrivateKey:
    return Secp256k1PrivateKey.FromBytes(rng.randbytes(32))


def _ed25519_public(rng: random.Random) -> bytes:
    return Ed25519PrivateKey.FromBytes(rng.randbytes(32)).PublicKey().RawCompressed().ToBytes()[1:]


# --- crypto -------------------------------------------------------------------------


def btc_address(rng: random.Random) -> tuple[str, str]:
    """(as written, normalized) for one of the four mainnet script types."""
    public = _secp(rng).PublicKey()
    style = rng.choice(["p2pkh", "p2pkh", "p2sh", "p2wpkh", "p2wpkh", "p2tr"])
    if style == "p2pkh":
        address = P2PKHAddrEncoder.EncodeKey(public, net_ver=b"\x00")
    elif style == "p2sh":
        address = P2SHAddrEncoder.EncodeKey(public, net_ver=b"\x05")
    elif style == "p2wpkh":
        address = P2WPKHAddrEncoder.EncodeKey(public, hrp="bc", wit_ver=0)
    else:
        address = P2TRAddrEncoder.EncodeKey(public, hrp="bc")
    written = address.upper() if address.startswith("bc1") and rng.random() < 0.1 else address
    return written, address


def btc(rng: random.Random) -> Piece:
    written, value = btc_address(rng)
    return Piece(written, [("btc", value)])


def btc_vector(rng: random.Random) -> Piece:
    """A valid mainnet BTC string from the public test vectors (BIP-173/350, key_io)."""
    entries = [e for e in _vectors() if e["coin"] == "btc" and e["valid"]]
    written = rng.choice(entries)["string"]
    value = written.lower() if written.lower().startswith("bc1") else written
    return Piece(written, [("btc", value)])


def ltc(rng: random.Random) -> Piece:
    public = _secp(rng).PublicKey()
    style = rng.choice(["L", "L", "M", "ltc1"])
    if style == "L":
        address = P2PKHAddrEncoder.EncodeKey(public, net_ver=b"\x30")
    elif style == "M":
        address = P2SHAddrEncoder.EncodeKey(public, net_ver=b"\x32")
    else:
        address = P2WPKHAddrEncoder.EncodeKey(public, hrp="ltc", wit_ver=0)
    return Piece(address, [("ltc", address)])


def ltc_legacy_p2sh(rng: random.Random) -> Piece:
    """Old Litecoin P2SH ("3..."): byte-identical to a BTC P2SH address, labeled btc."""
    address = P2SHAddrEncoder.EncodeKey(_secp(rng).PublicKey(), net_ver=b"\x05")
    return Piece(address, [("btc", address)])


def bch(rng: random.Random) -> Piece:
    public = _secp(rng).PublicKey()
    if rng.random() < 0.7:
        address = BchP2PKHAddrEncoder.EncodeKey(public, hrp="bitcoincash", net_ver=b"\x00")
    else:
        address = BchP2SHAddrEncoder.EncodeKey(public, hrp="bitcoincash", net_ver=b"\x08")
    style = rng.random()
    if style < 0.45:
        written = address.split(":", 1)[1]
    elif style < 0.55:
        written = address.upper()
    else:
        written = address
    return Piece(written, [("bch", address)])


def bch_legacy(rng: random.Random) -> Piece:
    """Legacy-format BCH is byte-identical to BTC P2PKH: labeled btc."""
    address = P2PKHAddrEncoder.EncodeKey(_secp(rng).PublicKey(), net_ver=b"\x00")
    return Piece(address, [("btc", address)])


def eth(rng: random.Random) -> Piece:
    checksummed = EthAddrEncoder.EncodeKey(_secp(rng).PublicKey())
    style = rng.random()
    if style < 0.6:
        written = checksummed
    elif style < 0.9:
        written = checksummed.lower()
    else:
        written = "0x" + checksummed[2:].upper()
    return Piece(written, [("eth", checksummed)])


def xmr(rng: random.Random) -> Piece:
    wallet = Monero.FromSeed(rng.randbytes(32))
    style = rng.random()
    if style < 0.6:
        address = str(wallet.PrimaryAddress())
    elif style < 0.85:
        address = str(wallet.Subaddress(rng.randint(1, 40), rng.randint(0, 3)))
    else:
        address = str(wallet.IntegratedAddress(rng.randbytes(8)))
    return Piece(address, [("xmr", address)])


def xmr_vector(rng: random.Random) -> Piece:
    entries = [e for e in _vectors() if e["coin"] == "xmr" and e["valid"]]
    address = rng.choice(entries)["string"]
    return Piece(address, [("xmr", address)])


def doge(rng: random.Random) -> Piece:
    public = _secp(rng).PublicKey()
    if rng.random() < 0.8:
        address = P2PKHAddrEncoder.EncodeKey(public, net_ver=b"\x1e")
    else:
        address = P2SHAddrEncoder.EncodeKey(public, net_ver=b"\x16")
    return Piece(address, [("doge", address)])


def trx(rng: random.Random) -> Piece:
    address = TrxAddrEncoder.EncodeKey(_secp(rng).PublicKey())
    return Piece(address, [("trx", address)])


def sol(rng: random.Random) -> Piece:
    address = SolAddrEncoder.EncodeKey(Ed25519PrivateKey.FromBytes(rng.randbytes(32)).PublicKey())
    return Piece(address, [("sol", address)])


def zec(rng: random.Random) -> Piece:
    public = _secp(rng).PublicKey()
    if rng.random() < 0.75:
        address = P2PKHAddrEncoder.EncodeKey(public, net_ver=b"\x1c\xb8")
    else:
        address = P2SHAddrEncoder.EncodeKey(public, net_ver=b"\x1c\xbd")
    return Piece(address, [("zec", address)])


def dash(rng: random.Random) -> Piece:
    public = _secp(rng).PublicKey()
    if rng.random() < 0.8:
        address = P2PKHAddrEncoder.EncodeKey(public, net_ver=b"\x4c")
    else:
        address = P2SHAddrEncoder.EncodeKey(public, net_ver=b"\x10")
    return Piece(address, [("dash", address)])


# --- crypto hard negatives --------------------------------------------------------------

_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def bad_checksum_address(rng: random.Random) -> Piece:
    """A real address with one character changed: the checksum no longer verifies."""
    kind = rng.choice(["base58", "base58", "bech32", "cashaddr"])
    if kind == "base58":
        net_version = rng.choice([b"\x00", b"\x30", b"\x1e", b"\x4c"])  # btc ltc doge dash
        address = P2PKHAddrEncoder.EncodeKey(_secp(rng).PublicKey(), net_ver=net_version)
        while True:
            position = rng.randrange(2, len(address))
            replacement = rng.choice(_BASE58.replace(address[position], ""))
            broken = address[:position] + replacement + address[position + 1 :]
            try:
                base58.b58decode_check(broken)
            except ValueError:
                return Piece(broken)
    if kind == "bech32":
        address = P2WPKHAddrEncoder.EncodeKey(_secp(rng).PublicKey(), hrp="bc", wit_ver=0)
        charset = _BECH32
        prefix_length = 4
    else:
        address = BchP2PKHAddrEncoder.EncodeKey(
            _secp(rng).PublicKey(), hrp="bitcoincash", net_ver=b"\x00"
        )
        charset = _BECH32
        prefix_length = len("bitcoincash:") + 1
    position = rng.randrange(prefix_length, len(address))
    replacement = rng.choice(charset.replace(address[position], ""))
    return Piece(address[:position] + replacement + address[position + 1 :])


def bad_eip55(rng: random.Random) -> Piece:
    """A checksummed ETH address with one letter's case flipped."""
    address = EthAddrEncoder.EncodeKey(_secp(rng).PublicKey())
    letters = [i for i, ch in enumerate(address) if i > 1 and ch.isalpha()]
    position = rng.choice(letters)
    return Piece(address[:position] + address[position].swapcase() + address[position + 1 :])


def testnet_address(rng: random.Random) -> Piece:
    public = _secp(rng).PublicKey()
    choice = rng.random()
    if choice < 0.5:
        return Piece(P2WPKHAddrEncoder.EncodeKey(public, hrp="tb", wit_ver=0))
    if choice < 0.8:
        return Piece(P2PKHAddrEncoder.EncodeKey(public, net_ver=b"\x6f"))
    return Piece(BchP2PKHAddrEncoder.EncodeKey(public, hrp="bchtest", net_ver=b"\x00"))


def invalid_vector(rng: random.Random) -> Piece:
    """An invalid string from the public vectors (BIP-173/350 and key_io invalid cases)."""
    entries = [
        e
        for e in _vectors()
        if not e["valid"] and e["coin"] in {"btc", "eth", "xmr"} and len(e["string"]) >= 14
    ]
    return Piece(rng.choice(entries)["string"])


def wif_key(rng: random.Random) -> Piece:
    """A WIF private key: base58check-valid, but not an address."""
    payload = b"\x80" + rng.randbytes(32) + (b"\x01" if rng.random() < 0.6 else b"")
    return Piece(base58.b58encode_check(payload).decode())


def hex_digest(rng: random.Random, length: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(length))


def txid(rng: random.Random) -> Piece:
    return Piece(hex_digest(rng, 64))


def block_hash(rng: random.Random) -> Piece:
    return Piece("00000000000000000" + hex_digest(rng, 47))


def sha256(rng: random.Random) -> Piece:
    return Piece(hex_digest(rng, 64))


def sha1(rng: random.Random) -> Piece:
    return Piece(hex_digest(rng, 40))


def md5(rng: random.Random) -> Piece:
    return Piece(hex_digest(rng, 32))


def btc_amount(rng: random.Random) -> Piece:
    return Piece(f"{rng.uniform(0.0005, 0.09):.5f}")


# --- phones -------------------------------------------------------------------------

_US_AREA_CODES = [
    "212", "213", "214", "305", "310", "312", "323", "346", "404", "415", "469", "512", "602",
    "617", "646", "702", "713", "718", "786", "813", "832", "917", "929", "954", "972", "407",
    "561", "619", "702", "754", "347", "267", "215", "313", "414", "504", "615", "901", "210",
]  # fmt: skip

_INTERNATIONAL_REGIONS = [
    "GB", "DE", "RU", "MX", "TH", "PH", "NG", "FR", "ES", "NL", "CO", "BR", "IN", "AU", "UA",
    "PL", "IT", "AE", "ZA", "KE", "VN", "TR", "CA",
]  # fmt: skip


def us_number(rng: random.Random) -> str:
    """Ten national digits of a number phonenumbers says is valid in the US."""
    while True:
        digits = (
            rng.choice(_US_AREA_CODES)
            + str(rng.randint(2, 9))
            + f"{rng.randint(0, 99):02d}"
            + f"{rng.randint(0, 9999):04d}"
        )
        if phonenumbers.is_valid_number(phonenumbers.parse("+1" + digits)):
            return digits


def international_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    """A valid mobile number of ``region`` (the example number with new last digits)."""
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    national = str(example.national_number)
    while True:
        tail = "".join(rng.choice(string.digits) for _ in range(4))
        candidate = phonenumbers.parse(f"+{example.country_code}{national[:-4]}{tail}")
        if phonenumbers.is_valid_number(candidate):
            return candidate


def e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_us(rng: random.Random) -> Piece:
    """A US number in one of the plain ways people write them."""
    d = us_number(rng)
    a, b, c = d[:3], d[3:6], d[6:]
    written = rng.choice(
        [
            f"({a}) {b}-{c}",
            f"{a}-{b}-{c}",
            f"{a}.{b}.{c}",
            f"{a} {b} {c}",
            f"{a}{b}{c}",
            f"+1 {a}-{b}-{c}",
            f"1-{a}-{b}-{c}",
            f"+1 ({a}) {b} {c}",
            f"+1{a}{b}{c}",
        ]
    )
    return Piece(written, [("phone", "+1" + d)])


_DIGIT_WORDS = {
    "0": ["zero", "oh", "zer0", "ZERO"],
    "1": ["one", "0ne", "ONE"],
    "2": ["two", "tw0", "TWO"],
    "3": ["three", "thr3e", "THREE"],
    "4": ["four", "f0ur", "FOUR"],
    "5": ["five", "fIve", "f1ve", "FIVE"],
    "6": ["six", "s1x", "SIX"],
    "7": ["seven", "sev3n", "SEVEN"],
    "8": ["eight", "e1ght", "EIGHT"],
    "9": ["nine", "n1ne", "NINE"],
}
_KEYCAP = "\ufe0f\u20e3"
_FILLER_WORDS = ["call", "me", "text", "only", "babe", "now", "xo", "hmu", "luv"]


def phone_us_obfuscated(rng: random.Random) -> Piece:
    """A US number written to slip past filters: spelled, leetspeak, emoji, fullwidth..."""
    d = us_number(rng)
    a, b, c = d[:3], d[3:6], d[6:]
    style = rng.choice(
        [
            "spelled",
            "spelled_groups",
            "letters",
            "keycaps",
            "fullwidth",
            "separated",
            "words",
            "mixed",
        ]
    )
    if style == "spelled":
        written = " ".join(rng.choice(_DIGIT_WORDS[x]) for x in d)
    elif style == "spelled_groups":
        groups = [" ".join(rng.choice(_DIGIT_WORDS[x]) for x in g) for g in (a, b, c)]
        written = " - ".join(groups)
    elif style == "letters":
        swap = {"0": rng.choice(["O", "o"]), "1": rng.choice(["l", "I"])}
        written = "-".join("".join(swap.get(x, x) for x in g) for g in (a, b, c))
        if written == f"{a}-{b}-{c}":
            written = f"{a}-{b}-{c}".replace("5", "S", 1) if "5" in d else written
            if written == f"{a}-{b}-{c}":
                return phone_us_obfuscated(rng)
    elif style == "keycaps":
        joiner = rng.choice(["", " "])
        written = joiner.join(x + _KEYCAP for x in d)
    elif style == "fullwidth":
        written = "".join(chr(0xFF10 + int(x)) for x in f"{a}{b}{c}")
        written = f"{written[:3]}-{written[3:6]}-{written[6:]}" if rng.random() < 0.5 else written
    elif style == "separated":
        separator = rng.choice([" ", ".", "-", "*", " . ", "_"])
        written = separator.join(d)
    elif style == "words":
        w1, w2 = rng.sample(_FILLER_WORDS, 2)
        written = f"{a} {w1} {b} {w2} {c}"
    else:
        parts = []
        for x in d:
            parts.append(rng.choice(_DIGIT_WORDS[x]) if rng.random() < 0.4 else x)
        written = "".join(p if p.isdigit() else f" {p} " for p in parts)
        written = " ".join(written.split())
    return Piece(written, [("phone", "+1" + d)])


def phone_international(rng: random.Random, region: str | None = None) -> Piece:
    number = international_number(rng, region or rng.choice(_INTERNATIONAL_REGIONS))
    international = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    value = e164(number)
    style = rng.random()
    if style < 0.55:
        written = international
    elif style < 0.75:
        written = value
    elif style < 0.9:
        written = "00" + international[1:]
    else:
        written = international.replace(" ", ".").replace("-", ".")
    return Piece(written, [("phone", value)])


def phone_whatsapp_link(rng: random.Random) -> Piece:
    if rng.random() < 0.5:
        value = "+1" + us_number(rng)
    else:
        value = e164(international_number(rng, rng.choice(_INTERNATIONAL_REGIONS)))
    return Piece(f"wa.me/{value[1:]}", [("phone", value)])


# --- phone hard negatives ------------------------------------------------------------


def price(rng: random.Random) -> Piece:
    amount = rng.choice([80, 100, 120, 150, 160, 200, 250, 300, 350, 400, 500, 600, 800, 1000])
    return Piece(
        rng.choice(
            [f"${amount}/hr", f"{amount} roses", f"${amount}", f"{amount}$ hh", f"€{amount}"]
        )
    )


def measurements(rng: random.Random) -> Piece:
    bust = rng.randint(32, 38)
    cup = rng.choice("ABCDD")
    return Piece(f"{bust}{cup}-{rng.randint(23, 28)}-{rng.randint(34, 40)}")


def height(rng: random.Random) -> Piece:
    return Piece(rng.choice([f"5'{rng.randint(0, 11)}", f"{rng.randint(150, 180)}cm"]))


def weight(rng: random.Random) -> Piece:
    return Piece(rng.choice([f"{rng.randint(100, 150)}lbs", f"{rng.randint(45, 70)} kg"]))


def date(rng: random.Random) -> Piece:
    y, m, d = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
    return Piece(rng.choice([f"{m:02d}/{d:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{d}.{m}.{y}"]))


def clock(rng: random.Random) -> Piece:
    return Piece(f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}")


def order_number(rng: random.Random) -> Piece:
    return Piece(
        rng.choice(
            [
                f"#{rng.randint(10_000_000, 99_999_999)}",
                f"ORD-{rng.randint(2019, 2025)}-{rng.randint(10000, 99999)}",
                f"{rng.randint(100_000_000, 999_999_999)}",
            ]
        )
    )


def zip_code(rng: random.Random) -> Piece:
    return Piece(f"{rng.randint(10001, 99950):05d}")


def tracking_number(rng: random.Random) -> Piece:
    return Piece("9400 " + " ".join(f"{rng.randint(0, 9999):04d}" for _ in range(4)) + " 12")


def ip_address(rng: random.Random) -> Piece:
    return Piece(".".join(str(rng.randint(1, 254)) for _ in range(4)))


# --- contacts -----------------------------------------------------------------------

_EMAIL_DOMAINS = [
    "protonmail.com", "proton.me", "tutanota.com", "cock.li", "gmail.com", "onionmail.org",
    "dnmx.org", "airmail.cc", "yandex.ru", "mail.ru", "outlook.com", "tuta.io", "secmail.pro",
    "web.de", "gmx.de", "hotmail.com",
]  # fmt: skip


_HANDLE_FIRST = (
    "dark", "green", "ice", "ghost", "lucky", "silent", "crypto", "night", "snow", "blue", "pure",
    "kush", "pharma", "happy", "frost", "shadow", "gold", "lunar", "wild", "magic",
)  # fmt: skip
_HANDLE_SECOND = (
    "panda", "wolf", "lab", "king", "dealer", "shop", "plug", "fox", "doc", "store", "tiger",
    "connect", "vendor", "bear", "owl", "rabbit", "chem", "garden", "supply", "bros",
)  # fmt: skip


def handle_word(rng: random.Random) -> str:
    first, second = rng.choice(_HANDLE_FIRST), rng.choice(_HANDLE_SECOND)
    style = rng.random()
    if style < 0.35:
        return f"{first}{second}"
    if style < 0.65:
        return f"{first}_{second}"
    if style < 0.85:
        return f"{first}{second}{rng.randint(1, 999)}"
    return f"{first}.{second}"


def email(rng: random.Random) -> Piece:
    local = handle_word(rng)
    domain = rng.choice(_EMAIL_DOMAINS)
    value = f"{local}@{domain}"
    name, tld = domain.rsplit(".", 1)
    style = rng.random()
    if style < 0.55:
        written = value
    elif style < 0.65:
        written = f"{local.capitalize()}@{domain}"
    elif style < 0.75:
        written = f"{local} (at) {name} (dot) {tld}"
    elif style < 0.85:
        written = f"{local}[at]{name}[.]{tld}"
    elif style < 0.93:
        written = f"{local} [at] {domain}"
    else:
        written = f"{local}(@){domain}"
    return Piece(written, [("email", value.lower())])


def not_email(rng: random.Random) -> Piece:
    return Piece(rng.choice(["logo@2x.png", "banner@3x.jpg", "icon@2x.webp", "@ 10pm", "@home"]))


def onion_host(rng: random.Random) -> str:
    public = _ed25519_public(rng)
    checksum = hashlib.sha3_256(b".onion checksum" + public + b"\x03").digest()[:2]
    return base64.b32encode(public + checksum + b"\x03").decode().lower() + ".onion"


def onion(rng: random.Random) -> Piece:
    host = onion_host(rng)
    style = rng.random()
    if style < 0.35:
        written = host
    elif style < 0.65:
        written = f"http://{host}/"
    elif style < 0.85:
        path = rng.choice(["listing/4412", "vendor/profile", "index.php?page=shop", "forum/t/991"])
        written = f"http://{host}/{path}"
    elif style < 0.95:
        written = f"https://{host}"
    else:
        written = host.upper().replace(".ONION", ".onion")
    return Piece(written, [("onion", host)])


def onion_v2(rng: random.Random) -> Piece:
    return Piece(
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz234567") for _ in range(16)) + ".onion"
    )


def onion_bad_checksum(rng: random.Random) -> Piece:
    host = onion_host(rng)
    position = rng.randrange(0, 50)
    replacement = rng.choice("abcdefghijklmnopqrstuvwxyz234567".replace(host[position], ""))
    return Piece(host[:position] + replacement + host[position + 1 :])


def telegram_name(rng: random.Random) -> str:
    name = handle_word(rng).replace(".", "_")
    return name if len(name) >= 5 else name + "_tg"


def telegram(rng: random.Random) -> Piece:
    name = telegram_name(rng)
    written_name = name.capitalize() if rng.random() < 0.3 else name
    written = rng.choice(
        [
            f"Telegram: @{written_name}",
            f"TG: @{written_name}",
            f"telegram @{written_name}",
            f"t.me/{written_name}",
            f"https://t.me/{written_name}",
            f"Telegram - {written_name}",
            f"tg @{written_name}",
        ]
    )
    return Piece(written, [("telegram", name.lower())])


def telegram_invite(rng: random.Random) -> Piece:
    token = "".join(rng.choice(string.ascii_letters + string.digits + "_-") for _ in range(22))
    return Piece(rng.choice([f"https://t.me/joinchat/{token}", f"t.me/+{token[:16]}"]))


def wickr(rng: random.Random) -> Piece:
    name = handle_word(rng).replace(".", "_")
    written_name = name.upper() if rng.random() < 0.15 else name
    written = rng.choice(
        [
            f"Wickr: {written_name}",
            f"wickr me: {written_name}",
            f"Wickr ID - {written_name}",
            f"wickr: {written_name}",
            f"Wickr Me @ {written_name}",
        ]
    )
    return Piece(written, [("wickr", name.lower())])


def session_id(rng: random.Random) -> Piece:
    value = "05" + hex_digest(rng, 64)
    written = rng.choice(
        [f"Session ID: {value}", f"session: {value}", f"Session {value}", f"Session: {value}"]
    )
    return Piece(written, [("session", value)])


_JABBER_SERVERS = [
    "jabber.calyxinstitute.org", "xmpp.is", "exploit.im", "jabber.ccc.de", "xmpp.jp",
    "thesecure.biz", "jabb.im", "5222.de",
]  # fmt: skip


def jabber(rng: random.Random) -> Piece:
    value = f"{handle_word(rng)}@{rng.choice(_JABBER_SERVERS)}"
    written = rng.choice(
        [f"XMPP: {value}", f"Jabber: {value}", f"jabber/xmpp: {value}", f"xmpp {value}"]
    )
    return Piece(written, [("jabber", value.lower())])


def fingerprint_written(rng: random.Random) -> Piece:
    value = hex_digest(rng, 40).upper()
    style = rng.random()
    if style < 0.5:
        written = " ".join(value[i : i + 4] for i in range(0, 40, 4))
    elif style < 0.7:
        written = value
    elif style < 0.85:
        written = "0x" + value
    else:
        written = value.lower()
    return Piece(written, [("pgp_fingerprint", value)])


# --- aliases ------------------------------------------------------------------------

_VENDOR_FIRST = [
    "Dr", "Mr", "Doc", "Big", "Lil", "Dutch", "Green", "Pill", "Frosty", "Dark", "Crypto",
    "Silent", "Ghost", "Lucky", "Golden", "Royal", "Urban", "Magic", "Sleepy", "Rapid", "Swiss",
    "Nordic", "Blue", "Black", "Silver", "Cosmic", "Mystic", "Toxic", "Wizard", "Shadow",
    "Lunar", "Solar", "Captain", "Uncle", "Señor", "Baron", "Cheshire", "Polar",
]  # fmt: skip
_VENDOR_SECOND = [
    "White", "Panda", "Labs", "Dragon", "Wolf", "Fox", "Bear", "Chemist", "Garden", "Factory",
    "Express", "Connect", "Bros", "Supply", "Medic", "Rabbit", "Tiger", "Owl", "Falcon", "Shark",
    "Monkey", "Unicorn", "Apothecary", "Botanics", "Kitchen", "Depot", "Cartel", "Penguin",
    "Hatter", "Lotus", "Viking", "Samurai", "Pirate", "Octopus",
]  # fmt: skip


def vendor_name(rng: random.Random) -> str:
    first, second = rng.choice(_VENDOR_FIRST), rng.choice(_VENDOR_SECOND)
    style = rng.random()
    if style < 0.35:
        return f"{first}{second}"
    if style < 0.5:
        return f"{first}{second}{rng.choice(['420', '88', '24', '7', '101', '2020', '69'])}"
    if style < 0.62:
        return f"{first.lower()}_{second.lower()}"
    if style < 0.7:
        return f"{first}.{second}"
    if style < 0.77:
        return f"{first}-{second}"
    if style < 0.85:
        return f"{first}{second}".upper()
    return f"{first.lower()}{second.lower()}{rng.randint(1, 99)}"


def vendor(rng: random.Random) -> Piece:
    name = vendor_name(rng)
    return Piece(name, [("alias", name)])


_PERSON_NAMES = [
    "Jessica", "Mia", "Valentina", "Anastasia", "Sakura", "Lola", "Bianca", "Natasha", "Camila",
    "Daniela", "Sofia", "Isabella", "Alina", "Kira", "Lena", "Nina", "Vanessa", "Monique",
    "Destiny", "Amber", "Brandy", "Chloe", "Zoe", "Ruby", "Jade", "Luna", "Bella", "Yuki", "Mai",
    "Linh", "Aiko", "Priya", "Leila", "Carmen", "Paloma", "Gabriela", "Elena", "Olga", "Katya",
    "Dasha", "Svetlana", "Marisol", "Jasmine", "Tiffany", "Britney", "Candy", "Lexi", "Nikki",
    "Ivy", "Scarlett", "Sienna", "Gigi", "Tasha", "Keisha", "Aaliyah", "Naomi", "Layla",
    "Esmeralda", "Paola", "Ximena", "Mariana", "Chantal", "Dominique", "Roxanne",
]  # fmt: skip


def girl(rng: random.Random) -> Piece:
    name = rng.choice(_PERSON_NAMES)
    written = name.upper() if rng.random() < 0.1 else name
    return Piece(written, [("alias", written)])


_USER_FIRST = (
    "psycho", "rollin", "green", "opsec", "throwaway", "lurker", "tripping", "stoned", "benzo",
    "night", "cyber", "quiet", "old", "lost", "happy", "acid", "mellow", "dank",
)  # fmt: skip
_USER_SECOND = (
    "naut", "stoned", "thumb", "guru", "account", "larry", "owl", "monk", "sailor", "wizard",
    "hippie", "wanderer", "bunny", "raven", "fish", "goblin",
)  # fmt: skip


def user(rng: random.Random) -> Piece:
    """A forum user name."""
    first, second = rng.choice(_USER_FIRST), rng.choice(_USER_SECOND)
    style = rng.random()
    if style < 0.3:
        name = f"{first}{second}{rng.randint(1, 9999)}"
    elif style < 0.55:
        name = f"{first}_{second}"
    elif style < 0.8:
        name = f"{first.capitalize()}{second.capitalize()}"
    else:
        name = f"{first.capitalize()}_{second}{rng.randint(1, 99)}"
    return Piece(name, [("alias", name)])


_MARKETS = (
    "AlphaBay", "Dream Market", "Empire", "Silk Road", "Hansa", "Wall Street Market", "Versus",
    "Torrez", "Archetyp", "Abacus", "White House Market", "Bohemia",
)  # fmt: skip
_PRODUCTS = (
    "MDMA", "cocaine", "Xanax", "oxy 30s", "LSD tabs", "ketamine", "meth", "2C-B", "Adderall",
    "heroin", "xanax bars", "percocet", "Valium", "psilocybin", "DMT",
)  # fmt: skip


def market_name(rng: random.Random) -> Piece:
    return Piece(rng.choice(_MARKETS))


def agency_name(rng: random.Random) -> Piece:
    return Piece(rng.choice(["DEA", "FBI", "Europol", "the feds", "HSI", "NCA", "BKA", "Interpol"]))


def product(rng: random.Random) -> Piece:
    return Piece(rng.choice(_PRODUCTS))


def _vectors() -> list[dict]:
    return json.loads(VECTORS.read_text())


# --- aliases for the unseen documents (templates.UNSEEN) ----------------------------
# Name pools the rules were never tuned on: none of these words is in the pools above.

_ESCORT_NAMES = [
    "Aurora", "Kiara", "Selena", "Raquel", "Noelle", "Adriana", "Ingrid", "Talia", "Mirela",
    "Celeste", "Yasmin", "Giselle", "Anouk", "Fleur", "Lucia", "Greta", "Heidi", "Marlene",
    "Oksana", "Polina", "Zarina", "Nadia", "Bruna", "Sasha", "Ember", "Skye", "Hana", "Mei",
    "Renata", "Estela", "Maelle", "Margaux", "Svenja", "Leonie", "Dalia", "Farah",
]  # fmt: skip
_ESCORT_NAMES_RU = ["Алина", "Катя", "Вика", "Настя", "Милана", "Ксюша", "Диана", "Полина"]


def escort(rng: random.Random) -> Piece:
    """A first name as an ad writes it."""
    name = rng.choice(_ESCORT_NAMES)
    return Piece(name, [("alias", name)])


def escort_ru(rng: random.Random) -> Piece:
    name = rng.choice(_ESCORT_NAMES_RU)
    return Piece(name, [("alias", name)])


_SHOP_PREFIX = ["Dr", "Mr", "Professor", "Lord", "Sir", "Chef", "King", "Auntie", "Papa"]
_SHOP_WORDS = [
    "Kush", "Molly", "Frost", "Tabs", "Candy", "Blaze", "Nitro", "Pharma", "Sugar", "Cloud",
    "Peach", "Thunder", "Cactus", "Mango", "Pepper", "Jungle", "Velvet", "Comet",
]  # fmt: skip
# Vendors also go by one ordinary capitalised word.
_SHOP_SINGLE = [
    "Phoenix", "Maverick", "Odyssey", "Walrus", "Hermes", "Pablo", "Neptune", "Bluebird",
    "Zeppelin", "Gandalf", "Heisenberg", "Tesla",
]  # fmt: skip


def shop(rng: random.Random) -> Piece:
    """A vendor or shop handle in the styles markets show."""
    prefix, word, other = rng.choice(_SHOP_PREFIX), rng.choice(_SHOP_WORDS), rng.choice(_SHOP_WORDS)
    style = rng.random()
    if style < 0.25:
        name = f"{prefix}{word}"
    elif style < 0.4:
        name = f"{word}{other}{rng.choice(['UK', 'NL', 'US', '420', '365'])}"
    elif style < 0.55:
        name = f"{word.lower()}_{other.lower()}"
    elif style < 0.65:
        name = f"{prefix}.{word}"
    elif style < 0.75:
        name = f"The{word}{other}"
    elif style < 0.85:
        name = f"{word}{other}".upper()
    else:
        name = rng.choice(_SHOP_SINGLE)
    return Piece(name, [("alias", name)])


_FORUM_FIRST = ["shadow", "ghost", "frosty", "velvet", "hazy", "rusty", "sneaky", "cosmo", "blunt"]
_FORUM_SECOND = ["viper", "nomad", "kid", "gecko", "tortoise", "pilot", "moth", "badger", "yeti"]


def forumer(rng: random.Random) -> Piece:
    """A forum member's user name."""
    first, second = rng.choice(_FORUM_FIRST), rng.choice(_FORUM_SECOND)
    style = rng.random()
    if style < 0.35:
        name = f"{first}{second}{rng.randint(1, 999)}"
    elif style < 0.6:
        name = f"{first}_{second}"
    elif style < 0.85:
        name = f"{first.capitalize()}{second.capitalize()}"
    else:
        name = f"x{first}{second}x"
    return Piece(name, [("alias", name)])
