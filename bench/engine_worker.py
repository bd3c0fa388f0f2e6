"""Run one claim engine on texts read as JSON from stdin and write what it found as JSON to stdout.

Started by ``bench/base_engine.py`` with PYTHONPATH set to the engine's tree (this worktree or a commit
extracted to a temporary directory), so the same script reads "before" and "after" on the same input.
Fields the older engine lacks come back as None.

    {"task": "observations" | "figures" | "speed", "rows": [{"text", "lang", "published"}], "repeat": 3}
"""

from __future__ import annotations

import json
import sys
import time


def _period(p: object) -> dict | None:
    if p is None:
        return None
    return {k: getattr(p, k, None) for k in ("start", "end", "granularity", "open")}


def _stat(s: object, claim_modality: str | None) -> dict:
    base = getattr(s, "base", None)
    return {
        "surface": s.surface,
        "span": list(s.span),
        "kind": s.kind,
        "value": s.value,
        "unit": s.unit,
        "direction": getattr(s, "direction", None),
        "bound": s.bound.kind,
        "counted": s.counted,
        "period": _period(getattr(s, "period", None)),
        "base": None
        if base is None
        else {
            "value": base.value,
            "unit": base.unit,
            "period": _period(base.period),
            "conflict": base.conflict,
        },
        # the older engine has no per-figure modality: its clause's modality stands for it
        "modality": getattr(s, "modality", None) or claim_modality,
    }


def observations(rows: list[dict]) -> list[list[dict]]:
    from claims.splitting import split_claims

    out = []
    for row in rows:
        claims = split_claims(row["text"], lang=row["lang"], published=row.get("published"))
        out.append([_stat(s, c.modality) for c in claims for s in c.statistics])
    return out


def figures(rows: list[dict]) -> list[list[dict]]:
    from claims.statistics import parse_statistics

    return [
        [
            {"surface": s.surface, "span": list(s.span), "kind": s.kind}
            for s in parse_statistics(r["text"], lang=r["lang"])
        ]
        for r in rows
    ]


def speed(rows: list[dict], repeat: int) -> dict:
    from claims.splitting import split_claims

    for row in rows[:20]:  # warm caches and compiled patterns
        split_claims(row["text"], lang=row["lang"])
    cpu = []
    for _ in range(repeat):
        start = time.process_time()
        for row in rows:
            split_claims(row["text"], lang=row["lang"])
        cpu.append(time.process_time() - start)
    return {"words": sum(len(r["text"].split()) for r in rows), "cpu_seconds": cpu}


def main() -> None:
    request = json.load(sys.stdin)
    rows = request["rows"]
    if request["task"] == "observations":
        result: object = observations(rows)
    elif request["task"] == "figures":
        result = figures(rows)
    else:
        result = speed(rows, int(request.get("repeat", 3)))
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
