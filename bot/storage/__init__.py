"""Persistence: our tables, sessions, and the queries actions and the review app share.

Knows nothing about Rasa, except `tracker_store.py` (Rasa's transcript table in our database)
and `transcripts.py` (reading it).
"""
