"""The workbench: Streamlit app, storage, exports, charts and command line."""
