"""The `medinfo` command line."""
