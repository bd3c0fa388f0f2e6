"""The one path for third-party and reviewer text: normalised before any markup check, inert when shown.

Every page and panel shows stored text (articles, claims, source titles, quotes, rationales, names) through
``inert``: Markdown and HTML in it render as the characters typed, never as an image, link or markup.
Links appear only where the app builds them (``safe_link``), and only to http(s) addresses.
"""

from __future__ import annotations

import json
import re
import unicodedata
from urllib.parse import urlsplit

# C0 controls except tab, line feed and carriage return; DEL; C1 controls. Never meaningful in text a
# reviewer reads, and a way to split a keyword ("<scr\x01ipt>") past a check that runs before removal.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Invisible format characters (zero-width space and joiners, bidi controls, BOM): kept in stored text
# (some scripts need the joiners) but removed from the copy the markup check reads.
_INVISIBLE = re.compile(r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")

# Active markup has no place in stored text: a paste of a page's source, or an attempt to run code in
# another reviewer's browser. Letters of a scheme may be split by whitespace (browsers drop it there).
_SCHEMES = ("javascript", "vbscript", "livescript")
_SCHEME = r"(?:{})\s*:".format("|".join(r"\s*".join(word) for word in _SCHEMES))
_ACTIVE_MARKUP = re.compile(
    r"""
      <\s*/?\s*(?:script|iframe|frame|object|embed|applet|style|svg|math|img|image|link|meta|form|base)\b
    | """
    + _SCHEME
    + r"""
    | data\s*:\s*(?:text/html|image/svg|application/(?:x-)?javascript)   # a document or script as a URL
    | <[a-z][^>]*?[\s/"']on[a-z]{3,20}\s*=                                 # an event handler in a tag
    | \bon[a-z]{3,20}\s*=\s*["']                                           # ... or in a fragment of one
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Markdown read into stored text, escaped with a backslash (CommonMark allows it before any punctuation):
_INLINE = re.compile(r"""([\\`*_\[\]<>~|$&{}])""")  # emphasis, code, links and images, HTML, tables, math
_DIRECTIVE = re.compile(r":(?=[A-Za-z/])")  # Streamlit's :red[...], :material/icon: and :emoji: shortcodes
# Line starts that open a block: heading, list, quote, setext underline, ordered list ("1." or "1)").
_BLOCK_START = re.compile(r"(?m)^([ \t]*)(?:([#+\-=])|(\d{1,9})([.)]))")
# A bare address is turned into a link by GitHub-flavoured Markdown's autolinks even when escaped: a word
# joiner (invisible) after the scheme's letters, "www" and before an e-mail's "@" breaks the pattern.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|www)(?=[:.])|(?<=\w)(?=@\w)")
_WORD_JOINER = "\u2060"
# Indentation opens a code block (a tab, or four spaces, at a line's start): shown as the characters
# typed instead, since a character reference is never read as indentation.
_INDENT = re.compile(r"(?m)^[ \t]+")


def strip_controls(text: str) -> str:
    """``text`` without control characters (tab and line breaks kept).

    >>> strip_controls("a\\x00b\\x07c\\n")
    'abc\\n'
    """
    return _CONTROL.sub("", text)


def markup_view(text: str) -> str:
    """The copy of ``text`` the markup check reads: NFKC (fullwidth ＜ is <), no controls, no invisibles.

    >>> markup_view("<scr\\x01ipt>") == "<script>" and markup_view("\\uff1cscript\\uff1e") == "<script>"
    True
    """
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", strip_controls(text)))


def active_markup(text: str) -> str | None:
    """The first piece of active markup (script, frame, event handler, javascript: URL) in ``text``, or None.

    >>> active_markup("java\\x01script:alert(1)"), active_markup("growth < 5 % and > 2 %")
    ('javascript:', None)
    """
    found = _ACTIVE_MARKUP.search(markup_view(text))
    return found.group(0) if found else None


def inert(text: object) -> str:
    """``text`` escaped for ``st.markdown``/``st.caption``/alerts: shown as typed, nothing in it active.

    >>> inert("![b](http://h/x.png) *x*") == "!\\\\[b\\\\](http\u2060\\\\://h/x.png) \\\\*x\\\\*"
    True
    >>> inert("Sign-in failed: 3 tries.")
    'Sign-in failed: 3 tries.'
    >>> inert("\\t=cmd")  # a tab at a line start would open a code block
    '&#9;\\\\=cmd'
    """
    value = strip_controls("" if text is None else str(text))
    value = _AUTOLINK.sub(lambda m: (m.group(1) or "") + _WORD_JOINER, value)
    value = _INLINE.sub(r"\\\1", value)
    value = _DIRECTIVE.sub(r"\\:", value)
    value = _BLOCK_START.sub(_escape_block, value)
    return _INDENT.sub(lambda m: m.group().replace(" ", "&#32;").replace("\t", "&#9;"), value)


def _escape_block(match: re.Match) -> str:
    indent, marker, number, dot = match.groups()
    return f"{indent}\\{marker}" if marker else f"{indent}{number}\\{dot}"


# HTML escapes, plus line breaks and Markdown's link and emphasis characters as numeric references: text
# with no literal line break stays inside the HTML block it is embedded in, where Markdown never runs.
_HTML_TEXT = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", "\n": "&#10;", "\r": "",
     **{ch: f"&#{ord(ch)};" for ch in "[]()!*_`~$:\\|#"}}
)  # fmt: skip


def html_text(text: object) -> str:
    """``text`` as HTML character data for ``st.markdown(..., unsafe_allow_html=True)``: nothing in it is
    markup, Markdown or a line break that would end the HTML block.

    >>> html_text("![b](http://h/x.png)\\n\\n<b>")
    '&#33;&#91;b&#93;&#40;http&#58;//h/x.png&#41;&#10;&#10;&lt;b&gt;'
    """
    return strip_controls("" if text is None else str(text)).translate(_HTML_TEXT)


def safe_link(url: object) -> str | None:
    """``url`` when it is an http(s) address with a host (the only links the app builds), else None.

    >>> safe_link("https://example.org/a"), safe_link("javascript:alert(1)"), safe_link(" JaVa\\tscript:x")
    ('https://example.org/a', None, None)
    """
    value = strip_controls(str(url or "")).strip()
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or active_markup(value):
        return None
    return value


def json_for_html(value: object, **options: object) -> str:
    """JSON text safe inside ``<script type="application/ld+json">``: no ``</script>``, ``<!--`` or ``&``.

    >>> json_for_html({"a": "</script><!--"})
    '{"a": "\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(value, ensure_ascii=False, **options)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):  # fmt: skip
        text = text.replace(raw, escaped)
    return text
