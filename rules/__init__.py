"""reportlint's built-in rules, installed as the package ``reportlint_rules``.

They are an ordinary plugin: ``plugin.py`` implements the same pluggy hook a
third-party plugin does and is registered through the ``reportlint``
entry-point group.
"""
