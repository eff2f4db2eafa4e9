"""Aliases that follow (or precede) cue phrases: "vendor: X", "sold by X", "I'm X", "@x".

The prefilter finds cue phrases; spaCy's tokenizer and Matcher then run only on small
windows around them, because tokenizing whole pages would be several times slower than
every other family together. Windows are capped in size so the work stays linear on
pathological input. Bare "@name" mentions need no tokenizer: the hit is the mention.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from extractors.aliases import lexicon
from extractors.aliases.given_names import is_given_name
from extractors.aliases.prefilter import CueHit, cue_hits, opens_line, space_before
from extractors.aliases.rules import RULES, RULES_BY_NAME, TITLES, TITLES_KEPT, CueRule
from extractors.messenger_names import TELEGRAM_IN_ARABIC_SCRIPT

# How far a window reaches around a confirmed cue phrase before its edges move out to
# whitespace: back into the word before it ("my" in "my name", found by its second
# word; the handle before "wrote:", "here" or "'s shop") and forward past the ": " that
# may separate the phrase from the handle. The handle itself is read off the raw text,
# so the window only needs its first token; every extra character is tokenizer time.
_BEFORE = 2
_AFTER = 4
_BEFORE_BACKWARD = 2
_AFTER_BACKWARD = 4
_MAX_WINDOW = 2048
# Windows are tokenized together, this much text at a time; the separator is a
# whitespace token no pattern can cross.
_MAX_BATCH = 32_768
_WINDOW_SEPARATOR = "\n\n"
_MAX_VOCABULARY = 500_000
# The lexical attributes the rules' patterns (rules.py) and _read_cue/_candidate read.
_LEXICAL_ATTRIBUTES_READ = (LOWER, IS_PUNCT, IS_SPACE)

_HANDLE_CHARS = frozenset("_.-'’")
# The same characters as _is_handle_char, read in C: "\w" is str.isalnum() or "_".
_HANDLE_RUN = re.compile(r"[\w.\-'’]*")
_MAX_HANDLE_SCAN = 40
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)

# A bare "@name" next to these is a handle on some messenger or social network (the
# contacts family reports Telegram ones), not a forum mention.
_PLATFORM_CONTEXT = re.compile(
    r"telegram|\btg\b|\btele\b|t\.me|wickr|signal|session|whats\s?app|\bwa\b|\bkik\b|snap|"
    r"\bsc\b|insta|\big\b|twitter|threema|discord|jabber|xmpp|onlyfans|tiktok|\bline\b|"
    r"wechat|kakao|zalo|viber|\bskype\b|" + "|".join(TELEGRAM_IN_ARABIC_SCRIPT) + "|"
    r"\badd\b|\bdm\b|\bpm\b|\bhmu\b|follow|contact|message|\bmsg\b|\btext\b|\bhit me\b",
)
_PLATFORM_LOOKBACK = 40
_PLATFORM_LOOKAHEAD = re.compile(
    r"\s*(?:on|at|via|@)?\s*(?:telegram|tg|wickr|signal|session|whatsapp|kik|snap|insta|ig|"
    r"twitter|threema|discord|jabber|onlyfans)\b",
)
_GREETING_WORDS = (
    r"\b(?:hi+|hey+|hello|hola|hallo|hiya|yo|привет)\b[\s,!.]*"
    r"(?:guys|all|everyone|gents|gentlemen|there|babe|babes|boys|fellas|friends|chicos|lovelies"
    r"|loves|love|darlings|darling|sweeties|handsome|hun|amores|amor|cariños|mi amor)?"
)
_GREETING_AT_END = re.compile(rf"{_GREETING_WORDS}$", re.IGNORECASE)
_GREETING_GAP = frozenset(",!.:-")  # and spaces
# How much of a line before a name is read for a greeting. Reading whole lines would
# make the work quadratic on a page that is one long line; a greeting is right there.
_GREETING_LOOKBACK = 200
_SIGNATURE_MARKS = frozenset({"~", "~~", "--", "—", "–"})
_LINE_END = re.compile(r"[ \t]*[.!,;:)\]]*[ \t]*(?:\r?\n|$)")
# A signature may give the signer's role after a comma: "— Yuri, operator", "— Ferryman,
# market administration". Lower-case words only: "— Mia, 24, Kyiv" is an ad's title.
_SIGNATURE_ROLE = re.compile(
    r"[ \t]*,[ \t]*[^\W\d_A-ZÀ-ÞА-Я][^\W\d_]*(?:[ \t]+[^\W\d_]+){0,3}[ \t]*\.?(?:\r?\n|$)"
)
# A sign-off's name ends its line, perhaps with a kiss: "xoxo, Jade 💋", "Love, Mia <3".
# "outcall Love Field & DFW hotels" is a sentence that happens to hold "Love".
_SIGN_OFF_END = re.compile(
    r"(?:[ \t]|[.!,;:)\]~*♥]|<3|[\u2600-\u27bf\ufe0f\u200d\U0001f000-\U0001faff])*(?:\r?\n|$)"
)
# "Jessica here!", "Jessica here 💕", "Jessica here in Miami", "Roxy here x" (a kiss)
# but not "Click here to".
_HERE_TAIL = re.compile(
    r"[ \t]+(?:here|aquí|aqui|hier)"
    r"(?:[ \t]*(?:[^\w\s]|\r?\n|$)|[ \t]+(?:in|at|from|x{1,3}|xo|xoxo)\b)",
    re.IGNORECASE,
)
_CONJUNCTION = re.compile(r"[ \t]+(?:and|or|&|y|o|und|oder|et|ou|и|или)[ \t]+", re.IGNORECASE)
_NEXT_WORD = re.compile(r" (\w+)(?=[ \t]*(?:[,.!?;:()|\[\]<>\-–—\"”’'»·•]|\r?\n|$))")
# A capitalised word after a name: her surname, if nothing says otherwise.
SURNAME_AFTER = re.compile(r" ([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,15})(?![\w@\-])")
# The name after a title: "Agent Wanjiru", "Sra. Rocío", "Madam Blessing".
_NAME_AFTER_TITLE = re.compile(r"\.?[ \t]+(?=[^\W\d_])")
_TITLES = frozenset(TITLES)
_TITLES_KEPT = frozenset(TITLES_KEPT)
_SHOP_RULES = frozenset({"named_shop", "possessive"})
_ABBREVIATED_TITLES = frozenset({"sra", "srta", "sr", "lic", "mme", "mlle", "mrs", "ms", "mr"})
_LOWER_CASE_TITLES = frozenset({"chị", "anh"})


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
# over a cue phrase, four skipped words and a handle; but never further than the
# tokens after the confirmed phrase that a pattern can still read (a ":" and the handle).
_TOKENS_BEFORE_HIT = 3
_TOKENS_AFTER_HIT = 16
_TOKENS_AFTER_PHRASE = 2


@cache
def _pipeline() -> tuple[Language, dict[str, Matcher]]:
    """The tokenizer and, for each cue token, a Matcher with the patterns that contain it.

    Running only the patterns of the cue that was hit, on a few tokens around it, costs
    a fraction of running every pattern over every token of a window. In those patterns
    the token that lists the cue word is narrowed to that word: a set of words is a
    Python callback per token in spaCy's Matcher, one word is a comparison in C.
    """
    # A blank pipeline is only a tokenizer: no model is downloaded or needed.
    nlp = spacy.blank("en")
    # Each word the tokenizer has not seen becomes a lexeme, and spaCy computes ~20
    # lexical attributes for it (shape, like_url, like_num, stop word, ...) in Python.
    # On a crawl most handles are new words, so that was the largest cost per cue. The
    # patterns and the code here read only these three; the others would never be used.
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {attr: getters[attr] for attr in _LEXICAL_ATTRIBUTES_READ}
    matchers: dict[str, Matcher] = {}
    for rule in RULES:
        for pattern in rule.patterns:
            for word, narrowed in _narrowed_to_each_word(pattern):
                matchers.setdefault(word, Matcher(nlp.vocab)).add(rule.name, [narrowed])
    return nlp, matchers


def _narrowed_to_each_word(pattern: tuple[dict, ...]) -> Iterator[tuple[str, list[dict]]]:
    """(lower-case word, the pattern with the token that lists it matching only it)."""
    for position, token in enumerate(pattern):
        for attribute in ("LOWER", "ORTH"):
            value = token.get(attribute)
            words = [value] if isinstance(value, str) else value["IN"] if value else []
            for word in words:
                narrowed = [
                    *pattern[:position],
                    {**token, attribute: word},
                    *pattern[position + 1 :],
                ]
                yield word.lower(), narrowed


def find_candidates(text: str) -> Iterator[Candidate]:
    """Every alias candidate next to a cue, already filtered by the lexicon."""
    nlp, matchers = _pipeline()
    if len(nlp.vocab) > _MAX_VOCABULARY:
        # spaCy keeps every word it has tokenized; a crawler tokenizes without end.
        _pipeline.cache_clear()
        nlp, matchers = _pipeline()
    confirmed: list[CueHit] = []
    for hit in cue_hits(text):
        if isinstance(hit, int):
            mention = _mention(text, hit)
            if mention is not None:
                yield mention
        else:
            confirmed.append(hit)
    for batch in _batches(_merged(text, confirmed)):
        # One tokenizer call per batch of windows: spaCy's cost per call is far larger
        # than its cost per character on windows this small.
        doc = nlp.make_doc(_WINDOW_SEPARATOR.join(text[start:end] for start, end, _ in batch))
        # A list and bisect: numpy's searchsorted costs more per call on arrays this small.
        token_starts: list[int] = doc.to_array(IDX).tolist()
        shift = 0  # where the current window starts in the batch's text
        for window_start, window_end, hits in batch:
            offset = window_start - shift  # doc offset + offset = text offset
            # The Matcher reads only this window's tokens: the rest of the batch is
            # other windows, which no match can reach across the separator anyway.
            tokens = (
                bisect_left(token_starts, shift),
                bisect_left(token_starts, window_end - offset),
            )
            for hit in hits:
                yield from _read_cue(text, doc, token_starts, offset, tokens, hit, matchers, nlp)
            shift += window_end - window_start + len(_WINDOW_SEPARATOR)


def _read_cue(
    text: str,
    doc: Doc,
    token_starts: list[int],
    offset: int,
    window_tokens: tuple[int, int],
    hit: CueHit,
    matchers: dict[str, Matcher],
    nlp: Language,
) -> Iterator[Candidate]:
    """Run the Matcher of the cue word that was hit on the tokens around it."""
    index = bisect_right(token_starts, hit.start - offset) - 1
    if index < 0:
        return
    matcher = matchers.get(doc[index].lower_)
    if matcher is None:
        return
    first = max(window_tokens[0], index - _TOKENS_BEFORE_HIT)
    after_phrase = bisect_left(token_starts, hit.end - offset)
    last = min(window_tokens[1], index + _TOKENS_AFTER_HIT, after_phrase + _TOKENS_AFTER_PHRASE)
    for match_id, start, end in matcher(doc[first:last]):
        if not first + start <= index < first + end:
            continue  # found again from the cue it belongs to
        rule = RULES_BY_NAME[nlp.vocab.strings[match_id]]
        candidate = _candidate(text, offset, doc, first + start, first + end, rule)
        if candidate is not None:
            yield candidate
            if not rule.candidate_before:
                conjoined = _conjoined(text, candidate, rule)
                if conjoined is not None:
                    yield conjoined


def _batches(
    windows: Iterable[tuple[int, int, list[CueHit]]],
) -> Iterator[list[tuple[int, int, list[CueHit]]]]:
    batch: list[tuple[int, int, list[CueHit]]] = []
    size = 0
    for window in windows:
        batch.append(window)
        size += window[1] - window[0]
        if size >= _MAX_BATCH:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _merged(text: str, hits: list[CueHit]) -> Iterator[tuple[int, int, list[CueHit]]]:
    """Windows around cue hits, merged while they overlap and stay under a cap, so the
    tokenizer sees each stretch of text once and the work stays linear."""
    current: tuple[int, int, list[CueHit]] | None = None
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
    lookback = max(0, at - _PLATFORM_LOOKBACK)
    newline = text.rfind("\n", lookback, at)
    before = text[newline + 1 if newline != -1 else lookback : at].lower()
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
    title_start: int | None = None  # where a title kept with the name begins
    if rule.name == "title":
        title = _title_before(text, cue_start, start)
        if title is None:
            return None
        if title in _TITLES_KEPT:
            title_start = cue_start
    elif text[start:end].lower() in _TITLES:
        # "Contact Agent Wanjiru", "calling herself Mama Zawadi": the cue's word is a
        # title, and the name is the word after it; a title alone names nobody.
        name = _NAME_AFTER_TITLE.match(text, end)
        span = None if name is None else _handle_span(text, name.end())
        if rule.candidate_before or span is None:
            return None
        title = _title_before(text, start, span[0])
        if title is None:
            return None
        if title in _TITLES_KEPT:
            title_start = start
        start, end = span
    if not _passes_context(text, cue_start, start, end, rule):
        return None
    if rule.multiword:
        end = _extend_name(text, end)
    elif rule.name == "title" and title_start is None:
        end = _surname_after(text, end)
    value = _POSSESSIVE.sub("", text[start:end])
    if not _acceptable(value, rule) or _starts_organisation_name(text, value, end, rule):
        return None
    # "im" without its apostrophe is also German's "in the" ("im Briefkasten").
    if (
        rule.name == "introduction"
        and text[cue_start : cue_start + 3].lower() == "im "
        and not (is_given_name(value) or lexicon.is_handle_shaped(value))
    ):
        return None
    if title_start is not None:
        value = text[title_start : start + len(value)]
        start = title_start
    written_start = start if written_start is None else written_start
    return Candidate(value, written_start, start + len(value), rule.confidence, rule.name)


def _title_before(text: str, title_start: int, name_start: int) -> str | None:
    """The title (lower case) written from ``title_start`` up to the name, if it is
    written as one: capitalised ("Agent Wanjiru", not "user agent. Use a proxy"; the
    Vietnamese "chị Hằng" is the exception), with a full stop only if abbreviated."""
    written = text[title_start:name_start].strip()
    title = written.removesuffix(".").lower()
    if title not in _TITLES or (written.endswith(".") and title not in _ABBREVIATED_TITLES):
        return None
    if not written[0].isupper() and title not in _LOWER_CASE_TITLES:
        return None
    return title


def _conjoined(text: str, candidate: Candidate, rule: CueRule) -> Candidate | None:
    """The second of two names a cue introduces: "ask for Mia or Jade", "X y Z"."""
    joint = _CONJUNCTION.match(text, candidate.end)
    if joint is None:
        return None
    span = _handle_span(text, joint.end())
    if span is None or span[0] != joint.end():
        return None
    value = text[span[0] : span[1]]
    # Even after a strong cue, a lower-case word here is prose: "sold by X and others".
    if not lexicon.is_name_shaped(value) or not _acceptable(value, rule):
        return None
    return Candidate(value, span[0], span[1], rule.confidence, rule.name)


def _handle_span(text: str, token_start: int, backward: bool = False) -> tuple[int, int] | None:
    """The handle that starts at a token (or, backward, ends with it), trimmed."""
    start = token_start
    if backward:
        # "Dr.White wrote:" is tokenized as "Dr." "White": walk back over the handle.
        floor = max(0, token_start - _MAX_HANDLE_SCAN)
        while start > floor and _is_handle_char(text[start - 1]):
            start -= 1
    ceiling = min(len(text), token_start + _MAX_HANDLE_SCAN)
    end = _HANDLE_RUN.match(text, token_start, ceiling).end()
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


def _surname_after(text: str, end: int) -> int:
    """A courtesy title goes before a full name: "Mrs. Grace Okafor on WhatsApp"."""
    surname = SURNAME_AFTER.match(text, end)
    if (
        surname is None
        or lexicon.is_not_alias_word(surname.group(1))
        or lexicon.organisation_after(text, surname.end(1))
    ):
        return end
    return surname.end(1)


def _extend_name(text: str, end: int) -> int:
    """Take one more capitalised word when it ends the phrase: "Vendor: Green Dragon"."""
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return end
    word = following.group(1)
    if not word[:1].isupper() or not word[1:].islower() or lexicon.is_not_alias_word(word):
        return end
    return following.end(1)


def _starts_organisation_name(text: str, value: str, end: int, rule: CueRule) -> bool:
    """ "Wall" in "Wall Street Market" is a market, not a vendor; "Border" in "Border
    Force" an agency. (A vendor's "DrWhite Store" and "DrWhite's shop" are the cues of
    their own rules, which name the vendor.)"""
    if rule.name not in _SHOP_RULES and lexicon.organisation_after(text, end):
        return True
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
        return _follows_signature_mark(text, start) and bool(
            _LINE_END.match(text, end) or _SIGNATURE_ROLE.match(text, end)
        )
    if rule.name == "sign_off":
        return bool(_SIGN_OFF_END.match(text, end))
    if rule.name == "here":
        return _greeted(text, start) and bool(_HERE_TAIL.match(text, end))
    if rule.name == "greeting":
        # "hey its Mia" introduces someone; "it's Friday" or "its fine" does not.
        return _greeted(text, cue_start)
    return True


def _greeted(text: str, end: int) -> bool:
    """Whether a greeting ("hey guys,") or only punctuation opens the line up to ``end``."""
    at = end
    while (
        at > 0
        and text[at - 1] != "\n"
        and (text[at - 1] in _GREETING_GAP or text[at - 1].isspace())
    ):
        at -= 1
    if at == 0 or text[at - 1] == "\n":
        return True
    # An emoji ends a title's segment as a line break would: "Andheri West 🔥🔥 Riya here".
    if text[at - 1] in "\ufe0f\u200d" or unicodedata.category(text[at - 1]) == "So":
        return True
    begin = max(0, at - _GREETING_LOOKBACK)
    newline = text.rfind("\n", begin, at)
    return bool(_GREETING_AT_END.search(text[newline + 1 if newline != -1 else begin : at]))


def _follows_signature_mark(text: str, start: int) -> bool:
    """Whether the line before ``start`` is only a mark such as "~" or "--" (and spaces);
    read backwards over the spaces and at most three characters of mark."""
    mark_end = space_before(text, start)
    mark_start = mark_end
    while mark_start > 0 and mark_end - mark_start < 3 and not text[mark_start - 1].isspace():
        mark_start -= 1
    return text[mark_start:mark_end] in _SIGNATURE_MARKS and opens_line(text, mark_start)


def _acceptable(value: str, rule: CueRule) -> bool:
    if lexicon.is_rejected(value):
        return False
    if rule.handle_only:
        return lexicon.is_handle_shaped(value)
    if rule.strong:
        return any(ch.isalpha() for ch in value)
    return lexicon.is_name_shaped(value)
