"""Hook specifications: the whole plugin API of reportlint.

A plugin is a module (or object) with ``@hookimpl`` functions, registered
through the ``reportlint`` entry-point group, or named in config
(``plugins = ["my_module"]``). The built-in rules use the same hooks.
"""

from __future__ import annotations

import pluggy

from reportlint.rule import Rule

PROJECT = "reportlint"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def reportlint_rules() -> list[type[Rule]]:  # type: ignore[empty-body]
    """Return the rule classes this plugin provides.

    Import rule modules inside the hook so that start-up stays fast. Each rule
    class needs a unique ``code`` (e.g. ``XY101``) and kebab-case ``name``.
    """
