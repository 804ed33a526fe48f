"""Each figure's quote prints the figure: the reading of quotes, tested on the catalogue's own
quotes, and every quoted figure of the catalogue checked against its quote."""

from __future__ import annotations

import doctest
import re
from dataclasses import replace

import pytest

from specbench import lint, quotes
from specbench.quotes import (
    SourceDate,
    contains,
    digit_readings,
    named_precisions,
    numbers,
    prints_date,
    prints_name,
    prints_number,
)

from .conftest import edit

# Figures of specs/ with no quote. It only goes down: a figure added without its source's words
# fails the test, and a quote added asks for the number to be lowered.
UNQUOTED_CEILING = 0
# Throughput figures whose quote names no precision (a table row under a header the quote does not
# hold, a derivation, "125 Tensor TFLOPS"). It only goes down: a new figure's quote names its format.
PRECISION_UNNAMED_CEILING = 20


def _readings(text: str) -> set[float]:
    return {r for group in numbers(text) for r in group}


# ---- digit groups: each locale's way of writing a number, on quotes of specs/ ----------------


def test_decimal_comma():
    # amd-instinct-mi250x.toml, a Polish table: 47.9 TFLOPS
    assert 47.9 in _readings("Wydajność FP64 47,9 TFLOPS")
    # huawei-ascend-910.toml, a German table: 456.2 mm²
    assert 456.2 in _readings("Chipgröße 456,2 mm² 665,6 mm²")


def test_thousands_separators():
    assert 1979 in _readings("BFLOAT16 Tensor Core 1,979 TFLOPS*")
    # German dot before three digits: 1228 GB/s (huawei-ascend-910.toml)
    assert 1228 in _readings("Speicherbandbreite 1.228 GB/s 800/1.600 GB/s")
    assert 1600 in _readings("Speicherbandbreite 1.228 GB/s 800/1.600 GB/s")
    # thin space and no-break space
    assert 22000 in _readings("22\u2009000 transistores")
    assert 22000 in _readings("22\u00a0000 transistores")


def test_a_separator_before_three_digits_keeps_both_readings():
    assert digit_readings("1,979") == {1979.0, 1.979}
    assert digit_readings("1.228") == {1228.0, 1.228}
    assert digit_readings("3.2") == {3.2}
    assert digit_readings("1.234,5") == {1234.5}


def test_a_space_joins_digits_only_before_three_digits():
    # "TF32 155.94 TFLOPS" (nvidia-a800-pcie-80gb.toml): 32 and 155.94, not 32155.94 alone
    assert {32.0, 155.94} <= _readings("TF32 155.94 TFLOPS Tensor")
    assert _readings("16 32") == {16.0, 32.0}


def test_names_glued_to_a_number_by_a_flattened_table():
    # huawei-ascend-910b.toml: the cells "FP16" and "280 TFLOPS" run together
    assert 280 in _readings("FP16280 TFLOPS高性能训练与推理的核心格式")
    assert 560 in _readings("INT8560 TOPS极致推理性能")
    # nvidia-l20.toml: "96 GB HBM3" | "48 GB GDDR6"
    assert 48 in _readings("Memory96 GB HBM348 GB GDDR6 w/ ECC24 GB GDDR6 w/ ECC")


def test_a_sum_is_read_as_its_total():
    assert 600 in _readings("300+300 GB/s NVLink")


# ---- magnitude words and number words --------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("Transistors 54,200 million", 54.2e9),  # nvidia-a800-pcie-40gb.toml
        ("Number of transistors76,300 million45,600 million", 76.3e9),  # nvidia-l20.toml, two cells run together
        ("La GPU llamada Chunxiao integrada tiene 22 000 millones de transistores", 22e9),
        ("contava 21,1 miliardi di transistor", 21.1e9),  # nvidia-v100-sxm2-16gb.toml
        ("采用台积电7nm先进制程工艺,集成460亿个晶体管", 46e9),  # cambricon-mlu290-m5.toml
        ("Transistor Count 2 x 29.1B 29.1B 25.6B 13.2B", 29.1e9),  # amd-instinct-mi210.toml
        ("mit 80 Milliarden Transistoren", 80e9),
        ("2,2 万 TOPS", 22000),
        ("Die Karte hat 12 Mrd. Transistoren", 12e9),
        ("un total de 22 mil millones", 22e9),
    ],
)
def test_magnitude_words(quote, value):
    assert any(quotes._same(value, r) for r in _readings(quote))


def test_the_longest_magnitude_word_wins():
    # "mil millones" is 10^9; "millones" alone would make it 22 million
    assert 22e6 not in _readings("un total de 22 mil millones")


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("melding eight 12Hi stacks of HBM3 memory", 8),  # amd-instinct-mi300x.toml
        ("four HBM2E memory stacks", 4),  # huawei-ascend-910.toml
        ("The two small chips in the GPU are connected by AMD Infinity Fabric technology", 2),
        ("Contrary to the report, the Ascend 910C has only one compute chiplet.", 1),
        ("該GPU是將2顆910B處理器整合封裝", 2),
        ("两颗芯片", 2),
        ("四个HBM2E堆栈", 4),
    ],
)
def test_number_words(quote, value):
    assert value in _readings(quote)


def test_number_words_are_whole_words():
    assert 1 not in _readings("a network of someone's")  # "one" inside words
    assert 1 not in _readings("统一架构")  # 一 not before a measure word
    assert 10 not in _readings("often")


# ---- figures against quotes ----------------------------------------------------------------


def test_a_number_must_be_printed_exactly():
    assert prints_number("1979 TFLOPS", "FP16 Tensor Core 1,979 TFLOPS*")
    assert not prints_number("1024 TFLOPS", "16位浮点算力达到1000T以上")
    assert not prints_number("1.8 TB/s", "up to 1.84 TB/s")
    assert not prints_number("48 GB", "Memory 96 GB HBM3")


def test_another_si_prefix():
    assert prints_number("3.35 TB/s", "GPU Memory Bandwidth 3,350 GB/s")
    assert prints_number("1230 GB/s", "1.23TB/s内存带宽")


def test_a_product_needs_each_of_its_numbers():
    assert prints_number("6 * 50 GB/s", "6 ports × 50 GB/s")
    assert not prints_number("6 * 50 GB/s", "50 GB/s per port")


def test_an_amount_of_data_printed_in_bytes():
    # huawei-ascend-910b1.toml: 64 GiB = 64 × 2^30 = 68,719,476,736 bytes
    assert prints_number("64 GiB", "memory_size=68719476736", amount_in_bytes=64 * 2**30)
    assert not prints_number("64 GiB", "memory_size=34359738368", amount_in_bytes=64 * 2**30)


def test_counts_with_magnitudes_on_either_side():
    assert prints_number("220 亿", "La GPU llamada Chunxiao integrada tiene 22 000 millones de transistores")
    assert prints_number("76.3e9", "with a die area of 609 mm² and 76,300 million transistors")
    assert not prints_number("76.3e9", "with 76 billion transistors")


def test_the_power_of_a_unit_is_not_a_number_of_the_value():
    assert prints_number("545 mm^2", "Die size - 545 mm²")
    assert prints_number("545 mm**2", "Die size - 545 mm²")


# ---- precisions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "named"),
    [
        ("| FP16/BF16 Tensor Core | 5 PFLOPS | 4.5 PFLOPS |", {"fp16", "bf16"}),  # nvidia-b200.toml
        ("BFLOAT16 Tensor Core TFLOPS | 181.05 | 362.1* | 362.05 | 733*", {"bf16"}),  # nvidia-l40s.toml
        ("NVFP4 Tensor 18 sparse / 9 dense PFLOPS", {"fp4"}),
        ("FP8/FP6 Tensor 9 sparse / 4.5 dense PFLOPS", {"fp8", "fp6"}),
        ("TF32 Tensor 2.2 sparse / 1.1 dense PFLOPS", {"tf32"}),
        ("Tensor Float 32 (TF32)", {"tf32"}),
        ("单精度张量TF32峰值算力128TFLOPS", {"tf32"}),  # enflame-yunsui-i20.toml
        ("云燧T10加速卡单精度算力高达20TFLOPS", {"fp32"}),
        ("Gleitkommaberechnungen mit einfacher Genauigkeit laufen über die 2560 Shader", {"fp32"}),  # nvidia-t4.toml
        ("H800 PCIe peak F8: 3026 TFLOPS.", {"fp8"}),
        ("16位浮点算力达到1000T以上", {"fp16", "bf16"}),  # 16-bit floating point: either format
        ("INT16、INT8、INT4 ... 128Tops、256Tops、512Tops", {"int16", "int8", "int4"}),
    ],
)
def test_the_precisions_a_quote_names(quote, named):
    assert named_precisions(quote).inputs == named


def test_precision_names_run_into_the_cells_beside_them():
    # intel-gaudi-3.toml: "BF16 Matrix TFLOPs | 1835 | FP8 Matrix TFLOPs | 1835" with the cells joined
    assert named_precisions("BF16 Matrix TFLOPs1835FP8 Matrix TFLOPs1835").inputs == {"bf16", "fp8"}
    assert named_precisions("FP16280 TFLOPS").inputs == {"fp16"}
    # a letter joined is another word: NVFP4 is FP4, "F16C" and "BF16s" name nothing
    assert named_precisions("F16C BF16s HBM3 PCIe Gen5 x16").inputs == set()


def test_the_accumulator_is_not_the_precision_of_the_figure():
    # nvidia-a800-pcie-80gb.toml: an FP16 figure, accumulated in FP32
    named = named_precisions("311.87 TFLOPS Tensor (FP32 Accumulate) 623.74 TFLOPS Tensor (FP32 Accumulate) Sparse")
    assert named.inputs == set() and named.accumulators == {"fp32"}


# ---- dates ---------------------------------------------------------------------------------


def test_month_and_day_take_the_year_of_the_source():
    quote = "8月23日,华为副董事长、轮值董事长徐直军宣布,华为AI芯片——昇腾(Ascend)910正式商用"
    assert prints_date("2019-08-23", quote, [SourceDate(2019, 8, 23)])
    assert not prints_date("2019-08-23", quote, [SourceDate(2020, 1, 1)])
    assert not prints_date("2019-08-24", quote, [SourceDate(2019, 8, 23)])
    assert not prints_date("2019-08-23", quote)  # an undated source gives no year


def test_month_and_day_take_a_year_printed_beside_them():
    # kunlunxin-kunlun-2.toml: the repost is dated 2022; the quote names Baidu World 2021
    quote = "8月18日,百度世界大会2021上,百度宣布自主研发的第二代百度昆仑ai芯片——昆仑芯2实现量产。"
    assert prints_date("2021-08-18", quote, [SourceDate(2022, 4, 5)])


def test_a_date_matches_at_the_precision_of_the_value():
    # cambricon-mlu290-m5.toml: a month value against a month and day
    quote = "1月21日,寒武纪思元290智能芯片及加速卡、玄思1000智能加速器量产落地后首次正式亮相。"
    assert prints_date("2021-01", quote, [SourceDate(2021, 1, 21)])
    assert prints_date("2021", quote, [SourceDate(2021, 1, 21)])
    assert not prints_date("2021-01-22", quote, [SourceDate(2021, 1, 21)])
    # a year alone does not give a month
    assert not prints_date("2019-12", "2019年底，燧原科技发布了", [SourceDate(2019, 12, 12)])


def test_english_dates():
    assert prints_date("2020-05-14", "NVIDIA announced the A100 on May 14, 2020")
    assert prints_date("2020-05-14", "announced on 14 May 2020")
    assert prints_date("2020-11", "Nov. 2020 update")
    assert prints_date("2022-03", "announced on March 22", [SourceDate(2022, 3)])


def test_relative_dates_are_the_sources_date():
    assert prints_date("2022-03-30", "Moore Threads announced the new GPUs today", [SourceDate(2022, 3, 30)])
    assert prints_date("2025", "華為今年第1季推出昇騰910C晶片", [SourceDate(2025, 9, 18)])
    assert not prints_date("2024", "華為今年第1季推出昇騰910C晶片", [SourceDate(2025, 9, 18)])


# ---- names ---------------------------------------------------------------------------------


def test_names_are_whole_words_in_any_case():
    assert prints_name("HBM2e", "Memory Clock 3.2 Gbps HBM2E 3.2 Gbps")
    assert prints_name("HBM2E", "通过HBM2e内存达到了819GB/s")
    assert not prints_name("HBM2", "64GB HBM2E memory")
    assert prints_name("TSMC (dies in the analysed sample)", "packaging TSMC die with a last-gen HBM")


def test_names_by_their_aliases():
    assert prints_name("TSMC", "采用台积电7nm先进制程工艺")
    assert prints_name("GlobalFoundries", "CloudBlazer with DTU Chip on GLOBALFOUNDRIES 12LP FinFET Platform")
    assert not prints_name("SMIC", "von TSMC N7 auf SIMC 7 nm (N+2)")


def test_process_and_interface_by_the_numbers_of_their_name():
    assert quotes.prints_numbered_name("PCIe Gen4 x16 (32+32 GB/s)", "X16 PCIe Gen 4,双向带宽是64GB/s")
    assert quotes.prints_numbered_name("5 nm (compute dies) + 6 nm (I/O dies)", "8x 5nm [GPU] and 4x 6nm nodes")
    assert not quotes.prints_numbered_name("PCIe 5.0 x16", "PCIe 4.0 x16")


def test_quote_value_is_words_of_the_quote():
    assert contains("16位浮点算力达到1000T以上", "1000T以上")
    assert contains("NVIDIA Volta has just  been announced", "has just been announced")
    assert not contains("16位浮点算力达到1000T以上", "1024T")
    assert not contains("anything", "  ")


def test_the_module_examples():
    assert doctest.testmod(quotes).failed == 0


# ---- the catalogue -------------------------------------------------------------------------


def _figures(catalogue):
    """Each figure as written, once: a SKU's inherited figures are its base's."""
    seen = {}
    for chip in catalogue.chips.values():
        for figure in chip.figures:
            seen.setdefault((figure.file, figure.field), figure)
    return list(seen.values())


def _quoted(catalogue):
    return [f for f in _figures(catalogue) if f.quote]


def test_every_quote_prints_its_figure(catalogue):
    problems = [lint.quote_problem(f, catalogue.sources) for f in _quoted(catalogue)]
    assert len(_quoted(catalogue)) > 500
    assert [str(p) for p in problems if p] == []


def _precision_problem(figure) -> str | None:
    """What is wrong with the precisions a throughput figure's quote names, if anything: a quote
    that names formats must name the figure's, and an accumulator only the figure's."""
    named = named_precisions(figure.quote)
    where = f"{figure.file}: {figure.field}"
    if named.inputs and figure.precision not in named.inputs:
        return f"{where}: {figure.precision} figure, but the quote names {sorted(named.inputs)}: {figure.quote!r}"
    if named.accumulators and figure.accumulate not in named.accumulators:
        return f"{where}: the quote accumulates in {sorted(named.accumulators)}, the figure in {figure.accumulate}"
    return None


def _quoted_throughput(catalogue):
    return [f for f in _quoted(catalogue) if f.metric == "throughput"]


def test_every_quote_that_names_a_precision_names_its_figures(catalogue):
    problems = [_precision_problem(f) for f in _quoted_throughput(catalogue)]
    assert [p for p in problems if p] == []


def test_a_quote_that_names_another_precision_is_caught(catalogue):
    (bf16,) = [
        f
        for f in catalogue.get("B200").throughput()
        if (f.precision, f.sparsity) == ("bf16", "sparse") and "NVX-5" in f.sources
    ]
    assert _precision_problem(bf16) is None
    # "FP16/BF16 Tensor 4.5 sparse" names both; the FP8 row of the same card does not name BF16
    wrong = replace(bf16, quote="FP8/FP6 Tensor 9 sparse / 4.5 dense PFLOPS")
    assert "bf16 figure, but the quote names ['fp6', 'fp8']" in (_precision_problem(wrong) or "")
    assert "accumulates in ['fp32']" in (_precision_problem(replace(bf16, quote="4.5 PFLOPS (FP32 Accumulate)")) or "")


def test_quotes_that_name_no_precision_only_decrease(catalogue, capsys):
    figures = _quoted_throughput(catalogue)
    unnamed = [f"{f.file}: {f.field}: {f.quote}" for f in figures if not named_precisions(f.quote).inputs]
    with capsys.disabled():
        print(f"\n{len(unnamed)} of {len(figures)} quoted throughput figures name no precision")
    assert len(unnamed) <= PRECISION_UNNAMED_CEILING, (
        f"{len(unnamed)} quotes name no precision, more than {PRECISION_UNNAMED_CEILING}; quote the words that "
        "name the format (the row's label) for:\n" + "\n".join(unnamed)
    )
    assert len(unnamed) == PRECISION_UNNAMED_CEILING, (
        f"lower PRECISION_UNNAMED_CEILING in tests/test_quotes.py to {len(unnamed)}"
    )


def test_a_rough_quote_is_stated_per_figure(catalogue):
    rough = [f for f in _quoted(catalogue) if f.quote_value is not None]
    for figure in rough:
        assert figure.note, f"{figure.file}: {figure.field} states quote_value without a note"
    # quote_value is the exception, never the rule
    assert len(rough) < len(_quoted(catalogue)) // 20


def test_figures_without_a_quote_only_decrease(catalogue, capsys):
    figures = _figures(catalogue)
    unquoted = [f"{f.file}: {f.field}" for f in figures if not f.quote]
    with capsys.disabled():
        print(f"\n{len(unquoted)} of {len(figures)} figures have no quote (ceiling {UNQUOTED_CEILING})")
    assert len(unquoted) <= UNQUOTED_CEILING, (
        f"{len(unquoted)} figures have no quote, more than {UNQUOTED_CEILING}; quote the source of:\n"
        + "\n".join(unquoted)
    )
    assert len(unquoted) == UNQUOTED_CEILING, f"lower UNQUOTED_CEILING in tests/test_quotes.py to {len(unquoted)}"


def test_a_quote_that_does_not_print_its_figure_is_a_problem(spec_copy):
    from specbench.store import validate

    printed = 'quote = "FP8 Tensor コア | 3,958 TFLOPS* | 3,026 TFLOPS* |"'
    edit(spec_copy / "nvidia-h100-sxm5.toml", printed, 'quote = "FP8 3,957 TFLOPS"')
    _catalogue, problems = validate(spec_copy)
    (message,) = [str(p) for p in problems]
    assert "nvidia-h100-sxm5.toml: throughput[10].quote: 'FP8 3,957 TFLOPS' does not print '3958 TFLOPS'" in message


def test_quote_value_must_be_in_the_quote_and_explained(spec_copy):
    from specbench.store import validate

    br100 = spec_copy / "biren-br100.toml"
    # the BF16 figure without its note on the execution unit, so that nothing explains a quote_value
    text = br100.read_text(encoding="utf-8")
    br100.write_text(re.sub(r'(quote = "BF16性能1024TFLOPS")\nnote = "[^"\n]*"', r"\1", text), encoding="utf-8")
    edit(br100, 'quote = "BF16性能1024TFLOPS"\n', 'quote = "16位浮点算力达到1000T以上"\nquote_value = "1000T以上"\n')
    _catalogue, problems = validate(spec_copy)
    (message,) = [str(p) for p in problems]
    assert "needs a `note` saying why" in message
    edit(br100, 'quote_value = "1000T以上"', 'quote_value = "1024T"\nnote = "Rounded."')
    _catalogue, problems = validate(spec_copy)
    (message,) = [str(p) for p in problems]
    assert "throughput[2].quote_value: '1024T' is not in the quote '16位浮点算力达到1000T以上'" in message
