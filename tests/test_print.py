"""The class report and a student's plan printed by a real browser: headless Chromium
(Debian's package) prints each to PDF, and poppler's pdfinfo and pdftotext read the
pages back. Slow, and needs those programs: .ci/run installs them
(apt-get install chromium poppler-utils). Without them the test is skipped, saying
why; when MAPLANNER_REQUIRE_BROWSER is set (.ci/run sets it) it fails instead, so a
CI run never passes without printing.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Runner

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
NAMES = ROOT / "examples" / "class-names.csv"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: US Letter in PostScript points.
LETTER = "612 x 792 pts"


def _tool(names: tuple[str, ...], install: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    why = f"{names[0]} is not installed (apt-get install {install}; .ci/run installs it)"
    if os.environ.get("MAPLANNER_REQUIRE_BROWSER"):
        pytest.fail(why)
    pytest.skip(why)


def print_to_pdf(browser: str, page: Path, pdf: Path, profile: Path) -> None:
    argv = [
        browser,
        "--headless",
        "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
        "--disable-gpu",
        "--no-first-run",
        "--no-pdf-header-footer",
        f"--user-data-dir={profile}",
        f"--print-to-pdf={pdf}",
        page.as_uri(),
    ]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=180, check=False)
    assert pdf.is_file() and pdf.stat().st_size > 0, done.stderr[-2000:]


def pdf_info(pdfinfo: str, pdf: Path) -> dict[str, str]:
    text = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    return {
        key.strip(): value.strip()
        for key, value in (line.split(":", 1) for line in text.splitlines() if ":" in line)
    }


def pdf_text(pdftotext: str, pdf: Path) -> str:
    done = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(done.stdout.split())


def test_the_class_report_and_a_plan_print_on_letter_paper(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    browser = _tool(BROWSERS, "chromium")
    pdfinfo = _tool(("pdfinfo",), "poppler-utils")
    pdftotext = _tool(("pdftotext",), "poppler-utils")
    monkeypatch.setenv("MAPLANNER_TODAY", "2026-06-15")
    plans, page = tmp_path / "plans", tmp_path / "class.html"
    result = run(
        "batch", str(NAMES), "-o", str(tmp_path / "r.csv"),
        "--reports", str(plans), "--summary", str(page),
    )  # fmt: skip
    assert result.code == 0, result.err

    pdf = tmp_path / "class.pdf"
    print_to_pdf(browser, page, pdf, tmp_path / "chromium")
    info = pdf_info(pdfinfo, pdf)
    assert info["Page size"].startswith(LETTER)
    assert 1 <= int(info["Pages"]) <= 4
    text = pdf_text(pdftotext, pdf)
    for words in (
        "Class report",
        "30 rows read: 30 assessed, 0 rejected",
        "Students who need attention",
        "The class on the wage chart",
        "$45,690",  # the chart's labels are text in the PDF, not a picture
        "box: 25th to 75th; thick line: median",
        "pay given",
        "No BLS/CPR card",
        "Hana Suzuki (C08)",
        "Next steps most often needed",
    ):
        assert words in text, words

    plan_pdf = tmp_path / "plan.pdf"
    print_to_pdf(browser, plans / "C08.html", plan_pdf, tmp_path / "chromium")
    info = pdf_info(pdfinfo, plan_pdf)
    assert info["Page size"].startswith(LETTER)
    assert 2 <= int(info["Pages"]) <= 8
    text = pdf_text(pdftotext, plan_pdf)
    for words in (
        "Medical Assistant career plan",
        "Prepared for Hana Suzuki",
        "Your estimate: about $",
        "likely range",
        "CMA: Certified Medical Assistant (AAMA), earned 2021-03",
        "Renewal dates",
    ):
        assert words in text, words
