"""What leaves a dataset: exports (CSV, XLSX, Markdown), the JSON dump, `check`'s text."""
