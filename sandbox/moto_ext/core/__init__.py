"""Pieces shared by the service extensions: async lifecycle and the call log."""
