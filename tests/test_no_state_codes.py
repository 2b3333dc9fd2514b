"""No ISO code of a focal or partner state in the package's Python outside tests (issue 16): the
states a study is about come from its study file, so that another study is a file, not code.

The test walks ``src/steppewatch/**/*.py`` and fails on a string literal (docstrings aside) that
holds one of the codes as a word: "CN", "KG", "CN;KG", f"...-{x}-KZ". Not state codes in this
sense: lower-case host and top-level-domain parts (".gov.kz") and an example in a message or a
help text ("an ISO 3166 alpha-2 code such as KG", "e.g. 'KG'").
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "steppewatch"
STATE_CODES = ("CN", "KZ", "KG", "TJ", "UZ", "TM", "RU")
_CODE = re.compile(r"(?<![A-Za-z0-9_])(?:" + "|".join(STATE_CODES) + r")(?![A-Za-z0-9_])")
_EXAMPLE = re.compile(r"(?:e\.g\.|such as)\s+(?:'[a-z_]+',\s+)*['\"]?$")

# Modules that other engineers are converting in parallel (issue 16); the lead shrinks this
# list after merging. Nothing else may be added here.
ALLOWED: set[str] = set()


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def state_codes_in(source: str) -> list[tuple[int, str]]:
    """(line, literal) of every string literal in ``source`` that holds a state code."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = node.value
            if any(not _EXAMPLE.search(text[: m.start()]) for m in _CODE.finditer(text)):
                out.append((node.lineno, node.col_offset, text))
    return [(line, text) for line, _, text in sorted(out)]


def test_no_state_code_in_python_outside_tests() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name in ALLOWED:
            continue
        for line, literal in state_codes_in(path.read_text(encoding="utf-8")):
            found.append(f"{name}:{line}: {literal[:60]!r}")
    assert not found, "state codes belong in the study file:\n" + "\n".join(found)


def test_the_allow_list_holds_only_modules_that_still_need_it() -> None:
    for name in ALLOWED:
        path = PACKAGE / name
        assert path.is_file(), f"{name} is gone: take it off ALLOWED"
        assert state_codes_in(path.read_text(encoding="utf-8")), (
            f"{name} has no state code left: take it off ALLOWED"
        )


def test_the_scanner_finds_codes_and_skips_docstrings() -> None:
    source = '''
def f(x):
    """'CN' for a PRC outlet."""
    a = "CN"
    b = f"{x}-KZ"
    c = "CN;KG"
    d = ".gov.kz"
    e = "CNY"
    g = "not an ISO code such as KG"
    h = "e.g. 'separatism', 'KG'."
    return a, b, c, d, e, g, h
'''
    assert [literal for _, literal in state_codes_in(source)] == ["CN", "-KZ", "CN;KG"]
