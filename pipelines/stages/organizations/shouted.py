"""Capitals: when an ALL-CAPS reading is not a name (`_shouted`).

The taggers read words typed in capitals as names and abbreviations, so a heading («ДЕПУТАТЫ ОБЛАСТНОГО МАСЛИХАТА
ИЗБРАЛИ …», «ПОВЕСТКА ДНЯ:», «ПРОТОКОЛ № 3») yields bodies that are ordinary words. In a heading only a lone
abbreviation is a name, and not one the text also writes in small letters; the bodies a heading names are read
again in sentence case by `letterheads`. A surname in capitals with initials after it opening a line is a speaker's
turn, and a place in capitals a dateline («САМАРА, 23 мая»).
"""

from __future__ import annotations

import re

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from models import loading
from models.components.extensions import doc_text
from models.grammars import organizations as grammar
from models.loading import PROPER_GRAMMEMES
from pipelines.body_identity import WORD
from pipelines.doc_views import token_strings
from pipelines.stages.organizations._common import _place_word
from pipelines.stages.organizations.readings import _ordinary_word


def _caps_line(doc: Doc, token: Token) -> bool:
    """The token's line is an ALL-CAPS heading («ДЕПУТАТЫ ОБЛАСТНОГО МАСЛИХАТА ИЗБРАЛИ …»): ordinary words
    shouted, which the tagger reads as names and abbreviations."""
    words = _line_words(doc, token)
    return len(words) >= 2 and all(w.isupper() for w in words)


# «СТЕНОГРАММА (фрагмент)», «ПРОТОКОЛ (выписка)»: a remark in brackets beside a heading is no word of it.
_REMARK = re.compile(r"\([^()\n]{0,40}\)")


def _line_words(doc: Doc, token: Token) -> list[str]:
    text = doc_text(doc)  # `doc.text` joins every token anew: quadratic over a heading's words
    line_start = text.rfind("\n", 0, token.idx) + 1
    # Each line's words read once per Doc: asked for every shouted reading, a long line of capitals without a newline
    # was read whole once per reading.
    lines: dict[int, list[str]] = doc.user_data.setdefault(_LINE_WORDS, {})
    words = lines.get(line_start)
    if words is None:
        line_end = text.find("\n", token.idx)
        found = WORD.findall(_REMARK.sub(" ", text[line_start : line_end if line_end >= 0 else len(text)]))
        words = lines[line_start] = [w for w in found if not w.isdigit()]
    return words


_LINE_WORDS = "kenesh_orgs_line_words"  # `doc.user_data` key: a line's words by where the line starts


def _opens_line(doc: Doc, token: Token) -> bool:
    return token.idx == 0 or doc_text(doc)[token.idx - 1] == "\n"


def _initials_after(doc: Doc, end: int) -> bool:
    """«КУАНЫШЕВА Г.М.», «Иванов И. И.»: initials right after a word make it a person's surname."""
    return end + 1 < len(doc) and len(doc[end].text) == 1 and doc[end].is_upper and doc[end + 1].text == "."


def _opening_bracket(doc: Doc, start: int, end: int) -> int | None:
    """The bracket that opens the remark ending the reading `start`–`end`, where a word stands before it."""
    return next((t.i for t in doc[start + 1 : end - 1] if t.text == "("), None)


def _shouted(doc: Doc, start: int, end: int) -> bool:
    """An ALL-CAPS reading that is not a name: ordinary words in a heading, or a place in capitals.

    In a heading only a lone abbreviation is a name; the bodies a heading names in capitals («СЕССИЯ
    МАСЛИХАТА») are named again in the text, where case tells a name from a word.
    """
    lex = grammar.lexicon()
    # («ДЬЯЧУК-КОРОЛЕВА О.Н.»: a double surname's hyphen makes it no less a word.)
    words = [t for t in doc[start:end] if t.is_alpha or t.text.replace("-", "").isalpha()]
    # (The remark in brackets the tagger read into the heading's name: «СТЕНОГРАММА (фрагмент)».)
    if end - start > 2 and doc[end - 1].text == ")" and (opening := _opening_bracket(doc, start, end)) is not None:
        words = [t for t in words if t.i < opening]
    if not words or not all(t.is_upper for t in words):
        return False
    # «КУАНЫШЕВА Г.М. Куанышева, член комиссии …»: a transcript's speaker turn, a surname in capitals opening a line
    # («лидер ЛДПР В. Жириновский»: a body before a person's initials).
    if len(words) == 1 and _initials_after(doc, end) and _opens_line(doc, words[0]):
        return True
    # «Д. КАРА, председатель комиссии: …», «Г. ДЕРМЕНЖИ: …»: the initial before the surname, opening the line.
    if len(words) == 2 and _initials_after(doc, start) and words[1].i == start + 2 and _opens_line(doc, doc[start]):
        return True
    # «ПРОТОКОЛ № 3», «СТЕНОГРАММА»: a line of one shouted dictionary word is a document's heading.
    if len(words) == 1 and _ordinary_word(words[0]) and len(_line_words(doc, words[0])) == 1:
        return True
    if _shouted_heading_words(doc, start, end, lex.heads):
        return True
    if _caps_line(doc, words[0]):
        # «СХОД ГРАЖДАН МАХАЛЛИ «ШОДЛИК»» over «в махалле «Шодлик»»: a word the text also writes in small letters is a
        # word of the heading, not an abbreviation (which is written in capitals wherever it stands).
        if len(words) == 1 and _stem(words[0].lower_) in _written_small(doc):
            return True
        single = len(words) == 1 and not _ordinary_word(words[0])
        # «В НАРИМАНСКОМ АЙЫЛ ОКМОТУ …»: a kind of body shouted is a word, not an abbreviation.
        kind = words[0].lower_ in lex.heads or grammar.word_lemma(words[0].text) in lex.heads
        return not (single and not kind)
    # Elsewhere capitals are a name, unless they spell a place («САМАРА, 23 мая»: a dateline).
    return len(words) == 1 and _place_word(words[0])


_WRITTEN_SMALL = "kenesh_orgs_written_small"


def _stem(word: str) -> str:
    # The ending cut off: the dictionary knows no form of a state-language word («махалли», «махалле»).
    return word[: max(4, len(word) - 2)]


def _written_small(doc: Doc) -> frozenset[str]:
    """The stems of the words the text writes, somewhere, not all in capitals (lower case; once per document)."""
    found = doc.user_data.get(_WRITTEN_SMALL)
    if found is None:
        found = frozenset(_stem(w.lower()) for w in token_strings(doc, ORTH) if w.isalpha() and not w.isupper())
        doc.user_data[_WRITTEN_SMALL] = found
    return found


_HEADING_WORDS = 12


def _shouted_heading_words(doc: Doc, start: int, end: int, heads: frozenset[str]) -> bool:
    """«ПОВЕСТКА ДНЯ:» run into a sentence (an OCR'd page joins a heading to the line before it), «СТЕНОГРАММА
    XXXVI очередной сессии»: two or more shouted words, read with the shouted words around the candidate, all
    common dictionary words (a Roman numeral aside) and none a kind of body, are a heading, wherever the lines
    broke. «СЕССИЯ МАСЛИХАТА», «АЙЫЛ ОКМОТУ» name a kind, and are left to the heading rules above."""
    # A heading is a few words: the run is read at most `_HEADING_WORDS` each side, so a text all in capitals costs
    # each candidate a bounded look, not the whole text.
    first, last = start, end
    while first > max(0, start - _HEADING_WORDS) and doc[first - 1].is_alpha and doc[first - 1].is_upper:
        first -= 1
    while last < min(len(doc), end + _HEADING_WORDS) and doc[last].is_alpha and doc[last].is_upper:
        last += 1
    run = [t for t in doc[first:last] if t.is_alpha]
    words = [t for t in run if "ROMN" not in loading.parse(t.lower_)[0].tag]
    if len(run) < 2 or not words:
        return False
    for token in words:
        word = token.lower_
        if not loading.morph().word_is_known(word) or word in heads or grammar.word_lemma(token.text) in heads:
            return False
        if any(tag in loading.parse(word)[0].tag for tag in PROPER_GRAMMEMES):
            return False
    return True
