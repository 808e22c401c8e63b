"""Findings for the board: sub-themes within a theme, starred quotes, and the report.

    cluster.py      discovery maths (no database): clustering, c-TF-IDF labels
    embeddings.py   response vectors from the tagger's encoder, stored once
    subthemes.py    runs that keep staff's curation; rename, merge, split, move
    quotes.py       starred quotes and their redaction (audited)
    report*.py      the board report's data, charts and HTML / DOCX / PDF
"""
