"""The data contract and how it is read and checked: schema, data folder, articles, dates, problems, version."""
