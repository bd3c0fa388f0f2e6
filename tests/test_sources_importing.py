"""Importing sources: CSV (located errors, all or nothing, formula cells), HTML from 127.0.0.1, text."""

import csv
import functools
import http.server
import threading
import urllib.request
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sources.importing import COLUMNS, SourceImportError, import_csv, import_html, import_text, parse_number
from sources.matching import build_index, rank_sources
from sources.observations import period_label

DATA = Path(__file__).parent / "data" / "sources"


def fetch(url: str) -> bytes:
    """The caller's job (the workbench owns real fetching): here a plain local GET."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


@pytest.fixture(scope="module")
def server():
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(DATA))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_csv_rows_with_the_same_id_add_figures():
    result = import_csv((DATA / "sources.csv").read_bytes())
    report, forum, interview = result.sources
    assert report.id == "mosi-2024" and report.kind == "report" and report.language == "fr"
    multipliers = [
        (f.value, period_label(f.period), f.modality) for f in report.figures if f.kind == "multiplier"
    ]
    assert (3.1, "2023", "reported") in multipliers and (6.0, "2024", "forecast") in multipliers
    assert forum.published == "2023-09-30" and any(f.value == 263 and f.counted for f in forum.figures)
    assert interview.id is None and interview.kind == "interview" and result.errors == ()


def test_figures_in_text_keep_their_spans():
    (report, *_) = import_csv((DATA / "sources.csv").read_bytes()).sources
    extracted = [f for f in report.figures if f.span]
    assert extracted and all(report.text[f.span[0] : f.span[1]] == f.surface for f in extracted)


def test_bad_csv_saves_nothing_and_locates_every_error():
    with pytest.raises(SourceImportError) as caught:
        import_csv((DATA / "bad.csv").read_bytes(), name="bad.csv")
    errors = caught.value.errors
    assert "bad.csv, row 3: 'n/a' is not a number" in errors
    assert any(e.startswith("bad.csv, row 4: 'le 5 mars' is not a date") for e in errors)
    assert any(e.startswith("bad.csv, row 6: 'blog' is not a source kind") for e in errors)
    assert str(caught.value).startswith("bad.csv, row 3")


def test_bad_csv_can_keep_the_good_rows():
    result = import_csv((DATA / "bad.csv").read_bytes(), name="bad.csv", keep_good_rows=True)
    assert result.sources[0].title == "Good report"
    assert result.sources[0].figures[0].value == 12.5  # semicolon file, decimal comma
    assert len(result.errors) == 3


def test_formula_cells_are_stored_as_text_and_our_own_apostrophe_comes_off_or_they_are_refused():
    content = "title,publisher,figure_value,reliability\n=1+2,@SUM(A1),-4,'+33 1 23 45 67 89\n"
    (source,) = import_csv(content).sources
    assert source.title == "=1+2" and source.publisher == "@SUM(A1)"  # outputs neutralise, not storage
    assert source.reliability == "+33 1 23 45 67 89"  # the apostrophe our CSV writer adds was taken off
    assert source.figures[0].value == -4  # a negative number is a number, not a formula
    with pytest.raises(SourceImportError, match=r"row 2: column title: '=1\+2' looks like a spreadsheet"):
        import_csv(content, formula_cells="refuse")
    for space in ("\u00a0", "\u000b", "\u2003", "\u3000"):  # a formula behind any leading whitespace
        with pytest.raises(SourceImportError, match="looks like a spreadsheet"):
            import_csv(f"title\n{space}=HYPERLINK(1)\n", formula_cells="refuse")


def test_a_standard_csv_with_doubled_quotes_in_quoted_titles_keeps_every_row():
    rows = [f'"Report {n}: the ""{n}%"" figure, revised",Ministry {n}' for n in range(50)]
    (result) = import_csv("title,publisher\n" + "\n".join(rows) + "\n")
    assert len(result.sources) == 50 and not result.errors
    assert result.sources[7].title == 'Report 7: the "7%" figure, revised'
    assert result.sources[49].publisher == "Ministry 49"
    semicolons = import_csv('title;publisher\n"A ""quoted""; title";M\nB;N\n').sources
    assert [s.title for s in semicolons] == ['A "quoted"; title', "B"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("titel,publisher\nx,y\n", "sources.csv, row 1: unknown column 'titel'"),
        ("publisher\ny\n", "sources.csv, row 1: no 'title' column"),
        ("title,published\nx,2023-02-30\n", "sources.csv, row 2: '2023-02-30' is not a valid date"),
        ("title,figure_bound,figure_value\nx,plus de,3\n", "sources.csv, row 2: 'plus de' is not a bound"),
        ("title,publisher\nx,y,z\n", "sources.csv, row 2: more cells than columns"),
        (b"title\n\xe9t\xe9\n", "sources.csv: not UTF-8 text"),
    ],
)
def test_csv_errors_are_located(content, message):
    with pytest.raises(SourceImportError, match=message.replace("(", r"\(").replace(")", r"\)")):
        import_csv(content)


@pytest.mark.parametrize(
    ("cell", "value"), [("263", 263), ("3,1", 3.1), ("1 200", 1200), ("1,200.5", 1200.5)]
)
def test_parse_number(cell, value):
    assert parse_number(cell) == value


@pytest.mark.parametrize("cell", ["n/a", "12abc", "1.2.3", ""])
def test_parse_number_refuses(cell):
    with pytest.raises(ValueError, match="is not a number"):
        parse_number(cell)


def test_thousands_of_rows_import_and_rank(tmp_path):
    path = tmp_path / "sources.csv"
    topics = ["defence production", "grain exports", "energy prices", "rail freight", "steel output"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for i in range(5_000):
            topic = topics[i % len(topics)]
            text = f"{topic.capitalize()} in region {i} rose by {i % 97} % in {2000 + i % 25}."
            year = f"{2000 + i % 25}"
            meta = [f"s{i}", f"{topic} report {i}", f"Agency {i % 40}", f"https://example.org/{i}", year]
            writer.writerow([*meta, "report", "en", "", text, str(i), "", "", "", topic, "", "", ""])
    result = import_csv(path.read_bytes(), name=path.name)
    assert len(result.sources) == 5_000 and result.errors == ()
    index = build_index(result.sources)
    best = rank_sources("Steel output in region 4213 rose by 42 % in 2013", index, k=3, lang="en")
    assert best[0].source.id == "s4213"


def test_html_pages_served_locally(server):
    url = f"{server}/ministry-report.html"
    source = import_html(fetch(url), url=url)
    assert source.title.startswith("Production de défense")
    assert source.publisher == "Ministère des Industries stratégiques"
    assert source.published == "2024-02-15" and source.language == "fr" and source.url == url
    assert "Accueil" not in source.text and "Mentions légales" not in source.text  # boilerplate left out
    multipliers = {(f.value, period_label(f.period)) for f in source.figures if f.kind == "multiplier"}
    assert (3.1, "2023") in multipliers and (6.0, "2024") in multipliers


def test_html_english_article(server):
    url = f"{server}/news-article.html"
    source = import_html(fetch(url).decode("utf-8"), url=url)
    assert source.publisher == "The Example Post" and source.published == "2023-12-16"
    assert source.language == "en" and "Subscribe" not in source.text
    assert any(f.kind == "multiplier" and period_label(f.period) == "2023" for f in source.figures)


def test_html_without_text_is_an_error():
    with pytest.raises(SourceImportError, match="no main text"):
        import_html(b"<html><body><script>var x = 1;</script></body></html>", url="http://127.0.0.1/empty")


def test_pasted_text():
    source = import_text("Production tripled in 2023, the ministry said.\nMore text.", publisher="Ministry")
    assert source.title == "Production tripled in 2023, the ministry said." and source.language == "en"
    assert source.kind == "statement" and period_label(source.figures[0].period) == "2023"
    with pytest.raises(SourceImportError, match="empty"):
        import_text("  ")


def test_import_functions_do_no_io():
    # the importer takes content, never a path: a path-like string is just (bad) CSV content
    with pytest.raises(SourceImportError):
        import_csv(str(DATA / "sources.csv"))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('title,publisher;figure_value"\n=-1.5 na')), max_size=120))
def test_csv_import_raises_only_located_errors(content):
    try:
        result = import_csv(content, keep_good_rows=True)
    except SourceImportError as error:
        assert all(message.startswith("sources.csv") for message in error.errors)
    else:
        assert all(message.startswith("sources.csv, row ") for message in result.errors)
