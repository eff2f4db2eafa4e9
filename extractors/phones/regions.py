"""The countries a page is about, for numbers written the national way.

A UK ad writes "07911 123456" and a Spanish one "612 34 56 78": no country code, and
neither is a number in the site's default region. When a run of digits reads as no
number there, the page's own words say which regions to try next: the cities,
countries and currencies it names. A region counts when the page names it twice, or
once with its currency, so that one "London" on an American page does not turn an
American page's digits into British numbers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import phonenumbers

from extractors.base import Match
from extractors.lines import line_near

# Lower-case words and symbols per region. Cities an escort or vendor page names.
_WORDS: dict[str, tuple[str, ...]] = {
    # Never "us" (a pronoun) or "america" (a continent too).
    "US": (
        "usa", "u.s.", "new york", "nyc", "los angeles", "houston", "dallas", "miami",
        "chicago", "atlanta", "las vegas", "vegas", "phoenix", "seattle", "boston", "denver",
        "austin", "san diego", "san francisco", "orlando", "tampa", "philadelphia", "detroit",
        "texas", "california", "florida", "nevada", "arizona", "new jersey", "ohio",
    ),
    "GB": (
        "uk", "united kingdom", "england", "scotland", "wales", "britain", "british", "london",
        "manchester", "birmingham", "leeds", "liverpool", "glasgow", "edinburgh", "bristol",
        "sheffield", "newcastle", "nottingham", "leicester", "cardiff", "belfast", "brum",
    ),
    "IE": ("ireland", "irish", "dublin", "cork", "galway"),
    "DE": (
        "germany", "deutschland", "berlin", "münchen", "munich", "hamburg", "frankfurt",
        "köln", "cologne", "düsseldorf", "stuttgart",
    ),
    "AT": ("austria", "österreich", "wien", "vienna", "graz", "salzburg"),
    "CH": ("switzerland", "schweiz", "suisse", "zürich", "zurich", "genève", "geneva", "chf"),
    "FR": ("france", "paris", "lyon", "marseille", "toulouse", "bordeaux"),
    "BE": ("belgium", "belgique", "belgië", "bruxelles", "brussels", "antwerpen"),
    "NL": ("netherlands", "nederland", "holland", "amsterdam", "rotterdam", "utrecht"),
    "ES": (
        "spain", "españa", "espana", "madrid", "barcelona", "valencia", "sevilla", "málaga",
        "malaga", "marbella", "ibiza", "bilbao",
    ),
    "PT": ("portugal", "lisboa", "lisbon", "porto"),
    "IT": ("italy", "italia", "roma", "rome", "milano", "milan", "napoli", "torino", "firenze"),
    "BR": ("brasil", "brazil", "são paulo", "sao paulo", "rio de janeiro", "belo horizonte"),
    "AR": ("argentina", "buenos aires", "córdoba", "rosario"),
    "CO": ("colombia", "medellín", "medellin", "bogotá", "bogota", "cali", "cartagena"),
    "MX": ("méxico", "mexico", "cdmx", "guadalajara", "monterrey", "tijuana", "cancún", "cancun"),
    "AU": ("australia", "sydney", "melbourne", "brisbane", "perth", "adelaide"),
    "AE": ("dubai", "uae", "abu dhabi", "sharjah", "aed", "dirham", "دبي", "أبوظبي", "الشارقة"),
    "TH": ("thailand", "bangkok", "pattaya", "phuket", "chiang mai", "baht", "thb"),
    "PH": ("philippines", "manila", "makati", "cebu", "pasay", "quezon", "angeles city"),
    "RU": ("russia", "россия", "moscow", "москва", "petersburg", "питер", "рублей", "руб"),
    "UA": ("ukraine", "україна", "kyiv", "kiev", "київ", "odesa", "odessa", "kharkiv", "грн"),
    "PL": ("poland", "polska", "warsaw", "warszawa", "kraków", "krakow", "wrocław", "zł", "pln"),
    "CZ": ("czech", "czechia", "prague", "praha", "brno", "kč", "czk"),
    "TR": ("turkey", "türkiye", "istanbul", "ankara", "antalya", "izmir"),
    "JP": ("japan", "tokyo", "osaka", "kyoto", "shinjuku", "jpy"),
    "KR": ("korea", "seoul", "busan", "gangnam", "krw"),
    "HK": ("hong kong", "kowloon", "hkd"),
    "SG": ("singapore", "sgd"),
    "MY": ("malaysia", "kuala lumpur", "penang", "ringgit", "myr"),
    "ID": ("indonesia", "jakarta", "bali", "surabaya", "rupiah", "idr"),
    "IN": ("india", "mumbai", "delhi", "bangalore", "bengaluru", "kolkata", "rupees", "inr"),
    "ZA": ("south africa", "johannesburg", "cape town", "durban", "pretoria", "zar"),
    "NG": (
        "nigeria", "nigerian", "nigerians", "naija", "lagos", "abuja", "ikeja", "ibadan",
        "benin city", "port harcourt", "naira", "ngn",
    ),
    "KE": (
        "kenya", "kenyan", "kenyans", "nairobi", "mombasa", "kisumu", "eldoret", "nakuru",
        "kes", "ksh",
    ),
    "GH": ("ghana", "ghanaian", "accra", "kumasi", "cedis", "ghs"),
    "UG": ("uganda", "ugandan", "kampala", "ugx"),
    "TZ": ("tanzania", "dar es salaam", "zanzibar", "tzs"),
    "VN": (
        "vietnam", "việt nam", "viet nam", "vietnamese", "hanoi", "hà nội", "ha noi",
        "saigon", "sài gòn", "sai gon", "ho chi minh", "hcmc", "đà nẵng", "da nang", "vnd",
        "zalo",
    ),
    "KH": ("cambodia", "phnom penh", "siem reap", "khr"),
    "CN": ("china", "beijing", "shanghai", "guangzhou", "shenzhen", "rmb", "cny"),
    "TW": ("taiwan", "taipei", "twd"),
    "RO": (
        "romania", "românia", "romanian", "bucurești", "bucuresti", "bucharest", "iași",
        "iasi", "cluj", "timișoara", "timisoara", "constanța", "constanta",
    ),
    "MD": ("moldova", "chișinău", "chisinau", "mdl"),
    "BG": ("bulgaria", "българия", "софия", "varna", "plovdiv", "лв"),
    "HU": ("hungary", "magyarország", "budapest", "huf", "forint"),
    "GR": ("greece", "ελλάδα", "athens", "αθήνα", "thessaloniki"),
    "RS": ("serbia", "srbija", "belgrade", "beograd", "rsd"),
    "AL": ("albania", "shqipëri", "tirana", "tiranë"),
    "SE": ("sweden", "sverige", "stockholm", "göteborg", "malmö", "sek"),
    "NO": ("norway", "norge", "oslo", "bergen", "nok"),
    "DK": ("denmark", "danmark", "copenhagen", "københavn", "dkk"),
    "FI": ("finland", "suomi", "helsinki"),
    "IL": ("israel", "tel aviv", "jerusalem", "shekel", "shekels"),
    "MA": ("morocco", "maroc", "casablanca", "marrakech", "rabat"),
    "EG": ("egypt", "cairo", "alexandria", "egp", "مصر", "القاهرة"),
    "SA": ("saudi", "riyadh", "jeddah", "riyal", "riyals", "الرياض", "جدة", "السعودية", "ريال"),
    "QA": ("qatar", "doha", "qar", "الدوحة", "قطر"),
    "VE": ("venezuela", "caracas", "maracaibo", "bolívares"),
    "EC": ("ecuador", "quito", "guayaquil"),
    "GT": ("guatemala", "quetzales"),
    "PY": ("paraguay", "asunción", "asuncion"),
    "UY": ("uruguay", "montevideo"),
    "BO": ("bolivia", "la paz", "santa cruz de la sierra"),
    "CL": ("chile", "santiago de chile", "valparaíso", "clp"),
    "PE": ("peru", "perú", "lima", "cusco", "soles"),
}  # fmt: skip
# A currency sign or a flag names its country by itself, and counts as much as two
# place names.
_CURRENCIES: dict[str, str] = {
    "£": "GB",
    "r$": "BR",
    "฿": "TH",
    "₱": "PH",
    "₽": "RU",
    "₴": "UA",
    "₺": "TR",
    "₹": "IN",
    "₦": "NG",
    "₫": "VN",
    "₵": "GH",
    "₪": "IL",
    "₸": "KZ",
    # Written in Arabic after the amount: "4500 ريال" (Saudi riyal), "درهم" (dirham).
    "ريال": "SA",
    "ر.س": "SA",
    "درهم": "AE",
    "د.إ": "AE",
}
# Mobile carriers that serve one country: a number's carrier on its line says whose it
# is ("0905 129 1287 (Globe/Viber)"). Counted as the country's places are.
_CARRIERS: dict[str, tuple[str, ...]] = {
    "PH": ("globe", "tnt"),
    "KE": ("safaricom",),
    "MX": ("telcel",),
    "UA": ("kyivstar", "lifecell"),
    "TR": ("turkcell",),
    "IN": ("jio",),
    "VN": ("viettel", "mobifone", "vinaphone"),
    "TH": ("dtac",),
    "ID": ("telkomsel",),
    "MY": ("maxis", "celcom"),
    "QA": ("ooredoo",),
}
# Currency codes count only written in capitals, after an amount ("$250.000 COP",
# "1.500 MXN"): "cop" and "ars" are words too.
_CODE_REGIONS = {
    "MXN": "MX",
    "COP": "CO",
    "ARS": "AR",
    "BRL": "BR",
    "AED": "AE",
    "CHF": "CH",
    "GBP": "GB",
    "RON": "RO",
    "VND": "VN",
    "KES": "KE",
    "NGN": "NG",
    "PHP": "PH",
    "THB": "TH",
    "SAR": "SA",
    "QAR": "QA",
    "KWD": "KW",
    "OMR": "OM",
    "BHD": "BH",
    "EGP": "EG",
    "MAD": "MA",
}
_CURRENCY_CODE = re.compile(rf"\d[\d.,]*\s?({'|'.join(_CODE_REGIONS)})\b")
# The euro names no country by itself, but makes one more mention of a euro country the
# page names already ("Madrid ... 120€").
_EURO_REGIONS = frozenset({"DE", "AT", "FR", "BE", "NL", "ES", "PT", "IT", "IE"})
_FLAGS: dict[str, str] = {
    chr(0x1F1E6 + ord(region[0]) - ord("A")) + chr(0x1F1E6 + ord(region[1]) - ord("A")): region
    for region in _WORDS
}

_WORD = re.compile(r"[^\W\d_]+")
_REGION_OF = {
    word: region
    for names in (_WORDS, _CARRIERS)
    for region, words in names.items()
    for word in words
}
_ONE_WORD_PLACES = frozenset(word for word in _REGION_OF if _WORD.fullmatch(word))
_SEVERAL_WORD_PLACES = tuple(word for word in _REGION_OF if word not in _ONE_WORD_PLACES)


def page_regions(
    text: str,
    default_region: str,
    dialled_regions: Iterable[str] = (),
    counts: Counter[str] | None = None,
    by_writing: bool = True,
) -> tuple[str, ...]:
    """Regions other than the default that the page names clearly, most named first,
    then (``by_writing``) those its script and language say.

    ``dialled_regions``: the countries of the page's numbers written with a country
    code, one mention each ("+49 176 ..." and "Hamburg" name Germany twice).
    ``counts``: the page's region_counts, if the caller has them already."""
    mentions = Counter(region_counts(text) if counts is None else counts)
    mentions.update(dialled_regions)
    named = [
        region
        for region, count in mentions.most_common()
        if count >= 2 and region != default_region
    ]
    if not by_writing:
        return tuple(named)
    return tuple(dict.fromkeys((*named, *_written_regions(text, default_region))))


def regions_named_once(counts: Counter[str], default_region: str) -> tuple[str, ...]:
    """Regions the page names once only ("NEW to Sydney"): too little to read any run of
    digits there, enough for one with a trunk "0" that is no number at home."""
    return tuple(
        region for region, count in counts.most_common() if count == 1 and region != default_region
    )


# Where a page written in a script of few countries is from, when it names no place:
# a Greek ad's "694 3Β1 22Ο7" is Greek, a Ukrainian recruiter's "067 ..." Ukrainian.
_SCRIPTS = re.compile(
    "(?P<greek>[\u0370-\u03ff]+)|(?P<cyrillic>[\u0400-\u04ff]+)|(?P<thai>[\u0e00-\u0e7f]+)"
    "|(?P<hebrew>[\u0590-\u05ff]+)|(?P<hangul>[\uac00-\ud7af]+)|(?P<kana>[\u3040-\u30ff]+)"
    "|(?P<georgian>[\u10a0-\u10ff]+)|(?P<armenian>[\u0530-\u058f]+)|(?P<han>[\u4e00-\u9fff]+)"
)
_SCRIPT_REGIONS = {
    "greek": ("GR", "CY"),
    # Not Bulgaria's or Serbia's: a page in Bulgarian names its country, and each more
    # region tried is one more chance that some other identifier is a valid number.
    "cyrillic": ("RU", "UA", "BY", "KZ"),
    "thai": ("TH",),
    "hebrew": ("IL",),
    "hangul": ("KR",),
    "kana": ("JP",),
    "georgian": ("GE",),
    "armenian": ("AM",),
    "han": ("CN", "TW", "HK"),
}
# Letters of a script a page is written in, not a word or a name quoted in it. Greek
# and Cyrillic letters turn up in other pages (a formula, a quoted name); a few letters
# of the others are their language already.
_SCRIPT_LETTERS = {"greek": 20, "cyrillic": 20}
_FEW_LETTERS = 5


@lru_cache(maxsize=4)
def _written_regions(text: str, default_region: str) -> tuple[str, ...]:
    """Where the page is from by how it is written: its script, its language's own
    letters, then its language's common words. Read once a page: a page whose numbers
    take both the "elsewhere" and the national path is asked twice or three times."""
    spoken = [region for region in _spoken_regions(text) if region != default_region]
    return (*_script_regions(text, default_region), *spoken)


def _script_regions(text: str, default_region: str) -> list[str]:
    if text.isascii():
        return []
    letters: Counter[str] = Counter()
    for run in _SCRIPTS.finditer(text):
        letters[run.lastgroup or ""] += run.end() - run.start()
    if letters["kana"]:
        letters["han"] = 0  # Japanese writes kanji among its kana: a Japanese page
    found = [
        region
        for script, count in letters.most_common()
        if count >= _SCRIPT_LETTERS.get(script, _FEW_LETTERS)
        for region in (_cyrillic_regions(text) if script == "cyrillic" else _SCRIPT_REGIONS[script])
        if region != default_region
    ]
    return found + [region for region in _language_regions(text) if region != default_region]


# Cyrillic letters one language writes: Ukrainian's "ї є ґ", Serbian's and Macedonian's
# "ђ ћ џ љ њ ј". Bulgarian writes "ъ" inside words and never Russian's "ы э ё".
_UKRAINIAN_LETTERS = re.compile("[їєґЇЄҐ]")
_SERBIAN_LETTERS = re.compile("[ђћџљњјЂЋЏЉЊЈ]")
_RUSSIAN_ONLY_LETTERS = re.compile("[ыэёЫЭЁ]")
_BULGARIAN_HARD_SIGN = re.compile("[а-я]ъ[а-я]")


def _cyrillic_regions(text: str) -> tuple[str, ...]:
    """Where a page in Cyrillic is from, by the letters only one of its languages writes."""
    own: tuple[str, ...] = ()
    if _UKRAINIAN_LETTERS.search(text):
        own = ("UA",)
    elif _SERBIAN_LETTERS.search(text):
        own = ("RS", "MK", "BA", "ME")
    elif _BULGARIAN_HARD_SIGN.search(text) and not _RUSSIAN_ONLY_LETTERS.search(text):
        own = ("BG",)
    return tuple(dict.fromkeys((*own, *_SCRIPT_REGIONS["cyrillic"])))


# Letters only one language (or a few of one region) writes: a Turkish ad that names
# only its district ("ŞİŞLİ - MECİDİYEKÖY ... 0539 624 98 38") is from Turkey, a Czech
# one from Czechia. Letters many languages share (č, š, ñ, ä) say nothing.
_LANGUAGE_LETTERS = {
    "ıİğĞ": ("TR", "AZ"),
    "řŘůŮěĚ": ("CZ",),
    "ľĽĺĹŕŔ": ("SK",),
    "łŁżŻśŚźŹ": ("PL",),
    "țȚșȘ": ("RO", "MD"),
    "őŐűŰ": ("HU",),
    # Vietnamese's horned vowels and the tone-marked vowels only it writes (U+1EA0 to
    # U+1EF9); not its "đ", which Serbo-Croatian writes too ("Đorđe").
    "ơƠưƯ" + "".join(map(chr, range(0x1EA0, 0x1EFA))): ("VN",),
    "ãõÃÕ": ("BR", "PT"),
    "øØæÆ": ("NO", "DK"),
    "åÅ": ("SE", "NO", "DK", "FI"),
    "ß": ("DE", "AT", "CH"),
}
_LANGUAGE_LETTER = re.compile("[" + "".join(_LANGUAGE_LETTERS) + "]")
_REGIONS_OF_LETTER = {
    letter: regions for letters, regions in _LANGUAGE_LETTERS.items() for letter in letters
}
# A name or a word quoted from another language has one or two.
_FEWEST_LANGUAGE_LETTERS = 3


def _language_regions(text: str) -> list[str]:
    """Where the page's language is written, by its own letters, most letters first."""
    counts: Counter[tuple[str, ...]] = Counter(
        _REGIONS_OF_LETTER[letter] for letter in _LANGUAGE_LETTER.findall(text)
    )
    return [
        region
        for regions, count in counts.most_common()
        if count >= _FEWEST_LANGUAGE_LETTERS
        for region in regions
    ]


# Letters with accents and other scripts: a page in English has (nearly) none.
_NOT_ENGLISH = re.compile(r"[À-ÖØ-öø-ɏͰ-ӿ]")
# Common words of the languages the ads are written in that are no English words, and
# English's own: a page whose letters are all ASCII ("Su WhatsApp mi scrive dal numero
# 336 282 7395") shows its language in them. Counted from one Counter of the page's words.
_WORDS_OF_LANGUAGE = {
    # "anni": an Italian ad gives her age in them ("22 anni").
    "it": "il che di per non sono della una mi ho anche anni nostre tutte",
    "es": "que los las del para por es con el muy",
    "pt": "não com uma você os do da",
    # Not "je": Czech, Slovak and Serbo-Croatian's "is" too.
    "fr": "les des est pour avec une dans vous pas",
    "de": "und der das ist nicht mit ich sie",
    "nl": "het een niet voor zijn ook van",
    # Malay and Indonesian.
    "ms": "yang dan untuk dengan ada tidak saya boleh sini",
}
_LANGUAGE_WORDS = {
    language: frozenset(words.split()) for language, words in _WORDS_OF_LANGUAGE.items()
}
_OTHER_LANGUAGES_WORDS = frozenset().union(*_LANGUAGE_WORDS.values())
# Where a page in one of those languages is from, when it names no country. Not Spanish:
# a Spanish page in the United States is as common as one in any Spanish-speaking
# country, and its numbers are the default region's.
_LANGUAGE_WORD_REGIONS = {
    "it": ("IT", "CH"),
    "pt": ("BR", "PT"),
    "fr": ("FR", "BE", "CH"),
    "de": ("DE", "AT", "CH"),
    "nl": ("NL", "BE"),
    "ms": ("MY", "ID"),
}
_ENGLISH_WORDS = frozenset("the and you for with is are to of in".split())
_FEWEST_OTHER_WORDS = 3


@lru_cache(maxsize=4)
def _page_words(text: str) -> Counter[str]:
    """The page's words between white space, lower-cased and counted at C speed, once a
    page however often its language is asked. Only words standing alone count: "do" in
    "shop_do,created" or an e-mail's "da" is no Portuguese."""
    return Counter(text.lower().split())


def _how_many(words: Counter[str], vocabulary: frozenset[str]) -> int:
    return sum(words[word] for word in vocabulary & words.keys())


def _in_another_language(text: str) -> bool:
    if not text.isascii() and _NOT_ENGLISH.search(text) is not None:
        return True
    words = _page_words(text)
    others = _how_many(words, _OTHER_LANGUAGES_WORDS)
    return others >= _FEWEST_OTHER_WORDS and others > _how_many(words, _ENGLISH_WORDS)


def _spoken_regions(text: str) -> list[str]:
    """Where the language whose common words the page uses most is spoken, if it uses
    them more than English's (see _LANGUAGE_WORD_REGIONS)."""
    words = _page_words(text)
    counts = {
        language: _how_many(words, vocabulary) for language, vocabulary in _LANGUAGE_WORDS.items()
    }
    language = max(counts, key=counts.__getitem__)
    if counts[language] < _FEWEST_OTHER_WORDS:
        return []
    if counts[language] <= _how_many(words, _ENGLISH_WORDS):
        return []
    return list(_LANGUAGE_WORD_REGIONS.get(language, ()))


def page_elsewhere(text: str, default_region: str) -> tuple[str, ...]:
    """The regions a page is about when it is about another country only: written in
    another language (accents, another script, its common words), naming that country
    and the default region never. Its unprefixed numbers are read there first: "tre quattro
    sette / 2 1 8 / ..." on a Milan page is an Italian mobile, though also a valid
    New York number. (An English page is left alone: counting its places costs more
    than the rest of the phone family on that page.)"""
    if not _in_another_language(text):
        return ()
    counts = region_counts(text)
    if counts[default_region]:
        return ()
    # Named once is enough here: the language has said already that the page is foreign.
    # A page that names no country may still say where by its letters.
    named = [region for region, _ in counts.most_common()]
    return tuple(dict.fromkeys((*named, *_written_regions(text, default_region))))


def region_counts(text: str) -> Counter[str]:
    """How often the page names each region: its places, currencies and flags. Each
    count reads the whole page: callers that need it twice count once."""
    lowered = text.lower()
    # Counting the page's words at C speed; a pattern of every place name tried at
    # every position costs several times as much.
    words = Counter(_WORD.findall(lowered))
    counts: Counter[str] = Counter()
    for place in _ONE_WORD_PLACES & words.keys():
        counts[_REGION_OF[place]] += words[place]
    for place in _SEVERAL_WORD_PLACES:
        if place in lowered:
            counts[_REGION_OF[place]] += lowered.count(place)
    for symbol, region in (*_CURRENCIES.items(), *_FLAGS.items()):
        if symbol in lowered:
            counts[region] += 2
    for code in _CURRENCY_CODE.findall(text):
        counts[_CODE_REGIONS[code]] += 2
    if "€" in text or "eur" in words:
        for region in _EURO_REGIONS & counts.keys():
            counts[region] += 1
    return counts


# A number's own line may say which country it belongs to, more precisely than the
# page: a flag before it ("🇻🇳 VN: Zalo 0908 441 273" on a page that names three
# countries) or a country code in brackets after it ("0757 318 902 (RO sim)").
_LINE_LOOKBACK = 80
_FLAG = re.compile("[\U0001f1e6-\U0001f1ff]{2}")
_CODE_AFTER = re.compile(
    r"[ \t]*\([ \t]*([A-Z]{2})(?:[ \t]+(?i:sim|number|no\.?|mobile|cell|line|whatsapp))?[ \t]*\)"
)
# Two capitals in brackets that are English words more often than countries.
_CODES_THAT_ARE_WORDS = frozenset({"AM", "AS", "AT", "BE", "BY", "DO", "ID", "IN", "IS", "IT"}) | (
    frozenset({"ME", "MY", "NO", "PM", "SO", "TO"})
)
_REGIONS = frozenset(phonenumbers.SUPPORTED_REGIONS)


def line_regions(text: str, start: int, end: int, trunk: bool) -> tuple[str, ...]:
    """Regions the line of the number at text[start:end] names for it: flags before it
    on its line (the nearest first), a bracketed country code right after it, then the
    places the line names after it ("0161 496 0239 (English number, from Manchester)")
    and, for a number written with a trunk "0", before it too ("Ships from London.
    Text 07911 123456"): digits without one are too often some other identifier."""
    line_start, line_end = line_near(text, start, end, _LINE_LOOKBACK)
    flags = [_flag_region(flag.group()) for flag in _FLAG.finditer(text, line_start, start)]
    regions = flags[::-1]
    code = _CODE_AFTER.match(text, end)
    if code is not None and code[1] not in _CODES_THAT_ARE_WORDS:
        regions.append(code[1])
    regions += _places(text[end:line_end].lower())
    if trunk:
        regions += _places(text[line_start:start].lower())[::-1]  # the nearest first
    if not regions and line_start > 0:
        # A listing's entries open with their place on a line of its own, after a bullet
        # or an emoji: "💃 Lima (Miraflores): Kiara 🇻🇪" over "📲 WhatsApp: 9️⃣8️⃣7️⃣ ...".
        # Its flags are the lady's, not the number's; its places are where she works.
        # A title above ("PRACA 🇩🇪 Niemcy, Berlin.", "Jobs in Italy") names where the
        # work is, not whose number it is.
        above_start = text.rfind("\n", max(0, line_start - 1 - _LINE_LOOKBACK), line_start - 1)
        above = text[above_start + 1 : line_start - 1]
        if _ENTRY_OPENING.match(above):
            regions += _places(above.lower())
    return tuple(region for region in dict.fromkeys(regions) if region in _REGIONS)


# A row of a table or CSV with a cell of its own for the country, as exported phone
# books and customer lists have: "Ivan,RU,89161234567", "Ana | Moldova | 069 123 456".
_CELL_DELIMITERS = (",", "\t", ";", "|")
_ROW_REACH = 160


def row_region(text: str, start: int) -> str | None:
    """The region a country cell of the number's row names: an ISO code, a country's
    or a city's name, alone in its cell."""
    # Only the stretch of a row near the number: a page of one long line with many
    # numbers would otherwise be read whole for each of them.
    line_start, line_end = line_near(text, start, start, _ROW_REACH)
    line = text[line_start:line_end]
    delimiter = max(_CELL_DELIMITERS, key=line.count)
    if line.count(delimiter) < 2:
        return None
    for cell in line.split(delimiter):
        cell = cell.strip().strip("\"'")
        if len(cell) == 2 and cell.isupper() and cell in _REGIONS:
            return cell
        region = _REGION_OF.get(cell.lower())
        if region is not None and region in _REGIONS:
            return region
    return None


_ENTRY_OPENING = re.compile("[ \t]*(?:[-*•·▪►]|[\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff])")


def _places(lowered: str) -> list[str]:
    """The regions of the places named in ``lowered``, in the order they are named."""
    found = [
        (word.start(), _REGION_OF[word.group()])
        for word in _WORD.finditer(lowered)
        if word.group() in _ONE_WORD_PLACES
    ]
    for place in _SEVERAL_WORD_PLACES:
        at = lowered.find(place)
        if at != -1:
            found.append((at, _REGION_OF[place]))
    return [region for _, region in sorted(found)]


def dialled(number: Match) -> bool:
    """Written with its country code ("+39 ...", "0039 ...")."""
    return number.raw.lstrip("(").startswith(("+", "\uff0b", "00"))


def supported(regions: Iterable[str]) -> list[str]:
    """The regions phonenumbers knows, in their order."""
    return [region for region in regions if region in _REGIONS]


def region_of(e164: str) -> str:
    return phonenumbers.region_code_for_number(phonenumbers.parse(e164)) or ""


def _flag_region(flag: str) -> str:
    return "".join(chr(ord(char) - 0x1F1E6 + ord("A")) for char in flag)
