"""Changing the data: adding articles, reviewing proposals into records, saving them safely, and who may."""
