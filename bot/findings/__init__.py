"""From responses to findings (issue 11): stance, importing other responses, and more."""
