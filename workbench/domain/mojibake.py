"""Article text decoded with the wrong encoding ("Ã©" for "é", "â€™" for "’"): repaired before it is read.

Mojibake hides dates, verbs and figures from the claim engine ("15 dÃ©cembre", "a triplÃ©"), so claims
would be lost without a word. ftfy's encoding fix undoes it; its other fixes (quotes, widths, line
breaks) are left out, so a text without mojibake is stored exactly as given.
"""

from __future__ import annotations

import ftfy


def repair_mojibake(text: str) -> tuple[str, str | None]:
    r"""``text`` with its mojibake repaired, and what the reviewer is told of it (None when nothing changed).

    >>> text, note = repair_mojibake("La production a triplÃ© en 2023.")
    >>> text, note.split(":")[1]
    ('La production a triplé en 2023.', ' 1 line changed. The repaired text is the one stored.')
    >>> repair_mojibake("Le coût : 5 € « vraiment ».")
    ('Le coût : 5 € « vraiment ».', None)
    >>> repair_mojibake("\x85")  # a control character, not mojibake
    ('\x85', None)
    """
    found = ftfy.fix_encoding_and_explain(text)
    repaired = found.text
    # Only UTF-8 read as a one-byte encoding is repaired: a lone C1 control ("\x85") read as Windows-1252
    # ("…") is a guess, and control characters are removed later anyway.
    if repaired == text or not any(
        step[0] == "decode" and step[1].startswith("utf-8") for step in found.explanation
    ):
        return text, None
    # split on line feeds only: a repaired character's bytes may hold NEL (\x85), a line break to splitlines
    changed = sum(a != b for a, b in zip(text.split("\n"), repaired.split("\n"), strict=False))
    lines = f"{changed:,} line{'s' if changed != 1 else ''}"
    return repaired, (
        f'The text was mis-encoded (such as "Ã©" for "é") and was repaired before it was read: {lines} '
        "changed. The repaired text is the one stored."
    )
