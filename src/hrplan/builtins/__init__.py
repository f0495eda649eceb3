"""hrplan's own formats and checks, each an ordinary plugin module, one package per format.

They are registered through the same hooks as third-party plugins (see
``hrplan.plugins.BUILTIN_PLUGINS``). They import only the layers below them
(the model, time-limits, institutions, cells, decoding, options, the hook marker
and the plugin protocols), never the ``hrplan`` facade, ``hrplan.api`` or the
plugin manager; importers get vocabularies, registries and a base program from
the read context. ``docs/architecture.md`` draws the layers.
"""
