"""Which certifications, when, and what they take: pure look-ups over the catalog.

Three answers, one per form of `maplanner certs`: the whole list (optionally one
track, here), the plan for one career year (cert_year.py), and everything known about
one credential (cert_detail.py); reading its options is cert_options.py. Each answer
is a frozen result model, so the same value feeds the Rich renderer and `--json`.

Finding a credential from what someone typed, in this order:
1. an exact id, full name or alias (case-insensitive) wins outright, so ``cma`` is
   the CMA and not also the CCMA, and ``ophthalmic`` (an alias of COA) is COA;
2. a name the data lists under a credential's ``not_this`` (``cpt codes``) is an
   error that explains the mix-up, so the billing code set is never shown as the
   phlebotomy credential;
3. otherwise a fragment of an id, name or alias: one match is that credential;
   several are an error listing them (``'ophth' matches COA, COT, COMT``);
4. otherwise an error with "did you mean" suggestions.
The data file guarantees that no id, name, alias or not-this name is used twice.
"""

from typing import Literal

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.certs import Certification, Track
from maplanner.core.matching import key, note_taken, unknown_message
from maplanner.core.profile import cert_choices
from maplanner.core.result import Result as _Result
from maplanner.errors import InputError

# The list ----------------------------------------------------------------------


class CertSummary(_Result):
    """One row of the list: what it is, where it fits, how often it renews, why bother."""

    id: str
    name: str
    issuer: str
    track: Track
    primary: bool
    stage: str
    stage_name: str
    renewal_verified: bool
    renewal_cycle_months: int | None
    value: str
    caution: str | None


class CertList(_Result):
    kind: Literal["list"] = "list"
    track: Track | None
    certifications: list[CertSummary]


# Reading what the user typed ---------------------------------------------------


def find_certification(catalog: Catalog, query: str) -> str:
    """The id of the one credential `query` names (see the module docstring for the rules)."""
    choices = cert_choices(catalog)
    wanted = key(query)
    if not wanted:
        raise InputError(
            f"certs needs a credential id or name; choose one of: {', '.join(choices)}"
        )
    for cert_id, names in choices.items():
        if wanted in {key(cert_id), *(key(name) for name in names)}:
            return cert_id
    for cert in catalog.certifications:
        if cert.not_this and wanted in {key(name) for name in cert.not_this.names}:
            see = (
                f" Look at {' or '.join(cert.not_this.see)} instead." if cert.not_this.see else ""
            )
            raise InputError(
                f"certs {query.strip()!r} is not a credential. {cert.not_this.explanation}{see}"
            )
    partial = [
        cert_id
        for cert_id, names in choices.items()
        if any(wanted in key(name) for name in (cert_id, *names))
    ]
    if len(partial) == 1:
        note_taken("certs", query, partial[0])
        return partial[0]
    if partial:
        raise InputError(
            f"certs {query.strip()!r} matches {', '.join(partial)}: pick one, for example "
            f"'maplanner certs {partial[0]}'"
        )
    raise InputError(unknown_message(query, choices, option="certs", what="certification"))


# Building the answers ----------------------------------------------------------


def list_certifications(catalog: Catalog, track: Track | None = None) -> CertList:
    """Every credential (or one track's), in the order a career meets them."""
    order = {band.id: band.first_year for band in catalog.roadmap}
    chosen = [c for c in catalog.certifications if track is None or c.track == track]
    chosen.sort(key=lambda cert: order[cert.stage])  # stable: data order within a band
    return CertList.model_construct(
        track=track, certifications=[_summary(catalog, c) for c in chosen]
    )


def stage_name(catalog: Catalog, cert: Certification) -> str:
    """The name of the roadmap band a credential belongs to."""
    return next(band.name for band in catalog.roadmap if band.id == cert.stage)


def _summary(catalog: Catalog, cert: Certification) -> CertSummary:
    renewal = None if cert.renewal == "not verified" else cert.renewal
    return CertSummary.model_construct(
        id=cert.id,
        name=cert.name,
        issuer=cert.issuer,
        track=cert.track,
        primary=cert.primary,
        stage=cert.stage,
        stage_name=stage_name(catalog, cert),
        renewal_verified=renewal is not None,
        renewal_cycle_months=None if renewal is None else renewal.cycle_months,
        value=cert.value,
        caution=cert.caution,
    )
