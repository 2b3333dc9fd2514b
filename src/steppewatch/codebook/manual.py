"""Render a codebook as a readable Markdown manual (generated, never written by hand)."""

from __future__ import annotations

from steppewatch.codebook.model import Code, Codebook, Scheme

SCHEME_ORDER = ("event_kind", "meeting_level", "framework", "domain", "topic")


def _terms(terms: list[str]) -> str:
    return ", ".join(f"`{t}`" for t in terms) if terms else "—"


def _code_section(code: Code) -> list[str]:
    lines = [
        f"### `{code.code}` — {code.label.en}",
        "",
        f"*{code.label.zh}* · *{code.label.ru}*"
        + (f" · retired in {code.retired_in}" if code.retired_in else "")
        + (f", replaced by `{code.replaced_by}`" if code.replaced_by else ""),
        "",
        code.definition.strip(),
        "",
    ]
    if code.include:
        lines += ["**Include:**", ""] + [f"- {note}" for note in code.include] + [""]
    if code.exclude:
        lines += ["**Exclude:**", ""] + [f"- {note}" for note in code.exclude] + [""]
    lines += [
        "| language | indicators |",
        "|---|---|",
        f"| en | {_terms(code.indicators.en)} |",
        f"| zh | {_terms(code.indicators.zh)} |",
        f"| ru | {_terms(code.indicators.ru)} |",
        "",
    ]
    return lines


def _scheme_section(name: str, scheme: Scheme) -> list[str]:
    kind = "several codes per record" if scheme.multiple else "one code per record"
    lines = [
        f"## {scheme.label.en} (`{name}`)",
        "",
        f"*{scheme.label.zh}* · *{scheme.label.ru}* — {kind}.",
        "",
        scheme.description.strip(),
        "",
        "| code | English | 中文 | Русский |",
        "|---|---|---|---|",
    ]
    lines += [f"| `{c.code}` | {c.label.en} | {c.label.zh} | {c.label.ru} |" for c in scheme.codes]
    lines.append("")
    for code in scheme.codes:
        lines += _code_section(code)
    return lines


def render_manual(codebook: Codebook) -> str:
    lines = [
        f"# {codebook.title}",
        "",
        f"Codebook `{codebook.codebook}`, version **{codebook.version}**. "
        "Generated from the codebook file by `steppewatch codebook manual`; do not edit by hand.",
        "",
        codebook.description.strip(),
        "",
        "## How indicators match",
        "",
        codebook.matching.strip(),
        "",
        "## Contents",
        "",
    ]
    for name in SCHEME_ORDER:
        scheme = codebook.scheme(name)
        lines.append(f"- {scheme.label.en} (`{name}`): {len(scheme.codes)} codes")
    lines.append("")
    for name in SCHEME_ORDER:
        lines += _scheme_section(name, codebook.scheme(name))
    return "\n".join(lines).rstrip() + "\n"
