"""Make the pictures of the Word report's first pages in this folder, with LibreOffice.

    python docs/screenshots/make_docx.py [--corpus ../shared/corpus]

The Russian pair (kz-ru-konst-zakon-o-pravitelstve 02 -> 03) rendered as docx, converted to
PDF by headless LibreOffice (``soffice``, Debian's libreoffice-writer-nogui) and its first two
pages to PNG by ``pdftoppm`` (Debian's poppler-utils): what a reader sees when opening the file.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

import billdiff
from billdiff.compare import Options

HERE = Path(__file__).resolve().parent
KZ = "kz-ru-konst-zakon-o-pravitelstve"
OLD, NEW = f"{KZ}/02-2014-09-29-redaction.rus.md", f"{KZ}/03-2024-07-05-redaction.rus.md"
OPTIONS = Options(
    "Redaction of 29 September 2014", "Redaction of 5 July 2024", "2014-09-29", "2024-07-05"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=HERE.parent.parent.parent / "shared/corpus")
    args = parser.parse_args()
    comparison = billdiff.compare(args.corpus / OLD, args.corpus / NEW, options=OPTIONS)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "docx-ru.docx"
        source.write_bytes(billdiff.render(comparison, "docx"))
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(source),
            ],
            check=True,
            capture_output=True,
        )
        pdf = Path(tmp) / "docx-ru.pdf"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), str(HERE / "docx-ru")],
            check=True,
        )


if __name__ == "__main__":
    main()
