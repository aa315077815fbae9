"""Test configuration: the hypothesis profiles, chosen once for the whole suite.

- ``dev`` (the default): few examples, for a quick run while working.
- ``ci`` (when the ``CI`` environment variable is set, as ``.ci/run`` runs): more examples.

Choose one by hand with ``pytest --hypothesis-profile=ci``. No test sets its own example count:
a property worth testing is worth the profile's count.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}

settings.register_profile("dev", max_examples=40, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("ci", max_examples=150, **_COMMON)  # type: ignore[arg-type]
settings.load_profile("ci" if os.environ.get("CI") else "dev")
