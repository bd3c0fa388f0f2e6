"""Entrypoint: page config, the reviewer's name, navigation. Run: python -m streamlit run workbench/app.py"""

import streamlit as st

from workbench import state

st.set_page_config(page_title="Claim workbench", page_icon=":material/fact_check:", layout="wide")
st.sidebar.text_input("Reviewer", key=state.REVIEWER, help="Your name is stored with every verdict and link.")
st.sidebar.caption("Single-user mode: no sign-in.")

navigation = st.navigation(
    [
        st.Page(
            "app_pages/check_article.py", title="Add article", icon=":material/post_add:", url_path="add"
        ),
        st.Page("app_pages/review_claims.py", title="Review", icon=":material/fact_check:", default=True),
        st.Page(
            "app_pages/source_library.py",
            title="Sources",
            icon=":material/library_books:",
            url_path="sources",
        ),
        st.Page(
            "app_pages/export_verdicts.py", title="Export", icon=":material/download:", url_path="export"
        ),
        st.Page(
            "app_pages/claim_trends.py", title="Trends", icon=":material/monitoring:", url_path="trends"
        ),
    ]
)
navigation.run()
