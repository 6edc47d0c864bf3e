"""A damaged or hand-edited data file gets one clear answer naming the file and field."""

from dataclasses import dataclass
from pathlib import Path

import pytest

from maplanner.catalog.loader import MAX_FILE_BYTES, load_catalog
from maplanner.errors import DataError
from tests.conftest import Runner


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _error(directory: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_catalog(directory)
    return caught.value.message


def test_a_copy_of_the_shipped_data_loads(data_copy: Path) -> None:
    assert load_catalog(data_copy).wages.percentiles[2].annual == 45690


@dataclass(frozen=True)
class Break:
    """One way to damage a data file, and words the one-line answer must contain."""

    file: str
    expect: tuple[str, ...]
    old: str = ""  # replace the first `old` with `new` ...
    new: str = ""
    content: bytes | None = None  # ... or write these bytes instead

    def apply(self, directory: Path) -> None:
        path = directory / self.file
        if self.content is not None:
            path.write_bytes(self.content)
        else:
            _edit(path, self.old, self.new)


BREAKS = {
    "toml-syntax": Break(
        "wages.toml",
        ("{dir}/wages.toml", "not valid TOML", "line"),
        "mean_annual = 44720",
        "mean_annual 44720",
    ),
    "wrong-type": Break(
        "wages.toml",
        ("wages.toml", "wages.percentiles.3.annual", "'lots'"),
        "annual = 48160",
        'annual = "lots"',
    ),
    "unknown-key": Break(
        "outlook.toml",
        ("outlook.toml", "outlook.growht", "Extra inputs are not permitted"),
        "[outlook]",
        "[outlook]\ngrowht = 3",
    ),
    "percentiles-not-increasing": Break(
        "wages.toml", ("wages.toml", "must not decrease"), "annual = 48160", "annual = 44000"
    ),
    "unknown-source-id": Break(
        "certifications.toml",
        ("certifications.toml", "unknown source id 'nowhere'"),
        'source = "aapc"',
        'source = "nowhere"',
    ),
    "unknown-certification-in-roadmap": Break(
        "roadmap.toml",
        ("roadmap.toml", "unknown certification id 'XYZ'"),
        'cert = "COA"',
        'cert = "XYZ"',
    ),
    "gap-between-tiers": Break(
        "tiers.toml", ("tiers.toml", "gap between mid"), "min_years = 6", "min_years = 7"
    ),
    "overlapping-tiers": Break("tiers.toml", ("overlap",), "below_years = 3", "below_years = 4"),
    "outlook-arithmetic": Break(
        "outlook.toml",
        ("is not employment_target - employment_base",),
        "change = 101200",
        "change = 101000",
    ),
    "not-utf8": Break(
        "guide.toml", ("guide.toml", "not UTF-8"), content=b'[[topic]]\nid = "caf\xe9"\n'
    ),
    "huge-file": Break("guide.toml", ("at most",), content=b"# x\n" * (MAX_FILE_BYTES // 4 + 10)),
    "deep-nesting": Break(
        "guide.toml", ("guide.toml",), content=b"x = " + b"[" * 5000 + b"]" * 5000
    ),
}


@pytest.mark.parametrize("damage", BREAKS.values(), ids=BREAKS.keys())
def test_a_damaged_file_gets_one_answer_naming_it(data_copy: Path, damage: Break) -> None:
    damage.apply(data_copy)
    message = _error(data_copy)
    for words in damage.expect:
        assert words.format(dir=data_copy) in message


def test_unknown_file_name_in_override(tmp_path: Path) -> None:
    (tmp_path / "wage.toml").write_text("", encoding="utf-8")
    message = _error(tmp_path)
    assert "unknown data file" in message and "wages.toml" in message


def test_partial_override_keeps_the_rest_of_the_shipped_data(tmp_path: Path) -> None:
    """A counselor can drop in only a state's wage table."""
    state = (
        '[wages]\noccupation = "Medical Assistants"\nsoc_code = "31-9092"\n'
        'area = "Example State"\nvintage = "May 2024"\nsource = "bls-oews-2024"\n'
        "hours_per_year = 2080\nmean_annual = 50000\nmedian_hourly = 24.00\n"
        'employment = 1000\nemployment_note = "state estimate"\n'
        + "".join(
            f"[[wages.percentiles]]\npercentile = {p}\nannual = {a}\n"
            for p, a in ((10, 40000), (25, 44000), (50, 49920), (75, 55000), (90, 62000))
        )
        + '[[industry]]\nid = "offices-of-physicians"\nname = "Offices of physicians"\n'
        'median_annual = 49000\nsource = "bls-ooh-pay-2024"\n'
    )
    (tmp_path / "wages.toml").write_text(state, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_catalog(tmp_path)
    # settings.toml (shipped) maps to industries this state table lacks: caught, and named.
    assert "settings.toml" in caught.value.message
    assert "unknown industry id" in caught.value.message


def test_cli_reports_a_broken_override_in_one_line_and_exits_1(
    run: Runner, data_copy: Path
) -> None:
    _edit(data_copy / "wages.toml", "annual = 48160", 'annual = "lots"')
    result = run("--data-dir", str(data_copy), "certs")
    assert result.code == 1
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert lines[0].startswith("maplanner: data error in ")
    assert "wages.percentiles.3.annual" in lines[0]
    assert "Traceback" not in result.err


def test_environment_variable_selects_the_override(
    run: Runner, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _edit(data_copy / "wages.toml", "mean_annual = 44720", "mean_annual 44720")
    monkeypatch.setenv("MAPLANNER_DATA", str(data_copy))
    result = run("certs")
    assert result.code == 1
    assert "not valid TOML" in result.err


def test_option_wins_over_environment(
    run: Runner, data_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MAPLANNER_DATA", str(tmp_path / "missing"))
    assert run("--data-dir", str(data_copy), "certs").code == 0


def test_missing_override_directory_exits_1(run: Runner, tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path / "nope"), "certs")
    assert result.code == 1
    assert "does not exist" in result.err


def test_a_home_that_does_not_exist_is_left_as_typed(run: Runner) -> None:
    """`~nosuchuser/data`: Python cannot expand it; like a shell, maplanner keeps the word."""
    result = run("--data-dir", "~maplanner-no-such-user/data", "certs")
    assert result.code == 1
    assert "~maplanner-no-such-user/data does not exist" in result.err
    assert "internal error" not in result.err


def test_a_valid_partial_override_is_used(tmp_path: Path) -> None:
    from maplanner.catalog.loader import packaged_data_dir

    text = (packaged_data_dir() / "wages.toml").read_text(encoding="utf-8")
    text = text.replace('area = "United States"', 'area = "Example State"')
    text = text.replace("mean_annual = 44720", "mean_annual = 46000")
    (tmp_path / "wages.toml").write_text(text, encoding="utf-8")
    catalog = load_catalog(tmp_path)
    # wages.toml is the earlier national release (--release 2024); the default is oews.toml
    assert catalog.wage_table("2024").area == "Example State"
    assert catalog.wage_table("2024").mean_annual == 46000
    assert catalog.wages.area == "United States"
    assert catalog.certification("CMA").renewal != "not verified"  # the rest is shipped data
