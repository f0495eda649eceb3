"""The version of hrplan, in one place (the facade and the plugin manager both read it)."""

__version__ = "0.1.0.dev0"
