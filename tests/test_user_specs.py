"""A user's own spec folder adds to the bundled catalogue, and names never resolve to two entries."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from specbench.cli import app
from specbench.store import load, validate

from .conftest import SPECS, USER_SOURCES

runner = CliRunner()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SPECBENCH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SPECBENCH_USER_SPECS", raising=False)


def test_a_user_folder_adds_to_the_bundled_catalogue(user_folder, cache):
    folder = user_folder()
    catalogue = load(add=[folder])
    assert catalogue.get("acme x1").id == "acme-x1"
    assert catalogue.get("A100").family == "A100"  # the bundled entries are all still there
    assert len(catalogue.chips) == len(load().chips) + 1


def test_the_environment_variable_names_the_user_folder_for_every_command(user_folder, cache, monkeypatch):
    folder = user_folder()
    monkeypatch.setenv("SPECBENCH_USER_SPECS", str(folder))
    result = runner.invoke(app, ["compare", "Acme X1", "A100"])
    assert result.exit_code == 0, result.output
    assert "| BF16 · matrix" in result.output and "Acme X1" in result.output
    assert "0.32x" in result.output  # 100 / 312, the A100's dense BF16


def test_the_add_specs_option_adds_a_folder(user_folder, cache):
    folder = user_folder()
    result = runner.invoke(app, ["show", "X1", "--add-specs", str(folder)])
    assert result.exit_code == 0, result.output
    assert "Acme X1" in result.output
    alone = runner.invoke(app, ["show", "X1"])  # not in the bundled catalogue
    assert alone.exit_code == 1 and "unknown chip 'X1'" in alone.output


def test_lint_checks_the_user_folder_with_the_catalogue_it_adds_to(user_folder, cache, monkeypatch):
    folder = user_folder(aliases='["A100"]')  # would take the A100 family's name
    monkeypatch.setenv("SPECBENCH_USER_SPECS", str(folder))
    for args in (["lint"], ["lint", str(folder)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output
        assert "acme-x1.toml: aliases: 'A100' is the name of the A100 family" in result.output
    monkeypatch.delenv("SPECBENCH_USER_SPECS")
    assert runner.invoke(app, ["compare", "A100", "H20", "--add-specs", str(folder)]).exit_code == 1


def test_an_entry_may_not_take_the_id_of_a_bundled_one(user_folder, cache):
    folder = user_folder()
    (folder / "nvidia-h20.toml").write_text((SPECS / "nvidia-h20.toml").read_text(encoding="utf-8"), encoding="utf-8")
    _catalogue, problems = validate(SPECS, [folder])
    assert any(p.field == "id" and "'nvidia-h20' is also used by" in p.message for p in problems), problems


def test_a_source_key_may_not_be_defined_twice(user_folder, cache):
    folder = user_folder(
        sources=USER_SOURCES + '\n[NV-A1]\ntitle = "x"\npublisher = "x"\ndate = "2020"\n'
        'quality = "secondary"\nlocator = "x"\n',
    )
    _catalogue, problems = validate(SPECS, [folder])
    assert [p.message for p in problems] == ["source key 'NV-A1' is also defined in specs/sources.toml"]


def test_an_alias_that_is_another_entrys_name_is_an_error(user_folder, cache):
    folder = user_folder(aliases='["H20"]')
    _catalogue, problems = validate(SPECS, [folder])
    assert any("'H20' also names nvidia-h20" in p.message for p in problems), problems


def test_a_missing_user_folder_is_a_one_line_error(tmp_path, cache):
    result = runner.invoke(app, ["list", "--add-specs", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert result.output.strip().endswith("does not exist")


# ---- specbench list: filters and order --------------------------------------------------------


def _ids(*args: str) -> list[str]:
    result = runner.invoke(app, ["list", "--format", "csv", *args])
    assert result.exit_code == 0, result.output
    return [line.split(",")[0] for line in result.output.splitlines()[1:]]


def test_list_filters_by_vendor_in_either_language_country_and_family(cache):
    assert _ids("--vendor", "英伟达") == _ids("--vendor", "nvidia")
    assert set(_ids("--vendor", "Biren")) == {"biren-br100", "biren-br104"}
    assert set(_ids("--country", "CN")) >= {"biren-br100", "metax-c500", "moorethreads-mtt-s4000", "enflame-suisi-2"}
    assert not any(i.startswith("nvidia") for i in _ids("--country", "cn"))
    assert set(_ids("--family", "a-100")) == {
        "nvidia-a100-pcie-40gb",
        "nvidia-a100-pcie-80gb",
        "nvidia-a100-sxm4-40gb",
        "nvidia-a100-sxm4-80gb",
    }
    assert set(_ids("--family", "H20")) == {"nvidia-h20", "nvidia-h20-141gb"}  # never H200


def test_list_sorts_with_unknown_values_last(cache):
    # launch dates of the spec files: BR100 2022-08-09, 邃思2.0 2021-07-08, MTT S4000 2023-12
    order = _ids("--sort", "launch", "--descending", "--country", "CN")
    assert order.index("moorethreads-mtt-s4000") < order.index("biren-br100") < order.index("enflame-suisi-2")
    result = runner.invoke(app, ["list", "--format", "json", "--sort", "launch", "--descending"])
    launches = [row["launch"] for row in json.loads(result.output)]
    dated = [d for d in launches if d]
    assert launches == dated + [None] * (len(launches) - len(dated))  # entries with no date come last
    assert dated == sorted(dated, reverse=True)
    result = runner.invoke(app, ["list", "--format", "json", "--sort", "tdp", "--vendor", "nvidia"])
    rows = [(row["id"], row["tdp_w"]) for row in json.loads(result.output)]
    known = [float(w) for _id, w in rows if w is not None]
    assert known == sorted(known) and [w for _id, w in rows[len(known) :]] == [None] * (len(rows) - len(known))
    # datasheets: A100 PCIe 40GB 250 W, B200 1,000 W (the highest NVIDIA TDP recorded)
    assert ("nvidia-a100-pcie-40gb", 250) in rows and rows[len(known) - 1] == ("nvidia-b200", 1000)


def test_list_refuses_an_unknown_sort_key_and_an_empty_selection(cache):
    bad = runner.invoke(app, ["list", "--sort", "price"])
    assert bad.exit_code == 2 and "cannot sort by 'price'" in bad.output
    empty = runner.invoke(app, ["list", "--vendor", "Acme"])
    assert empty.exit_code == 2 and "no entry of the catalogue matches the filters" in empty.output
