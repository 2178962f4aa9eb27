"""Records from the world's agreement datasets: PA-X and the UCDP Peace Agreement Dataset.

`python -m dashboard.importers pax FILE.csv --version 10` (or `ucdp`) reads a researcher's download, turns each
agreement into an `agreement_signed` event that cites its dataset row, and saves them through the configured
store as one save. `layout.py` says what a dataset's file holds, `pax.py` and `ucdp.py` are the two layouts,
`reading.py` reads a file row by row, `parties.py` links the names the registry or the gazetteer knows,
`plan.py` turns rows into one change (new records, or updates of earlier imports), `run.py` saves it.
"""
