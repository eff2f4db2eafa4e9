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

# Lower-case words and symbols per region. Cities an escort or vendor page names.
_WORDS: dict[str, tuple[str, ...]] = {
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
    "AE": ("dubai", "uae", "abu dhabi", "sharjah", "aed", "dirham"),
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
    "NG": ("nigeria", "lagos", "abuja", "naira", "ngn"),
    "KE": ("kenya", "nairobi", "mombasa", "kes"),
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
_REGION_OF = {word: region for region, words in _WORDS.items() for word in words}
_ONE_WORD_PLACES = frozenset(word for word in _REGION_OF if _WORD.fullmatch(word))
_SEVERAL_WORD_PLACES = tuple(word for word in _REGION_OF if word not in _ONE_WORD_PLACES)


def page_regions(text: str, default_region: str) -> tuple[str, ...]:
    """Regions other than the default that the page names clearly, most named first."""
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
    return tuple(
        region for region, count in counts.most_common() if count >= 2 and region != default_region
    )
