"""Rich output for `maplanner profile`, and the saved person's marks on `salary`.

Plain labelled lines that fit 80 columns; what matters (no month recorded, nothing
saved) is said in words, never by colour. Text from the store or the catalog is
never read as Rich markup.
"""

import calendar
import textwrap
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from maplanner.core.assessment import Assessment
from maplanner.core.ce import ce_summary
from maplanner.core.percentile_text import Points, short_where
from maplanner.core.profile_view import HOW_TO_SAVE, Forgotten, Named, ProfileView, sentence
from maplanner.core.salary_view import Mark
from maplanner.render.output import console as stdout_console

#: What a person can do next, as (label, command) rows under the profile.
EDIT_HINTS = (
    ("Change it", "maplanner profile set FIELD VALUE"),
    ("", "  (FIELD: years, setting, specialty, leads, pay, education or accredited)"),
    ("", "maplanner profile add-cert ID --earned YYYY-MM"),
    ("", "maplanner profile remove-cert ID"),
    ("Place", "maplanner assess --saved --save --state WA (or --area NAME)"),
    ("Reassess", "maplanner assess --saved --save"),
    ("Renewals", "maplanner certs --due"),
    ("CE", "maplanner ce add ID --units N --date YYYY-MM-DD --category C"),
    ("Delete all", "maplanner profile forget"),
)


def render_profile(view: ProfileView, out: Console | None = None, note: str | None = None) -> None:
    """The saved answers, one per line; or how to save some when there are none.

    `note` is a line said first (what an edit just changed).
    """
    out = out or stdout_console()
    if note:
        out.print(Text(note))
        out.print()
    if not view.saved:
        out.print(Text("No saved profile yet.", style="bold"))
        out.print(Text(f"{sentence(HOW_TO_SAVE)}."))
        out.print(Text(f"It will be kept in {view.path} (MAPLANNER_HOME moves it)."))
        return
    title = Text("Saved profile", style="bold")
    title.append(f" (last changed {view.updated_on})", style="not bold")
    out.print(title)
    certs = [
        f"{held.id}: {held.name}; "
        + (f"earned {held.earned}" if held.earned else "month earned not recorded")
        + (
            f"; membership renews in {calendar.month_name[held.member_month]}"
            if held.member_month
            else ""
        )
        for held in view.certs
    ]
    rows = [
        ("Years", "-" if view.years is None else f"{view.years:g}"),
        ("Certifications", "\n".join(certs) or "none"),
        ("Setting", _named(view.setting)),
        ("Specialty", _named(view.specialty)),
        ("Leadership", _named(view.leads)),
        ("Pay", "not given" if view.pay is None else view.pay.describe()),
        ("Place", "national (none given)" if view.place is None else view.place),
    ]
    # Shown once given, so a profile saved without them reads as before.
    if view.education is not None:
        rows.append(("Education", _named(view.education)))
    if view.accredited is not None:
        rows.append(("Accredited", "yes" if view.accredited else "no"))
    rows.append(("Assessments", _assessments(view)))
    if view.ce:
        rows.append(
            ("Continuing ed.", "\n".join(f"{row.id}: {ce_summary(row)}" for row in view.ce))
        )
    out.print(labelled(rows, out.width, bold=True))
    out.print()
    out.print(labelled(EDIT_HINTS, out.width))
    out.print(Text(f"Kept in {view.path}", style="dim"))


def labelled(rows: Sequence[tuple[str, str]], width: int, bold: bool = False) -> Text:
    """Label/value lines, values wrapped under themselves, without trailing padding.

    Written by hand rather than as a Rich grid, which pads every cell to the column
    width: piped output then ends each line with spaces.
    """
    indent = max(len(label) for label, _ in rows) + 2
    text = Text()
    for label, value in rows:
        lines = [
            wrapped
            for paragraph in value.split("\n")
            for wrapped in textwrap.wrap(
                paragraph, max(20, width - indent), break_on_hyphens=False
            )
            or [""]
        ]
        for number, line in enumerate(lines):
            shown = label if number == 0 else ""
            if text:
                text.append("\n")
            text.append(f"{shown:<{indent}}", style="bold" if bold else "")
            text.append(line)
    return text


def _named(value: Named | None) -> str:
    if value is None:
        return "none"
    return value.name if value.name.lower() == value.id.lower() else f"{value.name} ({value.id})"


def _assessments(view: ProfileView) -> str:
    if view.assessments == 0:
        return "none saved yet (maplanner assess --saved --save)"
    many = "s" if view.assessments != 1 else ""
    return (
        f"{view.assessments} saved assessment{many}, the last on {view.last_assessed} "
        "(maplanner history)"
    )


def render_forgotten(result: Forgotten, out: Console | None = None) -> None:
    out = out or stdout_console()
    if not result.existed:
        out.print(Text(f"Nothing saved, so nothing to forget ({result.path} does not exist)."))
        return
    many = "s" if result.assessments != 1 else ""
    what = "the saved profile and " if result.had_profile else ""
    credits = ""
    if result.ce_credits:
        what = what.replace(" and ", ", ")
        credits = f", {result.ce_credits} CE credit{'s' if result.ce_credits != 1 else ''}"
    out.print(
        Text(
            f"Deleted {what}{result.assessments} saved assessment{many}{credits}, "
            f"and {result.path}."
        )
    )


# Marks on `maplanner salary` --------------------------------------------------------


def saved_marks(assessment: Assessment, points: Points) -> list[Mark]:
    """The saved profile's estimate and pay, as marks for the salary chart.

    An estimate past the published `points` is drawn at the bound and named by the one
    rule ("your estimate (below the 10th)"), so the bound never reads as a pay cap.
    """
    at = assessment.range.at_estimate
    label = "your estimate"
    if at.kind in {"at-or-below", "at-or-above"}:
        label += f" ({short_where(points, assessment.estimated_percentile)})"
    marks = [Mark.model_construct(label=label, annual=at.annual)]
    if assessment.pay_standing is not None:
        marks.append(Mark.model_construct(label="your pay", annual=assessment.pay_standing.annual))
    return marks


def render_saved_note(assessment: Assessment, out: Console | None = None) -> None:
    """One line under the salary chart saying where the marks come from."""
    out = out or stdout_console()
    words = assessment.range.estimate_text
    if assessment.range.at_estimate.kind in {"at-or-below", "at-or-above"}:
        estimate, join = f"your estimate, {words}", ","  # the words carry their own brackets
    else:
        estimate, join = f"your estimate ({words})", ""
    text = f"Marked from your saved profile: {estimate}"
    pay = assessment.pay_standing
    if pay is not None:
        text += f"{join} and your pay ({pay.pay.describe()})"
    out.print(Text(text + ". See or change it: maplanner profile."))
