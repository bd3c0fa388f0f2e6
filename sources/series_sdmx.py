"""SDMX-CSV (1.0 and 2.0, as Eurostat, the OECD and the ECB publish it) and SDMX-JSON data messages.

SDMX-CSV: structure columns (DATAFLOW or STRUCTURE, STRUCTURE_ID, ACTION, Eurostat's LAST UPDATE), the
key's dimensions, TIME_PERIOD, OBS_VALUE, then attributes (OBS_FLAG, OBS_STATUS, UNIT_MULT...). A cell
may be "CODE: Label" (files written with labels): the code keys the series, the label names it.
SDMX-JSON (1.0 and 2.0): structure.dimensions.series/observation and dataSets[].series[key].observations,
or flat observations keyed by every dimension; each observation is [value, attribute indices...].
"""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Iterable

from sources.importing import SourceImportError
from sources.series import read_unit, unit_multiplier
from sources.series_rows import Collector

STRUCTURE_COLUMNS = {"DATAFLOW", "STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME", "ACTION", "LAST UPDATE"}
GEOGRAPHY = {"GEO", "REF_AREA", "COUNTRY", "LOCATION", "AREA", "COUNTERPART_AREA"}
UNIT = {"UNIT", "UNIT_MEASURE", "UNIT_MEAS", "CURRENCY"}
FREQUENCY = {"FREQ", "FREQUENCY"}
FLAGS = {"OBS_FLAG", "OBS_STATUS"}
CONFIDENTIALITY = {"OBS_CONF", "CONF_STATUS"}  # C (confidential) is a flag; F (free) is not
ATTRIBUTES = FLAGS | CONFIDENTIALITY | {"UNIT_MULT", "DECIMALS", "COMMENT_OBS", "OBS_COM"}
AGENCIES = {
    "ESTAT": "Eurostat",
    "OECD": "OECD",
    "ECB": "European Central Bank",
    "IMF": "IMF",
    "WB": "World Bank",
    "ILO": "ILO",
    "UNSD": "UN Statistics Division",
    "BIS": "BIS",
    "FR1": "INSEE",
    "INSEE": "INSEE",
}


def _split(cell: str) -> tuple[str, str | None]:
    """ "A: Annual" → ("A", "Annual"); a plain code has no label."""
    code, sep, label = cell.partition(": ")
    return (code.strip(), label.strip() or None) if sep else (cell.strip(), None)


def dataflow(cell: str) -> dict:
    """Publisher and dataset of a DATAFLOW/STRUCTURE_ID cell ("ESTAT:NAMA_10_GDP(1.0)").

    >>> dataflow("ESTAT:NAMA_10_GDP(1.0)")
    {'publisher': 'Eurostat', 'dataset': 'NAMA_10_GDP'}
    """
    code, _ = _split(cell)
    agency, _, rest = code.rpartition(":")
    dataset = rest.split("(")[0]
    head = agency.split(".")[0].upper()  # "OECD.SDD.TPS": the OECD's directorate
    return {"publisher": AGENCIES.get(head, agency or None), "dataset": dataset or None}


def _meta(names: list[str], cells: list[str], flow: dict, measure: str | None) -> dict:
    """What a series' key says: geography, unit, frequency, the other dimensions, a name for the measure."""
    meta: dict = {"dimensions": [], "provenance": dict(flow)}
    labels = []
    key = []
    for name, cell in zip(names, cells, strict=True):
        code, label = _split(cell)
        key.append(code)
        upper = name.upper()
        if upper in GEOGRAPHY:
            meta["geography"] = label or code
        elif upper in UNIT:
            meta["unit_label"] = code if label is None else f"{code} ({label})"
        elif upper in FREQUENCY:
            meta["frequency"] = code
        else:
            meta["dimensions"].append((name, code))
            if not code.startswith("_"):  # _Z (not applicable), _T (total) say nothing of the measure
                labels.append(label or code)
    meta["measure"] = measure or " – ".join([flow.get("dataset") or "", *labels]).strip(" –") or None
    meta["provenance"]["series_code"] = ".".join(key)
    return meta


def read_sdmx_csv(lines: Iterable[str], collector: Collector, *, measure: str | None) -> None:
    """Rows of an SDMX-CSV file, one observation each; streamed."""
    reader = csv.reader(lines)
    header = [c.strip() for c in next(reader, [])]
    names = [c.split(":")[0].strip() for c in header]  # "freq: Time frequency" with labels
    upper = [n.upper() for n in names]
    if "TIME_PERIOD" not in upper or "OBS_VALUE" not in upper:
        raise SourceImportError(
            [f"{collector.name}, row 1: SDMX-CSV needs TIME_PERIOD and OBS_VALUE columns"]
        )
    time, value = upper.index("TIME_PERIOD"), upper.index("OBS_VALUE")
    flow_column = next((i for i, n in enumerate(upper) if n in ("DATAFLOW", "STRUCTURE_ID")), None)
    dims = [
        i
        for i in range(len(header))
        if upper[i] not in STRUCTURE_COLUMNS
        and i not in (time, value)
        and (i < time or i < value)
        and upper[i] not in ATTRIBUTES
    ]
    flags = [i for i, n in enumerate(upper) if n in FLAGS]
    confidential = [i for i, n in enumerate(upper) if n in CONFIDENTIALITY]
    mult = upper.index("UNIT_MULT") if "UNIT_MULT" in upper else None
    unit_column = next((i for i in dims if upper[i] in UNIT), None)
    dim_names = [names[i] for i in dims]
    width = len(header)
    flows: dict[str, dict] = {}
    key_columns = ([flow_column] if flow_column is not None else []) + dims
    units: dict[str, tuple[str | None, float]] = {}
    plain_flag = flags[0] if len(flags) == 1 and not confidential else None  # the common case, read as is
    for number, row in enumerate(reader, start=2):
        if len(row) != width:
            if not any(c.strip() for c in row):
                continue
            collector.tick()
            collector.fail(f"row {number}", f"{len(row)} cells for {width} columns")
            continue
        collector.tick()
        key = tuple(row[i] for i in key_columns)
        unit_cell = row[unit_column] if unit_column is not None else ""
        if unit_cell not in units:
            units[unit_cell] = read_unit(_split(unit_cell)[0] if unit_cell else None)
        unit, scale = units[unit_cell]
        if mult is not None and row[mult].strip():
            try:
                scale *= unit_multiplier(row[mult])
            except ValueError:
                collector.fail(f"row {number}", f"UNIT_MULT {row[mult]!r} is not a power of ten")
                continue
        if plain_flag is not None:
            flag = row[plain_flag]
        else:
            flag = " ".join(_split(row[i])[0] for i in flags if row[i].strip())
            if any(_split(row[i])[0].upper() == "C" for i in confidential):
                flag += " confidential"
        meta = None
        if key not in collector.builders:  # described once per series
            flow_cell = row[flow_column] if flow_column is not None else ""
            if flow_cell not in flows:
                flows[flow_cell] = dataflow(flow_cell) if flow_cell else {}
            meta = functools.partial(_meta, dim_names, [row[i] for i in dims], flows[flow_cell], measure)
        period = row[time]
        if ": " in period:
            period = _split(period)[0]
        collector.add(None, number, key, meta, period, row[value], flag, unit, scale)


def _values(component: dict) -> list[str]:
    return [value.get("id", "") for value in component.get("values", [])]


def _names(component: dict) -> list[str | None]:
    out = []
    for value in component.get("values", []):
        name = value.get("name")
        out.append(name.get("en") or next(iter(name.values()), None) if isinstance(name, dict) else name)
    return out


def read_sdmx_json(text: str, collector: Collector, *, measure: str | None) -> None:
    """An SDMX-JSON data message (the whole message is one JSON document: read at once)."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise SourceImportError(
            [f"{collector.name}: not JSON (line {e.lineno}, column {e.colno}: {e.msg})"]
        ) from e
    body = doc.get("data", doc) if isinstance(doc, dict) else {}
    body = body if isinstance(body, dict) else {}
    data_sets = body.get("dataSets") or []
    structures = body.get("structures") or ([body["structure"]] if body.get("structure") else [])
    if not data_sets or not structures:
        raise SourceImportError(
            [f"{collector.name}: not an SDMX-JSON data message (no dataSets or structure)"]
        )
    for index, data_set in enumerate(data_sets):
        try:
            structure = structures[min(int(data_set.get("structure", 0)), len(structures) - 1)]
            _read_data_set(data_set, structure, index, collector, measure)
        except SourceImportError:
            raise
        except (AttributeError, TypeError, KeyError, IndexError, ValueError) as e:
            # a message of another shape (a list where SDMX-JSON has an object...): refused, located
            raise SourceImportError(
                [f"{collector.name}, dataSets[{index}]: not an SDMX-JSON data set ({type(e).__name__}: {e})"]
            ) from e


def _read_data_set(
    data_set: dict, structure: dict, index: int, collector: Collector, measure: str | None
) -> None:
    dims = structure.get("dimensions", {})
    attrs = structure.get("attributes", {})
    series_dims = dims.get("series", [])
    obs_dims = dims.get("observation", [])
    flow = {
        "publisher": None,
        "dataset": structure.get("name") if isinstance(structure.get("name"), str) else None,
    }
    for link in structure.get("links", []):
        if link.get("urn") or link.get("href"):
            found = dataflow((link.get("urn") or "").rpartition("=")[2]) if link.get("urn") else {}
            flow = {k: v or flow.get(k) for k, v in found.items()} or flow
    obs_attrs = attrs.get("observation", [])
    series_attrs = attrs.get("series", [])
    flag_at = [i for i, a in enumerate(obs_attrs) if a.get("id", "").upper() in FLAGS]
    conf_at = [i for i, a in enumerate(obs_attrs) if a.get("id", "").upper() in CONFIDENTIALITY]
    mult_at = next((i for i, a in enumerate(obs_attrs) if a.get("id", "").upper() == "UNIT_MULT"), None)
    series_mult = next(
        (i for i, a in enumerate(series_attrs) if a.get("id", "").upper() == "UNIT_MULT"), None
    )
    time_at = next(
        (i for i, d in enumerate(obs_dims) if d.get("id", "").upper() == "TIME_PERIOD"), len(obs_dims) - 1
    )
    if "series" in data_set:
        groups = [
            (key, s.get("observations", {}), s.get("attributes", [])) for key, s in data_set["series"].items()
        ]
        all_dims = series_dims + obs_dims
    else:
        groups = [("", data_set.get("observations", {}), [])]
        all_dims = obs_dims
    for key, observations, series_attr_values in groups:
        series_key = [int(p) for p in key.split(":")] if key else []
        scale_series = 1.0
        if (
            series_mult is not None
            and series_mult < len(series_attr_values)
            and series_attr_values[series_mult] is not None
        ):
            scale_series = float(_values(series_attrs[series_mult])[series_attr_values[series_mult]] or 0)
            scale_series = 10.0**scale_series
        for obs_key, observation in observations.items():
            collector.tick()
            where = f"dataSets[{index}], series {key or '-'}, observation {obs_key}"
            try:
                positions = series_key + [int(p) for p in obs_key.split(":")]
                codes = [_values(d)[p] for d, p in zip(all_dims, positions, strict=True)]
                labels = [_names(d)[p] for d, p in zip(all_dims, positions, strict=True)]
            except (ValueError, IndexError):
                collector.fail(where, "the key does not match the structure's dimensions")
                continue
            time_index = (len(series_dims) if "series" in data_set else 0) + time_at
            period = codes[time_index]
            key_codes = [c for i, c in enumerate(codes) if i != time_index]
            key_dims = [d for i, d in enumerate(all_dims) if i != time_index]
            key_labels = [lab for i, lab in enumerate(labels) if i != time_index]
            if not isinstance(observation, list) or not all(
                isinstance(a, int | None) for a in observation[1:]
            ):
                collector.fail(where, "an observation is a list: [value, attribute indices...]")
                continue
            value = observation[0] if observation else None
            flags, scale = [], scale_series
            for i, attr_index in enumerate(observation[1:]):
                if attr_index is None or i >= len(obs_attrs):
                    continue
                code = _values(obs_attrs[i])[attr_index] if attr_index < len(_values(obs_attrs[i])) else ""
                if i in flag_at and code:
                    flags.append(code)
                elif i in conf_at and code.upper() == "C":
                    flags.append("confidential")
                elif i == mult_at and code:
                    scale = 10.0 ** int(code)
            unit_code = next(
                (c for d, c in zip(key_dims, key_codes, strict=True) if d.get("id", "").upper() in UNIT), None
            )
            unit, unit_scale = read_unit(unit_code)
            names = [d.get("id", "") for d in key_dims]
            cells = [
                f"{c}: {lab}" if lab and lab != c else c for c, lab in zip(key_codes, key_labels, strict=True)
            ]

            def meta(names=names, cells=cells) -> dict:
                return _meta(names, cells, flow, measure)

            collector.add(
                where,
                collector.rows,
                tuple(key_codes),
                meta,
                period,
                value,
                " ".join(flags),
                unit,
                unit_scale * scale,
            )
