"""Re-run the examples in README.md and docs/*.md and write their real output in place.

    python scripts/update_docs.py            # rewrite every page whose output changed
    python scripts/update_docs.py --check    # only list the differences (exit 1 if any)
    python scripts/update_docs.py docs/salary.md
    python scripts/update_docs.py --mark-console docs/new-page.md   # then update it

``--mark-console`` turns plain fenced blocks that hold `$ ` commands into ``console``
blocks (``console excerpt`` when they cut lines with `...`), for a page written before
its examples were checked; read the result, since some may need ``not-checked``.

Examples are the ``console`` blocks described in tests/doc_examples.py (and in
docs/development.md); tests/test_docs.py fails while any of them is out of date. An
excerpt keeps its cuts: each run of kept lines is found again by its first line.
Read the diff before committing: a changed figure may be a bug, not a doc update.
"""

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.doc_examples import check_page, mark_console_blocks, pages  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", type=Path, help="pages to update (default: all)")
    parser.add_argument("--check", action="store_true", help="report differences, write nothing")
    parser.add_argument(
        "--mark-console", action="store_true", help="only make $ blocks console blocks"
    )
    options = parser.parse_args()
    chosen = [path.resolve() for path in options.pages] or pages()
    if options.mark_console:
        for page in chosen:
            if count := mark_console_blocks(page):
                print(f"marked {count} blocks in {page.relative_to(REPO)}")
        return 0
    found = 0
    for page in chosen:
        differences = check_page(page, rewrite=not options.check)
        for difference in differences:
            print(difference, end="\n\n")
        found += len(differences)
        if differences and not options.check:
            print(f"updated {page.relative_to(REPO)} ({len(differences)} outputs)")
    return 1 if found and options.check else 0


if __name__ == "__main__":
    sys.exit(main())
