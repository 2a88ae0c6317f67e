from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).parent


@pytest.fixture
def example_plugin(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Install the example plugin the way pip would: a module plus a dist-info with an entry point."""
    site = tmp_path_factory.mktemp("site")
    shutil.copy(HERE / "plugin_example" / "reportlint_example_plugin.py", site)
    dist = site / "reportlint_example-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: reportlint-example\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[reportlint]\nexample = reportlint_example_plugin\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")])))
    yield site
    sys.modules.pop("reportlint_example_plugin", None)
