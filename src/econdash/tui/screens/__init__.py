"""One screen per dashboard section, plus help, details and the problems screen."""
