"""`maplanner profile`, `assess --save/--saved`, the interview's offer, and personal views."""

import json
import re
import sqlite3
import sys
from typing import Any

import pytest

from maplanner.commands import assess as assess_command
from maplanner.core.money import Pay
from maplanner.core.profile import HeldCert, Profile
from maplanner.core.text import ordinal
from maplanner.store.profiles import history, load_profile, load_state
from tests.conftest import Runner
from tests.helpers import flat, ok, ok_json
from tests.store_helpers import db_file, files_beside

OPTIONS = (
    "--years", "4", "--cert", "CMA", "--setting", "specialty-clinic",
    "--specialty", "ophthalmology", "--pay", "46k",
)  # fmt: skip
HOW_TO_SAVE_HINT = "maplanner: hint: save one with 'maplanner assess --save'"


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the commands believe a person is at the keyboard."""
    monkeypatch.setattr(assess_command, "stdin_is_terminal", lambda: True)


@pytest.fixture
def saved(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    """A profile saved on 2025-01-15 with one assessment."""
    monkeypatch.setenv("MAPLANNER_TODAY", "2025-01-15")
    result = run("assess", *OPTIONS, "--save", "--json")
    assert result.code == 0, result.err


# Showing ----------------------------------------------------------------------------------


def test_no_profile_says_how_to_make_one(run: Runner) -> None:
    out = flat(ok(run, "profile"))
    assert "No saved profile yet." in out
    assert "Save one with 'maplanner assess --save'" in out
    assert f"It will be kept in {db_file()}" in out
    assert ok(run, "profile", "show") == ok(run, "profile")
    assert not db_file().exists()


def test_no_profile_json(run: Runner) -> None:
    data = ok_json(run, "profile")
    assert data == {
        "saved": False,
        "path": str(db_file()),
        "updated_on": None,
        "years": None,
        "certs": [],
        "setting": None,
        "specialty": None,
        "leads": None,
        "pay": None,
        "assessments": 0,
        "last_assessed": None,
        "education": None,
        "accredited": None,
        "ce": [],
        "place": None,
    }
    assert ok_json(run, "profile", "show") == data


def test_saved_profile_is_shown_with_names(run: Runner, saved: None) -> None:
    out = ok(run, "profile")
    assert "Saved profile (last changed 2025-01-15)" in out
    assert re.search(r"^Years +4$", out, re.M)
    assert "CMA: Certified Medical Assistant (AAMA); month earned not recorded" in flat(out)
    assert "Physician specialty clinic (specialty-clinic)" in out
    assert re.search(r"^Specialty +Ophthalmology$", out, re.M)
    assert re.search(r"^Pay +\$46,000 a year$", out, re.M)
    assert "1 saved assessment, the last on 2025-01-15 (maplanner history)" in out
    assert "maplanner profile add-cert ID --earned YYYY-MM" in out


def test_saved_profile_json(run: Runner, saved: None) -> None:
    data = ok_json(run, "profile")
    assert data["saved"] is True
    assert data["years"] == 4
    assert data["certs"] == [
        {
            "id": "CMA",
            "name": "Certified Medical Assistant (AAMA)",
            "earned": None,
            "member_month": None,
        }
    ]
    assert data["setting"] == {"id": "specialty-clinic", "name": "Physician specialty clinic"}
    assert data["specialty"] == {"id": "ophthalmology", "name": "Ophthalmology"}
    assert data["leads"]["id"] == "none"
    assert data["pay"] == {"amount": 46000.0, "per": "year"}
    assert (data["assessments"], data["last_assessed"]) == (1, "2025-01-15")


def test_json_before_a_subcommand_is_refused(run: Runner, saved: None) -> None:
    result = run("profile", "--json", "set", "years", "5")
    assert result.code == 2
    assert "put --json after the subcommand: maplanner profile set ... --json" in result.err


# Setting fields -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "expected", "note"),
    [
        ("years", "5.5", {"years": 5.5}, "Saved: years 4 -> 5.5."),
        ("YEARS", "0", {"years": 0}, "Saved: years 4 -> 0."),
        ("setting", "Hospital", {"setting": "hospital"},
         "Saved: setting specialty-clinic -> hospital."),
        ("specialty", "cardiology", {"specialty": "cardiology"},
         "Saved: specialty ophthalmology -> cardiology."),
        ("specialty", "none", {"specialty": None}, "Saved: specialty ophthalmology -> none."),
        ("leads", "Lead", {"leads": "lead"}, "Saved: leads none -> lead."),
        ("leadership", "supervises", {"leads": "supervises"}, "Saved: leads none -> supervises."),
        ("pay", "22.50/h", {"pay": Pay(amount=22.5, per="hour")},
         "Saved: pay $46,000 a year -> $22.50/h."),
        ("pay", "none", {"pay": None}, "Saved: pay $46,000 a year -> not given."),
    ],
)  # fmt: skip
def test_set_changes_one_field(
    run: Runner, saved: None, field: str, value: str, expected: dict[str, Any], note: str
) -> None:
    before = load_profile()
    assert before is not None
    out = ok(run, "profile", "set", field, value)
    assert out.startswith(note + "\n")
    assert load_profile() == before.model_copy(update=expected)


def test_set_with_json_prints_the_updated_profile(run: Runner, saved: None) -> None:
    data = ok_json(run, "profile", "set", "years", "6")
    assert data["years"] == 6 and data["saved"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("years", "abc"), "years 'abc' is not a number of years: use a number from 0 to 60"),
        (("years", "61"), "years 61 is out of range: use a number of years from 0 to 60"),
        (("years", "nan"), "years 'nan' is not a number of years: use a number from 0 to 60"),
        (("setting", "hospitl"),
         "setting 'hospitl' is not a known work setting; did you mean hospital?"),
        (("specialty", "opthalmology"),
         "specialty 'opthalmology' is not a known specialty; did you mean ophthalmology?"),
        (("leads", "boss"), "leads 'boss' is not a known leadership level"),
        (("pay", "lots"), "pay 'lots' is not a pay amount"),
        (("pay", "90"), "pay '90' is too small for a yearly wage: for an hourly rate write 90/h"),
        (("yeras", "5"), "profile set 'yeras' is not a known profile field; did you mean years"),
        (("cert", "CMA"), "certifications change with add-cert and remove-cert"),
    ],
)  # fmt: skip
def test_bad_values_exit_2_and_change_nothing(
    run: Runner, saved: None, args: tuple[str, str], message: str
) -> None:
    before = db_file().read_bytes()
    result = run("profile", "set", *args)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(f"maplanner: {message}")
    assert len(result.err.splitlines()) == 1
    assert db_file().read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ("set", "years", "5"),
        ("add-cert", "CMA", "--earned", "2024-01"),
        ("remove-cert", "CMA"),
    ],
)
def test_edits_without_a_profile_say_how_to_save_one(run: Runner, args: tuple[str, ...]) -> None:
    result = run("profile", *args)
    assert result.code == 2
    assert result.out == ""
    lines = result.err.splitlines()
    assert lines[0].startswith("maplanner: no saved profile to ")
    assert lines[1].startswith(HOW_TO_SAVE_HINT)
    assert not db_file().exists()


def test_set_still_checks_the_value_when_nothing_is_saved(run: Runner) -> None:
    result = run("profile", "set", "setting", "hospitl")
    assert result.code == 2
    assert "setting 'hospitl' is not a known work setting" in result.err


# Certifications -----------------------------------------------------------------------------


def test_add_cert_with_earned_month(
    run: Runner, saved: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAPLANNER_TODAY", "2025-03-20")
    out = ok(run, "profile", "add-cert", "phlebotomy", "--earned", "2025-03")
    assert out.startswith("Saved: added CPT, earned 2025-03.\n")
    assert "CPT: Certified Phlebotomy Technician (NHA); earned 2025-03" in flat(out)
    profile = load_profile()
    assert profile is not None
    assert profile.certs == (HeldCert(id="CMA"), HeldCert(id="CPT", earned="2025-03"))


def test_add_cert_records_a_renewal_month_for_a_held_credential(run: Runner, saved: None) -> None:
    assert ok(run, "profile", "add-cert", "cma", "--earned", "2021-06").startswith(
        "Saved: CMA, earned 2021-06."
    )
    assert ok(run, "profile", "add-cert", "CMA").startswith(
        "No change: you already hold CMA, earned 2021-06."
    )
    profile = load_profile()
    assert profile is not None and profile.certs == (HeldCert(id="CMA", earned="2021-06"),)


@pytest.mark.parametrize(
    ("earned", "message"),
    [
        ("2025-3", "--earned '2025-3' is not a month: use YYYY-MM"),
        ("03-2025", "--earned '03-2025' is not a month"),
        ("2025-13", "--earned '2025-13' is not a month"),
        ("2025-00", "--earned '2025-00' is not a month"),
        ("march", "--earned 'march' is not a month"),
        ("2025-02", "--earned 2025-02 is in the future: use the month you earned or last "
         "renewed it, 2025-01 or earlier"),
        ("2030-01", "--earned 2030-01 is in the future"),
    ],
)  # fmt: skip
def test_bad_earned_months_exit_2(run: Runner, saved: None, earned: str, message: str) -> None:
    result = run("profile", "add-cert", "CPT", "--earned", earned)  # today is 2025-01-15
    assert result.code == 2
    assert result.err.startswith(f"maplanner: {message}")
    assert len(result.err.splitlines()) == 1
    profile = load_profile()
    assert profile is not None and "CPT" not in profile.cert_ids


def test_add_cert_unknown_id_suggests(run: Runner, saved: None) -> None:
    result = run("profile", "add-cert", "cmx")
    assert result.code == 2
    assert "add-cert 'cmx' is not a known certification; did you mean CMA" in result.err


def test_remove_cert(run: Runner, saved: None) -> None:
    ok(run, "profile", "add-cert", "CPT")
    assert ok(run, "profile", "remove-cert", "cma").startswith("Saved: removed CMA.\n")
    profile = load_profile()
    assert profile is not None and profile.certs == (HeldCert(id="CPT"),)


def test_remove_a_cert_not_held(run: Runner, saved: None) -> None:
    result = run("profile", "remove-cert", "RMA")
    assert result.code == 2
    assert result.err == (
        "maplanner: remove-cert RMA: the saved profile does not hold it (it holds: CMA)\n"
    )


# Forgetting ---------------------------------------------------------------------------------


def test_forget_with_yes_removes_every_trace(run: Runner, saved: None) -> None:
    ok(run, "assess", "--saved", "--save")
    out = flat(ok(run, "profile", "forget", "--yes"))
    assert out == f"Deleted the saved profile and 2 saved assessments, and {db_file()}."
    assert files_beside(db_file()) == []
    assert "No saved profile yet." in ok(run, "profile")
    assert "No saved assessments yet." in ok(run, "history")


def test_forget_without_a_terminal_refuses_rather_than_waits(run: Runner, saved: None) -> None:
    result = run("profile", "forget", input="y\n")
    assert result.code == 2
    assert result.err == (
        "maplanner: forget deletes every saved answer and assessment: add --yes to confirm "
        "(there is no terminal to ask in)\n"
    )
    assert load_profile() is not None


def test_forget_asks_in_a_terminal(run: Runner, saved: None, terminal: None) -> None:
    result = run("profile", "forget", input="n\n")
    assert result.code == 0
    assert "Delete the saved profile and 1 saved assessment? [y/N]: " in result.err
    assert result.out == "Nothing deleted.\n"
    assert load_profile() is not None
    assert run("profile", "forget", input="\n").out == "Nothing deleted.\n"  # Enter is no
    result = run("profile", "forget", input="YES\n")
    assert result.code == 0
    assert result.out.startswith("Deleted the saved profile and 1 saved assessment")
    assert files_beside(db_file()) == []


def test_forget_with_nothing_saved(run: Runner) -> None:
    assert flat(ok(run, "profile", "forget")) == (
        f"Nothing saved, so nothing to forget ({db_file()} does not exist)."
    )


# assess --save / --saved ----------------------------------------------------------------


def test_assess_save_stores_profile_and_assessment(run: Runner, saved: None) -> None:
    state = load_state()
    assert state is not None
    assert state.profile == Profile(
        years=4,
        certs=(HeldCert(id="CMA"),),
        setting="specialty-clinic",
        specialty="ophthalmology",
        pay=Pay(amount=46000, per="year"),
    )
    assert (state.assessments, state.updated_on) == (1, "2025-01-15")


def test_assess_save_says_so_after_the_report(
    run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAPLANNER_TODAY", "2025-01-15")
    out = flat(ok(run, "assess", *OPTIONS, "--save"))
    assert out.endswith(
        "Saved as your profile, with this assessment in your history (2025-01-15). "
        "See 'maplanner history'."
    )


def test_assess_save_json_is_one_document_and_quiet(run: Runner) -> None:
    plain = ok_json(run, "assess", *OPTIONS)
    saved = ok_json(run, "assess", *OPTIONS, "--save")
    assert saved == plain
    assert len(history()) == 1


def test_assess_saved_reassesses_without_asking(run: Runner, saved: None, terminal: None) -> None:
    by_options = ok_json(run, "assess", *OPTIONS)
    result = run("assess", "--saved", "--json", input="")
    assert result.code == 0 and result.err == ""
    assert json.loads(result.out) == by_options
    assert len(history()) == 1  # --saved alone does not add to the history


def test_assess_saved_without_a_profile_exits_2_with_a_hint(run: Runner) -> None:
    result = run("assess", "--saved")
    assert result.code == 2
    assert result.out == ""
    lines = result.err.splitlines()
    assert lines[0] == "maplanner: no saved profile to reassess"
    assert lines[1].startswith(HOW_TO_SAVE_HINT)


def test_assess_saved_with_answer_options_is_refused(run: Runner, saved: None) -> None:
    result = run("assess", "--saved", "--years", "0", "--pay", "40k")
    assert result.code == 2
    assert result.err.startswith(
        "maplanner: --saved reassesses the saved profile as it is: leave out --years, --pay"
    )


def test_assess_saved_names_every_answer_option_as_typed(run: Runner, saved: None) -> None:
    every = (
        "--years", "1", "--cert", "CMA", "--setting", "hospital", "--specialty", "none",
        "--leads", "none", "--pay", "40k", "--education", "high-school", "--accredited",
    )  # fmt: skip
    result = run("assess", "--saved", *every)
    assert result.code == 2
    assert (
        "leave out --years, --cert, --setting, --specialty, --leads, --pay, --education, "
        "--accredited, or change" in " ".join(result.err.split())
    )


def test_assess_save_keeps_recorded_earned_months(run: Runner, saved: None) -> None:
    ok(run, "profile", "add-cert", "CMA", "--earned", "2021-06")
    ok(run, "assess", *OPTIONS, "--cert", "CPT", "--save")
    profile = load_profile()
    assert profile is not None
    assert profile.certs == (HeldCert(id="CMA", earned="2021-06"), HeldCert(id="CPT"))


# The interview -------------------------------------------------------------------------------

ANSWERS = "4\n1\n2\n1\n\n46k\n\n"  # the same as OPTIONS (Enter at the place)
#: Enter at the optional questions: education, accreditation, the what-if.
SKIPS = "\n\n\n"


def test_interview_offers_to_save_and_yes_saves(run: Runner, terminal: None) -> None:
    result = run("assess", input=ANSWERS + SKIPS + "y\n")
    assert result.code == 0, result.err
    assert (
        "Save these answers as your profile, and this assessment in history? [y/N]: " in result.err
    )
    assert "Saved (" in result.err
    assert load_profile() == Profile(
        years=4,
        certs=(HeldCert(id="CMA"),),
        setting="specialty-clinic",
        specialty="ophthalmology",
        pay=Pay(amount=46000, per="year"),
    )
    assert len(history()) == 1


@pytest.mark.parametrize("answer", ["n\n", "\n", "whatever\n", ""])
def test_interview_offer_declined_or_unanswered_saves_nothing(
    run: Runner, terminal: None, answer: str
) -> None:
    result = run("assess", input=ANSWERS + SKIPS + answer)
    assert result.code == 0, result.err
    assert "[y/N]: " in result.err
    assert not db_file().exists()


def test_interview_with_save_option_does_not_ask(run: Runner, terminal: None) -> None:
    result = run("assess", "--save", "--json", input=ANSWERS)
    assert result.code == 0, result.err
    assert "[y/N]" not in result.err
    assert len(history()) == 1


def test_options_alone_never_ask_to_save(run: Runner, terminal: None) -> None:
    result = run("assess", *OPTIONS, input="y\n")
    assert result.code == 0
    assert result.err == ""
    assert not db_file().exists()


def test_saved_answers_prefill_the_interview(run: Runner, saved: None, terminal: None) -> None:
    ok(run, "profile", "add-cert", "CMA", "--earned", "2021-06")
    result = run("assess", "--json", input="5\n\n\n\n\n\n\n" + SKIPS + "y\n")  # change years
    assert result.code == 0, result.err
    assert "Your saved answers are the defaults" in result.err
    for prompt in [
        "Years [4]: ",
        "Certifications [CMA]: ",
        "Setting [specialty-clinic]: ",
        "Specialty [ophthalmology]: ",
        "Leadership [none]: ",
        "Pay [46000]: ",
    ]:
        assert prompt in result.err
    profile = load_profile()
    assert profile is not None
    assert profile.years == 5
    assert profile.certs == (HeldCert(id="CMA", earned="2021-06"),)  # the month survives
    assert len(history()) == 2


def test_options_beat_saved_answers_as_interview_defaults(
    run: Runner, saved: None, terminal: None
) -> None:
    result = run("assess", "--setting", "hospital", input="\n\n\n\n\n\n\n")
    assert result.code == 0, result.err
    assert "Setting [hospital]: " in result.err  # the option, not the saved answer
    assert "Setting [specialty-clinic]" not in result.err
    assert "Years [4]: " in result.err


# Personal views: certs and salary ----------------------------------------------------------


def test_certs_marks_what_the_profile_holds(run: Runner, saved: None) -> None:
    assert ok(run, "certs", "rma").splitlines()[0] == "RMA: Registered Medical Assistant (AMT)"
    assert ok(run, "certs", "cma").splitlines()[0].endswith("(you hold this)")
    ok(run, "profile", "add-cert", "COT")
    listing = ok(run, "certs")
    assert listing.count("(you hold this)") == 2
    assert "CMA (you hold this)" in listing
    assert "COA (this one) -> COT (you hold this) -> COMT" in ok(run, "certs", "coa")
    assert "CMA (you hold this)" in ok(run, "certs", "--year", "0")


def test_certs_without_a_profile_marks_nothing(run: Runner) -> None:
    assert "you hold this" not in ok(run, "certs")
    assert not db_file().exists()


def test_certs_json_is_the_same_with_a_profile(run: Runner) -> None:
    before = ok_json(run, "certs")
    ok(run, "assess", *OPTIONS, "--save")
    assert ok_json(run, "certs") == before


def test_salary_marks_the_saved_estimate_and_pay(run: Runner, saved: None) -> None:
    out = ok(run, "salary")
    rows = {line.split("$")[0].strip(): line for line in out.splitlines() if "▒▒" in line}
    assert set(rows) == {"your estimate", "your pay"}
    assert "$46,000" in rows["your pay"]
    estimate = json.loads(run("assess", "--saved", "--json").out)
    annual = estimate["range"]["at_estimate"]["annual"]
    assert f"${annual:,.0f}" in rows["your estimate"]
    assert flat(out).endswith(
        f"Marked from your saved profile: your estimate (about the "
        f"{ordinal(estimate['estimated_percentile'])} percentile) and your pay "
        "($46,000 a year). See or change it: maplanner profile."
    )


def test_salary_mark_past_the_published_range_says_what_is_known(run: Runner) -> None:
    ok(run, "assess", "--years", "0", "--setting", "chiropractic-optometry", "--save")
    out = ok(run, "salary")
    rows = {line.split("$")[0].strip() for line in out.splitlines() if "▒▒" in line}
    assert rows == {"your estimate (below the 10th)"}
    text = flat(out)
    assert (
        "Marked from your saved profile: your estimate, below the 10th percentile (under $" in text
    )
    assert not re.search(r"at or (below|above)", text)


def test_salary_json_and_plain_view_without_profile_are_unchanged(run: Runner) -> None:
    plain, data = ok(run, "salary"), ok_json(run, "salary")
    assert "your estimate" not in plain
    ok(run, "assess", *OPTIONS, "--save")
    assert ok_json(run, "salary") == data


def test_salary_marks_only_the_estimate_when_no_pay(run: Runner) -> None:
    ok(run, "assess", "--years", "10", "--setting", "hospital", "--leads", "supervises", "--save")
    out = ok(run, "salary")
    assert "your estimate" in out and "your pay" not in out


def test_the_database_is_a_single_file(run: Runner, saved: None) -> None:
    assert files_beside(db_file()) == ["maplanner.db"]
    connection = sqlite3.connect(db_file())
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    connection.close()


# In a real terminal ------------------------------------------------------------------------


@pytest.mark.slow
def test_in_a_real_terminal_the_offer_saves_and_the_next_interview_is_prefilled() -> None:
    pexpect: Any = pytest.importorskip("pexpect")
    from tests.store_helpers import ROOT, env

    def spawn() -> Any:
        return pexpect.spawn(
            sys.executable,
            ["-m", "maplanner", "assess"],
            env=env(COLUMNS="100", TERM="xterm"),
            cwd=str(ROOT),
            dimensions=(40, 100),
            encoding="utf-8",
            timeout=30,
        )

    child = spawn()
    for prompt, answer in [
        ("Years: ", "4"),
        ("Certifications [none]: ", "1"),
        ("Setting: ", "2"),
        ("Specialty [none]: ", "1"),
        ("Leadership [none]: ", ""),
        ("Pay [skip]: ", "46k"),
        ("Place [national]: ", ""),
        ("Education [skip]: ", ""),
        ("Accredited [not sure]: ", ""),
        ("What if [skip]: ", ""),
        ("[y/N]: ", "y"),
    ]:
        child.expect_exact(prompt)
        child.sendline(answer)
    child.expect_exact("Saved (")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    profile = load_profile()
    assert profile is not None and profile.years == 4 and profile.specialty == "ophthalmology"

    again = spawn()
    again.expect_exact("Your saved answers are the defaults")
    again.expect_exact("Years [4]: ")
    again.sendeof()
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 1
    assert len(history()) == 1


@pytest.mark.parametrize(
    "edit",
    [
        ("years", -1),  # a bound the model checks
        ("nickname", "Ana"),  # a field maplanner never wrote
        ("certs", [{"id": "CMA", "earned": "2024-13"}]),  # a month that does not exist
    ],
    ids=["years below 0", "an unknown field", "a month 13"],
)
def test_a_saved_profile_edited_outside_maplanner_is_validated(
    run: Runner, saved: None, edit: tuple[str, object]
) -> None:
    connection = sqlite3.connect(db_file())
    (body,) = connection.execute("SELECT body FROM profile").fetchone()
    changed = {**json.loads(body), edit[0]: edit[1]}
    connection.execute("UPDATE profile SET body = ?", (json.dumps(changed),))
    connection.commit()
    connection.close()
    result = run("profile")
    assert result.code == 1, result.out
    assert "the saved profile in" in result.err and "cannot be read" in result.err
