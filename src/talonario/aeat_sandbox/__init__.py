"""The built-in stand-in for AEAT's VERI*FACTU web service (see app.py)."""

from talonario.aeat_sandbox.app import create_sandbox_app

__all__ = ["create_sandbox_app"]
