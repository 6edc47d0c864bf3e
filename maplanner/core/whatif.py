"""What-if: the same person with some answers changed, side by side with the real one.

Pure. A change is ``FIELD=VALUE`` (``leads=lead``, ``setting=hospital``, ``cert=CPT``
adds a credential, ``years=6``...), checked exactly like the option of that name, so
`assess --what-if`, the interview's last question and the levers (each lever is a
change you can paste into --what-if) read the same words.

Dollars come from `pay_at`, the one place that turns a percentile into pay for the
person: today the national distribution; a place's own distribution can be looked
up there without touching the callers.
"""

from collections.abc import Callable, Sequence

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.wages import WageTable
from maplanner.core import percentile_text
from maplanner.core.assessment import Side, WhatIf
from maplanner.core.profile import (
    HeldCert,
    Profile,
    check_student,
    check_years,
    parse_accredited,
    resolve_cert,
    resolve_education,
    resolve_leads,
    resolve_setting,
    resolve_specialty,
)
from maplanner.core.text import dollars, shown_gap
from maplanner.core.wages import WageAtPercentile, wage_at
from maplanner.errors import InputError

#: The fields a what-if can change, and the words people may use for them.
FIELDS: dict[str, tuple[str, ...]] = {
    "years": ("year", "experience"),
    "cert": ("certs", "certification", "credential", "add-cert"),
    "setting": ("work-setting",),
    "specialty": ("speciality",),
    "leads": ("leadership", "lead"),
    "pay": ("wage", "salary"),
    "education": ("school", "degree"),
    "accredited": ("accreditation",),
}
ACCEPTED = "FIELD=VALUE with FIELD one of " + ", ".join(FIELDS) + " (for example leads=lead)"

Change = tuple[str, str]


def parse_changes(texts: Sequence[str], option: str = "--what-if") -> list[Change]:
    """``["leads=lead", "setting=hospital"]`` -> [("leads", "lead"), ...]; InputError if bad.

    Several changes may also share one value, separated by spaces ("leads=lead years=6").
    """
    changes: list[Change] = []
    for text in texts:
        for part in text.split():
            field, sep, value = part.partition("=")
            if not sep or not field.strip() or not value.strip():
                raise InputError(f"{option} {part!r} is not a change: use {ACCEPTED}")
            changes.append((_field(field, option), value.strip()))
    return changes


def _field(word: str, option: str) -> str:
    key = word.strip().lower()
    for field, others in FIELDS.items():
        if key == field or key in others:
            return field
    raise InputError(
        f"{option} {word!r} is not a field a what-if can change: use {', '.join(FIELDS)}"
    )


def apply_changes(
    profile: Profile, changes: Sequence[Change], catalog: Catalog, option: str = "--what-if"
) -> Profile:
    """The profile with each change made, checked as the options are (InputError if not,
    naming `option`: the interview's question is "what-if", not an option)."""
    values = dict(profile)
    certs = list(profile.certs)
    for field, value in changes:
        where = f"{option} {field}"
        if field == "years":
            try:
                number = float(value)
            except ValueError:
                raise InputError(
                    f"{where}={value!r} is not a number of years: use a number from 0 to 60"
                ) from None
            values["years"] = check_years(number, option=where)
        elif field == "cert":
            for part in value.split(","):
                cert_id = resolve_cert(catalog, part, option=where)
                if cert_id not in {held.id for held in certs}:
                    certs.append(HeldCert.model_construct(id=cert_id))
        elif field == "setting":
            values["setting"] = resolve_setting(catalog, value, option=where)
        elif field == "specialty":
            values["specialty"] = resolve_specialty(catalog, value, option=where)
        elif field == "leads":
            values["leads"] = resolve_leads(catalog, value, option=where)
        elif field == "pay":
            from maplanner.core.money import parse_pay

            values["pay"] = None if value.lower() == "none" else parse_pay(value, where)
        elif field == "education":
            values["education"] = resolve_education(catalog, value, option=where)
        else:
            values["accredited"] = parse_accredited(value, option=where)
    values["certs"] = tuple(certs)
    return check_student(Profile.model_construct(**values), catalog, option=f"{option} setting")


def pay_at(
    catalog: Catalog, percentile: float, table: WageTable | None = None
) -> WageAtPercentile:
    """What the estimate pays: in the person's place's table when there is one (the one
    place levers and what-ifs turn percentiles into dollars), else the national one."""
    return wage_at(catalog.wages if table is None else table, percentile)


def pay_words(wage: WageAtPercentile) -> str:
    """'about $41,010 a year', '$44,200 a year', 'over $57,830 a year' (past the published
    range only the bound is known, said as a bound, never as a cap)."""
    prefix = {
        "published": "",
        "estimate": "about ",
        "at-or-below": "under ",
        "at-or-above": "over ",
    }[wage.kind]
    return f"{prefix}{dollars(wage.annual)} a year"


def pay_change(before: WageAtPercentile, after: WageAtPercentile) -> tuple[float, str]:
    """The yearly pay difference, and the words that keep it honest at the edges.

    Beyond the published 10th or 90th the figure is the bound, so a change that leaves
    or enters that zone is "at least" the difference, and one that stays below the
    10th has no published figure at all. The difference is between the two figures as
    printed, so "$37,421 -> $44,535" reads "+$7,114", never one dollar off.
    """
    change = shown_gap(after.annual, before.annual)
    if before.kind == after.kind == "at-or-below":
        return 0.0, "no published figure: both below the 10th percentile"
    if before.kind == after.kind == "at-or-above":
        return 0.0, "no published figure: both above the 90th percentile"
    sign = "+" if change >= 0 else "-"
    amount = f"{sign}{dollars(abs(change))} a year"
    if (before.kind == "at-or-below" and change > 0) or (after.kind == "at-or-above"):
        return float(change), f"at least {amount}"
    if "estimate" in (before.kind, after.kind):
        return float(change), f"about {amount}"
    return float(change), amount


def side(profile: Profile, catalog: Catalog, table: WageTable | None = None) -> Side:
    from maplanner.core.rules import brief

    result = brief(profile, catalog)
    wage = pay_at(catalog, result.estimated_percentile, table)
    return Side.model_construct(
        tier=result.tier,
        tier_name=result.tier_name,
        estimated_percentile=result.estimated_percentile,
        pay=wage,
        pay_text=pay_words(wage),
    )


def compare(
    profile: Profile,
    changes: Sequence[Change],
    catalog: Catalog,
    table: WageTable | None = None,
    describe: Callable[[Change], str] | None = None,
) -> WhatIf:
    """The person now and with `changes` made, and what differs (pay in `table`, the
    person's place's, else national)."""
    changed = apply_changes(profile, changes, catalog)
    now, then = side(profile, catalog, table), side(changed, catalog, table)
    money, words = pay_change(now.pay, then.pay)
    return WhatIf.model_construct(
        changes=tuple((describe or _plain)(change) for change in changes),
        now=now,
        what_if=then,
        profile=changed,
        tier_changed=now.tier != then.tier,
        percentile_change=round(then.estimated_percentile - now.estimated_percentile, 1),
        pay_change=money,
        pay_change_text=words,
    )


def _plain(change: Change) -> str:
    return f"{change[0]}={change[1]}"


def summary(result: WhatIf) -> str:
    """One line: 'tier Mid -> Senior/Lead; estimate 38th -> 52nd (+14 points); about +$3,900'."""
    parts = []
    if result.tier_changed:
        parts.append(f"tier {result.now.tier_name} -> {result.what_if.tier_name}")
    parts.append(
        "estimate "
        + percentile_text.step(
            result.now.estimated_percentile, result.what_if.estimated_percentile, unit=True
        )
    )
    parts.append(result.pay_change_text)
    return "; ".join(parts)
