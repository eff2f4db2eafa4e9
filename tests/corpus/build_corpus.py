"""Writes tests/corpus/labeled.jsonl, the labeled corpus the extractor benches and tests use.

    .venv/bin/python tests/corpus/build_corpus.py            # rebuild labeled.jsonl
    .venv/bin/python tests/corpus/build_corpus.py --new-pgp-keys   # regenerate key fixtures
    .venv/bin/python tests/corpus/build_corpus.py --unseen   # rebuild unseen.jsonl

Deterministic: one seeded ``random.Random`` drives every choice, and addresses come from
keys derived from it, so the same seed writes the same file. PGP keys cannot be generated
from a seed (pgpy draws its own randomness), so they are committed fixtures in
pgp_keys/; ``--new-pgp-keys`` replaces them.

Labels are (kind, normalized value) as DESIGN.md's table says, with the team's
conventions: an armored public key yields its fingerprint plus its user ids' e-mails
(email) and names (alias); a Jabber ID after an XMPP cue is jabber; BCH values carry the
``bitcoincash:`` prefix; legacy-format BCH and 3-prefix LTC are btc.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pgpy
from pgpy.constants import (
    CompressionAlgorithm,
    EllipticCurveOID,
    HashAlgorithm,
    KeyFlags,
    PubKeyAlgorithm,
    SymmetricKeyAlgorithm,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))

import entities
import templates
from entities import Piece

SEED = 20251121
HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "labeled.jsonl"
UNSEEN_OUTPUT = HERE / "unseen.jsonl"
PGP_KEYS = HERE / "pgp_keys"

# (user ids as (name, comment, email), primary algorithm) for --new-pgp-keys.
_PGP_IDENTITIES: list[tuple[list[tuple[str, str, str]], str]] = [
    ([("NordicPanda", "", "nordicpanda@protonmail.com")], "rsa"),
    ([("dr_white", "", "dr_white@cock.li")], "ecdsa"),
    ([("GhostPharma", "market key", "ghostpharma@onionmail.org")], "eddsa"),
    ([("Silent Fox", "", "silentfox@tutanota.com")], "eddsa"),
    ([("CaptainHatter", "", "")], "ecdsa"),
    (
        [
            ("LunarLotus", "", "lunarlotus@dnmx.org"),
            ("LunarLotus", "backup", "backup.lunar@proton.me"),
        ],
        "eddsa",
    ),
]


def _age(rng: random.Random) -> Piece:
    return Piece(str(rng.randint(19, 34)))


def _region_phone(region: str) -> Callable[[random.Random], Piece]:
    return lambda rng: entities.phone_international(rng, region)


def _pgp_key(rng: random.Random) -> Piece:
    """One committed armored public key, labeled with fingerprint, uid e-mails and names."""
    path = rng.choice(sorted(PGP_KEYS.glob("*.asc")))
    armored = path.read_text().strip()
    key, _ = pgpy.PGPKey.from_blob(armored)
    fingerprint = str(key.fingerprint).replace(" ", "").upper()
    labels = [("pgp_fingerprint", fingerprint)]
    for uid in key.userids:
        if uid.name:
            labels.append(("alias", uid.name))
        if uid.email:
            labels.append(("email", uid.email.lower()))
    if rng.random() < 0.5:
        spaced = " ".join(fingerprint[i : i + 4] for i in range(0, 40, 4))
        armored = f"{armored}\nFingerprint: {spaced}"
    return Piece(armored, labels)


SLOTS: dict[str, Callable[[random.Random], Piece]] = {
    "btc": entities.btc,
    "btcv": entities.btc_vector,
    "ltc": entities.ltc,
    "ltc3": entities.ltc_legacy_p2sh,
    "bch": entities.bch,
    "bchleg": entities.bch_legacy,
    "eth": entities.eth,
    "xmr": entities.xmr,
    "xmrv": entities.xmr_vector,
    "doge": entities.doge,
    "trx": entities.trx,
    "sol": entities.sol,
    "zec": entities.zec,
    "dash": entities.dash,
    "badaddr": entities.bad_checksum_address,
    "badeth": entities.bad_eip55,
    "badvec": entities.invalid_vector,
    "testnet": entities.testnet_address,
    "wif": entities.wif_key,
    "txid": entities.txid,
    "blockhash": entities.block_hash,
    "sha256": entities.sha256,
    "sha1": entities.sha1,
    "md5": entities.md5,
    "amount": entities.btc_amount,
    "phone": entities.phone_us,
    "phoneobf": entities.phone_us_obfuscated,
    "phoneintl": entities.phone_international,
    "phone_gb": _region_phone("GB"),
    "phone_de": _region_phone("DE"),
    "phone_ru": _region_phone("RU"),
    "phone_co": _region_phone("CO"),
    "phone_th": _region_phone("TH"),
    "phone_ph": _region_phone("PH"),
    "phone_ng": _region_phone("NG"),
    "wa": entities.phone_whatsapp_link,
    "price": entities.price,
    "meas": entities.measurements,
    "height": entities.height,
    "weight": entities.weight,
    "date": entities.date,
    "time": entities.clock,
    "order": entities.order_number,
    "zip": entities.zip_code,
    "tracking": entities.tracking_number,
    "ip": entities.ip_address,
    "age": _age,
    "email": entities.email,
    "notemail": entities.not_email,
    "onion": entities.onion,
    "onion2": entities.onion_v2,
    "badonion": entities.onion_bad_checksum,
    "tg": entities.telegram,
    "tginvite": entities.telegram_invite,
    "wickr": entities.wickr,
    "session": entities.session_id,
    "jabber": entities.jabber,
    "fpr": entities.fingerprint_written,
    "pgpkey": _pgp_key,
    "vendor": entities.vendor,
    "girl": entities.girl,
    "user": entities.user,
    "market": entities.market_name,
    "agency": entities.agency_name,
    "product": entities.product,
    "escort": entities.escort,
    "escort_ru": entities.escort_ru,
    "shop": entities.shop,
    "forumer": entities.forumer,
}

_SLOT = re.compile(r"\{(\w+)(?:#(\w+))?\}")


def render(template: templates.Template, rng: random.Random) -> Piece:
    """Fill a template's slots; a tagged slot repeats its value within the document."""
    shared: dict[tuple[str, str], Piece] = {}
    labels: list[tuple[str, str]] = []

    def fill(slot: re.Match[str]) -> str:
        name, tag = slot.group(1), slot.group(2)
        if tag is not None and (name, tag) in shared:
            return shared[(name, tag)].text
        piece = SLOTS[name](rng)
        if tag is not None:
            shared[(name, tag)] = piece
        labels.extend(piece.labels)
        return piece.text

    text = _SLOT.sub(fill, template.text)
    return Piece(text, sorted(set(labels)))


def build(seed: int = SEED, chosen: list[templates.Template] = templates.ALL) -> list[dict]:
    rng = random.Random(seed)
    documents = []
    for number, template in enumerate(chosen):
        for copy in range(template.copies):
            piece = render(template, rng)
            documents.append(
                {
                    "id": f"{template.source}-{number:03d}-{copy}",
                    "source": template.source,
                    "text": piece.text,
                    "entities": [{"kind": kind, "value": value} for kind, value in piece.labels],
                }
            )
    return documents


def new_pgp_keys() -> None:
    """Replace the committed key fixtures (their fingerprints change)."""
    PGP_KEYS.mkdir(exist_ok=True)
    for old in PGP_KEYS.glob("*.asc"):
        old.unlink()
    for number, (uids, algorithm) in enumerate(_PGP_IDENTITIES):
        if algorithm == "rsa":
            key = pgpy.PGPKey.new(PubKeyAlgorithm.RSAEncryptOrSign, 2048)
        elif algorithm == "ecdsa":
            key = pgpy.PGPKey.new(PubKeyAlgorithm.ECDSA, EllipticCurveOID.NIST_P256)
        else:
            key = pgpy.PGPKey.new(PubKeyAlgorithm.EdDSA, EllipticCurveOID.Ed25519)
        for name, comment, email in uids:
            uid = pgpy.PGPUID.new(name, comment=comment, email=email)
            key.add_uid(
                uid,
                usage={KeyFlags.Sign, KeyFlags.Certify},
                hashes=[HashAlgorithm.SHA256],
                ciphers=[SymmetricKeyAlgorithm.AES256],
                compression=[CompressionAlgorithm.Uncompressed],
            )
        subkey = pgpy.PGPKey.new(PubKeyAlgorithm.ECDH, EllipticCurveOID.Curve25519)
        key.add_subkey(subkey, usage={KeyFlags.EncryptCommunications, KeyFlags.EncryptStorage})
        slug = uids[0][0].lower().replace(" ", "_")
        (PGP_KEYS / f"{number}-{slug}.asc").write_text(str(key.pubkey) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--new-pgp-keys", action="store_true", help="regenerate pgp_keys/*.asc")
    parser.add_argument(
        "--unseen", action="store_true", help="write templates.UNSEEN to unseen.jsonl instead"
    )
    parser.add_argument("--output", type=Path)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    if args.new_pgp_keys or not any(PGP_KEYS.glob("*.asc")):
        new_pgp_keys()
    if args.unseen:
        documents = build(args.seed, templates.UNSEEN)
        args.output = args.output or UNSEEN_OUTPUT
    else:
        documents = build(args.seed)
        args.output = args.output or OUTPUT
    with args.output.open("w", encoding="utf-8") as out:
        for document in documents:
            out.write(json.dumps(document, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for document in documents:
        for entity in document["entities"]:
            counts[entity["kind"]] = counts.get(entity["kind"], 0) + 1
    print(f"{len(documents)} documents -> {args.output}")
    print(", ".join(f"{kind} {count}" for kind, count in sorted(counts.items())))


if __name__ == "__main__":
    main()
