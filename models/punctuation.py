"""The punctuation marks the rules read, as one table: which characters are dashes and which are quotes.

Reports write a dash three ways («-» on a typewriter keyboard, «–» and «—» from a word processor) and quote with
«…», „…“, “…” or ASCII «"»; each rule tests a token's text against one of these sets, so they are kept once here."""

from __future__ import annotations

# Any dash that stands as a token of its own: the hyphen typed for a dash («Иванов - глава …») as well as the en and
# em dashes.
DASHES = frozenset({"-", "–", "—"})
# The typographic dashes only (en and em): a hyphen standing alone may be a broken word or a range, these never are.
TYPOGRAPHIC_DASHES = frozenset({"–", "—"})

# Every quote mark, opening or closing, typographic or ASCII.
QUOTE_MARKS = frozenset('«»„“”"')
# The quote marks as one string for `str.strip` and substring tests, with the apostrophe: wiki markup's ''…''
# scraped as text.
QUOTES = "«»„“”\"'"
# Marks that open or close a quotation, the ASCII «"» counted as both («„» opens; «“» opens in «“…”»).
OPENING_QUOTES = frozenset('«"„“')
CLOSING_QUOTES = frozenset('»"”')
# The typographic ones only, for rules that pair marks: an ASCII «"» could be either.
TYPOGRAPHIC_OPENING_QUOTES = frozenset({"«", "„", "“"})
TYPOGRAPHIC_CLOSING_QUOTES = frozenset({"»", "”"})
