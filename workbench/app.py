"""Entrypoint: config, sign-in gate, who works, navigation. Run: python -m streamlit run workbench/app.py"""

import streamlit as st

from workbench.domain.auth import User
from workbench.ui import run_marker, signin


def pages(user: User | None) -> list[st.Page]:
    """The app's pages for ``user`` (None: single-user mode, or signed out: every page)."""
    return [
        st.Page(
            "app_pages/check_article.py", title="Add article", icon=":material/post_add:", url_path="add"
        ),
        st.Page("app_pages/review_claims.py", title="Review", icon=":material/fact_check:", default=True),
        st.Page("app_pages/review_queue.py", title="Queue", icon=":material/checklist:", url_path="queue"),
        st.Page(
            "app_pages/source_library.py",
            title="Sources",
            icon=":material/library_books:",
            url_path="sources",
        ),
        st.Page(
            "app_pages/export_verdicts.py", title="Export", icon=":material/download:", url_path="export"
        ),
        st.Page("app_pages/claim_trends.py", title="Trends", icon=":material/monitoring:", url_path="trends"),
        *signin.editor_pages(user),  # Desk settings, for editors and admins
    ]


st.set_page_config(page_title="Claim workbench", page_icon=":material/fact_check:", layout="wide")
run_marker.mark_run()  # first, so that a page that stops early still shows its run
# sign-in mode: a signed-out browser stops here, at the sign-in form, still on the page it asked for
user = signin.gate(pages(None))
signin.render_sidebar(user)
shown = pages(user)
current = st.navigation(shown)
signin.return_to_asked_page(shown, current)  # with OIDC the provider sends the browser back to the root
current.run()
