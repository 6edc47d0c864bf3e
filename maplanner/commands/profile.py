"""`maplanner profile`: see, change or delete the saved profile.

A Typer sub-app: `show` (also what plain `maplanner profile` does), `set`,
`add-cert`, `remove-cert` and `forget`. Values are checked exactly as the `assess`
options are (the same resolvers in `maplanner.core.profile`), so a value `profile set`
accepts is one `assess` accepts. Kept light at import time like every command module:
the store, the catalog and Rich are imported inside the functions.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from maplanner.commands import completion
from maplanner.commands.shared import JsonOption, group_default

if TYPE_CHECKING:
    from maplanner.catalog.catalog import Catalog
    from maplanner.core.ce_results import CEProgress
    from maplanner.core.profile import Profile
    from maplanner.core.profile_view import ProfileView

SHORT = "See, change or delete your saved profile."
HELP = f"""{SHORT}

The subcommands:

  maplanner profile                     the saved answers (same as 'show')
  maplanner profile set years 5         change one answer: years, setting,
                                        specialty, leads or pay
  maplanner profile add-cert CPT --earned 2025-03
                                        add a credential, or record the month
                                        you earned or last renewed one
  maplanner profile remove-cert CPT     remove a credential
  maplanner profile forget              delete every saved answer and
                                        assessment (asks first; --yes skips)

Save a profile first with 'maplanner assess --save' (or answer y when the
interview offers). It is kept in an SQLite file in your user data directory;
set MAPLANNER_HOME to keep it elsewhere.
"""

#: The answers `profile set` can change, with the words people may use for them.
FIELDS: dict[str, list[str]] = {
    "years": ["year", "experience"],
    "setting": ["work-setting"],
    "specialty": ["speciality"],
    "leads": ["leadership", "lead"],
    "pay": ["wage", "salary"],
    "education": ["school", "degree"],
    "accredited": ["accreditation", "program"],
}
CERT_WORDS = frozenset({"cert", "certs", "certification", "certifications", "credential"})

app = typer.Typer(
    name="profile",
    help=HELP,
    short_help=SHORT,
    invoke_without_command=True,
    no_args_is_help=False,
    pretty_exceptions_enable=False,
)

IdArgument = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help="A credential id, name or alias (CMA, cpt, phlebotomy, ...).",
        show_default=False,
        autocompletion=completion.certifications,
    ),
]


@app.callback()
def main(ctx: typer.Context, json_output: JsonOption = False) -> None:
    """Show the saved profile when no subcommand is given."""
    group_default(ctx, "profile", json_output, show)


@app.command("show", help="Show the saved answers (or how to save some).")
def show(json_output: JsonOption = False) -> None:
    from maplanner.commands.shared import catalog

    _output(_view(catalog()), json_output)


@app.command(
    "set",
    help="Change one saved answer: years, setting, specialty, leads, pay, education or "
    "accredited. Values are "
    "checked as the assess options are; 'none' clears specialty, leads or pay.",
)
def set_field(
    field: Annotated[
        str,
        typer.Argument(
            metavar="FIELD",
            help="years, setting, specialty, leads, pay, education or accredited.",
            show_default=False,
        ),
    ],
    value: Annotated[
        str,
        typer.Argument(
            metavar="VALUE",
            help="The new answer, as for the assess option (5, hospital, 46k, 22.50/h).",
            show_default=False,
        ),
    ],
    json_output: JsonOption = False,
) -> None:
    from maplanner.commands.shared import catalog
    from maplanner.core.matching import resolve_id
    from maplanner.errors import InputError
    from maplanner.store import today
    from maplanner.store.profiles import update_profile

    data = catalog()
    if field.strip().lower() in CERT_WORDS:
        raise InputError(
            "certifications change with add-cert and remove-cert: for example "
            "maplanner profile add-cert CMA --earned 2025-03"
        )
    name = resolve_id(field, FIELDS, option="profile set", what="profile field")
    changed = _with_field(data, name, value)  # checked before the store is opened
    before, after = update_profile(changed, today(), why="to change")
    note = f"Saved: {name} {_shown(before, name)} -> {_shown(after, name)}."
    _after_edit(data, note, json_output)


@app.command(
    "add-cert",
    help="Add a credential you hold, or record the month you earned or last renewed one "
    "(certs --due counts renewal from that month).",
)
def add_cert(
    credential: IdArgument,
    earned: Annotated[
        str | None,
        typer.Option(
            "--earned",
            metavar="YYYY-MM",
            help="The month you earned or last renewed it, like 2025-03; not in the future.",
            show_default=False,
        ),
    ] = None,
    member_month: Annotated[
        str | None,
        typer.Option(
            "--member-month",
            metavar="MM",
            help="For a credential whose renewal follows a membership (CPC): the month "
            "the membership renews each year, 1 to 12 or a name like may.",
            show_default=False,
        ),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    from maplanner.commands.shared import catalog
    from maplanner.core.profile import HeldCert, Profile, resolve_cert
    from maplanner.core.renewals import parse_member_month, parse_month
    from maplanner.store import today
    from maplanner.store.profiles import update_profile

    data = catalog()
    now = today()
    cert_id = resolve_cert(data, credential, option="add-cert")
    month = None if earned is None else parse_month(earned, now)
    member = None if member_month is None else parse_member_month(data, cert_id, member_month)

    def add(profile: Profile) -> Profile:
        held = {cert.id: cert for cert in profile.certs}
        old = held.get(cert_id)
        held[cert_id] = HeldCert(
            id=cert_id,
            earned=month or (old.earned if old else None),
            member_month=member or (old.member_month if old else None),
        )
        return profile.model_validate({**dict(profile), "certs": tuple(held.values())})

    before, after = update_profile(add, now, why="to add a credential to")
    new = next(cert for cert in after.certs if cert.id == cert_id)
    when = f", earned {new.earned}" if new.earned else " (month earned not recorded)"
    if cert_id not in before.cert_ids:
        note = f"Saved: added {cert_id}{when}."
    elif before == after:
        note = f"No change: you already hold {cert_id}{when}."
    else:
        note = f"Saved: {cert_id}{when}."
    _after_edit(data, note, json_output)


@app.command("remove-cert", help="Remove a credential from the saved profile.")
def remove_cert(credential: IdArgument, json_output: JsonOption = False) -> None:
    from maplanner.commands.shared import catalog
    from maplanner.core.profile import Profile, resolve_cert
    from maplanner.errors import InputError
    from maplanner.store import today
    from maplanner.store.profiles import update_profile

    data = catalog()
    unknown: InputError | None = None
    try:
        cert_id = resolve_cert(data, credential, option="remove-cert")
    except InputError as error:  # perhaps one the saved profile holds but the data dropped
        cert_id, unknown = credential.strip(), error

    def remove(profile: Profile) -> Profile:
        if unknown is not None and cert_id not in profile.cert_ids:
            raise unknown
        if cert_id not in profile.cert_ids:
            held = ", ".join(cert.id for cert in profile.certs) or "none"
            raise InputError(
                f"remove-cert {cert_id}: the saved profile does not hold it (it holds: {held})"
            )
        certs = tuple(cert for cert in profile.certs if cert.id != cert_id)
        return profile.model_validate({**dict(profile), "certs": certs})

    update_profile(remove, today(), why="to remove a credential from")
    _after_edit(data, f"Saved: removed {cert_id}.", json_output)


@app.command(
    "forget",
    help="Delete the saved profile and every saved assessment, and the database file. "
    "Asks first in a terminal; elsewhere it needs --yes.",
)
def forget(
    yes: Annotated[
        bool,
        typer.Option("--yes", "-y", help="Do not ask; delete at once."),
    ] = False,
) -> None:
    from maplanner.commands import assess
    from maplanner.errors import InputError
    from maplanner.render.profile import render_forgotten
    from maplanner.store.location import database_path
    from maplanner.store.profiles import forget as forget_all
    from maplanner.store.profiles import load_state

    path = database_path()
    if not yes and path.exists():
        if not assess.stdin_is_terminal():
            raise InputError(
                "forget deletes every saved answer and assessment: add --yes to confirm "
                "(there is no terminal to ask in)"
            )
        from maplanner.commands.interview import ask_yes_no

        state = load_state()  # also refuses a file that is not ours, before asking
        count = 0 if state is None else state.assessments
        many = "s" if count != 1 else ""
        if not ask_yes_no(f"Delete the saved profile and {count} saved assessment{many}?"):
            typer.echo("Nothing deleted.")
            return
    render_forgotten(forget_all())


# Helpers ----------------------------------------------------------------------------


def _with_field(data: "Catalog", field: str, value: str) -> Callable[["Profile"], "Profile"]:
    """A function that sets `field` to `value` on a profile; the value is checked now."""
    from maplanner.core.money import parse_pay
    from maplanner.core.profile import (
        check_student,
        check_years,
        parse_accredited,
        resolve_education,
        resolve_leads,
        resolve_setting,
        resolve_specialty,
    )
    from maplanner.core.text import plain_decimal
    from maplanner.errors import InputError

    text = value.strip()
    cleared = text.lower() in {"", "none"}
    new: object
    if field == "years":
        try:
            number = plain_decimal(text)
        except ValueError:
            raise InputError(
                f"years {value!r} is not a number of years: use a number from 0 to 60 "
                "(decimals allowed, 0 for students)"
            ) from None
        new = check_years(number, option="years")
    elif field == "setting":
        new = resolve_setting(data, value, option="setting")
    elif field == "specialty":
        new = resolve_specialty(data, value, option="specialty")
    elif field == "leads":
        new = "none" if cleared else resolve_leads(data, value, option="leads")
    elif field == "education":
        new = resolve_education(data, value, option="education")
    elif field == "accredited":
        new = parse_accredited(value, option="accredited")
    else:
        new = None if cleared else parse_pay(value, "pay")

    def edit(profile: "Profile") -> "Profile":
        changed = profile.model_validate({**dict(profile), field: new})
        return check_student(changed, data, option="setting")

    return edit


def _shown(profile: "Profile", field: str) -> str:
    """One answer as `profile set` takes it, for "years 4 -> 5"."""
    if field == "years":
        return f"{profile.years:g}"
    if field == "pay":
        return "not given" if profile.pay is None else profile.pay.describe()
    if field == "accredited":
        return {True: "yes", False: "no", None: "not given"}[profile.accredited]
    value = getattr(profile, field)
    return "none" if value is None else str(value)


def _output(view: "ProfileView", json_output: bool, note: str | None = None) -> None:
    if json_output:
        from maplanner.render.output import emit_json

        emit_json(view)
        return
    from maplanner.render.profile import render_profile

    render_profile(view, note=note)


def _after_edit(data: "Catalog", note: str, json_output: bool) -> None:
    """Show the profile as saved now, after the line saying what changed."""
    _output(_view(data), json_output, note)


def _view(data: "Catalog") -> "ProfileView":
    """The saved profile as `profile` shows it (or that nothing is saved)."""
    from maplanner.core.ce import ce_report
    from maplanner.core.profile import normalized
    from maplanner.core.profile_view import describe
    from maplanner.store import today
    from maplanner.store.ledger import credits
    from maplanner.store.location import database_path
    from maplanner.store.profiles import load_state

    state = load_state()
    progress: tuple[CEProgress, ...] = ()
    if state is not None:
        held = normalized(state.profile, data)
        progress = ce_report(held, data, credits(), today()).progress
        state = state.model_copy(update={"profile": held})
    return describe(state, data, str(database_path()), progress)
