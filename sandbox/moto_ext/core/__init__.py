"""Pieces shared by the service extensions: async lifecycle, eventual consistency, faults and the call log."""


def install() -> None:
    from . import consistency

    consistency.install()
