"""Claims are highlighted from spans and the article's own text is never markup."""

from workbench.highlight import Mark, highlight_html


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
