"""Month names the date rules read besides Natasha's Russian ones: Uzbek and Azerbaijani sites write the month in Latin
letters, in a Russian text's dateline too («ТАШКЕНТ, 13 Mart 2026», «5-iyun, 2025-yil», «2 Avqust 2024»). One table
for the dates component (`models/components/natasha.py`) and the dateline grammar (`models/grammars/meeting.py`)."""

from __future__ import annotations

LATIN_MONTHS = {
    "yanvar": 1, "fevral": 2, "mart": 3, "aprel": 4, "may": 5, "iyun": 6, "iyul": 7, "avgust": 8, "avqust": 8,
    "sentabr": 9, "sentyabr": 9, "oktabr": 10, "oktyabr": 10, "noyabr": 11, "dekabr": 12,
}  # fmt: skip
