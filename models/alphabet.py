"""The letters the rules tell scripts apart by, kept once here: a reader, the noise cleaner and the stages each ask
whether a word or a stretch of text is written in Russian letters."""

from __future__ import annotations

import re

# One letter of the Russian alphabet, either case («ё» and «Ё» stand outside the А-я range, so they are named).
CYRILLIC_LETTER = re.compile("[А-Яа-яЁё]")
