"""HTML: the article of a saved web page, without its menus, scripts and footer, by trafilatura."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from pipelines.errors import CorruptDocument, InputError
from pipelines.readers.base import SourceText
from pipelines.readers.text import decode

# trafilatura is imported where a page is read: every process imports the readers, few read a web page, and
# importing it costs time and memory at every start.
if TYPE_CHECKING:
    from lxml import etree

SNIFF_BYTES = 2048
_MARKUP = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# Elements of trafilatura's XML that hold one paragraph each; lists and tables are split further.
_BLOCKS = {"p", "head", "quote", "code"}


def _decode(data: bytes) -> str:
    """The page's own charset declaration first, then the same sniffing as for plain text."""
    declared = _CHARSET.search(data[: SNIFF_BYTES * 2])
    if declared and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode(codecs.lookup(declared.group(1).decode("ascii")).name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: sniff instead
    return decode(data)


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _paragraphs(element: etree._Element) -> Iterator[str]:
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _BLOCKS:
            text = _text(child)
        elif tag == "list":
            yield from (t for item in child.iter("item") if (t := _text(item)))
            continue
        elif tag == "table":
            rows = ("\t".join(_text(cell) for cell in row.iter("cell")) for row in child.iter("row"))
            text = "\n".join(row for row in rows if row.strip())
        elif tag in {"div", "main", "body"}:
            yield from _paragraphs(child)
            continue
        else:
            text = _text(child)
        if text:
            yield text


class HtmlReader:
    name: ClassVar[str] = "html"
    media_type: ClassVar[str] = "text/html"

    def score(self, data: bytes) -> int:
        # Above plain text (which would read the markup as prose), below the binary formats.
        return 5 if _MARKUP.search(data[:SNIFF_BYTES]) else 0

    def read(self, data: bytes) -> SourceText:
        import trafilatura
        from lxml import etree

        page = _decode(data)
        options = {"output_format": "xml", "include_comments": False, "include_tables": True, "deduplicate": False}
        extracted = trafilatura.extract(page, **options) or trafilatura.extract(page, favor_recall=True, **options)
        if not extracted:
            raise InputError("no article text found in the HTML page")
        try:
            tree = etree.fromstring(extracted.encode("utf-8"))
        except etree.XMLSyntaxError as exc:
            raise CorruptDocument(f"unreadable HTML ({' '.join(str(exc).split())[:120]})") from exc
        main = tree.find("main")
        text = "\n\n".join(_paragraphs(main if main is not None else tree))
        if not text:
            raise InputError("no article text found in the HTML page")
        return SourceText(text=text, media_type=self.media_type)
