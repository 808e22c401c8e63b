"""Rasa custom input channels (the only Rasa-aware code outside actions/ and the Rasa files)."""
