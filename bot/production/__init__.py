"""Running in production: health/readiness checks, the action server entry, shared limits.

Nothing here imports Rasa at module level, so the supervisor and the web app can use it.
"""
