"""Compiled patterns kept between runs give what re.compile gives, whatever the cache holds."""

from __future__ import annotations

import hashlib
from array import array

import pytest

from specbench import regexcache
from specbench.claims.tokens import Tokenizer

TEXT = "BR100的INT8算力为2048TOPS，是A100（624 TOPS）的3.3倍; the H20 has 96GB of HBM3 at 4.0 TB/s."


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and no patterns remembered in this process."""
    monkeypatch.setenv("SPECBENCH_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexcache, "_compiled", {})
    monkeypatch.setattr(regexcache, "_stored", None)
    return tmp_path


def _forget() -> None:
    regexcache._compiled.clear()
    regexcache._stored = None


def _same(pattern: str, compiled) -> None:
    expected = __import__("re").compile(pattern)
    assert (compiled.pattern, compiled.flags, compiled.groupindex) == (
        expected.pattern,
        expected.flags,
        expected.groupindex,
    )
    got = [(m.span(), m.lastgroup, m.groups()) for m in compiled.finditer(TEXT)]
    assert got == [(m.span(), m.lastgroup, m.groups()) for m in expected.finditer(TEXT)]
    assert got  # the sample text exercises the pattern


@pytest.fixture(scope="module")
def pattern() -> str:
    return Tokenizer({"br100": "biren-br100", "a100": "nvidia-a100", "h20": "nvidia-h20"}).pattern.pattern


def test_a_pattern_kept_by_one_run_is_the_same_in_the_next(fresh, pattern):
    _same(pattern, regexcache.compile(pattern))
    files = list(fresh.glob("regex-*.cache"))
    assert len(files) == 1
    _forget()
    _same(pattern, regexcache.compile(pattern))  # revived from the file


def test_a_pattern_with_flags_kept_by_one_run_is_the_same_in_the_next(fresh):
    import re

    pattern = r"(?P<chip>br100|a100)\s?(?P<unit>tflops|tops)"
    for run in ("compiled", "revived from the file"):
        kept = regexcache.compile(pattern, re.IGNORECASE)
        expected = re.compile(pattern, re.IGNORECASE)
        assert (kept.flags, kept.groupindex) == (expected.flags, expected.groupindex), run
        text = "BR100 1024 TOPS, A100 624 TOPS; a100 TFLOPS, BR100TOPS"
        got = [(m.span(), m.group("chip")) for m in kept.finditer(text)]
        assert got == [(m.span(), m.group("chip")) for m in expected.finditer(text)]
        assert [chip for _span, chip in got] == ["a100", "BR100"]  # matched with the case ignored
        assert regexcache.compile(pattern) is not kept  # without the flag, another pattern
        _forget()


@pytest.mark.parametrize(
    "content",
    [
        "not a cache file",  # no checksum line
        [1, 2, 3],  # the rest are whole, with a valid checksum, but not what this version writes
        {"format": 1, "patterns": "x"},
        {"format": regexcache._FORMAT, "patterns": {"k": [0, "not bytes", 0, {}, [None]]}},
        {"format": regexcache._FORMAT, "patterns": {"k": [0, b"odd", 0, {}, [None]]}},
        "BAD-CODE",  # replaced below by a well-formed file holding code the engine rejects
        "NOT-MARSHAL",  # a valid checksum of bytes that do not load
        "[" * 100_000,
    ],
)
def test_a_damaged_cache_is_compiled_afresh(fresh, pattern, content):
    from specbench import cachefile

    regexcache.compile(pattern)
    (path,) = fresh.glob("regex-*.cache")
    if content == "BAD-CODE":  # whole, with a valid checksum, but code the engine must reject
        data = cachefile.read(path, 1 << 30)
        bad = array(regexcache._code_type(), [1, 2, 3, 999, 5]).tobytes()
        for entry in data["patterns"].values():
            entry[1] = bad
        cachefile.write(path, data)
    elif content == "NOT-MARSHAL":
        body = b"\xff\x00 not marshal"
        path.write_bytes(cachefile._MAGIC + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    elif isinstance(content, str):
        path.write_text(content)
    else:
        cachefile.write(path, content)
    _forget()
    _same(pattern, regexcache.compile(pattern))


@pytest.mark.parametrize("content", [None, "not a cache file", {"key": "x"}, {"key": 1, "tables": 2}])
def test_the_lexicon_is_the_same_from_its_data_files_or_a_cache_in_any_state(fresh, content):
    from specbench import cachefile
    from specbench.claims import lexicon

    folder = lexicon._DATA
    parsed = lexicon._parse({n: (folder / n).read_text(encoding="utf-8") for n in (*lexicon._TOML, "traditional.txt")})
    lexicon.load.cache_clear()
    lexicon.load()  # writes the cache
    if isinstance(content, str):
        (fresh / "lexicon.cache").write_text(content)
    elif content is not None:
        cachefile.write(fresh / "lexicon.cache", content)
    lexicon.load.cache_clear()
    try:
        loaded = lexicon.load()
    finally:
        lexicon.load.cache_clear()
    assert (loaded.tables, loaded.traditional) == (parsed.tables, parsed.traditional)
    assert parsed.table("precisions") and len(parsed.traditional) > 1000


@pytest.mark.parametrize("damage", [None, [1, 2], ["x", "y", "z"], [["a"], "2", True], [None, 0, "no"]])
def test_the_shape_of_a_rule_is_the_same_from_the_cache_in_any_state(fresh, damage):
    from specbench.claims import tokens

    names = {"br100": "biren-br100", "a100": "nvidia-a100", "h20": "nvidia-h20"}
    tokens._shape.cache_clear()
    first = Tokenizer(names).pattern.pattern
    (path,) = fresh.glob("regex-*.cache")
    from specbench import cachefile

    data = cachefile.read(path, 1 << 30)
    shapes = [key for key in data["patterns"] if key.startswith("shape:")]
    assert shapes  # the parse of each rule was kept
    if damage is not None:
        for key in shapes:
            data["patterns"][key] = damage
        cachefile.write(path, data)
    _forget()
    tokens._shape.cache_clear()
    assert Tokenizer(names).pattern.pattern == first


@pytest.mark.parametrize("damage", [None, 7, ["(?:a|b)"], {"x": 1}])
def test_a_trie_kept_between_runs_is_the_trie_built_afresh(fresh, damage):
    import re

    from specbench import cachefile
    from specbench.claims import tokens

    words = [f"br{n}" for n in range(tokens.TRIE_KEPT + 8)] + ["曦云c500", "s4000"]
    built = tokens._trie(words, tokens.NAME_SEPARATOR)
    assert tokens.trie_pattern(words, tokens.NAME_SEPARATOR) == built
    regexcache.compile("kept with the next pattern")
    (path,) = fresh.glob("regex-*.cache")
    data = cachefile.read(path, 1 << 30)
    tries = [key for key in data["patterns"] if key.startswith("trie:")]
    assert len(tries) == 1
    if damage is not None:
        data["patterns"][tries[0]] = damage
        cachefile.write(path, data)
    _forget()
    kept = tokens.trie_pattern(words, tokens.NAME_SEPARATOR)
    assert kept == built
    assert all(re.fullmatch(kept, word) for word in words)
    assert re.fullmatch(kept, "br-1") and not re.fullmatch(kept, "br")


def test_entries_of_other_runs_are_dropped_when_the_file_grows_large(fresh, monkeypatch):
    from specbench import cachefile

    regexcache.compile("kept")
    (path,) = fresh.glob("regex-*.cache")
    data = cachefile.read(path, 1 << 30)
    stale = {f"old{n}": [0, "A" * 1000, 0, {}, [None]] for n in range(5)}
    cachefile.write(path, {**data, "patterns": {**data["patterns"], **stale}})
    _forget()
    monkeypatch.setattr(regexcache, "_used", set())
    monkeypatch.setattr(regexcache, "MAX_KEPT_BYTES", 10_000)
    regexcache.compile("kept")
    regexcache.compile("new")  # saves: five stale kilobytes are within the limit
    assert set(stale) <= set(cachefile.read(path, 1 << 30)["patterns"])
    monkeypatch.setattr(regexcache, "MAX_KEPT_BYTES", 2_000)
    regexcache.compile("newer")  # saves: beyond the limit, what this run did not use goes
    kept = cachefile.read(path, 1 << 30)["patterns"]
    assert not set(stale) & set(kept)
    assert len(kept) == 3  # kept, new, newer
    _forget()
    assert regexcache.compile("kept").pattern == "kept"


def test_a_value_worked_out_by_other_code_is_worked_out_afresh(fresh, tmp_path):
    """A kept trie or shape is the work of the code that computed it: once that code changes (an
    upgrade, an edit), the value it gives now is the one used, not the one kept."""
    import importlib.util

    source = tmp_path / "producer.py"

    def load():
        spec = importlib.util.spec_from_file_location("producer", source)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    def write(body: str) -> None:
        source.write_text(f"calls = []\n\ndef compute():\n    calls.append(1)\n    return {body!r}\n", encoding="utf-8")
        regexcache._stamp.cache_clear()

    def valid(value) -> bool:
        return isinstance(value, str)

    write("(?:ab|a)")
    first = load()
    assert regexcache.remember("trie", "a ab", first.compute, valid) == "(?:ab|a)"
    assert first.calls == [1]
    regexcache.compile("kept with the next pattern")
    _forget()
    same = load()  # the same code in the next run: the kept value, not computed again
    assert regexcache.remember("trie", "a ab", same.compute, valid) == "(?:ab|a)"
    assert same.calls == []
    write("(?:a(?:b|))")  # the same words, rendered by changed code
    _forget()
    changed = load()
    assert regexcache.remember("trie", "a ab", changed.compute, valid) == "(?:a(?:b|))"
    assert changed.calls == [1]
