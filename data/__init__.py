"""The datasets bundled with econdash, installed as the package `econdash.data`.

- `default/`: the seed report (区经信局2022年上半年工作总结), opened when a person has
  no dataset of their own.
- `examples/`: example datasets (`econdash --example NAME`).

This file only makes the folder a package, so both `pip install .` and an
editable install find it (pyproject.toml maps `econdash.data` to this folder).
"""
