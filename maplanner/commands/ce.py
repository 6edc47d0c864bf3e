"""`maplanner ce`: a continuing-education ledger, and progress toward each renewal.

A Typer sub-app like `profile`: plain `maplanner ce` shows progress, `add`, `list`
and `remove` keep the ledger. Values are checked in `maplanner.core.ce` before the
store is opened, so a bad value writes nothing. Light at import time: the store, the
catalog and Rich are imported inside the functions.
"""

from typing import Annotated

import typer

from maplanner.commands import completion
from maplanner.commands.shared import JsonOption, group_default

SHORT = "Record continuing education and see what each renewal still needs."
HELP = f"""{SHORT}

The subcommands:

  maplanner ce                          progress toward each credential's
                                        next due date (same as 'show')
  maplanner ce add CMA --units 2 --category clinical --date 2026-03-14
                                        record an activity's credits
  maplanner ce list                     every recorded credit, numbered
  maplanner ce remove 3                 delete credit number 3

A credit counts toward the cycle that the credential's next due date closes;
credits dated outside it are listed apart and not counted. One activity that
several issuers accept is recorded once per credential. The ledger lives with
your saved profile; 'maplanner profile forget' deletes it too.
"""

app = typer.Typer(
    name="ce",
    help=HELP,
    short_help=SHORT,
    invoke_without_command=True,
    no_args_is_help=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def main(ctx: typer.Context, json_output: JsonOption = False) -> None:
    """Show progress when no subcommand is given."""
    group_default(ctx, "ce", json_output, show)


@app.command("show", help="Progress toward each held credential's next due date.")
def show(json_output: JsonOption = False) -> None:
    from maplanner.commands.shared import catalog
    from maplanner.core.ce import ce_report
    from maplanner.core.profile import normalized
    from maplanner.store import today
    from maplanner.store.ledger import credits
    from maplanner.store.profiles import load_profile

    data = catalog()
    profile = load_profile()
    held = None if profile is None else normalized(profile, data)
    report = ce_report(held, data, credits(), today())
    if json_output:
        from maplanner.render.output import emit_json

        emit_json(report)
        return
    from maplanner.render.ce import render_report

    render_report(report)


@app.command(
    "add",
    help="Record the credits one activity gave toward one credential you hold. Nothing "
    "is written if any value is wrong.",
)
def add(
    credential: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="A credential you hold whose CE rule is known (CMA, RMA, CPC, CMPE).",
            show_default=False,
            autocompletion=completion.certifications,
        ),
    ],
    units: Annotated[
        str,
        typer.Option(
            "--units",
            metavar="N",
            help="The credits the activity gave, more than 0 (decimals allowed: 1.5).",
            show_default=False,
        ),
    ],
    day: Annotated[
        str,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="The day you did it: not in the future, not before you earned it.",
            show_default=False,
        ),
    ],
    category: Annotated[
        str | None,
        typer.Option(
            "--category",
            metavar="NAME",
            help="The issuer's category, where it has them (CMA: administrative, clinical "
            "or general; CMPE: live or self-study).",
            show_default=False,
        ),
    ] = None,
    from_issuer: Annotated[
        bool,
        typer.Option(
            "--from-issuer",
            help="The activity came from (or was approved by) the issuer: AAMA-approved "
            "for the CMA, from MGMA for the CMPE.",
        ),
    ] = False,
    note: Annotated[
        str,
        typer.Option("--note", metavar="TEXT", help="What it was (kept on this machine)."),
    ] = "",
    json_output: JsonOption = False,
) -> None:
    from maplanner.commands.shared import catalog
    from maplanner.core.ce import check_credit
    from maplanner.core.profile import normalized
    from maplanner.store import today
    from maplanner.store.ledger import add_credit
    from maplanner.store.profiles import require_profile

    data = catalog()
    now = today()
    profile = normalized(require_profile(why="to record continuing education for"), data)
    credit = check_credit(
        data,
        profile,
        now,
        credential=credential,
        units=units,
        category=category,
        from_issuer=from_issuer,
        day=day,
        note=note,
    )
    saved = add_credit(credit, now)
    if json_output:
        from maplanner.render.output import emit_json

        emit_json(saved)
        return
    from maplanner.render.ce import render_added

    render_added(saved)


@app.command("list", help="Every recorded credit, numbered for 'ce remove'.")
def list_credits(json_output: JsonOption = False) -> None:
    from maplanner.core.ce import credit_list
    from maplanner.store import today
    from maplanner.store.ledger import credits

    listing = credit_list(credits(), today())
    if json_output:
        from maplanner.render.output import emit_json

        emit_json(listing)
        return
    from maplanner.render.ce import render_list

    render_list(listing)


@app.command("remove", help="Delete one recorded credit by the number 'ce list' shows.")
def remove(
    number: Annotated[
        str,
        typer.Argument(metavar="NUMBER", help="The credit's number.", show_default=False),
    ],
    json_output: JsonOption = False,
) -> None:
    from maplanner.core.ce import parse_number
    from maplanner.core.ce_results import CreditRemoved
    from maplanner.errors import InputError
    from maplanner.store.ledger import remove_credit

    wanted = parse_number(number)
    removed = remove_credit(wanted)
    if removed is None:
        raise InputError(
            f"ce remove {wanted}: there is no credit number {wanted}; "
            "'maplanner ce list' shows the numbers"
        )
    result = CreditRemoved.model_construct(removed=removed)
    if json_output:
        from maplanner.render.output import emit_json

        emit_json(result)
        return
    from maplanner.render.ce import render_removed

    render_removed(result)
