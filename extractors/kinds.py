"""Entity kinds: the exact strings used by the CLI, the index and exports (DESIGN.md)."""

from __future__ import annotations

BTC = "btc"
LTC = "ltc"
BCH = "bch"
ETH = "eth"
XMR = "xmr"
DOGE = "doge"
TRX = "trx"
SOL = "sol"
ZEC = "zec"
DASH = "dash"
PHONE = "phone"
EMAIL = "email"
ONION = "onion"
PGP_FINGERPRINT = "pgp_fingerprint"
TELEGRAM = "telegram"
WICKR = "wickr"
SESSION = "session"
JABBER = "jabber"
ALIAS = "alias"

CRYPTO = frozenset({BTC, LTC, BCH, ETH, XMR, DOGE, TRX, SOL, ZEC, DASH})
CONTACTS = frozenset({EMAIL, ONION, TELEGRAM, WICKR, SESSION, JABBER})
ALL = CRYPTO | CONTACTS | frozenset({PHONE, PGP_FINGERPRINT, ALIAS})
