"""Two-stage source suggestions: retrieval, then figures, entities, measured thing, period, recency."""

import pytest

from claims.models import Bound, Claim, DateRef, Entity, Statistic
from sources.importing import import_text
from sources.matching import DEFAULT_SCORERS, Scorer, build_index, claim_source, make_query, rank_sources
from sources.models import ReportedFigure, Source
from sources.observations import period_label

LIBRARY = [
    Source("Bilan 2023 de l'industrie de défense", publisher="Ministère des Industries stratégiques",
           published="2024-02-15", kind="report", language="fr",
           text="La production nationale de défense a été multipliée par 3,1 en 2023.",
           figures=(ReportedFigure(3.1, "multiplier", period="2023", base="2022",
                                   surface="multipliée par 3,1"),)),
    Source("Bilan 2022 de l'industrie de défense", publisher="Ministère des Industries stratégiques",
           published="2023-02-10", kind="report", language="fr",
           text="La production nationale de défense a été multipliée par 1,5 en 2022.",
           figures=(ReportedFigure(1.5, "multiplier", period="2022", surface="multipliée par 1,5"),)),
    Source("Forum des industries de défense", publisher="Kyiv Independent", published="2023-09-30",
           language="fr", text="Le forum a réuni 263 fabricants d'armes occidentaux à Kiev.",
           figures=(ReportedFigure(263, "count", counted="fabricants d'armes", period="2023"),)),
    Source("Récolte de céréales", publisher="Ministère de l'Agriculture", published="2023-11-01",
           language="fr", text="La récolte de céréales a baissé de 12 % en 2023."),
]  # fmt: skip


@pytest.fixture(scope="module")
def index():
    return build_index(LIBRARY)


def test_first_candidate_and_its_reasons(index):
    claim = "Selon le ministère, la production nationale de défense a triplé en 2023."
    best = rank_sources(claim, index, k=2, lang="fr")[0]
    assert best.source is LIBRARY[0] and best.rank == 1
    assert {"product", "defens"} <= set(best.matched_words)
    assert best.period == "2023"
    assert dict(best.signals)["period"] == 1.0


def test_matching_figure_lifts_the_right_source_above_a_similar_one(index):
    claim = "La production nationale de défense a été multipliée par 1,5."
    first, second = rank_sources(claim, index, k=2, lang="fr")
    assert first.source is LIBRARY[1] and first.matched_figures and not second.matched_figures


def test_bound_claim_matches_reported_count(index):
    candidates = rank_sources("Plus de 250 fabricants d'armes occidentaux au forum", index, k=1, lang="fr")
    assert candidates[0].source is LIBRARY[2]
    assert [f.value for f in candidates[0].matched_figures] == [263]


def test_a_claim_record_uses_its_statistics_dates_and_entities(index):
    claim = Claim(
        "Production des armes: x3", (0, 24), 0,
        statistics=(Statistic("x3", (22, 24), "multiplier", 3.0, Bound("approximate", 2.9, 3.2)),),
        dates=(DateRef("2023", (0, 0), "2023-01-01", "2023-12-31", "year"),),
        entities=(Entity("Ministère", (0, 0), name="Ministère des Industries stratégiques"),),
    )  # fmt: skip
    query = make_query(claim, lang="fr")
    assert query.years == frozenset({"2023"}) and query.entities == ("ministere des industries strategiques",)
    assert rank_sources(claim, index, k=1, lang="fr")[0].source is LIBRARY[0]


def test_scorers_are_injectable(index):
    favour_grain = Scorer("grain", 10.0, lambda query, source: float("céréales" in source.title))
    claim = "La production de défense a triplé en 2023"
    assert rank_sources(claim, index, k=1, lang="fr", scorers=(favour_grain,))[0].source is LIBRARY[3]
    plain = rank_sources(claim, index, k=3, lang="fr", scorers=())
    assert all(c.signals == () for c in plain) and plain[0].score == 1.0


def test_bm25_alone_and_options_are_keyword_only(index):
    assert rank_sources("céréales", index, k=1, retrievers=("bm25",), lang="fr")[0].source is LIBRARY[3]
    with pytest.raises(TypeError):
        rank_sources("céréales", index, 1)  # type: ignore[misc]


def test_index_grows_when_sources_are_added():
    index = build_index(LIBRARY[:2])
    assert all(c.source is not LIBRARY[3] for c in rank_sources("récolte de céréales", index, lang="fr"))
    index.add([LIBRARY[3], import_text("Les exportations de céréales ont doublé.", title="Exportations")])
    assert len(index) == 4
    assert rank_sources("récolte de céréales", index, k=1, lang="fr")[0].position == 2


def test_nothing_matches_gives_no_candidates(index):
    assert rank_sources("zzzz qqqq", index, lang="fr") == []
    assert rank_sources("production", build_index([]), lang="fr") == []


def test_recency_prefers_a_newer_source_published_after_the_period():
    old = Source("Defence output", published="2019", text="Defence output tripled.")
    new = Source("Defence output", published="2024", text="Defence output tripled.")
    recency = next(s for s in DEFAULT_SCORERS if s.name == "recency")
    query = make_query("Defence output tripled in 2023", lang="en")
    assert recency.fn(query, new) > recency.fn(query, old) == 0.0


def test_earlier_claims_are_suggested_beside_sources():
    earlier = Claim(
        "Kiev a signé des dizaines d'accords de coproduction d'armes.", (0, 60), 0,
        statistics=(Statistic("des dizaines", (10, 22), "count", None, Bound("approximate", 20, 99)),),
        dates=(DateRef("2023", (0, 0), "2023-01-01", "2023-12-31", "year"),),
    )  # fmt: skip
    as_source = claim_source(earlier, title="Article du 16 décembre", published="2023-12-16")
    assert as_source.kind == "claim" and period_label(as_source.figures[0].period) == "2023"
    index = build_index([*LIBRARY, as_source])
    best = rank_sources("L'Ukraine a signé des dizaines d'accords de coproduction", index, k=1, lang="fr")[0]
    assert best.source is as_source


def test_only_compatible_figures_are_offered_and_the_closest_first():
    forum = Source(
        "Defence forum report", language="en",
        text="The forum cost £148.6 million, drew 59,200 visitors and 263 arms manufacturers.",
        figures=(ReportedFigure(148.6e6, "money", unit="GBP", surface="£148.6 million"),
                 ReportedFigure(59_200, "count", counted="visitors", surface="59,200"),
                 ReportedFigure(263, "count", counted="arms manufacturers", surface="263")),
    )  # fmt: skip
    claim = Claim(
        "More than 250 arms manufacturers came to the forum.", (0, 51), 0,
        (Statistic("More than 250", (0, 13), "count", 250, Bound("lower", 250, None, False),
                   counted="arms manufacturers"),),
    )  # fmt: skip
    (best,) = rank_sources(claim, build_index([forum]), k=1, lang="en")
    assert [f.surface for f in best.matched_figures] == ["263", "59,200"]
    money_claim = Claim("It cost $150 million.", (0, 21), 0,
                        (Statistic("$150 million", (8, 20), "money", 150e6, unit="USD"),))  # fmt: skip
    assert rank_sources(money_claim, build_index([forum]), k=1, lang="en")[0].matched_figures == ()
