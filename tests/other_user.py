"""Run maplanner as a user who owns nothing here, even when the tests run as root.

Root reads and writes any file whatever its mode, so a test of "this file cannot be
read" would otherwise have to skip under root (where CI often runs). Here the command
runs in a forked child: as root the child first drops to the `nobody` user and group
(65534); as anyone else it runs as it is. The child inherits every module the parent
imported, so the caller warms the code path with a run the parent can do.
"""

import contextlib
import io
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import Result

NOBODY = 65534


def run_unprivileged(*args: str, home: Path) -> Result:
    """`maplanner ARGS...` through the real error edge, in a child without privileges,
    with MAPLANNER_HOME at `home` (a folder in `shared_folder`, which it can reach)."""
    from maplanner.catalog import loader

    # The shipped data, where the child can read it: the checkout may sit in a folder
    # only its owner may enter (a CI clone in a 0700 temporary folder, for one).
    place = Path(tempfile.mkdtemp(prefix="maplanner-shipped-"))
    place.chmod(0o755)
    shipped = place / "data"
    shutil.copytree(loader.packaged_data_dir(), shipped)
    for path in [shipped, *shipped.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    try:
        return _run_in_child(args, home, shipped)
    finally:
        shutil.rmtree(place)


def _run_in_child(args: tuple[str, ...], home: Path, shipped: Path) -> Result:
    from maplanner.catalog import loader
    from maplanner.commands.shared import use_data_dir
    from maplanner.edge import run

    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 70
        try:
            os.close(out_read)
            os.close(err_read)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            sys.stdout = io.TextIOWrapper(os.fdopen(out_write, "wb"), encoding="utf-8")
            sys.stderr = io.TextIOWrapper(os.fdopen(err_write, "wb"), encoding="utf-8")
            sys.stdin = io.StringIO("")
            os.environ["MAPLANNER_HOME"] = str(home)
            use_data_dir(None)
            loader.packaged_data_dir = lambda: shipped  # type: ignore[assignment]
            loader._load.cache_clear()  # read the files again, as a new process would
            code = run(list(args))
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)
    os.close(out_write)
    os.close(err_write)
    with os.fdopen(out_read, "rb") as out, os.fdopen(err_read, "rb") as err:
        out_text = out.read().decode("utf-8")
        err_text = err.read().decode("utf-8")
    _, status = os.waitpid(pid, 0)
    return Result(os.waitstatus_to_exitcode(status), out_text, err_text)


@contextlib.contextmanager
def shared_folder() -> Iterator[Path]:
    """A temporary folder the unprivileged child can reach (pytest's own is 0700 to root)."""
    folder = Path(tempfile.mkdtemp(prefix="maplanner-test-"))
    try:
        folder.chmod(0o777)
        yield folder
    finally:
        shutil.rmtree(folder)
