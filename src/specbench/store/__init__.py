"""The catalogue of spec files, one module per job:

- :mod:`~specbench.store.locations`: where the spec files and the cache are;
- :mod:`~specbench.store.files`: reading a TOML file and validating it with the schema;
- :mod:`~specbench.store.inheritance`: ``base`` entries resolved, values in canonical units;
- :mod:`~specbench.store.names`: folding names, the lookup index, names that collide;
- :mod:`~specbench.store.vendors`: vendors, their countries and the names written before chips;
- :mod:`~specbench.store.catalogue`: the validated catalogue and its lookup;
- :mod:`~specbench.store.cache`: the catalogue cached as JSON;
- :mod:`~specbench.store.load`: loading and validating, and the lint entry point.

Rules a figure must obey beyond its own schema (sparse twins, die and package areas, ...)
are in :mod:`specbench.lint`; the schema itself in :mod:`specbench.schema`.
"""

from specbench.store.catalogue import Catalogue
from specbench.store.load import is_catalogue_of_its_own, lint_paths, load, validate
from specbench.store.locations import (
    BIBLIOGRAPHY,
    added_dirs,
    bundled_dir,
    cache_dir,
    default_specs_dir,
    display_path,
    spec_files,
)
from specbench.store.names import Resolution, normalize_name

__all__ = [
    "BIBLIOGRAPHY",
    "Catalogue",
    "Resolution",
    "added_dirs",
    "bundled_dir",
    "cache_dir",
    "default_specs_dir",
    "display_path",
    "is_catalogue_of_its_own",
    "lint_paths",
    "load",
    "normalize_name",
    "spec_files",
    "validate",
]
