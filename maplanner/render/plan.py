"""Rich output for `maplanner plan`: one block per career year, then what was skipped
and the assumptions, or a plain sentence when the goal is already reached.

Each year is a heading line ("Career year 5: Administrative depth") and labelled
rows, the same layout as the steps in `maplanner paths ID`, so a plan reads like the
path it comes from and stays inside 80 columns when piped or without colour.
"""

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from maplanner.core.plan import PlanCredential, PlanResult, PlanYear
from maplanner.render.output import console as stdout_console
from maplanner.render.paths import STEP_LABEL_WIDTH, labelled


def render_plan(result: PlanResult, out: Console | None = None) -> None:
    out = out or stdout_console()
    title = Text(f"Plan: {result.goal.name}", style="bold")
    title.append(f" · {result.goal.id} · {result.goal.kind} path", style="not bold")
    out.print(title)
    if result.pay is not None:
        from maplanner.core.paths import occupation_pay_text

        out.print(Text(f"Pay: {occupation_pay_text(result.pay)}"))
    if result.status == "reached":
        _render_reached(result, out)
        return
    out.print(result.summary, markup=False)
    for year in result.years:
        out.print()
        out.print(_year_block(year))
    for when, heading in (
        ("in-plan", "Done earlier in this plan"),
        ("before", "Already behind you"),
    ):
        steps = [step for step in result.skipped if step.when == when]
        if steps:
            out.print()
            out.print(Text(heading, style="bold"))
            for step in steps:
                out.print(_bullet(f"{step.title}: {step.reason}."))
    out.print()
    out.print(Text("Assumptions", style="bold"))
    for assumption in result.assumptions:
        out.print(_bullet(assumption))


def _render_reached(result: PlanResult, out: Console) -> None:
    out.print(result.summary, markup=False)
    out.print()
    if result.next_paths:
        out.print(Text("What could come next", style="bold"))
        for path in result.next_paths:
            out.print(_bullet(f"{path.name}: maplanner plan --goal {path.id}"))
    else:
        out.print("Other directions: maplanner paths", markup=False)


def _year_block(year: PlanYear) -> Group:
    """The year's heading, then its labelled rows (a Group: see paths._list_block)."""
    heading = Text(f"Career year {year.year}: ", style="bold")
    heading.append(year.title, style="bold")
    if year.step_years > 1:
        heading.append(f" (year {year.year_of_step} of {year.step_years})")
    rows = []
    if year.band:
        rows.append(("Roadmap", year.band))
    rows.extend(
        [
            ("Role", year.role),
            ("Earn", "; ".join(_credential(c) for c in year.credentials) or "no new credential"),
            ("Build", "; ".join(year.skills) or "-"),
            ("Done when", year.milestone),
        ]
    )
    return Group(heading, labelled(rows, indent=3, label_width=STEP_LABEL_WIDTH))


def _credential(credential: PlanCredential) -> str:
    text = f"{credential.id}: {credential.name}"
    if credential.alternatives:
        text += f" (or {', '.join(other.id for other in credential.alternatives)})"
    if credential.requires:
        text += f". {credential.requires}"
        if not credential.eligible and credential.when:
            text += f" Not yet for you: {credential.when}."
    return text


def _bullet(text: str) -> Table:
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row("-", Text(text))
    return grid
