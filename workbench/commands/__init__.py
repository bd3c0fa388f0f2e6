"""The command line (python -m workbench ...): parse arguments, call the desk, print."""
