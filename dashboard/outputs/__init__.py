"""What a view hands to a reader: figures, highlighted articles, citations, export formats, the brief."""
