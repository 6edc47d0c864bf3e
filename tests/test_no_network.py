"""maplanner never touches the network: every command works with all connections refused.

Everything it knows ships in its data files; a planner that phoned home (or waited on a
DNS lookup) would be slow, fragile offline and a privacy leak. Here even creating a
socket raises (an audit hook on ``socket.__new__``, which sees every socket however it
is made, the C module's too), as do name lookups, and every command must still succeed.
"""

import socket
import sys
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


#: Audit events that any use of the network starts with.
NETWORK_EVENTS = frozenset(
    {
        "socket.__new__",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyaddr",
        "socket.getnameinfo",
        "socket.connect",
        "socket.sendto",
        "socket.sendmsg",
        "socket.bind",
    }
)
#: Whether the audit hook refuses now (a hook cannot be removed, so it checks this).
_refusing = False
_hooked = False


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _refusing and event in NETWORK_EVENTS:
        raise NetworkUsed(f"network use attempted: {event} {args!r}")


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    global _refusing, _hooked
    if not _hooked:
        sys.addaudithook(_audit)
        _hooked = True
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, _refuse)
    _refusing = True
    try:
        yield
    finally:
        _refusing = False


def test_the_network_really_is_refused(offline: None) -> None:
    import _socket

    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 80))
    with pytest.raises(NetworkUsed):
        socket.getaddrinfo("example.org", 80)
    with pytest.raises(NetworkUsed):
        socket.socket()  # not even a socket that never connects
    with pytest.raises(NetworkUsed):
        _socket.socket()  # nor one made below the socket module
    with pytest.raises(NetworkUsed):
        socket.socketpair()


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
