"""The error catalogue (issue 16.4): every ``[SWnnn]`` code is defined once, in
``src/steppewatch/error_codes.py``; every code the source uses is there and every code there is
used; ``docs/errors.md`` is generated from it; the web takes HTTP statuses from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from steppewatch.cli import app
from steppewatch.error_codes import CATALOGUE, ENTRIES, ErrorCode, build_catalogue, render_markdown
from steppewatch.errors import (
    InputError,
    NotFound,
    ReviewError,
    SteppewatchError,
    ValidationFailed,
    ValidationIssue,
    http_status,
)
from steppewatch.web.errors import coded_error, from_library_error

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "steppewatch"
CATALOGUE_FILE = PACKAGE / "error_codes.py"
CODE = re.compile(r"(?<![A-Za-z0-9])SW\d{3}(?!\d)")
SCANNED = {".py", ".html", ".js", ".css", ".txt", ".md"}

# Codes kept in the catalogue although nothing in src/ uses them (none today). Give a reason.
RESERVED: dict[str, str] = {}

ADD_LINE = (
    'add one line to ENTRIES in src/steppewatch/error_codes.py, in code order:\n    E("{code}", '
    '"short-name", None, "What it means.", "What the user should do."),\n(put the HTTP status '
    "instead of None if the web raises it), then run 'steppewatch errors --markdown --out "
    "docs/errors.md'"
)


def codes_used_in(root: Path, skip: Path | None = None) -> dict[str, list[str]]:
    """Every SWnnn written in the text files under ``root``: code -> ["path:line", ...]."""
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*")):
        if path.suffix not in SCANNED or not path.is_file() or path == skip:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for code in CODE.findall(line):
                found.setdefault(code, []).append(f"{path.relative_to(root)}:{number}")
    return found


def test_the_scan_finds_codes_in_code_and_in_messages(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(
        'raise InputError("x", code="SW110")\nwarn(f"[SW442] {src}: 缺少")\n# SW12 SWX99 ASW100\n',
        encoding="utf-8",
    )
    assert set(codes_used_in(tmp_path)) == {"SW110", "SW442"}


def test_every_code_used_in_the_source_is_in_the_catalogue() -> None:
    used = codes_used_in(PACKAGE, skip=CATALOGUE_FILE)
    missing = {code: where for code, where in used.items() if code not in CATALOGUE}
    assert not missing, "\n".join(
        f"{code} (used in src/steppewatch/{', src/steppewatch/'.join(where[:3])}) is not in the "
        "error catalogue: " + ADD_LINE.format(code=code)
        for code, where in sorted(missing.items())
    )


def test_every_catalogue_code_is_used_in_the_source() -> None:
    used = codes_used_in(PACKAGE, skip=CATALOGUE_FILE)
    unused = sorted(set(CATALOGUE) - set(used) - set(RESERVED))
    assert not unused, (
        f"catalogue codes that nothing in src/ raises or prints: {', '.join(unused)}; remove "
        "their entries from src/steppewatch/error_codes.py (a code is never reused: leave the "
        "number free) or, if one is kept on purpose, add it to RESERVED in this test with a reason"
    )
    assert set(RESERVED) <= set(CATALOGUE)


def test_codes_in_readme_and_docs_are_in_the_catalogue() -> None:
    texts = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    unknown = {
        code: path.name
        for path in texts
        for code in CODE.findall(path.read_text(encoding="utf-8"))
        if code not in CATALOGUE
    }
    assert not unknown, f"codes in the docs that the catalogue does not define: {unknown}"


def test_no_code_is_defined_twice() -> None:
    assert len(CATALOGUE) == len(ENTRIES)
    written = re.findall(r'^\s*E\("(SW\d{3})"', CATALOGUE_FILE.read_text(encoding="utf-8"), re.M)
    assert len(written) == len(ENTRIES)
    twice = sorted({c for c in written if written.count(c) > 1})
    assert not twice, f"defined more than once in error_codes.py: {twice}"


def test_building_a_catalogue_refuses_a_code_given_twice_or_misspelt() -> None:
    entry = ErrorCode("SW304", "not-found", 404, "Нет такой записи.", "Проверьте id.")
    with pytest.raises(ValueError, match="SW304 is defined twice"):
        build_catalogue([entry, ErrorCode("SW304", "other", None, "другое", "")])
    with pytest.raises(ValueError, match="not of the form SWnnn"):
        build_catalogue([ErrorCode("SW30", "short", None, "x", "")])


def test_every_entry_is_complete_and_names_are_unique() -> None:
    codes = [e.code for e in ENTRIES]
    assert codes == sorted(codes), "keep ENTRIES in code order"
    for e in ENTRIES:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e.name), e
        assert e.meaning.endswith(".") and e.hint, e
        assert e.http is None or 400 <= e.http <= 599, e
    names = [e.name for e in ENTRIES]
    assert len(names) == len(set(names)), "two codes share a name"


def test_errors_md_in_docs_is_current() -> None:
    text = (REPO / "docs" / "errors.md").read_text(encoding="utf-8")
    assert text == render_markdown(), (
        "docs/errors.md is stale: run 'steppewatch errors --markdown --out docs/errors.md'"
    )
    for code in CATALOGUE:
        assert f"| {code} |" in text


def test_errors_command_explains_a_code_and_refuses_an_unknown_one(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["errors", "sw731"])
    assert result.exit_code == 0
    assert result.output.startswith("[SW731] too-many-sign-ins (HTTP 429)")
    assert "What to do: Wait" in result.output
    listed = runner.invoke(app, ["errors"])
    assert listed.exit_code == 0 and len(listed.output.splitlines()) == len(CATALOGUE)
    out = tmp_path / "errors.md"
    assert runner.invoke(app, ["errors", "--markdown", "--out", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == render_markdown()
    bad = runner.invoke(app, ["errors", "ошибка"])
    assert bad.exit_code != 0 and isinstance(bad.exception, InputError)
    assert str(bad.exception).startswith("[SW106] 'ошибка' is not a steppewatch error code")


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (NotFound("no event with id '2023-07-09-meeting-cn-kg-9'"), 404),
        (ReviewError("a reason is required to reject an event", code="SW701"), 400),
        (ReviewError("event 'x' was changed by someone else", code="SW712"), 409),
        (ReviewError("event 'x' is already accepted", code="SW713"), 409),
        (ReviewError("unknown role 'редактор'", code="SW715"), 400),
        (InputError("--since '2020-13-01' is not a date YYYY-MM-DD", code="SW144"), 500),
        (SteppewatchError("a code no catalogue has", code="SW998"), 500),
    ],
)
def test_the_web_takes_statuses_from_the_catalogue(error: SteppewatchError, status: int) -> None:
    mapped = from_library_error(error)
    assert mapped.status == status == error.http_status
    assert mapped.message == str(error)


def test_a_validation_error_keeps_its_issues_on_the_web() -> None:
    issue = ValidationIssue("unknown-code", "'не_тема' is not a topic", field="topics")
    mapped = from_library_error(ValidationFailed("1 problem(s) in the edit", [issue], code="SW702"))
    assert mapped.status == 400
    assert mapped.errors == [
        {"type": "unknown-code", "message": "'не_тема' is not a topic", "field": "topics"}
    ]


def test_coded_web_errors_take_status_and_format_from_the_catalogue() -> None:
    error = coded_error(
        "SW731", "too many failed sign-ins for 'алия'", headers={"Retry-After": "9"}
    )
    assert (error.status, error.message) == (429, "[SW731] too many failed sign-ins for 'алия'")
    assert error.headers == {"Retry-After": "9"}
    assert [http_status(c) for c in ("SW304", "SW720", "SW721", "SW730", "SW799")] == [
        404,
        403,
        401,
        503,
        500,
    ]


def test_the_web_picks_no_status_from_a_code_string() -> None:
    for path in sorted((PACKAGE / "web").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"startswith\(\s*[\"']SW", text), path
        assert not re.search(r"HTTPError\(\s*\d{3},\s*f?[\"']\[SW", text), (
            f"{path.name}: build coded HTTP errors with coded_error(code, message)"
        )
