"""Rasa custom actions: one module per conversational job, each a few lines over `bot/`.

Loaded by `rasa run actions --actions actions`.
"""
