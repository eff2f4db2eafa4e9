"""The cue patterns for spaCy's Matcher, and the words they are built from.

Each ``CueRule`` is a set of token patterns ending in (or preceded by) the candidate
alias, with how sure a candidate found that way is and what shape it must have.
"""

from __future__ import annotations

from dataclasses import dataclass

# Any token that is not punctuation or whitespace; its extent is read from the raw
# text afterwards, because spaCy splits handles such as "Dr.White" or "Mr-Nice-Guy".
_CANDIDATE = {"IS_PUNCT": False, "IS_SPACE": False}
_SEPARATOR = {"ORTH": {"IN": [":", "-", "|", "=", "–", "—", "::"]}}
_OPTIONAL_COLON = {"ORTH": ":", "OP": "?"}
# Opening quotes around a name: "calls herself "Britney"".
QUOTES = ['"', "'", "“", "‘", "«"]
CLOSING_QUOTES = ['"', "'", "”", "’", "»"]
_OPTIONAL_QUOTE = {"ORTH": {"IN": QUOTES}, "OP": "?"}


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


WROTE = ["wrote", "said", "says", "writes", "schrieb", "escribió", "написал"]
HERE = ["here", "aquí", "aqui", "hier"]
POSSESSIVE_MARKS = ["'s", "’s"]
FIELD_LABELS = [
    "vendor", "seller", "username", "user", "alias", "nick", "nickname", "handle", "author",
    "admin", "moderator", "mod",
    "moniker", "vendedor", "vendedora", "usuario", "seudónimo", "apodo", "verkäufer",
    "verkaeufer", "anbieter", "benutzer", "benutzername", "продавец", "ник", "никнейм",
    # "Profil vendeur : LeChimiste", "Verkoper: X", "Satıcı: X".
    "vendeur", "vendeuse", "venditore", "verkoper", "satıcı", "sprzedawca", "prodejce",
    # A dispatch sheet's or a ledger's driver: "Chofer: El Güero", "Driver: Mike".
    "chofer", "driver", "conductor", "motorista", "водитель",
    # A dispute's or an order's parties: "Покупатель: X   Оператор: Y", "Buyer: x".
    "buyer", "customer", "operator", "comprador", "compradora", "käufer", "покупатель",
    "оператор", "клиент",
    # Whom a field report or a shop's contacts name: "Lady: Kiki", "Поддержка: Артём".
    "lady", "provider", "поддержка", "саппорт",
]  # fmt: skip
# "posted by X", "comment by X": a post's author.
BY_VERBS = [
    "sold", "posted", "reviewed", "written", "listed", "listing", "comment", "commented",
    "reply", "replied", "answered", "reported", "submitted",
]  # fmt: skip
# The same in the languages of the forums crawled: "verkauft von", "Verfasst von",
# "Beitrag von", "publicado por", "posté par", "pubblicato da".
OTHER_LANGUAGES_BY_VERBS = [
    "verkauft", "verfasst", "beitrag", "geschrieben", "gepostet", "vendido", "publicado",
    "escrito", "postado", "posté", "publié", "écrit", "pubblicato", "scritto", "продано",
    # A German board's reply: "Antwort von Ostwind » 12.03.2024".
    "antwort",
    "написано", "опубликовано",
]  # fmt: skip
OTHER_LANGUAGES_BY = ["von", "por", "par", "da", "от"]
# "shipped by", "run by": followed by a name as often as by "hand" or "mail".
DONE_BY = [
    "shipped", "sent", "packed", "offered", "stocked", "run", "managed", "maintained",
    "compiled", "uploaded", "created", "signed", "curated", "hosted", "operated", "massage",
]  # fmt: skip
# "магазин" (shop): Russian shops go by their name, "Магазин DrKush".
PERSON_ROLES = [
    "vendor", "seller", "vendedor", "verkäufer", "user", "member", "buyer", "customer", "магазин",
    "admin", "mod", "moderator",
    # Other languages' boards, some inflected: "le vendeur LeChimiste", "o vendorze X".
    "vendeur", "venditore", "verkaeufer", "sprzedawca", "sprzedawcy", "vendorze", "vendora",
    "продавец", "продавца",
    # A recruiting ring's and an agency's people, by role: "coordinator Oksana", "booker
    # Paty", "Maid Pauline", and in Russian and Ukrainian also as the object of "write to":
    # "Пишите менеджеру Алина", "администратору Карина", "Оператор Макс".
    "coordinator", "coordinadora", "coordinador", "coordenadora", "booker", "maid",
    "recruiter", "handler", "dispatcher", "оператор", "менеджер", "менеджеру", "менеджера",
    "администратор", "администратору", "администратора", "оператору", "оператора",
    "координатор", "координатору", "координатора", "куратор", "куратору", "куратора",
    # Who answers an agency's phone: "minha secretária Jéssica", "la monitora Yuliana" (a
    # webcam studio's), "O motorista Bikash".
    "secretary", "secretária", "secretaria", "segretaria", "monitora", "motorista", "chofer",
    # An ad's "new girl Mimi", "Latina duo Paola", "chica Yeni".
    "girl", "duo", "chica", "ragazza",
]  # fmt: skip
# Ad titles put a name after an adjective: "Sexy Mia", "SWEET JESSICA", "Pinay Dominique".
AD_ADJECTIVES = [
    "sexy", "sweet", "exotic", "hot", "pinay", "latina", "young", "busty", "petite", "sensual",
    "gorgeous", "beautiful", "pretty", "cute", "naughty", "stunning", "vip", "elegant", "classy",
    "curvy", "ebony", "asian", "thai", "blonde", "brunette", "redhead", "lovely", "charming",
    "playful", "seductive", "sultry", "adorable", "amazing",
]  # fmt: skip
ORDER_VERBS = [
    "ordered", "order", "orders", "ordering", "bought", "buy", "buying", "got", "purchased",
    "received", "copped", "scored", "bestellt", "compré",
]  # fmt: skip
# "DrKush is legit", "X exit scammed": a verdict on whoever comes before it.
VERDICT_VERBS = ["is", "was", "seems"]
VERDICTS = ["legit", "legitimate", "trusted", "reliable", "scamming"]
# Escort reviews name who was seen: "saw Mia last Friday", "booked Jade for an hour".
VISIT_VERBS = ["saw", "met", "booked", "visited"]
SIGN_OFFS = [
    "xoxo", "xo", "xx", "kisses", "kiss", "hugs", "besos", "beso", "küsse", "bussi", "целую",
    "love", "cheers", "regards", "thanks", "thx", "grüße", "gruß", "gruss", "saludos", "peace",
    "liefs", "kusjes", "groetjes", "baci", "bisous", "bises", "beijos", "beijinhos", "besitos",
    "puszi", "pusy",
]  # fmt: skip
# What a vendor's name is followed by in "DrWhite's shop", "DrWhite's new batch".
# Titles before a name: "Madam Blessing", "Pani Ewa", "Sra. Rocío", "Agent Wanjiru".
# The madams and "mamas" of trafficking rings are known by title and name together;
# the others are courtesy titles, and the name alone is the alias.
# So are the "uncles" and "aunts" of recruiters' chats ("WhatsApp Uncle Mike", "falar
# com Tia Bia").
# A ring's "Boss Arman" too.
TITLES_KEPT = [
    "madam", "madame", "mama", "mamma", "auntie", "aunty", "mummy", "mommy", "mistress", "uncle",
    "tia", "tía", "tio", "tío", "boss",
]  # fmt: skip
TITLES_DROPPED = [
    "agent", "sra", "srta", "señora", "senora", "señorita", "senorita", "signora", "dona",
    "pani", "frau", "herr", "mme", "mlle", "mamasan", "mamasang", "chị", "anh", "miss",
    "mrs", "ms", "mr",
    # "Don Ramón", "Ma'am Maricel", "Khun Ploy", "la Lic. Fernanda".
    "don", "doña", "ma'am", "ma’am", "maam", "khun", "lic", "licenciada", "licenciado",
    # Nigerian recruiters' courtesy: "Call Brother Kelvin", "Sister Gift".
    "brother", "sister",
    # Malay, Indonesian, Swahili, Tagalog and Portuguese courtesy: "Kak Ros", "Pak Hendra",
    # "Bi Zuhura", "Ate Marites", "Sr. Rui".
    "kak", "pak", "bu", "mbak", "bi", "ate", "kuya", "sr",
]  # fmt: skip
TITLES = TITLES_KEPT + TITLES_DROPPED
# A forum role in brackets after a name: "Hydrus (admin)", "r00tbeer (Member | Posts 44)".
BRACKETED_ROLES = [
    "admin", "administrator", "mod", "moderator", "supermod", "support", "staff", "owner",
    "founder", "vendor", "seller", "buyer", "member", "newbie", "dispute", "escrow",
    "senior", "junior", "veteran", "verified", "trusted", "regular",
    # Other languages' boards: "Schattenmann (Mitglied · 87 Beiträge)", "(Neuling)".
    "mitglied", "stammgast", "neuling", "benutzer", "membre", "utilisateur", "miembro",
    "membro", "novato", "utente", "uzytkownik",
    # A recruiting ring's roles: "Katia (coordinadora)", "Mike (driver)".
    "coordinator", "coordinadora", "coordinador", "coordenadora", "manager", "recruiter",
    "booker", "driver",
]  # fmt: skip
# "Is called" in the languages chats and ads are written in, for anyone: "se llama
# Valeria", "si chiama Giulia", "s'appelle Inès", "её зовут Алина", "її звати Оксана",
# "se numește Ioana", "με λένε Ελένη", "adı Ayşe", "em tên Hoa". Not German "heißt":
# "das heißt" (that is) comes before a capitalised noun.
NAME_VERBS = [
    "llama", "chiama", "chama", "appelle", "s'appelle", "s’appelle", "зовут", "звати",
    "numește", "numeste", "λένε", "adı", "adım", "tên",
]  # fmt: skip
# The same with a reflexive after the verb: "zove se Ana", "jmenuje se Katka", "nazywa
# się Ola", "казва се Деси", "volá sa Zuzka".
REFLEXIVE_NAME_VERBS = [
    "zove", "zovem", "jmenuje", "jmenuji", "jmenuju", "nazywa", "nazywam", "казва", "казвам",
    "volá", "volám",
]  # fmt: skip
REFLEXIVES = ["se", "się", "sa"]
# Whose name it is: "my name is", "her name was", "mi nombre es".
NAME_OWNERS = ["my", "mein", "mi", "her", "his", "their"]
# "my friend Shane", "her cousin Mia".
# Hinglish's "meri friend Pooja" too, and the Romance languages' and Russian's own: "mi
# amiga Sofía", "minha amiga Bia", "mia cugina Giada", "ma copine Inès", "моя подруга Катя".
COMPANION_OWNERS = [
    "my", "her", "his", "our", "meri", "mera", "mi", "mia", "minha", "meu", "ma", "mon",
    "моя", "мой", "su", "sua", "sa", "son",
]  # fmt: skip
# And whoever keeps her: 'Her "boyfriend" Marius sits outside'.
COMPANIONS = [
    "friend", "girlfriend", "colleague", "cousin", "sister", "roommate", "bestie", "boyfriend",
    "husband", "pimp", "brother", "amiga", "amigo", "amica", "amico", "hermana", "prima",
    "primo", "sorella", "cugina", "irmã", "copine", "amie", "cousine", "sœur", "soeur",
    "подруга", "сестра", "сестричка",
]  # fmt: skip
# Tagalog marks a person's name with "si", "ni" and "kay": "pakisabi kay Marisol", "si
# Rommel susundo". Spanish "ni Pedro ni Juan" names people too.
PERSON_MARKERS = ["si", "ni", "kay"]
OWNED = [
    "shop", "store", "listing", "listings", "mirror", "mirrors", "menu", "profile", "page",
    "stealth", "batch", "key", "pgp", "products", "product", "feedback", "reviews", "new",
    "onion", "wickr", "telegram", "prices", "stuff", "packs", "pack", "account",
]  # fmt: skip

RULES: tuple[CueRule, ...] = (
    CueRule(
        "field",
        (
            ({"LOWER": {"IN": FIELD_LABELS}}, _SEPARATOR, _CANDIDATE),
            # A JSON or YAML key: '"vendor": "digi.deals"', "'buyer': 'lowkey_lena'".
            (
                {"LOWER": {"IN": FIELD_LABELS}},
                {"ORTH": {"IN": ['"', "'"]}},
                {"ORTH": ":"},
                {"ORTH": {"IN": ['"', "'"]}, "OP": "?"},
                _CANDIDATE,
            ),
            (
                {"LOWER": {"IN": ["vendor", "seller", "user", "shop", "store"]}},
                {"LOWER": {"IN": ["name", "id", "alias", "nick", "profile", "page"]}},
                _SEPARATOR,
                _CANDIDATE,
            ),
            ({"LOWER": "quote"}, {"LOWER": "from"}, _OPTIONAL_COLON, _CANDIDATE),
            # A site's account bar: "Logged in as sp00kyb0i | Logout".
            (
                {"LOWER": {"IN": ["logged", "signed"]}},
                {"LOWER": "in"},
                {"LOWER": "as"},
                _OPTIONAL_COLON,
                _CANDIDATE,
            ),
            (
                {"LOWER": {"IN": ["reply", "comment", "message", "answer", "response"]}},
                {"LOWER": "from"},
                _OPTIONAL_COLON,
                _CANDIDATE,
            ),
            (
                {"LOWER": {"IN": ["ответ", "сообщение"]}},
                {"LOWER": "от"},
                _OPTIONAL_COLON,
                _CANDIDATE,
            ),
            # "Ответ от пользователя X": a reply from the user X.
            (
                {"LOWER": {"IN": ["ответ", "сообщение"]}},
                {"LOWER": "от"},
                {"LOWER": "пользователя"},
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
                {"LOWER": {"IN": BY_VERBS}},
                {"LOWER": "by"},
                _OPTIONAL_COLON,
                _CANDIDATE,
            ),
            # "Reply #6 by PNWmonger"
            (
                {"LOWER": {"IN": BY_VERBS}},
                {"ORTH": "#"},
                {"IS_PUNCT": False, "IS_SPACE": False},
                {"LOWER": "by"},
                _OPTIONAL_COLON,
                _CANDIDATE,
            ),
            (
                {"LOWER": {"IN": OTHER_LANGUAGES_BY_VERBS}},
                {"LOWER": {"IN": OTHER_LANGUAGES_BY}},
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
                {"LOWER": {"IN": DONE_BY}},
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
        (
            ({"LOWER": {"IN": WROTE}}, {"ORTH": ":"}),
            # "tailsnewbie wrote (Mar 05, 2024 14:02):" ("):" is one token or two)
            (
                {"LOWER": {"IN": WROTE}},
                {"ORTH": "("},
                {"IS_SPACE": False, "OP": "{1,12}"},
                {"ORTH": "):"},
            ),
            (
                {"LOWER": {"IN": WROTE}},
                {"ORTH": "("},
                {"IS_SPACE": False, "OP": "{1,12}"},
                {"ORTH": ")"},
                {"ORTH": ":"},
            ),
        ),
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
                {"LOWER": {"IN": PERSON_ROLES}},
                _CANDIDATE,
            ),
        ),
        confidence=0.75,
        multiword=True,
    ),
    CueRule(
        "possessive",
        (({"LOWER": {"IN": POSSESSIVE_MARKS}}, {"LOWER": {"IN": OWNED}}),),
        confidence=0.7,
        candidate_before=True,
    ),
    CueRule(
        "ad_title",
        (({"LOWER": {"IN": AD_ADJECTIVES}}, _CANDIDATE),),
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
                {"LOWER": {"IN": ORDER_VERBS}},
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
                {"LOWER": {"IN": NAME_OWNERS}},
                {"LOWER": {"IN": ["name", "nombre"]}},
                {"LOWER": {"IN": ["is", "was", "'s", "’s", "ist", "es"]}},
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
            ({"LOWER": "hit"}, {"LOWER": "up"}, _CANDIDATE),
            ({"LOWER": "me"}, {"LOWER": "llamo"}, _CANDIDATE),
            ({"LOWER": "soy"}, _CANDIDATE),
            ({"LOWER": {"IN": ["pregunta", "pregunten"]}}, {"LOWER": "por"}, _CANDIDATE),
            ({"LOWER": "ich"}, {"LOWER": {"IN": ["heiße", "heisse", "bin"]}}, _CANDIDATE),
            ({"LOWER": "je"}, {"LOWER": {"IN": ["m'appelle", "m’appelle", "suis"]}}, _CANDIDATE),
            ({"LOWER": "меня"}, {"LOWER": "зовут"}, _CANDIDATE),
            ({"LOWER": "sou"}, {"LOWER": {"IN": ["a", "o"]}}, _CANDIDATE),
            ({"LOWER": "me"}, {"LOWER": "chamo"}, _CANDIDATE),
            ({"LOWER": "meu"}, {"LOWER": "nome"}, {"LOWER": {"IN": ["é", "e"]}}, _CANDIDATE),
            ({"LOWER": "mi"}, {"LOWER": "chiamo"}, _CANDIDATE),
            ({"LOWER": "moi"}, {"LOWER": {"IN": ["c'est", "c’est"]}}, _CANDIDATE),
            ({"LOWER": "meet"}, _CANDIDATE),
            ({"LOWER": "sono"}, _CANDIDATE),
            # Romanian, Polish, Dutch, Tagalog.
            ({"LOWER": "sunt"}, _CANDIDATE),
            ({"LOWER": {"IN": ["mă", "ma"]}}, {"LOWER": "numesc"}, _CANDIDATE),
            ({"LOWER": "jestem"}, _CANDIDATE),
            ({"LOWER": "ik"}, {"LOWER": {"IN": ["ben", "heet"]}}, _CANDIDATE),
            ({"LOWER": "ako"}, {"LOWER": "si"}, _CANDIDATE),
        ),
        confidence=0.75,
        multiword=True,
    ),
    CueRule(
        "name_verb",
        (
            ({"LOWER": {"IN": NAME_VERBS}}, _CANDIDATE),
            ({"LOWER": {"IN": REFLEXIVE_NAME_VERBS}}, {"LOWER": {"IN": REFLEXIVES}}, _CANDIDATE),
        ),
        confidence=0.75,
    ),
    CueRule(
        "known_as",
        (
            (
                {"LOWER": {"IN": ["calls", "calling", "called"]}},
                {"LOWER": {"IN": ["herself", "himself", "themselves"]}},
                _OPTIONAL_QUOTE,
                _CANDIDATE,
            ),
            ({"LOWER": "goes"}, {"LOWER": "by"}, _OPTIONAL_QUOTE, _CANDIDATE),
            # "a woman named Lin", "a driver nicknamed 'Big Mike'", "a woman called Donna"
            ({"LOWER": {"IN": ["named", "nicknamed", "called"]}}, _OPTIONAL_QUOTE, _CANDIDATE),
            ({"LOWER": "known"}, {"LOWER": "as"}, _OPTIONAL_QUOTE, _CANDIDATE),
            ({"LOWER": {"IN": ["aka", "a.k.a", "a.k.a."]}}, _OPTIONAL_QUOTE, _CANDIDATE),
        ),
        confidence=0.75,
        multiword=True,
    ),
    CueRule(
        "greeting",
        (
            ({"LOWER": {"IN": ["its", "it's", "it’s"]}}, _CANDIDATE),
            ({"LOWER": "it"}, {"LOWER": {"IN": ["'s", "’s", "is"]}}, _CANDIDATE),
            ({"LOWER": "this"}, {"LOWER": "is"}, _CANDIDATE),
        ),
        confidence=0.7,
    ),
    CueRule(
        "verdict",
        (
            ({"LOWER": {"IN": VERDICT_VERBS}}, {"LOWER": {"IN": VERDICTS}}),
            ({"LOWER": "exit"}, {"LOWER": {"IN": ["scammed", "scamming"]}}),
        ),
        confidence=0.65,
        candidate_before=True,
    ),
    CueRule(
        "visit",
        (({"LOWER": {"IN": VISIT_VERBS}}, _CANDIDATE),),
        confidence=0.6,
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
        "title",
        (
            ({"LOWER": {"IN": TITLES}}, {"ORTH": ".", "OP": "?"}, _CANDIDATE),
            ({"LOWER": {"IN": [f"{title}." for title in TITLES_DROPPED]}}, _CANDIDATE),
        ),
        confidence=0.7,
    ),
    CueRule(
        "bracketed_role",
        (({"ORTH": "("}, {"LOWER": {"IN": BRACKETED_ROLES}}),),
        confidence=0.75,
        candidate_before=True,
    ),
    CueRule(
        "companion",
        (
            (
                {"LOWER": {"IN": COMPANION_OWNERS}},
                _OPTIONAL_QUOTE,
                {"LOWER": {"IN": COMPANIONS}},
                {"ORTH": {"IN": CLOSING_QUOTES}, "OP": "?"},
                _CANDIDATE,
            ),
        ),
        confidence=0.65,
    ),
    CueRule(
        "person_marker",
        (({"LOWER": {"IN": PERSON_MARKERS}}, _CANDIDATE),),
        confidence=0.65,
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
                {"LOWER": {"IN": SIGN_OFFS}},
                {"ORTH": {"IN": [",", "-", "~", "!", "<3"]}, "OP": "*"},
                _CANDIDATE,
            ),
        ),
        confidence=0.7,
    ),
    CueRule(
        "here",
        (({"LOWER": {"IN": HERE}},),),
        confidence=0.7,
        candidate_before=True,
    ),
    CueRule(
        "signature",
        (({"ORTH": {"IN": ["~", "~~", "--", "—", "–"]}}, _CANDIDATE),),
        confidence=0.75,
    ),
)

RULES_BY_NAME = {rule.name: rule for rule in RULES}
