"""Lookup and lint gaps: T10 and T11 by their model names, names that point at several
families, `list --family` taking any name of a family, and `lint` checking a user's folder
with the catalogue it will be added to."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from specbench.cli import app
from specbench.errors import AmbiguousChipError, UnknownChipError
from specbench.store import is_catalogue_of_its_own

from .conftest import SPECS

runner = CliRunner()

# Family names and default SKUs as the spec files write them (`family`, `default = true`).
ASCEND = [
    ("Ascend 310", "Ascend 310"),
    ("Ascend 910", "Ascend 910"),
    ("Ascend 910B", "Ascend 910B"),
    ("Ascend 910C", "Ascend 910C"),
]
CAMBRICON_MLU = [("MLU290", "MLU290-M5"), ("思元370系列", "MLU370-X8")]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SPECBENCH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SPECBENCH_USER_SPECS", raising=False)


def _one_line_error(result, exit_code: int = 1) -> str:
    assert result.exit_code == exit_code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("specbench: error: "), result.stderr
    assert result.stdout == ""
    return lines[0]


# ---- T10 and T11 by their model names -------------------------------------------------------------


def test_t10_and_t11_resolve_like_t20_and_t21(catalogue):
    assert catalogue.get("T20").id == "enflame-yunsui-t20"
    assert catalogue.get("T10").id == "enflame-yunsui-t10"
    assert catalogue.get("T11").id == "enflame-yunsui-t11"


# ---- a partial name of several families lists them -----------------------------------------------


@pytest.mark.parametrize("name", ["昇腾", "Ascend", "Huawei", "华为", "华为昇腾", "huawei ascend"])
def test_the_ascend_series_or_vendor_names_all_four_families(catalogue, name):
    with pytest.raises(AmbiguousChipError) as error:
        catalogue.get(name)
    assert error.value.families == ASCEND  # 910C too, which string likeness left out
    assert str(error.value) == (
        f"{name!r} names 4 families: Ascend 310 (default SKU Ascend 310), Ascend 910 (default SKU "
        "Ascend 910), Ascend 910B (default SKU Ascend 910B), Ascend 910C (default SKU Ascend 910C); "
        "name a family or a SKU"
    )


@pytest.mark.parametrize("name", ["MLU", "mlu", "Cambricon MLU", "思元", "寒武纪"])
def test_mlu_names_the_two_cambricon_families_not_three_skus(catalogue, name):
    with pytest.raises(AmbiguousChipError) as error:
        catalogue.get(name)
    assert error.value.families == CAMBRICON_MLU


def test_a_number_of_several_families_lists_each(catalogue):
    with pytest.raises(AmbiguousChipError) as error:
        catalogue.get("910")
    assert [family for family, _sku in error.value.families] == ["Ascend 910", "Ascend 910B", "Ascend 910C"]


def test_a_vendor_of_many_families_lists_ten_and_counts_the_rest(catalogue):
    nvidia = {c.family for c in catalogue.chips.values() if c.vendor == "NVIDIA"}
    with pytest.raises(AmbiguousChipError) as error:
        catalogue.get("NVIDIA")
    assert {family for family, _sku in error.value.families} == nvidia
    assert f" and {len(nvidia) - 10} more (see `specbench list`)" in str(error.value)


def test_exact_names_still_resolve_and_never_to_a_longer_one(catalogue):
    assert catalogue.get("H20").id == "nvidia-h20"  # never H200
    chip = catalogue.get("910B")
    assert (chip.id, chip.default, chip.family) == ("huawei-ascend-910b", True, "Ascend 910B")
    assert catalogue.get("Ascend 910B").id == "huawei-ascend-910b"


@pytest.mark.parametrize(
    ("name", "suggested"),
    [("BR10", "did you mean BR100, BR104?"), ("A10", "did you mean A100 SXM4 80GB?")],
)
def test_a_name_cut_inside_a_model_number_is_still_a_near_miss(catalogue, name, suggested):
    """A name such as BR10 is BR100 mistyped, not a series: it keeps its suggestions."""
    with pytest.raises(UnknownChipError) as error:
        catalogue.get(name)
    assert not isinstance(error.value, AmbiguousChipError)
    assert str(error.value) == f"unknown chip {name!r}; {suggested}"


def test_show_of_a_series_name_is_one_line_listing_the_families(cache):
    line = _one_line_error(runner.invoke(app, ["show", "昇腾"]))
    assert line.startswith("specbench: error: '昇腾' names 4 families: Ascend 310 (default SKU Ascend 310), ")
    assert "Ascend 910C (default SKU Ascend 910C)" in line
    line = _one_line_error(runner.invoke(app, ["compare", "MLU", "A100"]))
    assert "MLU290 (default SKU MLU290-M5), 思元370系列 (default SKU MLU370-X8)" in line


# ---- list --family takes what show takes -----------------------------------------------------------


def _ids(*args: str) -> set[str]:
    result = runner.invoke(app, ["list", "--format", "csv", *args])
    assert result.exit_code == 0, result.output
    return {line.split(",")[0] for line in result.output.splitlines()[1:]}


ASCEND_910B = {f"huawei-ascend-910b{n}" for n in ("", "1", "2", "3", "4")}
MLU370 = {"cambricon-mlu370-x8", "cambricon-mlu370-x4", "cambricon-mlu370-s4"}


@pytest.mark.parametrize(
    ("family", "ids"),
    [
        ("910B", ASCEND_910B),  # an alias of the family's default SKU
        ("Ascend 910B3", ASCEND_910B),  # a SKU: its family
        ("ascend910b", ASCEND_910B),  # the family's name, any case or spacing
        ("  ASCEND 910-B ", ASCEND_910B),
        ("C500", {"metax-c500", "metax-c500-pcie"}),
        ("MLU370", MLU370),  # the first word of each of the family's names
        ("思元 370 系列", MLU370),
        ("H20", {"nvidia-h20", "nvidia-h20-141gb"}),
    ],
)
def test_list_family_takes_any_name_of_the_family(cache, family, ids):
    assert _ids("--family", family) == ids


def test_list_family_takes_several_names(cache):
    assert _ids("--family", "910B", "--family", "C500") == ASCEND_910B | {"metax-c500", "metax-c500-pcie"}


@pytest.mark.parametrize(
    ("family", "message"),
    [
        ("A10", "unknown chip 'A10'; did you mean A100 SXM4 80GB?"),  # never the A100 family
        ("MLU", "'MLU' names 2 families: "),
        ("no such family", "unknown chip 'no such family'"),
    ],
)
def test_list_family_that_names_no_one_family_is_one_line(cache, family, message):
    assert message in _one_line_error(runner.invoke(app, ["list", "--family", family]))


def test_the_readme_shows_the_families_message(cache):
    readme = (SPECS.parent / "README.md").read_text(encoding="utf-8")
    assert f"$ specbench show MLU\n{runner.invoke(app, ['show', 'MLU']).stderr}```" in readme


# ---- lint checks a user's folder with the bundled catalogue -------------------------------------------


# The user-folder tests' made-up entry, here citing a bundled source (NV-A1) with no bibliography
# of its own, as a user writes it.
BUNDLED_SOURCE = {"source": "NV-A1", "sources": None}


def test_lint_of_a_user_folder_finds_an_alias_that_takes_a_bundled_family(user_folder, cache):
    folder = user_folder('["a100"]', **BUNDLED_SOURCE)
    for target in (folder, folder / "acme-x1.toml"):
        result = runner.invoke(app, ["lint", str(target)])
        assert result.exit_code == 1, result.output
        assert result.stdout.splitlines() == [
            f"{folder / 'acme-x1.toml'}: aliases: 'a100' is the name of the A100 family "
            "(specs/nvidia-a100-pcie-40gb.toml); it would no longer lead to that family"
        ]
        assert result.stderr == "specbench lint: 1 problem(s) in 1 file(s)\n"


def test_lint_of_a_clean_user_folder_cites_the_bundled_bibliography(user_folder, cache):
    """Alone, the folder has no bibliography and NV-A1 is unknown; added, it is the bundled key."""
    folder = user_folder('["Acme-X1"]', **BUNDLED_SOURCE)
    result = runner.invoke(app, ["lint", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stderr == "specbench lint: 1 file(s) OK\n"


def test_a_copy_of_the_catalogue_is_linted_alone(tmp_path, user_folder, cache):
    copy = tmp_path / "specs"
    shutil.copytree(SPECS, copy)
    assert is_catalogue_of_its_own(SPECS, SPECS) and is_catalogue_of_its_own(copy, SPECS)
    assert not is_catalogue_of_its_own(user_folder('["X1"]', **BUNDLED_SOURCE), SPECS)
    result = runner.invoke(app, ["lint", str(copy)])
    assert result.exit_code == 0, result.output  # not its 69 files reported as taken ids
    assert result.stderr == f"specbench lint: {len(list(SPECS.glob('*.toml')))} file(s) OK\n"
