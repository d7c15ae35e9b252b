"""Speed of the document readers: pages per second for text-layer PDFs and for OCR'd pages.

    python benchmarks/readers.py [--fixtures tests/fixtures/formats] [--rounds N] [--json]

Reads the committed fixtures (corpus/fixtures/build.py): every text-layer PDF, every scanned PDF, and
the DOCX and HTML versions for comparison. Only the reader is timed (bytes → text with page starts);
for the scanned PDFs the time inside tesseract is measured apart, and the whole extraction of those
documents is timed too, to give OCR's share of the time a scanned document takes end to end.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # runnable as `python benchmarks/readers.py` from a checkout
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import pipelines.readers.image as image_module  # noqa: E402
import pipelines.readers.pdf as pdf_module  # noqa: E402
from pipelines.extract import extract_document  # noqa: E402
from pipelines.nlp import load_nlp  # noqa: E402
from pipelines.readers import read_bytes  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "formats"


class _OcrClock:
    """Wraps the readers' `ocr_page` to add up the seconds spent in tesseract."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.pages = 0
        self._inner = pdf_module.ocr_page

    def __call__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return self._inner(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - start
            self.pages += 1


def _read_all(paths: list[Path], rounds: int) -> tuple[float, int]:
    pages = 0
    start = time.perf_counter()
    for _ in range(rounds):
        for path in paths:
            pages += read_bytes(path.read_bytes()).pages
    return time.perf_counter() - start, pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=FIXTURES)
    parser.add_argument("--rounds", type=int, default=3, help="rounds over the text-layer files")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    results: dict[str, dict[str, float]] = {}
    read_bytes((args.fixtures / "pdf" / "nerel-449.pdf").read_bytes())  # imports and font caches warm
    for name, pattern in (("pdf_text_layer", "pdf/*.pdf"), ("docx", "docx/*.docx"), ("html", "html/*.html")):
        paths = sorted(args.fixtures.glob(pattern))
        seconds, pages = _read_all(paths, args.rounds)
        results[name] = {"files": len(paths) * args.rounds, "pages": pages, "seconds": round(seconds, 2)}
        results[name]["pages_per_s"] = round(pages / seconds, 1)

    clock = _OcrClock()
    pdf_module.ocr_page = clock
    image_module.ocr_page = clock
    scanned = sorted(args.fixtures.glob("scanned/*.pdf"))
    seconds, pages = _read_all(scanned, 1)
    results["pdf_ocr"] = {
        "files": len(scanned),
        "pages": pages,
        "seconds": round(seconds, 2),
        "pages_per_s": round(pages / seconds, 3),
        "s_per_page": round(seconds / pages, 2),
        "ocr_share_of_reading": round(clock.seconds / seconds, 3),
    }

    load_nlp()
    clock.seconds = 0.0
    start = time.perf_counter()
    for path in scanned:
        extract_document(path.read_bytes(), path.name)
    total = time.perf_counter() - start
    results["pdf_ocr"]["extraction_seconds"] = round(total, 2)
    results["pdf_ocr"]["ocr_share_of_extraction"] = round(clock.seconds / total, 3)

    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    for name, row in results.items():
        print(f"{name:15} " + "  ".join(f"{key}={value}" for key, value in row.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
