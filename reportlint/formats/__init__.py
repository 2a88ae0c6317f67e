"""Output formats. Each formatter turns file results into one string."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlint.formats.github import format_github
from reportlint.formats.json_format import format_json
from reportlint.formats.sarif import format_sarif
from reportlint.formats.text import format_text
from reportlint.runner import FileResult

Formatter = Callable[[Sequence[FileResult], bool], str]

FORMATS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
}
