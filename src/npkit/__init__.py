"""npkit: everyday Nepal data (BS/AD dates, NRB exchange rates, gold prices, news).

The library API lives in submodules that are imported on first use, so
``import npkit`` stays cheap::

    from npkit import dates
    dates.ad_to_bs(datetime.date(2024, 11, 26))  # BSDate(year=2081, month=8, day=11)
"""

from __future__ import annotations

import sys
from types import ModuleType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

__version__ = "0.1.0"
"""The version of this package (semantic versioning; see docs/library.md)."""
PROJECT_URL = "https://github.com/npkit/npkit"
"""Where the project lives (named in the User-Agent of every request)."""

# name -> module: the public submodules, imported on first use. ``periods`` lives in the dates
# package; ``from npkit import periods`` keeps working as documented.
_SUBMODULES = {
    "dates": "npkit.dates",
    "days": "npkit.days",
    "periods": "npkit.dates.periods",
    "output": "npkit.output",
    "errors": "npkit.errors",
    "fx": "npkit.fx",
    "gold": "npkit.gold",
    "news": "npkit.news",
    "patro": "npkit.patro",
    "num": "npkit.num",
    "land": "npkit.land",
}

__all__ = ["PROJECT_URL", "__version__", *sorted(_SUBMODULES)]


def __getattr__(name: str) -> ModuleType:
    """Import public submodules lazily (``npkit.dates`` without importing the rest)."""
    if name in _SUBMODULES:
        __import__(_SUBMODULES[name])  # not importlib: it imports warnings (~2 ms a start)
        return sys.modules[_SUBMODULES[name]]
    raise AttributeError(f"module 'npkit' has no attribute {name!r}")


def lazy_names(package: str, names: dict[str, str]) -> Callable[[str], object]:
    """A package's ``__getattr__`` that imports each of ``names`` (public name → the module
    that defines it) on first use and keeps it on the package, so the next lookup is a plain
    one: ``npkit.dates`` without its parser, ``npkit.gold`` without valuing. (Here, as every
    npkit import has loaded this module already.)"""

    def __getattr__(name: str) -> object:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        __import__(module)  # not importlib: it imports warnings
        value = getattr(sys.modules[module], name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
