"""The public facade: everything the CLI does is one call of a function here."""

from __future__ import annotations

import inspect
import os
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, overload

from billdiff import parallel
from billdiff.changes import Comparison
from billdiff.compare import Options
from billdiff.compare import compare as _compare
from billdiff.diagnose import diagnose
from billdiff.errors import InputError, ParseError, RenderError
from billdiff.model import Bill, StructureWarning, WarningCode
from billdiff.output import check_output as _check_output
from billdiff.output import write_atomic as write_atomic
from billdiff.parse import detection_lines, parse_detected
from billdiff.parse import parse as _parse
from billdiff.profiles import Profile, detect_profile, get_profile
from billdiff.readers.detect import sniff as sniff
from billdiff.readers.load import DEFAULT_MAX_BYTES as DEFAULT_MAX_BYTES
from billdiff.readers.load import XML_KINDS, open_document
from billdiff.readers.load import load as _load
from billdiff.render import get_renderer

if TYPE_CHECKING:  # imported when first used: a diff needs neither
    from billdiff.history import Dossier, History

# The XML readers and writer (lxml) and the schema check are imported when first used too: a
# text or Markdown bill needs none of them, and start-up is a large part of a small bill's time.

PathLike = str | os.PathLike[str]

# A one-line str ending in the suffix of a document billdiff reads, with no space in it.
_PATH_LIKE = re.compile(
    r"[^\s]*\.(?:txt|text|md|markdown|docx|pdf|html?|xml|akn|toml)", re.IGNORECASE
)


def _refuse_a_path(data: object) -> None:
    """``parse`` takes the text of a document, ``read`` and ``compare`` take files. A path
    given to ``parse`` would be parsed as a one-line bill (no articles, its name as preface):
    a silent wrong result, so a str that names a file, or looks like a file name, is refused."""
    if isinstance(data, os.PathLike):
        raise TypeError(
            f"parse() takes a document's text or bytes, not a path ({os.fspath(data)!r}); "
            "use billdiff.read(path)"
        )
    if not isinstance(data, str) or "\n" in data or len(data) > 4096:
        return
    name = data.strip()
    if _PATH_LIKE.fullmatch(name) or (name and os.path.isfile(name)):
        raise InputError(
            f"parse() takes a document's text, and {name!r} looks like a file name; "
            "use billdiff.read(path) to read a file"
        )


def parse(
    data: str | bytes, *, profile: str | Profile | None = None, source: str = "<string>"
) -> Bill:
    """Parse a document given as its text (``str``) or its bytes (any format billdiff reads)
    into a Bill, with warnings (``Bill.warnings``) when the structure found is doubtful (see
    :mod:`billdiff.diagnose`).

    ``data`` is the document itself, never a file name: to parse a file, use :func:`read`
    (``compare`` and ``history`` take paths too). A one-line ``str`` that names an existing
    file or looks like a file name (``"first-reading.txt"``) is refused with an
    :class:`InputError` rather than parsed as a bill of one line; a path object is a
    ``TypeError``."""
    _refuse_a_path(data)
    try:
        return _parse_data(data, profile, source)
    except RecursionError:
        # a structure deeper than the parser's stack: say which file, as for any refusal
        raise ParseError("the document is nested too deeply to process", source=source) from None


def _parse_data(data: str | bytes, profile: str | Profile | None, source: str) -> Bill:
    found = open_document(data, source)
    if isinstance(found, Bill):
        # the XML marks its structure up: only the checks on the articles found apply
        return found.with_warnings(diagnose(found))
    bill, confidence = parse_detected(found, profile)
    return bill.with_warnings(diagnose(bill, found, confidence=confidence))


def read(
    path: PathLike, *, profile: str | Profile | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Bill:
    """Read and parse a file: plain or Markdown-like text in any common encoding, DOCX, PDF,
    HTML, Akoma Ntoso XML or US USLM bill XML."""
    return parse(_load(path, max_bytes), profile=profile, source=os.fspath(path))


def compare(
    old: Bill | PathLike,
    new: Bill | PathLike,
    *,
    options: Options | None = None,
    profile: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Comparison:
    """Compare two readings, given as Bills or as paths to read (each at most ``max_bytes``)."""
    if isinstance(old, Bill) or isinstance(new, Bill):
        old_bill = old if isinstance(old, Bill) else read(old, profile=profile, max_bytes=max_bytes)
        new_bill = new if isinstance(new, Bill) else read(new, profile=profile, max_bytes=max_bytes)
    else:
        old_bill, new_bill = _read_pair(old, new, profile, max_bytes)
    return _compare(old_bill, new_bill, options)


def _read_pair(
    old: PathLike, new: PathLike, profile: str | None, max_bytes: int
) -> tuple[Bill, Bill]:
    """Read two files, parsing both at once where two cores allow; errors as if read one after
    the other (the old file's first). The files are loaded here, not in a forked child: a pipe
    can be read only once, and a child's work may have to be done again."""
    old_data = _load(old, max_bytes)
    new_data: bytes | Exception
    try:
        new_data = _load(new, max_bytes)
    except Exception as exc:  # raised once the old file is known to be readable
        new_data = exc

    def parse_new() -> Bill | Exception:
        if isinstance(new_data, Exception):
            return new_data
        try:
            return parse(new_data, profile=profile, source=os.fspath(new))
        except Exception as exc:  # raised once the old file is known to be readable
            return exc

    # the child parses the old reading, usually the smaller: less to send back
    new_bill, old_bill = parallel.both(
        parse_new, lambda: parse(old_data, profile=profile, source=os.fspath(old))
    )
    if isinstance(new_bill, Exception):
        raise new_bill
    if profile is None and old_bill.profile != new_bill.profile:
        old_bill, new_bill = _one_tradition(
            old_bill, new_bill, old_data, new_data, os.fspath(old), os.fspath(new)
        )
    return old_bill, new_bill


def _one_tradition(
    old: Bill, new: Bill, old_data: bytes, new_data: object, old_source: str, new_source: str
) -> tuple[Bill, Bill]:
    """Two readings of one bill are of one drafting tradition: where the profiles detected
    for them differ (a guess that a few changed words tipped), the less certain reading is
    parsed again with the other's profile. XML readings keep the structure they mark up."""
    if not (old.profile and new.profile and isinstance(new_data, bytes)):
        return old, new
    if sniff(old_data, old_source) in XML_KINDS or sniff(new_data, new_source) in XML_KINDS:
        return old, new

    # the reading without doubt about its profile leads; between two doubtful ones, the one
    # with more articles
    def doubt(bill: Bill) -> tuple[bool, int]:
        unsure = any(w.code == WarningCode.PROFILE_UNSURE for w in bill.warnings)
        return (unsure, -len(bill.articles()))

    if doubt(old) <= doubt(new):
        return old, parse(new_data, profile=old.profile, source=new_source)
    return parse(old_data, profile=new.profile, source=old_source), new


@overload
def render(comparison: Comparison, format: Literal["docx", "word"], **kwargs: bool) -> bytes: ...
@overload
def render(
    comparison: Comparison,
    format: Literal["text", "txt", "terminal", "json", "html", "htm", "report"] = "text",
    **kwargs: bool,
) -> str: ...
@overload
def render(comparison: Comparison, format: str, **kwargs: bool) -> str | bytes: ...
def render(comparison: Comparison, format: str = "text", **kwargs: bool) -> str | bytes:
    """A comparison in the named format (any case): text ("text", "json", "html") or, for
    "docx", the bytes of a Word document with tracked changes. The keywords are the format's
    own options (text: ``color``, ``all_articles``); one the format does not take is a
    ``TypeError`` naming it, never silently ignored."""
    cls = type(get_renderer(format))
    if not kwargs:  # the usual call; inspecting a builtin __init__ costs 6 ms of start-up
        return cls().render(comparison)
    accepted = [
        name
        for name, param in inspect.signature(cls.__init__).parameters.items()
        if param.kind is inspect.Parameter.KEYWORD_ONLY
    ]
    unknown = sorted(set(kwargs) - set(accepted))
    if unknown:
        takes = ", ".join(accepted) if accepted else "none"
        raise TypeError(
            f"render() got an unexpected keyword argument {unknown[0]!r} for the "
            f"{cls.name} format (it takes: {takes})"
        )
    return cls(**kwargs).render(comparison)


#: Suffixes of documents that no report is written as (billdiff reads them, or writes XML
#: with ``parse``): an output so named, with no format given, is refused rather than filled
#: with terminal text.
_NOT_A_REPORT = frozenset({"xml", "akn", "pdf", "docx", "doc", "odt", "rtf", "md", "markdown"})


def output_format(
    format: str | None, output: PathLike | None, formats: Collection[str], default: str = "text"
) -> str:
    """The format to write, lower-cased: the one named, else the one the output file's suffix
    names among ``formats`` (``report.html`` -> ``"html"``), else ``default`` (no output file,
    no suffix, or one that names no document kind). A suffix of a document kind that is not
    among ``formats`` (``.xml``, ``.pdf``) is an :class:`InputError`: the file would hold
    something its name does not say."""
    if format is not None:
        return format.lower()
    if output is None:
        return default
    suffix = os.path.splitext(os.fspath(output))[1].lower().lstrip(".")
    if suffix in formats:
        return suffix
    if suffix in _NOT_A_REPORT:
        raise InputError(
            f"no report is written as .{suffix}; name the format with -f", source=os.fspath(output)
        )
    return default


def history(
    readings: Dossier | Sequence[PathLike] | PathLike,
    *,
    labels: Sequence[str] = (),
    dates: Sequence[str] = (),
    stages: Sequence[str] = (),
    profile: str | None = None,
    options: Options | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> History:
    """Follow every article through the readings of a bill: a Dossier, a list of files, or the
    path of a TOML manifest. Each reading is parsed once; consecutive readings are compared."""
    from billdiff.history import Dossier
    from billdiff.history import build as build_history

    if isinstance(readings, Dossier):
        dossier = readings
    elif isinstance(readings, (str, os.PathLike)):
        dossier = read_manifest(readings, max_bytes=max_bytes)
    else:
        dossier = Dossier.from_files(readings, labels, dates, stages, profile=profile)
    if len(dossier.readings) < 2:
        raise InputError("a history needs at least two readings")
    chosen = profile or dossier.profile
    bills = [read(info.file, profile=chosen, max_bytes=max_bytes) for info in dossier.readings]
    return build_history(dossier, bills, options)


def read_manifest(manifest: PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Dossier:
    """The dossier a TOML manifest describes (its reading files relative to its folder), with
    at least two readings; read once, within ``max_bytes``, as a manifest may be a pipe or
    /dev/zero."""
    from billdiff.history import Dossier

    dossier = Dossier.load(manifest, data=_load(manifest, max_bytes))
    if len(dossier.readings) < 2:
        raise InputError("a history needs at least two readings", source=os.fspath(manifest))
    return dossier


def render_history(history: History, format: str = "text") -> str:
    """A history as text in the named format ("text", "json", "html")."""
    from billdiff.render.history import render_history as _render_history

    return _render_history(history, format)


# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def to_xml(bill: Bill, *, country: str = "", date: str = "", number: str = "") -> bytes:
    """A Bill as Akoma Ntoso 3.0 XML (valid against schemas/billdiff-akn.xsd), identified by
    FRBR URIs of the AKN naming convention: ``country`` (ISO 3166, "kz"), ``date`` (ISO, the
    reading's) and ``number`` where given, else what the document says (see
    :func:`billdiff.identity.identify`; a bad ``country`` or ``date`` is a ValueError).

    A control character in the text (a stray U+0001 or ESC) cannot be written as XML 1.0:
    it is refused with a :class:`RenderError` naming it, its line and its unit, rather than
    dropped; ``diff`` (text, JSON, HTML) still compares such a bill."""
    from billdiff import akn
    from billdiff.identity import identify

    identity = identify(bill, country=country, date=date, number=number)
    try:
        return akn.to_bytes(bill, identity)
    except ValueError:
        for unit in bill.iter():
            for line in (unit.num, unit.heading, *unit.content):  # the unit's own text
                found = _NOT_XML.search(line)
                if found:
                    raise RenderError(
                        f"the text has the control character U+{ord(found.group()):04X}, "
                        "which XML cannot carry",
                        source=bill.source,
                        line=unit.line or None,
                        unit=unit.eid or None,
                    ) from None
        for preface in bill.preface:
            found = _NOT_XML.search(preface.text)
            if found:
                raise RenderError(
                    f"the text has the control character U+{ord(found.group()):04X} (before "
                    "the first article), which XML cannot carry",
                    source=bill.source,
                ) from None
        raise


@dataclass(frozen=True)
class Explanation:
    """Why a profile was chosen, for ``billdiff parse --explain``."""

    profile: str
    confidence: float
    articles: int
    scores: dict[str, int]
    #: Why the structure found is doubtful (see :mod:`billdiff.diagnose`); empty when it is not.
    warnings: tuple[StructureWarning, ...] = ()


def explain(
    path: PathLike, *, profile: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Explanation:
    document = open_document(_load(path, max_bytes), os.fspath(path))
    if isinstance(document, Bill):  # structure comes from the XML, not from a profile
        bill = document
        return Explanation(bill.profile, 1.0, len(bill.articles()), {}, diagnose(bill))
    lines = detection_lines(document)  # what parse() detects from
    from billdiff.profiles import all_profiles

    scores = {cls.name: cls().score(lines) for cls in all_profiles()}
    if profile:
        chosen, confidence = get_profile(profile), 1.0
    else:
        chosen, confidence = detect_profile(lines)
    bill = _parse(document, chosen)
    found = diagnose(bill, document, confidence=None if profile else confidence)
    return Explanation(chosen.name, confidence, len(bill.articles()), scores, found)


def validate(path: PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[str]:
    """Errors of an XML file against billdiff's Akoma Ntoso schema; empty when valid."""
    from billdiff.readers.xml import parse_xml
    from billdiff.schema import validate as _validate

    data = _load(path, max_bytes)
    return _validate(parse_xml(data, source=os.fspath(path)))


def check_output(output: PathLike, inputs: Sequence[PathLike]) -> None:
    """Refuse an output that is a folder or one of the inputs (same file, however named): an
    :class:`InputError`. ``history`` passes the readings a manifest lists too."""
    _check_output(output, inputs)
