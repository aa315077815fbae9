"""Compiled code of the generated structuring and check functions, kept between processes.

The structuring and check functions are generated from the attrs fields and compiled on first
use (:mod:`._structure`, :mod:`._checks`). Compiling their source is most of what a first
answer pays for them, so the compiled code is kept, like a ``.pyc`` file, in the package's
``__pycache__`` folder (or nowhere, where that folder cannot be written). A kept entry holds
the source it was compiled from and is used only for exactly that source, on the same Python:
it can never be stale. Anything that goes wrong here falls back to compiling.
"""

from __future__ import annotations

import marshal
import os
import sys
from types import CodeType

__all__ = ["compiled"]

_FOLDER = os.path.join(os.path.dirname(__file__), "__pycache__")
_TAG = sys.implementation.cache_tag or "python"


def compiled(source: str, filename: str) -> CodeType:
    """``compile(source, filename, "exec")``, from the kept code when there is one.

    One entry is kept per ``filename`` (which names the generated function's class), written
    again whenever its source changes.
    """
    key = "".join(c if c.isalnum() else "-" for c in filename).strip("-")
    path = os.path.join(_FOLDER, f"generated-{key}.{_TAG}.marshal")
    try:
        with open(path, "rb") as handle:
            kept_source, kept_name, code = marshal.loads(handle.read())
        if kept_source == source and kept_name == filename and isinstance(code, CodeType):
            return code
    except (OSError, ValueError, EOFError, TypeError):
        pass
    code = compile(source, filename, "exec")
    try:
        os.makedirs(_FOLDER, exist_ok=True)
        partial = f"{path}.{os.getpid()}.tmp"
        with open(partial, "wb") as handle:
            handle.write(marshal.dumps((source, filename, code)))
        os.replace(partial, path)  # whole or not at all, across processes and threads
    except OSError:
        pass
    return code
