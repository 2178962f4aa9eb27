"""One script per view, run by `st.navigation` from `dashboard/app.py`; `registry.py` lists them all."""
