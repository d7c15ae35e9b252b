"""Scrape and OCR noise, as an ordered list of rewrites; each keeps the offset map intact."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from models import lexicons, loading
from models.alphabet import CYRILLIC_LETTER
from models.punctuation import QUOTE_MARKS
from pipelines.cleaning import pages, quotes
from pipelines.cleaning.offsets import CleanText, Replacement
from pipelines.deadline import check_deadline

# Latin and digit look-alikes of Cyrillic capitals, as OCR and careless typing produce them.
_LOOKALIKE_CAPS = str.maketrans(
    {
        "0": "О",
        "3": "З",
        "A": "А",
        "B": "В",
        "E": "Е",
        "K": "К",
        "M": "М",
        "H": "Н",
        "O": "О",
        "P": "Р",
        "C": "С",
        "T": "Т",
        "X": "Х",
    }
)


# Latin letters that print like Cyrillic ones: OCR and careless typing put them inside Russian words.
_LATIN_LOOKALIKES = str.maketrans("aceopxykACEHKMOPTXBY", "асеорхукАСЕНКМОРТХВУ")
_DIGIT_RUN = re.compile(r"\d+")


def _fix_lookalikes(match: re.Match[str]) -> str:
    """A Russian word with Latin or digit look-alikes in it, spelt in Cyrillic: «Бишкeк» (Latin e),
    «3аседание», «к0миссия». Only a word with two Cyrillic letters or more, and only when every foreign
    character has a look-alike; a digit only alone or between letters, so «Су30» and «300лет» stay.
    A «6» is a small «б» («Ба6аев»), and only between two letters: «6км» is six kilometres."""
    word = match.group(0)
    if len(CYRILLIC_LETTER.findall(word)) < 2:
        return word
    latin = [ch for ch in word if "a" <= ch.lower() <= "z"]
    if any(ch.translate(_LATIN_LOOKALIKES) == ch for ch in latin):
        return word
    chars = list(word.translate(_LATIN_LOOKALIKES))
    for run in _DIGIT_RUN.finditer(word):
        inside = run.start() > 0 and run.end() < len(word)
        if set(run.group()) - {"0", "3", "6"} or (len(run.group()) > 1 and not inside):
            return word
        if "6" in run.group() and not inside:
            return word
        for i in range(run.start(), run.end()):
            neighbour = chars[i - 1] if i > 0 else chars[i + 1] if i + 1 < len(chars) else "а"
            # Upper case after a capital, and at the start of a word (where a capital is usual).
            upper = i == 0 or neighbour.isupper()
            if word[i] == "6":
                chars[i] = "б"
                continue
            letter = {"0": "О", "3": "З"}[word[i]]
            chars[i] = letter if upper else letter.lower()
    return "".join(chars)


# Legal forms spelt only with letters that have look-alikes; a repair must land on one of them, or
# «в 300 "Спартанцев"» would become «в ЗОО …».
_LEGAL_FORMS = frozenset({"АО", "ОО", "ООО", "ОАО", "ЗАО", "НАО", "РОО", "МОО", "ТОО", "НКО", "АНО"})


def _fix_legal_form(match: re.Match[str]) -> str:
    fixed = match.group(0).translate(_LOOKALIKE_CAPS)
    return fixed if fixed in _LEGAL_FORMS else match.group(0)


_QUOTE_SIGNS = {"<<": "«", ">>": "»", ",,": "„", "<": "«", "‹": "«", "€": "«", ">": "»", "›": "»"}


def _fix_quotes(match: re.Match[str]) -> str:
    return _QUOTE_SIGNS[match.group(0)]


# Short words that stand on either side of a real hyphen: «по-русски», «из-за», «кто-то», «кое-где».
_HYPHEN_PREFIXES = frozenset({"по", "из", "кое", "кой", "во"})
_HYPHEN_SUFFIXES = frozenset({"то", "либо", "нибудь", "ка", "таки", "де", "за", "под"})
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
_WORD_AFTER = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=20_000)  # bounded: a long-running worker meets new hyphenated pairs for as long as it runs
def _is_word_break(left: str, right: str) -> bool:
    """A line-end hyphen splits one word (True) or joins the two halves of a compound (False). Asked of
    the dictionary: the joined word is known, or the halves are not both words of their own. A capital
    left half is a name cut by hyphenation («Мурза-\nгалиев»): a compound name has a capital right half."""
    morph = loading.morph()
    low_left, low_right = left.lower(), right.lower()
    if morph.word_is_known(low_left + low_right):
        return True
    # «Кривошап-\nка»: a capital left half no dictionary knows is a name cut, whatever its right half looks like.
    if left[:1].isupper() and not left.isupper() and not morph.word_is_known(low_left):
        return True
    if low_left in _HYPHEN_PREFIXES or low_right in _HYPHEN_SUFFIXES:
        return False
    if left[:1].isupper() and not left.isupper():
        return True
    return not (len(left) >= 3 and len(right) >= 3 and morph.word_is_known(low_left) and morph.word_is_known(low_right))


def _rejoin(match: re.Match[str]) -> str:
    before = _WORD_BEFORE.search(match.string, 0, match.start())
    after = _WORD_AFTER.match(match.string, match.end())
    if not before or not after:
        return ""
    return "" if _is_word_break(before.group(), after.group()) else "-"


def _rejoin_name(match: re.Match[str]) -> str:
    """«Габдрах- манов»: a capitalised left half no dictionary knows is a name cut; a word's half keeps its hyphen
    («водо- и газоснабжение», «Дом- музей»)."""
    before = _WORD_BEFORE.search(match.string, 0, match.start())
    if before and before.group().islower():
        return _rejoin_lower(before.group(), match)
    if not before or not before.group()[:1].isupper() or before.group().isupper():
        return match.group(0)
    if _known(before.group()) and not _after_patronymic(match.string, before.start()):
        return match.group(0)
    return _rejoin(match)


def _rejoin_lower(left: str, match: re.Match[str]) -> str:
    """«премьер- министр», «муници- пальный»: a lower-case word's line-end hyphen a copy turned into a space. Only
    a compound the dictionary knows keeps its hyphen, and only a word it knows solid, whose left half is none, is
    joined: «депутатов- председатель» (a dash typed short) stays as written."""
    after = _WORD_AFTER.match(match.string, match.end())
    if after is None:
        return match.group(0)
    right = after.group()
    if _known(f"{left}-{right}"):
        return "-"
    return "" if not _known(left) and _known(left + right) else match.group(0)


_PATRONYMIC_BEFORE = re.compile(r"[А-ЯЁ][а-яё]+(?:вич|вна|ична|инична) $")


def _after_patronymic(text: str, at: int) -> bool:
    """«Ольга Николаевна Неуда- чина»: a word after a patronymic is a surname, cut though its half is a word too
    («неуда»)."""
    return bool(_PATRONYMIC_BEFORE.search(text, max(0, at - 40), at))


# Roman numerals OCR reads with Cyrillic letters of the same print: VIII → «УШ», VII → «УП», XV → «ХУ».
_ROMAN_LOOKALIKES = {"Х": "X", "У": "V", "П": "II", "Ш": "III", "І": "I", "1": "I", "I": "I", "V": "V", "X": "X"}
_ROMAN = re.compile(r"(?=[IVXLC])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# Nouns counted with a Roman numeral in front: a convocation, a session, a congress, a century.
_ROMAN_COUNTED = frozenset(
    {"созыв", "сессия", "съезд", "курултай", "пленум", "заседание", "конференция", "форум", "конгресс", "век"}
)


def _fix_roman(match: re.Match[str]) -> str:
    """«УШ созыва» → «VIII созыва», «ХПУ пленарном заседании» → «XIV …»: a token of numeral look-alikes with
    У, П or Ш in it, that spells a Roman numeral, in front of a noun such numerals count (or of an adjective
    and that noun). «П» is two strokes read as one letter, or one stroke read with its neighbour.
    «УП» (унитарное предприятие) elsewhere stays."""
    token = match.group(1)
    # «ХХ века», «ХIV сессия» with a Cyrillic Х are typed so and read fine; У, П, Ш are OCR's.
    if not set(token) & {"У", "П", "Ш"}:
        return token
    nouns = [word for word in match.groups()[1:] if word]
    if not any(form.normal_form in _ROMAN_COUNTED for word in nouns for form in loading.morph().parse(word)):
        return token
    for stroke in ("II", "I"):
        roman = "".join(stroke if ch == "П" else _ROMAN_LOOKALIKES[ch] for ch in token)
        if _ROMAN.fullmatch(roman):
            return roman
    return token


@lru_cache(maxsize=50_000)  # bounded: the vocabulary a long-running worker meets
def _known(word: str) -> bool:
    return loading.morph().word_is_known(word.lower())


def _split_word(match: re.Match[str]) -> str:
    """A space OCR put inside a word («Министер ство», «депута ты»), or a line break where the hyphen
    was lost: the two pieces make a dictionary word and neither is a word of its own («с ними» stays,
    and so does a name and a preposition, «Мако в», «СОШ на», which join into a word too)."""
    left, right = match.group(1), match.group(2)
    if _known(left) or _known(right) or not _known(left + right):
        return match.group(0)
    return left


def _fix_case(match: re.Match[str]) -> str:
    """Small-cap shapes of Cyrillic («о», «с», «в», «к» print like their capitals) read in the wrong case
    inside a word: «СОвет», «КОмитет», «гоРод». Fixed only to a dictionary word; a name spelt in camel
    case («КазМунайГаз», «ОсОО») is no dictionary word lowered and stays."""
    word = match.group(0)
    fixed = word[0] + word[1:].lower()
    if fixed == word or len(word) < _CASE_MIN or word[-1] == "Ъ" or _UNIVERSITY.search(word) or not _common_word(fixed):
        return word
    return fixed


# «БелГУ», «КазНУ», «ЮжГУ»: capitals closing a word after small letters spell a university's abbreviation, which
# OCR's small caps do not make.
_UNIVERSITY = re.compile(r"[а-яё][А-ЯЁ]{2,}$")
# Shorter words in mixed case are abbreviations spelt so («УзА», «КоАП», «АМиК»).
_CASE_MIN = 5
# Parses of names, abbreviations and indeclinable brands: «КоАП», «ВКонтакте» are spelt in mixed case.
_PROPER = frozenset({"Abbr", "Fixd", "Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Init"})


@lru_cache(maxsize=20_000)
def _common_word(word: str) -> bool:
    parses = loading.morph().parse(word.lower())
    return _known(word) and not any(_PROPER & set(p.tag.grammemes) for p in parses if p.is_known)


# Letters tesseract reads for others in a worn print: «ш» as «пт» («Кенепт»), «Д» as «Ц» or «П».
_OCR_LETTERS: tuple[tuple[str, str], ...] = (
    ("пт", "ш"),
    ("ш", "щ"),
    ("щ", "ш"),
    ("ц", "д"),
    ("п", "д"),
    ("и", "н"),
    ("н", "и"),
    ("л", "п"),
    ("п", "л"),
    ("с", "е"),
    ("е", "с"),
)
# A mended word must be this long: a short head («рада», «дума») is one letter away from too many names.
_HEAD_MIN = 5


def _head_lemma(word: str) -> bool:
    # The stem check first: parsing every candidate spelling of every unknown name is the slow part.
    if word[:_STEM] not in _head_stems():
        return False
    return any(form.normal_form in lexicons.load("org_heads") for form in loading.morph().parse(word))


_STEM = 4


@lru_cache(maxsize=1)
def _head_stems() -> frozenset[str]:
    return frozenset(head[:_STEM] for head in lexicons.load("org_heads"))


@lru_cache(maxsize=20_000)
def _mended_head(word: str) -> str | None:
    """The head noun of a body's name one OCR letter away from an unknown word: «Кенепта» → «кенеша»."""
    low = word.lower()
    if _known(low) or _head_lemma(low):
        return None
    for wrong, right in _OCR_LETTERS:
        start = low.find(wrong)
        while start >= 0:
            candidate = low[:start] + right + low[start + len(wrong) :]
            if len(candidate) >= _HEAD_MIN and _head_lemma(candidate):
                return candidate
            start = low.find(wrong, start + 1)
    return None


def _fix_head(match: re.Match[str]) -> str:
    """A word OCR damaged in the head of a body's name, mended when exactly one look-alike letter
    (from tesseract's usual confusions) makes it a head noun of the organization lexicon."""
    word = match.group(0)
    mended = _mended_head(word)
    if mended is None:
        return word
    if word.isupper():
        return mended.upper()
    return mended[0].upper() + mended[1:] if word[0].isupper() else mended


def _wiki_quote(match: re.Match[str]) -> str:
    """MediaWiki's italic or bold marks around a name or a quotation, as a scrape of a wiki keeps them:
    ''Gucci'' → «Gucci», ''«Он понимает…»'' → «Он понимает…». The tagger reads a name set off in
    guillemets; between doubled apostrophes it reads nothing."""
    text, start, end = match.string, match.start(), match.end()
    if match.group("open") is not None:
        return "" if end < len(text) and text[end] in QUOTE_MARKS else "«"
    return "" if start > 0 and text[start - 1] in QUOTE_MARKS else "»"


def _compose(match: re.Match[str]) -> str:
    """A letter and its combining marks as one character («и» + breve = «й», «е» + diaeresis = «ё»); a mark no
    character takes on a Cyrillic letter is a stress mark («за́мок»), which no dictionary spells."""
    composed = unicodedata.normalize("NFC", match.group())
    if "\u0400" <= composed[0] <= "\u04ff":
        return "".join(ch for ch in composed if not unicodedata.combining(ch))
    return composed


# Marks a decomposed Russian, Kazakh or Tajik text has («й», «ё», «ӣ»), and stress marks.
_COMMON_MARKS = "\u0300\u0301\u0304\u0306\u0308"
_WIDE_SPACES = "[\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000]"


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    replacement: Replacement
    # Strings one of which every match contains: a text with none of them is not scanned (most texts have no
    # wiki marks or doubled angle signs, and a scan of the pattern over the whole text cost more than the test).
    needs: tuple[str, ...] = ()


RULES: tuple[Rule, ...] = (
    # Invisible characters break words in two for the tokenizer.
    Rule(
        "invisible",
        re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]"),
        "",
        needs=tuple("\u00ad\u200b\u200c\u200d\u2060\ufeff"),
    ),
    # Text decomposed as macOS and some PDFs give it: «й» typed as «и» and a breve, «ё» as «е» and a diaeresis.
    Rule("combining", re.compile("[^\\W\\d_][\u0300-\u036f]+"), _compose, needs=tuple(_COMMON_MARKS)),
    # Windows and old Mac line ends: the grammars read a line's end as "\n" (a protocol's header fields, a dateline).
    Rule("line_ends", re.compile(r"\r\n?"), "\n", needs=("\r",)),
    # Non-breaking and typographic spaces of web pages («г.\u00a0Бишкек», «Иванов\u00a0– глава», «2024\u00a0года»)
    # are spaces: the grammars and the tokenizer's neighbours read a plain one.
    Rule("wide_spaces", re.compile(_WIDE_SPACES), " ", needs=tuple(_WIDE_SPACES[1:-1])),
    # A page's running footer or header, rules and page number inside a sentence a PDF's page break cut: dropped, the
    # halves joined (`pipelines/cleaning/pages.py`). Before the line-wrap and hyphen rules, which then join them.
    Rule("page_furniture", pages.PATTERN, pages.join, needs=("\n",)),
    # Image widgets and gallery markers of scraped pages: "## ×", lone "×".
    Rule("widget", re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]*)?[×✕✖][ \t]*$"), "", needs=("×", "✕", "✖")),
    # The same widget OCR'd: the cross read as a small «х» («## х», «## Хх»), on its own line or run into the
    # line below by the reader. A heading's Roman «## Х съезд» has a capital alone and stays.
    Rule("ocr_widget", re.compile(r"(?m)^[ \t]*#{1,6}[ \t]*(?:[хx]|[ХXхx][хx])(?:[ \t]+|$)"), "", needs=("#",)),
    # Markdown heading marks in front of a title.
    Rule("heading_mark", re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+"), "", needs=("#",)),
    # Angle quotes typed or OCR'd as doubled signs: ОО <<Ресурсный центр>>, ,,Ак Жол".
    Rule(
        "ocr_quotes", re.compile(r"<<(?=\S)|(?<=\S)>>|(?<![\w,]),,(?=[^\W\d_])"), _fix_quotes, needs=("<<", ">>", ",,")
    ),
    # A single angle sign, or a euro sign, glued to the word it opens or closes is a guillemet OCR read
    # thin: ОО <Арагац>, €Мекен». Signs standing apart (a breadcrumb's «Главная › Новости», «a > b») stay.
    Rule(
        "ocr_single_quotes",
        re.compile(r"[<‹€](?<![\w<‹€].)(?=[^\W\d_])|[>›](?:(?<=[^\W\d_].)|(?<=[^\W\d_][.!?].))(?![\w>›])"),
        _fix_quotes,
        needs=("<", "‹", "€", ">", "›"),
    ),
    # Wiki markup: ''name'' or '''name''' on one line. An opening mark stands after no letter and before one
    # (or a quote); a closing one after a letter or a sign and before none.
    Rule(
        "wiki_quotes",
        re.compile(r"(?P<open>(?<![\w'])'{2,3}(?=[^\s'][^'\n]*[^\s']'{2,3}(?![\w'])))|(?<=[^\s'])'{2,3}(?![\w'])"),
        _wiki_quote,
        needs=("''",),
    ),
    # English and German-style double quotes («“Ак Жол”», «„О пастбищах“») are typed quotes too: read as straight
    # ones, which the next rule pairs into guillemets, nested ones included.
    Rule("curly_quotes", re.compile("[“”„‟]"), '"', needs=("“", "”", "„", "‟")),
    # Straight double quotes as guillemets, nested ones paired (`pipelines/cleaning/quotes.py`).
    Rule("straight_quotes", quotes.PATTERN, quotes.guillemet, needs=('"',)),
    # A legal form typed with digits or Latin letters in front of a quoted name: 00 «…», 0АО "…", OOO «…».
    Rule(
        "legal_form",
        re.compile(r"(?<![\w])(?=[0-9A-ZА-ЯЁ]*[0-9A-Z])[0О3ЗOAEKMHPCTXАВЕКМНРСТХ]{2,4}(?=\s*[«\"“„])"),
        _fix_legal_form,
    ),
    # OCR look-alikes inside a Russian word: «Бишкeк», «3аседание», «к0миссия».
    Rule(
        "lookalikes",
        # Tried only where a word starts (the look-behind): from inside a word the look-ahead scanned
        # to its end again, quadratic in a word of 50k letters. A word that fails from its start fails
        # from any later letter, so the matches are those of the pattern without it.
        re.compile(
            r"(?<![0-9a-zA-Zа-яёА-ЯЁ])(?=[0-9a-zA-Zа-яёА-ЯЁ]*[0-9a-zA-Z])"
            r"[0-9a-zA-Zа-яёА-ЯЁ]*[а-яёА-ЯЁ][0-9a-zA-Zа-яёА-ЯЁ]*"
        ),
        _fix_lookalikes,
    ),
    # OCR case confusions inside a word: «СОвет», «гоРод» (a capital after a small letter, or a second
    # capital before small ones); all-caps words and abbreviations do not match.
    Rule(
        "ocr_case",
        re.compile(r"(?<![а-яёА-ЯЁ])(?:[А-ЯЁ][А-ЯЁ](?=[а-яё])|[а-яёА-ЯЁ]*[а-яё][А-ЯЁ])[а-яёА-ЯЁ]*"),
        _fix_case,
    ),
    # A head noun of a body's name with one letter misread: «Жогорку Кенепт».
    Rule("ocr_head", re.compile(r"(?<![\w-])[а-яёА-ЯЁ]{5,}(?![\w-])"), _fix_head),
    # Roman numerals read with Cyrillic look-alikes in front of the noun they count.
    Rule(
        "ocr_roman",
        re.compile(r"(?<![\w])([ХУПШІI1VX]{1,5})(?![\w])(?=[ \t]+([а-яё]+)(?:[ \t]+([а-яё]+))?)"),
        _fix_roman,
    ),
    # A word hyphenated across a line break: "миг-\nрации" → "миграции"; a compound keeps its hyphen:
    # "стран-\nучастниц" → "стран-участниц".
    Rule(
        "hyphen_wrap",
        re.compile(r"(?<=[а-яё])-[ \t]*\r?\n[ \t]*(?=[а-яё])|(?<=[А-ЯЁ])-[ \t]*\r?\n[ \t]*(?=[А-ЯЁ]{2})"),
        _rejoin,
        needs=("-",),
    ),
    # A name hyphenated at a line's end whose break a copy turned into a space: «Рамиль Габдрах- манов». Only a
    # capitalised left half no dictionary knows and a right half of three letters or more: «Северо- и Южно-…»
    # keeps its suspended hyphen. A lower-case word so cut joins as the dictionary knows it: «премьер- министр».
    Rule(
        "hyphen_space",
        re.compile(r"(?<=[а-яё])- (?=[а-яё]{3,}(?![\w-]))"),
        _rejoin_name,
        needs=("- ",),
    ),
    # Justified text pasted from a page or a PDF: two to four spaces between words are one. Wider gaps are a
    # layout's columns («Секретарь            А. Петрова»), which the signature and header readers go by.
    Rule("justified", re.compile(r"(?<=\S) {2,4}(?=\S)"), " ", needs=("  ",)),
    # A hyphen standing alone between spaces, or opening a line before one, is a dash typed or OCR'd short:
    # «руководитель управления образования, - о готовности школ», «- Прошлая зима показала …, - сказал аким».
    # The grammars read dashes («Иванов – о подготовке к зиме»); a hyphen inside a word or glued to one stays.
    Rule("spaced_hyphen", re.compile(r"(?m)(?:^|(?<=[^\s-][ \t]))-(?=[ \t])"), "–", needs=("- ",)),
    # A line broken in the middle of a sentence: the break is a space.
    Rule("line_wrap", re.compile(r"(?<=[а-яёa-z,])[ \t]*\r?\n(?=[ \t]*[а-яё])"), " ", needs=("\n",)),
    # A space OCR put inside a word, or a line break that lost its hyphen: «Министер ство».
    # The left piece and the space are the match, the right piece a look-ahead: «a b c» tries «b c» too.
    Rule("split_word", re.compile(r"(?<![а-яёА-ЯЁ])([а-яёА-ЯЁ]{1,40}) (?=([а-яё]{1,40})(?![а-яё]))"), _split_word),
)


def clean(source: str, rules: tuple[Rule, ...] = RULES) -> CleanText:
    """The text the NLP stages read, with an offset map back to `source`."""
    text = CleanText.identity(source)
    for rule in rules:
        check_deadline(f"cleaning {rule.name}")
        if rule.needs and not any(needed in text.text for needed in rule.needs):
            continue
        text = text.substitute(rule.pattern, rule.replacement, step=f"cleaning {rule.name}")
    return text
