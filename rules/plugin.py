"""The built-in rules, served through the ``reportlint_rules`` hook like any plugin's."""

from __future__ import annotations

from reportlint.hookspecs import hookimpl
from reportlint.rule import Rule


@hookimpl
def reportlint_rules() -> list[type[Rule]]:
    # Imported inside the hook so that merely loading plugins stays cheap.
    from .duplicated_text import DuplicatedText
    from .empty_slogan import EmptySlogan
    from .inconsistent_total import InconsistentTotal
    from .placeholder import Placeholder
    from .section_numbering import SectionNumbering

    return [Placeholder, DuplicatedText, EmptySlogan, InconsistentTotal, SectionNumbering]
