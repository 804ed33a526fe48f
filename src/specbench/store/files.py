"""Reading spec files: TOML to dictionaries, validated with the schema; pydantic's errors turned
into problems that name the file and the field as the TOML writes it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from specbench.errors import Problem
from specbench.model import Source
from specbench.store.locations import display_path


def read_toml(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    import tomllib

    shown = display_path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SPEC_BYTES + 1)
        if len(data) > MAX_SPEC_BYTES:
            return None, [Problem(shown, "", f"larger than {MAX_SPEC_BYTES // 1_000_000} MB: not a spec file")]
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, "", f"not UTF-8 text (byte {exc.start})")]
    except OSError as exc:
        return None, [Problem(shown, "", f"cannot read: {exc.strerror}")]
    try:
        return tomllib.loads(text), []
    except tomllib.TOMLDecodeError as exc:
        return None, [Problem(shown, "", f"invalid TOML: {exc}")]
    except ValueError as exc:  # an integer of more than 4,300 digits
        return None, [Problem(shown, "", f"invalid TOML: {str(exc).split(';')[0]}")]
    except RecursionError:
        return None, [Problem(shown, "", "invalid TOML: arrays or tables nested too deeply")]


MAX_SPEC_BYTES = 1_000_000  # the largest spec file is a few kilobytes


def validate_sources(raw: dict[str, Any], shown: str) -> tuple[dict[str, Source], list[Problem]]:
    from pydantic import ValidationError

    from specbench.schema import SourceSpec

    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    for key, entry in raw.items():
        if not isinstance(entry, dict):
            problems.append(Problem(shown, key, f"{entry!r} should be a table of source fields"))
            continue
        try:
            spec = SourceSpec.model_validate(entry)
        except ValidationError as exc:
            problems += _problems(exc, shown, entry, prefix=(key,))
            continue
        sources[key] = Source(key=key, **spec.model_dump())
    return sources, problems


def validate_spec(raw: dict[str, Any], shown: str, schema: Any) -> tuple[Any, list[Problem]]:
    from pydantic import ValidationError

    try:
        return schema.SpecFile.model_validate(raw), []
    except ValidationError as exc:
        return None, _problems(exc, shown, raw)


def _problems(exc: Any, shown: str, raw: dict[str, Any], prefix: tuple[Any, ...] = ()) -> list[Problem]:
    """Turn pydantic's errors into Problems with TOML-style field paths."""
    problems = []
    for error in exc.errors():
        loc = list(error["loc"])
        path = _field_path(prefix + tuple(loc), raw, len(prefix))
        kind = error["type"]
        message = error["msg"].removeprefix("Value error, ")
        if kind == "missing":
            message = "required field is missing"
        elif kind == "extra_forbidden":
            message = f"unknown field (value {error['input']!r}); see the spec format in the README"
        elif kind != "value_error":
            message = f"{error['input']!r}: {message}"
        problems.append(Problem(shown, path, message))
    return problems


def _field_path(loc: tuple[Any, ...], raw: dict[str, Any], skip: int) -> str:
    parts: list[str] = []
    node: Any = raw
    for i, part in enumerate(loc):
        if i >= skip:
            if isinstance(part, int):
                # `[tdp]` written as one table is wrapped into a list; do not show [0].
                if isinstance(node, list):
                    parts.append(f"[{part}]")
            else:
                parts.append(("." if parts else "") + str(part))
        if isinstance(node, dict):
            node = node.get(part) if i >= skip else node
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
    return "".join(parts)
