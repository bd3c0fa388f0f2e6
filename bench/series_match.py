"""Series matching benchmark: 10,000 generated series and generated FR/EN claims each with its known right
series, ranked by ``sources.matching.rank_sources`` beside plain BM25 (bm25s alone) on the same documents,
in the same run: index build time, per-claim ranking time (ratio), hit@1, hit@5 and MRR of both.

    .venv/bin/python bench/series_match.py                       # 10,000 series, 400 claims
    .venv/bin/python bench/series_match.py --series 2000 --claims 100 --json /tmp/series-match.json

Everything is generated here, seeded, from the word lists below (written for this benchmark, by the
same hand as the project's vocabulary: the figures say how the ranker does on this data, they are not a
held-out score). Series: ~35 measures with English and French labels (half the series labelled in each
language), every geography of ``sources/vocabulary/countries.py`` (a code such as "DE" or "EL" for most,
the English name for some, as the World Bank writes them), one to three units per measure (a share,
a count, euros, tonnes, an index, GWh) and annual, quarterly or monthly frequencies; 10,000 drawn from
all the combinations. Claims: a series drawn at random, a sentence in French or English naming its
country and what it measures in the claim's words (not the label's), with a figure of its unit's kind
(a share, a count, an amount, a quantity) or a multiplier ("a triplé entre 2019 et 2023"). Right answers:
every series of that measure and country whose unit fits the figure (any unit for a multiplier).

Plain BM25 indexes each series' document (title, publisher, measure, unit, geography code and name,
dataset and code, as the project indexes it) with bm25s' own tokenizer (English stopwords, no stemming),
and ranks the claim's words: the "search engine alone" baseline. Ours is the project's ranker: analysed
words (FR/EN stemming) with other languages' words for a series' measure and country, character n-grams,
then the second stage (geography, unit, period coverage). ``--no-signals`` runs ours without the series
signals as well (first stage and the report signals only), which shows what the signals add.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import bm25s  # noqa: E402
import numpy as np  # noqa: E402
from bm25s.tokenization import Tokenizer  # noqa: E402

from sources.geography import Geography, geographies  # noqa: E402
from sources.matching import DEFAULT_SCORERS, _document, build_index, rank_sources  # noqa: E402
from sources.models import Source  # noqa: E402
from sources.observations import period_from_label  # noqa: E402
from sources.series import SeriesFacts, read_unit  # noqa: E402

# unit code -> how a claim states a figure of that unit (the kind a claim's figure takes)
UNIT_KINDS = {
    "PC": "share", "PC_ACT": "share", "PC_GDP": "share", "THS_PER": "count", "NR": "count",
    "MIO_EUR": "money", "EUR": "money", "THS_T": "tonnes", "I15": "index", "GWH": "energy",
}  # fmt: skip


@dataclass(frozen=True)
class Measure:
    """A measure: its series labels (EN, FR), units, and how claims name it (EN, FR phrases)."""

    key: str
    label_en: str
    label_fr: str
    units: tuple[str, ...]
    claim_en: tuple[str, ...]
    claim_fr: tuple[str, ...]


# Each measure: key | English label | French label | unit codes, then how claims name it in English, then
# in French (phrases separated by ";").
MEASURE_TABLE = """
unemp_rate | Unemployment rate, total | Taux de chômage, ensemble | PC_ACT
    the jobless rate; unemployment
    le taux de chômage; le chômage
unemp_n | Unemployed persons | Nombre de chômeurs | THS_PER
    unemployed people; jobseekers
    chômeurs; demandeurs d'emploi
youth_unemp | Youth unemployment rate (under 25) | Taux de chômage des jeunes (moins de 25 ans) | PC_ACT
    youth unemployment; the jobless rate among young people
    le chômage des jeunes; le taux de chômage des moins de 25 ans
employment | Employment, all persons | Emploi total | THS_PER
    jobs; people in work
    emplois; personnes en emploi
population | Population on 1 January | Population au 1er janvier | NR
    inhabitants; residents
    habitants; la population
births | Live births | Naissances vivantes | NR
    births; babies born
    naissances; bébés nés
deaths | Deaths, total | Décès, total | NR
    deaths
    décès; morts
asylum | Asylum applicants | Demandeurs d'asile | NR
    asylum applications; asylum seekers
    demandes d'asile; demandeurs d'asile
gdp | Gross domestic product at market prices | Produit intérieur brut aux prix du marché | MIO_EUR
    GDP; economic output
    le PIB; le produit intérieur brut
growth | Real GDP growth rate | Taux de croissance du PIB en volume | PC
    economic growth; GDP growth
    la croissance; la croissance du PIB
inflation | HICP, annual rate of change | IPCH, taux de variation annuel | PC
    inflation; consumer price inflation
    l'inflation; la hausse des prix à la consommation
debt | General government gross debt | Dette brute des administrations publiques | PC_GDP MIO_EUR
    public debt; government debt
    la dette publique; la dette de l'État
deficit | Government deficit | Déficit public | PC_GDP
    the budget deficit; the public deficit
    le déficit public; le déficit budgétaire
exports | Exports of goods | Exportations de biens | MIO_EUR
    exports; goods exports
    les exportations; les ventes à l'étranger
imports | Imports of goods | Importations de biens | MIO_EUR
    imports; goods imports
    les importations; les achats à l'étranger
cereals | Production of cereals | Production de céréales | THS_T
    cereal production; the grain harvest
    la production de céréales; la récolte de blé
cereal_exports | Exports of cereals | Exportations de céréales | THS_T MIO_EUR
    cereal exports; grain exports
    les exportations de céréales; les exportations de blé
arms | Production of weapons and ammunition | Production d'armes et de munitions | I15
    arms production; ammunition output
    la production d'armes; la production de munitions
military | Military expenditure | Dépenses militaires | MIO_EUR PC_GDP
    defence spending; military spending
    les dépenses de défense; le budget militaire
electricity | Gross electricity production | Production brute d'électricité | GWH
    electricity generation; power output
    la production d'électricité; la production électrique
gas_imports | Imports of natural gas | Importations de gaz naturel | GWH
    natural gas imports; gas imports
    les importations de gaz naturel; les achats de gaz
emissions | Greenhouse gas emissions | Émissions de gaz à effet de serre | THS_T
    greenhouse gas emissions; carbon emissions
    les émissions de gaz à effet de serre; les émissions de CO2
tourism | Nights spent at tourist accommodation | Nuitées dans les hébergements touristiques | NR
    tourist nights; overnight stays
    les nuitées touristiques; les nuitées
road_deaths | Road traffic deaths | Personnes tuées sur les routes | NR
    road deaths; people killed on the roads
    les morts sur les routes; la mortalité routière
house_prices | House price index | Indice des prix des logements | I15
    house prices; home prices
    les prix des logements; les prix immobiliers
wages | Average annual wages | Salaire annuel moyen | EUR
    average wages; average pay
    le salaire moyen; les salaires
poverty | At-risk-of-poverty rate | Taux de risque de pauvreté | PC
    the poverty rate; poverty
    le taux de pauvreté; la pauvreté
cars | New passenger car registrations | Immatriculations de voitures particulières neuves | NR
    new car registrations; new car sales
    les immatriculations de voitures neuves; les ventes de voitures neuves
insolvencies | Business insolvencies | Défaillances d'entreprises | NR
    business insolvencies; company bankruptcies
    les défaillances d'entreprises; les faillites
oil_imports | Imports of crude oil | Importations de pétrole brut | THS_T
    crude oil imports; oil imports
    les importations de pétrole brut; les importations de pétrole
students | Students in tertiary education | Étudiants de l'enseignement supérieur | NR
    university students; students in higher education
    les étudiants; les effectifs de l'enseignement supérieur
health | Current health expenditure | Dépenses courantes de santé | PC_GDP MIO_EUR
    health spending; health expenditure
    les dépenses de santé; les dépenses de santé publiques
taxes | Total tax revenue | Recettes fiscales totales | PC_GDP MIO_EUR
    tax revenue; taxes collected
    les recettes fiscales; les impôts collectés
industry | Industrial production index | Indice de la production industrielle | I15
    industrial output; factory output
    la production industrielle; la production des usines
aid | Official development assistance | Aide publique au développement | MIO_EUR
    development aid; foreign aid
    l'aide au développement; l'aide publique au développement
"""


def _measures() -> tuple[Measure, ...]:
    rows = [line for line in MEASURE_TABLE.strip("\n").splitlines() if line.strip()]
    out = []
    for head, english, french in zip(rows[::3], rows[1::3], rows[2::3], strict=True):
        key, label_en, label_fr, units = (cell.strip() for cell in head.split("|"))
        out.append(Measure(key, label_en, label_fr, tuple(units.split()),
                           tuple(p.strip() for p in english.split(";")),
                           tuple(p.strip() for p in french.split(";"))))  # fmt: skip
    return tuple(out)


MEASURES = _measures()


@dataclass(frozen=True)
class Claim:
    text: str
    lang: str
    right: frozenset[int]  # positions of the series that are right answers


def _facts(measure: Measure, geo: Geography, unit_code: str, frequency: str, lang: str, rng) -> SeriesFacts:
    first, last = rng.randint(1995, 2012), rng.randint(2021, 2025)
    grain = {"A": "", "Q": "-Q1", "M": "-01"}[frequency]
    where = geo.code if rng.random() < 0.75 else geo.name  # a code (Eurostat) or a name (World Bank)
    unit, _ = read_unit(unit_code)
    label = measure.label_en if lang == "en" else measure.label_fr
    return SeriesFacts(label, unit, unit_code, where, frequency, f"bench_{measure.key}",
                       f"{frequency}.{unit_code}.{geo.code}", period_from_label(f"{first}{grain}"),
                       period_from_label(f"{last}{grain}"), 0)  # fmt: skip


def make_series(count: int, rng: random.Random) -> tuple[list[Source], list[tuple[Measure, Geography, str]]]:
    """``count`` series drawn from every measure x geography x unit x frequency, with their keys."""
    combos = [(m, g, u, f) for m in MEASURES for g in geographies() for u in m.units for f in ("A", "Q", "M")]
    chosen = rng.sample(combos, min(count, len(combos)))
    sources, keys = [], []
    for measure, geo, unit_code, frequency in chosen:
        lang = "en" if rng.random() < 0.5 else "fr"
        facts = _facts(measure, geo, unit_code, frequency, lang, rng)
        title = f"{facts.measure}, {facts.geography} ({facts.series_code})"
        publisher = rng.choice(("Eurostat", "World Bank", "OECD", "National statistics office"))
        sources.append(Source(title, publisher=publisher, kind="series", language=lang, series=facts,
                              text=f"values from {facts.first.surface} to {facts.last.surface}"))  # fmt: skip
        keys.append((measure, geo, unit_code))
    return sources, keys


def _figure(kind: str, lang: str, rng) -> str:
    value = rng.choice((2.5, 3.1, 4.8, 7.5, 12.4, 15, 21.7, 38, 65))
    number = f"{value:g}" if lang == "en" else f"{value:g}".replace(".", ",")
    return {
        ("share", "en"): f"{number} %", ("share", "fr"): f"{number} %",
        ("count", "en"): f"{number} million", ("count", "fr"): f"{number} millions",
        ("money", "en"): f"€{number} billion", ("money", "fr"): f"{number} milliards d'euros",
        ("tonnes", "en"): f"{number} million tonnes", ("tonnes", "fr"): f"{number} millions de tonnes",
        ("energy", "en"): f"{number} TWh", ("energy", "fr"): f"{number} TWh",
    }[(kind, lang)]  # fmt: skip


def _claim_text(measure: Measure, geo: Geography, kind: str, lang: str, rng) -> str:
    phrase = rng.choice(measure.claim_en if lang == "en" else measure.claim_fr)
    country = geo.name_in(lang)
    year = rng.randint(2016, 2021)
    if kind == "multiplier":
        start = year - rng.randint(2, 5)
        if lang == "en":
            verb = rng.choice(("doubled", "tripled", "fell by half"))
            return f"In {country}, {phrase} {verb} between {start} and {year}, the government says."
        verb = rng.choice(("a doublé", "a triplé", "a été divisé par deux"))
        return f"{country} : {phrase} {verb} entre {start} et {year}, selon le gouvernement."
    figure = _figure(kind, lang, rng)
    if lang == "en":
        return f"{country}'s {phrase} reached {figure} in {year}, according to the minister."
    return f"{country} : {phrase} a atteint {figure} en {year}, selon le ministre."


def make_claims(count: int, keys, rng: random.Random) -> list[Claim]:
    """Claims about series drawn at random; right answers: same measure and country, a unit that fits."""
    by_key: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for position, (measure, geo, unit_code) in enumerate(keys):
        by_key.setdefault((measure.key, geo.code), []).append((position, unit_code))
    claims = []
    for _ in range(count):
        measure, geo, unit_code = keys[rng.randrange(len(keys))]
        kind = (
            "multiplier" if rng.random() < 0.25 or UNIT_KINDS[unit_code] == "index" else UNIT_KINDS[unit_code]
        )
        lang = "en" if rng.random() < 0.5 else "fr"
        text = _claim_text(measure, geo, kind, lang, rng)
        right = frozenset(
            p for p, u in by_key[(measure.key, geo.code)] if kind == "multiplier" or UNIT_KINDS[u] == kind
        )
        claims.append(Claim(text, lang, right))
    return claims


def _quality(ranks: list[int | None], claims: list[Claim]) -> dict:
    """hit@1, hit@5 and MRR (rank of the first right series; None: not in the top 10), and hit@1 of
    the French and the English claims apart."""
    n = len(ranks)
    by_lang = {
        f"hit@1 {lang}": sum(r == 1 for r, c in zip(ranks, claims, strict=True) if c.lang == lang)
        / max(1, sum(c.lang == lang for c in claims))
        for lang in ("fr", "en")
    }
    return {
        "hit@1": sum(r == 1 for r in ranks if r) / n,
        "hit@5": sum(r <= 5 for r in ranks if r) / n,
        "mrr@10": sum(1 / r for r in ranks if r) / n,
        **by_lang,
    }


def _first_right(ranked: list[int], right: frozenset[int]) -> int | None:
    return next((rank for rank, position in enumerate(ranked, start=1) if position in right), None)


def run_ours(sources, claims, *, scorers=DEFAULT_SCORERS) -> dict:
    started = time.perf_counter()
    index = build_index(sources)
    index.sparse.prepare()
    build = time.perf_counter() - started
    rank_sources(claims[0].text, index, k=10, lang=claims[0].lang)  # warm-up: first-call imports and caches
    times, ranks = [], []
    for claim in claims:
        started = time.perf_counter()
        ranked = rank_sources(claim.text, index, k=10, lang=claim.lang, scorers=scorers)
        times.append(time.perf_counter() - started)
        ranks.append(_first_right([c.position for c in ranked], claim.right))
    return {"build_s": build, "ms_per_claim": 1000 * statistics.mean(times),
            "ms_median": 1000 * statistics.median(times), **_quality(ranks, claims)}  # fmt: skip


def run_bm25(sources, claims) -> dict:
    started = time.perf_counter()
    tokenizer = Tokenizer(stopwords="en")
    corpus = tokenizer.tokenize([_document(s) for s in sources], return_as="ids", show_progress=False)
    retriever = bm25s.BM25()
    retriever.index(corpus, show_progress=False)
    build = time.perf_counter() - started
    warm = tokenizer.tokenize([claims[0].text], update_vocab=False, return_as="ids", show_progress=False)
    retriever.retrieve(warm, k=10, show_progress=False)  # warm-up, as for ours
    times, ranks = [], []
    for claim in claims:
        started = time.perf_counter()
        query = tokenizer.tokenize([claim.text], update_vocab=False, return_as="ids", show_progress=False)
        found, scores = retriever.retrieve(query, k=10, show_progress=False, return_as="tuple")
        ranked = [int(p) for p, s in zip(found[0], scores[0], strict=True) if s > 0]
        times.append(time.perf_counter() - started)
        ranks.append(_first_right(ranked, claim.right))
    return {"build_s": build, "ms_per_claim": 1000 * statistics.mean(times),
            "ms_median": 1000 * statistics.median(times), **_quality(ranks, claims)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=400)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--no-signals", action="store_true", help="also run ours without the series signals")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    np.random.seed(args.seed)
    sources, keys = make_series(args.series, rng)
    claims = make_claims(args.claims, keys, rng)
    per_claim = sum(len(c.right) for c in claims) / len(claims)
    print(
        f"{len(sources):,} generated series ({len({k[1].code for k in keys})} geographies, {len(MEASURES)} "
        f"measures), {len(claims)} generated claims ({sum(c.lang == 'fr' for c in claims)} FR); "
        f"{per_claim:.2f} right series per claim",
        file=sys.stderr,
    )
    results = {"bm25s alone": run_bm25(sources, claims), "ours": run_ours(sources, claims)}
    if args.no_signals:
        plain = tuple(
            s for s in DEFAULT_SCORERS if s.name not in ("measure", "geography", "unit", "coverage")
        )
        results["ours without series signals"] = run_ours(sources, claims, scorers=plain)
    base = results["bm25s alone"]
    print(
        f"{'ranker':<30} {'build s':>8} {'ms/claim':>9} {'median':>7} {'hit@1':>6} {'hit@5':>6} "
        f"{'MRR@10':>7} {'@1 FR':>6} {'@1 EN':>6}"
    )
    for name, row in results.items():
        print(f"{name:<30} {row['build_s']:>8.2f} {row['ms_per_claim']:>9.2f} {row['ms_median']:>7.2f} "
              f"{row['hit@1']:>6.3f} {row['hit@5']:>6.3f} {row['mrr@10']:>7.3f} "
              f"{row['hit@1 fr']:>6.3f} {row['hit@1 en']:>6.3f}")  # fmt: skip
    ours = results["ours"]
    ratios = {
        "ms_per_claim": ours["ms_per_claim"] / base["ms_per_claim"],
        "build_s": ours["build_s"] / base["build_s"],
    }
    print(
        f"ratio ours / bm25s alone: {ratios['ms_per_claim']:.1f}x per claim, {ratios['build_s']:.1f}x build"
    )
    if args.json:
        payload = {"series": len(sources), "claims": len(claims), "seed": args.seed, "results": results,
                   "ratios": ratios, "data": "generated by bench/series_match.py (not held-out)"}  # fmt: skip
        args.json.write_text(json.dumps(payload, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
