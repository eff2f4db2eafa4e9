"""Names that open the entries of an ad's roster: lines that open alike, each about one
lady, with her age, her contact or a known given name on it.

    🌹 Ece 22 yaş, üniversiteli — 0539 624 98 38
    🌹 Derya 27 yaş, olgun — aramak için: sıfır beş dört bir ...
    🌹 Natalya Rus, yeni geldi — sadece WhatsApp 0️⃣5️⃣5️⃣6️⃣ 5️⃣8️⃣9️⃣ ...

    ✿ Vy 20t, SV năm 2, cao 1m60 — Zalo 0905 309 985       ・Mika（26）ハーフ
    ✿ Ngọc Anh 22t, hàng hiếm — gọi: không chín ba ...      ・あかり（24）スレンダー

One such line says little ("👉 Click here — 24/7"), and the words that follow a lady's
name differ from language to language. What holds in every language is the layout:
two or more lines that open with the same bullet or emoji and a capitalised word, each
with an age, a contact or a known name on it, are a roster, and the word opening each
of its lines is a name, also on the lines that give neither ("Natalya Rus, yeni
geldi"). Lines without a bullet count when the name is set off from the rest of the
line, by a bracket, a dash or her age ("Wanjiru 22 — chocolate" over "Shiru 20 —
campus babe", "Lily (Taiwan) 21yo" over "Mei Mei (Hong Kong) brand new").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from extractors.aliases import lexicon
from extractors.aliases.cues import Candidate
from extractors.aliases.given_names import is_given_name
from extractors.lines import LinePattern

ROSTER_CONFIDENCE = 0.6

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁІЇЄҐΑ-ΩΆΈΉΊΌΎΏ"
_WORD = rf"[{_UPPER}][^\W\d_]{{1,15}}+"
# Scripts without capitals: a name there is told by the bracketed age right after it.
_UNCASED_NAME = r"[\u3040-\u30ff\u4e00-\u9fff\u0e00-\u0e7f\uac00-\ud7af]{1,8}+(?=[(（])"
# Decorative bullets; not the ones that label a line as a contact or a place ("📞
# Москва (звонки с 10 до 19): 8 (917) ...", "📍 Kadıköy"), which the markers below
# leave out.
_MARKER = rf"(?:{lexicon.EMOJI}|[•·・*►▪▸‣◦➤→]|-(?=[ \t]))"
_AGE = r"(?:1[89]|[2-5]\d)"
# "t" (tuổi) only here, where the layout says the number is her age: "Vy 20t".
_AGE_UNIT = rf"(?:{lexicon.AGE_UNITS}|t)(?![^\W\d_])"
# Her age as a name's closure: with its unit, or with a dash, comma or bracket after it.
_AGE_THEN_BREAK = rf"{_AGE}(?:[ \t]?{_AGE_UNIT}|(?=[ \t]*(?:[-–—,(]|$)))"
# What follows a name that opens an entry, rather than a sentence ("Tramvaj 22
# zastávka", "Cześć, jestem Roksana"): a bracket, a dash, or her age with its unit or
# a dash after it ("Wanjiru 22 —", "Ece 22 yaş", "Lily (Taiwan) 21yo"). Not a table's
# "|": the first column of a table is as often a place ("Brickell | "Luna" ...").
# A phone book's line: the name, a few words of note, a wide gap and the number
# ("Big Tony Madrid        +34 787 62 86 77", "Kofi driver Lagos→Agadez    0813 ...").
_CLOSED = (
    rf"[ \t]*(?:[(（]|[-–—](?:[ \t]|$)"
    rf"|{_AGE_THEN_BREAK})"
    r"|[^\n]{0,40}?(?:[ \t]{3,}|\t)[+(\d]"
)
# A line opening with a bullet and a name, or with a name set off from the rest of the
# line. Every line of prose opens with a capitalised word, so the layout is asked of the
# pattern, and only the lines that match cost any Python work.
_ENTRY = LinePattern.compile(
    rf"[ \t]*+(?P<marker>{_MARKER}{{1,4}}+)?[ \t]*+"
    rf"(?:(?P<first>{_WORD})(?:[ \t](?P<second>{_WORD}))?+|(?P<uncased>{_UNCASED_NAME}))"
    # Not a field's label ("Telegram:", "Preise:"), nor a word glued to digits.
    rf"(?![ \t]*[:：]|\d)(?(marker)|(?={_CLOSED}))"
)
_NOT_NAME_MARKERS = frozenset("📞☎📱📲✉📧📩💬🌐📍🗺🏠🕒⏰💰💵💶💷💳🚗✈🔗ℹ⚠❗‼")
# Her age right after her name: "Wanjiru 22 —", "Mika（26）", "Bo (29)".
_CLOSED_BY_AGE = re.compile(rf"[ \t]*,?[ \t]*(?:[(（][ \t]*{_AGE}[ \t]*[)）,]|{_AGE_THEN_BREAK})")
# Her age anywhere on the line, with a unit or in brackets: "22y", "23 años", "20t" (tuổi).
_AGE_ON_LINE = re.compile(rf"(?<![\d.,:/])(?:[(（]{_AGE}[)）]|{_AGE}[ \t]?{_AGE_UNIT})")
_CONTACT_ON_LINE = re.compile(
    r"@[^\W\d_]|(?i:whats\s?app|telegram|viber|zalo|signal|wechat|kakao|line|wa\.me|t\.me"
    r"|sms|txt|text|call|tel|phone)(?![^\W\d_])|\u20e3"
)
# Seven digits in one run, between separators at most: a phone number, not the digits
# scattered through an onion address or a hash.
_NUMBER_ON_LINE = re.compile(r"\d(?:[ .\-/()]{0,2}\d){6}")
# A field's label: a colon before anything that sets a name off ("Liên hệ Chị Hằng: 0913
# ...", "Nhóm chat: t.me/..."); "Ngọc Anh 22t — gọi: ..." has one only after.
_LABEL_COLON = re.compile(r"[^(（—–\-,|\d:\n]*[:：]")
_ENTRIES_MINIMUM = 2
# Articles that open a working name in Spanish, Italian and French: "La Mona", "Il Nero".
_ARTICLES = frozenset({"La", "El", "Il", "Le", "Lo"})


@dataclass(frozen=True, slots=True)
class _Entry:
    start: int
    end: int
    # The line shows it is about a lady: her age, her contact, or a known given name.
    evident: bool


def find_roster_names(text: str) -> Iterator[Candidate]:
    if "\n" not in text:
        return
    by_marker: dict[str, list[re.Match[str]]] = defaultdict(list)
    for found in _ENTRY.finditer(text):
        by_marker[(found.group("marker") or "").replace("\ufe0f", "")].append(found)
    for marker, lines in by_marker.items():
        if len(lines) < _ENTRIES_MINIMUM or marker[:1] in _NOT_NAME_MARKERS:
            continue
        entries = [entry for entry in map(_entry, lines) if entry is not None]
        evident = sum(entry.evident for entry in entries)
        if evident < _ENTRIES_MINIMUM:
            continue
        for entry in entries:
            # Without a bullet, each line must show what it is by itself.
            if marker or entry.evident:
                value = text[entry.start : entry.end]
                yield Candidate(value, entry.start, entry.end, ROSTER_CONFIDENCE, "roster_entry")


def _entry(found: re.Match[str]) -> _Entry | None:
    text = found.string
    if found.group("uncased"):
        start, end = found.span("uncased")
    else:
        start, end = found.span("first")
        second = found.group("second")
        # "Natalya Rus, yeni geldi": a word after the name and a comma describes her.
        if second and not text.startswith(",", found.end("second")):
            end = found.end("second")
        if not _name_shaped(text[start:end]):
            return None
    line_end = text.find("\n", end)
    rest = text[end : len(text) if line_end == -1 else line_end]
    if _LABEL_COLON.match(rest):
        return None
    evident = (
        _NUMBER_ON_LINE.search(rest) is not None
        or _CONTACT_ON_LINE.search(rest) is not None
        or _AGE_ON_LINE.search(rest) is not None
        or _CLOSED_BY_AGE.match(rest) is not None
        or is_given_name(text[start:end].split()[0])
    )
    return _Entry(start, end, evident)


def _name_shaped(value: str) -> bool:
    """Capitalised words ("Ngọc Anh", "Lexxi Rae"), none of them the lexicon's."""
    words = value.split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    if not all(word[1:].islower() for word in words):
        return False
    if len(words) == 1 and len(words[0]) == 2:
        # Two letters are a name only here, where the layout says so ("Vy 20t").
        return not lexicon.is_not_alias_word(words[0])
    return not lexicon.is_rejected(" ".join(words))
