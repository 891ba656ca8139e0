"""The XML and JSON schemas of everything billdiff writes, shipped inside the package."""
