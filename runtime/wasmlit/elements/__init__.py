"""The element commands, one module per family (text, status, data, charts, media, figures,
layout, page). Each registers its commands in `registry.COMMANDS` when imported; the
package `wasmlit` imports every family, widgets' included.
"""
