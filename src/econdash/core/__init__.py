"""The core: everything econdash knows and does without a terminal interface.

It never imports Textual or `econdash.tui` (an import-linter contract in
pyproject.toml checks this). Layers, each importing only those below it:

    output/ admin/   what leaves or changes a dataset: export, dump, check; import, init,
                     new-period, demo data
    startup          what the first frame shows (the overview snapshot), and the load
                     on its own thread
    query/           questions asked of loaded data: series, tables, filters, compare
    loaders/         files → the model, every problem located
    model/           frozen dataclasses and polars frames

beside small shared modules (errors, paths, settings, i18n, formatting, safetext,
fs, cache, jsondata, watch). Package `__init__`s import nothing: the load runs on a
thread while the interface imports, and package imports that pulled in submodules
could deadlock the two. Modules the first frame needs import polars only inside
functions (see startup.py).
"""
