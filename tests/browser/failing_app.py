"""An app that fails, run with Parley's own .streamlit/config.toml to show what a viewer sees when code fails."""

import streamlit as st

st.title("A view that fails")
raise RuntimeError("/srv/parley/data/events.csv: secret detail that must stay in the server log")
