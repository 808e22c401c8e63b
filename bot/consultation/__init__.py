"""Consultation logic the Rasa actions call: consent, profile, answers, play-back, forget.

Plain values in and out; no Rasa imports. Storage is `bot.storage`, tagging is `bot.tagging`.
"""
