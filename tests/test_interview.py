"""The interview with scripted input, and that it agrees exactly with the options."""

import io
import json
import shlex
import sys

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.commands import assess as assess_command
from maplanner.commands.interview import Prefill, as_options, parse_certs, run_interview
from maplanner.core.money import Pay
from maplanner.core.profile import HeldCert, PlaceAnswer, Profile
from maplanner.core.rules import assess
from maplanner.errors import InputError
from tests.conftest import Runner


class Script:
    """Scripted answers; running out of them is the end of input."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.prompts: list[str] = []
        self.said: list[str] = []

    def ask(self, prompt: str) -> str:
        self.prompts.append(prompt)
        if not self.answers:
            raise EOFError
        return self.answers.pop(0)

    def say(self, text: str) -> None:
        self.said.append(text)

    def interview(self, catalog: Catalog, defaults: Profile | Prefill | None = None) -> Profile:
        return run_interview(catalog, defaults, ask=self.ask, say=self.say)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `assess` believe a person is at the keyboard."""
    monkeypatch.setattr(assess_command, "stdin_is_terminal", lambda: True)


def test_answers_become_a_profile(catalog: Catalog) -> None:
    script = Script("4", "1,6", "2", "1", "", "46k", "")
    assert script.interview(catalog) == Profile(
        years=4,
        certs=(HeldCert(id="CMA"), HeldCert(id="COA")),
        setting="specialty-clinic",
        specialty="ophthalmology",
        leads="none",
        pay=Pay(amount=46000, per="year"),
    )
    assert script.prompts == [
        "Years: ",
        "Certifications [none]: ",
        "Setting: ",
        "Specialty [none]: ",
        "Leadership [none]: ",
        "Pay [skip]: ",
        "Place [national]: ",
        "Education [skip]: ",  # optional: end of input skips it
    ]
    said = "\n".join(script.said)
    assert "1/9  Years of experience as a medical assistant" in said
    assert "   6  COA   Certified Ophthalmic Assistant (IJCAHPO)" in said
    assert "   2  specialty-clinic        Physician specialty clinic" in said
    assert "   4  supervises  Supervises a team" in said
    assert all(len(line) <= 79 for line in script.said)


def test_ids_names_and_words_are_accepted_too(catalog: Catalog) -> None:
    script = Script("0.5", "rma cpt", "HOSPITAL", "none", "Lead", "22.50/h", "")
    profile = script.interview(catalog)
    assert profile.years == 0.5
    assert [c.id for c in profile.certs] == ["RMA", "CPT"]
    assert (profile.setting, profile.specialty, profile.leads) == ("hospital", None, "lead")
    assert profile.pay == Pay(amount=22.5, per="hour")


def test_a_wrong_answer_is_asked_again_with_the_reason(catalog: Catalog) -> None:
    script = Script(
        "abc", "-1", "", "nan", "4",  # years
        "16", "cmx", "1",  # certifications
        "", "99", "hospitl", "7",  # setting
        "9", "opthalmology", "0",  # specialty
        "5", "boss", "3",  # leadership
        "lots", "0", "90", "",  # pay
        "zzz", "seattle",  # place
    )  # fmt: skip
    profile = script.interview(catalog)
    assert profile.years == 4 and profile.setting == "hospital" and profile.leads == "lead"
    assert [c.id for c in profile.certs] == ["CMA"]
    assert profile.specialty is None and profile.pay is None
    assert profile.place == PlaceAnswer(kind="area", name="Seattle-Tacoma-Bellevue, WA")
    reasons = [line for line in script.said if line.startswith("  ! ")]
    assert reasons == [
        "  ! 'abc' is not a number of years: type one like 4 or 2.5",
        "  ! -1 is out of range: type 0 to 60 (0 for students)",
        "  ! please type a number of years, like 4 or 2.5",
        "  ! 'nan' is not a number of years: type one like 4 or 2.5",
        "  ! 16 is not on the list: pick a number from 1 to 15",
        "  ! 'cmx' is not a known certification; did you mean CMA?",
        "  ! please pick a number from 0 to 9",
        "  ! 99 is not on the list: pick a number from 1 to 9",
        "  ! 'hospitl' is not a known work setting; did you mean hospital?",
        "  ! 9 is not on the list: pick a number from 1 to 8",
        "  ! 'opthalmology' is not a known specialty; did you mean ophthalmology?",
        "  ! 5 is not on the list: pick a number from 1 to 4",
        "  ! 'boss' is not a known leadership level; pick a number from the list",
        "  ! pay 'lots' is not a pay amount: type one like 46k or 22.50/h",
        "  ! pay '0' must be more than zero: type one like 46k or 22.50/h",
        "  ! pay '90' is too small for a yearly wage: for an hourly rate write 90/h",
        "  ! 'zzz' is not part of any area BLS publishes (or a state: WA, washington)",
    ]
    assert all(len(reason) <= 80 for reason in reasons)
    assert script.prompts.count("Years: ") == 5


def test_end_of_input_stops_the_interview(catalog: Catalog) -> None:
    with pytest.raises(EOFError):
        Script("4", "1").interview(catalog)


@pytest.mark.parametrize(
    ("answer", "ids"),
    [
        ("", ()),
        ("none", ()),
        ("1,3", ("CMA", "CCMA")),
        ("1 3", ("CMA", "CCMA")),
        ("1, 3 ,4", ("CMA", "CCMA", "CPT")),
        ("cma", ("CMA",)),
        ("CMA, cpt", ("CMA", "CPT")),
        ("certified medical assistant", ("CMA",)),
        ("6 coa 6", ("COA",)),
        ("12", ("BLS",)),
    ],
)
def test_certifications_by_number_id_or_name(
    catalog: Catalog, answer: str, ids: tuple[str, ...]
) -> None:
    assert parse_certs(catalog, answer) == ids


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ("0", "0 is not on the list: pick a number from 1 to 15"),
        ("1,16", "16 is not on the list"),
        ("xyz", "'xyz' is not a known certification; pick a number from the list"),
    ],
)
def test_certifications_that_are_not_on_the_list(
    catalog: Catalog, answer: str, reason: str
) -> None:
    with pytest.raises(InputError, match=reason):
        parse_certs(catalog, answer)


SAVED = Profile(
    years=5.5,
    certs=(HeldCert(id="CMA", earned="2021-06"), HeldCert(id="CET")),
    setting="specialty-clinic",
    specialty="cardiology",
    leads="lead",
    pay=Pay(amount=23.75, per="hour"),
)


def test_saved_answers_are_defaults_and_enter_keeps_them(catalog: Catalog) -> None:
    script = Script("", "", "", "", "", "", "")
    assert script.interview(catalog, SAVED) == SAVED  # the earned month survives
    assert script.prompts == [
        "Years [5.5]: ",
        "Certifications [CMA, CET]: ",
        "Setting [specialty-clinic]: ",
        "Specialty [cardiology]: ",
        "Leadership [lead]: ",
        "Pay [23.75/h]: ",
        "Place [national]: ",
        "Education [skip]: ",
    ]


def test_defaults_can_be_replaced_or_cleared(catalog: Catalog) -> None:
    profile = Script("6", "none", "", "0", "1", "none", "").interview(catalog, SAVED)
    assert profile == Profile(years=6, setting="specialty-clinic")


def test_prefill_asks_only_with_defaults(catalog: Catalog) -> None:
    script = Script("3", "", "1", "", "", "", "")
    profile = script.interview(catalog, Prefill(certs=("CPC",), leads="trains"))
    assert [c.id for c in profile.certs] == ["CPC"] and profile.leads == "trains"
    assert script.prompts[1] == "Certifications [CPC]: "
    assert script.prompts[4] == "Leadership [trains]: "


def test_as_options_round_trips(catalog: Catalog) -> None:
    assert as_options(SAVED) == (
        "maplanner assess --years 5.5 --cert CMA --cert CET --setting specialty-clinic "
        "--specialty cardiology --leads lead --pay 23.75/h"
    )


# Options and interview agree ---------------------------------------------------------

SAME_ANSWERS = [
    (
        ("4", "1,6", "2", "1", "", "46k", ""),
        "--years 4 --cert CMA --cert COA --setting specialty-clinic "
        "--specialty ophthalmology --pay 46k",
    ),
    (("0", "", "7", "0", "", "", ""), "--years 0 --setting hospital"),
    (
        ("8", "cma coa", "outpatient-center", "ophthalmology", "supervises", "22.50/h", ""),
        "--years 8 --cert CMA,COA --setting outpatient-center --specialty ophthalmology "
        "--leads supervises --pay 22.50/h",
    ),
    (
        ("2.99", "3 4 5", "1", "2", "2", "$39,000", ""),
        "--years 2.99 --cert ccma --cert CPT --cert cet --setting FAMILY-PRACTICE "
        "--specialty cardiology --leads trains --pay 39000",
    ),
]


@pytest.mark.parametrize(("answers", "options"), SAME_ANSWERS)
def test_interview_and_options_give_identical_assessments(
    catalog: Catalog, run: Runner, answers: tuple[str, ...], options: str
) -> None:
    interviewed = assess(Script(*answers).interview(catalog), catalog)
    result = run("assess", *shlex.split(options), "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out) == json.loads(interviewed.model_dump_json())


@pytest.mark.parametrize(("answers", "options"), SAME_ANSWERS)
def test_the_interview_in_the_cli_matches_the_options(
    run: Runner, terminal: None, answers: tuple[str, ...], options: str
) -> None:
    by_options = run("assess", *shlex.split(options), "--json")
    by_interview = run("assess", "--json", input="\n".join(answers) + "\n")
    assert by_interview.code == 0, by_interview.err
    # Questions went to stderr; stdout is exactly the one JSON document.
    assert "1/9" in by_interview.err and "7/9" in by_interview.err
    assert json.loads(by_interview.out) == json.loads(by_options.out)
    # The command it suggests for next time gives the same answers again.
    suggested = by_interview.err.split("give the same answers as options:\n", 1)[1]
    # A long command is split between words with a backslash, as a shell reads it.
    words = shlex.split(suggested.replace(" \\\n", " ").splitlines()[0])[2:]
    again = run("assess", *words, "--json")
    assert json.loads(again.out) == json.loads(by_options.out)


def test_options_given_become_defaults_in_the_cli(run: Runner, terminal: None) -> None:
    result = run("assess", "--cert", "cma", "--leads", "LEAD", "--json", input="5\n\n1\n\n\n\n\n")
    assert result.code == 0, result.err
    assert "Certifications [CMA]: " in result.err
    assert "Leadership [lead]: " in result.err
    data = json.loads(result.out)
    assert data["profile"]["certs"] == [{"id": "CMA", "earned": None, "member_month": None}]
    assert data["profile"]["leads"] == "lead" and data["profile"]["years"] == 5


def test_a_bad_option_stops_before_any_question(run: Runner, terminal: None) -> None:
    result = run("assess", "--setting", "hospitl", input="4\n")
    assert result.code == 2
    assert "--setting 'hospitl' is not a known work setting" in result.err
    assert "1/7" not in result.err


def test_end_of_input_in_the_cli_exits_1_without_a_traceback(run: Runner, terminal: None) -> None:
    result = run("assess", input="4\n1\n")
    assert result.code == 1
    assert result.out == ""
    assert result.err.rstrip().endswith("maplanner: input ended before an answer was given")
    assert "Traceback" not in result.err


class _InterruptedStdin(io.StringIO):
    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        raise KeyboardInterrupt

    def isatty(self) -> bool:
        return True


def test_ctrl_c_in_the_cli_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from maplanner.commands.shared import use_data_dir
    from maplanner.edge import run as edge_run

    monkeypatch.setattr(sys, "stdin", _InterruptedStdin())
    use_data_dir(None)
    code = edge_run(["assess"])
    captured = capsys.readouterr()
    assert code == 130
    assert captured.out == ""
    assert captured.err.rstrip().endswith("maplanner: interrupted")
    assert "Traceback" not in captured.err


def test_the_place_asked_in_the_interview_is_used_and_suggested(
    run: Runner, terminal: None
) -> None:
    answers = ("4", "", "7", "", "", "23/h", "wa")
    by_interview = run("assess", "--json", input="\n".join(answers) + "\n")
    assert by_interview.code == 0, by_interview.err
    document = json.loads(by_interview.out)
    assert document["place"]["name"] == "Washington"
    assert document["table"]["area"] == "Washington"
    suggested = by_interview.err.split("give the same answers as options:\n", 1)[1]
    assert "--state WA" in suggested.splitlines()[0]
