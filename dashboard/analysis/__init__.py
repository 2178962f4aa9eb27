"""Questions asked of a loaded dataset: filters, queries, readable descriptions. Pure pandas."""
