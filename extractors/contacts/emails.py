"""E-mail addresses and Jabber IDs, plain or obfuscated ("name (at) proton (dot) me").

An address is found from its "at": a literal "@", a bracketed "[at]" / "(@)", or the
word " at " / " AT ". The local part is read backwards from it, the domain forwards
(dots may be written "(dot)", "[.]", " dot "), and email_validator decides whether
the result is an address. How much more is required depends on how the "at" was
written: the word "at" is ordinary prose, so it also needs a known mail provider
or written-out dots with a real top-level domain.

An address right after an XMPP / Jabber / OTR cue is a Jabber ID and is reported
as jabber only, never also as email.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from email_validator import EmailNotValidError, validate_email

from extractors import kinds
from extractors.base import Match
from extractors.contacts.domains import is_documentation_domain, is_known_provider, is_real_tld
from extractors.contacts.onions import is_v3_label
from extractors.contacts.plain_address import is_plain_valid


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


CONFIDENCE_PLAIN = 0.95
CONFIDENCE_OBFUSCATED = 0.8
CONFIDENCE_JABBER = 0.9


class AtStyle(enum.Enum):
    PLAIN = "plain"  # name@domain
    SYMBOL = "symbol"  # name @ domain, name [at] domain, name (@) domain
    WORD_UPPER = "word_upper"  # name AT domain
    WORD = "word"  # name at domain: also plain English


# A named tuple: a page can hold hundreds of these, and a frozen dataclass costs
# several times more to build.
class _At(NamedTuple):
    start: int  # including the spaces and brackets around it
    end: int
    style: AtStyle


_OPENERS = "[({<"
_CLOSERS = "])}>"
# An "@" with something address-like on both sides, up to two spaces away ("?"
# stands for any non-ASCII character in the skeleton). The "@" comes first in the
# pattern, so the engine skips from one to the next at memchr speed, and the
# fixed-width look-behinds check what precedes it.
_LOCAL_END = rb"[a-z0-9._%+\-?]"
_AT_SIGN = re.compile(
    b"@(?:"
    + b"|".join(b"(?<=" + _LOCAL_END + spaces + b"@)" for spaces in (b"", b"[ \t]", b"[ \t]{2}"))
    + rb")[ \t]{0,2}[a-z0-9?]"
)
_AT_BRACKETED = re.compile(rb"[\[({<] ?(?:at|@|arroba) ?[\])}>]")
# Spanish and Portuguese write the at-sign's name ("lola(arroba)gmail(punto)com").
_WORD_AROBASE = re.compile(rb" (?:arobase|arroba) ")  # "lina arobase gmail", "X ARROBA y"
# Russian and Ukrainian call the at-sign "собака" (dog) and write the dot "точка" or
# "крапка" ("praca.warszawa24 собака gmail крапка com"). The skeleton shows them as
# "?", so they are looked for on the text, only when the word is there.
# Polish calls it "małpa" (monkey), in brackets or not ("biuro (małpa) wp.pl").
_WORD_NAMED_AT = re.compile(" (?:собака|собачка|małpa) ", re.IGNORECASE)
_BRACKETED_NAMED_AT = re.compile(r"[(\[](?:собака|małpa)[)\]]", re.IGNORECASE)
_WRITTEN_ARROBA = re.compile(rb"arroba(?:(?<=[\[({<]arroba)|(?<=[\[({<] arroba))")
# Where a written "at" can stand: after an opening bracket ("[at]", "( at )") or as the
# word " at ". The scans open with the literal "at" / "@", which the regex engine skips
# to at memchr-like speed, and look behind from there; _AT_BRACKETED, which opens with a
# bracket, is then only matched at those few places instead of scanned over the page.
_WRITTEN_AT = re.compile(rb"at(?:(?<=[\[({<]at)|(?<=[\[({<] at)|(?<= at)(?= ))")
_SIGN_AFTER_OPENER = re.compile(rb"@(?:(?<=[\[({<]@)|(?<=[\[({<] @))")
_OPENER_BYTES = b"[({<"
_MAX_LOCAL = 64
_LOCAL_CHARS = r"[\w.%+\-]"
_LOCAL_CHAR = re.compile(_LOCAL_CHARS)
_LOCAL_RUN = re.compile(rf"{_LOCAL_CHARS}{{1,{_MAX_LOCAL}}}")
# Look-alikes pages write to slip past address harvesters: the fullwidth and small
# commercial at ("name＠proton．me", "name﹫mail.com"), and the fullwidth, ideographic,
# halfwidth ideographic and small full stops.
_LOOKALIKE_ATS = "\uff20\ufe6b"
_LOOKALIKE_DOTS = "\uff0e\u3002\uff61\ufe52"
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
_DOT = (
    rf"(?:[.{_LOOKALIKE_DOTS}]|\s*[\[({{<]\s*(?:(?i:dot|punto|ponto|punkt|point)|\.)\s*[\])}}>]\s*"
    r"|\s+(?:dot|DOT|Dot|period|PERIOD|Period|point|POINT|(?i:punto|ponto|punkt|точка|крапка))\s+"
    r"|\s+\.\s+)"
)
_DOMAIN = re.compile(rf"{_LABEL}(?:{_DOT}{_LABEL}){{1,8}}")
_DOT_SPLIT = re.compile(_DOT)

# Words that precede " at " in prose ("meet me at", "we are at").
_PROSE_BEFORE_AT = _words(
    """
    me us you him her them it is was are be been were am and or not only here there home
    work look arrive located meet email mail contact reach find text call write message dm
    pm online available
    """
)
# "period" is an ordinary word, and two-letter country domains are ordinary words
# ("in", "to", "by"): a dot written "period" needs a mail provider or one of these.
_PERIOD_TLDS = _words("com net org")
# "logo@2x.png": image names, not addresses.
_FILE_EXTENSIONS = _words(
    """
    png jpg jpeg gif svg webp bmp ico css js html htm php txt pdf
    """
)

# A mail header whose value looks like an address but names a message: "Message-ID:
# <9102283196.WUen9Xd3@mail.bulk-relay7.net>", and the replies that cite it.
_MESSAGE_ID_HEADER = re.compile(
    rb"[ \t>]*(?:message-id|in-reply-to|references|content-id|x-message-id)[ \t]*:"
)

# The last cue before an address says what it is.
_CUE_WINDOW = 48
_CUE = re.compile(
    rb"\b(?:(jabber|xmpp|jid|otr|omemo)|(e-?mail|mail|telegram|tg|wickr|session|signal|"
    rb"whatsapp|phone|tel))\b"
)
_JABBER_CUE_WORDS = (b"jabber", b"xmpp", b"jid", b"otr", b"omemo")  # _CUE's first group
_LABEL_GAP = re.compile(rb"[\s:=>\-]*")
_JABBER_CUE_AFTER = re.compile(rb"\s{0,3}[(\[\-]?\s{0,3}(?:jabber|xmpp)\b")


# Fullwidth forms ("ｋｉｋｉ＠ｇｍａｉｌ．ｃｏｍ", typed on Chinese and Japanese keyboards) read as
# their ASCII letters: one character for one, so every offset stays the text's.
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH_AT = "\uff20"


def find(text: str, low: bytes) -> Iterator[Match]:
    if _FULLWIDTH_AT not in text:
        yield from _find(text, low)
        return
    half = text.translate(_HALF_WIDTH)
    for match in _find(half, half.encode("ascii", "replace").lower()):
        raw = text[match.start : match.end]
        if raw == match.raw or match.kind != kinds.EMAIL:
            yield replace(match, raw=raw)
        else:  # written in fullwidth forms: an obfuscation as much as "(at)"
            yield replace(
                match,
                raw=raw,
                extractor="contacts.email_obfuscated",
                confidence=min(match.confidence, CONFIDENCE_OBFUSCATED),
            )


def _find(text: str, low: bytes) -> Iterator[Match]:
    low = _with_lookalike_ats(text, low)
    taken_until = 0
    for at in _at_tokens(text, low):
        if at.start < taken_until:
            continue
        match = _address_at(text, low, at)
        if match is not None:
            taken_until = match.end
            yield match


def _at_tokens(text: str, low: bytes) -> list[_At]:
    # Most pages have no "@": one memchr then spares the two scans for it.
    has_sign = b"@" in low
    tokens = [_symbol_at(text, m.start()) for m in _AT_SIGN.finditer(low)] if has_sign else []
    at_places = [m.start() for m in _WRITTEN_AT.finditer(low)]
    if b"arroba" in low:
        at_places = sorted(at_places + [m.start() for m in _WRITTEN_ARROBA.finditer(low)])
    # French writes the at-sign's name as a word ("lina arobase gmail point com").
    # Spans of the at-sign's name written as a word: " arobase ", " собака ".
    named: list[tuple[int, int]] = []
    if b"arobase" in low or b"arroba" in low:
        named = [m.span() for m in _WORD_AROBASE.finditer(low)]
    if "обак" in text or "ОБАК" in text or "ałp" in text or "AŁP" in text:
        named += [m.span() for m in _WORD_NAMED_AT.finditer(text)]
        tokens += [
            _widen(text, m.start(), m.end(), AtStyle.SYMBOL)
            for m in _BRACKETED_NAMED_AT.finditer(text)
        ]
    if not has_sign and not tokens and not at_places and not named:
        return []  # most pages
    if has_sign:
        at_places = sorted(at_places + [m.start() for m in _SIGN_AFTER_OPENER.finditer(low)])
    words: list[int] = []
    for pos in at_places:
        opener = pos - 1 if low[pos - 1] in _OPENER_BYTES else pos - 2
        bracketed = _AT_BRACKETED.match(low, opener) if opener >= 0 else None
        if bracketed is not None:
            tokens.append(_widen(text, bracketed.start(), bracketed.end(), AtStyle.SYMBOL))
        if low[pos - 1 : pos + 3] == b" at ":
            words.append(pos - 1)
    for pos in words:
        style = AtStyle.WORD_UPPER if text[pos + 1 : pos + 3] == "AT" else AtStyle.WORD
        tokens.append(_widen(text, pos, pos + 4, style))
    for start, end in named:
        tokens.append(_widen(text, start, end, AtStyle.WORD))
    # "@handle", "a @ ", "@@@": ruled out here, before any regex runs on them.
    return sorted((t for t in tokens if _word_on_both_sides(text, t)), key=lambda t: t.start)


def _with_lookalike_ats(text: str, low: bytes) -> bytes:
    """The skeleton with look-alike at-signs written "@", so one scan finds them all."""
    if text.isascii():
        return low  # most pages: one C pass
    patched: bytearray | None = None
    for lookalike in _LOOKALIKE_ATS:
        pos = text.find(lookalike)
        while pos != -1:
            patched = patched or bytearray(low)
            patched[pos] = ord("@")
            pos = text.find(lookalike, pos + 1)
    return low if patched is None else bytes(patched)


def _symbol_at(text: str, pos: int) -> _At:
    at = _widen(text, pos, pos + 1, AtStyle.PLAIN)
    if at.start < pos or at.end > pos + 1 or text[pos] != "@":
        return _At(at.start, at.end, AtStyle.SYMBOL)
    return at


def _widen(text: str, start: int, end: int, style: AtStyle) -> _At:
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    while end < len(text) and text[end] in " \t":
        end += 1
    return _At(start, end, style)


def _address_at(text: str, low: bytes, at: _At) -> Match | None:
    if at.style is AtStyle.PLAIN and _is_bracketed(text, at):
        return None  # "(@)": the bracket scan reports it
    # The domain first: an anchored match that fails at once after most prose "at"s.
    domain_match = _DOMAIN.match(text, at.end)
    if domain_match is None:
        return None
    window_start = max(0, at.start - _MAX_LOCAL)
    # The local part is the run of local-part characters that ends at the "at". Searched
    # for forwards ("run$"), every start in the window is tried and each run re-read;
    # read backwards from the "at", it is one anchored match.
    run = _LOCAL_RUN.match(text[window_start : at.start][::-1])
    if run is None:
        return None
    run_start = at.start - run.end()
    if run_start == window_start > 0 and _LOCAL_CHAR.match(text, window_start - 1):
        return None  # longer than any local part
    local = text[run_start : at.start].lstrip(".")
    local_start = at.start - len(local)
    written_domain = _without_prose_period(domain_match.group())
    separators = _DOT_SPLIT.findall(written_domain)
    labels = _DOT_SPLIT.split(written_domain)
    domain = ".".join(labels)
    dots_written_out = any(sep != "." for sep in separators)
    if not local or not _plausible(local, domain, at.style, dots_written_out):
        return None
    value = _validated(local, labels)
    if value is None:
        return None
    start, end = local_start, domain_match.start() + len(written_domain)
    if _MESSAGE_ID_HEADER.match(low, low.rfind(b"\n", 0, start) + 1) is not None:
        return None
    jabber = _is_jabber(text, low, start, end, labels)
    obfuscated = at.style is not AtStyle.PLAIN or dots_written_out
    if jabber:
        kind, extractor, confidence = kinds.JABBER, "contacts.jabber", CONFIDENCE_JABBER
    elif obfuscated:
        kind, extractor = kinds.EMAIL, "contacts.email_obfuscated"
        confidence = CONFIDENCE_OBFUSCATED
    else:
        kind, extractor, confidence = kinds.EMAIL, "contacts.email", CONFIDENCE_PLAIN
    return Match(
        kind=kind,
        value=value,
        raw=text[start:end],
        start=start,
        end=end,
        confidence=confidence,
        extractor=extractor,
    )


def _without_prose_period(written: str) -> str:
    """The domain as written, cut before a dot written "period" unless the result is
    plausible: "x@gmail.com period for refunds" is x@gmail.com, and "processed at
    checkout period to ..." is prose."""
    if "period" not in written.lower():
        return written  # most domains: no separator to look at
    periods = [
        sep for sep in _DOT_SPLIT.finditer(written) if sep.group().strip().lower() == "period"
    ]
    if not periods:
        return written  # "period" is a label: "x@period.com"
    labels = _DOT_SPLIT.split(written)
    if is_known_provider(".".join(labels)) or labels[-1].lower() in _PERIOD_TLDS:
        return written
    return written[: periods[0].start()]


def _word_on_both_sides(text: str, at: _At) -> bool:
    return (
        at.start > 0
        and at.end < len(text)
        and (text[at.start - 1].isalnum() or text[at.start - 1] in "._%+-")
        and text[at.end].isalnum()
    )


def _is_bracketed(text: str, at: _At) -> bool:
    return (
        at.start > 0
        and text[at.start - 1] in _OPENERS
        and at.end < len(text)
        and text[at.end] in _CLOSERS
    )


def _plausible(local: str, domain: str, style: AtStyle, dots_written_out: bool) -> bool:
    tld = domain.rsplit(".", 1)[-1].lower()
    if style is AtStyle.PLAIN and not dots_written_out:
        return tld.isalpha() and tld not in _FILE_EXTENSIONS
    if style is AtStyle.WORD:
        if local.lower() in _PROSE_BEFORE_AT:
            return False
        return is_known_provider(domain) or (dots_written_out and is_real_tld(tld))
    return is_known_provider(domain) or is_real_tld(tld)


def _validated(local: str, labels: list[str]) -> str | None:
    """The normalised address, or None when it is not a valid one."""
    if is_documentation_domain(".".join(labels)):
        return None
    if labels[-1].lower() == "onion":
        # email_validator refuses special-use domains; an onion mail host counts
        # when its label is a real v3 address and the local part is valid.
        if len(labels) < 2 or not is_v3_label(labels[-2]):
            return None
        if normalized_email(f"{local}@example.com") is None:
            return None
        return f"{local}@{'.'.join(labels)}".lower()
    return normalized_email(f"{local}@{'.'.join(labels)}")


# Validation costs tens of microseconds, and a site repeats its addresses on every page.
@lru_cache(maxsize=4096)
def normalized_email(address: str) -> str | None:
    """``address`` lower-cased as email_validator normalises it, or None if invalid."""
    if is_plain_valid(address):
        return address.lower()
    try:
        result = validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return None
    return result.normalized.lower()


# A config setting whose key names the protocol as one of its words.
_JABBER_SETTING_BEFORE = re.compile(
    r"(?<![A-Za-z])(?i:jabber|xmpp)(?![A-Za-z])[A-Za-z0-9_.\-]{0,20}[\"']?[ \t]*[=:][ \t]*[\"']?$"
)


def _is_jabber(text: str, low: bytes, start: int, end: int, labels: list[str]) -> bool:
    if any(label.lower() in ("jabber", "xmpp") for label in labels[:-1]):
        return True
    if _JABBER_CUE_AFTER.match(low, end):
        return True
    window_start = max(0, start - _CUE_WINDOW)
    if _JABBER_SETTING_BEFORE.search(text, window_start, start):
        return True  # "ADMIN_JABBER=panel_admin@jabb3r.org": a config's key names it
    window = low[window_start:start]
    # Russian forums call Jabber "жаба" (toad) or "джаббер"; the ASCII skeleton shows
    # them as "?", so they are looked for on the text, after the last ASCII cue.
    cyrillic = _cyrillic_jabber_cue(text, window_start, start) if b"?" in window else None
    # The cue scan below tries every position; without a Jabber cue word in the window
    # its last cue cannot be one, and the answer is known.
    if cyrillic is None and not any(word in window for word in _JABBER_CUE_WORDS):
        return False
    cues = list(_CUE.finditer(low, window_start, start))
    if cyrillic is not None and (not cues or cues[-1].end() <= cyrillic):
        cue_end = cyrillic
    elif cues and cues[-1].group(1):
        cue_end = cues[-1].end()
    else:
        return False
    # On the address's line, or right above it ("Jabber:\n  user@host").
    between = low[cue_end:start]
    return b"\n" not in between or _LABEL_GAP.fullmatch(between) is not None


# Russian cues: Jabber's names (first group), and mail and messengers (the others).
_CYRILLIC_CUE = re.compile(
    r"(?i)(?<![^\W\d_])(?:(жаба|жабба|жабер|джаббер|джабер)|почта|мыло|телеграмм?|тг)"
    r"(?![^\W\d_])"
)


def _cyrillic_jabber_cue(text: str, window_start: int, start: int) -> int | None:
    """Where the last Russian cue before ``start`` ends, if it names Jabber."""
    last = None
    for cue in _CYRILLIC_CUE.finditer(text, window_start, start):
        last = cue
    return last.end() if last is not None and last.group(1) else None
