"""The web app on WEB_PORT: the demo LEP page with the chat widget, and the staff review app."""
