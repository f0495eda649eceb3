"""hrplan's own formats and checks, each an ordinary plugin module.

They are registered through the same hooks as third-party plugins (see
``hrplan.plugins.BUILTIN_PLUGINS``) and use only hrplan's public API.
"""
