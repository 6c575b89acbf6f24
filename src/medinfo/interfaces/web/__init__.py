"""The web pages: Jinja2 templates over the same services as the API."""
