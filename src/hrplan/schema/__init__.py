"""The JSON Schema files shipped with hrplan."""
