"""The command line: each command parses its arguments, calls one API function and writes the
result. Exit status as diff(1): 0 no change, 1 changes, 2 trouble."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, NoReturn, TypeVar

import typer

from billdiff import api
from billdiff.changes import NOISE_CLASSES
from billdiff.compare import Options
from billdiff.errors import BilldiffError
from billdiff.model import StructureWarning

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


def _run(action: Callable[[], T]) -> T:
    """Run a library call; a BilldiffError becomes one line on stderr and exit status 2."""
    try:
        return action()
    except BilldiffError as exc:
        if _debug:
            traceback.print_exc()
        typer.echo(f"billdiff: error: {exc}", err=True)
        raise typer.Exit(2) from None
    except MemoryError:
        typer.echo("billdiff: error: out of memory", err=True)
        raise typer.Exit(2) from None
    except RecursionError:
        if _debug:
            traceback.print_exc()
        typer.echo("billdiff: error: the document is nested too deeply to process", err=True)
        raise typer.Exit(2) from None
    except Exception as exc:  # a bug: still one line and exit 2, the traceback with --debug
        if _debug:
            traceback.print_exc()
        typer.echo(
            f"billdiff: error: internal error ({type(exc).__name__}: {exc}); "
            "please report it (--debug shows the traceback)",
            err=True,
        )
        raise typer.Exit(2) from None


def _warn(source: object, warnings: Iterable[StructureWarning]) -> None:
    """One stderr line per structure warning; the exit status stays what the result says."""
    for warning in warnings:
        typer.echo(f"billdiff: warning: {source}: {warning.message}", err=True)


def _fail(message: str) -> NoReturn:
    typer.echo(f"billdiff: error: {message}", err=True)
    raise typer.Exit(2)


def _emit(text: str | bytes, output: Path | None) -> None:
    if output is None:
        try:
            if isinstance(text, bytes):
                sys.stdout.buffer.write(text)
            else:
                sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader went away (`billdiff diff a b | head`): not an error worth a
            # traceback; stdout is pointed at /dev/null so that Python's exit flush is quiet.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(2) from None
    else:
        _run(lambda: api.write_atomic(output, text))


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
    max_bytes: MaxBytesOpt = api.DEFAULT_MAX_BYTES,
) -> None:
    """Parse a bill into Akoma Ntoso 3.0 XML."""
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
    _emit(_run(lambda: api.to_xml(bill)), output)


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The older reading.")],
    new: Annotated[Path, typer.Argument(help="The newer reading.")],
    format: Annotated[str, typer.Option("--format", "-f", help="text, json or html.")] = "text",
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
    options = Options(old_label=old_label, new_label=new_label, ignore=ignored)
    extra: dict[str, bool] = {}
    if format in ("text", "txt", "terminal"):
        use_color = color if color is not None else (output is None and sys.stdout.isatty())
        extra = {"color": use_color, "all_articles": all_articles}
    elif format not in ("json", "html", "htm", "report"):
        _fail(f"unknown output format {format!r} (known: text, json, html)")
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
    format: Annotated[str, typer.Option("--format", "-f", help="text, json or html.")] = "text",
    output: OutputOpt = None,
    profile: ProfileOpt = None,
    max_bytes: MaxBytesOpt = api.DEFAULT_MAX_BYTES,
) -> None:
    """Follow every article across all readings of a bill."""
    if format.lower() not in ("text", "txt", "json", "html"):
        _fail(f"unknown output format {format!r} (known: text, json, html)")
    if manifest is not None and files:
        _fail("give either reading files or --manifest, not both")
    source: object = manifest if manifest is not None else list(files or [])
    if manifest is None and len(files or []) < 2:
        _fail("a history needs at least two readings (or --manifest FILE)")
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


def main() -> None:
    app(prog_name="billdiff")
