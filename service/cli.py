"""`kenesh` command line: extract meeting records from documents."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pipelines.errors import KeneshError

EXIT_OK = 0
EXIT_FAILED = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kenesh", description="Meeting documents → structured meeting records.")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print or write the meeting record of each file (JSON)")
    extract.add_argument("files", nargs="+", type=Path, metavar="FILE")
    extract.add_argument("--out", type=Path, metavar="DIR", help="write DIR/STEM.json for every file")
    extract.add_argument("--compact", action="store_true", help="one line of JSON per record")
    return parser


def _fail(path: Path, message: str) -> None:
    print(f"kenesh: {path}: {message}", file=sys.stderr)


def extract_command(files: Sequence[Path], out: Path | None, compact: bool) -> int:
    from pipelines.extract import extract_file  # the NLP stack loads only when there is work for it

    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _fail(out, f"cannot create the output folder: {exc.strerror or exc}")
            return EXIT_FAILED
    indent = None if compact or (out is None and len(files) > 1) else 1
    failed = 0
    for path in files:
        try:
            record = extract_file(path)
        except KeneshError as exc:
            _fail(path, str(exc))
            failed += 1
            continue
        payload = record.model_dump_json(indent=indent)
        if out is None:
            print(payload)
            continue
        target = out / f"{path.stem}.json"
        try:
            target.write_text(payload + "\n", encoding="utf-8")
        except OSError as exc:  # a full disk or a folder in the way: this file failed, the batch goes on
            _fail(path, f"cannot write {target}: {exc.strerror or exc}")
            failed += 1
    if failed and len(files) > 1:
        print(f"kenesh: {failed} of {len(files)} files failed", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            return extract_command(args.files, args.out, args.compact)
    except BrokenPipeError:
        # `kenesh extract … | head` closed the pipe: stop quietly, and keep Python's exit-time flush
        # of stdout from raising it again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
