"""Talonario: an open-source, self-hostable VERI*FACTU invoicing API for Spain."""

__version__ = "0.1.0"
