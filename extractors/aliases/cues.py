"""Aliases that follow (or precede) cue phrases: "vendor: X", "sold by X", "I'm X", "@x".

A compiled regular expression finds cue words in the lower-cased text; spaCy's
tokenizer and Matcher then run only on small windows around those cues, because
tokenizing whole pages would be several times slower than every other family together.
Windows are capped in size so the work stays linear on pathological input. Bare
"@name" mentions need no tokenizer: the prefilter hit is the mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from extractors.aliases import lexicon

# Any token that is not punctuation or whitespace; its extent is read from the raw
# text afterwards, because spaCy splits handles such as "Dr.White" or "Mr-Nice-Guy".
_CANDIDATE = {"IS_PUNCT": False, "IS_SPACE": False}
_SEPARATOR = {"ORTH": {"IN": [":", "-", "|", "=", "–", "—", "::"]}}
_OPTIONAL_COLON = {"ORTH": ":", "OP": "?"}


@dataclass(frozen=True, slots=True)
class CueRule:
    """One family of cue patterns and how sure its candidates are."""

    name: str
    patterns: tuple[tuple[dict, ...], ...]
    confidence: float
    # The candidate is the last token of a match, or the token right before it
    # ("DrWhite wrote:"); patterns never start with a candidate token because the
    # Matcher would then open a partial match at every token.
    candidate_before: bool = False
    # Or a token inside the match, counted from its start ("call Elena on +234...").
    candidate_index: int = -1
    # Strong cues ("vendor:", "u/", "posted by") accept lower-case handles; the others
    # need something name-shaped after them ("I'm Jessica" but not "I'm available").
    strong: bool = False
    # "Vendor: Green Dragon", "my name is Mary Jane".
    multiword: bool = False
    # Weak cues ("... STORE") only count for handle-shaped names: DrWhite, pill_king.
    handle_only: bool = False


_WROTE = ["wrote", "said", "says", "writes", "schrieb", "escribió", "написал"]
_HERE = ["here", "aquí", "aqui", "hier"]
_POSSESSIVE_MARKS = ["'s", "’s"]
_FIELD_LABELS = [
    "vendor", "seller", "username", "user", "alias", "nick", "nickname", "handle", "author",
    "moniker", "vendedor", "vendedora", "usuario", "seudónimo", "apodo", "verkäufer",
    "verkaeufer", "anbieter", "benutzer", "benutzername", "продавец", "ник", "никнейм",
]  # fmt: skip
# "shipped by", "run by": followed by a name as often as by "hand" or "mail".
_DONE_BY = [
    "shipped", "sent", "packed", "offered", "stocked", "run", "managed", "maintained",
    "compiled", "uploaded", "created", "signed", "curated", "hosted", "operated",
]  # fmt: skip
_PERSON_ROLES = ["vendor", "seller", "vendedor", "verkäufer", "user", "member", "buyer", "customer"]
# Ad titles put a name after an adjective: "Sexy Mia", "SWEET JESSICA", "Pinay Dominique".
_AD_ADJECTIVES = [
    "sexy", "sweet", "exotic", "hot", "pinay", "latina", "young", "busty", "petite", "sensual",
    "gorgeous", "beautiful", "pretty", "cute", "naughty", "stunning", "vip", "elegant", "classy",
    "curvy", "ebony", "asian", "thai", "blonde", "brunette", "redhead", "lovely", "charming",
    "playful", "seductive", "sultry", "adorable", "amazing",
]  # fmt: skip
_ORDER_VERBS = [
    "ordered", "order", "orders", "ordering", "bought", "buy", "buying", "got", "purchased",
    "received", "copped", "scored", "bestellt", "compré",
]  # fmt: skip
_SIGN_OFFS = [
    "xoxo", "xo", "xx", "kisses", "kiss", "hugs", "besos", "beso", "küsse", "bussi", "целую",
    "love", "cheers", "regards", "thanks", "thx", "grüße", "gruß", "gruss", "saludos", "peace",
]  # fmt: skip
# What a vendor's name is followed by in "DrWhite's shop", "DrWhite's new batch".
_OWNED = [
    "shop", "store", "listing", "listings", "mirror", "mirrors", "menu", "profile", "page",
    "stealth", "batch", "key", "pgp", "products", "product", "feedback", "reviews", "new",
    "onion", "wickr", "telegram", "prices", "stuff", "packs", "pack", "account",
]  # fmt: skip

RULES: tuple[CueRule, ...] = (
    CueRule(
        "field",
        (
            ({"LOWER": {"IN": _FIELD_LABELS}}, _SEPARATOR, _CANDIDATE),
            (
                {"LOWER": {"IN": ["vendor", "seller", "user", "shop", "store"]}},
                {"LOWER": {"IN": ["name", "id", "alias", "nick", "profile", "page"]}},
                _SEPARATOR,
                _CANDIDATE,
            ),
            ({"LOWER": "quote"}, {"LOWER": "from"}, _OPTIONAL_COLON, _CANDIDATE),
            (
                {"LOWER": {"IN": ["reply", "comment", "message", "answer", "response"]}},
                {"LOWER": "from"},
                _OPTIONAL_COLON,
                _CANDIDATE,
            ),
        ),
        confidence=0.9,
        strong=True,
        multiword=True,
    ),
    CueRule(
        "by",
        (
            (
                {"LOWER": {"IN": ["sold", "posted", "reviewed", "written", "listed", "listing"]}},
                {"LOWER": "by"},
                _OPTIONAL_COLON,
                _CANDIDATE,
            ),
            (
                {"LOWER": {"IN": ["verkauft", "vendido", "publicado", "продано"]}},
                {"LOWER": {"IN": ["von", "por", "от"]}},
                _OPTIONAL_COLON,
                _CANDIDATE,
            ),
        ),
        confidence=0.85,
        strong=True,
        multiword=True,
    ),
    CueRule(
        "shipped_by",
        (
            (
                {"LOWER": {"IN": _DONE_BY}},
                {"LOWER": "by"},
                _OPTIONAL_COLON,
                _CANDIDATE,
            ),
        ),
        confidence=0.8,
        multiword=True,
    ),
    CueRule(
        "wrote",
        (({"LOWER": {"IN": _WROTE}}, {"ORTH": ":"}),),
        confidence=0.85,
        candidate_before=True,
        strong=True,
    ),
    CueRule(
        "user_path",
        (({"LOWER": {"IN": ["u", "/u"]}}, {"ORTH": "/"}, _CANDIDATE),),
        confidence=0.9,
        strong=True,
    ),
    CueRule(
        "vendor_word",
        (
            (
                {"LOWER": {"IN": _PERSON_ROLES}},
                _CANDIDATE,
            ),
        ),
        confidence=0.75,
        multiword=True,
    ),
    CueRule(
        "possessive",
        (({"LOWER": {"IN": _POSSESSIVE_MARKS}}, {"LOWER": {"IN": _OWNED}}),),
        confidence=0.7,
        candidate_before=True,
    ),
    CueRule(
        "ad_title",
        (({"LOWER": {"IN": _AD_ADJECTIVES}}, _CANDIDATE),),
        confidence=0.6,
    ),
    CueRule(
        "named_shop",
        (({"LOWER": {"IN": ["store", "shop", "pharmacy", "market", "labs"]}},),),
        confidence=0.6,
        candidate_before=True,
        handle_only=True,
    ),
    CueRule(
        "impersonation",
        (
            ({"LOWER": "pretending"}, {"LOWER": "to"}, {"LOWER": "be"}, _CANDIDATE),
            (
                {"LOWER": {"IN": ["impersonating", "posing"]}},
                {"LOWER": "as", "OP": "?"},
                _CANDIDATE,
            ),
            ({"LOWER": "the"}, {"LOWER": "real"}, _CANDIDATE),
        ),
        confidence=0.7,
    ),
    CueRule(
        "review_of",
        (
            (
                {"LOWER": {"IN": ["review", "reviews", "feedback", "rezension", "reseña"]}},
                {"LOWER": {"IN": ["of", "for", "on", "für", "de"]}},
                _CANDIDATE,
            ),
        ),
        confidence=0.75,
    ),
    CueRule(
        "ordered_from",
        (
            (
                {"LOWER": {"IN": _ORDER_VERBS}},
                {"IS_PUNCT": False, "IS_SPACE": False, "OP": "{,4}"},
                {"LOWER": {"IN": ["from", "von", "bei", "de"]}},
                _CANDIDATE,
            ),
        ),
        confidence=0.7,
    ),
    CueRule(
        "introduction",
        (
            (
                {"LOWER": {"IN": ["my", "mein", "mi"]}},
                {"LOWER": {"IN": ["name", "nombre"]}},
                {"LOWER": {"IN": ["is", "'s", "’s", "ist", "es"]}},
                _OPTIONAL_COLON,
                _CANDIDATE,
            ),
            ({"LOWER": "i"}, {"LOWER": {"IN": ["'m", "’m", "m", "am"]}}, _CANDIDATE),
            (
                {"LOWER": "i"},
                {"LOWER": {"IN": ["'m", "’m", "m", "am"]}},
                {"LOWER": "not"},
                _CANDIDATE,
            ),
            ({"LOWER": {"IN": ["i'm", "i’m", "im"]}}, _CANDIDATE),
            ({"LOWER": {"IN": ["i'm", "i’m", "im"]}}, {"LOWER": "not"}, _CANDIDATE),
            ({"LOWER": "call"}, {"LOWER": "me"}, _CANDIDATE),
            ({"LOWER": "ask"}, {"LOWER": "for"}, _CANDIDATE),
            ({"LOWER": "contact"}, _OPTIONAL_COLON, _CANDIDATE),
            ({"LOWER": "me"}, {"LOWER": "llamo"}, _CANDIDATE),
            ({"LOWER": "soy"}, _CANDIDATE),
            ({"LOWER": {"IN": ["pregunta", "pregunten"]}}, {"LOWER": "por"}, _CANDIDATE),
            ({"LOWER": "ich"}, {"LOWER": {"IN": ["heiße", "heisse", "bin"]}}, _CANDIDATE),
            ({"LOWER": "je"}, {"LOWER": {"IN": ["m'appelle", "m’appelle", "suis"]}}, _CANDIDATE),
            ({"LOWER": "меня"}, {"LOWER": "зовут"}, _CANDIDATE),
        ),
        confidence=0.75,
        multiword=True,
    ),
    CueRule(
        "greeting",
        (
            ({"LOWER": {"IN": ["its", "it's", "it’s"]}}, _CANDIDATE),
            ({"LOWER": "it"}, {"LOWER": {"IN": ["'s", "’s", "is"]}}, _CANDIDATE),
        ),
        confidence=0.7,
    ),
    CueRule(
        "call_on",
        (
            (
                {
                    "LOWER": {
                        "IN": ["call", "text", "ring", "whatsapp", "ask", "message", "pm", "dm"]
                    }
                },
                _CANDIDATE,
                {"LOWER": {"IN": ["on", "at", "via"]}},
            ),
        ),
        confidence=0.7,
        candidate_index=1,
    ),
    CueRule(
        "thanks_to",
        (({"LOWER": {"IN": ["thanks", "thx", "shoutout", "props"]}}, {"LOWER": "to"}, _CANDIDATE),),
        confidence=0.7,
    ),
    CueRule(
        "sign_off",
        (
            (
                {"LOWER": {"IN": _SIGN_OFFS}},
                {"ORTH": {"IN": [",", "-", "~", "!", "<3"]}, "OP": "*"},
                _CANDIDATE,
            ),
        ),
        confidence=0.7,
    ),
    CueRule(
        "here",
        (({"LOWER": {"IN": _HERE}},),),
        confidence=0.7,
        candidate_before=True,
    ),
    CueRule(
        "signature",
        (({"ORTH": {"IN": ["~", "~~", "--", "—", "–"]}}, _CANDIDATE),),
        confidence=0.75,
    ),
)

_RULES_BY_NAME = {rule.name: rule for rule in RULES}

# The prefilter runs in two steps, because one regular expression holding every cue
# phrase tries each phrase at each position and crawls at ~1 MB/s. First a scan of the
# lower-cased text for the words cue phrases start with (grouped by first letter, which
# the regex engine rejects fast); then, at each hit, the phrase that word starts, written
# as tightly as its Matcher pattern (a verb only counts with a "from" in the same
# sentence, an ad adjective only before a capital). A confirmed phrase opens a window;
# the Matcher has the last word.
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_CAPITAL_NEXT = rf"[ \t]+(?-i:(?=[{_UPPER}]))"
_NAME_NEXT = rf"[ \t]*(?=(?-i:[{_UPPER}])|\w*[\d_])"  # "Jessica", "pill_king", "xan4u"
_WORD = r"[\w'’]+"


@dataclass(frozen=True, slots=True)
class _Phrase:
    words: tuple[str, ...]  # lower-case words the phrase starts with
    pattern: str  # matched at the start of one of those words
    backward: bool = False  # the name comes before the cue ("DrWhite wrote:")
    line_start: bool = False  # the cue opens its line ("~ DrWhite")


_PHRASES = (
    # Strong cues: a lower-case handle may follow.
    _Phrase(
        (*_FIELD_LABELS, "shop", "store"),
        rf"{_WORD}(?:[ \t]+(?:name|id|alias|nick|profile|page))?[ \t]*(?:[:|=–—]|-[ \t])",
    ),
    _Phrase(
        ("quote", "reply", "comment", "message", "answer", "response"), rf"{_WORD}[ \t]+from\b"
    ),
    _Phrase(("sold", "posted", "reviewed", "written", "listed", "listing"), rf"{_WORD}[ \t]+by\b"),
    _Phrase(("verkauft", "vendido", "publicado", "продано"), rf"{_WORD}[ \t]+(?:von|por|от)\b"),
    _Phrase(("u/",), r"(?<![\w/-])/?u/(?=\w)"),
    _Phrase(("~", "--", "—", "–"), r"(?:~~?|--|—|–)(?=[ \t]*\w)", line_start=True),
    _Phrase(tuple(_WROTE), rf"{_WORD}[ \t]*:", backward=True),
    # Cues that need a name-shaped word next.
    _Phrase(tuple(_DONE_BY), rf"{_WORD}[ \t]+by[ \t]*:?{_NAME_NEXT}"),
    _Phrase(tuple(_PERSON_ROLES), rf"{_WORD}{_NAME_NEXT}"),
    _Phrase(tuple(_AD_ADJECTIVES), rf"{_WORD}{_CAPITAL_NEXT}"),
    _Phrase(("pretending",), rf"pretending[ \t]+to[ \t]+be{_NAME_NEXT}"),
    _Phrase(("impersonating", "posing"), rf"{_WORD}(?:[ \t]+as)?{_NAME_NEXT}"),
    _Phrase(("real",), rf"(?<=\bthe[ \t])real{_NAME_NEXT}"),
    _Phrase(
        ("review", "reviews", "feedback", "rezension", "reseña"),
        rf"{_WORD}[ \t]+(?:of|for|on|für|de){_NAME_NEXT}",
    ),
    _Phrase(tuple(_ORDER_VERBS), rf"{_WORD}[^.\n]{{0,40}}?\b(?:from|von|bei|de){_NAME_NEXT}"),
    _Phrase(
        ("name", "nombre"),
        rf"(?:(?<=\bmy[ \t])|(?<=\bmi[ \t])|(?<=\bmein[ \t]))\w+"
        rf"(?:[ \t]+(?:is|ist|es)|['’]s)[ \t]*:?{_NAME_NEXT}",
    ),
    _Phrase(("am",), rf"(?<=\bi[ \t])am(?:[ \t]+not)?{_NAME_NEXT}"),
    _Phrase(("i'm", "i’m", "im"), rf"{_WORD}(?:[ \t]+not)?{_NAME_NEXT}"),
    _Phrase(("contact",), rf"contact[ \t]*:?{_NAME_NEXT}"),
    _Phrase(("soy", "its", "it's", "it’s"), rf"{_WORD}{_NAME_NEXT}"),
    _Phrase(("call",), rf"call[ \t]+me{_NAME_NEXT}"),
    _Phrase(("ask",), rf"ask[ \t]+for{_NAME_NEXT}"),
    _Phrase(("llamo",), rf"(?<=\bme[ \t])llamo{_NAME_NEXT}"),
    _Phrase(("pregunta", "pregunten"), rf"{_WORD}[ \t]+por{_NAME_NEXT}"),
    _Phrase(("ich",), rf"ich[ \t]+(?:heiße|heisse|bin){_NAME_NEXT}"),
    _Phrase(("je",), rf"je[ \t]+(?:m['’]appelle|suis){_NAME_NEXT}"),
    _Phrase(("зовут",), rf"(?<=\bменя[ \t])зовут{_NAME_NEXT}"),
    _Phrase(
        ("call", "text", "ring", "whatsapp", "ask", "message", "pm", "dm"),
        rf"{_WORD}{_NAME_NEXT}\S{{1,40}}[ \t]+(?:on|at|via)\b",
    ),
    _Phrase(("thanks", "thx", "shoutout", "props"), rf"{_WORD}[ \t]+to{_NAME_NEXT}"),
    _Phrase(tuple(_SIGN_OFFS), rf"{_WORD}(?:[ \t,!~-]|<3)*{_NAME_NEXT}"),
    _Phrase(tuple(_HERE), rf"(?<=[ \t]){_WORD}", backward=True),
    _Phrase(
        tuple(_POSSESSIVE_MARKS), rf"(?<=\w)['’]s[ \t]+(?:{'|'.join(_OWNED)})\b", backward=True
    ),
    _Phrase(("store", "shop", "pharmacy", "labs"), rf"(?<=[ \t]){_WORD}", backward=True),
)
_MENTION = "@"


def _scanner_pattern(words: set[str]) -> str:
    # Grouping by first letter lets the regex engine reject most positions after one
    # comparison; a flat alternation of ~150 words is several times slower.
    by_first: dict[str, list[str]] = {}
    for word in sorted(words, key=lambda word: (-len(word), word)):
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    alternation = "|".join(
        re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in by_first.items()
    )
    return rf"\b(?:{alternation})(?!\w)"


# Lookbehinds here would be tried at every position; the phrases check them instead.
_SYMBOL_CUES = r"[@~—–]|--|['’]s\b|/?u/(?=\w)"
_SCANNER = re.compile(
    _scanner_pattern({w for p in _PHRASES for w in p.words if w[0].isalnum()}) + "|" + _SYMBOL_CUES
)
_PHRASES_BY_WORD: dict[str, list[tuple[re.Pattern[str], _Phrase]]] = {}
for _phrase in _PHRASES:
    for _word in _phrase.words:
        _PHRASES_BY_WORD.setdefault(_word, []).append(
            (re.compile(_phrase.pattern, re.IGNORECASE), _phrase)
        )


@dataclass(frozen=True, slots=True)
class _CueHit:
    start: int
    end: int
    backward: bool


def _cue_hits(text: str) -> Iterator[_CueHit | int]:
    """Confirmed cue phrases in text order; a bare int is the offset of an "@"."""
    lowered = text.lower()
    # Lower-casing keeps offsets except for a few characters (e.g. "İ"); scan the
    # original case-insensitively then, which is slower but exact.
    if len(lowered) == len(text):
        words = _SCANNER.finditer(lowered)
    else:
        words = re.finditer(_SCANNER.pattern, text, re.IGNORECASE)
    for word in words:
        key = word.group()
        if key == _MENTION:
            yield word.start()
            continue
        for pattern, phrase in _PHRASES_BY_WORD.get(key.lstrip("/"), ()):
            confirmed = pattern.match(text, word.start())
            if confirmed is None:
                continue
            if (
                phrase.line_start
                and text[text.rfind("\n", 0, word.start()) + 1 : word.start()].strip()
            ):
                continue
            yield _CueHit(word.start(), confirmed.end(), phrase.backward)
            break


# How far a window reaches around a confirmed cue phrase: back over "my" in "my name"
# (the phrase is found by its second word) and forward over a handle and one more word;
# or, for "wrote:", "here" and "'s shop", back over the handle that precedes them.
_BEFORE = 12
_AFTER = 48
_BEFORE_BACKWARD = 48
_AFTER_BACKWARD = 4
_MAX_WINDOW = 2048
_MAX_VOCABULARY = 500_000

_HANDLE_CHARS = frozenset("_.-'’")
_MAX_HANDLE_SCAN = 40
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)

# A bare "@name" next to these is a handle on some messenger or social network (the
# contacts family reports Telegram ones), not a forum mention.
_PLATFORM_CONTEXT = re.compile(
    r"telegram|\btg\b|\btele\b|t\.me|wickr|signal|session|whats\s?app|\bwa\b|\bkik\b|snap|"
    r"\bsc\b|insta|\big\b|twitter|\bx\b|threema|discord|jabber|xmpp|onlyfans|\bof\b|tiktok|"
    r"\badd\b|\bdm\b|\bpm\b|\bhmu\b|follow|contact|message|\bmsg\b|\btext\b|\bhit me\b",
)
_PLATFORM_LOOKBACK = 40
_PLATFORM_LOOKAHEAD = re.compile(
    r"\s*(?:on|at|via|@)?\s*(?:telegram|tg|wickr|signal|session|whatsapp|kik|snap|insta|ig|"
    r"twitter|threema|discord|jabber|onlyfans)\b",
)
_GREETING = re.compile(
    r"(?:^|\b(?:hi+|hey+|hello|hola|hallo|hiya|yo|привет)\b[\s,!.]*"
    r"(?:guys|all|everyone|gents|gentlemen|there|babe|boys|fellas|friends|chicos)?)"
    r"[\s,!.:\-]*$",
    re.IGNORECASE,
)
_LINE_END = re.compile(r"[ \t]*[.!,;:)\]]*[ \t]*(?:\r?\n|$)")
# "Jessica here!", "Jessica here 💕", "Jessica here in Miami" but not "Click here to".
_HERE_TAIL = re.compile(
    r"[ \t]+(?:here|aquí|aqui|hier)(?:[ \t]*(?:[^\w\s]|\r?\n|$)|[ \t]+(?:in|at|from)\b)",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r" (\w+)(?=[ \t]*(?:[,.!?;:()|\[\]<>\-–—]|\r?\n|$))")


@dataclass(frozen=True, slots=True)
class Candidate:
    """An alias read off the text next to a cue."""

    value: str
    start: int  # includes a leading "@" or "u/" so the span is what was written
    end: int
    confidence: float
    rule: str


MENTION_CONFIDENCE = 0.6


# Tokens a matcher looks at around a cue hit: back to "my" in "my name is", forward
# over a cue phrase, four skipped words and a handle.
_TOKENS_BEFORE_HIT = 3
_TOKENS_AFTER_HIT = 16


@cache
def _pipeline() -> tuple[Language, dict[str, Matcher]]:
    """The tokenizer and, for each cue token, a Matcher with the patterns that contain it.

    Running only the patterns of the cue that was hit, on a few tokens around it, costs
    a fraction of running every pattern over every token of a window.
    """
    # A blank pipeline is only a tokenizer: no model is downloaded or needed.
    nlp = spacy.blank("en")
    matchers: dict[str, Matcher] = {}
    for rule in RULES:
        for pattern in rule.patterns:
            for word in _literal_words(pattern):
                matchers.setdefault(word, Matcher(nlp.vocab)).add(rule.name, [list(pattern)])
    return nlp, matchers


def _literal_words(pattern: tuple[dict, ...]) -> set[str]:
    found: set[str] = set()
    for token in pattern:
        for attribute in ("LOWER", "ORTH"):
            value = token.get(attribute)
            if isinstance(value, str):
                found.add(value.lower())
            elif isinstance(value, dict):
                found.update(word.lower() for word in value["IN"])
    return found


def find_candidates(text: str) -> Iterator[Candidate]:
    """Every alias candidate next to a cue, already filtered by the lexicon."""
    nlp, matchers = _pipeline()
    if len(nlp.vocab) > _MAX_VOCABULARY:
        # spaCy keeps every word it has tokenized; a crawler tokenizes without end.
        _pipeline.cache_clear()
        nlp, matchers = _pipeline()
    cue_hits: list[_CueHit] = []
    for hit in _cue_hits(text):
        if isinstance(hit, int):
            mention = _mention(text, hit)
            if mention is not None:
                yield mention
        else:
            cue_hits.append(hit)
    for window_start, window_end, hits in _merged(text, cue_hits):
        doc = nlp.make_doc(text[window_start:window_end])
        token_starts = doc.to_array(IDX)
        for hit in hits:
            cue_at = hit.start - window_start
            index = int(token_starts.searchsorted(cue_at, side="right")) - 1
            if index < 0:
                continue
            matcher = matchers.get(doc[index].lower_)
            if matcher is None:
                continue
            first = max(0, index - _TOKENS_BEFORE_HIT)
            span = doc[first : index + _TOKENS_AFTER_HIT]
            for match_id, start, end in matcher(span):
                if not first + start <= index < first + end:
                    continue  # found again from the cue it belongs to
                rule = _RULES_BY_NAME[nlp.vocab.strings[match_id]]
                candidate = _candidate(text, window_start, doc, first + start, first + end, rule)
                if candidate is not None:
                    yield candidate


def _merged(text: str, hits: list[_CueHit]) -> Iterator[tuple[int, int, list[_CueHit]]]:
    """Windows around cue hits, merged while they overlap and stay under a cap, so the
    tokenizer sees each stretch of text once and the work stays linear."""
    current: tuple[int, int, list[_CueHit]] | None = None
    for hit in hits:  # in text order, so window starts only grow
        before = _BEFORE_BACKWARD if hit.backward else _BEFORE
        after = _AFTER_BACKWARD if hit.backward else _AFTER
        start = _word_start(text, max(0, hit.start - before))
        end = _word_end(text, min(len(text), hit.end + after))
        if current is not None and start <= current[1] and end - current[0] <= _MAX_WINDOW:
            current[2].append(hit)
            current = (current[0], max(current[1], end), current[2])
            continue
        if current is not None:
            yield current
        current = (start, end, [hit])
    if current is not None:
        yield current


def _word_start(text: str, position: int) -> int:
    """Move a window edge left to a whitespace so it does not cut a word in two."""
    floor = max(0, position - _MAX_HANDLE_SCAN)
    while position > floor and not text[position - 1].isspace():
        position -= 1
    return position


def _word_end(text: str, position: int) -> int:
    ceiling = min(len(text), position + _MAX_HANDLE_SCAN)
    while position < ceiling and not text[position].isspace():
        position += 1
    return position


def _mention(text: str, at: int) -> Candidate | None:
    """A forum mention "@name", unless it is an e-mail or a messenger handle."""
    if at > 0 and _is_word_char(text[at - 1]):
        return None  # an e-mail address
    span = _handle_span(text, at + 1)
    if span is None or span[0] != at + 1:
        return None
    start, end = span
    value = text[start:end]
    line_start = text.rfind("\n", 0, at) + 1
    before = text[max(line_start, at - _PLATFORM_LOOKBACK) : at].lower()
    after = text[end : end + 24].lower()
    if _PLATFORM_CONTEXT.search(before) or _PLATFORM_LOOKAHEAD.match(after):
        return None
    if lexicon.is_rejected(value) or not any(ch.isalpha() for ch in value):
        return None
    return Candidate(value, at, end, MENTION_CONFIDENCE, "mention")


def _candidate(
    text: str, offset: int, doc: Doc, first: int, last: int, rule: CueRule
) -> Candidate | None:
    cue_start = offset + doc[first].idx
    if cue_start > 0 and text[cue_start].isalnum() and text[cue_start - 1].isalnum():
        return None  # the cue is the tail of a longer word ("fivendor:")
    written_start: int | None = None
    if rule.candidate_before:
        if first == 0 or doc[first - 1].is_punct or doc[first - 1].is_space:
            return None
        span = _handle_span(text, offset + doc[first - 1].idx, backward=True)
    else:
        token_start = (
            offset
            + doc[first + rule.candidate_index if rule.candidate_index >= 0 else last - 1].idx
        )
        if rule.name == "user_path":
            written_start = _user_path_start(text, token_start)
            if written_start is None:
                return None
        span = _handle_span(text, token_start)
    if span is None:
        return None
    start, end = span
    if not _passes_context(text, cue_start, start, end, rule):
        return None
    if rule.multiword:
        end = _extend_name(text, end)
    value = _POSSESSIVE.sub("", text[start:end])
    if not _acceptable(value, rule) or _starts_organisation_name(text, value, end):
        return None
    written_start = start if written_start is None else written_start
    return Candidate(value, written_start, start + len(value), rule.confidence, rule.name)


def _handle_span(text: str, token_start: int, backward: bool = False) -> tuple[int, int] | None:
    """The handle that starts at a token (or, backward, ends with it), trimmed."""
    start = token_start
    if backward:
        # "Dr.White wrote:" is tokenized as "Dr." "White": walk back over the handle.
        floor = max(0, token_start - _MAX_HANDLE_SCAN)
        while start > floor and _is_handle_char(text[start - 1]):
            start -= 1
    end = token_start
    ceiling = min(len(text), token_start + _MAX_HANDLE_SCAN)
    while end < ceiling and _is_handle_char(text[end]):
        end += 1
    # A handle starts and ends with a word character: "Jessica." -> "Jessica".
    while start < end and not _is_word_char(text[start]):
        start += 1
    while end > start and not _is_word_char(text[end - 1]):
        end -= 1
    if start >= end:
        return None
    if end < len(text) and text[end] == "@":
        return None  # the local part of an e-mail address
    if text.startswith("://", end):
        return None  # a URL's scheme
    return start, end


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _is_handle_char(char: str) -> bool:
    return char.isalnum() or char in _HANDLE_CHARS


def _user_path_start(text: str, token_start: int) -> int | None:
    """Start of "u/" or "/u/" right before a handle, if it is really there."""
    for prefix in ("/u/", "u/"):
        begin = token_start - len(prefix)
        if begin >= 0 and text[begin:token_start].lower() == prefix:
            if begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "_-"):
                continue  # "menu/x" or "ru/x" is a path, not a user
            return begin
    return None


def _extend_name(text: str, end: int) -> int:
    """Take one more capitalised word when it ends the phrase: "Vendor: Green Dragon"."""
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return end
    word = following.group(1)
    if not word[:1].isupper() or not word[1:].islower() or lexicon.is_not_alias_word(word):
        return end
    return following.end(1)


def _starts_organisation_name(text: str, value: str, end: int) -> bool:
    """ "Wall" in "Wall Street Market" is a market, not a vendor."""
    following = text[end : end + 32].split()[:2]
    phrase = value.lower()
    for word in following:
        phrase = f"{phrase} {word.strip('.,:;!?()').lower()}"
        if phrase in lexicon.ORGANISATION_PHRASES:
            return True
    return False


def _passes_context(text: str, cue_start: int, start: int, end: int, rule: CueRule) -> bool:
    if rule.name == "signature":
        # A signature is a line of its own: "~ DrWhite" at the end of a post.
        line_start = text.rfind("\n", 0, start) + 1
        cue = text[line_start:start].strip()
        return cue in {"~", "~~", "--", "—", "–"} and bool(_LINE_END.match(text, end))
    if rule.name == "here":
        line_start = text.rfind("\n", 0, start) + 1
        greeted = _GREETING.search(text[line_start:start])
        return bool(greeted) and bool(_HERE_TAIL.match(text, end))
    if rule.name == "greeting":
        # "hey its Mia" introduces someone; "it's Friday" or "its fine" does not.
        line_start = text.rfind("\n", 0, cue_start) + 1
        return bool(_GREETING.search(text[line_start:cue_start]))
    return True


def _acceptable(value: str, rule: CueRule) -> bool:
    if lexicon.is_rejected(value):
        return False
    if rule.handle_only:
        return lexicon.is_handle_shaped(value)
    if rule.strong:
        return any(ch.isalpha() for ch in value)
    return lexicon.is_name_shaped(value)
