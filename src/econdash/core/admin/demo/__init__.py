"""Synthetic, clearly labelled datasets at any scale (`econdash demo-data`)."""
