"""Reading and driving the Review page in AppTest: which claim the panel shows, and its widgets' keys."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

CLAIM_PICKER = "review.claim_picker."


def claim_picker(at: AppTest):
    """The "Claim" picker (its key names the claim it was drawn for)."""
    (picker,) = [s for s in at.selectbox if str(s.key or "").startswith(CLAIM_PICKER)]
    return picker


def shown_claim(at: AppTest) -> int:
    """The id of the claim the panel shows."""
    return claim_picker(at).value


def open_claim(at: AppTest, claim_id: int) -> AppTest:
    """Choose ``claim_id`` in the picker, as a reviewer would, and rerun."""
    return claim_picker(at).set_value(claim_id).run()


def panel_key(at: AppTest, name: str) -> str:
    """The key of the panel widget ``name`` for the claim on screen (keys are per claim)."""
    return f"claim.{shown_claim(at)}.{name}"
