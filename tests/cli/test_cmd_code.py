from __future__ import annotations

import json
from pathlib import Path

import pytest

from steppewatch.cli import main

ZH = (
    "2019年6月13日，国家主席习近平在比什凯克同吉尔吉斯斯坦总统热恩别科夫举行会谈。"
    "两国元首同意深化执法安全合作，共同打击“三股势力”。"
)


def test_code_prints_json_lines_and_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(ZH, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    main(["code", str(tmp_path)])
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert len(lines) == 2
    good = next(r for r in lines if r["source"].endswith("a.txt"))
    assert good["relevant"] is True and "KG" in good["countries"]
    assert "text" not in good and good["coder"]["name"] == "steppewatch.codebook_coder.v1"
    bad = next(r for r in lines if r["source"].endswith("b.txt"))
    assert bad["error"]["code"] == "SW410"
    assert "coded 1, relevant 1, errors 1" in captured.err


def test_code_out_file_and_include_text(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(ZH, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    main(["code", str(source), "--out", str(out), "--include-text"])
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["text"].startswith("2019年6月13日")
    for evidence in record["evidence"]:
        assert record["text"][evidence["start"] : evidence["end"]] == evidence["text"]


def test_unknown_coder_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(ZH, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["code", str(tmp_path / "a.txt"), "--coder", "nope.v9"])
    assert exit_info.value.code == 1
    assert "[SW401]" in capsys.readouterr().err


def test_code_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    fake = io.TextIOWrapper(io.BytesIO(ZH.encode("gb18030")))
    monkeypatch.setattr(sys, "stdin", fake)
    main(["code", "-"])
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["source"] == "<stdin>" and record["relevant"] is True
    assert record["encoding"] == "gb18030"
