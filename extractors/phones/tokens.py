"""Digit clusters: where a phone number might be written, plain or obfuscated.

A cluster is a run of digit *groups* (``512``, ``fIve``, ``4️⃣``, ``Ol23``) joined by
separators or by at most two filler words (``512 call 555 me 0123``). Every group
keeps its span in the original text, so a number assembled from whole groups maps
back to exactly what the page said: the group list is the offset map.

Speed comes from how the regex engine scans: a pattern whose first element is one
character class, or an alternation of branches that each start with a literal, is
skipped through at C speed; anything else is tried at every position. So there are
two scans -- clusters that start with a digit, clusters that start with a spelled
digit -- both shaped that way, case-insensitive by explicit classes (IGNORECASE
turns the fast skip off). Every repetition is possessive, which keeps the scan
linear on hostile input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from extractors.phones import numerals

# The digits Japanese and Chinese write numbers with ("〇九〇-四八二一-七七三六").
# They are ideographs, not decimal digits, so unicodedata.digit does not read them.
# Chinese also writes 零 for 0 and reads a phone's 1 as 幺 ("六零四-573-零一三五").
_CJK_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "幺": "1"}
# Decimal digits in any script (\d), plus the superscript, subscript, circled and
# dingbat digits that ads use to dodge filters. Each maps through unicodedata.digit.
_DIGIT = (
    r"[\d\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u24ea"
    r"\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792" + "".join(_CJK_DIGITS) + "]"
)
# Letters written for digits inside a digit word ("5l2", "5O5"): o=0, l/i=1.
# Capital S and Z stand for 5 and 2 too ("3l2-S55-Ol78", "7I3.555.O1Z8"); lower-case s
# and z do not, or "the 1990s" and "size 12s" would end in a digit.
_LETTER_DIGITS = {
    "o": "0", "l": "1", "i": "1", "s": "5", "z": "2", "b": "8", "о": "0", "з": "3", "б": "6",
    "ο": "0", "β": "8",
}  # fmt: skip
# Capital B stands for 8 ("4l6-B39-22O7"); lower-case b does not ("5b" is a flat).
# Russian and Ukrainian ads use Cyrillic О/о for 0, З for 3 and б for 6 ("+9О 53Z 418 2б
# 93"); Greek ones Ο/ο for 0 and Β for 8 ("694 3Β1 22Ο7").
LOOKALIKE_CHARS = "oOlLiISZBОоЗбΟοΒ"
_LOOKALIKE_LETTER = f"[{LOOKALIKE_CHARS}]"
_LETTER = r"[^\W\d_]"
_NO_LETTER_NEXT = rf"(?!{_LETTER})"

# Spelled digits and their usual misspellings: each letter may be replaced by the
# look-alikes ads use ("f0ur", "sev3n", "f1ve", "5ix", "f!ve").
_SPELLED = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
# Misspellings ads use besides look-alike letters: "fyve", "fiev", "sevn", "nyne".
# None is an English word; each keeps the first three letters of a spelled digit or
# has its own in _NOT_A_DIGIT_WORD.
_MISSPELLED = {"fyve": "5", "fiev": "5", "sevn": "7", "nyne": "9", "nien": "9", "thre": "3"}
# Digits spelled in the other languages escort and recruitment ads are written in:
# Spanish, Portuguese, Italian, German, French, Romanian, Dutch, Polish ("tres cero
# cero, cinco cinco cinco"). Only words
# that are no English word and no common word of those languages are here; the
# others ("uno", "dos", "due", "un") are weak words below.
_FOREIGN_BY_LANGUAGE: dict[str, dict[str, str]] = {
    "es": {
        "cero": "0", "tres": "3", "cuatro": "4", "cinco": "5", "seis": "6", "siete": "7",
        "ocho": "8", "nueve": "9",
    },
    # "um" opens São Paulo's numbers: "um um nove ..."
    "pt": {
        "um": "1", "dois": "2", "duas": "2", "três": "3", "quatro": "4", "cinco": "5",
        "seis": "6", "sete": "7", "oito": "8", "nove": "9",
    },
    # "tre" opens Italian mobile numbers
    "it": {"tre": "3", "quattro": "4", "cinque": "5", "sette": "7", "nove": "9"},
    # "null" opens most German numbers, so it must be able to open a cluster.
    "de": {
        "null": "0", "eins": "1", "zwei": "2", "drei": "3", "vier": "4", "fünf": "5",
        "fuenf": "5", "sechs": "6", "sieben": "7", "acht": "8", "neun": "9",
    },
    "fr": {
        "zéro": "0", "deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "huit": "8",
        "neuf": "9",
    },
    # With the comma-below letters, the older cedilla ones and plain ASCII.
    "ro": {
        "unu": "1", "trei": "3", "patru": "4", "cinci": "5", "șase": "6", "şase": "6",
        "sase": "6", "șapte": "7", "şapte": "7", "sapte": "7",
    },
    # "één" is one stressed; "een", also "a", is weak below.
    "nl": {
        "nul": "0", "één": "1", "twee": "2", "drie": "3", "vier": "4", "vijf": "5", "zes": "6",
        "zeven": "7", "acht": "8", "negen": "9",
    },
    # Russian and Ukrainian ("восемь (девять один шесть) ..."), with Ukrainian's own.
    "ru": {
        "ноль": "0", "нуль": "0", "один": "1", "два": "2", "три": "3", "четыре": "4",
        "пять": "5", "шесть": "6", "семь": "7", "восемь": "8", "девять": "9",
        "чотири": "4", "п'ять": "5", "шість": "6", "сім": "7", "вісім": "8",
        "дев'ять": "9",
    },
    # Indonesian and Malay: "kosong" (empty) is how both read a 0.
    "id": {
        "nol": "0", "kosong": "0", "satu": "1", "dua": "2", "tiga": "3", "empat": "4",
        "enam": "6", "tujuh": "7", "delapan": "8", "lapan": "8", "sembilan": "9",
    },
    # Czech and Slovak, with and without their diacritics ("šest nula jedna ...").
    "cs": {
        "nula": "0", "jedna": "1", "dva": "2", "dvě": "2", "tři": "3", "tri": "3",
        "čtyři": "4", "ctyri": "4", "štyri": "4", "pět": "5", "päť": "5", "šest": "6",
        "sest": "6", "šesť": "6", "sedm": "7", "sedem": "7", "osm": "8", "osem": "8",
        "devět": "9", "devet": "9", "deväť": "9",
    },
    # Serbian, Croatian and Bosnian in Latin letters; the words they share with Czech
    # ("nula", "dva", "šest") point to all of their countries.
    "sh": {
        "jedan": "1", "četiri": "4", "cetiri": "4", "sedam": "7", "osam": "8",
    },
    # Bulgarian, Serbian and Macedonian in Cyrillic (Russian's "три" is shared).
    "bg": {
        "нула": "0", "едно": "1", "една": "1", "један": "1", "две": "2", "четири": "4",
        "пет": "5", "шест": "6", "седем": "7", "седам": "7", "осем": "8", "осам": "8",
        "девет": "9",
    },
    "tr": {
        "sıfır": "0", "sifir": "0", "iki": "2", "üç": "3", "dört": "4", "beş": "5",
        "altı": "6", "alti": "6", "yedi": "7", "sekiz": "8", "dokuz": "9",
    },
    # Greek, accented as written in lower case and bare as capitals write it ("ΕΞΙ").
    "el": {
        "μηδέν": "0", "μηδεν": "0", "δύο": "2", "δυο": "2", "τρία": "3", "τρια": "3",
        "τέσσερα": "4", "τεσσερα": "4", "πέντε": "5", "πεντε": "5", "έξι": "6", "εξι": "6",
        "επτά": "7", "επτα": "7", "εφτά": "7", "εφτα": "7", "οκτώ": "8", "οκτω": "8",
        "οχτώ": "8", "οχτω": "8", "εννέα": "9", "εννεα": "9", "εννιά": "9", "εννια": "9",
    },
    # Vietnamese with its tones: without them the words are too many other words.
    "vi": {
        "không": "0", "bốn": "4", "sáu": "6", "bảy": "7", "tám": "8", "chín": "9",
    },
    "sw": {
        "sifuri": "0", "mbili": "2", "tatu": "3", "nne": "4", "tano": "5", "sita": "6",
        "saba": "7", "nane": "8", "tisa": "9",
    },
    "tl": {
        "sero": "0", "dalawa": "2", "tatlo": "3", "apat": "4", "anim": "6", "pito": "7",
        "walo": "8", "siyam": "9",
    },
    "hu": {
        "nulla": "0", "kettő": "2", "ketto": "2", "három": "3", "harom": "3", "négy": "4",
        "negy": "4", "öt": "5", "hét": "7", "nyolc": "8", "kilenc": "9",
    },
    # Hindi as Hinglish writes it ("aath aath nau paanch ..."); "ek" and "saat" (Turkish
    # "hour") are weak below, and "do" and "teen" are English words.
    "hi": {
        "shunya": "0", "chaar": "4", "paanch": "5", "panch": "5", "chhah": "6", "chhe": "6",
        "aath": "8", "nau": "9",
    },
    # Arabic's digits in full; "واحد" (one, also "someone") is weak below.
    "ar": {
        "صفر": "0", "اثنان": "2", "اثنين": "2", "ثلاثة": "3", "أربعة": "4", "اربعة": "4",
        "خمسة": "5", "ستة": "6", "سبعة": "7", "ثمانية": "8", "تسعة": "9",
    },
    # With and without its diacritics.
    "pl": {
        "jeden": "1", "dwa": "2", "trzy": "3", "cztery": "4", "pięć": "5", "piec": "5",
        "sześć": "6", "szesc": "6", "siedem": "7", "osiem": "8", "dziewięć": "9",
        "dziewiec": "9",
    },
}  # fmt: skip
_FOREIGN = {word: digit for words in _FOREIGN_BY_LANGUAGE.values() for word, digit in words.items()}
# Where a language's spelled digits point when the page does not say: a number spelled
# in Polish is Polish, one spelled in Spanish is of one of these countries.
_LANGUAGE_REGIONS = {
    "es": ("ES", "MX", "CO", "AR", "PE", "CL", "VE", "EC", "GT", "DO", "UY", "PY", "BO"),
    "pt": ("BR", "PT"),
    "it": ("IT", "CH"),
    "de": ("DE", "AT", "CH"),
    "fr": ("FR", "BE", "CH"),
    "ro": ("RO", "MD"),
    "nl": ("NL", "BE"),
    "pl": ("PL",),
    "id": ("ID", "MY"),
    "ru": ("RU", "UA", "BY", "KZ"),
    "cs": ("CZ", "SK"),
    "sh": ("RS", "HR", "BA", "ME"),
    "bg": ("BG", "RS", "MK"),
    "tr": ("TR",),
    "el": ("GR", "CY"),
    "vi": ("VN",),
    "sw": ("KE", "TZ", "UG"),
    "tl": ("PH",),
    "hu": ("HU",),
    "hi": ("IN",),
    "ar": ("SA", "AE", "EG", "KW", "QA", "BH", "OM", "JO", "LB"),
}
_REGIONS_OF_WORD: dict[str, tuple[str, ...]] = {}
for _language, _words in _FOREIGN_BY_LANGUAGE.items():
    for _word in _words:
        _REGIONS_OF_WORD[_word] = _REGIONS_OF_WORD.get(_word, ()) + _LANGUAGE_REGIONS[_language]
_ENGLISH_FORMS = _SPELLED | _MISSPELLED
_SPELLED_FORMS = _ENGLISH_FORMS | _FOREIGN
_LOOKALIKES = {"o": "0", "e": "3", "i": "1l!|", "s": "5"}
_UNLEET = str.maketrans({"0": "o", "3": "e", "1": "i", "l": "i", "!": "i", "|": "i", "5": "s"})
_UNLEET_KEEPING_L = str.maketrans({"0": "o", "3": "e", "1": "i", "!": "i", "|": "i", "5": "s"})

# Words that stand for a digit only between other spelled or single digits ("five
# one two oh one", "won", "ate"): never the start of a cluster, because in prose
# they are words.
_ENGLISH_WEAK = {
    "oh": "0",
    "o": "0",
    "too": "2",
    "to": "2",
    "for": "4",
    "won": "1",
    "ate": "8",
    "fore": "4",
    "i": "1",
    "l": "1",
}
# Other languages' digits that are words too: Spanish "uno"/"dos", Portuguese "meia"
# (six, as Brazilians read numbers), Italian "due"/"sei"/"otto", French "un"/"sept",
# Romanian "doi"/"opt" (a DOI, "opt in"), Dutch "een".
_FOREIGN_WEAK = {
    "uno": "1",
    "un": "1",
    "dos": "2",
    "due": "2",
    "sei": "6",
    "meia": "6",
    "sept": "7",
    "otto": "8",
    "doi": "2",
    "opt": "8",
    "een": "1",
    # Indonesian and Tagalog five is also the capital of Peru.
    "lima": "5",
    # Romanian nine is also "new": "cartela nouă" (the new SIM card).
    "nouă": "9",
    "noua": "9",
    # Words of the languages above that are words too: Serbian "pet" (a pet), Turkish
    # "bir" (a), "bes" and "dort" without their accents, Vietnamese "một" (a), "hai",
    # "ba", "năm" (year), Swahili "moja" (Polish "my"), Tagalog "isa", Hungarian "egy"
    # (a), "hat" and "het".
    "pet": "5",
    "bir": "1",
    "bes": "5",
    "dort": "4",
    "một": "1",
    "hai": "2",
    "ba": "3",
    "năm": "5",
    "moja": "1",
    "isa": "1",
    "egy": "1",
    "hat": "6",
    "het": "7",
    "ένα": "1",
    "ενα": "1",
    "ek": "1",
    "saat": "7",
    "واحد": "1",
}
# A lone "B" among spelled digits ("O three B one"): a word of its own, never glued to
# a digit, which is how hex writes it ("7080b38").
_LONE_B = {"b": "8"}
_WEAK = _ENGLISH_WEAK | _FOREIGN_WEAK | _LONE_B
# The languages each of those is a digit of.
_WEAK_LANGUAGES = {
    "uno": ("es",), "un": ("fr", "ro", "es"), "dos": ("es",), "due": ("it",), "sei": ("it",),
    "meia": ("pt",), "sept": ("fr",), "otto": ("it",), "doi": ("ro",), "opt": ("ro",),
    "een": ("nl",), "lima": ("id", "tl"), "nouă": ("ro",), "noua": ("ro",), "pet": ("sh", "cs"),
    "bir": ("tr",), "bes": ("tr",), "dort": ("tr",), "một": ("vi",), "hai": ("vi",),
    "ba": ("vi",), "năm": ("vi",), "moja": ("sw",), "isa": ("tl",), "egy": ("hu",),
    "hat": ("hu",), "het": ("hu",), "ένα": ("el",), "ενα": ("el",), "ek": ("hi",),
    "saat": ("hi",), "واحد": ("ar",),
}  # fmt: skip
_OTHER_LANGUAGES_WORDS = _FOREIGN.keys() | _FOREIGN_WEAK.keys()
# The weak words that may be a number's first or last digit: zero words ("555 0123
# oh") and other languages' digits ("... cuatro uno"). "to", "for", "I" may not.
# Not Romanian "nouă", which is "new" as often as nine, and stands before the numbers
# it describes ("cartela nouă zero seven five ...").
_MAY_OPEN_OR_END = frozenset({"oh", "o", *_FOREIGN_WEAK} - {"nouă", "noua"})

# Between digit groups: whitespace, dashes, dots, slashes, brackets, invisible
# characters (zero-width, soft hyphen, BOM), the emoji variation selector and
# emoji/dingbat symbols ("5🔥1🔥2").
# Commas are deliberately absent: "1,500" and "10, 20, 30" are never phone digits.
_SEP_MARKS = (
    r".\-\u2010-\u2015\u2212/\\_*~:=+\uff08\uff09\uff0b\uff0d-\uff0f()\[\]{}<>|'\"`\u2022\u00b7"
    # Japanese writes the middle dot between groups: "〇八〇・四〇一八・七八三九".
    r"\u30fb\uff65"
    r"\u00ad\u200b-\u200d\u2060\ufeff\ufe0f\u2600-\u2775\u2794-\u27bf\U0001f000-\U0001faff"
)
# Tabs are absent: they separate table cells ("5708\t251403"), not digit groups.
_SEP_ON_LINE = rf"[ \u00a0\u2000-\u200a\u202f\u3000{_SEP_MARKS}]"
_MAX_SEP = 6
_MAX_FILLER_WORDS = 2
_MAX_FILLER_LETTERS = 10


def _variants(char: str) -> str:
    return "".join(dict.fromkeys(char.lower() + char.upper() + _LOOKALIKES.get(char, "")))


def _class(char: str) -> str:
    return "[" + "".join(re.escape(c) for c in _variants(char)) + "]"


def _caseless(word: str) -> str:
    return "".join(_class(c) for c in word)


def _first_letter_variants(word: str) -> str:
    """A spelled digit's first letter may also be the digit itself: "5ive", "2wo",
    "8ight" (and "0ne", "5ix" through the usual look-alikes)."""
    return _variants(word[0]) + _SPELLED.get(word, "")


def _spelled(word: str) -> str:
    first = "[" + "".join(re.escape(c) for c in _first_letter_variants(word)) + "]"
    return first + _caseless(word[1:])


def _case_only(word: str) -> str:
    return "".join(f"[{c}{c.upper()}]" for c in word)


def _by_first_letter(words: Iterable[str]) -> str:
    """An alternation of ``words``, in either case, grouped by first letter, longest word
    first in each group: the engine rejects a position at one comparison per group
    instead of one per word, and a possessive run keeps "cinque" rather than stopping
    at "cinq"."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(word)
    branches = {
        first: _case_only(first) + "(?:" + "|".join(_case_only(word[1:]) for word in group) + ")"
        for first, group in groups.items()
    }
    return "|".join(numerals.ascii_led_first(branches))


# English words (with look-alike letters, and led by their own digit: "f1ve", "5ive")
# and then other languages', as written: look-alikes would make digits glued to
# letters read as words ("01to" as "oito"). No word of one list is a prefix of a word
# of the other, so the order between the two decides nothing.
_STRONG = (
    "(?:" + "|".join(_spelled(w) for w in _ENGLISH_FORMS) + "|" + _by_first_letter(_FOREIGN) + ")"
)
# Grouped by first letter, like the strong words: one comparison per letter instead of
# one per word where no weak word begins.
_WEAK_RX = (
    "(?:(?:" + _by_first_letter(_WEAK.keys() - _LONE_B) + f"){_NO_LETTER_NEXT}|[bB](?![^\\W_]))"
)
_KEYCAP = r"[0-9]\ufe0f?\u20e3"
_SPELLED_RUN = rf"{_STRONG}++{_NO_LETTER_NEXT}"
# A digit word: digits with o/l/i look-alikes, standing alone ("5o5", "5l2"); or,
# failing that, just the digits (then the group is glued to letters: "120lbs").
# Written as what follows the first digit, so the digit-led scan can share it.
_DIGIT_WORD_REST = (
    rf"(?:(?<![^\W_].)(?:{_DIGIT}|{_LOOKALIKE_LETTER})*+{_NO_LETTER_NEXT}|{_DIGIT}*+)"
)
_DIGIT_WORD = _DIGIT + _DIGIT_WORD_REST
# Inside a cluster a group may also start with look-alike letters ("555-Ol23").
# A group of Cyrillic capitals only ("8 (9З7) 782-ЗЗ-2З") is read so after a digit and a
# hyphen or dot: no Russian word is written "ЗЗ" or "ОЗ" there.
_LETTER_LED_WORD = (
    rf"{_LOOKALIKE_LETTER}++{_DIGIT}(?:{_DIGIT}|{_LOOKALIKE_LETTER})*+{_NO_LETTER_NEXT}"
    rf"|(?<=[\dЗО][-.])[ЗО]{{1,3}}+{_NO_LETTER_NEXT}"
)
# Every character a seed can begin with, as one class tested before the alternatives:
# where a cluster cannot go on (most places the scan reaches) one comparison rejects
# what would otherwise be some thirty branches tried and failed.
_SEED_FIRST = (
    "(?=["
    + _DIGIT[1:-1]
    + "".join(
        re.escape(char)
        for char in sorted(
            {*_LOOKALIKE_LETTER[1:-1]}
            | {char for word in _SPELLED_FORMS for char in _first_letter_variants(word)}
            | {char for word in _WEAK for char in (word[0], word[0].upper())}
            | set(numerals.FIRST_LETTERS)
        )
        if not char.isdigit()
    )
    + "])"
)
_SEED = (
    f"{_SEED_FIRST}(?:{_KEYCAP}|{numerals.NUMERAL}|{_SPELLED_RUN}|{_DIGIT_WORD}"
    f"|{_LETTER_LED_WORD}|{_WEAK_RX})"
)
# A filler word must not be a digit word: "512 call five five" must keep both fives.
# Checked by the first three letters of the spelled digits ("thr", "fiv", "sev", ...),
# which costs a few literal comparisons instead of the full word patterns; the
# price is that "three"-like words ("thrill", "seventy") never count as fillers.
_NOT_A_DIGIT_WORD = (
    r"(?![zZ][eE][rR]|[oO][nN][eE]|[tT][wW][oO]|[tT][hH][rR]|[fF][oO][uU]|[fF][iIlL][vV]"
    r"|[sS][iIlL][xX]|[sS][eE][vV]|[eE][iIlL][gG]|[nN][iIlL][nN]"
    r"|[fF][yY][vV]|[fF][iIlL][eE][vV]|[nN][yY][nN]|[nN][iIlL][eE][nN]"
    rf"|(?:[oO][hH]?|[tT][oO][oO]?|[fF][oO][rR][eE]?|[wW][oO][nN]|[aA][tT][eE]|[iIlLbB]){_NO_LETTER_NEXT}"
    # Other languages' digits, whole: their first letters begin too many English words.
    + "|(?:"
    + _by_first_letter(_OTHER_LANGUAGES_WORDS)
    + f"){_NO_LETTER_NEXT})"
)
# The leading letter test spares the look-ahead's branches wherever no word starts.
_FILLER = rf"(?={_LETTER}){_NOT_A_DIGIT_WORD}{_LETTER}{{1,{_MAX_FILLER_LETTERS}}}+"
# Filler words join digits only on one line: across a line break ("120 lbs.\n\n
# Patch 8.1") they are just the next sentence. Separators alone may break the line
# once ("512\n555 0123" from table cells), never at a paragraph break.
_GAP = (
    rf"(?:{_SEP_ON_LINE}{{0,{_MAX_SEP}}}+"
    rf"(?:{_FILLER}{_SEP_ON_LINE}{{1,{_MAX_SEP}}}+){{1,{_MAX_FILLER_WORDS}}}+"
    rf"|{_SEP_ON_LINE}{{0,{_MAX_SEP}}}+(?:\r?\n{_SEP_ON_LINE}{{0,{_MAX_SEP}}}+)?+)"
)

# Clusters that begin with a digit (or with a spelled digit led by one: "0ne").
# The leading class is consumed first -- that is what makes the scan fast -- and
# each branch then looks back at what it was. Only clusters of two or more groups,
# or one run of seven digits, match at all: lone short numbers ("2019", "page 4")
# are the bulk of a page's digits and should cost no Python work.
# The branches after the first digit begin with the character they consume and look
# back only then: the engine skips a branch whose first character does not fit without
# entering it, where a branch that opens with a lookbehind has to be tried.
_DIGIT_LED_SPELLED = "|".join(
    f"{_class(w[1])}(?<={c}.)(?<!{_LETTER}..){_caseless(w[2:])}"
    for w in _ENGLISH_FORMS
    for c in _first_letter_variants(w)
    if c.isdigit()
)
# The letters that can follow the digit of such a word, as one class tested first.
_DIGIT_LED_SECOND = (
    "(?=["
    + "".join(
        sorted(
            {
                re.escape(char)
                for w in _ENGLISH_FORMS
                if any(c.isdigit() for c in _first_letter_variants(w))
                for char in _variants(w[1])
            }
        )
    )
    + "])"
)
_FIRST_GROUP_REST = (
    rf"(?:\ufe0f\u20e3(?<=[0-9]..)|\u20e3(?<=[0-9].)"
    rf"|{_DIGIT_LED_SECOND}(?:{_DIGIT_LED_SPELLED}){_STRONG}*+{_NO_LETTER_NEXT}"
    rf"|{_DIGIT_WORD_REST})"
)
# Never from inside a run of digits: its first digit has been tried already.
_CLUSTER_FROM_DIGIT = re.compile(
    rf"{_DIGIT}(?<!{_DIGIT}.)(?:(?>{_FIRST_GROUP_REST})(?:{_GAP}{_SEED})++"
    rf"|{_DIGIT_WORD_REST}(?<=(?:{_DIGIT}|{_LOOKALIKE_LETTER}){{7}}))"
)
# The same scan for pure-ASCII pages, where the digit class can only match 0-9: a
# plain byte class, which the engine tests faster than the Unicode digit category.
_CLUSTER_FROM_DIGIT_ASCII = re.compile(_CLUSTER_FROM_DIGIT.pattern.replace(_DIGIT, "[0-9]"))
# Clusters that begin with a spelled digit are found on a "skeleton" of the text:
# lower-cased, look-alikes replaced ("F1ve" -> "five"), everything else a space, so
# that " five" is a spelled digit at the start of a word. The scan's first element is
# that literal space, which the engine skips to at C speed, trying the words only at
# the page's word starts; a pattern starting with the words themselves would be tried
# at every "e", "o", "t" ... of the page, and ten str.find passes cost twice as much.
_SKELETON = bytes(
    ord(char.lower())
    if char.isascii() and char.isalpha()
    else next((ord(letter) for letter, alikes in _LOOKALIKES.items() if char in alikes), 32)
    for char in map(chr, range(256))
)
# Each word as the skeleton writes it ("zéro" as "z ro": the skeleton cannot tell "é"
# from a space, and the match on the text that follows checks the word), grouped by
# first letter, so that at most spaces one comparison rejects the word.
# Numerals ("quarante-sept", "onze") open clusters too; their first four letters mark
# where to try one.
_OPENING_WORDS = [*_SPELLED_FORMS, *numerals.OPENINGS, "oh"]
_ASCII_SPELLED = list(
    dict.fromkeys(
        w.encode("ascii", "replace").translate(_SKELETON) for w in _OPENING_WORDS if w[0].isascii()
    )
)
# Words whose first letter is not ASCII ("één", "șase") would be a run of spaces in the
# skeleton, matching in front of every emoji, and overlapping the word after it; they
# are looked for on the text itself, on the pages that are not pure ASCII.
# Each word is matched from its first letter, a class the engine skips to, and looks
# back from there; a pattern opening with the look-behind is tried at every character.
_NON_ASCII_LED_WORDS = sorted((w for w in _OPENING_WORDS if not w[0].isascii()), key=len)[::-1]
_NON_ASCII_LED = re.compile(
    "["
    + "".join(sorted({c for w in _NON_ASCII_LED_WORDS for c in (w[0], w[0].upper())}))
    + "](?<![^\\W\\d_].)(?i:"
    + "|".join(f"(?<=(?i:{re.escape(w[0])})){re.escape(w[1:])}" for w in _NON_ASCII_LED_WORDS)
    + ")"
)
_SPELLED_WORD_START = re.compile(
    b" (?:"
    + b"|".join(
        re.escape(bytes([first]))
        + b"(?:"
        + b"|".join(re.escape(w[1:]) for w in _ASCII_SPELLED if w[0] == first)
        + b")"
        for first in dict.fromkeys(w[0] for w in _ASCII_SPELLED)
    )
    + b")"
)
# Spelled groups may also be separated by commas, the way a number is read aloud
# ("zero eight zero three, two one six, four four zero nine"); between written digits
# a comma stays a list or a thousands separator, so only spelled words may follow one.
_SPOKEN_GROUP = f"(?:{numerals.NUMERAL}|{_SPELLED_RUN})"
# English numbers with a trunk "0" are read from "oh" ("oh seven nine double one ..."),
# the one weak word that opens a cluster.
_CLUSTER_FROM_WORD = re.compile(
    rf"(?:{_SPOKEN_GROUP}|[oO][hH]{_NO_LETTER_NEXT})"
    rf"(?:{_GAP}{_SEED}|,[ \u00a0]?{_SPOKEN_GROUP})*+"
)

# The same alternatives as _SEED, named, to read a cluster back group by group.
_TOKEN = re.compile(
    f"(?P<keycap>{_KEYCAP})|(?P<numeral>{numerals.NUMERAL})|(?P<spelled>{_SPELLED_RUN})"
    f"|(?P<digits>{_DIGIT_WORD})"
    f"|(?P<lookalike>{_LETTER_LED_WORD})|(?P<weak>{_WEAK_RX})|(?P<word>{_LETTER}+)"
)
_SPELLED_ONE = re.compile(_STRONG)

# The shortest phone number anywhere has 7 digits.
MIN_DIGITS = 7
# Everything that could stand for a digit: counted at C speed, it bounds a
# cluster's digits from above, so most clusters ("29 June 2007", "3 is applicable
# to") are dropped before they are read group by group.
_DIGIT_LIKE = re.compile(f"{_DIGIT}|{_STRONG}|{_WEAK_RX}|{_LOOKALIKE_LETTER}")
# A numeral stands for two or three digits; its first word is counted twice, so the
# bound stays a bound ("trente" holds no digit word, "dix-neuf" one).
# Opened by a class of the leads' first letters, which the engine skips to (a pattern
# opening with the guard's look-ahead is tried at every character), then checked to
# start a word.
_NUMERAL_LEAD = re.compile(
    f"[{numerals.FIRST_LETTERS}](?<![^\\W\\d_].)(?<=(?={numerals.NUMERAL_LEAD}).)"
)
_SENTENCE_BREAK = re.compile(r"[.!?;:]\s")


# Not frozen: a frozen dataclass pays for object.__setattr__ on every field, and
# groups are built by the ten thousand on number-heavy pages.
@dataclass(slots=True)
class Group:
    """One run of digits as written, with its span in the original text."""

    start: int
    end: int
    digits: str
    # Written as plain ASCII digits (not spelled, keycapped, look-alike or exotic).
    plain: bool
    # The gap before this group holds a filler word ("512 call 555").
    word_before: bool
    # A "+" sits in the gap before this group (or right before the cluster).
    plus_before: bool
    # Plain separators only, at most two characters ("-", ") ", " ").
    tight_before: bool
    # A sentence or list break in the gap before ("2. 512..."): no number spans it.
    break_before: bool
    # A line break, or three or more spaces, in the gap before: a likely boundary.
    newline_before: bool
    spaced_before: bool
    # A word read as a digit only between single digits ("oh", "to", "for", "I").
    weak_word: bool
    # One that is never a number's first or last digit ("I'm", "to"); "oh" may end
    # a number, and often does.
    weak: bool
    # Where the language the group is spelled in is spoken ("pięć" -> PL), if not English.
    spoken_in: tuple[str, ...] = ()
    # A number above nine in words ("diciannove"): spelled, though of several digits.
    numeral: bool = False


def cluster_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of digit clusters that can hold MIN_DIGITS digits, in text order."""
    last_end = 0
    for start, end in _cluster_spans(text):
        # A cluster found by one scan may continue into one the other scan found;
        # the continuation is the same pattern, so the later one is a suffix.
        if start < last_end:
            continue
        last_end = end
        if (
            end - start >= MIN_DIGITS
            and _digits_at_most(text, start, end) >= MIN_DIGITS
            and not _b_is_hex(text, start, end)
        ):
            yield start, end


def _digits_at_most(text: str, start: int, end: int) -> int:
    count = len(_DIGIT_LIKE.findall(text, start, end))
    if count < MIN_DIGITS:
        count += 2 * len(_NUMERAL_LEAD.findall(text, start, end))
    return count


def read_groups(text: str, start: int, end: int) -> list[Group]:
    """The digit groups of the cluster at text[start:end]."""
    groups = _weak_words_as_fillers(_groups(text, start, end))
    if len(groups) > 1 and _conjunction_o_at_end(text, groups):
        groups.pop()
    return groups


def _cluster_spans(text: str) -> list[tuple[int, int]]:
    scan = _CLUSTER_FROM_DIGIT_ASCII if text.isascii() else _CLUSTER_FROM_DIGIT
    spans = [m.span() for m in scan.finditer(text)]
    found_by_digit = iter(spans)
    current = next(found_by_digit, None)
    spelled_until = 0
    for pos in _spelled_digit_starts(text):
        while current is not None and current[1] <= pos:
            current = next(found_by_digit, None)
        if pos < spelled_until or (current is not None and current[0] <= pos):
            continue  # inside a cluster already found
        match = _CLUSTER_FROM_WORD.match(text, pos)
        if match is not None:
            spans.append(match.span())
            spelled_until = match.end()
    spans.sort()
    return spans


def _spelled_digit_starts(text: str) -> list[int]:
    """Positions where a spelled digit begins a word, in text order."""
    # ASCII bytes with one "?" (then a space) per other character keep offsets exact;
    # the leading space stands for the start of the text, and shifts every position
    # by one, which the space each match begins with takes back.
    skeleton = b" " + text.encode("ascii", "replace").translate(_SKELETON)
    starts = [match.start() for match in _SPELLED_WORD_START.finditer(skeleton)]
    if not text.isascii():
        starts = sorted(starts + [match.start() for match in _NON_ASCII_LED.finditer(text)])
    return starts


# Upper-case hex ("FBD0 4457 2E32 D9B4 454B"): there B is a hex digit, not an 8.
_HEX_LETTER_BESIDE_DIGIT = re.compile(r"[0-9][ACDEF]|[ACDEF][0-9]")


def _b_is_hex(text: str, start: int, end: int) -> bool:
    # Looked for a little beyond the cluster too: "D9B4" leaves only "B4" inside it.
    return "B" in text[start:end] and (
        _HEX_LETTER_BESIDE_DIGIT.search(text, max(0, start - 8), end + 8) is not None
    )


def _groups(text: str, start: int, end: int) -> list[Group]:
    groups: list[Group] = []
    gap_start = start
    word_in_gap = False
    b_is_hex = _b_is_hex(text, start, end)
    for token in _TOKEN.finditer(text, start, end):
        kind = token.lastgroup or ""
        numeral = numerals.read(token.group()) if kind == "numeral" else None
        if (
            kind == "word"
            # Number words no one language puts together ("vingt cinco") are words.
            or (kind == "numeral" and numeral is None)
            or (b_is_hex and "B" in token.group())
        ):
            word_in_gap = True
            continue
        s, e = token.span()
        if groups:
            gap = text[gap_start:s]
            gap_length = len(gap)
            tight = gap_length <= 2 and not gap.strip(" -.()/+")
            sentence_break = gap_length >= 2 and (
                _masks_digits(gap)
                or (
                    _SENTENCE_BREAK.search(gap) is not None
                    and not (
                        _written_out(groups[-1])
                        and _written_out_token(kind, s, e)
                        and not _opens_line(text, groups[-1].start)  # "2. 9 seven ..."
                    )
                )
            )
            newline = "\n" in gap
            # A list's next item number opens its line: "... 693 9280\n2) Ludmila".
            sentence_break = sentence_break or (
                newline
                and kind == "digits"
                and e - s <= 2
                and _LIST_MARK.match(text, e) is not None
            )
            spaced = gap_length >= 3 and gap.isspace()
        else:
            # A keycap ("O4\ufe0f\u20e3") is one digit, never "O4"; and a letter before
            # a whole number's worth of digits is a prefix ("complaint I2405201839").
            if kind == "digits" and e - s < MIN_DIGITS:
                s = _extend_over_lookalike_letters(text, s)
            gap = text[max(0, s - 2) : s]
            tight = sentence_break = newline = spaced = False
        if kind == "lookalike":
            s, kind = _letters_as_prefix(text, s, e)
        written = text[s:e]
        plain = written.isascii() and written.isdigit()
        weak_word = kind == "weak"
        groups.append(
            Group(
                start=s,
                end=e,
                digits=(
                    written
                    if plain
                    else numeral.digits
                    if numeral is not None
                    else _digits_of(kind, written.lower())
                ),
                plain=plain,
                word_before=word_in_gap,
                plus_before="+" in gap
                or "\uff0b" in gap
                or (not groups and _dialled_in_link(text, s)),
                tight_before=tight,
                break_before=sentence_break,
                newline_before=newline,
                spaced_before=spaced,
                weak_word=weak_word,
                weak=weak_word and written.lower() not in _MAY_OPEN_OR_END,
                spoken_in=_spoken_in(kind, written, numeral),
                numeral=numeral is not None,
            )
        )
        gap_start = e
        word_in_gap = False
    return groups


def _masks_digits(gap: str) -> bool:
    """A card or account number with its middle hidden ("414720******3391", "5333 17**
    **** 4521"): the digits either side are the ends of one identifier, no phone's."""
    return "**" in gap or "\u2022\u2022" in gap


# "seven zero two. five five five. zero one four three": ads end a spelled or
# digit-by-digit group with a full stop as often as with a dash. Between two such
# groups ". " is a separator; next to a plain number ("I'm 25. 5 foot 2") it still
# ends a sentence.
def _written_out(group: Group) -> bool:
    return not group.plain or len(group.digits) == 1


def _written_out_token(kind: str, start: int, end: int) -> bool:
    return kind != "digits" or end - start == 1


_LIST_MARK = re.compile(r"[.)][ \t]")


def _opens_line(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip()


# Prose going on after a lone "o": "al 9️⃣9️⃣8️⃣ ... 2️⃣4️⃣2️⃣8️⃣ o al correo".
_PROSE_AFTER = re.compile(r"[ \t]+[^\W\d_A-Z]{2,}")


def _conjunction_o_at_end(text: str, groups: list[Group]) -> bool:
    """A lone "o" after written digits, with prose after it, is Spanish, Italian or
    Portuguese "or" ("2️⃣4️⃣2️⃣8️⃣ o al correo"); one after spelled digits stays a zero
    ("five five o one two o")."""
    last, before = groups[-1], groups[-2]
    return (
        last.weak_word
        and last.end - last.start == 1
        and text[last.start] in "oO"
        and text[before.start].isdigit()
        and _PROSE_AFTER.match(text, last.end) is not None
    )


def _weak_words_as_fillers(groups: list[Group]) -> list[Group]:
    """Read "to", "for", "oh" as digits only among single digits ("five oh one");
    next to a digit group ("from 81758 to 9004") they are the words they look like.

    A zero word ("oh") is a digit also where spelled and grouped digits mix: beside
    one single digit ("555 oh one two") or glued to a group ("555-oh123"), which
    prose does not write.
    """
    kept: list[Group] = []
    for index, group in enumerate(groups):
        neighbours = groups[max(0, index - 1) : index] + groups[index + 1 : index + 2]
        if (
            group.weak_word
            and any(len(n.digits) > 1 and not n.numeral for n in neighbours)
            and not _zero_word_among_digits(group, neighbours)
            and not _spelled_on_after_spelled(group, groups[index - 1] if index else None)
        ):
            if index + 1 < len(groups):
                groups[index + 1].word_before = True
            continue
        kept.append(group)
    return kept


def _spelled_on_after_spelled(group: Group, before: Group | None) -> bool:
    """Another language's weak word right after a spelled digit goes on spelling the
    number, whatever follows ("seis ocho dos 96 22 25"): "ocho dos" is no phrase."""
    return (
        before is not None
        and not before.plain
        and len(before.digits) == 1
        and bool(before.spoken_in)
        and not group.word_before
        and bool(group.spoken_in)
    )


def _zero_word_among_digits(group: Group, neighbours: list[Group]) -> bool:
    if group.digits != "0":  # "oh", "o": the weak words for zero
        return False
    return any(
        len(n.digits) == 1 or n.end == group.start or n.start == group.end for n in neighbours
    )


def _letters_as_prefix(text: str, start: int, end: int) -> tuple[int, str]:
    """Look-alike letters before a whole number's worth of plain digits are a prefix
    ("complaint I2405201839", a case number), not digits: the group is the digits, glued
    to a letter (context.tainted drops it). Fewer digits stay obfuscated ("Ol23")."""
    first_digit = start
    while first_digit < end and text[first_digit] in LOOKALIKE_CHARS:
        first_digit += 1
    digits = text[first_digit:end]
    if len(digits) >= MIN_DIGITS and digits.isascii() and digits.isdigit():
        return first_digit, "digits"
    return start, "lookalike"


# WhatsApp's click-to-chat links hold the number with its country code and no "+":
# "wa.me/4917021528939", "api.whatsapp.com/send?phone=4917021528939".
_LINK_BEFORE_DIALLED = ("wa.me/", "phone=")
_LONGEST_LINK_BEFORE = max(map(len, _LINK_BEFORE_DIALLED))


def _dialled_in_link(text: str, start: int) -> bool:
    return text[max(0, start - _LONGEST_LINK_BEFORE) : start].lower().endswith(_LINK_BEFORE_DIALLED)


def _extend_over_lookalike_letters(text: str, start: int) -> int:
    # "Ol23": the scan starts at the first real digit; take the look-alike letters
    # before it when they begin a word of their own.
    s = start
    while s > 0 and text[s - 1] in LOOKALIKE_CHARS:
        s -= 1
    if s == start or (s > 0 and text[s - 1].isalnum()):
        return start
    return s


def _digits_of(kind: str, token: str) -> str:
    if kind == "keycap":
        return token[0]
    if kind == "weak":
        return _WEAK[token]
    if kind == "spelled":
        return "".join(_spelled_digit(w) for w in _SPELLED_ONE.findall(token))
    return "".join(
        _LETTER_DIGITS.get(c) or _CJK_DIGITS.get(c) or str(unicodedata.digit(c)) for c in token
    )


def _spoken_in(kind: str, written: str, numeral: numerals.Numeral | None = None) -> tuple[str, ...]:
    """The regions of the languages a spelled group's words belong to."""
    if numeral is not None:
        return () if "en" in numeral.languages else _regions_of(numeral.languages)
    if kind == "weak":
        return _regions_of(_WEAK_LANGUAGES.get(written.lower(), ()))
    if kind != "spelled":
        return ()
    words = _SPELLED_ONE.findall(written.lower())
    return tuple(
        dict.fromkeys(region for word in words for region in _REGIONS_OF_WORD.get(word, ()))
    )


def _regions_of(languages: Iterable[str]) -> tuple[str, ...]:
    """Where the languages are spoken, in order, each region once."""
    return tuple(
        dict.fromkeys(region for language in languages for region in _LANGUAGE_REGIONS[language])
    )


def _spelled_digit(word: str) -> str:
    """The digit a lower-cased spelled word stands for: look-alike letters read as
    letters ("f1ve", "5ix"), or else a word led by its own digit ("5ive", "2wo"), which
    never reads as another word that way."""
    return (
        _SPELLED_FORMS.get(word)
        or _SPELLED_FORMS.get(word.translate(_UNLEET))
        # "null": an "l" that is a letter, not a look-alike "1".
        or _SPELLED_FORMS.get(word.translate(_UNLEET_KEEPING_L))
        or word[0]
    )
