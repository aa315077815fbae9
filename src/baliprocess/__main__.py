"""``python -m baliprocess``: see :mod:`baliprocess.cli`."""

import sys

from .cli import main

sys.exit(main())
