"""The interview's answers as options, shared by every command that takes a profile.

`assess`, `plan` and `report` accept the same options with the same names and help,
so a person learns them once.
"""

from typing import Annotated

import typer

from maplanner.commands import completion


def _years_value(text: str) -> float:
    """--years as a number, with a message that names what was typed when it is not one.

    The range (0 to 60) is checked later by `maplanner.core.profile.check_years`.
    """
    from maplanner.core.text import plain_decimal

    try:
        return plain_decimal(text)
    except ValueError:
        raise typer.BadParameter(
            f"{text!r} is not a number of years: use a number from 0 to 60 "
            "(decimals allowed, 0 for students)"
        ) from None


YearsOption = Annotated[
    float | None,
    typer.Option(
        "--years",
        metavar="YEARS",
        help="Years of experience as an MA; decimals allowed, 0 for students.",
        show_default=False,
        parser=_years_value,
    ),
]
CertOption = Annotated[
    list[str] | None,
    typer.Option(
        "--cert",
        metavar="ID",
        help="A certification you hold, by id (CMA, RMA, CCMA, CPT for phlebotomy, ...). "
        "Repeat the option, or separate ids with commas.",
        show_default=False,
        autocompletion=completion.certifications,
    ),
]
SettingOption = Annotated[
    str | None,
    typer.Option(
        "--setting",
        metavar="SETTING",
        help="Where you work: family-practice, specialty-clinic, multispecialty-group, "
        "urgent-care, outpatient-center, ambulatory-surgery, hospital, "
        "chiropractic-optometry, podiatry-office; or student (in an MA program, not "
        "working yet; with --years 0).",
        show_default=False,
        autocompletion=completion.settings,
    ),
]
SpecialtyOption = Annotated[
    str | None,
    typer.Option(
        "--specialty",
        metavar="SPECIALTY",
        help="Your specialty, or none: ophthalmology, cardiology, podiatry, dermatology, "
        "orthopedics, ob-gyn, pediatrics, allergy.",
        show_default=False,
        autocompletion=completion.specialties,
    ),
]
LeadsOption = Annotated[
    str | None,
    typer.Option(
        "--leads",
        metavar="LEVEL",
        help="Leadership duties: none, trains (trains or precepts others), lead (lead MA), "
        "supervises (supervises a team).",
        show_default=False,
        autocompletion=completion.leadership,
    ),
]
PayOption = Annotated[
    str | None,
    typer.Option(
        "--pay",
        metavar="PAY",
        help="Your current pay, optional: yearly like 46000 or 46k, or hourly like 22.50/h.",
        show_default=False,
    ),
]
EducationOption = Annotated[
    str | None,
    typer.Option(
        "--education",
        metavar="LEVEL",
        help="Highest education finished, optional: high-school, ma-certificate, associate, "
        "bachelor (a bachelor's or more, or 120 college credit hours). Some credentials "
        "require one (the CMPE: a bachelor's).",
        show_default=False,
        autocompletion=completion.education,
    ),
]
AccreditedOption = Annotated[
    bool | None,
    typer.Option(
        "--accredited/--not-accredited",
        help="Whether your MA program is or was accredited (CAAHEP or ABHES), optional: "
        "the CMA's usual route requires it.",
        show_default=False,
    ),
]
WhatIfOption = Annotated[
    list[str] | None,
    typer.Option(
        "--what-if",
        metavar="FIELD=VALUE",
        help="Compare with a changed profile, side by side: leads=lead, setting=hospital, "
        "cert=CPT (adds one), years=6, specialty=cardiology, education=bachelor, pay=50k. "
        "Repeat it to change several answers at once.",
        show_default=False,
    ),
]
