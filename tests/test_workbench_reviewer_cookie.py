"""The reviewer-name cookie of single-user mode: read back as written, never a way to inject markup."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from workbench.ui.reviewer_cookie import COOKIE, cookie_script, name_from_cookies


@pytest.mark.parametrize("name", ["Ana", "José Ruiz", "O'Brien; path=/x", "李雷", "a=b&c"])
def test_a_kept_name_reads_back_as_typed(name):
    # encodeURIComponent, as the page's script writes it, leaves the same characters as quote(safe=...)
    assert name_from_cookies({COOKIE: quote(name, safe="-_.!~*'()")}) == name


@pytest.mark.parametrize(
    "cookies", [{}, {COOKIE: ""}, {COOKIE: "%20%20"}, {COOKIE: quote("<script>x</script>")}, {"other": "Ana"}]
)
def test_an_absent_empty_or_markup_cookie_gives_no_name(cookies):
    assert name_from_cookies(cookies) is None


def test_a_name_too_long_for_a_save_is_not_restored():
    assert name_from_cookies({COOKIE: "a" * 5_000}) is None


@pytest.mark.parametrize("name", ["</script><script>alert(1)</script>", 'x"; document.cookie="y', "Ana"])
def test_the_script_holds_the_name_as_one_json_string_that_cannot_close_the_element(name):
    script = cookie_script(name)
    assert script.count("</script>") == 1 and script.count("<script>") == 1
    assert f"{COOKIE}=" in script and "max-age=31536000" in script


def test_an_emptied_name_removes_the_cookie():
    assert "max-age=0" in cookie_script("")
