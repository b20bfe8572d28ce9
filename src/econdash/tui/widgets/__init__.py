"""Reusable Textual widgets for econdash."""
