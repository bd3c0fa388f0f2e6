"""Imported by the bulk ingestion's forkserver before it forks worker processes (``set_forkserver_preload``).

The claim engine loads its models and compiles its patterns on first use, about a second of CPU; done
here once, every worker forked from this process starts with them (copy-on-write) instead of each
worker paying for them again.
"""

from __future__ import annotations

from workbench.desk.ingest import prepare_article

# one article per language the engine reads, with the figures, dates, attribution and a quote that
# wake each part of it; the language of the last is detected (the identifier is loaded too)
SAMPLES = (
    (
        "The ministry said on 12 May 2023 that unemployment rose by 4% to 3.2 million people, "
        "its highest level since 1985. “Exports fell by 12 billion euros last year,” the minister said.",
        "en",
    ),
    (
        "Selon l'Insee, le chômage a baissé de 5 % en 2022, soit 120 000 personnes de moins, le 3 mars. "
        "« La production a triplé depuis janvier », a déclaré la ministre.",
        None,
    ),
)


def warm_up() -> None:
    """Run the engine once on each sample (nothing is stored)."""
    for text, lang in SAMPLES:
        try:
            prepare_article(text, lang=lang)
        except Exception:  # only a head start: a worker meets the same error on its own article
            return


warm_up()
