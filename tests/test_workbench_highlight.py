"""Claims are highlighted from spans and the article's own text is never markup."""

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.domain.textsafe import html_text
from workbench.outputs.highlight import Mark, highlight_html


def test_article_markup_is_escaped_inside_and_outside_marks():
    text = "<script>x</script> Production <b>tripled</b>."
    out = highlight_html(text, [Mark(19, len(text), 1)])
    assert "<script>" not in out and "<b>" not in out
    assert out.startswith("&lt;script&gt;x&lt;/script&gt; <mark")


def test_overlapping_claims_split_at_boundaries_and_the_selected_one_wins():
    text = "abcdefghij"
    out = highlight_html(text, [Mark(0, 6, 1), Mark(4, 10, 2, selected=True)])
    assert out.count("<mark") == 3
    assert 'data-claim="2"' in out.split("</mark>")[1]
    assert "outline" in out


def test_spans_outside_the_text_are_ignored():
    assert highlight_html("abc", [Mark(2, 9, 1), Mark(-1, 2, 2)]) == "abc"


def _mark(span, claim_id, selected, figures) -> Mark:
    return Mark(span[0], span[1], claim_id, "new", selected, tuple(tuple(f) for f in figures))


def _reference(text: str, marks) -> str:
    """The first, quadratic highlighter (each segment searched every mark): the sweep must agree with it."""
    from itertools import pairwise

    from workbench.outputs.highlight import _wrap

    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    claim_edges = {0, len(text), *(m.start for m in valid), *(m.end for m in valid)}
    inside = {m: [(a, b) for a, b in m.figures if m.start <= a < b <= m.end] for m in valid}
    edges = claim_edges | {p for m in valid for a, b in inside[m] for p in (a, b)}
    runs = []
    for start, end in pairwise(sorted(edges)):
        segment = html_text(text[start:end])  # as the app writes text
        covering = [m for m in valid if m.start <= start and end <= m.end]
        mark = next((m for m in covering if m.selected), covering[0]) if covering else None
        if mark and any(a <= start and end <= b for a, b in inside[mark]):
            segment = f'<strong class="figure">{segment}</strong>'
        if runs and start not in claim_edges:
            runs[-1] = (mark, runs[-1][1] + segment)
        else:
            runs.append((mark, segment))
    return "".join(_wrap(mark, inner) for mark, inner in runs)


_SPAN = st.tuples(st.integers(0, 40), st.integers(0, 40)).map(sorted)


@given(
    text=st.text(alphabet="ab <&>\n", min_size=0, max_size=40),
    marks=st.lists(
        st.builds(_mark, _SPAN, st.integers(1, 5), st.booleans(), st.lists(_SPAN, max_size=3)),
        max_size=6,
    ),
)
@settings(max_examples=300, deadline=None)
def test_the_linear_sweep_marks_exactly_what_the_quadratic_search_marked(text, marks):
    assert highlight_html(text, marks) == _reference(text, marks)


def test_a_twenty_thousand_claim_article_is_marked_claim_by_claim():
    sentence = "Production rose by 12% in 2023. "
    text = sentence * 20_000
    marks = [Mark(i * len(sentence), (i + 1) * len(sentence) - 1, i + 1, figures=((i * len(sentence) + 19,
             i * len(sentence) + 22),)) for i in range(20_000)]  # fmt: skip
    out = highlight_html(text, marks)
    assert out.count("<mark") == 20_000 and out.count('<strong class="figure">12%</strong>') == 20_000
