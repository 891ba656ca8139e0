"""The HTML history of a dossier: a matrix of articles x readings, each article's timeline with
its text at every reading and the changes between, and the blame view. One self-contained file,
like the change report."""

from __future__ import annotations

from billdiff.history import History
from billdiff.render.html import _ENV, _asset, _csp_hash


def render_history(history: History) -> str:
    style, script = _asset("history.css"), _asset("history.js")
    csp = (
        "default-src 'none'; img-src data:; "
        f"style-src {_csp_hash(style)}; script-src {_csp_hash(script)}; "
        "base-uri 'none'; form-action 'none'"
    )
    readings = [
        {
            "index": k,
            "name": info.name,
            "date": info.date,
            "stage": info.stage,
            "file": info.file,
            "articles": len(bill.articles() or bill.body),
        }
        for k, (info, bill) in enumerate(zip(history.dossier.readings, history.bills, strict=True))
    ]
    lang = next((b.language for b in reversed(history.bills) if b.language), "und")
    title = history.dossier.title or (history.bills[-1].title if history.bills else "")
    return _ENV.get_template("history.html.j2").render(
        history=history,
        readings=readings,
        lineages=history.lineages,
        blame=history.blame,
        title=title or "Bill history",
        lang=lang,
        style=style,
        script=script,
        csp=csp,
    )
