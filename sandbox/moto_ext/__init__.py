"""Extensions of moto (pinned version, see requirements-test.txt), one subpackage per service.

Each subpackage is written the way an upstream moto contribution would be: its
``models.py`` subclasses moto's backend (new methods, fixed behaviour), its
``responses.py`` subclasses moto's response class (new handlers) and its
``urls.py`` lists moto's url paths plus the new ones. Its ``__init__.py``
defines ``install()``, which makes moto's ``BackendDict`` build the subclass,
so every part of moto (and the other extensions) gets the extended backend.

:func:`install` runs them all; the server calls it before any backend exists.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any


def use_backend(backend_dict: Any, backend_class: type) -> None:
    """Make ``backend_dict`` (a moto BackendDict) create ``backend_class`` from now on.

    Moto builds a backend lazily per account and region from ``BackendDict.backend``,
    and derives the url module from the backend class's module, so swapping the
    class is all it takes for both models and routes.
    """
    if not issubclass(backend_class, backend_dict.backend):
        raise TypeError(f"{backend_class.__name__} does not extend {backend_dict.backend.__name__}")
    backend_dict.backend = backend_class


def install() -> list[str]:
    """Install every extension; returns their names."""
    installed = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        extension = importlib.import_module(f"{__name__}.{module.name}")
        if hasattr(extension, "install"):
            extension.install()
            installed.append(module.name)
    return installed
