"""Allow `python -m econdash`."""

from econdash.cli import main

raise SystemExit(main())
