"""`maplanner certs`: which certifications, when, and what they take."""

from typing import Annotated

import typer

from maplanner.commands import completion
from maplanner.commands.shared import JsonOption

SHORT = "Which certifications to earn, when, and what they take."
HELP = f"""{SHORT}

Four forms:

  maplanner certs           every credential: issuer, track, when it fits,
                            renewal cycle, and why it is worth having

  maplanner certs --year 2  the plan for one career year (0 = in training,
                            1 = first year on the job, up to 50)

  maplanner certs cma       one credential: eligibility, exam fee, renewal
                            and continuing education, what it unlocks,
                            related credentials

  maplanner certs --due     when each credential in your saved profile is due
                            for renewal, months left, what renewal takes,
                            and the continuing education recorded toward it
                            (maplanner ce)

  maplanner certs --due --ics renewals.ics
                            the same due dates as a calendar file (one event
                            per credential, reminders 90, 30 and 7 days before)

With a saved profile (maplanner profile), the credentials you hold are marked
"you hold this".

ID is an id, name or alias in any case (cma, ophthalmic, phlebotomy). An
exact id, name or alias wins; a fragment that fits one credential picks it;
a fragment that fits several lists them so you can pick one.

Tracks: clinical, administrative, specialty, leadership, life-support.

"CPT" here is the Certified Phlebotomy Technician credential, not the CPT
procedure codes used in billing (a code set, not a credential).

Facts nobody could verify are shown as "not verified", never guessed.
"""


def certs(
    credential: Annotated[
        str | None,
        typer.Argument(
            metavar="ID",
            help="A credential id, name or alias (for example cma, ophthalmic, phlebotomy).",
            show_default=False,
            autocompletion=completion.certifications,
        ),
    ] = None,
    year: Annotated[
        str | None,
        typer.Option(
            "--year",
            metavar="N",
            help="Show the plan for career year N: a whole number from 0 (in training) "
            "to 50. Cannot be combined with ID.",
            show_default=False,
        ),
    ] = None,
    track: Annotated[
        str | None,
        typer.Option(
            "--track",
            metavar="TRACK",
            autocompletion=completion.tracks,
            help="Only this track: clinical, administrative, specialty, leadership or "
            "life-support. Filters the list and the year plan.",
            show_default=False,
        ),
    ] = None,
    due: Annotated[
        bool,
        typer.Option(
            "--due",
            help="Renewal due dates for the credentials in your saved profile: due month, "
            "months left, what renewal takes, and which are due soon or lapsed.",
        ),
    ] = False,
    ics: Annotated[
        str | None,
        typer.Option(
            "--ics",
            metavar="FILE",
            help="With --due: also write the due dates as an iCalendar file (Google "
            "Calendar, Outlook, Apple Calendar), replacing FILE; private (0600).",
            show_default=False,
        ),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    from maplanner.commands.shared import catalog
    from maplanner.core.cert_options import check_track, parse_year
    from maplanner.errors import InputError
    from maplanner.render import certs as render
    from maplanner.render.output import emit_json

    data = catalog()
    chosen_track = check_track(track)
    if due:
        if credential is not None or year is not None or chosen_track is not None:
            raise InputError(
                "--due lists the renewals of every credential you hold: it cannot be "
                "combined with ID, --year or --track"
            )
        _renewals(json_output, ics)
        return
    if ics is not None:
        raise InputError(
            "--ics writes the renewal calendar: use it with --due, like "
            "maplanner certs --due --ics renewals.ics"
        )
    if credential is not None:
        if year is not None:
            raise InputError(
                "give a credential ID or --year, not both: 'maplanner certs ID' shows one "
                "credential, 'maplanner certs --year N' shows a year's plan"
            )
        if chosen_track is not None:
            raise InputError(
                "--track filters the list and the year plan; it cannot be combined with a "
                "credential ID"
            )
        from maplanner.core.cert_detail import certification_detail
        from maplanner.core.certs import find_certification

        detail = certification_detail(data, find_certification(data, credential))
        if json_output:
            emit_json(detail)
        else:
            render.render_detail(detail, _held())
    elif year is not None:
        from maplanner.core.cert_year import plan_for_year

        plan = plan_for_year(data, parse_year(year, data.roadmap_max_year), chosen_track)
        if json_output:
            emit_json(plan)
        else:
            render.render_year(plan, _held())
    else:
        from maplanner.core.certs import list_certifications

        listing = list_certifications(data, chosen_track)
        if json_output:
            emit_json(listing)
        else:
            render.render_list(listing, _held())


def _held() -> frozenset[str]:
    """The credentials in the saved profile, to mark in the tables (none if none saved)."""
    from maplanner.store import anything_saved

    if not anything_saved():
        return frozenset()
    from maplanner.store.profiles import load_profile

    profile = load_profile()
    return frozenset() if profile is None else profile.cert_ids


def _renewals(json_output: bool, ics: str | None) -> None:
    from maplanner.commands.shared import catalog
    from maplanner.core.ce import attach_progress
    from maplanner.core.profile import normalized
    from maplanner.core.renewals import renewals
    from maplanner.store import today
    from maplanner.store.ledger import credits
    from maplanner.store.profiles import load_profile

    target = None
    if ics is not None:
        from maplanner.document_files import check_target

        # An export, replaced on every run: no --force needed.
        target = check_target(ics, force=True, flag="--ics", example="renewals.ics")
    data = catalog()
    now = today()
    saved = load_profile()
    profile = None if saved is None else normalized(saved, data)
    report = attach_progress(renewals(profile, data, now), profile, data, credits(), now)
    written = None
    if target is not None:
        from maplanner.core.calendar import renewal_calendar
        from maplanner.document_files import write_atomically
        from maplanner.render.ics import calendar_bytes

        written = renewal_calendar(report, data.renewal_reminder_days)
        write_atomically(target, calendar_bytes(written), force=True, always_private=True)
    if json_output:
        from maplanner.render.output import emit_json

        emit_json(report)
        return
    from maplanner.render.renewals import render_calendar_note, render_renewals

    render_renewals(report)
    if written is not None and target is not None:
        render_calendar_note(written, str(target))
