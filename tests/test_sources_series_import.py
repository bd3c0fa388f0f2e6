"""Statistical series from files: every layout (tidy, wide, Eurostat TSV, SDMX-CSV, SDMX-JSON, World
Bank), every period form, flags, and bad input refused with the row named (or skipped on request)."""

import io
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sources.importing import SourceImportError
from sources.observations import period_from_label, standard_label
from sources.series import Provenance, read_unit
from sources.series_import import detect_format, read_series
from tests.support import REPO_ROOT

DATA = REPO_ROOT / "tests" / "data" / "series"


def _read(name: str, **options):
    return read_series((DATA / name).read_bytes(), name=name, **options)


def _by_code(found) -> dict:
    return {s.provenance.series_code: s for s in found.series}


def _values(series) -> dict:
    return {
        standard_label(p): (v, f) for p, v, f in zip(series.periods, series.values, series.flags, strict=True)
    }


PERIODS = [
    # (label, start, end, granularity, standard label)
    ("2023", "2023-01-01", "2023-12-31", "year", "2023"),
    ("2023-Q3", "2023-07-01", "2023-09-30", "quarter", "2023-Q3"),
    ("2023Q3", "2023-07-01", "2023-09-30", "quarter", "2023-Q3"),
    ("T3 2023", "2023-07-01", "2023-09-30", "quarter", "2023-Q3"),
    ("Q4 2023", "2023-10-01", "2023-12-31", "quarter", "2023-Q4"),
    ("2023M07", "2023-07-01", "2023-07-31", "month", "2023-07"),
    ("2023-M02", "2023-02-01", "2023-02-28", "month", "2023-02"),
    ("2024-02", "2024-02-01", "2024-02-29", "month", "2024-02"),
    ("07/2023", "2023-07-01", "2023-07-31", "month", "2023-07"),
    ("juillet 2023", "2023-07-01", "2023-07-31", "month", "2023-07"),
    ("Sept 2023", "2023-09-01", "2023-09-30", "month", "2023-09"),
    ("2023-S1", "2023-01-01", "2023-06-30", "semester", "2023-S1"),
    ("2023H2", "2023-07-01", "2023-12-31", "semester", "2023-S2"),
    ("S2 2023", "2023-07-01", "2023-12-31", "semester", "2023-S2"),
    ("2023-W05", "2023-01-30", "2023-02-05", "week", "2023-W05"),
    ("2020-W53", "2020-12-28", "2021-01-03", "week", "2020-W53"),
    ("2023-07-01", "2023-07-01", "2023-07-01", "day", "2023-07-01"),
    ("2023-A1", "2023-01-01", "2023-12-31", "year", "2023"),
]


@pytest.mark.parametrize(("label", "start", "end", "granularity", "standard"), PERIODS)
def test_period_forms(label, start, end, granularity, standard):
    period = period_from_label(label)
    assert (period.start, period.end, period.granularity, period.open) == (start, end, granularity, False)
    assert standard_label(period) == standard


@pytest.mark.parametrize("label", ["2023-W53", "2023-02-30", "2023-Q5", "FY2023", "next year", "2023/24"])
def test_labels_that_name_no_period_stay_open(label):
    assert period_from_label(label).open


def test_a_fiscal_year_needs_its_start_month():
    period = period_from_label("FY2024", fiscal_year_start=4)
    assert (period.start, period.end) == ("2023-04-01", "2024-03-31")


@pytest.mark.parametrize(
    ("code", "unit", "scale"),
    [("THS_T", "t", 1e3), ("MIO_EUR", "EUR", 1e6), ("PC_GDP", "%", 1), ("PT_LF_SUB", "%", 1), ("NR", None, 1),
     ("current US$", "USD", 1), ("milliers de tonnes", "t", 1e3), ("TJ", "TJ", 1)],
)  # fmt: skip
def test_unit_codes(code, unit, scale):
    assert read_unit(code) == (unit, scale)


def test_eurostat_sdmx_csv_splits_series_by_key_and_keeps_flags():
    found = _read("shells_eurostat.sdmx.csv")
    series = _by_code(found)
    assert found.format == "sdmx-csv" and found.rows == 14
    assert set(series) == {"A.THS_T.C2540.FR", "A.THS_T.C2540.DE", "Q.THS_T.C2540.FR", "A.PC_TOT.C2540.FR"}
    france = series["A.THS_T.C2540.FR"]
    assert (france.unit, france.scale, france.geography, france.frequency) == ("t", 1000.0, "FR", "A")
    assert (france.provenance.publisher, france.provenance.dataset) == ("Eurostat", "DEMO_AMMO_PROD")
    assert _values(france)["2023"] == (88.1, ("break in series",))
    germany = _values(series["A.THS_T.C2540.DE"])
    assert germany["2022"] == (None, ("missing", "confidential"))  # ":" with flag c
    assert germany["2024"] == (140.9, ("provisional", "estimated"))  # "pe"
    assert series["A.PC_TOT.C2540.FR"].unit == "%"


def test_oecd_sdmx_csv_2_0_with_status_codes_and_missing_values():
    series = _by_code(_read("unemployment_oecd.sdmx.csv"))
    france = series["FRA.M.UNE_LF_M.PT_LF_SUB._Z"]
    assert france.provenance.publisher == "OECD" and france.unit == "%"
    assert _values(france)["2023-09"] == (7.5, ("estimated",))
    assert _values(france)["2023-07"] == (7.3, ())  # status A: a normal value, no flag
    assert _values(series["GBR.M.UNE_LF_M.PT_LF_SUB._Z"])["2023-08"] == (None, ("missing",))
    assert [standard_label(p) for p in series["FRA.Q.UNE_LF_M.PT_LF_SUB._Z"].periods] == [
        "2023-Q3",
        "2023-Q4",
    ]


def test_sdmx_json_series_with_attributes():
    found = _read("hicp_ecb.sdmx.json")
    series = _by_code(found)
    assert found.format == "sdmx-json"
    euro = series["M.U2.000000.PCH_SM"]
    assert (euro.geography, euro.unit, euro.frequency, euro.provenance.publisher) == (
        "Euro area", "%", "M", "European Central Bank")  # fmt: skip
    assert _values(euro) == {"2023-06": (5.5, ()), "2023-07": (5.3, ()), "2023-08": (5.2, ("provisional",))}
    assert _values(series["M.FR.000000.PCH_SM"])["2023-08"] == (None, ("estimated",))
    assert _values(series["A.U2.000000.PCH_SM"])["2024"] == (2.4, ("provisional",))


def test_sdmx_json_flat_observations_keyed_by_every_dimension():
    message = """{"structure": {"dimensions": {"observation": [
        {"id": "REF_AREA", "values": [{"id": "FR", "name": "France"}]},
        {"id": "TIME_PERIOD", "values": [{"id": "2022"}, {"id": "2023"}]}]},
        "attributes": {"observation": [{"id": "OBS_STATUS", "values": [{"id": "P"}]}]}},
      "dataSets": [{"observations": {"0:0": [3.1], "0:1": [3.4, 0]}}]}"""
    (series,) = read_series(message, name="flat.json", measure="Output").series
    assert series.geography == "France" and _values(series) == {
        "2022": (3.1, ()),
        "2023": (3.4, ("provisional",)),
    }


def test_wide_table_in_french_with_column_flags_and_spaced_numbers():
    found = _read("steel_ministry_wide.csv", measure="Production d'acier")
    regions = {s.geography: s for s in found.series}
    assert found.format == "wide" and len(regions) == 3
    hauts = _values(regions["Hauts-de-France"])
    assert hauts["2019"] == (6810.0, ()) and hauts["2021"] == (6102.5, ())
    assert hauts["2023"] == (None, ("missing", "confidential", "provisional"))  # ": c" under "2023 (p)"
    assert hauts["2024-Q1"] == (1410.0, ("provisional",))  # "T1 2024", "1 410 p"
    assert _values(regions["Grand Est"])["2023"] == (2870.0, ("estimated", "provisional"))
    assert (regions["Grand Est"].unit, regions["Grand Est"].scale) == ("t", 1000.0)


def test_eurostat_tsv_packs_its_key_in_the_first_cell():
    tsv = "freq,unit,geo\\TIME_PERIOD\t2022 \t2023 \nA,THS_T,FR\t63.5 \t88.1 b\nA,THS_T,DE\t: c\t97.4 e\n"
    series = {s.geography: s for s in read_series(tsv, name="tsv.tsv", measure="Shells").series}
    assert _values(series["FR"])["2023"] == (88.1, ("break in series",))
    assert _values(series["DE"])["2022"] == (None, ("missing", "confidential"))


def test_world_bank_layout():
    found = _read("gdp_worldbank.csv")
    countries = {s.geography: s for s in found.series}
    assert found.format == "world-bank" and set(countries) == {"France", "Germany", "Euro area"}
    france = countries["France"]
    assert (france.unit, france.provenance.publisher, france.provenance.series_code) == (
        "USD", "World Bank", "NY.GDP.MKTP.CD")  # fmt: skip
    assert france.provenance.retrieved_at == "2026-10-28"  # the file's "Last Updated Date"
    assert _values(france)["2023"][0] == pytest.approx(3051831611384.34)
    assert _values(france)["2024"] == (None, ())  # an empty cell: no value yet


def test_tidy_csv_with_several_series_and_missing_values():
    found = _read("exports_tidy.csv", provenance=Provenance(publisher="Douanes", retrieved_at="2026-11-02"))
    series = {s.measure: s for s in found.series}
    arms = series["Exports of arms"]
    assert (arms.unit, arms.scale, arms.provenance.publisher) == ("EUR", 1e6, "Douanes")
    assert _values(arms)["2023"] == (None, ("missing",))  # "n/a"
    goods = _values(series["Exports of goods"])
    assert goods["2024-01"] == (46100.0, ("provisional",)) and goods["2023"] == (560170.0, ("revised",))


@pytest.mark.parametrize(
    ("head", "expected"),
    [(["period,value"], "tidy"), (["année;valeur;pays"], "tidy"), (["geo,2021,2022"], "wide"),
     (["STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,OBS_VALUE"], "sdmx-csv"),
     (['  {"data": {}}'], "sdmx-json")],
)  # fmt: skip
def test_detect_format(head, expected):
    assert detect_format(head) == expected


REFUSALS = [
    # (file text, words the error must hold)
    ("period,geo,unit,value\n2021,FR,THS_T,40\n2022,FR,MIO_T,0.06\n",
     ["series.csv, row 3", "unit t × 1,000,000", "t × 1,000 from row 2", "one series has one unit"]),
    ("period,value\n2021,40\n2022,41\n2021,42\n", ["series.csv, row 4", "2021 is given twice", "row 2"]),
    ("period,value\n2021-Q1,40\n2021Q1,41\n", ["row 3", "given twice", "first at row 2"]),
    ("period,value\n2021,40\n2022,forty-one\n", ["row 3", "'forty-one' is not a number"]),
    ("period,value\n2021,40\n2022-13,41\n", ["row 3", "period '2022-13' is not a period"]),
    ("period,value\n2021,40\n,41\n", ["row 3", "the period is empty"]),
    ("geo,2021,2022\nFR,40,4O\n", ["row 2, column '2022'", "'4O' is not a number"]),
    ("DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nESTAT:X(1.0),FR,2021,1\nESTAT:X(1.0),FR,2021/2022/3,2\n",
     ["row 3", "'2021/2022/3' is not a period"]),
    ("DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nESTAT:X(1.0),FR,2021,1\nESTAT:X(1.0),FR,2021\n",
     ["row 3", "3 cells for 4 columns"]),
    ("period,valeur,commentaire\n2021,1,ok\n", ["row 1", "unknown column 'commentaire'"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words"), REFUSALS)
def test_bad_rows_are_refused_with_the_row_named(text, words):
    with pytest.raises(SourceImportError) as refused:
        read_series(text, name="series.csv")
    for word in words:
        assert word in str(refused.value)


def test_sdmx_json_duplicate_and_bad_key_are_located():
    message = """{"structure": {"dimensions": {"observation": [
        {"id": "TIME_PERIOD", "values": [{"id": "2022"}, {"id": "2022-A1"}]}]}},
      "dataSets": [{"observations": {"0": [1.0], "1": [2.0], "7": [3.0]}}]}"""
    with pytest.raises(SourceImportError) as refused:
        read_series(message, name="x.json")
    assert "observation 7: the key does not match" in str(refused.value)
    assert "period 2022-A1 is given twice" in str(refused.value)


def test_keep_good_rows_skips_and_lists_the_bad_ones():
    text = "period,value\n2021,40\n2022,abc\n2023,n/a\n2024,2024-13\n2025,45\n2021,99\n"
    found = read_series(text, name="shells.csv", keep_good_rows=True)
    (series,) = found.series
    assert _values(series) == {"2021": (40.0, ()), "2023": (None, ("missing",)), "2025": (45.0, ())}
    assert [e.split(":")[0] for e in found.errors] == [
        "shells.csv, row 3",
        "shells.csv, row 5",
        "shells.csv, row 7",
    ]


def test_progress_and_streams():
    lines = ["DATAFLOW,freq,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG"]
    lines += [
        f"ESTAT:X(1.0),M,G{g},{2000 + m // 12}-{m % 12 + 1:02d},{g + m / 10},p"
        for g in range(5)
        for m in range(600)
    ]
    seen = []
    stream = io.BytesIO(("\n".join(lines) + "\n").encode())
    found = read_series(stream, name="big.csv", progress=seen.append, progress_every=1000)
    assert seen == [1000, 2000, 3000] and found.rows == 3000
    assert len(found.series) == 5 and all(len(s) == 600 for s in found.series)
    assert found.series[2].values[-1] == pytest.approx(2 + 599 / 10)
    assert not any(math.isnan(v) for s in found.series for v in s.values if v is not None)


def test_all_or_nothing_stops_after_a_hundred_errors():
    text = "period,value\n" + "".join(f"{2000 + i % 20},x{i}\n" for i in range(500))
    with pytest.raises(SourceImportError) as refused:
        read_series(text, name="bad.csv")
    assert len(refused.value.errors) == 101 and "stopped after 100 errors" in refused.value.errors[-1]


def test_not_utf8_is_refused():
    with pytest.raises(SourceImportError, match="not UTF-8"):
        read_series("period,value\n2021,1\n".encode("utf-16"), name="x.csv")


CELLS = st.sampled_from(["2023", "2023-Q3", "T3 2023", "x", ":", "..", "12.5", "1 200,5", "", "p", "FR", '"'])
HEADERS = st.sampled_from(["period", "value", "geo", "unit", "flag", "2021", "TIME_PERIOD", "OBS_VALUE", "{"])


@settings(max_examples=150, deadline=None)
@given(
    header=st.lists(HEADERS, min_size=1, max_size=5),
    rows=st.lists(st.lists(CELLS, max_size=6), max_size=6),
    sep=st.sampled_from([",", ";", "\t"]),
)  # fmt: skip
def test_any_table_is_read_or_refused_with_a_reason(header, rows, sep):
    text = "\n".join(sep.join(cells) for cells in [header, *rows]) + "\n"
    try:
        found = read_series(text, name="any.csv", keep_good_rows=True)
    except SourceImportError as refused:
        assert refused.errors and all(error.startswith("any.csv") for error in refused.errors)
    else:
        for series in found.series:
            starts = [p.start for p in series.periods]
            assert starts == sorted(starts) and len(series.values) == len(series.periods)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=30))
def test_any_label_gives_a_period_or_stays_open(label):
    period = period_from_label(label)
    if period is not None and not period.open:
        assert period.start <= period.end


@pytest.mark.parametrize(
    "message",
    ['[1, 2]', '{"dataSets": [], "structure": {}}', '{"dataSets": [7], "structure": {"dimensions": {}}}',
     '{"dataSets": [{"series": {"0": 5}}], "structure": {"dimensions": {"series": [{"id": "GEO"}]}}}',
     '{"dataSets": [{"observations": {"0": "5"}}], "structure": {"dimensions": {"observation": '
     '[{"id": "TIME_PERIOD", "values": [{"id": "2023"}]}]}}}', '{"dataSets": [{}', '{"data": 3}'],
)  # fmt: skip
def test_json_of_another_shape_is_refused_with_a_reason(message):
    with pytest.raises(SourceImportError) as refused:
        read_series(message, name="odd.json")
    assert str(refused.value).startswith("odd.json")


def test_a_series_without_a_name_is_named_after_its_file():
    (series, *_) = _read("steel_ministry_wide.csv").series
    assert series.measure == "steel ministry wide"
    assert series.provenance.file_name == "steel_ministry_wide.csv"
