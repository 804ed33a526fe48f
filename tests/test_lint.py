"""Validation: each rule catches its problem, and every problem is reported at once."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from specbench.cli import app
from specbench.store import lint_paths, validate

from .conftest import SPECS, edit

runner = CliRunner()


def _messages(folder: Path) -> list[str]:
    _catalogue, problems = validate(folder)
    return [str(p) for p in problems]


def test_bundled_catalogue_is_clean():
    assert _messages(SPECS) == []


def test_wrong_dimension_names_file_field_value_and_expectation(spec_copy):
    a100 = spec_copy / "nvidia-a100-sxm4-80gb.toml"
    edit(a100, 'value = "9.7 TFLOPS"', 'value = "1024 TB/s"')
    (message,) = _messages(spec_copy)
    assert message.endswith(
        "nvidia-a100-sxm4-80gb.toml: throughput[0].value: '1024 TB/s' is a bandwidth, expected a FLOP or OP rate"
    )


def test_integer_precision_needs_an_op_rate(spec_copy):
    edit(spec_copy / "biren-br100.toml", 'value = "2048 TOPS"', 'value = "2048 TFLOPS"')
    (message,) = _messages(spec_copy)
    assert "throughput[3]: INT8 value '2048 TFLOPS' is a FLOP rate, expected a rate of integer operations" in message


def test_every_problem_of_every_file_is_reported_together(spec_copy):
    edit(spec_copy / "nvidia-h20.toml", 'value = "400 W"', 'value = "400 TFLOPs"')
    edit(spec_copy / "nvidia-h20.toml", 'precision = "fp64"', 'precision = "fp65"')
    edit(spec_copy / "biren-br104.toml", 'form_factor = "PCIe"', 'form_factor = "USB stick"')
    edit(spec_copy / "biren-br104.toml", 'sources = ["BR-3", "BR-7"]', 'sources = ["BR-3", "NOPE-1"]')
    messages = _messages(spec_copy)
    assert len(messages) == 4, messages
    joined = "\n".join(messages)
    assert "tdp.value: '400 TFLOPs' is a count of floating-point operations, expected a power" in joined
    assert "throughput[0].precision: 'fp65': Input should be" in joined
    assert "form_factor: 'USB stick'" in joined
    assert "memory_type.sources: 'NOPE-1' is not in the bibliography" in joined


def test_unknown_field_and_missing_field(spec_copy):
    edit(spec_copy / "metax-c500.toml", 'sku = "OAM card, 64 GB"', 'skew = "OAM card, 64 GB"')
    messages = _messages(spec_copy)
    assert any("skew: unknown field" in m for m in messages)
    assert any("sku: required field is missing" in m for m in messages)


def test_sparse_figure_must_be_twice_its_dense_twin(spec_copy):
    edit(
        spec_copy / "nvidia-a100-sxm4-80gb.toml",
        'value = "1248 TOPS"\nsources = ["NV-A1", "NV-A3"]',
        'value = "1250 TOPS"\nsources = ["NV-A1", "NV-A3"]',
    )
    twin, quote = _messages(spec_copy)
    assert "'1250 TOPS' (2:4 sparse INT8) should be exactly twice its dense twin '624 TOPS'" in twin
    assert "throughput[12].quote: '624 TOPS | 1248 TOPS@INT8 Tensor Core' does not print '1250 TOPS'" in quote


def test_die_area_cannot_exceed_package_area(spec_copy):
    edit(
        spec_copy / "enflame-suisi-2.toml",
        "[package_area]",
        '[die_area]\nvalue = "800 mm^2"\nsources = ["EF-1"]\n\n[compute_dies]\nvalue = 5\nsources = ["EF-1"]'
        "\n\n[package_area]",
    )
    messages = _messages(spec_copy)
    assert any("5 x 800 mm^2 of compute die exceeds the package area 57.5 mm * 57.5 mm" in m for m in messages)


def test_memory_bandwidth_must_fit_memory_type_and_width(spec_copy):
    edit(spec_copy / "moorethreads-mtt-s4000.toml", 'value = "768 GB/s"', 'value = "1.5 TB/s"')
    messages = _messages(spec_copy)
    assert any(
        "'1.5 TB/s' exceeds what GDDR6 at 24.0 Gb/s per pin over 384 bit bus can carry (1152 GB/s)" in m
        for m in messages
    )
    # The edit also leaves the figure's quote printing another value.
    assert len(messages) == 2 and "memory_bandwidth.quote" in messages[1]


def test_disputed_value_needs_one_preferred_with_a_reason(spec_copy):
    edit(spec_copy / "biren-br100.toml", 'preferred = true\nwhy = "Fits four', 'preferred = false\nwhy = "Fits four')
    (message,) = _messages(spec_copy)
    assert "2 values (1.64 TB/s, 2.3 TB/s) need exactly one marked preferred = true (found 0)" in message


def test_aggregation_level_must_agree_with_die_count(spec_copy):
    edit(
        spec_copy / "biren-br100.toml",
        'level = "package"\nvalue = "1024 TFLOPS"',
        'level = "die"\nvalue = "1024 TFLOPS"',
    )
    (message,) = _messages(spec_copy)
    assert "throughput[2].level: 'die' level on an entry with 2 compute dies" in message


def test_card_level_on_a_bare_chip(spec_copy):
    edit(
        spec_copy / "enflame-suisi-2.toml",
        'level = "package"\nvalue = "40 TFLOPS"',
        'level = "card"\nvalue = "40 TFLOPS"',
    )
    (message,) = _messages(spec_copy)
    assert "'card' level on a bare chip entry" in message


def test_invalid_toml_and_alias_clash(spec_copy):
    (spec_copy / "broken.toml").write_text('id = "broken"\nname = [unclosed', encoding="utf-8")
    edit(spec_copy / "biren-br104.toml", 'aliases = ["', 'aliases = ["A100 80GB", "')
    messages = _messages(spec_copy)
    assert any("broken.toml: invalid TOML" in m for m in messages)
    assert any("'A100 80GB' also names" in m for m in messages)


def test_lint_command_exit_codes(spec_copy):
    ok = runner.invoke(app, ["lint", str(spec_copy)])
    assert ok.exit_code == 0, ok.output
    assert "file(s) OK" in ok.output
    edit(spec_copy / "nvidia-h20.toml", 'value = "400 W"', 'value = "400 V"')
    bad = runner.invoke(app, ["lint", str(spec_copy)])
    assert bad.exit_code == 1
    assert "tdp.value: '400 V' is a quantity of dimension" in bad.output
    assert "Traceback" not in bad.output
    missing = runner.invoke(app, ["lint", str(spec_copy / "nope.toml")])
    assert missing.exit_code == 2
    assert "does not exist" in missing.output


def test_lint_one_file_reports_only_that_file(spec_copy):
    edit(spec_copy / "nvidia-h20.toml", 'value = "400 W"', 'value = "400 V"')
    problems, checked = lint_paths([spec_copy / "biren-br100.toml"])
    assert (problems, checked) == ([], 1)
    problems, _ = lint_paths([spec_copy / "nvidia-h20.toml"])
    assert len(problems) == 1


def test_a_broken_spec_stops_other_commands_with_one_line(spec_copy):
    edit(spec_copy / "nvidia-h20.toml", 'value = "400 W"', 'value = "400 V"')
    edit(spec_copy / "nvidia-h20.toml", 'value = "96 GB"', 'value = "96 GB/s"')
    result = runner.invoke(app, ["compare", "BR100", "A100", "--specs", str(spec_copy)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("specbench: error: ")
    assert "(and 1 more; run `specbench lint` for all)" in lines[0]
