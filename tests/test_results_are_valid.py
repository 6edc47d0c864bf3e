"""Every result the core returns is valid by its own model, and its JSON is pydantic's.

The core builds results with `model_construct`, which does not validate (a run would
otherwise build a pydantic validator for every result model it touches, which costs
more start-up time than the rest of `maplanner salary`). mypy, with pydantic's plugin,
checks the arguments of each `model_construct` call; these tests check the values:
each result, dumped and validated again, must come back the same. The same results
check maplanner's JSON writer (render/json_text.py) against pydantic's, byte for byte.
"""

import json
import math
import warnings
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from maplanner.catalog.loader import load_catalog
from maplanner.core.cert_detail import certification_detail
from maplanner.core.cert_year import plan_for_year
from maplanner.core.certs import list_certifications
from maplanner.core.guide import list_topics, topic_detail
from maplanner.core.history import history_view, record_of
from maplanner.core.money import Pay
from maplanner.core.paths import list_paths, path_detail
from maplanner.core.plan import make_plan
from maplanner.core.profile import HeldCert, Profile, build_profile, normalized
from maplanner.core.renewals import renewals
from maplanner.core.report import build_report
from maplanner.core.rules import assess
from maplanner.core.salary_view import salary_report
from maplanner.render.json_text import json_text
from maplanner.render.profile import saved_marks
from tests.cli_commands import Sample, in_work, prepare_work, samples
from tests.conftest import Runner, examples

CATALOG = load_catalog(None)
TODAY = date(2026, 11, 22)


def assert_valid(result: BaseModel) -> None:
    """`result` passes its model's validation unchanged (types, literals, no extras),
    and its values hold together (`assert_sound_values`)."""
    again = type(result).model_validate(result.model_dump())
    assert again == result
    assert again.model_dump_json() == result.model_dump_json()
    assert same_json(json_text(result), result.model_dump_json(indent=2))
    assert_sound_values(result.model_dump())


#: Hours in the wage table's working year: hourly = annual / HOURS.
HOURS = CATALOG.wages.hours_per_year


def assert_sound_values(value: object, where: str = "") -> None:
    """Values a type cannot check, anywhere in a dumped result:

    - every number is finite;
    - a percentile lies from 0 to 100 (a change between two may be negative);
    - an annual wage is above zero, and its hourly partner (``hourly`` beside
      ``annual``, ``median_hourly`` beside ``median_annual``...) is the annual figure
      divided by the working year's hours, within a cent (published hourly figures
      are BLS's own, which the data checks agree with the annual ones to a cent).
    """
    if isinstance(value, float):
        assert math.isfinite(value), where
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{where}.{key}"
            assert_sound_values(item, here)
            number = isinstance(item, int | float) and not isinstance(item, bool)
            if number and "percentile" in key and not key.endswith(("_change", "_points")):
                assert 0 <= item <= 100, (here, item)
            if number and key.endswith("annual"):
                assert item > 0, (here, item)
                partner = value.get(key[: -len("annual")] + "hourly")
                if isinstance(partner, int | float):
                    assert abs(partner - item / HOURS) <= 0.01 + 1e-9, (here, item, partner)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            assert_sound_values(item, f"{where}[{index}]")


def same_json(ours: str, theirs: str) -> bool:
    """The same document: keys in the same order, the same values, ints and floats kept
    apart (46 is not 46.0). Only the spelling of a number may differ: Python writes a
    float below 0.0001 as 6.1e-05 where pydantic writes 0.000061, the same number."""

    def parse(text: str) -> object:
        return json.loads(
            text,
            object_pairs_hook=list,
            parse_float=lambda number: ("float", float(number)),
            parse_int=lambda number: ("int", int(number)),
        )

    return parse(ours) == parse(theirs)


def test_a_wrong_figure_is_caught() -> None:
    """The value checks: an hourly figure that is not annual / hours, a percentile past
    100 or an infinity does not pass, though each has the right type."""
    good = salary_report(CATALOG, percentile=75)
    assert good.at_percentile is not None
    for change in ({"hourly": 85_280_000.0}, {"percentile": 101.0}, {"annual": float("inf")}):
        wrong = good.model_copy(
            update={"at_percentile": good.at_percentile.model_copy(update=change)}
        )
        with pytest.raises(AssertionError):
            assert_valid(wrong)


def test_a_wrong_value_is_caught() -> None:
    """The check itself: a constructed result holding a wrong value does not pass."""
    good = salary_report(CATALOG, percentile=75)
    bad = good.model_copy(update={"distribution": "not a distribution"})
    with warnings.catch_warnings():  # dumping it warns too; the point is validation
        warnings.simplefilter("ignore")
        with pytest.raises(ValidationError, match="distribution"):
            assert_valid(bad)


profiles = st.builds(
    Profile,
    years=st.floats(min_value=0, max_value=60, allow_nan=False),
    certs=st.lists(
        st.sampled_from([c.id for c in CATALOG.certifications]), unique=True, max_size=4
    ).map(lambda ids: tuple(HeldCert(id=i, earned="2024-03") for i in ids)),
    setting=st.sampled_from([s.id for s in CATALOG.settings]),
    specialty=st.none() | st.sampled_from([s.id for s in CATALOG.specialties]),
    leads=st.sampled_from([level.id for level in CATALOG.estimate.leadership]),
    pay=st.none()
    | st.builds(Pay, amount=st.floats(20_000, 90_000), per=st.just("year"))
    | st.builds(Pay, amount=st.floats(10, 45), per=st.just("hour")),
)


@settings(max_examples=examples(60), deadline=None)
@given(profiles, st.sampled_from([p.id for p in CATALOG.paths]))
def test_assessments_plans_reports_and_renewals_are_valid(profile: Profile, goal: str) -> None:
    result = assess(profile, CATALOG)
    assert_valid(result)
    assert_valid(make_plan(profile, CATALOG, goal))
    assert_valid(build_report(profile, CATALOG, TODAY, goal_id=goal))
    assert_valid(renewals(profile, CATALOG, TODAY))
    for mark in saved_marks(result, CATALOG.wages.percentiles):
        assert_valid(mark)


@settings(max_examples=examples(60), deadline=None)
@given(
    st.floats(min_value=0.5, max_value=99.5),
    st.none() | st.builds(Pay, amount=st.floats(5_000, 500_000), per=st.just("year")),
    st.none() | st.sampled_from([s.id for s in CATALOG.settings]),
)
def test_salary_reports_are_valid(percentile: float, pay: Pay | None, setting: str | None) -> None:
    assert_valid(salary_report(CATALOG, percentile=percentile, setting_id=setting))
    if pay is not None:
        assert_valid(salary_report(CATALOG, pay=pay, entered="46k", setting_id=setting))


def test_every_certification_view_is_valid() -> None:
    assert_valid(list_certifications(CATALOG))
    for track in {c.track for c in CATALOG.certifications}:
        assert_valid(list_certifications(CATALOG, track))
        assert_valid(plan_for_year(CATALOG, 2, track))
    for year in range(CATALOG.roadmap_max_year + 1):
        assert_valid(plan_for_year(CATALOG, year))
    for cert in CATALOG.certifications:
        assert_valid(certification_detail(CATALOG, cert.id))


def test_every_path_and_guide_view_is_valid() -> None:
    assert_valid(list_paths(CATALOG))
    for kind in ("advancement", "alternative"):
        assert_valid(list_paths(CATALOG, kind))
    for path in CATALOG.paths:
        assert_valid(path_detail(CATALOG, path))
    assert_valid(list_topics(CATALOG))
    for topic in CATALOG.guide:
        assert_valid(topic_detail(CATALOG, topic))


def test_history_is_valid() -> None:
    first = assess(Profile(years=1, setting="family-practice"), CATALOG)
    later = assess(
        Profile(years=4, setting="hospital", certs=(HeldCert(id="CMA"),), leads="trains"),
        CATALOG,
    )
    records = [record_of(first, TODAY, 1), record_of(later, TODAY, 2)]
    for record in records:
        assert_valid(record)
    assert_valid(history_view(records))


@pytest.mark.parametrize("sample", samples(), ids=lambda sample: sample.name)
def test_every_command_writes_the_json_pydantic_would(
    run: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sample: Sample
) -> None:
    """Through the CLI, so results made in command modules are covered too."""
    import maplanner.render.json_text as module

    checked: list[str] = []
    real = module.json_text

    def compared(result: BaseModel) -> str:
        text = real(result)
        assert text == result.model_dump_json(indent=2)
        checked.append(type(result).__name__)
        return text

    monkeypatch.setattr(module, "json_text", compared)
    prepare_work(tmp_path)
    result = run(*in_work(sample.args, tmp_path), "--json")
    assert result.code == 0, result.err
    assert checked, "no JSON was written"


class _Numbers(BaseModel):
    whole: int
    share: float
    maybe: float | None
    pair: tuple[float, int]
    table: dict[str, float]


def test_numbers_are_written_as_their_fields_declare() -> None:
    """A core result may hold the int 46 in a float field; pydantic writes 46.0, and so
    must maplanner. Not-finite floats are null in both."""
    made = _Numbers.model_construct(
        whole=3, share=46, maybe=2, pair=(1, 2), table={"a": 5, "b": float("inf")}
    )
    expected = made.model_dump_json(indent=2)
    assert json_text(made) == expected
    assert '"share": 46.0' in expected and '"whole": 3,' in expected
    assert same_json(json_text(made), expected)
    assert not same_json('{"a": 46}', '{"a": 46.0}')
    assert not same_json('{"a": 1, "b": 2}', '{"b": 2, "a": 1}')
    assert same_json('{"a": 6.1e-05}', '{"a": 0.000061}')


@settings(max_examples=examples(80), deadline=None)
@given(
    years=st.floats(min_value=0, max_value=60, allow_nan=False),
    certs=st.lists(
        st.sampled_from(["CMA", "cma", "RMA", "phlebotomy", "COA", "BLS", "CMPE"]), max_size=4
    ),
    setting=st.sampled_from(["hospital", "Family-Practice", "URGENT-CARE", "podiatry-office"]),
    specialty=st.sampled_from([None, "none", "ophthalmology", "Cardiology"]),
    leads=st.sampled_from([None, "none", "trains", "Lead", "supervises"]),
    pay=st.sampled_from([None, "", "46k", "$46,000", "22.50/h", "41000"]),
)
def test_profiles_built_from_options_are_valid(
    years: float,
    certs: list[str],
    setting: str,
    specialty: str | None,
    leads: str | None,
    pay: str | None,
) -> None:
    profile = build_profile(
        CATALOG,
        years=years,
        certs=certs,
        setting=setting,
        specialty=specialty,
        leads=leads,
        pay=pay,
    )
    assert_valid(profile)
    assert_valid(normalized(profile, CATALOG))
