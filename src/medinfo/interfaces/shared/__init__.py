"""What the JSON API and the website both need: lookups, JSON shapes, addresses, requests."""
