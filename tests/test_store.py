"""The store: where the file lives, its schema and upgrades, saving, loading, forgetting."""

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maplanner.catalog.catalog import Catalog
from maplanner.core.money import Pay
from maplanner.core.profile import HeldCert, PlaceAnswer, Profile
from maplanner.core.profile_view import carry_earned
from maplanner.core.rules import assess
from maplanner.errors import InputError
from maplanner.store import db, location, today
from maplanner.store.profiles import (
    forget,
    history,
    load_profile,
    load_state,
    record_assessment,
    save_profile,
    update_profile,
)
from tests.conftest import Runner, examples
from tests.store_helpers import db_file, files_beside, make_v1_database

PROFILE = Profile(
    years=4,
    certs=(HeldCert(id="CMA", earned="2021-06"), HeldCert(id="CPT")),
    setting="specialty-clinic",
    specialty="ophthalmology",
    leads="trains",
    pay=Pay(amount=46000, per="year"),
)
DAY = date(2025, 3, 14)


# Where it lives -------------------------------------------------------------------


def test_maplanner_home_moves_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAPLANNER_HOME", str(tmp_path / "elsewhere"))
    assert location.database_path() == tmp_path / "elsewhere" / "maplanner.db"


@pytest.mark.parametrize("xdg", [None, "", "   ", "relative/data", "/abs/data"])
def test_without_maplanner_home_it_is_the_platform_user_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, xdg: str | None
) -> None:
    """The folder platformdirs names (where earlier versions kept the database)."""
    import platformdirs

    monkeypatch.delenv("MAPLANNER_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    expected = Path(platformdirs.user_data_dir("maplanner")) / "maplanner.db"
    assert location.database_path() == expected


def test_reading_creates_nothing() -> None:
    assert load_profile() is None
    assert load_state() is None
    assert history() == []
    assert not db_file().exists()


def test_an_empty_file_is_nothing_saved_yet() -> None:
    db_file().parent.mkdir(parents=True, exist_ok=True)
    db_file().write_bytes(b"")
    assert load_profile() is None
    save_profile(PROFILE, DAY)
    assert load_profile() == PROFILE


# Schema ---------------------------------------------------------------------------


def test_a_new_database_carries_our_id_and_version() -> None:
    save_profile(PROFILE, DAY)
    connection = sqlite3.connect(db_file())
    assert connection.execute("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID
    assert connection.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION == 5
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {"profile", "assessment"} <= tables
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


def _v1_assessment(catalog: Catalog) -> dict[str, object]:
    old = Profile(years=4.5, certs=(HeldCert(id="CMA"),), setting="hospital", leads="trains")
    return json.loads(assess(old, catalog).model_dump_json())  # type: ignore[no-any-return]


def test_a_version_1_database_is_upgraded_in_place_keeping_everything(catalog: Catalog) -> None:
    body = _v1_assessment(catalog)
    make_v1_database(db_file(), [("2024-10-01", body), ("2024-11-02", body)])

    state = load_state()  # opening upgrades it

    assert state is not None
    assert state.profile == Profile(
        years=4.5,
        certs=(HeldCert(id="CMA"), HeldCert(id="CPT")),
        setting="hospital",
        specialty="cardiology",
        leads="trains",
        pay=Pay(amount=22.5, per="hour"),
    )
    assert state.updated_on == "2024-11-02"
    assert (state.assessments, state.last_assessed) == (2, "2024-11-02")
    records = history()
    assert [(r.number, r.date, r.tier) for r in records] == [
        (1, "2024-10-01", body["tier"]),
        (2, "2024-11-02", body["tier"]),
    ]
    assert records[0].tier_name == body["tier_name"]
    assert records[0].certs == ("CMA",) and records[0].years == 4.5
    connection = sqlite3.connect(db_file())
    assert connection.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION
    kept = connection.execute("SELECT body FROM assessment WHERE id = 1").fetchone()[0]
    assert json.loads(kept) == body  # the whole assessment survives untouched
    connection.close()
    # and it is an ordinary current database from now on
    record_assessment(assess(PROFILE, catalog), DAY)
    assert [r.number for r in history()] == [1, 2, 3]


def test_an_upgrade_that_fails_leaves_the_old_file_as_it_was(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_v1_database(db_file(), [("2024-10-01", _v1_assessment(catalog))])
    before = db_file().read_bytes()

    def broken(connection: sqlite3.Connection) -> None:
        connection.execute("DROP TABLE profile")
        raise RuntimeError("power cut")

    real = db.UPGRADES[1]
    monkeypatch.setitem(db.UPGRADES, 1, broken)
    with pytest.raises(RuntimeError):
        load_state()
    assert db_file().read_bytes() == before
    monkeypatch.setitem(db.UPGRADES, 1, real)
    assert load_profile() is not None


# Saving and loading ----------------------------------------------------------------


def test_save_and_load_round_trip() -> None:
    save_profile(PROFILE, DAY)
    state = load_state()
    assert state is not None
    assert state.profile == PROFILE
    assert (state.updated_on, state.assessments, state.last_assessed) == ("2025-03-14", 0, None)


def test_saving_again_replaces_the_profile() -> None:
    save_profile(PROFILE, DAY)
    other = Profile(years=1, setting="hospital")
    save_profile(other, date(2025, 4, 1))
    state = load_state()
    assert state is not None and state.profile == other and state.updated_on == "2025-04-01"


profiles = st.builds(
    Profile,
    years=st.floats(min_value=0, max_value=60, allow_nan=False),
    certs=st.lists(
        st.builds(
            HeldCert,
            id=st.sampled_from(["CMA", "RMA", "CPT", "COA", "BLS"]),
            earned=st.none()
            | st.tuples(st.integers(1950, 2030), st.integers(1, 12)).map(
                lambda ym: f"{ym[0]:04d}-{ym[1]:02d}"
            ),
        ),
        max_size=4,
        unique_by=lambda cert: cert.id,
    ).map(tuple),
    setting=st.sampled_from(["hospital", "family-practice", "urgent-care"]),
    specialty=st.none() | st.sampled_from(["cardiology", "ophthalmology"]),
    leads=st.sampled_from(["none", "trains", "lead", "supervises"]),
    pay=st.none()
    | st.builds(Pay, amount=st.floats(1000, 1_000_000), per=st.just("year"))
    | st.builds(Pay, amount=st.floats(1, 500), per=st.just("hour")),
)


@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(profile=profiles)
def test_any_profile_comes_back_exactly_as_saved(profile: Profile) -> None:
    save_profile(profile, DAY)
    assert load_profile() == profile


def test_recording_an_assessment_saves_the_profile_and_a_history_row(catalog: Catalog) -> None:
    first = assess(PROFILE, catalog)
    record = record_assessment(first, DAY)
    assert (record.number, record.date, record.tier) == (1, "2025-03-14", first.tier)
    assert record.estimated_percentile == first.estimated_percentile
    assert record.certs == ("CMA", "CPT")
    assert load_profile() == PROFILE
    connection = sqlite3.connect(db_file())
    body = connection.execute("SELECT body FROM assessment").fetchone()[0]
    connection.close()
    assert json.loads(body) == json.loads(first.model_dump_json())
    later = PROFILE.model_copy(update={"years": 5.0})
    record_assessment(assess(later, catalog), date(2025, 4, 14))
    assert [(r.number, r.date, r.years) for r in history()] == [
        (1, "2025-03-14", 4),
        (2, "2025-04-14", 5),
    ]
    state = load_state()
    assert state is not None and (state.assessments, state.last_assessed) == (2, "2025-04-14")


def test_an_edit_that_fails_changes_nothing() -> None:
    save_profile(PROFILE, DAY)
    before = db_file().read_bytes()

    def bad(profile: Profile) -> Profile:
        raise InputError("no")

    with pytest.raises(InputError):
        update_profile(bad, date(2025, 5, 1), why="to test")
    assert db_file().read_bytes() == before
    assert load_profile() == PROFILE


def test_editing_without_a_profile_says_how_to_save_one() -> None:
    with pytest.raises(InputError) as caught:
        update_profile(lambda p: p, DAY, why="to change")
    assert caught.value.message == "no saved profile to change"
    assert caught.value.hint is not None and "maplanner assess --save" in caught.value.hint
    assert not db_file().exists()


def test_carry_earned_keeps_recorded_months_for_credentials_still_held() -> None:
    new = Profile(years=5, certs=(HeldCert(id="CMA"), HeldCert(id="RMA")), setting="hospital")
    carried = carry_earned(new, PROFILE)
    assert carried.certs == (HeldCert(id="CMA", earned="2021-06"), HeldCert(id="RMA"))
    assert carry_earned(new, None) == new
    given_month = new.model_copy(update={"certs": (HeldCert(id="CMA", earned="2024-01"),)})
    assert carry_earned(given_month, PROFILE).certs == (HeldCert(id="CMA", earned="2024-01"),)


# Forgetting --------------------------------------------------------------------------


def test_forget_deletes_everything_and_leaves_no_file(catalog: Catalog) -> None:
    record_assessment(assess(PROFILE, catalog), DAY)
    record_assessment(assess(PROFILE, catalog), DAY)
    journal = db_file().with_name("maplanner.db-journal")
    wal = db_file().with_name("maplanner.db-wal")
    journal.write_bytes(b"")  # stale side files from some earlier crash
    wal.write_bytes(b"")
    result = forget()
    assert (result.existed, result.had_profile, result.assessments) == (True, True, 2)
    assert files_beside(db_file()) == []
    assert load_profile() is None and history() == []


def test_forget_removes_the_platform_data_dir_it_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MAPLANNER_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    save_profile(PROFILE, DAY)
    assert (tmp_path / "maplanner" / "maplanner.db").exists()
    forget()
    assert not (tmp_path / "maplanner").exists()


def test_forget_keeps_a_maplanner_home_directory() -> None:
    save_profile(PROFILE, DAY)
    forget()
    assert db_file().parent.is_dir() and files_beside(db_file()) == []


def test_forget_with_nothing_saved() -> None:
    result = forget()
    assert (result.existed, result.had_profile, result.assessments) == (False, False, 0)
    assert not db_file().exists()


# Today ------------------------------------------------------------------------------------


def test_today_can_be_injected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAPLANNER_TODAY", "2031-07-09")
    assert today() == date(2031, 7, 9)
    monkeypatch.setenv("MAPLANNER_TODAY", "")
    assert today() == date.today()


def test_a_bad_injected_today_is_an_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAPLANNER_TODAY", "next tuesday")
    with pytest.raises(InputError, match="MAPLANNER_TODAY 'next tuesday' is not a date"):
        today()


def test_a_home_of_an_unknown_user_is_refused_in_words(
    run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAPLANNER_HOME", "~maplanner-no-such-user/planner")
    result = run("profile", "show")
    assert result.code == 1
    assert result.err.startswith(
        "maplanner: MAPLANNER_HOME is '~maplanner-no-such-user/planner', but that home "
        "directory is unknown\n"
    )


def test_a_version_2_database_is_upgraded_and_then_keeps_a_place(catalog: Catalog) -> None:
    save_profile(PROFILE, DAY)
    connection = sqlite3.connect(db_file())
    # As version 2 left it: no ledger, no profile or pay kept beside each assessment.
    connection.execute("DROP TABLE ce_credit")
    for column in ("profile", "pay_annual", "pay_percentile"):
        connection.execute(f"ALTER TABLE assessment DROP COLUMN {column}")
    connection.execute("PRAGMA user_version = 2")
    connection.commit()
    connection.close()
    assert load_profile() == PROFILE  # opening upgrades it, keeping the answers
    connection = sqlite3.connect(db_file())
    assert connection.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION
    connection.close()
    placed = PROFILE.model_copy(update={"place": PlaceAnswer(kind="state", name="WA")})
    save_profile(placed, DAY)
    assert load_profile() == placed
