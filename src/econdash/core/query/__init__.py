"""Questions asked of a loaded dataset, answered with polars: series across periods,
the tables the sections show, search and filters, comparisons of two periods."""
