"""A malformed or hostile data override gets one clear line and exit 1, through the CLI.

tests/test_loader.py covers the loader's checks one by one (syntax, types, unknown keys,
cross-file references, non-UTF-8, size, deep arrays); this file covers what is left, the
way a user meets it: `maplanner --data-dir DIR ...` (or MAPLANNER_DATA) pointing at a
symlink loop, a directory or a FIFO where a file should be, a device, binary garbage, a
"bomb" of many keys or tables, deep inline tables, values of the wrong kind, and
terminal escape sequences. It also checks the on-disk snapshot of a validated catalog
(maplanner/catalog/snapshot.py) can only make runs faster, never different or unsafe.
"""

import importlib.util
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from maplanner.catalog import loader, snapshot
from maplanner.catalog.catalog import FILES
from maplanner.catalog.loader import MAX_FILE_BYTES, MAX_LINE_CHARS, load_catalog
from tests.conftest import Result, Runner

REPO = Path(__file__).resolve().parent.parent


def _fails_cleanly(result: Result, *needles: str) -> str:
    """Exit 1, nothing on stdout, one error line (and at most a hint); returns the line."""
    assert result.code == 1, result
    assert result.out == ""
    assert "Traceback" not in result.err and "internal error" not in result.err
    lines = result.err.splitlines()
    assert 1 <= len(lines) <= 2, result.err
    assert lines[0].startswith("maplanner: ")
    if len(lines) == 2:
        assert lines[1].startswith("maplanner: hint: ")
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def _override(tmp_path: Path, name: str, content: bytes | str) -> Path:
    directory = tmp_path / "override"
    directory.mkdir(exist_ok=True)
    target = directory / name
    if isinstance(content, str):
        target.write_text(content, encoding="utf-8")
    else:
        target.write_bytes(content)
    return directory


# Not a file at all ---------------------------------------------------------------------


def test_a_symlink_loop_named_like_a_data_file(run: Runner, tmp_path: Path) -> None:
    directory = tmp_path / "override"
    directory.mkdir()
    (directory / "wages.toml").symlink_to("wages.toml")
    result = run("--data-dir", str(directory), "salary")
    _fails_cleanly(result, "cannot read data file", "wages.toml")


def test_a_directory_named_like_a_data_file(run: Runner, tmp_path: Path) -> None:
    directory = tmp_path / "override"
    (directory / "settings.toml").mkdir(parents=True)
    result = run("--data-dir", str(directory), "certs")
    _fails_cleanly(result, "settings.toml", "is a directory")


def _run_process(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """A real process with a time limit: a read that blocks fails the test, not the suite."""
    return subprocess.run(
        [sys.executable, "-m", "maplanner", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=timeout,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_like_a_data_file_is_refused_without_waiting(tmp_path: Path) -> None:
    directory = tmp_path / "override"
    directory.mkdir()
    os.mkfifo(directory / "wages.toml")
    done = _run_process("--data-dir", str(directory), "salary")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith(f"maplanner: cannot read data file {directory / 'wages.toml'}")
    assert "not a regular file" in done.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_named_like_a_data_file_is_refused(tmp_path: Path) -> None:
    directory = tmp_path / "override"
    directory.mkdir()
    (directory / "guide.toml").symlink_to("/dev/zero")
    done = _run_process("--data-dir", str(directory), "guide")
    assert done.returncode == 1
    assert "guide.toml" in done.stderr and "not a regular file" in done.stderr


def test_the_override_is_a_file_or_missing(run: Runner, tmp_path: Path) -> None:
    a_file = tmp_path / "data.toml"
    a_file.write_text("", encoding="utf-8")
    _fails_cleanly(run("--data-dir", str(a_file), "salary"), "not a directory")
    _fails_cleanly(run("--data-dir", str(tmp_path / "nowhere"), "salary"), "does not exist")


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX file modes")
def test_an_unreadable_data_file(run: Runner) -> None:
    """Run by a user who may not read the file (as root: a child that drops to nobody)."""
    from tests.other_user import run_unprivileged, shared_folder

    with shared_folder() as folder:
        directory = _override(folder, "wages.toml", "[wages]\n")
        directory.chmod(0o755)
        (directory / "wages.toml").write_text(
            (loader.packaged_data_dir() / "wages.toml").read_text(encoding="utf-8"),
            encoding="utf-8",
        )
        assert run("--data-dir", str(directory), "salary").code == 0  # loads the code path
        (directory / "wages.toml").chmod(0)
        line = _fails_cleanly(
            run_unprivileged("--data-dir", str(directory), "salary", home=folder)
        )
    assert line == (
        f"maplanner: cannot read data file {directory / 'wages.toml'}: Permission denied"
    )


# Not text, not TOML ---------------------------------------------------------------------


def test_binary_garbage(run: Runner, tmp_path: Path) -> None:
    garbage = bytes(range(256)) * 8
    directory = _override(tmp_path, "certifications.toml", garbage)
    _fails_cleanly(run("--data-dir", str(directory), "certs"), "certifications.toml", "not UTF-8")


def test_latin1_text_names_the_file_and_offset(run: Runner, tmp_path: Path) -> None:
    directory = _override(tmp_path, "paths.toml", '[[path]]\nid = "caf\xe9"\n'.encode("latin-1"))
    _fails_cleanly(run("--data-dir", str(directory), "paths"), "paths.toml", "offset 18")


def test_a_nul_byte_inside_toml(run: Runner, tmp_path: Path) -> None:
    directory = _override(tmp_path, "guide.toml", b'title = "a\x00b"\n')
    _fails_cleanly(run("--data-dir", str(directory), "guide"), "guide.toml", "not valid TOML")


def test_an_empty_file(run: Runner, tmp_path: Path) -> None:
    directory = _override(tmp_path, "wages.toml", b"")
    _fails_cleanly(run("--data-dir", str(directory), "salary"), "wages.toml", "Field required")


def test_a_byte_order_mark_is_accepted(run: Runner, tmp_path: Path, data_copy: Path) -> None:
    """Windows editors may start a UTF-8 file with a BOM: that is not a reason to fail."""
    wages = data_copy / "wages.toml"
    wages.write_bytes(b"\xef\xbb\xbf" + wages.read_bytes())
    result = run("--data-dir", str(data_copy), "salary", "--percentile", "75")
    assert result.code == 0, result.err
    assert "$49,180" in result.out


def test_a_file_just_over_the_size_limit(run: Runner, tmp_path: Path) -> None:
    directory = _override(tmp_path, "skills.toml", b"#" * (MAX_FILE_BYTES + 1))
    _fails_cleanly(run("--data-dir", str(directory), "plan"), "skills.toml", "1,000,000")


# Bombs and deep nesting ---------------------------------------------------------------


def test_a_bomb_of_many_keys(run: Runner, tmp_path: Path) -> None:
    keys = "".join(f"k{index} = {index}\n" for index in range(50_000))
    assert len(keys) < MAX_FILE_BYTES
    directory = _override(tmp_path, "outlook.toml", keys)
    line = _fails_cleanly(run("--data-dir", str(directory), "salary"), "outlook.toml")
    assert "more)" in line  # the count of further problems, not 50,000 lines


def test_a_bomb_of_many_tables(run: Runner, tmp_path: Path) -> None:
    directory = _override(tmp_path, "guide.toml", "[[topic]]\n" * 5_000)
    line = _fails_cleanly(run("--data-dir", str(directory), "guide"), "guide.toml")
    assert "topic.0" in line


def test_deep_nesting_over_many_lines(run: Runner, tmp_path: Path) -> None:
    deep = "a = " + "[\n" * 5_000 + "]\n" * 5_000
    directory = _override(tmp_path, "tiers.toml", deep)
    _fails_cleanly(run("--data-dir", str(directory), "assess"), "tiers.toml", "nested too deeply")


def test_deeply_nested_inline_tables(run: Runner, tmp_path: Path) -> None:
    """An inline table cannot span lines, so the line limit stops this one early."""
    deep = "a = " + "{b = " * 5_000 + "1" + "}" * 5_000 + "\n"
    directory = _override(tmp_path, "tiers.toml", deep)
    _fails_cleanly(run("--data-dir", str(directory), "assess"), "tiers.toml", "line 1 is")


def test_a_very_long_dotted_key_is_refused_before_parsing(run: Runner, tmp_path: Path) -> None:
    """The TOML parser needs seconds for 20,000 parts and hours for a file of them."""
    dotted = "title = 1\n" + ".".join(["a"] * 200_000) + " = 1\n"
    directory = _override(tmp_path, "sources.toml", dotted)
    line = _fails_cleanly(run("--data-dir", str(directory), "guide"), "sources.toml")
    assert "line 2 is 400,003 characters long" in line
    assert f"at most {MAX_LINE_CHARS:,}" in line


def test_the_longest_shipped_line_is_well_within_the_limit() -> None:
    longest = max(
        len(line)
        for path in loader.packaged_data_dir().glob("*.toml")
        for line in path.read_text(encoding="utf-8").splitlines()
    )
    assert longest <= MAX_LINE_CHARS // 2


# Wrong kinds of value -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("settings.toml", 'setting = "hospital"\n', "setting: Input should be a valid array"),
        ("settings.toml", "[setting]\nid = 1\n", "setting"),
        ("specialties.toml", "[[specialty]]\nid = true\n", "specialty.0"),
        ("wages.toml", "wages = []\n", "wages"),
        ("estimate.toml", "[[leadership]]\nid = []\n", "estimate.toml"),
        ("roadmap.toml", "max_year = 1e999\n", "roadmap.toml"),
        ("sources.toml", "[[source]]\nid = 2024-05-01\n", "source.0"),
    ],
)
def test_values_of_the_wrong_kind(
    run: Runner, tmp_path: Path, name: str, content: str, needle: str
) -> None:
    directory = _override(tmp_path, name, content)
    _fails_cleanly(run("--data-dir", str(directory), "certs"), name, needle)


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ("annual = 48160", "annual = nan", "valid integer"),
        ("annual = 48160", "annual = inf", "valid integer"),
        ("annual = 48160", "annual = 1" + "0" * 40, "less than or equal"),
        ("hours_per_year = 2080", "hours_per_year = 0", "greater than 0"),
        ("annual = 48160", "annual = -48160", "wages.percentiles.3.annual"),
    ],
)
def test_impossible_figures(run: Runner, data_copy: Path, old: str, new: str, needle: str) -> None:
    wages = data_copy / "wages.toml"
    text = wages.read_text(encoding="utf-8")
    assert old in text
    wages.write_text(text.replace(old, new, 1), encoding="utf-8")
    _fails_cleanly(run("--data-dir", str(data_copy), "salary"), "wages.toml", needle)


def test_the_environment_variable_gets_the_same_answers(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = _override(tmp_path, "guide.toml", b"\x80\x81")
    monkeypatch.setenv("MAPLANNER_DATA", str(directory))
    _fails_cleanly(run("guide"), "guide.toml", "not UTF-8")


def test_escape_sequences_never_reach_the_terminal(run: Runner, tmp_path: Path) -> None:
    """A path or value with terminal control codes is shown escaped, not obeyed."""
    hostile = tmp_path / "x\x1b[2J\x1b]0;owned\x07"
    line = _fails_cleanly(run("--data-dir", str(hostile), "salary"), "does not exist")
    assert "\x1b" not in line and "\x07" not in line
    assert "\\x1b[2J" in line


# The snapshot of a validated catalog ---------------------------------------------------


def _fingerprint(directory: Path) -> str:
    paths = loader._file_paths(directory)
    return snapshot.fingerprint({name: loader._read_bytes(path) for name, path in paths.items()})


def _key(directory: Path) -> str:
    return str(directory.absolute())


def test_a_validated_catalog_is_remembered_and_reused(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_catalog(data_copy)
    assert snapshot.snapshot_path(_key(data_copy)).is_file()
    loader._load.cache_clear()

    def no_validation(*args: object) -> None:
        raise AssertionError("validated again although nothing changed")

    monkeypatch.setattr(loader, "_parse_model", no_validation)
    assert load_catalog(data_copy) == first


def test_a_changed_file_is_validated_again(run: Runner, data_copy: Path) -> None:
    assert "$49,180" in run("--data-dir", str(data_copy), "salary", "-p", "75").out
    oews = data_copy / "oews.toml"
    oews.write_text(
        oews.read_text(encoding="utf-8")
        .replace("annual_75 = 49180", "annual_75 = 48170", 1)
        .replace("hourly_75 = 23.65", "hourly_75 = 23.16", 1),
        encoding="utf-8",
    )
    loader._load.cache_clear()  # a new process would not have the in-memory copy either
    changed = run("--data-dir", str(data_copy), "salary", "-p", "75")
    assert changed.code == 0
    assert "$48,170" in changed.out
    oews.write_text("broken = [", encoding="utf-8")
    loader._load.cache_clear()
    _fails_cleanly(run("--data-dir", str(data_copy), "salary"), "not valid TOML")


@pytest.mark.parametrize(
    "damage",
    [b"", b"garbage", snapshot.MAGIC, snapshot.MAGIC + b"0" * 64 + b"\n" + b"\x80\x05junk"],
    ids=["empty", "garbage", "header-only", "wrong-fingerprint"],
)
def test_a_damaged_snapshot_is_ignored(data_copy: Path, damage: bytes) -> None:
    expected = load_catalog(data_copy)
    snapshot.snapshot_path(_key(data_copy)).write_bytes(damage)
    loader._load.cache_clear()
    assert load_catalog(data_copy) == expected


def test_a_truncated_snapshot_with_the_right_fingerprint_is_ignored(data_copy: Path) -> None:
    expected = load_catalog(data_copy)
    path = snapshot.snapshot_path(_key(data_copy))
    path.write_bytes(path.read_bytes()[:-100])
    loader._load.cache_clear()
    assert load_catalog(data_copy) == expected


class _Planted:
    """What an attacker would pickle: unpickling it would create a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (Path.touch, (str(self.marker),))


def test_a_planted_snapshot_cannot_run_code(data_copy: Path, tmp_path: Path) -> None:
    expected = load_catalog(data_copy)
    marker = tmp_path / "owned"
    header = snapshot.MAGIC + _fingerprint(data_copy).encode() + b"\n"
    planted = header + pickle.dumps(_Planted(marker))
    snapshot.snapshot_path(_key(data_copy)).write_bytes(planted)
    loader._load.cache_clear()
    assert load_catalog(data_copy) == expected
    assert not marker.exists()


def _plant(directory: Path, body: bytes) -> None:
    """Write a snapshot for `directory` whose header and keyed digest are right for `body`
    (as only maplanner, holding the key, could: the unpickler is a second defence)."""
    path = snapshot.snapshot_path(_key(directory))
    key = snapshot._read_key(path.parent)
    assert key is not None
    digest = snapshot._seal(key, _fingerprint(directory), body)
    header = snapshot.MAGIC + _fingerprint(directory).encode() + b"\n" + digest + b"\n"
    path.write_bytes(header + body)
    loader._load.cache_clear()


def test_a_planted_file_inside_a_well_formed_snapshot_cannot_run_code(
    run: Runner, data_copy: Path, tmp_path: Path
) -> None:
    """The digest only proves the body is whole; each file is still unpickled safely."""
    load_catalog(data_copy)
    marker = tmp_path / "owned"
    packed = {name: pickle.dumps(_Planted(marker)) for name in FILES}
    _plant(data_copy, pickle.dumps(packed))
    line = _fails_cleanly(run("--data-dir", str(data_copy), "salary"), "is not a catalog file")
    assert "oews.toml" in line  # the first file salary reads
    assert not marker.exists()


def test_a_snapshot_holding_the_wrong_file_says_so(run: Runner, data_copy: Path) -> None:
    catalog = load_catalog(data_copy)
    packed = {name: pickle.dumps(model) for name, model in catalog.files().items()}
    packed["wages.toml"] = packed["guide.toml"]
    _plant(data_copy, pickle.dumps(packed))
    _fails_cleanly(run("--data-dir", str(data_copy), "salary"), "is not a WagesFile")


@pytest.mark.parametrize(
    "body",
    [pickle.dumps({"wages.toml": b""}), pickle.dumps(["not", "a", "dict"]), b"\x80\x05junk"],
    ids=["files-missing", "not-a-dict", "junk"],
)
def test_a_snapshot_of_the_wrong_shape_is_ignored(data_copy: Path, body: bytes) -> None:
    expected = load_catalog(data_copy)
    _plant(data_copy, body)
    assert load_catalog(data_copy) == expected


def test_a_command_unpacks_only_the_files_it_reads(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The point of packing each file apart: salary never defines the certification,
    path or guide models, which is start-up time saved on every run. The data is
    validated here (which writes the snapshot); a fresh process then reads it."""
    home = tmp_path / "home"
    monkeypatch.setenv("MAPLANNER_HOME", str(home))
    loader._load.cache_clear()
    load_catalog(data_copy)
    loader._load.cache_clear()
    assert snapshot.snapshot_path(_key(data_copy)).is_file()
    script = (
        "import sys\n"
        "from maplanner.edge import run\n"
        f"code = run(['--data-dir', {str(data_copy)!r}, 'salary', '-p', '75'])\n"
        "print(code, sorted(m for m in sys.modules if m.startswith('maplanner.catalog.')))\n"
    )
    env = {**os.environ, "MAPLANNER_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    line = done.stdout.splitlines()[-1]
    assert line.startswith("0 "), line
    for gone in ("certs", "paths", "guide", "estimate", "checks"):
        assert importlib.util.find_spec(f"maplanner.catalog.{gone}") is not None  # real names
        assert f"'maplanner.catalog.{gone}'" not in line
    assert "'maplanner.catalog.wages'" in line


def test_an_unwritable_cache_is_no_problem(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_copy: Path
) -> None:
    blocker = tmp_path / "home-is-a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("MAPLANNER_HOME", str(blocker))
    loader._load.cache_clear()
    result = run("--data-dir", str(data_copy), "salary", "-p", "75")
    assert result.code == 0, result.err
    assert "$49,180" in result.out


def test_the_cache_lives_in_maplanner_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAPLANNER_HOME", str(tmp_path))
    assert snapshot.cache_dir() == tmp_path / "cache"
    monkeypatch.delenv("MAPLANNER_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert snapshot.cache_dir() == tmp_path / "xdg" / "maplanner"


def test_each_data_source_has_its_own_snapshot(tmp_path: Path) -> None:
    assert snapshot.snapshot_path(None) != snapshot.snapshot_path(str(tmp_path))
    assert snapshot.snapshot_path(str(tmp_path)) == snapshot.snapshot_path(str(tmp_path))


@pytest.mark.parametrize("xdg", [None, "", "  ", "relative/cache", "/abs/cache"])
def test_without_maplanner_home_the_cache_is_the_platform_user_cache_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, xdg: str | None
) -> None:
    import platformdirs

    monkeypatch.delenv("MAPLANNER_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert snapshot.cache_dir() == Path(platformdirs.user_cache_dir("maplanner"))


def test_a_maplanner_home_of_an_unknown_user_means_no_cache_not_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MAPLANNER_HOME", "~maplanner-no-such-user")
    with pytest.raises(OSError, match="home directory is unknown"):
        snapshot.cache_dir()
    loader._load.cache_clear()
    assert load_catalog(None).wages.percentiles[2].annual == 45690
