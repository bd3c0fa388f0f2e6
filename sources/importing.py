"""Sources from a CSV file, an HTML page or pasted text; figures are read from the text.

Pure: callers read files and fetch pages, and pass their content here.

CSV columns (header row required, comma, semicolon or tab separated, UTF-8; order free;
only ``title`` is required; an unknown column is refused so a typo is not silently lost):

=================  ==========================================================================
column             meaning
=================  ==========================================================================
id                 optional; rows with the same id are one source, each adding one figure
title              title of the report, dataset, article, statement or interview (required)
publisher          who published it ("Ministry of Strategic Industries", "INSEE")
url                where it can be read
published          publication date: YYYY, YYYY-MM or YYYY-MM-DD
kind               report, dataset, article, statement, interview, claim or other (default other)
language           en or fr (default: detected from the title and text)
reliability        a free note on how far the source can be trusted
text               the text or an excerpt; figures in it are extracted automatically
figure_value       a figure the source reports, typed in: 263, 3.1, "3,1", "1 200" or -4.5
figure_unit        its unit: %, pp, EUR, USD, km ... (empty: a plain number)
figure_kind        count, number, percent, money, measure, multiplier, change (default: number,
                   percent when the unit is %)
figure_bound       exact, lower, upper or approximate (default exact)
figure_counted     what is counted or measured ("arms manufacturers")
figure_period      the period it refers to (YYYY, YYYY-MM or YYYY-MM-DD)
figure_base        for a multiplier or change, the reference period ("2022")
figure_modality    reported, forecast, target or estimate (default reported)
=================  ==========================================================================

Rows are numbered as in a spreadsheet: the header is row 1. Errors name the file and row:
``sources.csv, row 12: 'n/a' is not a number``. By default nothing is returned when any row
is bad (``SourceImportError`` lists every error); ``keep_good_rows=True`` returns the good rows
and the errors. Text cells a spreadsheet would run as formulas (``=``, ``+``, ``-``, ``@``, tab or
carriage return, after any leading whitespace) are stored as the text they are
(``formula_cells="keep"``: every CSV the project writes neutralises them, ``claims.csv_cells``), and the
apostrophe that writer adds is taken off again when such a file is read back; or they are refused
(``formula_cells="refuse"``). The file is read as standard CSV (RFC 4180: ``""`` inside a quoted cell
is one quote); only the delimiter (comma, semicolon or tab) is read from the header line.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import replace

from claims import detect_language
from claims.csv_cells import is_formula, restore_cell
from claims.models import Bound
from sources.figures import extract_figures
from sources.models import MODALITIES, SOURCE_KINDS, ImportResult, ReportedFigure, Source

SOURCE_COLUMNS = ("id", "title", "publisher", "url", "published", "kind", "language", "reliability", "text")
FIGURE_COLUMNS = (
    "figure_value", "figure_unit", "figure_kind", "figure_bound", "figure_counted",
    "figure_period", "figure_base", "figure_modality",
)  # fmt: skip
COLUMNS = SOURCE_COLUMNS + FIGURE_COLUMNS
FIGURE_KINDS = ("count", "number", "percent", "percentage_points", "money", "measure", "multiplier", "change")
BOUND_KINDS = ("exact", "lower", "upper", "approximate")
_DATE = re.compile(
    r"""
    \d{4}                  # year
    (?:-\d{2}              # optional month
       (?:-\d{2})?         # optional day
    )?
    """,
    re.VERBOSE,
)
_NUMBER = re.compile(
    r"""
    [-+−]?                             # sign (ASCII or typographic minus)
    (?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+  # digits grouped by spaces: 1 200 000
      |\d{1,3}(?:,\d{3})+(?=\.|$)       # or by commas before a decimal point: 1,200.5
      |\d+)                            # or plain digits
    (?:[.,]\d+)?                       # decimal part, point or comma
    """,
    re.VERBOSE,
)


class SourceImportError(ValueError):
    """Rows that could not be imported; ``errors`` holds one located message per problem."""

    def __init__(self, errors: list[str] | tuple[str, ...]):
        self.errors = tuple(errors)
        shown = "; ".join(self.errors[:5])
        more = f" (and {len(self.errors) - 5} more)" if len(self.errors) > 5 else ""
        super().__init__(shown + more)


def parse_number(cell: str) -> float:
    """A number typed in a spreadsheet cell, with point or comma decimals and grouped digits.

    >>> parse_number("1 200,5"), parse_number("1,200.5"), parse_number("3,1"), parse_number("-4")
    (1200.5, 1200.5, 3.1, -4.0)
    """
    cell = cell.strip()
    if not _NUMBER.fullmatch(cell):
        raise ValueError(f"{cell!r} is not a number")
    cell = cell.replace("−", "-")
    for space in (" ", "\u00a0", "\u202f"):
        cell = cell.replace(space, "")
    if "," in cell and "." in cell:
        cell = cell.replace(",", "")
    return float(cell.replace(",", "."))


def _parse_date(cell: str) -> str:
    if not _DATE.fullmatch(cell):
        raise ValueError(f"{cell!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    padded = cell + "-01" * ((10 - len(cell)) // 3)
    try:
        dt.date.fromisoformat(padded)
    except ValueError as e:
        raise ValueError(f"{cell!r} is not a valid date") from e
    return cell


def _choice(cell: str, allowed: tuple[str, ...], what: str) -> str:
    value = cell.strip().lower()
    if value not in allowed:
        raise ValueError(f"{cell!r} is not a {what} (one of {', '.join(allowed)})")
    return value


def _figure(row: dict[str, str]) -> ReportedFigure | None:
    if not row.get("figure_value"):
        return None
    value = parse_number(row["figure_value"])
    unit = row.get("figure_unit") or None
    kind = _choice(row["figure_kind"], FIGURE_KINDS, "figure kind") if row.get("figure_kind") else None
    kind = kind or ("percent" if unit == "%" else "number")
    bound_kind = _choice(row.get("figure_bound") or "exact", BOUND_KINDS, "bound")
    low = value if bound_kind in ("exact", "lower", "approximate") else None
    high = value if bound_kind in ("exact", "upper", "approximate") else None
    return ReportedFigure(
        value=value,
        kind=kind,
        bound=Bound(bound_kind, low, high),
        unit=unit,
        counted=row.get("figure_counted") or None,
        period=_parse_date(row["figure_period"]) if row.get("figure_period") else None,
        base=_parse_date(row["figure_base"]) if row.get("figure_base") else None,
        modality=_choice(row.get("figure_modality") or "reported", MODALITIES, "modality"),
    )


def _clean_cells(row: dict[str, str], column_names: list[str], *, formula_cells: str) -> dict[str, str]:
    """Stripped cells with our writer's apostrophe taken off; formula-like cells kept or refused (numbers
    like -4 are numbers)."""
    cells = {}
    for name in column_names:
        cell = restore_cell(row.get(name) or "")
        number = name == "figure_value" and _NUMBER.fullmatch(cell.strip())
        if formula_cells == "refuse" and is_formula(cell) and not number:
            raise ValueError(f"column {name}: {cell.strip()[:20]!r} looks like a spreadsheet formula")
        cells[name] = cell.strip()
    return cells


def _delimiter(text: str) -> str:
    """The delimiter of the header line (comma, semicolon or tab, the most frequent outside quotes).

    >>> _delimiter('title;"a, b"'), _delimiter("title,publisher")
    (';', ',')
    """
    counts = dict.fromkeys(",;\t", 0)
    quoted = False
    for ch in text[: text.find("\n") if "\n" in text else len(text)]:
        if ch == '"':
            quoted = not quoted
        elif ch in counts and not quoted:
            counts[ch] += 1
    return max(counts, key=lambda d: (counts[d], d == ","))


def _source(cells: dict[str, str], *, lang: str | None, extract: bool) -> Source:
    if not cells.get("title"):
        raise ValueError("the title is empty")
    text = cells.get("text", "")
    language = cells.get("language", "").lower() or lang or detect_language(f"{cells['title']}. {text}")
    published = _parse_date(cells["published"]) if cells.get("published") else None
    figures = extract_figures(text, lang=language, published=published) if extract and text else ()
    figure = _figure(cells)
    return Source(
        title=cells["title"],
        publisher=cells.get("publisher") or None,
        url=cells.get("url") or None,
        published=published,
        kind=_choice(cells["kind"], SOURCE_KINDS, "source kind") if cells.get("kind") else "other",
        language=language,
        reliability=cells.get("reliability") or None,
        text=text,
        figures=(*figures, figure) if figure else figures,
        id=cells.get("id") or None,
    )


def _merge(first: Source, extra: Source) -> Source:
    """Another row of the same id: same metadata (or empty cells), one more figure."""
    for name in ("title", "publisher", "url", "published", "reliability", "text"):
        value = getattr(extra, name)
        if value and name != "title" and value != getattr(first, name):
            raise ValueError(f"id {first.id!r} already has another {name}")
    new_figures = tuple(f for f in extra.figures if f.span is None)
    return replace(first, figures=first.figures + new_figures)


def _decode(content: str | bytes, name: str) -> str:
    if isinstance(content, str):
        return content.removeprefix("\ufeff")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SourceImportError([f"{name}: not UTF-8 text (byte {e.start}); save the file as UTF-8"]) from e


def import_csv(
    content: str | bytes,
    *,
    name: str = "sources.csv",
    keep_good_rows: bool = False,
    formula_cells: str = "keep",
    lang: str | None = None,
    extract: bool = True,
) -> ImportResult:
    """Sources from CSV text (see the module docstring for the columns).

    >>> result = import_csv("title,publisher,figure_value\\nProduction report,Ministry,3.1\\n")
    >>> result.sources[0].figures[0].value
    3.1
    """
    text = _decode(content, name)
    # The standard dialect (doublequote on) with the header's delimiter: sniffing the dialect from one
    # line turned doublequote off, so a title holding "" ended its cell early and rows were merged.
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    unknown = [h for h in header if h not in COLUMNS]
    if not header or "title" not in header or unknown:
        problem = f"unknown column {unknown[0]!r}" if unknown else "no 'title' column in the header"
        raise SourceImportError([f"{name}, row 1: {problem} (columns: {', '.join(COLUMNS)})"])
    reader.fieldnames = header
    sources: dict[str, Source] = {}
    order: list[str] = []
    errors: list[str] = []
    for number, row in enumerate(reader, start=2):
        if None in row:
            errors.append(f"{name}, row {number}: more cells than columns")
            continue
        if not any((cell or "").strip() for cell in row.values()):
            continue
        try:
            cells = _clean_cells(row, header, formula_cells=formula_cells)
            earlier = sources.get(cells.get("id") or "")
            if earlier is not None:  # a further figure of a source already read: inherit its metadata
                cells["title"] = cells.get("title") or earlier.title
                cells["language"] = cells.get("language") or earlier.language
            source = _source(cells, lang=lang, extract=extract)
            key = source.id or f"#row{number}"
            if key in sources:
                sources[key] = _merge(sources[key], source)
            else:
                sources[key] = source
                order.append(key)
        except ValueError as e:
            errors.append(f"{name}, row {number}: {e}")
    if errors and not keep_good_rows:
        raise SourceImportError(errors)
    return ImportResult(tuple(sources[key] for key in order), tuple(errors))


def import_html(
    html: str | bytes,
    *,
    url: str | None = None,
    lang: str | None = None,
    kind: str = "article",
    extract: bool = True,
) -> Source:
    """A source from an HTML page already fetched by the caller: title, date, publisher, main text."""
    import trafilatura  # heavy: imported only when a page is imported

    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    body = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not body:
        raise SourceImportError([f"{url or 'page'}: no main text found in the HTML"])
    language = lang or detect_language(body)
    published = document.date if document.date and _DATE.fullmatch(document.date) else None
    return Source(
        title=document.title or (url or body[:80]),
        publisher=document.sitename or document.hostname or None,
        url=url or document.url or None,
        published=published,
        kind=kind,
        language=language,
        text=body,
        figures=extract_figures(body, lang=language, published=published) if extract else (),
    )


def import_text(
    text: str,
    *,
    title: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    published: str | None = None,
    kind: str = "statement",
    lang: str | None = None,
) -> Source:
    """A source from pasted text; the title defaults to the first line.

    >>> import_text("Production tripled in 2023, the ministry said.").figures[0].kind
    'multiplier'
    """
    body = text.strip()
    if not body:
        raise SourceImportError(["pasted text: it is empty"])
    language = lang or detect_language(body)
    try:
        published = _parse_date(published) if published else None
    except ValueError as e:
        raise SourceImportError([f"pasted text: {e}"]) from e
    return Source(
        title=title or body.splitlines()[0][:80],
        publisher=publisher,
        url=url,
        published=published,
        kind=kind,
        language=language,
        text=body,
        figures=extract_figures(body, lang=language, published=published),
    )
