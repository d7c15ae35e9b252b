"""Which names are one body: the organizations stage lists one entry per body however the text names it.

Two names are one body when their lemmas are the same, a legal form or a state's name aside; when one is an
abbreviation of the other (initials «СДПК», syllables «Совбез», «Госсовет», a quoted name's initials), a shorter form
of it, or its quoted part; when one carries a country code the other leaves out. `merge` folds a document's bodies
so; `Candidates` finds, by keys, the few bodies another may merge into (trying every pair was quadratic).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from models import lexicons, loading
from models.grammars import organizations as grammar
from models.punctuation import QUOTES
from pipelines.deadline import check_deadline
from pipelines.findings import TextSpan

# A name's word, as the scorer splits names.
WORD = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+")
# A name's word with its hyphens («Кара-Суу», «ОсОО-Ай»), as abbreviations are read off a name.
HYPHENATED_WORD = re.compile(r"[\wЁё-]+")
# Function words are not part of a name's identity (the scorer skips them too).
FUNCTION_WORDS = lexicons.load("function_words")


@dataclass
class Body:
    name: str
    words: tuple[str, ...]  # lemmas of the content words
    head: str | None  # lemma of the head noun
    abbreviation: bool
    aliases: list[str] = field(default_factory=list)
    mentions: list[TextSpan] = field(default_factory=list)
    listed: bool = True  # `OrganizationFinding.listed`
    letterhead: bool = False  # named in a heading typed in capitals, read in sentence case
    composed: bool = False  # a unit under the letterhead, named here with the letterhead's body (`_unit_of_letterhead`)


# «администрация г. Железногорска» and «Администрация города Железногорска»: a kind of place cut short is the kind.
_SHORT_PLACE_KINDS = {"г": "город", "гор": "город", "обл": "область"}


def lemmas(text: str, legal_forms: frozenset[str] = frozenset()) -> tuple[str, ...]:
    words = [w for w in WORD.findall(text) if w.lower() not in FUNCTION_WORDS]
    words = [_SHORT_PLACE_KINDS.get(w, w) for w in words]
    # «Коммерсантъ» keeps the old spelling's final hard sign, «Коммерсанта» does not: one name.
    words = [w[:-1] if len(w) > 2 and w[-1] in "ъЪ" else w for w in words]
    forms = {i for i, w in enumerate(words) if w.lower().replace("0", "о") in legal_forms}
    # «Администрация НАО»: letters that end a name right after a local executive are its place's code (the Nenets
    # okrug), not a legal form («непубличное АО»), which opens a company's name.
    last = len(words) - 1
    if last in forms and last > 0 and grammar.word_lemma(words[last - 1]) in lexicons.load("org_executives"):
        forms.discard(last)
    return tuple(grammar.word_lemma(w) for i, w in enumerate(words) if i not in forms)


def _initials(words: list[str]) -> set[str]:
    """Letters an abbreviation of these words can be made of: «Социал-демократическая партия» → СДП."""
    firsts = []
    for word in words:
        parts = [p for p in word.split("-") if p]
        firsts.append("".join(p[0] for p in parts))
    full = "".join(firsts)
    return {full, "".join(w[0] for w in words)}


def abbreviates(short: str, full: str) -> bool:
    """`short` is an abbreviation of `full` or of its leading words («ЕЦБ», «Совбез», «Госсовет»)."""
    named = _named_after(short, full)
    if named is not None:
        return named
    short_words = [w for w in HYPHENATED_WORD.findall(short) if w.lower() not in FUNCTION_WORDS]
    full_words = [w for w in HYPHENATED_WORD.findall(full) if w.lower() not in FUNCTION_WORDS]
    full_lower = [w.lower() for w in full_words]
    if _abbreviates_words(short_words, full_words, full_lower):
        return True
    if not short.isupper():
        return False
    # «АВП» for «Ассоциация водопользователей»: a letter for each root of a compound word.
    split = [part for w in full_lower for part in _compound_roots(w)]
    return split != full_lower and _abbreviates_words(short_words, full_words, split)


# «КГУ им. А. Рудаки», «МГУ им. М.В. Ломоносова»: an institution named after a person, its kind abbreviated and the
# person's given names cut to initials.
_NAMED_AFTER = re.compile(r"\s(?:им\.|имени)\s*", re.IGNORECASE)


def _named_after(short: str, full: str) -> bool | None:
    """`short` «<abbreviation> им. <initials> <surname>» of `full` «<name> имени <given names> <surname>»: the part
    before abbreviates the full name's part before, and the person is the same surname. None when either name is
    not named after a person, or the short one spells out the part before (no abbreviation to read)."""
    short_parts, full_parts = _NAMED_AFTER.split(short, maxsplit=1), _NAMED_AFTER.split(full, maxsplit=1)
    if len(short_parts) != 2 or len(full_parts) != 2 or not short_parts[0].isupper():
        return None
    short_person, full_person = WORD.findall(short_parts[1]), WORD.findall(full_parts[1])
    if not short_person or not full_person or len(short_person[-1]) < 2:
        return False
    same_person = grammar.word_lemma(short_person[-1]) == grammar.word_lemma(full_person[-1])
    return same_person and abbreviates(short_parts[0], full_parts[0])


def _compound_roots(word: str) -> list[str]:
    """«водопользователей» → «водо», «пользователей»: a compound of a stem and a word joined by «о» or «е»; «горкенеша»
    → «гор», «кенеша» (so «БГК» abbreviates «Бишкекский горкенеш»)."""
    for syllable in grammar.LEVEL_SYLLABLES:
        rest = word[len(syllable) :]
        if word.startswith(syllable) and len(rest) >= 4 and _kind_of_body(rest):
            return [syllable, rest]
    if len(word) < 9:
        return [word]
    for i in range(3, len(word) - 4):
        if word[i - 1] in "ое" and loading.morph().word_is_known(word[i:]) and len(word) - i >= 5:
            return [word[:i], word[i:]]
    return [word]


def _kind_of_body(word: str) -> bool:
    lex = grammar.lexicon()
    return grammar.word_lemma(word) in lex.heads or word in lex.foreign_heads


def _abbreviates_words(short_words: list[str], full_words: list[str], full_lower: list[str]) -> bool:
    while short_words:
        if len(short_words) < len(full_words) and cover([w.lower() for w in short_words], full_lower, False):
            return True
        # «Совбез ООН» for «Совет Безопасности»: a code of the parent body after the short form may be left out.
        # («МИД РФ» is not Swaziland's ministry: a state's code is no parent body's.)
        last = short_words[-1]
        if len(short_words) > 1 and last.isupper() and last not in full_words and not _is_state(last):
            short_words = short_words[:-1]
        else:
            return False
    return False


def cover(short: list[str], full: list[str], compressed: bool) -> bool:
    """Each short word spells one or more consecutive full words; trailing full words may be left."""
    if not short:
        return compressed
    if not full:
        return False
    word, rest = short[0], short[1:]
    states = _state_by_name()
    state = states.get((grammar.word_lemma(word),))
    # (Runs no longer than can matter: a word spells at most as many words as it has letters, words of hyphens alone
    # aside, which give no initial; it spells none that do not start with its first letter (initials, a place's
    # syllable and prefixes all do), a first word of hyphens aside; a state's name is at most the catalogue's
    # longest. The same answer, fewer runs.)
    spellable = word[:1] == full[0][:1] or full[0].startswith("-")
    longest = len(word) + sum(1 for w in full if not w.strip("-")) if spellable else 1
    if state is not None:
        longest = max(longest, _longest_state_name())
    for n in range(1, min(len(full), max(longest, 1)) + 1):
        run = full[:n]
        if n == 1 and grammar.word_lemma(word) == grammar.word_lemma(run[0]):
            if cover(rest, full[1:], compressed):
                return True
        elif spellable and _spells(word, run) and cover(rest, full[n:], True):
            return True
        # «УМВД России по …» for «Управление МВД Российской Федерации по …»: a state under another of its names.
        same_state = state is not None and state == states.get(tuple(map(grammar.word_lemma, run)))
        if same_state and cover(rest, full[n:], compressed):
            return True
    return False


def _spells(word: str, run: list[str]) -> bool:
    """`word` is made of prefixes of the words in `run`, in order («сов»+«без», «е»+«ц»+«б»)."""
    if len(run) == 1:
        return False
    if word in _initials(run):
        return True
    # «АлтГУ», «СПбГУ»: the place's syllable, then the initials of the rest («Алтайский государственный университет»).
    rest = "".join(w[0] for w in run[1:])
    syllable = word[: len(word) - len(rest)]
    if 2 <= len(syllable) < len(run[0]) - 2 and word.endswith(rest) and run[0].startswith(syllable):
        return True
    return _prefixes(word, run)


def _prefixes(word: str, run: list[str]) -> bool:
    if not run:
        return not word
    first, rest = run[0], run[1:]
    # The last word may stand whole and inflected («Генассамблея», «Госсовет»).
    if not rest and len(word) >= 3 and grammar.word_lemma(word) == grammar.word_lemma(first):
        return True
    for n in range(min(len(word), len(first)), 0, -1):
        if word[:n] == first[:n] and (n >= 2 or len(first) == 1 or word.isupper()) and _prefixes(word[n:], rest):
            return True
    return False


def _subsumes(long: Body, short: Body) -> bool:
    """`short` is a shorter way of naming `long`: its words are among long's, head included."""
    long_words, long_head = _uncontracted(long.words, long.head)
    if not short.words or short.abbreviation or len(short.words) >= len(long_words):
        return False
    if short.head is None or short.head != long_head:
        return False
    rest = list(long_words)
    # «Районный Совет депутатов Кяхтинского района»: the level says again what the place's kind says.
    words = [w for w in short.words if _LEVEL_PLACES.get(w) not in short.words]
    # (Only a kind at a level, with no place of its own: «Смоленский областной суд» names its place, «районный Совет
    # депутатов» names the district's council by its kind and level.)
    levelled = not any(_PLACE_ADJECTIVE_SUFFIX.search(w) for w in words if w not in _LEVEL_PLACES)
    for word in words:
        # «областной Маджлис» of «Маджлис народных депутатов Хатлонской области»: the level named by its place.
        if levelled and word not in rest and _LEVEL_PLACES.get(word) in rest:
            word = _LEVEL_PLACES[word]
        if word not in rest:
            return False
        rest.remove(word)
    return True


_LEVEL_PLACES = {"областной": "область", "районный": "район", "городской": "город", "краевой": "край"}
_LEVEL_ADJECTIVES = {"гор": "городской", "рай": "районный", "обл": "областной"}


def _uncontracted(words: tuple[str, ...], head: str | None) -> tuple[tuple[str, ...], str | None]:
    """«бишкекский горкенеш» → «бишкекский городской кенеш», «облмаслихат» → «областной маслихат»: a level's syllable
    contracted onto a kind of body is that level's adjective and the kind (so the text's «городского кенеша» after
    «Бишкекского горкенеша» is the same council); the kind is the head where the contraction left none."""
    if head is not None and head.startswith(grammar.LEVEL_SYLLABLES):
        head = None  # «горкенеш»: its kind is the head
    if not any(w.startswith(grammar.LEVEL_SYLLABLES) for w in words):
        return words, head
    spelled: list[str] = []
    for word in words:
        parts = _compound_roots(word) if word.startswith(grammar.LEVEL_SYLLABLES) else [word]
        if len(parts) == 2 and parts[0] in _LEVEL_ADJECTIVES:
            # («маслихат», which the dictionary reads as a form of another word, is a kind as written.)
            lex = grammar.lexicon()
            kind = parts[1] if parts[1] in lex.heads else lex.foreign_heads.get(parts[1], grammar.word_lemma(parts[1]))
            # (The words are lemmas as `lemmas` makes them, «маслихата» too; the head is the kind's dictionary form.)
            spelled.extend((_LEVEL_ADJECTIVES[parts[0]], grammar.word_lemma(kind)))
            head = head or kind
        else:
            spelled.append(word)
    return tuple(spelled), head


_PLACE_ADJECTIVE_SUFFIX = re.compile(r"(?<=\w)(ск|цк)(ий|ой)$")


def _place_neutral(words: tuple[str, ...]) -> tuple[str, ...]:
    """«Джалал-Абадский городской кенеш» and «Городской кенеш Джалал-Абада» (a headline's order): the same words
    once a place's adjective is read as the place («джалал-абадский» → «джалал-абад»), in any order."""
    return tuple(sorted(_PLACE_ADJECTIVE_SUFFIX.sub("", w) for w in words))


def _text_words_over(headed: Body, text: Body, spelled: bool) -> bool:
    """`text`'s name, the text's own, goes before `headed`'s, read from headings."""
    composed = headed.composed and not text.composed and spelled
    lettered = headed.letterhead and not text.letterhead
    return composed or (lettered and (headed.words == text.words or _municipal(headed.words)))


_MUNICIPALITY = ("муниципальный", "образование")
# «райисполком» and «районный исполнительный комитет»: a Belarusian executive committee's contraction, spelled out.
_EXECUTIVE_COMMITTEES = {
    "райисполком": ("районный", "исполнительный", "комитет"),
    "облисполком": ("областной", "исполнительный", "комитет"),
    "горисполком": ("городской", "исполнительный", "комитет"),
    "сельисполком": ("сельский", "исполнительный", "комитет"),
    "исполком": ("исполнительный", "комитет"),
}


def _spelled_out(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words a merge compares: a municipality named by its kind is its name (`_municipality_neutral`), an
    executive committee's contraction its words («комиссия … Молодечненского райисполкома» and the letterhead's
    «Комиссия … Молодечненского районного исполнительного комитета»)."""
    words = _municipality_neutral(words)
    if not any(w in _EXECUTIVE_COMMITTEES for w in words):
        return words
    return tuple(part for w in words for part in _EXECUTIVE_COMMITTEES.get(w, (w,)))


def _municipality_neutral(words: tuple[str, ...]) -> tuple[str, ...]:
    """«Администрация муниципального образования «Северодвинск»» (a letterhead) and «Администрация Северодвинска» (the
    text): a municipality named by its kind and its quoted name is the place that name names."""
    if not _municipal(words):
        return words
    i = next(i for i in range(len(words) - 2) if words[i : i + 2] == _MUNICIPALITY)
    return (*words[:i], *words[i + 2 :])


def _municipal(words: tuple[str, ...]) -> bool:
    return any(words[i : i + 2] == _MUNICIPALITY for i in range(len(words) - 2))


_MAX_STATE_WORDS = 3


def _state_neutral(words: tuple[str, ...]) -> tuple[str, ...]:
    """«Совет Безопасности России» and «… Российской Федерации», «партия Кыргызстана» and «… Киргизии»: a state
    under any of its names (`loc_countries`) is one word, its catalogue name."""
    states = _state_by_name()
    out: list[str] = []
    i = 0
    while i < len(words):
        n = next((n for n in range(_MAX_STATE_WORDS, 0, -1) if words[i : i + n] in states), 0)
        out.append(states[words[i : i + n]] if n else words[i])
        i += n or 1
    return tuple(out)


@cache
def _services_by_name() -> dict[tuple[str, ...], str]:
    """A federal service's full name as lemmas (a state's name already its catalogue name) → its short name's lemma
    (`org_federal_services`)."""
    names: dict[tuple[str, ...], str] = {}
    for line in lexicons.lines("org_federal_services"):
        short, _, full = (part.strip() for part in line.partition("|"))
        names[_state_neutral(lemmas(full))] = grammar.word_lemma(short)
    return names


def _service_neutral(words: tuple[str, ...]) -> tuple[str, ...]:
    """«Управление Федеральной службы государственной регистрации, кадастра и картографии по …» and «Управление
    Росреестра по …»: a federal service under its full name is the one word it goes by."""
    services = _services_by_name()
    if len(words) < 3 or not any(w in ("федеральный", "агентство") for w in words):
        return words
    for full, short in services.items():
        n = len(full)
        for i in range(len(words) - n + 1):
            if words[i : i + n] == full:
                return (*words[:i], short, *words[i + n :])
    return words


# «во всех государствах Содружества» in a text about the СНГ: the one word a bloc goes by alone is its abbreviation's
# body (heldout-genre-19, -23, -25: the golds list the СНГ only).
_BLOC_WORD = ("содружество",)
_BLOC_ABBREVIATION = ("снг",)


def merge(bodies: list[Body]) -> list[Body]:
    by_words: dict[tuple[str, ...], Body] = {}
    merged: list[Body] = []
    for body in bodies:
        stated = _state_neutral(body.words)
        if (served := _service_neutral(stated)) != stated:
            body.words = served  # (so that a shorter mention of the service's office is absorbed by it too)
        named = _BLOC_ABBREVIATION if body.words == _BLOC_WORD else body.words
        key = _place_neutral(_state_neutral(_spelled_out(named)))
        same = by_words.get(key)
        if same is None:
            by_words[key] = body
            merged.append(body)
            continue
        same.mentions.extend(body.mentions)
        same.listed = same.listed or body.listed
        same.aliases.extend(a for a in body.aliases if a not in same.aliases)
        if _BLOC_WORD in (body.words, same.words):
            if same.words == _BLOC_WORD:  # (the abbreviation names it, whichever mention came first)
                same.name, same.words = body.name, body.words
            continue
        # «ОО «…»» over «…»: the fuller form (not another name of the state: the first one the text uses stays).
        # A heading read in sentence case guesses capitals; the text writes the same name with its own. A unit the
        # letterheads were composed into goes by the text's own words where they spell an executive committee
        # differently («комиссия … Молодечненского райисполкома»), and so does a municipality a letterhead names by
        # its kind («Администрация муниципального образования «Северодвинск»» → «Администрация Северодвинска»).
        spelled = _spelled_out(body.words) != body.words or _spelled_out(same.words) != same.words
        if _text_words_over(body, same, spelled):
            pass
        elif len(body.name) > len(same.name) and _place_neutral(body.words) == _place_neutral(same.words):
            same.name = body.name
        elif _text_words_over(same, body, spelled):
            same.name, same.letterhead = body.name, False
    absorbed: set[int] = set()
    candidates = Candidates(merged)
    for i, short in enumerate(merged):
        check_deadline("organizations")
        targets = [j for j in candidates.of(short) if j != i and j not in absorbed and absorbs(merged[j], short)]
        if not targets:
            continue
        # A bare name that fits several bodies («Правительство» with two cities) goes to the nearest before it.
        first = min(short.mentions, key=lambda m: m.start)
        before = [j for j in targets if min(m.start for m in merged[j].mentions) < first.start]
        j = max(before, key=lambda j: min(m.start for m in merged[j].mentions)) if before else targets[0]
        long = merged[j]
        # «АКЦИОНЕРНОЕ ОБЩЕСТВО «БЕЛОМОРСКИЙ ТЕРМИНАЛ»» in the letterhead, «АО «Беломорский терминал»» in the text:
        # the body goes by the name the text itself writes.
        formed = short.name[:1] not in QUOTES and any(q in short.name for q in QUOTES)
        if long.letterhead and not short.letterhead and formed and _same_quoted(short, long):
            long.name, long.letterhead = short.name, False
        # A unit the letterhead's body was put into goes by the text's own full name for it, where the text has one.
        if long.composed and not short.letterhead and short.head == long.head and short.abbreviation is False:
            long.name, long.composed = short.name, False
        long.mentions.extend(short.mentions)
        long.listed = long.listed or short.listed
        if short.abbreviation or abbreviates(short.name, long.name) or contracts(short.name, long.name):
            long.aliases.extend(a for a in [short.name, *short.aliases] if a not in long.aliases)
        absorbed.add(i)
    return [b for i, b in enumerate(merged) if i not in absorbed]


def _with_code(long: Body, short: Body) -> bool:
    """«Минэкологии республики» … «Минэкологии РТ»: a name the text also writes with its region's or state's code
    after it is that body (the one the text names with a code)."""
    rest = long.name[len(short.name) :].strip()
    codes = grammar.lexicon().country_codes
    return long.name.startswith(short.name + " ") and rest.isupper() and rest.lower() in codes


def _abbreviates_quoted(long: Body, short: Body) -> bool:
    """«ТПП» of «Союз «Торгово-промышленная палата …»», «СМО» of «Ассоциация «Совет муниципальных образований …»»: an
    abbreviation of the name a kind or form is put before."""
    first = WORD.match(short.name)
    if first is None or first.start() != 0 or not first.group().isupper() or len(first.group()) < 2:
        return False
    return any(abbreviates(short.name, q) for q in _quoted_parts(long.name))


def _numbered_in_quoted(long: Body, short: Body) -> bool:
    """«школа № 3» of «МБОУ «Средняя общеобразовательная школа № 3»»: a numbered institution named by its kind and
    number is the body whose quoted name has both."""
    if short.head is None or not any(w.isdigit() for w in short.words):
        return False
    return any(set(short.words) <= set(lemmas(q)) for q in _quoted_parts(long.name))


# «НИУ «БелГУ»», «ФГБОУ ВО «КубГУ»»: a status's abbreviation, then the institution's own abbreviation in quotes.
_STATUS_QUOTED = re.compile(r"^([А-ЯЁ]{2,6}) «([^«»]+)»$")


def _status_and_abbreviation(long: Body, short: Body) -> bool:
    """«НИУ «БелГУ»» of «Белгородский государственный национальный исследовательский университет»: the status
    (национальный исследовательский университет) spells a run of the full name's words; the quoted abbreviation
    spells the rest with the kind («Бел-Г-У»)."""
    match = _STATUS_QUOTED.match(short.name)
    if match is None:
        return False
    status = match.group(1).lower()
    words = [w for w in WORD.findall(long.name) if w.lower() not in FUNCTION_WORDS]
    for i in range(len(words) - len(status) + 1):
        run = words[i : i + len(status)]
        if "".join(w[0].lower() for w in run) == status:
            rest = words[:i] + words[i + len(status) - 1 :]
            return len(rest) < len(words) and abbreviates(match.group(2), " ".join(rest))
    return False


def absorbs(long: Body, short: Body) -> bool:
    return (
        _subsumes(long, short)
        or _same_council_at(long, short)
        or _izafet_prefix(long, short)
        or _status_and_abbreviation(long, short)
        or _numbered_in_quoted(long, short)
        or _with_code(long, short)
        or _abbreviates_quoted(long, short)
        or abbreviates(short.name, long.name)
        or _same_quoted(short, long)
        or contracts(short.name, long.name)
        or _latin_part(short.name, long.name)
        or _proper_part(short, long)
    )


def _izafet_prefix(long: Body, short: Body) -> bool:
    """«Маджлиси намояндагон» of «Маджлиси намояндагон Маджлиси Оли Республики Таджикистан»: a chamber named in the
    izafet form, then the parliament it belongs to; the chamber's own two words open the long name («Маджлиси Оли»,
    the parliament, does not)."""
    first = short.name.split(maxsplit=1)[0].lower()
    n = len(short.words)
    return (
        n >= 2 and first in lexicons.load("org_izafet_heads") and len(long.words) > n and long.words[:n] == short.words
    )


_PRI = re.compile(r" при ")


def _same_council_at(long: Body, short: Body) -> bool:
    """«Общественный совет при Миннаце РД» of «Общественный совет при Министерстве по национальной политике … Республики
    Дагестан»: the same council at a body the short name calls by its abbreviation or contraction."""
    short_parts, long_parts = _PRI.split(short.name, maxsplit=1), _PRI.split(long.name, maxsplit=1)
    if len(short_parts) != 2 or len(long_parts) != 2 or lemmas(short_parts[0]) != lemmas(long_parts[0]):
        return False
    short_at, long_at = short_parts[1], long_parts[1]
    return len(short_at) < len(long_at) and (abbreviates(short_at, long_at) or contracts(short_at, long_at))


_MAX_PROPER_WORDS = 4


def _proper_part(short: Body, long: Body) -> bool:
    """A one-word name that is the first or the last word of a longer name made of proper words only, no kind
    of body among them: «Реала» of «Реал Мадрид», «Манчестер» of «Манчестер Юнайтед», «Гэлакси» of «Лос-Анджелес
    Гэлакси» (a club, a band, a company called by part of its name). A name with a kind («Кенеш» of «Жогорку
    Кенеш») or in quotes has its own tests."""
    if short.head is not None or long.head is not None or len(short.words) != 1 or short.abbreviation:
        return False
    if not 2 <= len(long.words) <= _MAX_PROPER_WORDS or long.abbreviation:
        return False
    names = (short.name, long.name)
    if any(q in name for name in names for q in QUOTES) or latin_words(short.name) is not None:
        return False
    words = [w for name in names for w in WORD.findall(name)]
    if not all(w[:1].isupper() and not w.isupper() for w in words):
        return False
    return short.words[0] in (long.words[0], long.words[-1])


_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&.'-]*(?: [A-Za-z0-9][A-Za-z0-9&.'-]*)*")


def latin_words(name: str) -> list[str] | None:
    """The words of a name written in Latin letters only, or None («Netflix Inc», not «компания Netflix»)."""
    name = name.strip(QUOTES + " ")
    return name.lower().split() if _LATIN_NAME.fullmatch(name) else None


def _latin_part(short: str, full: str) -> bool:
    """A Latin name is the last words of a longer one the text gives («Dior» of «Christian Dior», «Sharks» of «San
    Jose Sharks»), or its first words before a company's kind or legal form (`org_latin_tails`: «Netflix» of
    «Netflix Inc», «Opera» of «Opera Software»; not «Google» of «Google Mail», a product). A Cyrillic name has its
    own tests (heads, lemmas)."""
    part, whole = latin_words(short), latin_words(full)
    if not part or not whole or len(part) >= len(whole) or any(len(w) < _MIN_LATIN_WORD for w in part):
        return False
    if whole[-len(part) :] == part:
        return True
    return whole[: len(part)] == part and all(w in lexicons.load("org_latin_tails") for w in whole[len(part) :])


_MIN_LATIN_WORD = 3


# «Минцифры России», «Росздравнадзор»: a state body's contraction opens with its kind's syllable.
_CONTRACTED_KINDS = {"мин": ("министерство",), "рос": ("федеральный",)}
_MIN_SYLLABLE = 3
_MAX_ENDING = 2  # «Минцифры»: the last syllable may keep a case ending («цифр|ы» of «цифрового»)


def contracts(short: str, full: str) -> bool:
    """`short` contracts `full` by syllables of its words in any order: «Минцифры России» — «Министерство
    цифрового развития, связи и массовых коммуникаций Российской Федерации», «Минкомсвязь» — «Министерство связи и
    массовых коммуникаций», «Росздравнадзор» — «Федеральная служба по надзору в сфере здравоохранения»."""
    words = WORD.findall(short)
    full_words = [w.lower() for w in WORD.findall(full) if w.lower() not in FUNCTION_WORDS]
    if not words or len(full_words) < 3 or not words[0][:1].isupper() or words[0].isupper():
        return False
    first = words[0].lower()
    kinds = _CONTRACTED_KINDS.get(first[:_MIN_SYLLABLE])
    if kinds is None or grammar.word_lemma(full_words[0]) not in kinds or first.startswith("минист"):
        return False
    # «России», «РФ» after the contraction: the state the full name ends with.
    # «Адыгеи» after «Минздрав»: the region the full name ends with («… Республики Адыгея»).
    after = [grammar.word_lemma(w) for w in words[1:]]
    region = after == [grammar.word_lemma(w) for w in full_words[-len(after) :]]
    # «Миннац РД» for «… Республики Дагестан»: the region's code, the initials of the words the full name ends with.
    code = words[1] if len(words) == 2 and words[1].isupper() and 2 <= len(words[1]) <= 3 else ""
    region = region or (bool(code) and "".join(w[0] for w in full_words[-len(code) :]) == code.lower())
    if words[1:] and not region and not any(_same_state(words[1:], full_words[-n:]) for n in (1, 2, 3)):
        return False
    return _syllables(first[_MIN_SYLLABLE:], full_words[1:])


def _syllables(rest: str, words: list[str]) -> bool:
    """`rest` is made of leading syllables of distinct `words`."""
    if not rest:
        return True
    if len(rest) < _MIN_SYLLABLE:
        return False
    for i, word in enumerate(words):
        others = words[:i] + words[i + 1 :]
        for n in range(min(len(rest), len(word)), _MIN_SYLLABLE - 1, -1):
            if rest[:n] == word[:n] and (_syllables(rest[n:], others) or len(rest) - n <= _MAX_ENDING < n):
                return True
    return False


def content_words(name: str) -> list[str]:
    """A name's words in lower case, hyphens kept, function words left out."""
    return [w.lower() for w in HYPHENATED_WORD.findall(name) if w.lower() not in FUNCTION_WORDS]


class Candidates:
    """The bodies another body may merge into, found by keys rather than by trying every pair (the
    pairwise test was quadratic, a third of the time of a 990 kchar document). Each key is necessary for
    one of the three tests, so no pair that passes is missed: `_subsumes` needs the same head;
    `abbreviates` a first word that starts with the same letter as the long name's or has its lemma
    (`cover` reads the first short word against the first full word, as a lemma or as prefixes);
    `_same_quoted` a quoted part of the long name with the short one's words; `contracts` the same first letter,
    or «Рос…» for «Федеральн…»."""

    def __init__(self, bodies: list[Body]) -> None:
        self._keys: dict[tuple[str, object], list[int]] = {}
        for j, body in enumerate(bodies):
            # (`_uncontracted`: «горкенеш» is a «кенеш» for `_subsumes`.)
            head = _uncontracted(body.words, body.head)[1]
            keys: set[tuple[str, object]] = {("head", head)} if head is not None else set()
            words = content_words(body.name)
            if words:
                keys |= {("letter", words[0][0]), ("lemma", grammar.word_lemma(words[0]))}
                if words[0].startswith("-"):  # its initials start at a later letter: tried with every body
                    keys.add(("any", None))
            for quoted in _quoted_parts(body.name):
                keys.add(("quoted", lemmas(quoted)))
                # `_without_region`: «Врачебная палата» of «… «Врачебная палата Республики Адыгея»».
                keys.add(("quoted start", lemmas(quoted)[:2]))
                # `_abbreviates_quoted`: «ТПП» of «Союз «Торгово-промышленная палата …»».
                inner = content_words(quoted)
                if inner:
                    keys.add(("quoted letter", inner[0][0].upper()))
                # `_numbered_in_quoted`: «школа № 3» of «МБОУ «Средняя общеобразовательная школа № 3»».
                keys |= {("quoted kind", w) for w in lemmas(quoted) if w in grammar.lexicon().heads}
            latin = latin_words(body.name)
            if latin:  # `_latin_part`: «Dior» of «Christian Dior» starts with another letter
                keys |= {("latin", latin[0]), ("latin", latin[-1])}
            for key in keys:
                self._keys.setdefault(key, []).append(j)

    def of(self, short: Body) -> list[int]:
        keys: set[tuple[str, object]] = {("quoted", short.words), ("quoted start", short.words[:2]), ("any", None)}
        if short.head is not None:
            keys.add(("head", short.head))
        words = content_words(short.name)
        # (`_kind_and_inner_name`: «центр «Шанырак»» of «ОО «Кризисный центр «Шанырак»»».)
        if short.head is not None and (any(w.isdigit() for w in short.words) or any(q in short.name for q in QUOTES)):
            keys.add(("quoted kind", short.head))
        first = WORD.match(short.name)
        if words and first is not None and first.group().isupper():
            keys.add(("quoted letter", words[0][0].upper()))
        if words:
            keys |= {("letter", words[0][0]), ("lemma", grammar.word_lemma(words[0]))}
            # `contracts`: «Рос…» contracts a «Федеральн…» name.
            if words[0].lower().startswith("рос"):
                keys |= {("letter", "Ф"), ("letter", "ф")}
        latin = latin_words(short.name)
        if latin:
            keys |= {("latin", latin[0]), ("latin", latin[-1])}
        # `_status_and_abbreviation`: «НИУ «БелГУ»» of «Белгородский …»: the quoted abbreviation's first letter.
        status = _STATUS_QUOTED.match(short.name)
        if status is not None:
            keys.add(("letter", status.group(2)[0].lower()))
        return sorted({j for key in keys for j in self._keys.get(key, ())})


def _same_quoted(short: Body, long: Body) -> bool:
    """«Ресурсный центр для пожилых» and ОО «Ресурсный центр для пожилых» are one body."""
    quoted = _quoted_parts(long.name)
    if not quoted or short.name == long.name:
        return False
    # «наблюдательный совет ПАО «Газпром»» names «ПАО «Газпром»» whole after its council: the body it belongs to.
    # («ОО «Кризисный центр «Шанырак»» ends so too, but inside its own quotes: the name's tail, not a body after it.)
    before = long.name[: -len(short.name)]
    if short.name[:1] not in QUOTES and long.name.endswith(f" {short.name}") and before.count("«") <= before.count("»"):
        return False
    return any(
        lemmas(q) == short.words or _without_region(lemmas(q), short.words) or _kind_and_inner_name(lemmas(q), short)
        for q in quoted
    )


def _kind_and_inner_name(quoted: tuple[str, ...], short: Body) -> bool:
    """«центр «Шанырак»» of «ОО «Кризисный центр «Шанырак»»»: the body's kind with the name quoted inside its quoted
    name, the way the text calls it again («психолог центра «Шанырак»»)."""
    n = len(short.words)
    return (
        n >= 2
        and short.head is not None
        and short.words[0] == short.head
        and any(q in short.name for q in QUOTES)
        and len(quoted) > n
        and quoted[-n:] == short.words
    )


# «Республики Адыгея», «Российской Федерации», «Томской области»: the region or state a quoted name ends with.
_REGION_KINDS = frozenset({"республика", "область", "край", "округ", "федерация", "город"})


def _without_region(quoted: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """«Врачебная палата» of «РОО «Врачебная палата Республики Адыгея»»: the quoted name without its region, the way
    the text calls the body again («президент Врачебной палаты»)."""
    n = len(short)
    if n < 2 or quoted[:n] != short or not 1 <= len(quoted) - n <= 3:
        return False
    rest = quoted[n:]
    return bool(_REGION_KINDS & set(rest)) or _is_state(rest[0])


def _quoted_parts(name: str) -> list[str]:
    """The quoted parts of a name, a name quoted inside it too: «Общество инвалидов «Шуақ»» → both."""
    return re.findall(r"[«\"„“]([^»\"”“]+)[»\"”“]", name) + re.findall(r"«([^«»]+)»", name)


@cache
def _state_by_name() -> dict[tuple[str, ...], str]:
    """A state's names as lemmas → its catalogue name: («россия»,), («российский», «федерация») → «Россия»."""
    names: dict[tuple[str, ...], str] = {}
    for forms in lexicons.spellings("loc_countries"):
        for form in forms:
            names.setdefault(tuple(grammar.word_lemma(w) for w in WORD.findall(form)), forms[0])
    return names


@cache
def _longest_state_name() -> int:
    return max(len(name) for name in _state_by_name())


def _is_state(word: str) -> bool:
    return (grammar.word_lemma(word),) in _state_by_name()


def _same_state(one: list[str], other: list[str]) -> bool:
    states = _state_by_name()
    first = states.get(tuple(grammar.word_lemma(w) for w in one))
    return first is not None and first == states.get(tuple(grammar.word_lemma(w) for w in other))


def state_service_remit(words: list[str]) -> bool:
    """The words after a unit's kind name a national service's remit (`org_state_service_remits`): police, internal
    affairs, emergencies, sanitary control, water economy."""
    remit = " ".join(words).lower()
    return any(remit.startswith(r) for r in lexicons.load("org_state_service_remits"))
