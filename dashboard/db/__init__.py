"""PostgreSQL as a team's shared store: the same tables and articles as the data folder, with who saved what.

Chosen by configuration (`PARLEY_DATABASE_URL`, or `[connections.parley] url` in Streamlit's secrets);
without it the data folder is the store. `python -m dashboard.db init|import|export` moves a data package
in and out.
"""
