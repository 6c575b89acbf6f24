"""Use cases over the domain and the store: ingest, search, safety, qa, reviews."""
