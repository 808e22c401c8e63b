"""From responses to findings for the board (issue 11).

stance.py       opportunity, barrier or ask: from the question answered and the words
import_file.py  checks an emailed/survey/event file, every problem by line
importer.py     stores and tags its rows in one transaction (re-imports add nothing)
cluster.py      discovery maths (no database): clustering, c-TF-IDF labels
embeddings.py   response vectors (the tagger's encoder, float MatMuls), stored once
subthemes.py    runs that keep staff's curation; rename, merge, split, move
quotes.py       starred quotes and their redaction (audited)
report*.py      the board report's data, charts and HTML / DOCX / PDF
"""
