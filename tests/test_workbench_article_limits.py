"""An article's figures and claims are bounded: a pasted data column is refused by line, before the claim
engine runs, and prose with tables of ordinary size passes."""

from __future__ import annotations

import pytest

from workbench.desk.ingest import prepare_article
from workbench.domain import article_limits
from workbench.domain.article_limits import MAX_ARTICLE_FIGURES, MAX_NUMBER_RUN, check_figures
from workbench.domain.errors import InputError


def test_a_five_megabyte_line_of_numbers_is_refused_by_its_line_before_the_engine_runs():
    text = "Le chômage a baissé de 2 % en 2024, selon l'Insee.\n" + "1 " * 2_500_000
    with pytest.raises(InputError, match=rf"Line 2 holds more than {MAX_NUMBER_RUN} numbers in a row"):
        prepare_article(text, lang="fr")


def test_numbers_spread_between_words_are_refused_past_the_article_limit():
    text = " ".join(f"year {n}" for n in range(MAX_ARTICLE_FIGURES + 1))
    with pytest.raises(InputError, match="more than 50,000 numbers"):
        check_figures(text)


def test_prose_with_an_ordinary_table_passes():
    table = "\n".join(" ".join(str(2000 + year + col) for col in range(12)) for year in range(20))
    text = f"Production tripled in 2023, the ministry said.\n{table}\nExports rose by 12% in 2024."
    draft = prepare_article(text, lang="en")
    assert any("12%" in claim.text for claim in draft.claims)


def test_an_article_cut_into_more_claims_than_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(article_limits, "MAX_ARTICLE_CLAIMS", 3)
    text = " ".join(f"Production rose by {n}% in 2023, the ministry said." for n in range(1, 6))
    with pytest.raises(InputError, match="at most 3"):
        prepare_article(text, lang="en")
