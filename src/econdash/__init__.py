"""econdash: a terminal dashboard for a district economy bureau's work reports.

Only the version lives here so that `import econdash` stays cheap.
"""

__version__ = "0.1.0"
