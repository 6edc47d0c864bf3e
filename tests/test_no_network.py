"""maplanner never touches the network: every command works with all connections refused.

Everything it knows ships in its data files; a planner that phoned home (or waited on a
DNS lookup) would be slow, fragile offline and a privacy leak. Connecting, sending and
name lookups raise here, and every command must still succeed.
"""

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.cli_commands import Sample, command_paths, in_work, prepare_work, samples
from tests.conftest import Runner


class NetworkUsed(AssertionError):
    """Raised by every patched network entry point."""


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise NetworkUsed(f"network use attempted: {args!r} {kwargs!r}")


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("connect", "connect_ex", "sendto", "sendmsg"):
        monkeypatch.setattr(socket.socket, name, _refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, _refuse)
    yield


def test_the_network_really_is_refused(offline: None) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 80))
    with pytest.raises(NetworkUsed):
        socket.getaddrinfo("example.org", 80)
    with socket.socket() as raw, pytest.raises(NetworkUsed):
        raw.connect(("192.0.2.1", 80))


@pytest.mark.parametrize("sample", samples(), ids=lambda sample: sample.name)
def test_every_sample_succeeds_offline(
    offline: None,
    run: Runner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    sample: Sample,
) -> None:
    prepare_work(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run(*in_work(sample.args, tmp_path))
    assert result.code == 0, result.err
    assert "network use attempted" not in result.err
    for token in sample.expect:
        assert token in result.out


@pytest.mark.parametrize(
    "json_sample", [s for s in samples() if s.args[0] != "batch"], ids=lambda s: s.name
)
def test_json_output_succeeds_offline(
    offline: None,
    run: Runner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    json_sample: Sample,
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(*json_sample.args, "--json")
    assert result.code == 0, result.err
    assert result.out.lstrip().startswith("{")


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_every_command_runs_offline(
    offline: None,
    run: Runner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    path: tuple[str, ...],
) -> None:
    """Commands found in the CLI (new ones too): --help works, a bare run never reaches out."""
    monkeypatch.chdir(tmp_path)
    assert run(*path, "--help").code == 0
    bare = run(*path)
    assert bare.code in {0, 1, 2}
    assert "network use attempted" not in bare.err
    assert "internal error" not in bare.err
