"""The command line: each command parses its arguments, calls one API function and writes the
result. Exit status as diff(1): 0 no change, 1 changes, 2 trouble."""

from __future__ import annotations

import errno
import importlib
import os
import sys
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, NoReturn, Protocol, TypeVar, cast

import typer

from billdiff import api
from billdiff.changes import NOISE_CLASSES
from billdiff.compare import Options
from billdiff.errors import BilldiffError, escape_controls
from billdiff.model import StructureWarning
from billdiff.render import format_names
from billdiff.textdiff import Noise

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Show what changed between readings of a bill.",
)

T = TypeVar("T")
_debug = False

ProfileOpt = Annotated[
    str | None, typer.Option("--profile", "-p", help="Numbering profile (see `billdiff profiles`).")
]
MaxBytesOpt = Annotated[
    int,
    typer.Option(
        "--max-bytes",
        min=1,
        help="Refuse an input file larger than this many bytes.",
        show_default=True,
    ),
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="text, json or html (diff: docx too, Word with tracked changes), in any case "
        "(default: the one -o's suffix names, else text).",
    ),
]


def _error(message: str) -> None:
    # A message built here may quote a file name or click's text: kept to one line too.
    typer.echo(f"billdiff: error: {escape_controls(message)}", err=True)


def _run(action: Callable[[], T]) -> T:
    """Run a library call; a BilldiffError becomes one line on stderr and exit status 2."""
    try:
        return action()
    except BilldiffError as exc:
        if _debug:
            traceback.print_exc()
        _error(str(exc))
        raise typer.Exit(2) from None
    except MemoryError:
        _error("out of memory")
        raise typer.Exit(2) from None
    except RecursionError:
        if _debug:
            traceback.print_exc()
        _error("the document is nested too deeply to process")
        raise typer.Exit(2) from None
    except Exception as exc:  # a bug: still one line and exit 2, the traceback with --debug
        if _debug:
            traceback.print_exc()
        _error(
            f"internal error ({type(exc).__name__}: {exc}); "
            "please report it (--debug shows the traceback)"
        )
        raise typer.Exit(2) from None


def _warn(source: object, warnings: Iterable[StructureWarning]) -> None:
    """One stderr line per structure warning; the exit status stays what the result says."""
    for warning in warnings:
        # a file name may hold a line break: escaped, so that a warning stays one line
        name = escape_controls(str(source))
        typer.echo(f"billdiff: warning: {name}: {escape_controls(warning.message)}", err=True)


def _fail(message: str) -> NoReturn:
    _error(message)
    raise typer.Exit(2)


def _emit(text: str | bytes, output: Path | None) -> None:
    if output is not None:
        _run(lambda: api.write_atomic(output, text))
        return
    if sys.stdout is None:  # started with stdout closed (`>&-`)
        _fail("standard output is closed; use -o FILE")
    try:
        # Encoded whole before anything is written: an encoding that cannot carry the text
        # (PYTHONIOENCODING=ascii and a Cyrillic bill) writes nothing, rather than half.
        raw = text if isinstance(text, bytes) else _encode_for_stdout(text)
        sys.stdout.flush()
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
    except OSError as exc:
        # Python flushes stdout again at exit: pointed at /dev/null that flush is quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        if exc.errno == errno.EPIPE:
            # The reader went away (`billdiff diff a b | head`): it asked for no more, so
            # nothing is said, as cat(1) says nothing; exit 2 tells a script the output is cut.
            raise typer.Exit(2) from None
        _fail(f"cannot write standard output: {exc.strerror or exc}")


def _encode_for_stdout(text: str) -> bytes:
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    # A handler the user chose (PYTHONIOENCODING=ascii:replace) is theirs; by default a
    # character the encoding lacks is an error, and lone surrogates (a non-UTF-8 file name)
    # go out as the bytes they stand for.
    errors = getattr(sys.stdout, "errors", None) or "strict"
    try:
        chosen = errors not in ("strict", "surrogateescape")
        return text.encode(encoding, errors if chosen else "surrogateescape")
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start]
        _fail(
            f"standard output's encoding ({encoding}) cannot carry U+{ord(char):04X}; "
            "use -o FILE or a UTF-8 locale (PYTHONIOENCODING=utf-8)"
        )


def _check_output(output: Path | None, inputs: list[Path] | list[str]) -> None:
    """Refuse an output that cannot be written before the inputs are read and compared."""
    if output is not None:
        _run(lambda: api.check_output(output, inputs))
    elif sys.stdout is None:
        _fail("standard output is closed; use -o FILE")


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
) -> None:
    global _debug
    _debug = debug


@app.command()
def parse(
    file: Annotated[
        Path,
        typer.Argument(
            help="The bill: text or Markdown (any common encoding), DOCX, PDF, HTML, "
            "Akoma Ntoso or USLM XML."
        ),
    ],
    output: OutputOpt = None,
    profile: ProfileOpt = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Say which profile was chosen and how sure it is.")
    ] = False,
    country: Annotated[
        str,
        typer.Option(help="The country, an ISO 3166 code (kz, gb), for the FRBR URIs."),
    ] = "",
    date: Annotated[
        str, typer.Option(help="The reading's date, an ISO date, for the FRBR URIs.")
    ] = "",
    max_bytes: MaxBytesOpt = api.DEFAULT_MAX_BYTES,
) -> None:
    """Parse a bill into Akoma Ntoso 3.0 XML."""
    from billdiff.identity import identify

    _check_output(output, [file])
    if explain:
        info = _run(lambda: api.explain(file, profile=profile, max_bytes=max_bytes))
        scores = ", ".join(f"{name}={score}" for name, score in info.scores.items())
        why = f"structural lines per profile: {scores}" if scores else "structure read from the XML"
        typer.echo(
            f"{file}: profile {info.profile or '-'} (confidence {info.confidence:.2f}; "
            f"{why}); {info.articles} articles",
            err=True,
        )
        if info.confidence < 0.5:
            typer.echo(
                f"{file}: warning: not sure of the profile; name one with --profile", err=True
            )
        for warning in info.warnings:
            typer.echo(f"{file}: structure in doubt ({warning.code}): {warning.message}", err=True)
    bill = _run(lambda: api.read(file, profile=profile, max_bytes=max_bytes))
    _warn(file, bill.warnings)
    try:
        unknown = identify(bill, country=country, date=date).unknown
    except ValueError as exc:
        _fail(str(exc))
    missing = [part for part in unknown if part != "number"]  # "nn" is the convention's own
    if explain and missing:
        # the XML marks its placeholders (FRBRdate name="unknown", country zz); asked what
        # billdiff made of the document, it says so in words too
        typer.echo(
            f"{file}: no {' or '.join(missing)} found for the FRBR URIs "
            f"(placeholders written; give {' and '.join('--' + part for part in missing)})",
            err=True,
        )
    _emit(_run(lambda: api.to_xml(bill, country=country, date=date)), output)


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The older reading.")],
    new: Annotated[Path, typer.Argument(help="The newer reading.")],
    format: FormatOpt = None,
    output: OutputOpt = None,
    profile: ProfileOpt = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            help="Noise that does not make an article changed: whitespace, quotes, dashes, "
            "numbering, reference (comma-separated or repeated).",
        ),
    ] = None,
    old_label: Annotated[str, typer.Option(help="A name for the older reading.")] = "",
    new_label: Annotated[str, typer.Option(help="A name for the newer reading.")] = "",
    old_date: Annotated[
        str, typer.Option(help="The older reading's date (an ISO date also dates Word revisions).")
    ] = "",
    new_date: Annotated[
        str, typer.Option(help="The newer reading's date (an ISO date also dates Word revisions).")
    ] = "",
    all_articles: Annotated[
        bool, typer.Option("--all", help="Text format: list unchanged articles too.")
    ] = False,
    color: Annotated[
        bool | None,
        typer.Option("--color/--no-color", help="Colour text output (default: on a terminal)."),
    ] = None,
    max_bytes: MaxBytesOpt = api.DEFAULT_MAX_BYTES,
) -> None:
    """Compare two readings of a bill. Exit status: 0 no change, 1 changes, 2 trouble."""
    ignored = frozenset(
        part.strip() for item in ignore or () for part in item.split(",") if part.strip()
    )
    unknown = sorted(ignored - set(NOISE_CLASSES))
    if unknown:
        _fail(f"unknown noise class {unknown[0]!r} (known: {', '.join(NOISE_CLASSES)})")
    _check_output(output, [old, new])
    options = Options(
        old_label=old_label,
        new_label=new_label,
        old_date=old_date,
        new_date=new_date,
        ignore=frozenset(map(Noise, ignored)),
    )
    formats = format_names()
    format = _run(lambda: api.output_format(format, output, formats))
    extra: dict[str, bool] = {}
    if format in ("text", "txt", "terminal"):
        use_color = (
            color
            if color is not None
            else (output is None and sys.stdout is not None and sys.stdout.isatty())
        )
        extra = {"color": use_color, "all_articles": all_articles}
    elif format in ("docx", "word"):
        if output is None and sys.stdout is not None and sys.stdout.isatty():
            # a zip archive on a terminal is garbage on the screen; through a pipe it is bytes
            _fail("a docx is a binary file: use -o FILE or redirect standard output")
    elif format not in ("json", "html", "htm", "report"):
        _fail(f"unknown output format {format!r} (known: text, json, html, docx)")
    comparison = _run(
        lambda: api.compare(old, new, options=options, profile=profile, max_bytes=max_bytes)
    )
    _warn(old, comparison.old.warnings)
    _warn(new, comparison.new.warnings)
    text = _run(lambda: api.render(comparison, format, **extra))
    _emit(text, output)
    raise typer.Exit(1 if comparison.changed else 0)


@app.command()
def history(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="The readings, oldest first (or give --manifest)."),
    ] = None,
    manifest: Annotated[
        Path | None, typer.Option("--manifest", "-m", help="A TOML dossier listing the readings.")
    ] = None,
    label: Annotated[
        list[str] | None, typer.Option("--label", "-l", help="A name per reading, in order.")
    ] = None,
    date: Annotated[list[str] | None, typer.Option("--date", help="A date per reading.")] = None,
    stage: Annotated[list[str] | None, typer.Option("--stage", help="A stage per reading.")] = None,
    format: FormatOpt = None,
    output: OutputOpt = None,
    profile: ProfileOpt = None,
    max_bytes: MaxBytesOpt = api.DEFAULT_MAX_BYTES,
) -> None:
    """Follow every article across all readings of a bill."""
    from billdiff.render.history import FORMATS

    format = _run(lambda: api.output_format(format, output, FORMATS))
    if format not in FORMATS:
        _fail(f"unknown output format {format!r} (known: text, json, html)")
    if manifest is not None and files:
        _fail("give either reading files or --manifest, not both")
    source: object = list(files or [])
    if manifest is not None:
        # read here, once, so that -o naming a reading it lists is refused before any work
        _check_output(output, [manifest])
        source = dossier = _run(lambda: api.read_manifest(manifest, max_bytes=max_bytes))
        _check_output(output, [info.file for info in dossier.readings])
    elif len(files or []) < 2:
        _fail("a history needs at least two readings (or --manifest FILE)")
    else:
        _check_output(output, list(files or []))
    result = _run(
        lambda: api.history(
            source,  # type: ignore[arg-type]
            labels=label or (),
            dates=date or (),
            stages=stage or (),
            profile=profile,
            max_bytes=max_bytes,
        )
    )
    for info, bill in zip(result.dossier.readings, result.bills, strict=True):
        _warn(info.file, bill.warnings)
    _emit(_run(lambda: api.render_history(result, format)), output)


@app.command()
def validate(
    file: Annotated[Path, typer.Argument(help="An XML file written by `billdiff parse`.")],
    max_bytes: MaxBytesOpt = api.DEFAULT_MAX_BYTES,
) -> None:
    """Check an Akoma Ntoso file against billdiff's schema."""
    errors = _run(lambda: api.validate(file, max_bytes=max_bytes))
    if errors:
        for error in errors:
            typer.echo(f"{file}: {error}", err=True)
        raise typer.Exit(1)
    typer.echo(f"{file}: valid")


@app.command()
def profiles() -> None:
    """List the numbering profiles."""
    from billdiff.profiles import all_profiles

    for cls in all_profiles():
        aliases = ", ".join(cls.aliases)
        typer.echo(f"{cls.name:6} {cls.description} (aliases: {aliases})")


class _ClickError(Protocol):
    def format_message(self) -> str: ...


def _click_errors() -> tuple[type[Exception], tuple[type[Exception], ...]]:
    """click's usage errors and the "no arguments: show the help" one (click 8.2+). Typer
    0.2x carries its own copy of click; older typers (pyproject allows 0.12) import click."""
    try:
        module = importlib.import_module("typer._click.exceptions")
    except ImportError:
        module = importlib.import_module("click.exceptions")
    help_error = getattr(module, "NoArgsIsHelpError", None)
    return module.ClickException, (help_error,) if help_error else ()


def main() -> None:
    usage_error, help_error = _click_errors()
    try:
        status = app(prog_name="billdiff", standalone_mode=False)
    except help_error as exc:  # plain `billdiff`: the help, as before
        typer.echo(cast(_ClickError, exc).format_message(), err=True)
        status = 2
    except usage_error as exc:
        # A missing argument or a bad option value: one line, not a framed usage box.
        _error(cast(_ClickError, exc).format_message())
        status = 2
    except typer.Abort:
        status = 130
    code = status if isinstance(status, int) else 0
    # The command's work is done and its output written (a file whole, or standard output,
    # flushed here). Python would now free every object of the comparison one by one, 2% of a
    # large diff (35 ms on SGB V) that a user waits for to no purpose: leave at once, as mypy
    # does. When a flush fails, the usual exit reports it.
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(code)
