"""Number words above nine: "seventy-seven", "quatre-vingt-deux", "cuarenta y cinco".

Phone numbers are read aloud in pairs or triples in much of the world (French and
Italian mobiles in pairs, Romanian in hundreds, Irish and US ads now and then in
tens), and ads write them that way to dodge digit filters: "zéro six, quarante-sept,
quatre-vingt-deux, dix-neuf, trente". Each such numeral is one digit group of two or
three digits in the cluster reader (tokens.py), with its span in the original text.

No library reads number words in these languages back into integers (``num2words``
only writes them, ``word2number`` knows English only), so the grammar is written here:
a numeral is a hundreds part, a tens part, or both, each made of the words below.
What it stands for is their sum, a unit before a hundred word multiplying it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class NumberWords:
    """The words one language writes numbers from ten to 999 with."""

    language: str
    # 1-9, as they follow a tens word or precede a hundred word.
    units: dict[str, int]
    # 10-19, and any word that is a whole tens part (Italian "quarantasei").
    teens: dict[str, int]
    # 20, 30, ... 90.
    tens: dict[str, int]
    # Words that multiply the unit before them by a hundred ("two hundred", "două sute").
    hundred: tuple[str, ...] = ()
    # Whole hundreds in one word ("doscientos", "cent").
    hundreds: dict[str, int] = field(default_factory=dict)
    # The word between parts: "cuarenta y cinco", "vingt et un", "șaizeci și trei".
    conjunctions: tuple[str, ...] = ()


def _joined(tens: dict[str, int], units: dict[str, int], joint: str = "") -> dict[str, int]:
    return {f"{t}{joint}{u}": tv + uv for t, tv in tens.items() for u, uv in units.items()}


def _italian_tens() -> dict[str, int]:
    tens = {
        "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "sessanta": 60,
        "settanta": 70, "ottanta": 80, "novanta": 90,
    }  # fmt: skip
    units = {
        "due": 2,
        "tre": 3,
        "tré": 3,
        "quattro": 4,
        "cinque": 5,
        "sei": 6,
        "sette": 7,
        "nove": 9,
    }
    # "ventuno", "trentotto": the tens word drops its vowel before "uno" and "otto".
    elided = {word[:-1]: value for word, value in tens.items()}
    return {**tens, **_joined(tens, units), **_joined(elided, {"uno": 1, "otto": 8})}


def _german_tens() -> dict[str, int]:
    tens = {
        "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50,
        "fuenfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
    }  # fmt: skip
    units = {
        "ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "fuenf": 5, "sechs": 6,
        "sieben": 7, "acht": 8, "neun": 9,
    }  # fmt: skip
    # "siebenundvierzig": the unit comes first, joined by "und".
    joined = {f"{u}und{t}": uv + tv for u, uv in units.items() for t, tv in tens.items()}
    return {**tens, **joined}


def _dutch_tens() -> dict[str, int]:
    tens = {
        "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
        "zeventig": 70, "tachtig": 80, "negentig": 90,
    }  # fmt: skip
    units = {
        "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
        "zeven": 7, "acht": 8, "negen": 9,
    }  # fmt: skip
    # "zevenenveertig"; after a vowel the joint is written "ën": "tweeëntwintig".
    joined = {
        f"{u}{'ën' if u.endswith('e') else 'en'}{t}": uv + tv
        for u, uv in units.items()
        for t, tv in tens.items()
    }
    return {**tens, **joined}


LANGUAGES: tuple[NumberWords, ...] = (
    NumberWords(
        language="en",
        units={
            "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9,
        },
        teens={
            "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
            "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
        },
        tens={
            "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
            "seventy": 70, "eighty": 80, "ninety": 90,
        },
        hundred=("hundred",),
        conjunctions=("and",),
    ),
    NumberWords(
        language="fr",
        units={
            "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
            "sept": 7, "huit": 8, "neuf": 9,
        },
        teens={
            "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
            "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19,
        },
        # 70, 80 and 90 are "sixty-ten", "four-twenties", "four-twenties-ten"; a teen may
        # follow 60 and 80 ("soixante-dix-neuf", "quatre-vingt-onze").
        tens={
            "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
            "soixante-dix": 70, "quatre-vingt": 80, "quatre-vingts": 80, "quatre-vingt-dix": 90,
            "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
        },
        hundred=("cent", "cents"),
        conjunctions=("et",),
    ),
    NumberWords(
        language="es",
        units={
            "uno": 1, "un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
            "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
        },
        teens={
            "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
            "dieciséis": 16, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18,
            "diecinueve": 19, "veintiuno": 21, "veintiún": 21, "veintidós": 22, "veintidos": 22,
            "veintitrés": 23, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25,
            "veintiséis": 26, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28,
            "veintinueve": 29,
        },
        tens={
            "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
            "setenta": 70, "ochenta": 80, "noventa": 90,
        },
        hundreds={
            "cien": 100, "ciento": 100, "doscientos": 200, "trescientos": 300,
            "cuatrocientos": 400, "quinientos": 500, "seiscientos": 600, "setecientos": 700,
            "ochocientos": 800, "novecientos": 900,
        },
        conjunctions=("y",),
    ),
    NumberWords(
        language="pt",
        units={
            "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5,
            "seis": 6, "meia": 6, "sete": 7, "oito": 8, "nove": 9,
        },
        teens={
            "dez": 10, "onze": 11, "doze": 12, "treze": 13, "catorze": 14, "quatorze": 14,
            "quinze": 15, "dezesseis": 16, "dezasseis": 16, "dezessete": 17, "dezassete": 17,
            "dezoito": 18, "dezenove": 19, "dezanove": 19,
        },
        tens={
            "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60,
            "setenta": 70, "oitenta": 80, "noventa": 90,
        },
        hundreds={
            "cem": 100, "cento": 100, "duzentos": 200, "trezentos": 300,
            "quatrocentos": 400, "quinhentos": 500, "seiscentos": 600, "setecentos": 700,
            "oitocentos": 800, "novecentos": 900,
        },
        conjunctions=("e",),
    ),
    NumberWords(
        language="it",
        units={},
        teens={
            "dieci": 10, "undici": 11, "dodici": 12, "tredici": 13, "quattordici": 14,
            "quindici": 15, "sedici": 16, "diciassette": 17, "diciotto": 18, "diciannove": 19,
            **_italian_tens(),
        },
        tens={},
    ),
    NumberWords(
        language="ro",
        units={
            "unu": 1, "un": 1, "o": 1, "una": 1, "doi": 2, "două": 2, "trei": 3, "patru": 4,
            "cinci": 5, "șase": 6, "șapte": 7, "opt": 8, "nouă": 9,
        },
        teens={
            "zece": 10, "unsprezece": 11, "doisprezece": 12, "douăsprezece": 12,
            "treisprezece": 13, "paisprezece": 14, "cincisprezece": 15, "șaisprezece": 16,
            "șaptesprezece": 17, "optsprezece": 18, "nouăsprezece": 19,
        },
        tens={
            "douăzeci": 20, "treizeci": 30, "patruzeci": 40, "cincizeci": 50, "șaizeci": 60,
            "șaptezeci": 70, "optzeci": 80, "nouăzeci": 90,
        },
        hundred=("sute", "sută"),
        conjunctions=("și",),
    ),
    NumberWords(
        language="de",
        units={},
        teens={
            "zehn": 10, "elf": 11, "zwölf": 12, "zwoelf": 12, "dreizehn": 13, "vierzehn": 14,
            "fünfzehn": 15, "fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18,
            "neunzehn": 19, **_german_tens(),
        },
        tens={},
    ),
    NumberWords(
        language="nl",
        units={},
        teens={
            "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
            "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
            **_dutch_tens(),
        },
        tens={},
    ),
    # Russian reads a number in hundreds and pairs: "восемь девятьсот шестнадцать
    # четыреста семьдесят три двадцать один ноль восемь".
    NumberWords(
        language="ru",
        units={
            "один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5,
            "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
        },
        teens={
            "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
            "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17,
            "восемнадцать": 18, "девятнадцать": 19,
        },
        tens={
            "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60,
            "семьдесят": 70, "восемьдесят": 80, "девяносто": 90,
        },
        hundreds={
            "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500,
            "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
        },
    ),
    NumberWords(
        language="pl",
        units={
            "jeden": 1, "dwa": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6,
            "siedem": 7, "osiem": 8, "dziewięć": 9,
        },
        teens={
            "dziesięć": 10, "jedenaście": 11, "dwanaście": 12, "trzynaście": 13,
            "czternaście": 14, "piętnaście": 15, "szesnaście": 16, "siedemnaście": 17,
            "osiemnaście": 18, "dziewiętnaście": 19,
        },
        tens={
            "dwadzieścia": 20, "trzydzieści": 30, "czterdzieści": 40, "pięćdziesiąt": 50,
            "sześćdziesiąt": 60, "siedemdziesiąt": 70, "osiemdziesiąt": 80,
            "dziewięćdziesiąt": 90,
        },
        hundreds={
            "sto": 100, "dwieście": 200, "trzysta": 300, "czterysta": 400, "pięćset": 500,
            "sześćset": 600, "siedemset": 700, "osiemset": 800, "dziewięćset": 900,
        },
    ),
)  # fmt: skip


def _plain(word: str) -> str:
    """The word without its diacritics, as ads typed on phones often write it
    ("douazeci", "sase"); Romanian's cedilla letters ("şase") fold the same way."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _with_plain_forms(words: dict[str, int]) -> dict[str, int]:
    return {**words, **{_plain(word): value for word, value in words.items()}}


# One separator inside a numeral: a space or a hyphen ("quatre-vingt-deux", "dix neuf").
_JOINT = r"(?:[ \u00a0]?[-\u2010\u2011][ \u00a0]?|[ \u00a0])"
_NO_LETTER_NEXT = r"(?![^\W\d_])"


def _alternation(words: set[str]) -> str:
    """The words, grouped by first letter so that a position costs one comparison per
    letter, not per word; longest first in each group, so "soixante-dix" is tried
    before "soixante"; a hyphen inside a word written as any joint."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=lambda w: (-len(w), w)):
        groups.setdefault(word[0], []).append(word)
    branches = {
        first: re.escape(first)
        + "(?:"
        + "|".join(_JOINT.join(re.escape(part) for part in w[1:].split("-")) for w in group)
        + ")"
        for first, group in groups.items()
    }
    return f"(?:{'|'.join(ascii_led_first(branches))}){_NO_LETTER_NEXT}"


def ascii_led_first(branches: dict[str, str]) -> list[str]:
    """An alternation's branches by their first letter: those led by an ASCII letter,
    then the others ("восемь", "șase") behind one class test of their first letters, so
    that on an ASCII letter the engine skips them all at once instead of each in turn."""
    ascii_led = [branch for first, branch in branches.items() if first.isascii()]
    others = {first: branch for first, branch in branches.items() if not first.isascii()}
    if not others:
        return ascii_led
    first_letters = "".join(dict.fromkeys(c for first in others for c in (first, first.upper())))
    return [*ascii_led, f"(?=[{first_letters}])(?:{'|'.join(others.values())})"]


@dataclass(frozen=True)
class _Grammar:
    """One language's words, with the forms without diacritics, to read numerals by."""

    language: str
    units: dict[str, int]
    teens: dict[str, int]
    tens: dict[str, int]
    hundreds: dict[str, int]
    hundred: frozenset[str]
    conjunctions: frozenset[str]

    @property
    def values(self) -> dict[str, int]:
        return {**self.units, **self.teens, **self.tens, **self.hundreds}

    @property
    def leads(self) -> frozenset[str]:
        """The words a numeral can open with, but a single digit cannot."""
        return frozenset(w.split("-")[0] for w in (*self.teens, *self.tens, *self.hundreds))

    @property
    def units_before_hundred(self) -> frozenset[str]:
        """A unit opens a numeral only before a hundred word ("two hundred")."""
        return frozenset(self.units if self.hundred else ())


def _grammar(words: NumberWords) -> _Grammar:
    return _Grammar(
        language=words.language,
        units=_with_plain_forms(words.units),
        teens=_with_plain_forms(words.teens),
        tens=_with_plain_forms(words.tens),
        hundreds=_with_plain_forms(words.hundreds),
        hundred=frozenset({*words.hundred, *map(_plain, words.hundred)}),
        conjunctions=frozenset({*words.conjunctions, *map(_plain, words.conjunctions)}),
    )


def _pattern(grammars: tuple[_Grammar, ...]) -> str:
    """One pattern for every language's numerals: each part is the union of the
    languages' words for it, which costs one pass over the words where a pattern per
    language would cost nine. It also matches numerals no language writes ("vingt
    cinco"); read() turns those away."""
    units = {w for g in grammars for w in g.units}
    teens = _alternation({w for g in grammars for w in g.teens})
    tens = _alternation({w for g in grammars for w in g.tens})
    hundreds = _alternation({w for g in grammars for w in g.hundreds})
    unit = _alternation(units)
    joint = f"{_JOINT}(?:{_alternation({w for g in grammars for w in g.conjunctions})}{_JOINT})?"
    before_hundred = _alternation({w for g in grammars for w in g.units_before_hundred})
    hundred = _alternation({w for g in grammars for w in g.hundred})
    tens_part = f"(?:{tens}(?:{joint}(?:{teens}|{unit}))?|{teens})"
    hundreds_part = f"(?:{before_hundred}{_JOINT}{hundred}|{hundreds})"
    return f"(?:{hundreds_part}(?:{joint}(?:{tens_part}|{unit}))?|{tens_part})"


_GRAMMARS = tuple(_grammar(words) for words in LANGUAGES)

# "oh seven nine double one": British, Irish, Indian and Australian numbers say a digit
# twice or three times this way.
_REPEATS = {"double": 2, "triple": 3}
_REPEATED_DIGITS = {
    "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_REPEATED = f"{_alternation(set(_REPEATS))}{_JOINT}{_alternation(set(_REPEATED_DIGITS))}"


def _openings(length: int, joint: str, grammars: tuple[_Grammar, ...]) -> frozenset[str]:
    """How numerals begin: the first ``length`` characters of a tens, teen or hundreds
    word (more where a single digit's word begins so too: "sevent" of "seventy", not
    "sev" of "seven"), or a unit with the first letter of the hundred word after it
    ("o s" of "o sută"; "three weeks" is no numeral, and this says so before any grammar
    is tried)."""
    units = {u for g in _GRAMMARS for u in g.units}
    return frozenset(
        {_beyond_units(w, length, units) for g in grammars for w in g.leads}
        | {f"{u}{joint}{h[0]}" for g in grammars for u in g.units_before_hundred for h in g.hundred}
    )


def _beyond_units(word: str, length: int, units: set[str]) -> str:
    """The shortest start of ``word``, ``length`` characters at least, that no unit's
    word begins with: the cluster reader tries a single spelled digit at every "seven"
    anyway, and a numeral there would cost one more attempt for nothing."""
    for end in range(length, len(word) + 1):
        if not any(unit.startswith(word[:end]) for unit in units):
            return word[:end]
    return word


def _opens_numbers(grammar: _Grammar) -> _Grammar:
    """The words that may open a number read aloud: an area code read as one numeral
    ("(onze) nove ...", "cuarenta y cinco ..."). Not English, German or Dutch, whose
    numbers are read digit by digit from the start; no three-letter word ("ten", "dix",
    "sto"), each the start of too many words of prose to try a numeral at."""
    if grammar.language in ("en", "de", "nl"):
        return replace(grammar, teens={}, tens={}, hundreds={}, hundred=frozenset())
    return replace(
        grammar,
        teens={w: v for w, v in grammar.teens.items() if len(w) > 3},
        tens={w: v for w, v in grammar.tens.items() if len(w) > 3},
        hundreds={w: v for w, v in grammar.hundreds.items() if len(w) > 3},
    )


# Where the cluster reader (tokens.py) looks for a numeral opening a cluster, as its
# skeleton of the text writes them (every joint a space).
OPENINGS = _openings(4, " ", tuple(map(_opens_numbers, _GRAMMARS)))
# How every numeral begins, three characters of it ("twe", "qua", "o s" of "o sută"; four
# of "doub"le and "trip"le, whose three open "doubt" and "trial"):
# tried first, it turns most words away at one or two comparisons, where the
# languages' grammars would each be tried.
_GUARD = _alternation(
    {*_openings(3, "-", _GRAMMARS), *(word[:4] for word in _REPEATS)}
).removesuffix(_NO_LETTER_NEXT)
# The characters a numeral may begin with, both cases.
FIRST_LETTERS = "".join(
    sorted({c for w in _openings(1, "", _GRAMMARS) for c in (w[0], w[0].upper())})
)
# Any language's numeral, case-insensitive, behind a look-ahead for its first letter:
# where a digit follows, one comparison skips it. Tried before single spelled digits,
# so "quatre-vingt-deux" is 82, not 4 and 2 with a filler word between.
NUMERAL = f"(?=[{FIRST_LETTERS}])(?=(?i:{_GUARD}))(?i:{_REPEATED}|{_pattern(_GRAMMARS)})"
# The words no single digit opens with: a filler word between digit groups must not be
# one of them ("+971 fifty-two" is 52, not a filler and a 2).
NUMERAL_LEAD = (
    f"(?=(?i:{_GUARD}))(?i:" + _alternation({w for g in _GRAMMARS for w in g.leads}) + ")"
)

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Numeral:
    digits: str
    # Every language whose words make it up ("onze": French and Portuguese).
    languages: tuple[str, ...]


def read(written: str) -> Numeral | None:
    """The number a numeral matched by NUMERAL stands for, and its languages:
    "quatre-vingt-deux" -> 82, fr."""
    words = [w.lower() for w in _WORD.findall(written)]
    if len(words) == 2 and words[0] in _REPEATS:
        return Numeral(_REPEATED_DIGITS[words[1]] * _REPEATS[words[0]], ("en",))
    values = {g.language: _value(words, g) for g in _GRAMMARS}
    readings = {value for value in values.values() if value is not None}
    if len(readings) != 1:
        return None  # no language's numeral, or one that two languages read apart
    languages = tuple(language for language, value in values.items() if value is not None)
    return Numeral(str(readings.pop()), languages)


def _value(words: list[str], grammar: _Grammar) -> int | None:
    total = 0
    last = 1000
    index = 0
    while index < len(words):
        # The longest run of words that is one entry ("quatre-vingt-dix", "dix-neuf").
        for length in (3, 2, 1):
            entry = "-".join(words[index : index + length])
            if len(words) - index >= length and (
                entry in grammar.values or entry in grammar.hundred or entry in grammar.conjunctions
            ):
                break
        else:
            return None
        index += length
        if entry in grammar.conjunctions:
            continue
        if entry in grammar.hundred and 0 < total < 10:
            total *= 100  # "deux cents", "două sute"
            last = total
        elif entry in grammar.values:
            value = grammar.values[entry]
            if value >= last:
                return None  # each part smaller than the one before: not "four ten"
            total += value
            last = value
        else:
            return None
    return total if 10 <= total <= 999 else None
