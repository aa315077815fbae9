"""Reading the bundled data files.

The files are read through the package's own loader (``__loader__.get_data``, the primitive that
``importlib.resources`` itself rests on for file-system and zip-imported packages), which costs no
import at all. Where a loader has no ``get_data`` (an unusual importer), ``importlib_resources``
is imported and used instead. Importing ``importlib.resources`` up front would cost about 30 ms,
more than the rest of a first answer; see docs/performance.md.
"""

from __future__ import annotations

import os

__all__ = ["read_bundled"]

_DATA_DIR = os.path.join(os.path.dirname(__file__), "data")


def read_bundled(name: str) -> bytes:
    """The bytes of bundled data file ``name`` (a ``/``-separated path under ``data/``)."""
    get_data = getattr(globals().get("__loader__"), "get_data", None)
    if get_data is not None:
        data: bytes = get_data(os.path.join(_DATA_DIR, *name.split("/")))
        return data
    import importlib_resources  # pragma: no cover - only for importers without get_data

    return importlib_resources.files("baliprocess").joinpath("data", *name.split("/")).read_bytes()
