"""The examples in the package's docstrings run, against the package as installed.

(``pytest --doctest-modules`` on ``src/`` would import a second copy of the package when it is
installed normally rather than in editable mode; this walks the imported package instead.)
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import baliprocess

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(baliprocess.__path__, prefix="baliprocess.")
    if not info.name.endswith("__main__")
)


def test_every_module_is_found() -> None:
    assert "baliprocess._normalize" in MODULES
    assert "baliprocess.models.meetings" in MODULES


@pytest.mark.parametrize("name", ["baliprocess", *MODULES])
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"
