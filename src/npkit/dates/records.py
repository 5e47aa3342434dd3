"""The date record: a BS date (one day in both calendars, with every field: ``npkit.days``).

Built on ``namedtuple`` rather than dataclasses: importing ``dataclasses`` (it imports
``inspect``) would cost ``npkit date convert`` more time than the conversion itself.
``BSDate`` lives beside the month table it checks against (``npkit.dates.convert``).
"""

from __future__ import annotations

from npkit.dates.convert import BSDate

__all__ = ["BSDate"]
