"""Rich output for `maplanner certs`: the list, the year plan and one credential.

Every renderer takes an optional set of held credential ids and marks them in words
("you hold this"), so a saved profile can be shown later without new renderers and
without relying on colour. Sources are cited as numbered notes under the detail view
so the rows stay short. Text from the data is never read as Rich markup.
"""

from collections.abc import Collection
from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from maplanner.core.refs import SourceRef
from maplanner.render.fit import fit

if TYPE_CHECKING:  # one form of `certs` need not import the models of the others
    from maplanner.core.cert_detail import CertDetail, RenewalInfo
    from maplanner.core.cert_year import YearPlan
    from maplanner.core.certs import CertList
from maplanner.core.text import dollars
from maplanner.render.output import console as stdout_console

NOT_VERIFIED = "not verified"
HELD = "you hold this"
#: A word or two after "Career year N" for the years people ask about most.
YEAR_NOTES = {0: "still in training, before the first job", 1: "the first year on the job"}


def render_list(
    result: "CertList", held: Collection[str] = frozenset(), out: Console | None = None
) -> None:
    """All credentials as one table, in the order a career meets them."""
    out = out or stdout_console()
    where = f" in the {result.track} track" if result.track else ""
    table = Table(
        title=f"Certifications{where} ({len(result.certifications)})",
        title_justify="left",
        expand=True,
        show_lines=True,
    )
    table.add_column("Credential and issuer", ratio=5, overflow="fold")
    table.add_column("Track and timing", ratio=4, overflow="fold")
    table.add_column("Why it is worth it", ratio=6, overflow="fold")
    for cert in result.certifications:
        credential = _credential(cert.id, cert.name, held)
        credential.append(f"\nby {cert.issuer}", style="dim")
        renewal = (
            f"renews every {cert.renewal_cycle_months} months"
            if cert.renewal_cycle_months is not None
            else f"renewal {NOT_VERIFIED}"
        )
        when = Text(f"{cert.track} track\n{cert.stage_name}\n{renewal}")
        table.add_row(credential, when, _with_caution(cert.value, cert.caution))
    out.print(fit(table))
    out.print(
        "Details: maplanner certs ID (for example 'maplanner certs cma'). "
        "Plan for one career year: maplanner certs --year N.",
        markup=False,
    )


def render_year(
    result: "YearPlan", held: Collection[str] = frozenset(), out: Console | None = None
) -> None:
    """What to earn, learn and show employers in one career year."""
    out = out or stdout_console()
    title = Text(f"Career year {result.year}", style="bold")
    if result.year in YEAR_NOTES:
        title.append(f" ({YEAR_NOTES[result.year]})", style="not bold")
    out.print(title)
    band = Text("Band: ")
    band.append(result.band.name, style="bold")
    band.append(f" ({result.position})")
    out.print(band)
    out.print(result.band.theme, markup=False)
    out.print()
    heading = "Certifications to pursue" + (f" ({result.track} track)" if result.track else "")
    if result.certifications:
        table = Table(title=heading, title_justify="left", expand=True, show_lines=True)
        table.add_column("Credential", ratio=2)
        table.add_column("Why now", ratio=3)
        for cert in result.certifications:
            table.add_row(
                _credential(cert.id, cert.name, held), _with_caution(cert.reason, cert.caution)
            )
        out.print(fit(table))
    else:
        out.print(Text(heading, style="bold"))
        out.print(f"  none in this band for the {result.track} track", markup=False)
    if result.left_out_by_track:
        out.print(
            f"  ({result.left_out_by_track} more in other tracks: drop --track to see them)",
            markup=False,
        )
    out.print()
    _bullets(out, "Skills to build", result.skills)
    _bullets(out, "What employers expect", result.employer_expectations)
    out.print(_hanging("Source:", _cite(result.source)))


def render_detail(
    result: "CertDetail", held: Collection[str] = frozenset(), out: Console | None = None
) -> None:
    """Everything known about one credential, with numbered sources."""
    out = out or stdout_console()
    notes = _Notes()
    heading = Text(f"{result.id}: {result.name}", style="bold")
    heading.append(_held(result.id, held), style="not bold")
    out.print(heading)
    if result.caution:
        out.print(_hanging("Caution:", result.caution))

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    track = result.track + ("; one of the core MA credentials" if result.primary else "")
    _row(grid, "Issuer", result.issuer)
    _row(grid, "Track", track)
    _row(grid, "Fits", result.stage_name)
    if result.aliases:
        _row(grid, "Also called", ", ".join(result.aliases))
    _row(grid, "Value", f"{result.value} {notes.cite(result.source)}")
    eligibility = result.eligibility
    if eligibility.text is not None and eligibility.source is not None:
        _row(grid, "Eligibility", f"{eligibility.text} {notes.cite(eligibility.source)}")
    else:
        _row(grid, "Eligibility", NOT_VERIFIED)
    fees = [
        f"{dollars(fee.amount)} for {fee.applies_to} {notes.cite(fee.source)}"
        for fee in result.exam_fees.fees
    ]
    _row(grid, "Exam fee", "\n".join(fees) if result.exam_fees.verified else NOT_VERIFIED)
    _row(grid, "Renewal", _renewal(result.renewal, notes))
    _row(grid, "Continuing\neducation", _continuing_education(result.renewal))
    _row(grid, "Unlocks", _unlocks(result))
    ladder = result.ladder
    if ladder is not None:
        rungs = " -> ".join(_rung(rung.id, result.id, held) for rung in ladder.rungs)
        _row(grid, "Ladder", f"{ladder.name}, lowest first {notes.cite(ladder.source)}\n{rungs}")
    in_ladder = {rung.id for rung in ladder.rungs} if ladder else set()
    others = [ref for ref in result.related if ref.id not in in_ladder]
    if others:
        lines = [f"{ref.id}: {ref.name}{_held(ref.id, held)}" for ref in others]
        _row(grid, "Related", "\n".join(lines))
    elif ladder is None:
        _row(grid, "Related", "none listed")
    out.print(grid)
    out.print()
    out.print(Text("Sources", style="bold"))
    for number, source in enumerate(notes.sources, start=1):
        out.print(_hanging(f"[{number}]", _cite(source)))


class _Notes:
    """Numbers sources in order of first use, so each is listed once."""

    def __init__(self) -> None:
        self.sources: list[SourceRef] = []

    def cite(self, source: SourceRef) -> str:
        if source not in self.sources:
            self.sources.append(source)
        return f"[{self.sources.index(source) + 1}]"


def _credential(cert_id: str, name: str, held: Collection[str]) -> Text:
    text = Text(cert_id, style="bold")
    text.append(f"{_held(cert_id, held)}\n{name}")
    return text


def _with_caution(text: str, caution: str | None) -> Text:
    shown = Text(text)
    if caution:
        shown.append(f"\nCaution: {caution}", style="bold")
    return shown


def _rung(rung_id: str, shown_id: str, held: Collection[str]) -> str:
    if rung_id == shown_id:
        return f"{rung_id} (this one)"
    return rung_id + _held(rung_id, held)


def _held(cert_id: str, held: Collection[str]) -> str:
    """The words that mark a credential the person holds (empty when they do not)."""
    return f" ({HELD})" if cert_id in held else ""


def _cite(source: SourceRef) -> str:
    text = f"{source.publisher}, {source.title} ({source.period})"
    return f"{text}, {source.url}" if source.url else text


def _renewal(renewal: "RenewalInfo", notes: _Notes) -> str:
    if renewal.source is None:
        return NOT_VERIFIED
    return f"Every {renewal.cycle_months} months. {renewal.how} {notes.cite(renewal.source)}"


def _continuing_education(renewal: "RenewalInfo") -> str:
    ce = renewal.continuing_education
    if ce is None:
        return NOT_VERIFIED
    lines = [f"{ce.total} {ce.unit} per {renewal.cycle_months}-month cycle"]
    lines += [f"  at least {part.minimum} {part.label}" for part in ce.minimums]
    if ce.categories:
        lines.append(f"  record credits as: {', '.join(ce.categories)}")
    if ce.note:
        lines.append(ce.note)
    return "\n".join(lines)


def _unlocks(result: "CertDetail") -> str:
    unlocks = result.unlocks
    parts: list[str] = []
    if unlocks.tiers:
        parts.append(f"tiers: {', '.join(tier.name for tier in unlocks.tiers)}")
    if unlocks.roles:
        parts.append(f"roles: {', '.join(unlocks.roles)}")
    if unlocks.paths:
        parts.append(f"paths: {'; '.join(path.name for path in unlocks.paths)}")
    return "\n".join(parts) if parts else "nothing listed"


def _row(grid: Table, label: str, value: str) -> None:
    """One label/value row; the value is shown as written, never read as markup."""
    grid.add_row(Text(label), Text(value))


def _hanging(label: str, text: str) -> RenderableType:
    """A label with the text beside it, wrapped lines indented under the text."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(Text(label), Text(text))
    return grid


def _bullets(out: Console, heading: str, items: list[str]) -> None:
    out.print(Text(heading, style="bold"))
    out.print(Group(*(_hanging("  -", item) for item in items)))
    out.print()
