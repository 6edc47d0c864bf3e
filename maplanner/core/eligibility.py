"""Can this person sit this credential yet? The issuers' requirements (eligibility.toml)
read against the answers: years, highest education, an accredited MA program, student.

Pure. One answer per (profile facts, credential), used by the next steps, the levers
and the plan, so they never disagree about what is possible "now":

- a minimum education not given counts as not met: the step says what it needs and
  that `--education` tells maplanner (a CMPE is never "now" on a guess);
- an accreditation not given is read as the usual route, with the requirement shown;
  a program that was not accredited leaves only the issuer's other route, which
  maplanner cannot check, so the step is not "now";
- a student may sit a credential with a student window (the CMA: up to 30 days
  before finishing an accredited program) while still in the program.
"""

from maplanner.catalog.catalog import Catalog
from maplanner.core.profile import Profile, is_student
from maplanner.core.result import Result
from maplanner.core.text import join_words, years_count


class Eligibility(Result):
    """Whether the person meets every requirement maplanner can check, and if not, when.

    ``requires`` lists the issuer's requirements in words (empty when none are
    recorded); ``when`` says when it becomes possible, for a step that is not open now;
    ``window`` is a student's timing ("up to 30 days before you finish ...").
    """

    cert: str
    eligible: bool
    requires: str | None
    when: str | None
    window: str | None
    years_from: float | None


def education_rank(catalog: Catalog, level: str | None) -> int:
    """How far `level` goes (1 and up); 0 for an education not given, which meets no
    minimum."""
    return 0 if level is None else catalog.education(level).rank


def check(
    profile: Profile, catalog: Catalog, cert_id: str, years: float | None = None
) -> Eligibility:
    """Eligibility for `cert_id`, at `years` of experience (default: the profile's)."""
    at = profile.years if years is None else years
    student = is_student(profile, catalog)
    key = (_check, cert_id, at, profile.education, profile.accredited, student)
    return catalog.memo(key, lambda: _check(profile, catalog, cert_id, at, student))


def _check(
    profile: Profile, catalog: Catalog, cert_id: str, years: float, student: bool
) -> Eligibility:
    rules = catalog.requirements(cert_id)
    if rules is None:
        return Eligibility.model_construct(
            cert=cert_id, eligible=True, requires=None, when=None, window=None, years_from=None
        )
    needs: list[str] = []
    missing: list[str] = []
    if rules.accredited_program and rules.program_text:
        route = rules.program_text
        if rules.other_route:
            needs.append(f"{route} ({rules.other_route})")
        else:
            needs.append(route)
        if profile.accredited is False:
            missing.append(
                "your program was not accredited, so only another route is left"
                + (f": {rules.other_route}" if rules.other_route else "")
            )
    if rules.min_education is not None and rules.education_text:
        needs.append(rules.education_text)
        if education_rank(catalog, profile.education) < education_rank(
            catalog, rules.min_education
        ):
            if profile.education is None:
                missing.append(
                    f"once you have {rules.education_text} (tell maplanner: --education)"
                )
            else:
                missing.append(f"after {rules.education_text}")
    if rules.min_years is not None:
        needs.append(rules.years_text or f"{years_count(rules.min_years)} of experience")
        if years < rules.min_years:
            wait = rules.min_years - years
            missing.append(
                f"from {years_count(rules.min_years)} of experience (in {years_count(wait)})"
            )
    needs.extend(rules.also)
    window = None
    if student and rules.student_window_days and profile.accredited is not False:
        window = f"up to {rules.student_window_days} days before you finish your program" + (
            "" if profile.accredited else ", if it is CAAHEP- or ABHES-accredited"
        )
    return Eligibility.model_construct(
        cert=cert_id,
        eligible=not missing,
        requires=("Requires " + join_words(needs) + ".") if needs else None,
        when=join_words(missing) if missing else None,
        window=window,
        years_from=rules.min_years,
    )
