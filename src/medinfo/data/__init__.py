"""Generated data shipped in the package: the embedded knowledge base and catalog."""
