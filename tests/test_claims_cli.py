"""The command line: formats, stdin, and clear refusals of unreadable input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from claims.cli import main

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "tests" / "data" / "ukraine-defence-industry-fr.txt"


def test_table_lists_claims(capsys):
    assert main([str(ARTICLE), "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["#", "kind", "worth"]
    assert "Rustem Umerov" in out and "×6" in out
    assert "Comment (0)" not in out


def test_json_has_every_facet_and_resolves_relative_dates(capsys):
    assert main([str(ARTICLE), "--format", "json", "--published", "2023-12-20"]) == 0
    claims = json.loads(capsys.readouterr().out)
    text = ARTICLE.read_text(encoding="utf-8")
    assert all(text[c["span"][0] : c["span"][1]] == c["text"] for c in claims)
    assert any(d["start"] == "2023-12-15" for c in claims for d in c["dates"])
    assert {"statistics", "dates", "entities", "attribution", "kind", "worthiness", "reasons"} <= set(
        claims[0]
    )


def test_csv_from_stdin(capsys):
    stdin = io.BytesIO(b"\xef\xbb\xbfAccording to the ministry, output tripled in 2023.")
    assert main(["-", "--format", "csv", "--lang", "en"], stdin=stdin) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 1
    assert rows[0]["figures"] == "×3" and rows[0]["speaker"] == "ministry"
    assert rows[0]["text"].startswith("According")  # the byte-order mark is not part of the text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"caf\xe9 cr\xe8me", "not UTF-8"),
    ],
    ids=["missing", "binary", "latin-1"],
)
def test_unreadable_input_exits_2_with_a_message(tmp_path, capsys, content, message):
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "article.txt" in err


def test_bad_publication_date_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([str(ARTICLE), "--published", "20/12/2023"])
    assert exit_info.value.code == 2
    assert "not a date" in capsys.readouterr().err


def test_python_dash_m_claims_runs():
    done = subprocess.run(
        [sys.executable, "-m", "claims", "-", "--format", "json"],
        input=b"Production doubled in 2022, the ministry said.",
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    [claim] = json.loads(done.stdout)
    assert claim["attribution"]["speaker"] == "ministry"


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(capsys):
    article = '=HYPERLINK("http://x","y") Output tripled in 2023.\n- Unemployment fell by 2% in 2024.'
    assert main(["-", "--format", "csv", "--lang", "en"], stdin=io.BytesIO(article.encode())) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["text"][:15] for row in rows] == ["'=HYPERLINK(\"ht", "'- Unemployment"]
    assert rows[0]["subject"].startswith("'=HYPERLINK")  # every column, not only the text
