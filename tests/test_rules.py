"""Each reading rule on the sentences it exists for, and sentences from real coverage that
an earlier reader got wrong, each with the reading a careful reader makes.

Expected figures come from the sources the catalogue cites (A100 and H100: NVIDIA datasheets;
BR104: Tom's Hardware; MTT S4000: launch coverage; H20: reported specifications).
"""

from __future__ import annotations

import pytest

from specbench.claims import Context, Reader, check
from specbench.claims.rules import RULES


@pytest.fixture(scope="module")
def reader(catalogue):
    return Reader(catalogue)


@pytest.mark.parametrize(("rule", "example"), [(r.name, e) for r in RULES for e in r.examples], ids=lambda x: x[:40])
def test_every_rule_reads_its_examples(reader, rule, example):
    context = Context()
    claims = reader.read(example, context)
    if example.startswith("| |") and "\n" not in example:  # a header row names the columns, states nothing
        assert claims == [] and any(context.columns)
        return
    assert any(c.rule == rule for c in claims), [(c.rule, c.text) for c in claims]


def verdicts(catalogue, text):
    return [(j.claim.metric, j.verdict) for j in check(text, catalogue)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # stated sparsity is honoured: 1513 is H100 PCIe's 2:4 sparse FP16 figure
        ("H100 PCIe reaches 1513 TFLOPS of FP16 with sparsity", [("throughput", "supported")]),
        # INT4 1248 TOPS is A100's dense INT4 figure, read with its precision after the number
        ("The A100 delivers 1248 TOPS of INT4 performance", [("throughput", "supported")]),
        # HBM2E is a name, not 2 EFLOPS
        (
            "BR104：512TFLOPS(BF16)，32GB HBM2E显存",
            [("throughput", "supported"), ("memory_capacity", "supported"), ("memory_type", "supported")],
        ),
        ("The BR104 promises up to 128 FP32 TFLOPS", [("throughput", "supported")]),
        ("MTT S4000 cards talk over MTLink at 240 GB/sec", [("interconnect", "supported")]),
        # 它 is BR104 from the sentence before; 1024 / 624 = 1.64x
        (
            "壁仞发布了BR104。它的INT8算力为1024TOPS，是A100的1.6倍。",
            [("throughput", "supported"), ("throughput", "supported")],
        ),
        # the 125 is V100's, and V100 is not in the catalogue
        (
            "V100的FP16 Tensor算力为125 TFLOPS，A100是它的2.5倍",
            [("throughput", "supported"), ("throughput", "supported")],  # 312 / 125 = 2.50x
        ),
        # a chip the catalogue lacks: its figure and the ratio against it cannot be checked
        ("P100的FP16算力为21.2 TFLOPS，A100是它的14.7倍", [("throughput", "unverifiable")] * 2),
        (
            "H200 has 141GB of HBM3e and 4.8TB/s of bandwidth",  # NVIDIA's H200 page: 141GB HBM3e, 4.8TB/s
            [
                ("memory_capacity", "supported"),
                ("memory_bandwidth", "supported"),
                ("memory_type", "supported"),
            ],
        ),
        # +96% is 1.96x: 4.0 TB/s / 2.039 TB/s
        ("H20的显存带宽较A100 80GB提升约96%", [("memory_bandwidth", "supported")]),
        # 280 / 148 = 1.89x, near two
        ("曦云C500的BF16算力是H20的近两倍", [("throughput", "supported")]),
        (
            "FP32、TF32和INT8精度下，S4000的算力分别为25 TFLOPS、50 TFLOPS和200 TOPS",
            [("throughput", "supported")] * 3,
        ),
        # per watt: (2048 / 550) / (624 / 400) = 2.39x
        ("BR100 的 INT8 能效是 A100 的 2.4 倍", [("per_watt", "supported")]),
        # a rival nobody can check
        ("BR100的FP32性能最高达到了国际某大厂的13.1倍", [("throughput", "unverifiable")]),
    ],
)
def test_sentences_from_coverage(catalogue, text, expected):
    assert verdicts(catalogue, text) == expected


def test_rival_first_and_no_number(catalogue):
    (judgement,) = check("相比英伟达A100，MTT S4000的FP32算力更高", catalogue)
    # 25 > 19.5 (A100 vector FP32), but not against A100's TF32 matrix 156: the caveat is a flag
    assert judgement.claim.rival == "nvidia-a100-sxm4-80gb" and judgement.claim.subject == "moorethreads-mtt-s4000"
    assert "vector-vs-matrix" in judgement.flags and judgement.verdict == "misleading"


def test_h200_is_never_h20(reader):
    claims = reader.read("H200 has 141GB of HBM3e and 4.8TB/s of bandwidth")
    assert [c.subject for c in claims] == ["nvidia-h200-sxm"] * 3
    claims = reader.read("H20 has 96GB of HBM3 and 4.0TB/s of bandwidth")
    assert [c.subject for c in claims] == ["nvidia-h20"] * 3


def test_counts_in_words_and_digits(reader):
    (claim,) = reader.read("由1000张曦云C500组成的千卡集群，BF16算力达到280 PFLOPS")
    assert claim.count == 1000
    (claim,) = reader.read("8卡MTT S4000服务器的INT8算力为1.6 POPS")
    assert claim.count == 8


@pytest.mark.parametrize(
    "text",
    [
        '详见 https://example.com/a100-312-tflops.png 和 <a href="x" target="_blank">链接</a>',
        "A100 80GB 的售价约为10000美元",
        "The model has 175B parameters and trained for 30 days on A100 GPUs",
    ],
)
def test_numbers_that_are_not_spec_claims(reader, text):
    assert reader.read(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("The H100 is an 80B transistor chip.", 80e9), ("a paper launch of the 77b-transistor BR100", 77e9)],
)
def test_a_b_before_transistor_is_billions_not_a_model_size(reader, text, value):
    (claim,) = reader.read(text)
    assert (claim.metric, claim.value) == ("transistors", value)


@pytest.mark.parametrize(
    ("text", "ratio"),
    [
        ("MTT S4000的FP32算力达到A100的九成", 0.9),
        ("H20的显存带宽只有H100的三分之一", 1 / 3),
        ("H20的FP16 Tensor算力约为H100 SXM5的七分之一", 1 / 7),
        ("H20的FP16 Tensor算力只有H100 SXM5的百分之十五", 0.15),
    ],
)
def test_ratios_in_chinese_words(reader, text, ratio):
    (claim,) = reader.read(text)
    assert claim.ratio == pytest.approx(ratio)


def test_a_fraction_in_words_is_judged_like_for_like(catalogue):
    # H20 FP16 matrix dense 148 TFLOPS [NV-20a] against H100 SXM5 1979 sparse [NV-H1], 989.5 dense: 0.15
    (judgement,) = check("H20的FP16 Tensor算力约为H100 SXM5的七分之一", catalogue)
    assert judgement.verdict == "supported"


def test_terabits_are_not_terabytes(catalogue):
    (judgement,) = check("H20的显存带宽为4.0Tb/s", catalogue)
    assert judgement.verdict == "misleading" and "unit-confusion" in judgement.flags


# Constructed sentences, one per way a figure can be pinned on the wrong chip or read as a spec
# when it is not one. None of them may be called false; the figures are from the catalogue's sources.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # traditional characters read as simplified: 昇騰 is the Ascend, not the H20 before it
        (
            "H20配備96GB記憶體，昇騰每單位只配備64GB",
            [("memory_capacity", "supported"), ("memory_capacity", "unverifiable")],
        ),
        # the 512 belongs to an unnamed domestic chip, not to the A100 named before it
        # 512 belongs to a chip the text does not name: reported as such, never pinned on the A100
        (
            "A100的性能為624Tflops，國產最強的AI芯片性能也不過為512Tflops",
            [("throughput", "misleading"), ("throughput", "unverifiable")],
        ),
        ("国产显卡最高带宽仅672GB/s", [("memory_bandwidth", "unverifiable")]),
        # "X of the ... V100": the figure is the V100's, named after it
        (
            "The A100 has 54.2 billion transistors, or the 21 billion transistors of the Volta-based NVIDIA V100",
            [("transistors", "supported"), ("transistors", "supported")],
        ),
        (
            "The A100 has 54.2 billion transistors, or the 15.3 billion transistors of the Pascal-based NVIDIA P100",
            [("transistors", "supported"), ("transistors", "unverifiable")],
        ),
        # 与H100相比: the H100 is the rival; the 96GB is the H20's
        ("H20与H100相比其显存(96GB)保持不变", [("memory_capacity", "supported")]),
        # 对标A100/H100: both are rivals; the transistor count is the BR100's
        ("BR100对标A100/H100，集成了超过700亿晶体管", [("transistors", "supported")]),
        # a figure of a server or cluster of unstated size is no chip's
        ("BR100的单一计算集群的显存规模至少会提升到512GB", [("memory_capacity", "unverifiable")]),
        # a composite figure and a benchmark have no spec basis
        ("H20综合算力仅相当于H100的20%", [("throughput", "unverifiable")]),
        ("The H100 delivers up to 9X faster AI training performance than the A100", [("throughput", "unverifiable")]),
        # host memory of a server is not the accelerator's memory
        ("Each server pairs eight MTT S4000 cards with 1TB RAM", [("memory_capacity", "unverifiable")]),
        # a variant the name does not identify
        (
            "H20的内存带宽为4.0TB/s，低于顶级H100的8.0TB/s",
            [
                ("memory_bandwidth", "supported"),
                ("memory_bandwidth", "unverifiable"),
                ("memory_bandwidth", "unverifiable"),
            ],
        ),
        # "up to 3x" of 3.17x is understated by 6%, not false
        ("The H100 offers up to three times the FP16 computing power of the A100", [("throughput", "supported")]),
        # A100 has no FP8: no like-for-like pair exists; H100 FP8 against A100 FP16 is 1979 / 312 = 6.3x
        ("H100的FP8精度算力较A100提升6倍", [("throughput", "misleading")]),
        # a memory type is checked as text: BR100 has HBM2E, not HBM3; "HBM2" names the HBM2e family
        ("BR100采用HBM3高带宽内存", [("memory_type", "false")]),
        ("The A100 uses HBM2 memory", [("memory_type", "supported")]),
        # "624/1248 INT8 TOPS vs 200 INT8 TOPS": the dense/sparse pair is the A100's, 200 the S4000's;
        # the A100's 624 is a matrix figure, the S4000's 200 one of no stated unit (not a vector
        # figure), and 624 > 200 either way
        (
            "The A100 80 GB offers more than the MTT S4000 (624/1248 INT8 TOPS vs 200 INT8 TOPS)",
            [
                ("throughput", "supported"),
                ("throughput", "supported"),
                ("throughput", "supported"),
                ("throughput", "supported"),
            ],
        ),
        # "2.048 TOPS" translated from Italian is 2048: ambiguous, not false
        ("The BR100 has performance equal to 2.048 TOPS (INT 8)", [("throughput", "unverifiable")]),
        # a row naming a chip and its card: the figure holds for one and not the other
        ("| DTU 2.0 | T20 (train) | 64 GB |", [("memory_capacity", "unverifiable")]),
        # package area given as a chip's size; two dies' total given as one chip's
        ("邃思2.0尺寸为57.5毫米 x 57.5毫米", [("area", "misleading")]),
        ("The BR100 chip size comes out to be around 1074mm²", [("area", "misleading")]),
        ("The BR100 houses 77 billion transistors within its die", [("transistors", "misleading")]),
        # a ratio with no precision that holds only against another H100 card: H20 TF32 74 / H100 PCIe
        # TF32 378 (756 sparse [NV-H1]) = 0.20x, against the SXM5 0.15x
        ("H20的计算能力只有H100的20%", [("throughput", "misleading")]),
        # the pre-launch figures NVIDIA announced, since superseded
        (
            "The H100 offers 60 TFLOPS of FP64 and 3 TB/s of memory bandwidth",
            [("throughput", "misleading"), ("memory_bandwidth", "misleading")],
        ),
        # "达15" holds against 18, but 15 is exactly MetaX's pre-launch target
        ("曦云C500的FP32算力达15TFLOPS", [("throughput", "misleading")]),
    ],
)
def test_figures_never_pinned_on_the_wrong_chip(catalogue, text, expected):
    assert verdicts(catalogue, text) == expected


def test_a_respectively_list_ends_where_other_words_start(reader):
    """The figure after the list ("最大功耗为450W") is not one of its items, so the four
    precisions still pair with the four figures."""
    claims = reader.read(
        "其在FP32、TF32、FP16、INT8精度下的算力分别为25 TFLOPS、49 TFLOPS、98 TFLOPS、196 TOPS,最大功耗为450W。"
    )
    assert [(c.precisions, c.value) for c in claims if c.metric == "throughput"] == [
        (("fp32",), 25.0),
        (("tf32",), 49.0),
        (("fp16",), 98.0),
        (("int8",), 196.0),
    ]
    assert [(c.metric, c.value) for c in claims if c.metric != "throughput"] == [("tdp", 450.0)]


def test_a_long_sentence_naming_precisions_is_not_a_heading(reader):
    """ "支持从FP4到FP64的全精度计算" is prose about precisions: the figures of the next
    paragraph sentence are not FP64 figures."""
    context = Context()
    reader.read_sentence(
        "新架构花港在技术特性上实现了多项突破,支持从FP4到FP64的全精度计算,能够满足十万卡以上规模的智算集群扩展需求。",
        context,
    )
    (claim,) = reader.read_sentence("MTT S4000的算力为25 TFLOPS。", context)
    assert claim.precisions == ()


def test_a_short_heading_still_governs_the_figures_after_it(reader):
    context = Context()
    reader.read_sentence("FP16 Tensor Core", context)
    (claim,) = reader.read_sentence("A100: 312 TFLOPS", context)
    assert claim.precisions == ("fp16",)


def test_a_capacity_in_the_chip_name_and_pcie_after_it_pick_the_pcie_card(reader):
    (claim,) = reader.read("英伟达的A100 80GB PCle版最大功耗为300W。")
    assert claim.subject == "nvidia-a100-pcie-80gb"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # BR100 records FP64 as not supported (Chips and Cheese, TechPowerUp)
        ("Unlike AMD's HPC focused architecture, BR100 has no FP64 support.", [("precision_support", "supported")]),
        ("壁仞BR100支持FP64双精度计算", [("precision_support", "false")]),
        ("BR104不支持FP64。", [("precision_support", "supported")]),
        # a range is not one precision: nothing is read
        ("BR100支持从FP4到FP64的全精度计算。", []),
        # BR100 has two compute dies, BR104 and H100 one
        ("BR100 is a multi-die GPU with two tiles.", [("compute_dies", "supported")]),
        ("BR104 is a multi-die GPU.", [("compute_dies", "false")]),
        ("The Nvidia H100 is again a monolithic chip.", [("compute_dies", "supported")]),
        # a single die may be one chiplet of a family: the record cannot tell
        ("BR104 uses a chiplet design.", [("compute_dies", "unverifiable")]),
        ("BR100采用先进的7nm制程工艺", [("process", "supported")]),
        ("BR100采用12nm工艺", [("process", "false")]),
        # the press calls NVIDIA's custom 4N "4nm"; TSMC's N4 is another name the record does not relate
        ("H100采用台积电4nm工艺", [("process", "supported")]),
        ("H100基于台积电 N4 工艺", [("process", "unverifiable")]),
        # a node named for comparison, or skipped, is not the chip's
        ("BR104算力可媲美5nm工艺的GPU", []),
        ("H100跳过5nm直接上了台积电4nm工艺", [("process", "supported")]),
        ("BR100支持PCIe 5.0及CXL协议", [("host_interface", "supported")]),
        ("BR100 connects to the host over PCIe 4.0 x16", [("host_interface", "false")]),
    ],
)
def test_design_facts(catalogue, text, expected):
    assert verdicts(catalogue, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # BLink is recorded as 8 * 64 GB/s: one link's figure holds when the text says each
        (
            "BR100 peer GPUs connect via eight BLink connections, each of which provide 64 GB/s.",
            [("interconnect", "supported")],
        ),
        ("BR100 has eight BLink connections at 64 GB/s.", [("interconnect", "unverifiable")]),
        # 77e9 transistors over two compute dies: half is one die's, never "one direction"
        ("Each BR100 tile has 38.5 billion transistors.", [("transistors", "supported")]),
        ("BR100 has 38.5 billion transistors.", [("transistors", "unverifiable")]),
        # the chip the subject is cut down from owns none of the figures after it
        (
            "The new H20 AI GPU is a cut-down version of the H100, with 96GB of HBM3 memory.",
            [("memory_capacity", "supported"), ("memory_type", "supported")],
        ),
        ("H20 AI GPU是 H100 GPU的精简版,有96GB显存容量。", [("memory_capacity", "supported")]),
        # a die-to-die link is its own metric, not memory bandwidth
        ("Biren put a 896 GB/s link between the two dies of the BR100.", [("die_to_die", "unverifiable")]),
    ],
)
def test_parts_and_references(catalogue, text, expected):
    assert verdicts(catalogue, text) == expected


def test_a_unit_written_with_a_space_after_its_prefix(reader):
    """Taoguba writes "990T Flops": the space does not leave "T" alone as a bare tera."""
    claims = reader.read("H20的FP16算力为148T Flops，约为H100 SXM(990T Flops)算力的15%左右。")
    assert [(c.value, c.value_text) for c in claims if c.kind == "value"] == [
        (148.0, "148T Flops"),
        (990.0, "990T Flops"),
    ]


def test_the_pcie_version_of_a_chip_is_that_chip(catalogue):
    """The words "version of" name a chip another is cut down from, except when the version is the chip's
    own card: "The PCIe version of the A100" is the A100, and its figures are read."""
    assert verdicts(catalogue, "The PCIe version of the A100 supports up to PCIe 4.0 speeds.") == [
        ("host_interface", "supported")
    ]


def test_a_table_row_whose_label_gives_the_unit(catalogue):
    """Tom's Hardware's BR100 table: the unit sits in the row label, "?" marks an empty cell (not
    the end of a question) and a star marks the sparse figure of a dense/sparse pair."""
    text = (
        "| | Biren BR104 | Biren BR100 | Nvidia A100 |\n"
        "FP32 TFLOPS | 128 | 256 | 19.5 |\n"
        "TF32 TFLOPS | ? | ? | 156/312* |\n"
    )
    read = [
        (j.claim.subject, j.claim.precisions, j.claim.sparsity, j.claim.value, j.verdict)
        for j in check(text, catalogue)
    ]
    assert read == [
        ("biren-br104", ("fp32",), None, 128, "supported"),
        ("biren-br100", ("fp32",), None, 256, "supported"),
        ("nvidia-a100-sxm4-80gb", ("fp32",), None, 19.5, "supported"),
        ("nvidia-a100-sxm4-80gb", ("tf32",), None, 156, "supported"),
        ("nvidia-a100-sxm4-80gb", ("tf32",), "sparse", 312, "supported"),
    ]


def test_table_rows_of_transistor_counts_and_process_nodes(catalogue):
    # BR100 77e9 [BR-1, BR-4], A100 54.2e9 [NV-A3, NV-A9], H100 80e9 [NV-A3]; A100 N7 [NV-A3], H100 4N [NV-H1]
    text = (
        "| | Biren BR100 | Nvidia A100 | Nvidia H100 |\n"
        "Transistor Count | 77 billion | 54.2 billion | 80 billion |\n"
        "Node | N7 | N7 | 4N |\n"
    )
    read = [(j.claim.metric, j.claim.subject, j.claim.value_text, j.verdict) for j in check(text, catalogue)]
    assert read == [
        ("transistors", "biren-br100", "77 billion", "supported"),
        ("transistors", "nvidia-a100-sxm4-80gb", "54.2 billion", "supported"),
        ("transistors", "nvidia-h100-sxm5", "80 billion", "supported"),
        ("process", "biren-br100", "N7", "supported"),
        ("process", "nvidia-a100-sxm4-80gb", "N7", "supported"),
        ("process", "nvidia-h100-sxm5", "4N", "supported"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "H20的FP16算力是H100算力的15%左右",  # the metric named between the rival and the share
        "H20 FP16为148TFlops,H100 SXM(990T Flops)算力的15%左右",  # a parenthesis about the rival
    ],
)
def test_a_share_of_the_rivals_figure(catalogue, text):
    # H20 FP16 148 / H100 SXM5 dense FP16 989.5 = 0.150
    ratios = [j for j in check(text, catalogue) if j.claim.ratio is not None]
    assert [(j.claim.rival, j.claim.ratio, j.verdict) for j in ratios] == [("nvidia-h100-sxm5", 0.15, "supported")]


def test_a_row_without_a_unit_leaves_its_bare_numbers_unread(reader):
    context = Context()
    reader.read("| | Biren BR104 | Biren BR100 |", context)
    assert reader.read("INT8 | 1024 | 2048 |", context) == []


@pytest.mark.parametrize(
    ("text", "flag", "verdict"),
    [
        # the precision is stated: only the unit's name is loose (624 is A100's dense INT8 TOPS)
        ("The A100 delivers 624 INT8 TFLOPS", "unit-name", "supported"),
        # no precision: a reader takes 2 PFLOPS for floating point; 2048 is BR100's INT8 TOPS
        ("Biren's BR100 offers 2 PFLOPS of AI performance", "unit-confusion", "misleading"),
    ],
)
def test_integer_operations_written_as_flops(catalogue, text, flag, verdict):
    judged = check(text, catalogue)
    assert [j.verdict for j in judged] == [verdict]
    assert flag in judged[0].flags


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a conjunction opens the pronoun's own clause: "it" is the chip named before it
        ("The H20 is notable as it offers 96GB of memory", "nvidia-h20"),
        ("BR100 stands out because it carries 64GB of HBM2E", "biren-br100"),
    ],
)
def test_a_pronoun_after_a_conjunction_is_the_chip_before_it(catalogue, text, subject):
    judged = check(text, catalogue)
    assert [(j.claim.subject, j.verdict) for j in judged if j.claim.metric == "memory_capacity"] == [
        (subject, "supported")
    ]


def test_a_pronoun_in_the_clause_of_its_chip_is_still_not_that_chip(catalogue):
    # "A100是它的2.5倍": 它 is not the A100 itself, and nothing before names another chip
    assert [j.verdict for j in check("A100是它的2.5倍", catalogue)] == ["unverifiable"]


def test_l2_cache_and_kv_cache_are_not_chips_or_on_chip_memory(catalogue):
    # "L2 cache" is a level of cache, not NVIDIA's L2 card
    cache = check("H100 has 50MB of L2 cache", catalogue)
    assert [(j.claim.subject, j.claim.metric) for j in cache] == [("nvidia-h100-sxm5", "cache")]
    # a model's KV cache in HBM: the 96 GB is memory capacity (H20: 96 GB [NV-20a])
    memory = check("The H20 has 96 GB of HBM3, which fits 70B models at FP16 with substantial KV cache", catalogue)
    assert ("memory_capacity", "supported") in [(j.claim.metric, j.verdict) for j in memory]
    assert all(j.claim.metric != "cache" for j in memory)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # A100 SXM4 80GB launched 2020-11-16 [NV-A7]; BR100 2022-08-09 [BR-1, BR-2]
        ("Even Nvidia's A100 80 GB GPU introduced in 2020", "supported"),
        ("The BR100 was unveiled in 2022", "supported"),
        ("The BR100 was unveiled in 2019", "false"),
        # H20: the catalogue's 2024 is the year it shipped; announced in 2023, so the record cannot tell
        ("H20 was launched in 2023", "unverifiable"),
        # the A100 PCIe 80GB's own date is 2021-06-28 [NVD-1], a database release date: a year earlier may
        # be an announcement the record does not hold, as for the H20
        ("英伟达2020年推出的A100 80GB PCIe版", "unverifiable"),
        ("英伟达2021年推出的A100 80GB PCIe版", "supported"),
        # H200 SXM announced 2023-11-13 [NVX-38]: the chip before the year, a vendor and an event between
        ("The NVIDIA H200 (codename: GH200), the last Hopper GPU, unveiled by NVIDIA at SC23 in 2023", "supported"),
        ("H200是基于Hopper架构的顶级GPU,于2023年底推出", "supported"),
        ("英伟达H200于2023年11月发布", "supported"),
        ("A100是英伟达2020年发布的旗舰级数据中心GPU", "supported"),
        ("The H200 was released in 2025", "false"),
        # BR100 launched 2022-08-09 [BR-1, BR-2]: a full date is checked as far as the record dates it
        ("BR100于2022年8月9日发布", "supported"),
        ("BR100于2022年9月9日发布", "unverifiable"),
        # H100 SXM5 2022 [NV-H4]: a year of the Republic of China (111 + 1911), as Taiwan prints it
        ("輝達的Hopper系列晶片在民國111年發表，推出H100系列", "supported"),
    ],
)
def test_launch_years(catalogue, text, verdict):
    judged = [j for j in check(text, catalogue) if j.claim.metric == "launch"]
    assert [j.verdict for j in judged] == [verdict]


@pytest.mark.parametrize(
    "text",
    [
        "摩尔线程于2020年创立，A100的FP32算力为19.5 TFLOPS",  # a founding year
        "The H20 is set to enter mass production in Q2 2024",  # a production date
        "2022年摩尔线程推出了春晓架构，并同步发布了S3000",  # an architecture, and a chip in the next clause
    ],
)
def test_years_that_are_not_launch_years(catalogue, text):
    from specbench.claims import Reader

    assert all(c.metric != "launch" for c in Reader(catalogue).read(text))


def test_launch_years_respectively(catalogue):
    # A100 SXM4 80GB 2020-11-16 [NV-A7], H100 SXM5 2022 [catalogue]: 分别 pairs chips and years in order
    text = "A100和H100这两款GPU芯片,分别发布于2020年和2022年"
    judged = [j for j in check(text, catalogue) if j.claim.metric == "launch"]
    assert [(j.claim.subject, j.claim.value, j.verdict) for j in judged] == [
        ("nvidia-a100-sxm4-80gb", 2020.0, "supported"),
        ("nvidia-h100-sxm5", 2022.0, "supported"),
    ]
    # two chips and one year: the year is not pinned on the nearest chip
    assert not [j for j in check("A100和H100分别发布于2020年", catalogue) if j.claim.metric == "launch"]


def test_launch_row_of_a_table(catalogue):
    from specbench.claims import Reader
    from specbench.claims.judging import Judge
    from specbench.scan import scan_text

    # A100 80GB launched 2020-11-16 [NV-A7]; H200 announced 2023-11-13 [NVX-38]: 2025 is two years on
    table = (
        "| Spec | A100 80GB | H200 | Winner |\n|---|---|---|---|\n"
        "| Release Date | Aug 2020 | Jan 2025 | H200 (5 years newer) |\n"
    )
    found = [f.judgement for f in scan_text([table], "t", Reader(catalogue), Judge(catalogue))]
    assert [(j.claim.subject, j.claim.value, j.verdict) for j in found if j.claim.metric == "launch"] == [
        ("nvidia-a100-sxm4-80gb", 2020.0, "supported"),
        ("nvidia-h200-sxm", 2025.0, "false"),
    ]


# ---- readings the larger catalogue exposed (sentences of real coverage, claims/corpus) ----------


def test_the_metric_after_a_ratio_is_its_own(catalogue):
    # MTT S4000 48 GB / MTT S3000 32 GB = 1.5; FP32 25 / 15.2 = 1.64 (launch coverage, specs/)
    text = (
        "The MTT S4000 offers a significant boost in memory and computing capabilities compared to the "
        "MTT S3000, marking a 50% increase in memory capacity and a 64% rise in FP32 computing capabilities."
    )
    assert verdicts(catalogue, text) == [("memory_capacity", "supported"), ("throughput", "supported")]
    # "50% more VRAM" after FP32 and INT8 ratios is about memory: 48 GB / 32 GB
    more = (
        "Compared to the S2000, the S4000 has over twice the FP32 performance, "
        "five times the INT8 performance, 50% more VRAM"
    )
    assert ("memory_capacity", "supported") in verdicts(catalogue, more)


def test_a_superlative_is_a_comparison_with_every_chip_and_never_supported(catalogue):
    judged = check("云燧i20最大亮点就是拥有迄今最大的AI加速卡存储带宽，通过HBM2e内存达到了819GB/s", catalogue)
    by_rule = {j.claim.rule: j.verdict for j in judged}
    assert by_rule["superlative"] == "unverifiable"
    assert ("memory_bandwidth", "supported") in [(j.claim.metric, j.verdict) for j in judged]  # 819 GB/s [EF-9]
    assert not any(j.claim.rule == "superlative" for j in check("BR100最大功耗550W", catalogue))  # 最大 = maximum


def test_a_workload_result_and_an_earlier_generation_are_not_spec_comparisons(catalogue):
    text = (
        "华为推出的尖端Ascend(升腾)910B的AI晶片训练大型语言模型时效率可达到英伟达A100的80%,"
        "在特定测试性能上已超越英伟达A100 AI GPU达20%。"
    )
    assert {v for _m, v in verdicts(catalogue, text)} == {"unverifiable"}
    kunlun = verdicts(catalogue, "据介绍,昆仑芯2采用7nm制程,搭载自研的第二代xpu架构,相比一代性能提升2-3倍")
    assert ("throughput", "unverifiable") in kunlun and ("process", "supported") in kunlun


def test_a_disputed_process_node_is_not_called_false(catalogue):
    # MTT S80: 12 nm preferred (trade press), 7 nm in secondary reports (specs/moorethreads-mtt-s80.toml)
    (judgement,) = check("摩尔线程的旗舰产品如MTT S80显卡,采用了台积电的7nm工艺", catalogue)
    assert judgement.verdict == "unverifiable" and "conflicting-sources" in judgement.flags


def test_a_chip_name_that_folds_to_digits_is_never_read_in_a_figure(catalogue):
    # "昆仑芯2" would fold to "2" if the vendor's name were dropped; "2.3TB/s" is BR100's, not Kunlun's
    (judgement,) = check("BR100显存带宽2.3TB/s", catalogue)
    assert judgement.claim.subject == "biren-br100"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "GBps" is gigabytes per second: H800 SXM5 NVLink 400 GB/s [NVX-18], A100 600 GB/s [NV-A4]
        ("The H800 SXM5 has an NVLink interconnect of 400 GBps", [("interconnect", "supported")]),
        ("The A100 SXM4 has an NVLink interconnect of 4800 Gbps", [("interconnect", "supported")]),
        # "the same ... as a B200": the B200 is the chip compared with, not the owner of 192 GB
        ("192 GB HBM3 at 5.3 TB/s, the same VRAM envelope as a B200", []),
        # a family's name alone: a figure of any of its SKUs holds (A100 PCIe 40GB: 40 GB [NV-A2])
        (
            "The A100 ships with 40GB or 80GB of HBM2e",
            [("memory_capacity", "supported")] * 2 + [("memory_type", "supported")],
        ),
        ("The A100 SXM4 80GB has 40GB of memory", [("memory_capacity", "misleading")]),
        # "可达" is "can reach", a maximum; 312 is the A100's dense FP16, sold here as sparse (624 [NV-A1])
        ("A100的FP16算力(启用稀疏运算)可达312 TFLOPS", [("throughput", "misleading")]),
        # FP4 is a precision: B200 FP4 18 PFLOPS with sparsity, 9 dense [NVX-5]
        ("B200 delivers 9 PFLOPS of dense FP4", [("throughput", "supported")]),
    ],
)
def test_units_owners_and_families_are_read_as_a_reader_does(catalogue, text, expected):
    assert verdicts(catalogue, text) == expected


def test_the_owner_after_a_figure_and_the_process_node_word(catalogue):
    judged = check("the 21 billion transistors of the V100, or the 15 billion transistors on the P100", catalogue)
    assert [(j.claim.subject_query, j.verdict) for j in judged] == [("V100", "supported"), ("P100", "unverifiable")]
    judged = check("The V100 was built on the 12nm node and packs 21 billion transistors", catalogue)
    # 21.1e9 transistors [NVX-46], TSMC 12 nm FFN [NVX-31]: "node" after a node is its process, not a server
    assert sorted((j.claim.metric, j.verdict, j.claim.count) for j in judged) == [
        ("process", "supported", 1),
        ("transistors", "supported", 1),
    ]


def test_a_table_whose_header_gives_the_unit_of_each_column(reader, catalogue):
    text = "| 型号 | 架构 | FP8/TFLOPS | TDP(W) |\n|---|---|---|---|\n| A100 | Ampere | 312 | 400 |"
    from specbench.claims import Context

    context, claims = Context(), []
    for line in text.splitlines():
        claims += reader.read_sentence(line, context)
    (claim,) = [c for c in claims if c.metric == "throughput"]
    assert claim.precisions == ("fp8",) and claim.value == 312
    # the A100 has no FP8 [NV-A1]; 312 is its dense FP16/BF16 figure put under FP8
    from specbench.claims.judging import Judge

    judgement = Judge.of(catalogue).judge(claim)
    assert judgement.verdict == "misleading" and "precision-mismatch" in judgement.flags


@pytest.mark.parametrize(
    ("text", "subject", "verdict"),
    [
        # H100 NVL (94 GB, 3.9 TB/s in NVIDIA's H100 datasheet) is not in the catalogue: its true
        # figures must not be judged against the H100 SXM5, the family's default.
        ("H100 NVL has 94GB of memory", None, "unverifiable"),
        # A form factor the catalogue names, or the chip's own, keeps the chip
        # (the H800 PCIe entry has no memory bandwidth, so the claim stays unverifiable)
        ("H800 PCIe的显存带宽为2TB/s", "nvidia-h800-pcie", "unverifiable"),
        ("H200 NVL has 141GB of memory", "nvidia-h200-nvl", "supported"),
        ("The H20 SXM has 96GB of memory", "nvidia-h20", "supported"),
        ("H100 PCIe的显存为80GB", "nvidia-h100-pcie", "supported"),
    ],
)
def test_a_form_factor_the_catalogue_lacks_is_another_chip(catalogue, text, subject, verdict):
    (judgement,) = check(text, catalogue)
    assert (judgement.claim.subject, judgement.verdict) == (subject, verdict)


def test_a_figure_restated_in_parentheses_is_one_claim(catalogue):
    # jishuzhan.net's 910B list: "(每秒 256 万亿次浮点运算)" restates 256 TFLOPS; read on its own it
    # lost the FP16 before it and was judged against every precision.
    judgements = check("Ascend 910B 的半精度(FP16)算力达到 256 TFLOPS(每秒 256 万亿次浮点运算)。", catalogue)
    assert [(j.claim.precisions, j.claim.value) for j in judgements] == [(("fp16",), 256.0)]


@pytest.mark.parametrize(
    ("text", "precision", "dense", "sparse"),
    [
        # A100: INT8 624 dense, 1248 with 2:4 sparsity; FP16 312 and 624 [NV-A1]. H100 SXM5 FP16 989.5
        # dense, 1979 sparse [NV-H1]. The parenthesis gives the sparse basis of the figure before it,
        # so the figure before it is the dense one.
        ("A100的INT8算力为624 TOPS（稀疏算力1248 TOPS）", "int8", 624.0, 1248.0),
        ("H100 SXM的FP16算力为989 TFLOPS（稀疏1979 TFLOPS）", "fp16", 989.0, 1979.0),
        ("A100的FP16算力为312 TFLOPS（624 TFLOPS稀疏）", "fp16", 312.0, 624.0),
        ("The A100 offers 312 TFLOPS of FP16 (624 TFLOPS with sparsity)", "fp16", 312.0, 624.0),
    ],
)
def test_a_parenthesis_gives_the_sparse_basis_of_the_figure_before_it(catalogue, text, precision, dense, sparse):
    judgements = check(text, catalogue)
    assert [(j.claim.precisions, j.claim.value, j.claim.sparsity) for j in judgements] == [
        ((precision,), dense, "dense"),
        ((precision,), sparse, "sparse"),
    ]
    assert [j.verdict for j in judgements] == ["supported", "supported"]


def test_a_sentence_that_opens_with_a_chip_is_about_it(reader):
    # boardor.com: the 910C paragraph quotes the H100's 989 TFLOPS, but "It" in the next sentence is
    # the 910C (128 GB of memory [HWX-19]), not the H100 (80 GB).
    claims = reader.read(
        "– Ascend 910C (samples to be sent in 2024, mass production in 2025): Achieves performance close to "
        "NVIDIA’s H100 (FP16 computing power of 989 TFLOPS) by combining two 910B chips. "
        "It uses 3D-stacked HBM3 memory (128GB), further enhancing bandwidth and performance."
    )
    memory = [c for c in claims if c.metric == "memory_capacity"]
    assert [(c.subject, c.value) for c in memory] == [("huawei-ascend-910c", 128.0)]


@pytest.mark.parametrize(
    ("text", "subject_name"),
    [
        # blog.youkuaiyun.com: the RTX 3090's 936 GB/s and GDDR6X were pinned on the L20 named before it
        ("L20(864 GB/s) > 3090(936 GB/s 但 GDDR6X,非 HBM)", "GeForce RTX 3090"),
        ("• 3090:936 GB/s GDDR6X", "GeForce RTX 3090"),
    ],
)
def test_a_gaming_card_named_by_its_number_is_a_chip_outside_the_catalogue(catalogue, text, subject_name):
    judgements = check(text, catalogue)
    figures = [j for j in judgements if j.claim.subject_query == subject_name]
    assert figures and all(j.verdict == "unverifiable" for j in figures)
    assert not any(j.verdict == "false" for j in judgements)


def test_a_number_is_a_card_only_where_a_card_is_named(catalogue):
    # "3090元" is money and "3090 TFLOPS" a figure; only "3090(" / "3090:" / "3090显卡" name the card
    from specbench.claims.tokens import Kind

    reader = Reader.of(catalogue)
    for text in ("售价3090元", "算力3090 TFLOPS"):
        tokens = reader.tokenizer.tokenize(text, text.casefold())
        assert not any(t.kind is Kind.OTHER_CHIP for t in tokens), text


@pytest.mark.parametrize(
    "text",
    ["910B 显存带宽(400 GB/s – 1.2 TB/s,看版本)", "昇腾910B的带宽从 400 GB/s 到 1.2 TB/s 不等"],
)
def test_a_range_is_not_two_figures_to_refute(catalogue, text):
    # Ascend 910B bandwidth is 1.6 TB/s [HWX-11]; neither end of a range across versions is called false
    judgements = check(text, catalogue)
    assert judgements and all(j.verdict != "false" for j in judgements)
    assert any("one end of a range" in " ".join(j.explanation) for j in judgements)


def test_memory_types_joined_by_a_slash_are_alternatives(catalogue):
    # "HBM2e/3e, 版本不同": the 910B's HBM2E [HWX-9, HWX-14] is one of them; "3e" is not 3 EFLOPS
    judgements = check("910B:HBM2e/3e,版本不同", catalogue)
    assert [(j.claim.metric, j.verdict) for j in judgements] == [("memory_type", "supported")]


def test_a_figure_matching_another_precision_when_the_stated_one_is_unpublished(catalogue):
    # L20 TF32 59.8 [NV-20a]; its FP32 peak is not in the catalogue and may be 59.8 as well
    (judgement,) = check("L20 单精度 FP32 有 59.8 TFLOPS", catalogue)
    assert judgement.verdict == "unverifiable" and "precision-mismatch" not in judgement.flags
    # the A100 publishes FP32 (19.5 [NV-A1]): its TF32 156 sold as 单精度 stays misleading
    (judgement,) = check("A100单精度算力156TFLOPS", catalogue)
    assert judgement.verdict == "misleading" and "precision-mismatch" in judgement.flags


def test_figures_listed_after_a_possessive_are_that_chips(catalogue):
    """ "versus H100's 80GB HBM3 and 3.35 TB/s": the bandwidth and the memory type listed after a
    figure joined to the H100 are the H100's (H100 SXM5: 80 GB HBM3, 3.35 TB/s; H200: 141 GB HBM3e,
    4.8 TB/s, NVIDIA's datasheets)."""
    judged = check(
        "The H200 has 141GB HBM3e memory and 4.8 TB/s bandwidth versus H100's 80GB HBM3 and 3.35 TB/s.", catalogue
    )
    found = {(j.claim.subject, j.claim.metric, j.claim.value_text): j.verdict for j in judged}
    assert found[("nvidia-h100-sxm5", "memory_bandwidth", "3.35 TB/s")] == "supported"
    assert found[("nvidia-h100-sxm5", "memory_type", "HBM3")] == "supported"
    assert not any(s == "nvidia-h200-sxm" and v == "HBM3" for s, _m, v in found)


def test_a_chip_in_a_parenthesis_does_not_take_over_the_paragraph(catalogue):
    """The heading names the H200; "Blackwell(B200/GB200 系列)" is an aside, so the figures after
    it are the H200's (141 GB, 4.8 TB/s), not the B200's."""
    text = (
        "一、H200 在英伟达内部算哪一级?\n\n2025 年底已让位于新一代 Blackwell(B200/GB200 系列)。\n\n"
        "仍比 H100 高出一截——显存 141 GB,带宽 4.8 TB/s。"
    )
    judged = [j for j in check(text, catalogue) if j.claim.kind == "value"]
    assert [(j.claim.subject, j.verdict) for j in judged] == [("nvidia-h200-sxm", "supported")] * 2


def test_a_slash_fraction_is_a_ratio(reader):
    (claim,) = reader.read("H20的双精度算力仅为H200的1/34")
    assert claim.ratio == pytest.approx(1 / 34) and claim.precisions == ("fp64",)
    (claim,) = [c for c in reader.read("The H20 offers 1/3 of the H100's FP16 throughput") if c.kind == "ratio"]
    assert claim.ratio == pytest.approx(1 / 3)
    # a dense/sparse pair and a date are not fractions
    assert all(c.kind != "ratio" for c in reader.read("A100的INT8算力为624/1248 TOPS"))


def test_a_ratio_takes_the_precision_of_its_own_clause(catalogue):
    """H20 FP64 1 / H200 FP64 34 = 1/34 (NVIDIA's sheets); the FP32 of the row's other cell
    (44 / 67 = 0.66x) is not what "双精度" compares."""
    text = "H20 | FP32 算力 44 TFLOPS,FP64 算力仅 1 TFLOPS | 中国特供版,双精度算力被大幅限制(仅为 H200 的 1/34) |"
    (ratio,) = [j for j in check(text, catalogue) if j.claim.kind == "ratio"]
    assert ratio.claim.precisions == ("fp64",) and ratio.verdict == "supported"


def test_a_ratio_at_one_end_of_a_range_is_never_false(catalogue):
    """H20 FP16 148 / H100 FP16 989.5 = 0.15 (dense), 148 / 1979 = 0.075 (sparse): "1/6到1/15"
    spans both bases, and neither end alone is what the text says."""
    (ratio,) = [j for j in check("在FP16性能上,H20僅為H100的1/6到1/15。", catalogue) if j.claim.kind == "ratio"]
    assert ratio.verdict == "unverifiable" and "one end of a range" in " ".join(ratio.explanation)


@pytest.mark.parametrize(
    "text",
    [
        "BR100的FP32算力是A100的2.4到2.8倍",  # 256 / 156 TF32 = 1.64x; 256 / 19.5 vector = 13.1x
        "The BR100 is 2.4 to 2.8 times faster than the A100 in FP32.",
        "BR100的FP32算力是A100的2.4-2.8倍",
    ],
)
def test_a_bare_number_before_a_ratio_is_the_low_end_of_a_range(catalogue, text):
    """The range is one ratio claim, read at neither end alone: it is never called false."""
    (ratio,) = [j for j in check(text, catalogue) if j.claim.kind == "ratio"]
    assert ratio.claim.ratio_text.startswith("2.4") and (
        "2.8倍" in ratio.claim.ratio_text or "2.8 times" in ratio.claim.ratio_text
    )
    assert ratio.verdict == "unverifiable" and "one end of a range" in " ".join(ratio.explanation)


@pytest.mark.parametrize(
    ("text", "ratio"),
    [
        ("Gaudi 3 provides a fourfold boost in BF16 over Gaudi 2.", 4.0),
        ("The H100 doubled the memory bandwidth of the A100.", 2.0),
        ("The H200 offers a threefold increase in memory bandwidth over the A100.", 3.0),
    ],
)
def test_ratio_words_of_english_trade_press(catalogue, text, ratio):
    assert [j.claim.ratio for j in check(text, catalogue) if j.claim.kind == "ratio"] == [ratio]


@pytest.mark.parametrize(
    ("text", "ratio", "qualifier"),
    [
        ("BR100的性能比A100高23%", 1.23, "equals"),  # 高 right before the number: 23% higher
        ("H20的FP16算力比H100低85%", 0.15, "equals"),
        ("昇腾910B的能效比优于A100 23%", 1.23, "equals"),  # the comparative, its rival, then by how much
        ("BR100的性能高于A100 20%", 1.2, "equals"),
    ],
)
def test_a_percentage_after_a_comparative_is_the_difference(catalogue, text, ratio, qualifier):
    (claim,) = [j.claim for j in check(text, catalogue) if j.claim.kind == "ratio"]
    assert (round(claim.ratio, 2), claim.qualifier) == (ratio, qualifier)


def test_a_one_character_comparative_is_a_change_only_before_a_number(catalogue):
    from specbench.claims.tokens import Kind

    reader = Reader(catalogue)
    for text in ("这款高性能芯片的显存为32GB", "最大2TB", "至少3倍"):
        tokens = reader.tokenizer.tokenize(text, text)
        assert not [t for t in tokens if t.kind is Kind.WORD and t.text in "高快多大强低慢少小弱"], text


def test_energy_efficiency_in_a_training_run_is_a_benchmark_not_a_spec(catalogue):
    """A ResNet50 training result: per watt in one workload, which no spec sheet records."""
    text = "在ResNet50训练中,昇腾910B的能耗比优于A100 23%"
    (judgement,) = [j for j in check(text, catalogue) if j.claim.kind == "ratio"]
    assert judgement.claim.metric == "per_watt" and judgement.verdict == "unverifiable"


def test_a_pronoun_after_a_concession_is_the_clause_subject_not_its_rival(catalogue):
    """H20: 96 GB HBM3, NVLink 900 GB/s [NV-20a]; the H100 it is set against has 80 GB [NV-H1]."""
    text = "H20虽较H100性能缩水70%,但其96GB HBM3显存和900GB/s NVLink带宽仍显著优于昇腾910B。"
    owners = {(j.claim.metric, j.claim.value): (j.claim.subject, j.verdict) for j in check(text, catalogue)}
    assert owners[("memory_capacity", 96.0)] == ("nvidia-h20", "supported")
    assert owners[("interconnect", 900.0)] == ("nvidia-h20", "supported")


def test_a_typographic_apostrophe_is_a_possessive(catalogue):
    """H100 SXM5 INT8 dense 1979 TOPS [NV-H1]."""
    text = "The 910B offers 560 INT8 TOPS, modest versus H100\u2019s 1979 INT8 TOPS."
    owners = {j.claim.value: (j.claim.subject, j.verdict) for j in check(text, catalogue)}
    assert owners[1979.0] == ("nvidia-h100-sxm5", "supported")


def test_it_after_several_of_one_chip_and_a_rival_is_the_chip_they_make(catalogue):
    """Metro Radio (2025-04-21), retelling Reuters: the 910C puts two 910B dies in one package;
    "它" is the 910C, not the two 910Bs nor the H100 it is set against. 910C 128 GB [HWX-19]
    over 910B 64 GB [HWX-11] = 2x."""
    text = (
        "消息指,華為公司計劃最快於5月開始,向中國客戶大規模出貨其先進的910C人工智能(AI)晶片。"
        "華為透過先進的整合技術將兩個910B處理器組合到一個封裝中,實現與輝達的H100晶片相當的性能。"
        "他們補充說,這意味著它的運算能力和記憶體容量,是910B的兩倍。"
    )
    (ratio,) = [j for j in check(text, catalogue) if j.claim.kind == "ratio"]
    assert (ratio.claim.subject, ratio.claim.rival, ratio.claim.ratio) == (
        "huawei-ascend-910c",
        "huawei-ascend-910b",
        2.0,
    )
    assert ratio.verdict != "false"


@pytest.mark.parametrize(("text", "count"), [("将两个910B处理器组合", 2), ("两颗910B", 2), ("十六个", 16)])
def test_a_chinese_numeral_with_its_counter_is_a_count(catalogue, text, count):
    from specbench.claims.tokens import Kind

    tokens = Reader(catalogue).tokenizer.tokenize(text, text)
    assert [t.value for t in tokens if t.kind is Kind.COUNT] == [count]


def test_a_sentence_about_one_kind_of_bandwidth_speaks_of_it_in_every_clause(catalogue):
    """53AI's buyer's comparison: A100 NVLink is 600 GB/s on every SKU [NV-A1, NV-A4]; 900 GB/s is
    the H100's [NV-H1]. The clause with the A100's figure names no bandwidth of its own."""
    for text in (
        "跨GPU通信带宽低:只有64 GB/s,远低于A100的900 GB/s",
        "跨GPU通信帶寬低:只有64 GB/s,遠低於A100的900 GB/s",
    ):
        (judgement,) = [j for j in check(text, catalogue) if j.claim.value == 900.0]
        assert (judgement.claim.metric, judgement.verdict, judgement.claim.doubts) == ("interconnect", "false", ())


@pytest.mark.parametrize(
    ("text", "name"),
    [("昇腾930的算力", "昇腾930"), ("Ascend 10C芯片", "Ascend 10C"), ("MLU690", "MLU690"), ("曦云C600", "曦云C600")],
)
def test_an_unknown_model_of_a_known_series_is_a_chip_of_its_own(catalogue, text, name):
    from specbench.claims.tokens import Kind

    tokens = Reader(catalogue).tokenizer.tokenize(text, text.casefold())
    assert [(t.kind, t.value) for t in tokens if t.kind in (Kind.CHIP, Kind.OTHER_CHIP)] == [(Kind.OTHER_CHIP, name)]


def test_figures_after_a_ratio_are_not_its_rivals(catalogue):
    """A machine-written research summary (reportify.cn): "Ascend 10C" is its garbling of the
    910C, whose BF16 780 TFLOPS and 3.2 TB/s [HWX-17] these are. B200 is what the 30% is measured
    against; neither figure is the B200's (7.7 TB/s [NVX-3])."""
    text = (
        "Ascend 10C芯片: - 性能为Nvidia B200的30%(780 TFLOPS vs 2,500 TFLOPS)[10] - 内存带宽3.2 TB/s(B200为8 TB/s)[10]"
    )
    judgements = check(text, catalogue)
    by_value = {j.claim.value: j for j in judgements if j.claim.value}
    for value in (780.0, 3200.0):
        assert by_value[value].claim.subject != "nvidia-b200" and by_value[value].verdict == "unverifiable"


def test_a_precision_after_a_figure_is_its_own_not_the_next_ones(catalogue):
    """曦思N100: FP16 80 TFLOPS, INT8 160 TOPS [MXX-1, MXX-2]: 'in FP16' belongs to 80, 'in Int8' to 160;
    a parenthesis right after a figure and its precision restates it in that precision."""
    text = "The MXN100 delivers 80 TFLOPS in FP16 and 160 TOPS in Int8"
    found = {j.claim.value: (j.claim.precisions, j.verdict) for j in check(text, catalogue)}
    assert found == {80.0: (("fp16",), "supported"), 160.0: (("int8",), "supported")}
    (restated,) = [
        j
        for j in check("A100 80 GB SXM delivers 19.5 TFLOPS FP32 (312 TFLOPS with sparsity)", catalogue)
        if j.claim.value == 312.0
    ]
    assert restated.claim.precisions == ("fp32",) and restated.verdict == "misleading"


def test_megabytes_of_memory_are_a_thousandth_of_its_gigabytes(catalogue):
    """A Q&A page lists the A100 40GB's memory as 40000MB: 40 GB [NV-A1], never 40000 GB."""
    (judgement,) = check("A100 40GB显存容量:40000MB", catalogue)
    assert (judgement.claim.metric, judgement.claim.value, judgement.verdict) == ("memory_capacity", 40.0, "supported")


def test_a_header_naming_skus_with_memory_sizes_heads_the_columns(catalogue):
    """ "A100 (SXM4 80GB)" in a header names the SKU: the 80GB is no figure, and the rows below
    are judged per column (NVIDIA: H200 141 GB HBM3e, H100 SXM5 80 GB HBM3, A100 80 GB HBM2e,
    PCIe Gen5 / Gen5 / Gen4 x16)."""
    text = (
        "| Attribute | H200 (SXM) | H100 (SXM) | A100 (SXM4 80GB) |\n|---|---|---|---|\n"
        "| Memory type | HBM3e | HBM3 | HBM2e |\n"
        "| PCIe host I/O | Gen5 128 GB/s | Gen5 128 GB/s | Gen5 64 GB/s |"
    )
    judged = [(j.claim.subject, j.claim.metric, j.verdict) for j in check(text, catalogue)]
    assert judged == [
        ("nvidia-h200-sxm", "memory_type", "supported"),
        ("nvidia-h100-sxm5", "memory_type", "supported"),
        ("nvidia-a100-sxm4-80gb", "memory_type", "supported"),
        ("nvidia-h200-sxm", "host_link", "supported"),
        ("nvidia-h100-sxm5", "host_link", "supported"),
        ("nvidia-a100-sxm4-80gb", "host_link", "false"),  # the A100's PCIe is Gen4
    ]


def test_a_word_naming_the_figure_beats_a_link_named_before_it(reader):
    (claim,) = [
        c
        for c in reader.read("The Enflame DTU 1.0 has a PCIe Gen4 x16 interface along with 200GB/s interconnects.")
        if c.value == 200
    ]
    assert claim.metric == "interconnect"


def test_a_clause_with_no_chip_continues_the_ratio_before_it(catalogue):
    """ "也低于昇腾910B算力" says the H20 is below the 910B (FP16 148 vs 353 [NV-20d, Ascend
    sources]), not the H100 its ratio was measured against."""
    text = "显示H20 PF16 为148TFlops,H100 SXM(990T Flops)算力的15%左右,也低于昇腾910B算力;"
    (below,) = [j for j in check(text, catalogue) if j.claim.rule == "comparative"]
    assert (below.claim.subject, below.claim.rival, below.verdict) == ("nvidia-h20", "huawei-ascend-910b", "supported")


def test_an_unnamed_rival_with_its_own_marker_is_a_rival(catalogue):
    """ "相较于上一代" names the rival (unnamed): the figure after it is still the H100's NVLink
    (900 GB/s [NV-H1]), and the 9x against a generation nobody names cannot be checked."""
    judged = check("H100 的 NVLink 相较于上一代,带宽高出 9 倍,带宽速度为 900GB/s", catalogue)
    found = {(j.claim.metric, j.claim.subject, j.claim.value_text or j.claim.ratio_text): j.verdict for j in judged}
    assert found[("interconnect", "nvidia-h100-sxm5", "900GB/s")] == "supported"
    ratios = [v for (_m, _s, t), v in found.items() if t and "倍" in t]
    assert ratios and all(v == "unverifiable" for v in ratios)


def test_a_memory_size_after_the_name_is_one_devices(catalogue):
    """ "8× NVIDIA H100 80GB … per node": 80 GB is each H100's (NVIDIA: H100 SXM5 80 GB), not
    the node's total; "DGX B200 lists 1,440 GB … across 8 GPUs" is still a total."""
    (judged,) = check("| GPUs | 8× NVIDIA H100 80GB HBM3 SXM5 per node |", catalogue)[:1]
    assert (judged.claim.metric, judged.claim.count, judged.verdict) == ("memory_capacity", 1, "supported")
    total = check("DGX B200 lists 1,440 GB HBM3e and up to 64 TB/s total bandwidth across 8 GPUs", catalogue)[0]
    assert (total.claim.value, total.claim.count) == (1440.0, 8)


def test_a_benchmark_before_the_ratios_clause_is_what_it_measures(catalogue):
    """ "单位功耗性能" is performance per watt, and "在分子动力学模拟中" a benchmark: the 3.7x is a
    simulation's result, which no spec sheet records."""
    (ratio,) = check("MI300X在分子动力学模拟中,单位功耗性能领先V100达3.7倍", catalogue)
    assert (ratio.claim.metric, ratio.verdict) == ("per_watt", "unverifiable")
    assert ratio.claim.undefined


@pytest.mark.parametrize(
    ("text", "metric", "value", "verdict"),
    [
        # Ascend 910C: 2 compute dies [HWX-20, HWX-31], 8 HBM2E stacks [HWX-17]
        ("The Ascend 910C is equipped with two compute dies", "compute_dies", 2.0, "supported"),
        ("Huawei ships its dual-chiplet Ascend 910C AI processors", "compute_dies", 2.0, "supported"),
        ("昇腾910C集成了两个计算芯粒和8颗HBM2E", "memory_stacks", 8.0, "supported"),
        # Gaudi 3: "2 compute dies … 8 HBM2e stacks" [INTC-1]
        ("Gaudi 3 is made up of two identical silicon dies", "compute_dies", 2.0, "supported"),
        ("Intel's Gaudi 3 is packaged with eight high-bandwidth memory chips", "memory_stacks", 8.0, "supported"),
        # BR100: two tiles, four HBM2E stacks [BR-4]
        ("The BR100 has six HBM2e stacks", "memory_stacks", 6.0, "false"),
    ],
)
def test_counts_of_dies_and_memory_stacks(catalogue, text, metric, value, verdict):
    judged = [j for j in check(text, catalogue) if j.claim.metric == metric]
    assert [(j.claim.value, j.verdict) for j in judged] == [(value, verdict)]


def test_a_count_of_one_dies_parts_is_not_the_chips(catalogue):
    # BR100: two HBM2E stacks per tile, four in all [BR-4]: "each die" counts a die's, never false
    assert not [
        j for j in check("Each die of the BR100 has two HBM2E stacks", catalogue) if j.claim.metric == "memory_stacks"
    ]
    # "two chips" counts chips, not the parts of one
    assert not [
        j for j in check("The server holds two chips and the BR100", catalogue) if j.claim.metric == "compute_dies"
    ]


def test_the_chip_a_sentence_says_was_launched_is_what_it_is_about(catalogue):
    # BR104 / BR100 INT8 1024 / 2048 TOPS [BR-1]: "it" is the BR104, launched, not the BR100 named first
    text = (
        "At the same time as launching the BR100 Biren has launched the BR104. "
        "It is a single chiplet that provides about half the performance of the BR100"
    )
    ratios = [j for j in check(text, catalogue) if j.claim.ratio is not None]
    assert [(j.claim.subject, j.claim.rival, j.verdict) for j in ratios] == [
        ("biren-br104", "biren-br100", "supported")
    ]


def test_a_list_of_capacities_names_skus_the_catalogue_may_lack(catalogue):
    # H100 SXM5 and PCIe: 80 GB [NV-H1]; 94 GB is the H100 NVL, which the catalogue does not hold
    judged = check("Hopper H100 LLM 训练 + 推理 80 / 94 / 140 GB HBM3 变体", catalogue)
    capacities = [(j.claim.value, j.verdict) for j in judged if j.claim.metric == "memory_capacity"]
    assert capacities == [(140.0, "unverifiable")]
    assert [j.verdict for j in check("H100 有 80 / 94 GB 两种版本", catalogue)] == ["unverifiable"]
    # one capacity alone is still judged: no H100 has 120 GB
    assert [j.verdict for j in check("H100 has 120 GB of memory", catalogue)] == ["false"]


def test_a_name_with_one_capacity_of_a_list_names_the_family(catalogue):
    # A100 SXM4 40GB and 80GB [NV-A1]: "A100 40GB/80GB" lists the family's SKUs, each supported
    judged = [j for j in check("A100 40GB/80GB HBM2e", catalogue) if j.claim.metric == "memory_capacity"]
    assert [(j.claim.value, j.verdict, j.flags) for j in judged] == [(80.0, "supported", [])]


def test_a_figure_in_a_relative_clause_is_the_chip_it_follows(catalogue):
    # A800 SXM4 80GB: 80 GB [NVX-22], NVLink 400 GB/s [NVX-23]; the PPU is not in the catalogue
    judged = check("Alibaba's PPU has 96GB of HBM2e memory, surpassing NVIDIA's A800 which has 80GB", catalogue)
    stated = [(j.claim.subject, j.claim.value, j.verdict) for j in judged if j.claim.rule == "stated_value"]
    assert ("nvidia-a800-sxm4-80gb", 80.0, "supported") in stated
    assert all(subject != "nvidia-a800-sxm4-80gb" or value == 80.0 for subject, value, _verdict in stated)
    # "exceeding" and "equal to" set the chip after them against the subject: never its subject
    judged = check("The interconnect bandwidth of the PPU reaches 700GB/s, exceeding A800's 400GB/s.", catalogue)
    assert [(j.claim.subject, j.claim.rival) for j in judged if j.claim.rule == "comparative"] == [
        (None, "nvidia-a800-sxm4-80gb")
    ]
    judged = check("Power consumption for Alibaba's PPU is 400W, equal to A800 and lower than H20's 550W", catalogue)
    assert all(j.claim.subject != "nvidia-a800-sxm4-80gb" for j in judged)


@pytest.mark.parametrize(
    ("text", "subject", "precision", "value", "verdict"),
    [
        # tables copied without cell breaks: H200 FP64 34 TFLOPS [NVX-1]
        ("H200 FP6434 TFLOPS (Tensor 67)", "nvidia-h200-sxm", "fp64", 34.0, "supported"),
        # a parenthesis giving the other basis says which one the figure is: H100 SXM5 TF32 989 sparse [NV-H1]
        ("H100 SXM has 989 TF32 TFLOPS (495 without sparsity)", "nvidia-h100-sxm5", "tf32", 989.0, "supported"),
        # "A100 SXM 40GB" names the SXM4 40GB card: 1555 GB/s [NV-A1]
        ("A100 SXM 40GB has 1555 GB/s of memory bandwidth", "nvidia-a100-sxm4-40gb", None, 1555.0, "supported"),
    ],
)
def test_figures_as_spec_tables_print_them(catalogue, text, subject, precision, value, verdict):
    judged = [j for j in check(text, catalogue) if j.claim.value == value]
    assert [(j.claim.subject, j.claim.precisions[:1] or (None,), j.verdict, j.flags) for j in judged] == [
        (subject, (precision,) if precision else (None,), verdict, [])
    ]


def test_an_nvlink_generation_written_as_an_ordinal_names_the_link(catalogue):
    # H200 SXM NVLink 900 GB/s [NVX-1]
    judged = check("H200 NVLink4th gen, 900 GB/s", catalogue)
    assert [(j.claim.metric, j.verdict) for j in judged] == [("interconnect", "supported")]


def test_a_ratio_that_names_no_precision_and_holds_on_none_is_false(catalogue):
    # H20 / H100 SXM5 dense: FP16 and BF16 148 / 989.5, TF32 74 / 494.5, FP8 and INT8 296 / 1979, all
    # 0.15x; FP32 44 / 67 = 0.66x; FP64 1 / 34 = 0.03x [NV-20a, NV-H1]. No basis gives about 1/3; H20
    # FP32 against the H100's vector FP16 (133.8) does, by chance, and is no basis of a claim.
    judged = check("同年12月公司推出L20和H20芯片,其中H20算力约为H100的1/3,但价格却高达一半,", catalogue)
    assert [(j.claim.ratio, j.verdict) for j in judged] == [(1 / 3, "false")]  # the price's half is no claim
    # "up to 6x" is H100 FP8 1979 against A100 FP16 312 = 6.34x: a narrower format against a wider one
    judged = check("H100效能顯著提升，AI訓練吞吐量高達A100的6倍", catalogue)
    assert [(j.verdict, "precision-mismatch" in j.flags) for j in judged if j.claim.ratio] == [("misleading", True)]


@pytest.mark.parametrize(
    ("text", "metric", "verdict"),
    [
        # MI300X: eight HBM3 stacks [AMD-2]
        ("The MI300X has four HBM3 memory stacks", "memory_stacks", "false"),
        # A100 FP16 dense 312, sparse 624 [NV-A1]: "(sparse)" is the figure's own basis
        ("A100 FP16 Performance: 312 TFLOPS (sparse)", "throughput", "misleading"),
        # A800 NVLink 400 GB/s [NVX-23]: GPU间 is GPU to GPU; P2P is no 2 PFLOPS
        ("A800使GPU间P2P带宽达到600GB/s", "interconnect", "false"),
        # MI300X FP16 matrix 1307.4 dense [AMD-1]: 仅能达到 is a ceiling, and a sparse figure is a matrix unit's
        ("MI300X的FP16稀疏算力仅能达到278TFLOPS", "throughput", "false"),
        # a China SKU the catalogue does not hold: Gaudi 3 OAM 900 W [INTC-1] is not its TDP
        ("中国特供版Gaudi 3的OAM卡和PCIe卡的TDP均为450瓦", "tdp", "unverifiable"),
        # on-die SRAM is a cache, never the card's 128 GB
        ("Gaudi 3具有相同的96MB SRAM片上内存", "cache", "unverifiable"),
        # 天垓100: 1.2 TB/s [ILX-3]; "TB / s" and "TB of bandwidth" are bandwidth
        ("The 天垓100 offers 32GB of HBM2 memory and 1.2TB / s bandwidth", "memory_bandwidth", "supported"),
        (
            "The 天垓100 has 32 GB of HBM2 memory present, and it has 1.2 TB of bandwidth",
            "memory_bandwidth",
            "supported",
        ),
    ],
)
def test_readings_of_new_coverage(catalogue, text, metric, verdict):
    assert [j.verdict for j in check(text, catalogue) if j.claim.metric == metric] == [verdict]


def test_figures_of_chips_set_against_others_are_not_theirs(catalogue):
    # the 900 TFLOPS is the Ascend 920's, which the catalogue lacks; the H20 only competes with it
    judged = check(
        "Huawei's Ascend 920 competes with Nvidia's H20 and is said to support a speed of 900 TFLOPS", catalogue
    )
    assert all(j.claim.subject != "nvidia-h20" for j in judged)
    # "则为" keeps the per-watt basis of the clause before it: 42 GFLOPS is no MI300X peak
    judged = check("H100每瓦特提供38GFLOPS算力,MI300X则为42GFLOPS", catalogue)
    assert [(j.claim.metric, j.verdict) for j in judged] == [("per_watt", "unverifiable")] * 2
    # a cost is no throughput ratio
    assert not check("昇腾910B成本低 20%", catalogue)


def test_a_table_row_reads_its_label_its_cell_and_its_header(catalogue):
    from specbench.claims import Reader
    from specbench.claims.judging import Judge
    from specbench.scan import scan_text

    def scanned(table: str) -> list[tuple[str | None, str, float | None, str]]:
        found = scan_text([table], "t", Reader(catalogue), Judge(catalogue))
        return [
            (f.judgement.claim.subject, f.judgement.claim.metric, f.judgement.claim.value, f.judgement.verdict)
            for f in found
        ]

    # NVLink: H100 900 GB/s [NV-H1], A100 600 GB/s [NV-A1]; "PCIe only" in the L40S cell is that cell's
    table = (
        "| | H100 SXM | A100 SXM | L40S |\n|---|---|---|---|\n"
        "| NVLink | ✓ (900 GB/s) | ✓ (600 GB/s) | ✗ (PCIe only) |\n"
    )
    assert scanned(table) == [
        ("nvidia-h100-sxm5", "interconnect", 900.0, "supported"),
        ("nvidia-a100-sxm4-80gb", "interconnect", 600.0, "supported"),
    ]
    # the header's FP16/BF16 governs the cell: H100 SXM5 FP16 989.5 dense, 1979 sparse [NV-H1]
    table = (
        "| GPU Model | Memory Bandwidth | FP16/BF16 Tensor TFLOPS | FP64 TFLOPS |\n|---|---|---|---|\n"
        "| H100 | 3.35 TB/s | Up to 989 TFLOPS (with sparsity) | 34 TFLOPS |\n"
    )
    throughput = [row for row in scanned(table) if row[1] == "throughput"]
    assert throughput == [
        ("nvidia-h100-sxm5", "throughput", 989.0, "misleading"),
        ("nvidia-h100-sxm5", "throughput", 34.0, "supported"),
    ]
    # a memory row pins the A100 column to the 80 GB cards: 1555 GB/s is the 40 GB card's [NV-A1]
    table = "| 参数 | H100 | A100 |\n| 显存容量 | 80GB | 80GB |\n| 显存带宽 | 3.35TB/s | 1.56TB/s |\n"
    assert ("nvidia-a100-sxm4-80gb", "memory_bandwidth", 1560.0, "misleading") in scanned(table)
    # … and the A100 PCIe 80GB's 1935 GB/s [NV-A2] is still an 80 GB card's
    table = "| 参数 | H100 | A100 |\n| 显存容量 | 80GB | 80GB |\n| 显存带宽 | 3.35TB/s | 1,935 GB/s |\n"
    assert ("nvidia-a100-sxm4-80gb", "memory_bandwidth", 1935.0, "supported") in scanned(table)


def test_up_to_gives_a_figure_as_the_chips_peak(catalogue):
    # A100: FP64 tensor and FP32 19.5, BF16/FP16 312 dense [NV-A1]: 'up to 19.5' understates its peak
    judged = check("A100具备高达19.5TFLOPS的浮点运算能力", catalogue)
    assert [(j.verdict, j.flags) for j in judged] == [("misleading", ["precision-mismatch"])]
    # with its precision named, 'up to' is that precision's peak: H20 FP32 44 [NV-20d]
    assert [j.verdict for j in check("The H20 offers up to 44 TFLOPS of FP32", catalogue)] == ["supported"]


def test_a_workload_named_beside_a_spec_figure_does_not_make_it_a_benchmark(catalogue):
    # L40S FP8 733 TFLOPS [NVX-8]: a peak of a named precision, whatever the word for it
    assert [j.verdict for j in check("L40S的FP8推理性能达到733 TFLOPS", catalogue)] == ["supported"]
    # A100 40 GB and 80 GB [NV-A1]: a memory size is no inference result
    judged = check("A100 is available in 40GB and 80GB VRAM configurations for LLM inference", catalogue)
    assert [j.verdict for j in judged] == ["supported", "supported"]
    # a ratio of inference performance is still a workload's
    assert [j.verdict for j in check("The H100 delivers 2x the inference performance of the A100", catalogue)] == [
        "unverifiable"
    ]


def test_a_rate_in_bits_beside_a_pcie_generation_is_its_lane_rate(catalogue):
    # Ascend 910: PCIe 4.0 to the CPU [HWX-6]; PCI-SIG's PCIe 4.0 signals 16 GT/s per lane
    judged = check("昇腾910 AI处理器和CPU之间以最新的PCIe 4.0(速率16Gb/s)技术互联", catalogue)
    assert [(j.claim.metric, j.verdict) for j in judged] == [
        ("host_link", "supported"),
        ("host_interface", "supported"),
    ]


def test_no_chip_outside_the_catalogue_is_one_it_holds(catalogue):
    # a word of the lexicon's other_chips that the catalogue resolves would call a catalogued chip
    # "not in the catalogue" wherever that word matched first
    from specbench.claims.lexicon import load

    held = {k: v for k, v in load().table("other_chips").items() if catalogue.chip_id(k) or catalogue.chip_id(v)}
    assert held == {}
    # Kunlunxin R200: INT8 256 TOPS [KLX-6]; named with its series, it is the catalogue's chip
    assert [(j.claim.subject, j.verdict) for j in check("昆仑芯R200的INT8算力为256 TOPS", catalogue)] == [
        ("kunlunxin-r200", "supported")
    ]
    # 深算二号 is an architecture whose models Hygon has not mapped: never the catalogue's K100
    assert [j.claim.subject for j in check("深算二号的FP16算力为100 TFLOPS", catalogue)] == [None]


def test_a_memory_type_of_another_sku_of_the_family(catalogue):
    # H20 141GB: its memory type is not recorded (only its capacity [NVX-16]); the text may mean it
    judged = {j.claim.metric: j.verdict for j in check("H20 has 141GB of HBM3e", catalogue)}
    assert judged == {"memory_capacity": "misleading", "memory_type": "unverifiable"}
    # no H20 has GDDR6X; H100 PCIe has HBM2e [NV-H1], so "H100 uses HBM2e" is another SKU's
    assert [j.verdict for j in check("H20采用GDDR6X显存", catalogue)] == ["false"]
    assert [(j.verdict, j.flags) for j in check("H100 uses HBM2e memory", catalogue)] == [
        ("misleading", ["sku-mismatch"])
    ]
    assert [j.verdict for j in check("H100 SXM5 uses HBM2e memory", catalogue)] == ["false"]


def test_readings_from_self_media_and_buyer_pages(catalogue):
    # H200 SXM 141 GB, 4.8 TB/s [NVX-1]; H100 80 GB [NV-H1]: after "doubles", the H100 is the rival,
    # and the bandwidth after its parenthesis is the subject's
    text = (
        "The H200 features several key upgrades. "
        "141GB HBM3e Memory: Nearly doubles the H100's capacity (80GB) with 4.8TB/s bandwidth"
    )
    stated = [
        (j.claim.subject, j.claim.value, j.verdict) for j in check(text, catalogue) if j.claim.rule == "stated_value"
    ]
    assert ("nvidia-h200-sxm", 4800.0, "supported") in stated and ("nvidia-h100-sxm5", 80.0, "supported") in stated
    # MI300X 192 GB [AMD-1] against the H100's 80 GB: the rival's figure says the ratio is of memory
    text = "The MI300X ships with 192GB HBM3 memory. more than double the H100's 80GB."
    assert [(j.claim.metric, j.verdict) for j in check(text, catalogue) if j.claim.ratio] == [
        ("memory_capacity", "supported")
    ]
    # a measured figure, with the pinyin a scraped copy prints; the H20's own figure in its parenthesis
    # is a spec figure: 148 TFLOPS FP16 dense [NV-20a]
    text = "昇騰910B實(shí)測(cè)算力達(dá)320 TFLOPs(H20僅148 TFLOPs),且華為加速構(gòu)建兼容CUDA的生態(tài)"
    assert [(j.claim.subject, j.verdict) for j in check(text, catalogue)] == [
        ("huawei-ascend-910b", "unverifiable"),
        ("nvidia-h20", "supported"),
    ]
    # an export threshold is no chip's figure; the H200's 5,200 TOPS is (INT8 3958 sparse [NVX-1])
    text = "The H200's peak theoretical performance (5,200 TOPS) exceeds current US export thresholds (4,800 TOPS)."
    assert [(j.claim.value, j.verdict) for j in check(text, catalogue)] == [(5200.0, "false"), (4800.0, "unverifiable")]
    # 邃思2.0: 3306 mm² is its package (57.5 mm × 57.5 mm [EF-1]), called the chip's area
    text = "邃思2.0的亮点: 3306mm²芯片面积，达到日月光2.5D封装极限"
    assert [(j.verdict, "package-not-die" in j.flags) for j in check(text, catalogue)] == [("misleading", True)]


def test_a_header_without_a_corner_cell_heads_the_cells_after_the_label(catalogue):
    from specbench.claims import Reader
    from specbench.claims.judging import Judge
    from specbench.scan import scan_text

    # L4 24 GB [NVC-Q3], L40S 48 GB [NVX-8], H100 SXM5 80 GB [NV-H1]: the header's empty cell is last
    table = "| L4 | L40S | H100 SXM5 | |\n|---|---|---|---|\n| Memory | 24 GB GDDR6 | 48 GB GDDR6 | 80 GB HBM3 |\n"
    found = scan_text([table], "t", Reader(catalogue), Judge(catalogue))
    capacities = [
        (f.judgement.claim.subject, f.judgement.verdict) for f in found if f.judgement.claim.metric == "memory_capacity"
    ]
    assert capacities == [("nvidia-l4", "supported"), ("nvidia-l40s", "supported"), ("nvidia-h100-sxm5", "supported")]


def test_measured_speeds_and_latencies_are_benchmarks(catalogue):
    text = (
        "In multi-GPU vLLM benchmarks using Llama 3.1 8B, MI300X achieves ~18,752 tokens/second on a "
        "single GPU — roughly 74% of H200’s throughput."
    )
    assert [j.verdict for j in check(text, catalogue) if j.claim.ratio] == ["unverifiable"]
    text = "The H200 is delivering up to 40% lower latency than the H100"
    assert all(j.verdict == "unverifiable" for j in check(text, catalogue))


def test_an_area_read_from_a_fraction_character_does_not_break_the_reader(catalogue):
    # NFKC turns "¼" into "1⁄4": the area "4x0毫米" is read, and its text is no single number.
    # The sentence names no chip, so it holds no claim to judge.
    assert check("¼X0毫米", catalogue) == []


@pytest.mark.parametrize(
    ("text", "subject", "named"),
    [
        # The Tesla T20 is NVIDIA's (Tesla was its data-centre brand); the catalogue's T20 is
        # Enflame's 云燧T20 (FP32 32 TFLOPS, 32 GB). Read as Enflame's, 1.03 and 4 GB were FALSE.
        ("NVIDIA Tesla T20 delivers 1.03 TFLOPS of FP32", None, "Tesla T20"),
        ("英伟达T20的显存为4GB", None, "英伟达 T20"),
        # the chip's own vendor before its name keeps it
        ("燧原T20的FP32算力为32 TFLOPS", "enflame-yunsui-t20", None),
        ("NVIDIA A100的FP16算力为312 TFLOPS", "nvidia-a100-sxm4-80gb", None),
    ],
)
def test_a_name_after_another_vendors_name_is_not_the_catalogues_chip(catalogue, text, subject, named):
    (judgement,) = check(text, catalogue)
    claim = judgement.claim
    assert (claim.subject, claim.subject_query if subject is None else None) == (subject, named)
    assert judgement.verdict == ("unverifiable" if subject is None else "supported")


def test_a_series_name_misprinted_is_still_its_own_chip(catalogue):
    # Chinese versions of Reuters' 2025 report print 思源 for Cambricon's 思元 (MLU590, not in the
    # catalogue). Unread, the figure fell to the chip of the sentence before, the Ascend 910B.
    text = "华为 910B 的总处理性能达到 5,120,超过了 H20 的 2,368。寒武纪思源 590 的总处理性能为 4,493,也超过了 H20。"
    judgements = check(text, catalogue)
    assert [j.claim.subject_query for j in judgements if "590" in j.claim.text] == ["MLU590"]
    assert [j.claim.subject for j in judgements if "590" in j.claim.text] == [None]


@pytest.mark.parametrize(
    ("text", "subject", "named"),
    [
        # aronboss.com on Iluvatar's Big Island: "AMD Instinct 100" is the MI100, not in the catalogue.
        # Unread as a chip, its 50 billion transistors fell to the A100 of the sentence before.
        (
            "For comparison, the Nvidia A100 accelerator has 54 billion transistors. "
            "AMD Instinct 100 accelerator offers values such as 50 billion transistors.",
            None,
            "Instinct 100",
        ),
        ("AMD Instinct MI300X has 192 GB of HBM3 memory", "amd-instinct-mi300x", "Instinct MI300X"),
    ],
)
def test_an_instinct_model_the_catalogue_lacks_is_its_own_chip(catalogue, text, subject, named):
    last = check(text, catalogue)[-1].claim
    assert (last.subject, last.subject_query) == (subject, named)


@pytest.mark.parametrize(
    "text",
    [
        # A leading frame naming a benchmark or workload, with no chip or figure of its own, says what
        # the comparison after it measures: a measured result no spec sheet records.
        "在ResNet-50训练测试中,H100凭借第四代NVLink,实现每秒处理12,800张图像的能力,相比A100的8,192张提升56%。",
        "在Transformer模型訓練場景中,H100相比A100實現4-7倍加速",
        # workload words in the comparison's own clause
        "The H200 delivers up to 2x faster inference on models like Llama 2 70B compared to the H100",
        "MI300X的batch处理能力比H100高出17%",
        "H100多卡协同效率比 A100 集群高 30% 以上",
    ],
)
def test_a_workload_comparison_is_a_benchmark_result(catalogue, text):
    judgements = [j for j in check(text, catalogue) if j.claim.rival is not None or j.claim.ratio is not None]
    assert judgements
    assert all(j.verdict == "unverifiable" and "benchmark result" in (j.claim.undefined or "") for j in judgements)


def test_a_frame_does_not_make_a_named_peak_a_benchmark(catalogue):
    # H100 SXM5 FP16 989.5 dense / A100 312 = 3.17x [NV-H1, NV-A1]: "FP16算力" names a peak figure,
    # which a workload frame before it does not turn into a measured result.
    (judgement,) = check("在大模型训练中,H100的FP16算力是A100的3.2倍", catalogue)
    assert (judgement.claim.undefined, judgement.verdict) == (None, "supported")


def test_a_pronoun_after_a_sentence_naming_one_chip_is_that_chip(catalogue):
    # oryoy.com's explainer: the sentence before names the A100 alone, so 其 is the A100, and 53亿
    # (5.3 billion) transistors against its 54.2 billion [NV-A3] is false, not a doubtful reading.
    judgements = check("英伟达A100在算力方面具有显著优势。其采用7nm工艺制造,搭载53亿个晶体管。", catalogue)
    transistors = [j for j in judgements if j.claim.metric == "transistors"]
    assert [(j.claim.subject, j.verdict) for j in transistors] == [("nvidia-a100-sxm4-80gb", "false")]


def test_a_pronoun_after_a_sentence_naming_two_chips_stays_in_doubt(catalogue):
    # The sentence before names the A100 and the H100: 其 may be either, so no verdict of false.
    judgements = check("英伟达A100和H100在算力方面具有显著优势。其搭载53亿个晶体管。", catalogue)
    transistors = [j for j in judgements if j.claim.metric == "transistors"]
    assert [j.verdict for j in transistors] == ["unverifiable"]


def test_a_count_after_another_figure_is_not_this_figures(catalogue):
    # A Chinese report on the Ascend 910: 256 TFLOPS FP16 is one chip's [HWX-1]; the 2048 nodes belong
    # to the server named after the die area, not to the figure before it.
    text = (
        "昇騰910采用臺積電7nm工藝制造。"
        "它的半精度浮點性能高達256TFlops,內核面積182.4平方毫米,還有2048個節點組成的AI服務器。"
    )
    (judgement,) = [j for j in check(text, catalogue) if j.claim.metric == "throughput"]
    assert (judgement.claim.count, judgement.verdict, judgement.flags) == (1, "supported", [])


@pytest.mark.parametrize(
    "text",
    [
        # Titan Computers on the MTT S4000: a video resolution, never 1080 PFLOPS
        "The MTT S4000 supports four display outputs, handling up to 8K displays and managing"
        " 96 simultaneous 1080p streams.",
        "MTT S4000支持96路1080P视频解码",
    ],
)
def test_a_video_resolution_is_no_figure(catalogue, text):
    assert [j for j in check(text, catalogue) if j.claim.metric == "throughput"] == []


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # H20 FP16 148 / H100 SXM5 989.5 = 0.15 [NV-20, NV-H1]: no peak figure is 28% lower; TrendForce's
        # "28% lower performance" rests on an unstated measure, so it is not called false
        ("The H20 has 28% lower performance than the H100.", "unverifiable"),
        ("H20的性能相比H100降低28%", "unverifiable"),
        # a percentage of "performance" that holds on the peak figures is still supported
        ("H20的性能为旗舰芯片H100的15%", "supported"),
        # 算力 (compute) names the peak: 28% lower holds on no precision, so it is false
        ("H20的算力比H100降低28%", "false"),
    ],
)
def test_a_percentage_of_performance_is_not_false_on_peak_figures_alone(catalogue, text, verdict):
    (judgement,) = check(text, catalogue)
    assert judgement.verdict == verdict


def test_fewer_gpu_cores_is_a_core_count(catalogue):
    # "41% fewer GPU cores" (TrendForce on the H20) counts cores; it is no throughput ratio
    judgements = check("The H20 has 41% fewer GPU cores than the H100.", catalogue)
    assert [(j.claim.metric, j.verdict) for j in judgements] == [("cores", "unverifiable")]


@pytest.mark.parametrize(
    "text",
    [
        # jrhz.info: "L4级" is level 4 of driving automation, not NVIDIA's L4 card (INT8 485 sparse)
        "L4级自动驾驶芯片算力需求突破1000TOPS",
        "L2+级辅助驾驶芯片算力为200TOPS",
        "L4 autonomous trucks need 1000 TOPS",
    ],
)
def test_a_driving_automation_level_is_no_chip(catalogue, text):
    assert [j.claim.subject for j in check(text, catalogue)] == []


def test_nvidias_l4_is_still_read(catalogue):
    # NVIDIA L4 INT8 Tensor Core: 485 TOPS with sparsity [NVC-Q3]
    assert [j.claim.subject for j in check("The L4 delivers 485 TOPS of INT8", catalogue)] == ["nvidia-l4"]


def test_a_share_of_performance_on_another_basis_is_not_a_finding(catalogue):
    # TrendForce (2024): MTT S4000 vs A100 is 0.32x on every like-for-like peak [MT-5, NV-A1]; 60% matches
    # only a cross-precision pair (FP16 100 / TF32 156 = 0.64x), a coincidence, not a misleading basis
    (judgement,) = check(
        "Moore Threads’ S4000 GPU delivers performance roughly 60 percent of that of NVIDIA’s A100", catalogue
    )
    assert (judgement.claim.rival, judgement.verdict) == ("nvidia-a100-sxm4-80gb", "unverifiable")


def test_a_rival_named_with_its_vendor_after_of(catalogue):
    # techstartups.com (2025): 910C BF16 780 / H100 SXM5 989.5 = 0.79 [HWX-17, NV-H1]
    judgements = check(
        "The 910C offers 800 TFLOPS of FP16. That puts it close to 80% of Nvidia’s H100 performance.", catalogue
    )
    assert [j.claim.rival for j in judgements if j.claim.ratio is not None] == ["nvidia-h100-sxm5"]


@pytest.mark.parametrize(
    ("text", "subject", "claimed"),
    [
        # Reuters (2024): the Ascend 910 is made on TSMC N7+ [HWX-7, HWX-24]
        ("the original Ascend 910 was manufactured on a 7 nanometer process", "huawei-ascend-910", "7 nanometer"),
        # TechPowerUp (2021): 天垓100 on TSMC 7 nm [ILX-1, ILX-2]
        ("Big Island is currently being manufactured on TSMC's 7 nm node", "iluvatar-tiangai-100", "7 nm"),
    ],
)
def test_a_node_in_nanometres_or_before_node_is_a_process(catalogue, text, subject, claimed):
    (judgement,) = check(text, catalogue)
    assert (judgement.claim.subject, judgement.claim.metric, judgement.verdict) == (subject, "process", "supported")
    assert judgement.claim.value_text == claimed


@pytest.mark.parametrize(
    ("text", "subject", "count"),
    [
        ("H100晶體管數量躍升至800億", "nvidia-h100-sxm5", 80e9),  # NVIDIA: 80 billion transistors [NV-A3]
        ("The A100 has a transistor count of 54.2 billion", "nvidia-a100-sxm4-80gb", 54.2e9),  # [NV-A3]
        ("BR100晶体管数量为770亿，公司融资超过50亿元", "biren-br100", 77e9),  # 77 billion [BR-1]; money is no count
    ],
)
def test_a_count_after_the_word_for_transistors(catalogue, text, subject, count):
    (judgement,) = check(text, catalogue)
    assert (judgement.claim.subject, judgement.claim.metric, judgement.verdict) == (subject, "transistors", "supported")
    assert judgement.claim.value == pytest.approx(count)


def test_a_magnitude_without_the_word_for_transistors_is_no_count(catalogue):
    assert [j.claim.metric for j in check("壁仞科技融资超过50亿元，BR100采用7nm工艺", catalogue)] == ["process"]


def test_cards_counted_in_the_figures_clause_are_what_it_totals(catalogue):
    # jrhz.info (2025): "实现8卡显存池化达768GB", 8 x 96 GB [NV-20a, NV-20b]; without the count it was FALSE
    (judgement,) = check("H20实现8卡显存池化达768GB", catalogue)
    assert (judgement.claim.count, judgement.verdict) == (8, "supported")
    (single,) = check("H20单卡显存达96GB", catalogue)
    assert (single.claim.count, single.verdict) == (1, "supported")


# XConnect Global (2025-11-06), "NVIDIA A100 vs H100 vs H200": a column headed FP64 holds the A100's
# FP64 Tensor Core 19.5 [NV-A1] and the H100's plain (vector) FP64 34 [NV-H1].
_FP64_TABLE = (
    "| GPU Model | Memory Bandwidth | FP64 TFLOPS | NVLink Bandwidth |\n"
    "|---|---|---|---|\n"
    "| A100 | Up to 2.0 TB/s | 19.5 TFLOPS | 600 GB/s |\n"
    "| H100 | 3.35 TB/s | 34 TFLOPS | 900 GB/s (NVLink 4.0) |"
)


def test_a_column_setting_a_matrix_figure_beside_a_vector_one_is_misleading(catalogue):
    fp64 = {j.claim.subject: j for j in check(_FP64_TABLE, catalogue) if j.claim.precisions == ("fp64",)}
    a100, h100 = fp64["nvidia-a100-sxm4-80gb"], fp64["nvidia-h100-sxm5"]
    assert (a100.verdict, a100.flags) == ("misleading", ["vector-vs-matrix"])
    assert "H100's FP64 as its vector figure (34 TFLOPS)" in " ".join(a100.explanation)
    assert (h100.verdict, h100.flags) == ("supported", [])


def test_a_matrix_figure_alone_in_its_column_is_not_flagged(catalogue):
    alone = "\n".join(_FP64_TABLE.splitlines()[:3])
    (a100,) = [j for j in check(alone, catalogue) if j.claim.precisions == ("fp64",)]
    assert (a100.verdict, a100.flags) == ("supported", [])  # NVIDIA prints FP64 Tensor Core 19.5 [NV-A1]


def test_a_columns_header_says_which_bandwidth_its_cells_are(catalogue):
    judged = [j for j in check(_FP64_TABLE, catalogue) if j.claim.metric != "throughput"]
    # NVLink: A100 600 GB/s [NV-A1], H100 900 GB/s [NV-H1]; memory: 2.0 TB/s rounds 2.039 [NV-A1]
    assert [(j.claim.metric, j.claim.value, j.verdict) for j in judged] == [
        ("memory_bandwidth", 2000, "supported"),
        ("interconnect", 600, "supported"),
        ("memory_bandwidth", 3350, "supported"),
        ("interconnect", 900, "supported"),
    ]
    # 云头条 (yunthe) server GPU ranking: "互联带宽" heads H200's NVLink 900GB/s [NVX-1]; "FP16算力"
    # heads a 4.8 PFLOPS no FP16 figure of the H200 gives (989.5 dense, 1979 sparse [NVX-1])
    ranking = (
        "| 排名 | 型号 | FP16算力 | 显存容量 | 互联带宽 |\n|---|---|---|---|---|\n"
        "| 1 | NVIDIA H200 | 4.8PFLOPS | 141GB | 900GB/s |"
    )
    assert [(j.claim.metric, j.claim.precisions, j.verdict) for j in check(ranking, catalogue)] == [
        ("throughput", ("fp16",), "false"),
        ("memory_capacity", (), "supported"),
        ("interconnect", (), "supported"),
    ]


def test_from_continues_a_change_named_earlier_in_the_sentence(catalogue):
    # pingdo.net (H100 vs H200): the figures after "from" are the H100's; the H200's are 4.8 TB/s and
    # 141 GB [NVX-1]. "**" is Markdown's bold around the second figure.
    judged = check(
        "The H200 is increasing bandwidth from 3.35 TB/s to **4.8 TB/s**, and capacity from 80GB to **141GB**.",
        catalogue,
    )
    figures = [(j.claim.value, j.claim.rule, j.verdict) for j in judged if j.claim.metric != "memory_type"]
    assert figures == [
        (3350, "change", "unverifiable"),
        (4800, "change", "supported"),
        (80, "change", "unverifiable"),
        (141, "change", "supported"),
    ]


def test_compute_chips_counted_inside_a_package_are_its_dies(catalogue):
    # oryoy.com on the MI300X: "集成了13个先进的计算芯片"; AMD: eight XCDs [AMD-1] (13 is the MI300A's count)
    (judgement,) = check("MI300X集成了13个先进的计算芯片", catalogue)
    assert (judgement.claim.metric, judgement.claim.value, judgement.verdict) == ("compute_dies", 13, "false")
    assert check("这台服务器集成了8个芯片", catalogue) == []  # a server's chips are no dies


def test_one_memory_stacks_capacity_is_not_the_chips(catalogue):
    # CSDN: "B200每个Die有4个24GB的HBM3e stack": 24 GB is a stack's; the B200's is 180 GB [NVX-3, NVX-5]
    for text in ("B200每个Die有4个24GB的HBM3e stack", "The B200 has eight 24GB HBM3e stacks"):
        capacity = [j for j in check(text, catalogue) if j.claim.metric == "memory_capacity"]
        assert [(j.claim.value, j.verdict) for j in capacity] == [(24, "unverifiable")]


def test_eight_times_a_devices_figure_is_a_servers_total(catalogue):
    # canopywave.com: "| Performance (FP8) | Up to 32 petaFLOPS |" under the H100: 8 x 3958 sparse [NV-H1]
    (judgement,) = check("The H100 delivers up to 32 petaFLOPS of FP8", catalogue)
    assert judgement.verdict == "misleading" and "aggregate-peak" in judgement.flags
    assert "8 × H100 SXM5 FP8" in " ".join(judgement.explanation)
    # 395 is no multiple of eight of any H100 FP16 figure (989.5 dense, 1979 sparse [NV-H1])
    (wrong,) = check("The H100 delivers 395 TFLOPS of FP16", catalogue)
    assert (wrong.verdict, wrong.flags) == ("false", [])


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # "8 H100s", "A100s": a plural names the chip (8 x 3958 sparse FP8 [NV-H1] is a server's total)
        ("8 H100s deliver 32 PFLOPS of FP8", "nvidia-h100-sxm5"),
        ("A100s offer 80 GB of HBM2e", "nvidia-a100-sxm4-80gb"),
        ("The L40S has 48 GB of GDDR6", "nvidia-l40s"),  # a model whose name ends in S is not a plural
    ],
)
def test_a_plural_after_a_chips_name_names_the_chip(catalogue, text, subject):
    assert {j.claim.subject for j in check(text, catalogue)} == {subject}


def test_a_model_code_the_catalogue_lacks_is_a_chip_of_its_own(catalogue):
    # datacrunch.io (B300 vs B200): the B300 is in no source the catalogue cites; its 288 GB was
    # read as nothing, and in a table its column fell to the B200 of the header before it
    (alone,) = [j for j in check("The B300 has 288 GB of HBM3E memory.", catalogue) if j.claim.value]
    assert (alone.claim.subject_query, alone.verdict) == ("B300", "unverifiable")
    table = "Technical Specifications | B200 | B300 |\n---|---|---|\nGPU Memory | 180 GB HBM3E | 288 GB HBM3E |"
    capacity = [j for j in check(table, catalogue) if j.claim.metric == "memory_capacity"]
    # B200: 180 GB [NVX-5]; the B300's 288 GB is unverifiable, never the B200's
    assert [(j.claim.subject or j.claim.subject_query, j.claim.value, j.verdict) for j in capacity] == [
        ("nvidia-b200", 180, "supported"),
        ("B300", 288, "unverifiable"),
    ]
    # a video codec and a die's code are no model of a chip
    for text in ("H264 video at 120 TFLOPS", "GB100 die with 208 billion transistors"):
        assert all(j.claim.subject_query not in ("H264", "GB100") for j in check(text, catalogue))


def test_a_precision_after_a_closed_parenthesis_is_the_earlier_figures(catalogue):
    # grokipedia (L4 vs L40S): 242 TFLOPS FP16 and 485 FP8/INT8, both 2:4 sparse [NVC-Q3]; the FP16 of
    # the first figure had governed the second across "(with sparsity) and"
    text = (
        "performance peaks such as 242 TFLOPS in FP16 Tensor Core operations (with sparsity) and 485 TFLOPS "
        "in FP8/INT8 Tensor Core operations (with sparsity) on the L4"
    )
    assert [(j.claim.value, j.claim.precisions, j.verdict) for j in check(text, catalogue)] == [
        (242, ("fp16",), "supported"),
        (485, ("fp8",), "supported"),
    ]
    # inside a parenthesis still open, the precision before it governs: A100 FP32 19.5 [NV-A1]; 312 is
    # no FP32 figure of it (TF32 sparse), so the restatement is misleading
    open_ = check("The A100 offers 19.5 TFLOPS FP32 (312 TFLOPS with sparsity)", catalogue)
    assert [(j.claim.precisions, j.verdict) for j in open_] == [(("fp32",), "supported"), (("fp32",), "misleading")]


def test_a_parenthesis_that_excludes_sparsity_is_not_sparse(catalogue):
    # youkuaiyun.com: "312 TFLOPS FP16/BF16 Tensor(不含稀疏)" (sparsity not included): A100 dense 312 [NV-A1]
    for text in ("A100 312 TFLOPS FP16(不含稀疏)", "A100:\n312 TFLOPS FP16/BF16 Tensor(不含稀疏)"):
        assert [(j.verdict, j.flags) for j in check(text, catalogue)] == [("supported", [])]
    # a parenthesis of the sparsity word alone gives the figure its basis: 624 sparse [NV-A1]
    assert [j.verdict for j in check("A100 624 TFLOPS FP16 (稀疏)", catalogue)] == ["supported"]


@pytest.mark.parametrize(
    ("text", "metric", "verdict"),
    [
        # MI300X 5.3 TB/s, 192 GB [AMD-1, AMD-2] against H100 SXM5 3.35 TB/s, 80 GB [NV-H1]
        ("The MI300X has more memory bandwidth than the H100.", "memory_bandwidth", "supported"),
        ("The MI300X has more memory than the H100.", "memory_capacity", "supported"),
        # H20 FP16 148 [NV-20a] against H100 SXM5 989.5 dense [NV-H1]
        ("The H20 has lower FP16 throughput than the H100.", "throughput", "supported"),
        ("The H20 has higher FP16 throughput than the H100.", "throughput", "false"),
    ],
)
def test_a_comparison_split_around_what_it_compares(catalogue, text, metric, verdict):
    (judgement,) = check(text, catalogue)
    assert (judgement.claim.rule, judgement.claim.metric, judgement.verdict) == ("comparative", metric, verdict)


def test_a_comparison_on_a_class_of_workloads_is_a_benchmark_result(catalogue):
    # localaimaster.com: serving speed on bandwidth-bound workloads is measured, not a spec figure
    text = "For LLM serving at scale, the MI300X meets or beats the H100 on bandwidth-bound workloads."
    (judgement,) = check(text, catalogue)
    assert judgement.verdict == "unverifiable" and "benchmark result" in (judgement.claim.undefined or "")
    # naming the kind of workload a chip targets does not make its figures measured: H200 141 GB [NVX-1]
    (capacity,) = check("The H200 has 141GB of memory, targeting memory-bound LLMs.", catalogue)[:1]
    assert capacity.verdict == "supported"


def test_a_test_named_before_a_chip_named_twice_frames_the_comparison(catalogue):
    # kontronn.com on MLPerf v5.0: a measured result; peak ratios B200/H200 are 2.2-2.3x [NVX-1, NVX-5],
    # which had made the 3x false
    text = (
        "Additionally, in the Llama 2 70B Interactive test, the DGX B200 system equipped with 8 B200 GPUs "
        "demonstrated 3 times the performance of the H200."
    )
    (judgement,) = check(text, catalogue)
    assert judgement.verdict == "unverifiable" and "benchmark result" in (judgement.claim.undefined or "")


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # izzition.com (EE Times): AMD's 12 chiplets are eight XCD compute dies on four I/O dies [AMD-1]
        ("AMD has positioned its 12-chiplet MI300X GPU directly against Nvidia's H100", "unverifiable"),
        ("The MI300X has 8 compute chiplets", "supported"),
        ("The MI300X has 6 compute chiplets", "false"),  # compute dies counted, and not eight
        ("its dual-chiplet Ascend 910C AI processors", "supported"),  # two compute dies [HWX-20, HWX-31]
    ],
)
def test_chiplets_counted_without_compute_may_include_io_dies(catalogue, text, verdict):
    (judgement,) = check(text, catalogue)
    assert (judgement.claim.metric, judgement.verdict) == ("compute_dies", verdict)


def test_a_figure_joined_by_at_to_a_chips_figure_is_that_chips(catalogue):
    # izzition.com (EE Times): MI300X 192 GB, 5.3 TB/s [AMD-1, AMD-2]; H200 141 GB, 4.8 TB/s [NVX-1]
    judged = check("MI300X has 192 GB with 5.2 TB/s versus H200's 141 GB at 4.8 TB/s", catalogue)
    assert [(j.claim.subject, j.claim.value, j.verdict) for j in judged] == [
        ("amd-instinct-mi300x", 192, "supported"),
        ("amd-instinct-mi300x", 5200, "supported"),
        ("nvidia-h200-sxm", 141, "supported"),
        ("nvidia-h200-sxm", 4800, "supported"),
    ]


def test_capacity_alone_is_the_memorys(catalogue):
    # he6.net on the MI300X: "容量是英伟达最强计算卡H100的2.4倍": 192 / 80 = 2.4 [AMD-2, NV-H1]
    (judgement,) = check("MI300X容量是英伟达最强计算卡H100的2.4倍", catalogue)
    assert (judgement.claim.metric, judgement.verdict) == ("memory_capacity", "supported")


def test_a_ceiling_is_decided_by_the_like_for_like_figure_alone(catalogue):
    # H20 FP16 148 [NV-20a]: "no more than 150" holds; any smaller figure (FP32 44) would meet a ceiling,
    # so none is searched for: "不超过100" is not called supported on another precision's figure
    (within,) = check("The H20 offers no more than 150 TFLOPS of FP16", catalogue)
    assert (within.claim.qualifier, within.verdict) == ("at_most", "supported")
    (above,) = check("H20的FP16算力不超过100 TFLOPS", catalogue)
    assert above.claim.qualifier == "at_most" and above.verdict != "supported" and above.flags == []


def test_a_variant_joined_to_its_chip_by_de_is_that_variant(catalogue):
    # txrjy.com: "中国特供版的Gaudi 3 的16bit性能不能超过150 TFLOPS": a China SKU's ceiling, not the
    # Gaudi 3 the catalogue holds (BF16 1835 [INTC-1])
    (judgement,) = check("中国特供版的Gaudi 3 的16bit性能不能超过150 TFLOPS", catalogue)
    assert judgement.verdict == "unverifiable"
    assert any("variant" in doubt for doubt in judgement.claim.doubts)


def test_a_comparison_of_cost_is_no_comparison_of_chips(catalogue):
    # tjhnrl (a repost of an H100/H200/B200 guide): "A10/L4 成本更低" is about price
    assert check("A10/L4 成本更低H100 属性能过剩", catalogue) == []


def test_each_dies_share_of_memory_bandwidth(catalogue):
    # The Register (aiobserver repost) on the 910C: two dies [HWX-20, HWX-31], 3.2 TB/s [HWX-17]
    judged = check(
        "The Ascend 910C has two dies. Each die receives 1.6TB/s memory bandwidth, for a total 3.2TB/s.", catalogue
    )
    bandwidth = [(j.claim.value, j.verdict, j.flags) for j in judged if j.claim.metric == "memory_bandwidth"]
    assert bandwidth == [(1600, "supported", []), (3200, "supported", [])]
    # without "each", half the package's figure is no direction of a memory's bandwidth: it has none
    (alone,) = check("The Ascend 910C has 1.6TB/s memory bandwidth.", catalogue)
    assert (alone.verdict, alone.flags) == ("false", [])


def test_two_form_factors_named_at_once_are_never_false(catalogue):
    # aihardwareindex.com: "H100 PCIe/SXM: 80GB HBM3, 3.35 TB/s, 700W" gives the SXM5's figures [NV-H1];
    # the PCIe card has HBM2e, 2.0 TB/s and 350 W, so the line conflates the two
    judged = check("NVIDIA H100 PCIe/SXM: 80GB HBM3, 3.35 TB/s bandwidth, 700W TDP", catalogue)
    assert judged and all(j.verdict != "false" for j in judged)
    assert {j.verdict for j in judged if j.claim.metric in ("memory_bandwidth", "tdp")} == {"misleading"}


def test_a_figure_before_an_english_comparative_is_a_difference(catalogue):
    # xither.com: "16GB/s higher memory bandwidth than A100": no pair of SKUs differs by 16 GB/s, but a
    # difference is not "above 1x", which had been supported
    for text in (
        "The H100 offers 16GB/s higher memory bandwidth than A100",
        "The H100 is 300 GB/s faster than the A100",
    ):
        assert all(j.claim.rule != "comparative" for j in check(text, catalogue))
    # in Chinese the figure before 高于 is the subject's own: "功耗1000W虽高于H100" compares the 910C's
    # power with the H100's (700 W [NV-H1]); the catalogue has no TDP for the 910C
    (judgement,) = check("910C功耗1000W高于H100", catalogue)
    assert (judgement.claim.rule, judgement.claim.metric, judgement.verdict) == ("comparative", "tdp", "unverifiable")


@pytest.mark.parametrize(
    ("text", "verdict", "flags"),
    [
        # H100 SXM5 3.35 TB/s [NV-H1]: "达3TB/s" is that figure rounded down
        ("H100 SXM5的显存带宽达3TB/s", "supported", []),
        # A100 TF32 is 156 TFLOPS dense [NV-A1]; 19.5 is its FP32 (and FP64 Tensor) figure, not one
        # that TF32 "reaches": at least, but not the figure
        ("A100的TF32算力达19.5 TFLOPS", "misleading", ["precision-mismatch"]),
        # A100 80GB: 2039 GB/s [NV-A1]; 1.5 TB/s is the 40 GB card's 1555 rounded down
        ("A100 80GB的显存带宽达1.5TB/s", "misleading", ["sku-mismatch"]),
    ],
)
def test_a_figure_said_to_be_reached_is_the_figure_rounded_down_a_little(catalogue, text, verdict, flags):
    (judged,) = check(text, catalogue)
    assert (judged.claim.qualifier, judged.verdict, judged.flags) == ("reaches", verdict, flags)


def test_da_in_da_vinci_is_no_qualifier(catalogue):
    # borimooc.com's title; the Ascend 910B records 353 TFLOPS FP16 (Cube) [HWX-11], and its 910B1,
    # 910B3 and 910B4 record no figure, so 320 with no precision may be one of theirs
    (judged,) = check("昇腾910B深度解析:达芬奇架构如何实现320TFLOPS算力突破", catalogue)
    assert (judged.claim.qualifier, judged.verdict) == ("equals", "unverifiable")
    assert "353 TFLOPS FP16" in " ".join(judged.explanation)


def test_a_table_header_with_no_chip_heads_its_columns_when_read_sentence_by_sentence(catalogue):
    # a GPU-rental guide's table (cloud.baidu.com): the 内存带宽 column names the metric of "2.4TB/s";
    # V100 32GB is 900 GB/s [NVX-34], and 16 cards 14.4 TB/s
    text = (
        "| 厂商 | 典型机型 | GPU配置 | 内存带宽 |\n|---|---|---|---|\n"
        "| 火山引擎 | gpu-v100-16g | 16xV100 32GB | 2.4TB/s |"
    )
    bandwidth = [c for c in Reader(catalogue).read(text) if c.metric == "memory_bandwidth"]
    assert [(c.value, c.doubts) for c in bandwidth] == [(2400, ())]


def test_a_count_of_cards_glued_to_a_chips_name_counts_that_chip(catalogue):
    # "8xA100 40GB" in a cloud provider's table: eight A100 40GB cards, 40 GB each [NV-A1], not a bare
    # 8 and a 100 taken from the name
    (judged,) = check("The server has 8xA100 40GB with 320 GB of memory", catalogue)
    assert (judged.claim.subject, judged.claim.count, judged.verdict) == ("nvidia-a100-sxm4-40gb", 8, "supported")
    assert all(j.claim.value != 100 for j in check("8xA100 40GB, 320 GB", catalogue))


def test_a_count_in_another_cell_than_the_figure_is_read_both_ways(catalogue):
    # the rows of cloud.baidu.com's GPU-rental guide: 1.6 TB/s is one A100 40GB's 1555 GB/s [NV-A1];
    # 3.2 TB/s is neither one A100 80GB's 2039 GB/s [NV-A1] nor sixteen cards' 32.6 TB/s
    header = "| 厂商 | 典型机型 | GPU配置 | 内存带宽 |\n|---|---|---|---|\n"
    (one,) = check(header + "| 阿里云 | gn7i | 8xA100 40GB | 1.6TB/s |", catalogue)
    assert (one.claim.count, one.verdict) == (1, "supported")
    assert "counts 8 cards" in one.explanation[0] and "one card's" in one.explanation[0]
    (neither,) = check(header + "| 腾讯云 | GN10Xp | 16xA100 80GB | 3.2TB/s |", catalogue)
    assert neither.verdict == "false"
    assert any("misses too" in step for step in neither.explanation)
    # a total in the same cell as its count stays the cards' total: 8 × 80 GB [NV-A1]
    (total,) = check("DGX A100: 8x A100 80GB, 640 GB in all", catalogue)
    assert (total.claim.count, total.verdict) == (8, "supported")


def test_a_ratio_in_a_parenthesis_right_after_a_figure_compares_that_figure(catalogue):
    # H200 4.8 TB/s [NVX-1] / H100 SXM5 3.35 TB/s [NV-H1] = 1.43x; its 141 GB / 80 GB is 1.76x, which
    # the parenthesis after the bandwidth does not speak of
    judged = check("The H200 has 141GB of HBM3e with 4.8TB/s (1.43x the H100).", catalogue)
    (ratio,) = [j for j in judged if j.claim.ratio is not None]
    assert (ratio.claim.metric, ratio.claim.also, ratio.verdict) == ("memory_bandwidth", (), "supported")


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # H200 and H100 SXM5: 989.5 TFLOPS FP16 and 1979 FP8 dense each [NVX-1, NV-H1]
        ("The H100 and H200 share the same Hopper compute — identical FP16/FP8 TFLOPS.", "supported"),
        ("H200的FP16算力与H100相同", "supported"),
        # H20 148 TFLOPS FP16 dense [NV-20a] against the H100's 989.5
        ("H20的FP16算力与H100相同", "false"),
    ],
)
def test_two_chips_said_to_have_the_same_figure(catalogue, text, verdict):
    (judged,) = check(text, catalogue)
    assert (judged.claim.rule, judged.claim.ratio, judged.verdict) == ("sameness", 1.0, verdict)


def test_the_same_of_no_figure_is_no_claim(catalogue):
    assert check("At the same time, the H20 and the H100 ship to different markets.", catalogue) == []


def test_a_rival_named_after_a_phrase_for_it_is_the_rival(catalogue):
    # cudocompute.com: H200 141 GB [NVX-1] / H100 SXM5 80 GB [NV-H1] = 1.76x, 12% short of "nearly twice"
    text = "The H200 boasts nearly twice the memory capacity of its predecessor, the H100."
    (judged,) = check(text, catalogue)
    assert (judged.claim.subject, judged.claim.rival, judged.claim.metric) == (
        "nvidia-h200-sxm",
        "nvidia-h100-sxm5",
        "memory_capacity",
    )
    assert judged.verdict == "misleading"
    # with no name after it, the predecessor is a rival nobody can check
    (alone,) = check("The H200 boasts nearly twice the memory capacity of its predecessor.", catalogue)
    assert (alone.claim.rival, alone.claim.rival_unnamed, alone.verdict) == (None, True, "unverifiable")


def test_a_bandwidth_joined_to_a_memory_size_is_the_memorys(catalogue):
    # "HGX B200: 180 GB @ 7.7 TB/s … NVLink 1.8 TB/s" (fp4.dev): 7.7 TB/s is the B200's memory
    # bandwidth [NVX-3], not its NVLink, which the line names apart
    judged = check("HGX B200: 180 GB @ 7.7 TB/s, NVLink 1.8 TB/s, 1000 W", catalogue)
    bandwidths = [(j.claim.value, j.claim.metric, j.verdict) for j in judged if j.claim.value == 7700]
    assert bandwidths == [(7700, "memory_bandwidth", "supported")]


def test_precisions_joined_by_a_slash_between_number_and_unit(catalogue):
    # Tom's Hardware: "up to 624 BF16/FP16 TFLOPS (with sparsity)": the A100's 312 dense, 624 with
    # 2:4 sparsity, for BF16 and FP16 alike [NV-A1]
    (judged,) = check("The A100 delivers up to 624 BF16/FP16 TFLOPS (with sparsity) for AI workloads.", catalogue)
    assert (judged.claim.precisions, judged.claim.sparsity, judged.verdict) == (("bf16", "fp16"), "sparse", "supported")


def test_a_row_printed_without_cell_marks_gives_its_figures_to_the_columns_in_order(catalogue):
    # lzwjava.github.io's MI300X/H200 table, its cells run together with spaces: MI300X 5.3 TB/s
    # [AMD-1] and 750 W [AMD-3], H200 4.8 TB/s and 700 W [NVX-1]
    text = "Metric AMD MI300X NVIDIA H200 Winner\nMemory BW 5.3 TB/s 4.8 TB/s AMD\nTDP 750W 700W NVIDIA"
    judged = [(j.claim.subject, j.claim.value, j.verdict) for j in check(text, catalogue)]
    assert judged == [
        ("amd-instinct-mi300x", 5300, "supported"),
        ("nvidia-h200-sxm", 4800, "supported"),
        ("amd-instinct-mi300x", 750, "supported"),
        ("nvidia-h200-sxm", 700, "supported"),
    ]


def test_chips_compared_in_prose_are_no_columns(catalogue):
    # the chips of "H100相比A100" are subject and rival, not columns: the figures after stay the subject's
    text = "H100相比A100实现4倍加速。\n显存带宽2TB/s3.35TB/s"
    rows = [c for c in Reader(catalogue).read(text) if c.metric == "memory_bandwidth"]
    assert rows and all(c.rule != "columns_in_order" for c in rows)


@pytest.mark.parametrize(
    ("text", "relation", "verdict"),
    [
        # hstong.com: the H20 (148 TFLOPS FP16 dense [NV-20a]) is cut down from the H100 (989.5 [NV-H1])
        ("H20的性能相比同架构的H100芯片有所缩水", "less", "supported"),
        # jdyx: 曦云C500 280 TFLOPS FP16 [MX-1] against the H20's 148
        ("其曦云C500系列产品单卡算力超过H20", "greater", "supported"),
    ],
)
def test_cut_down_and_exceeds_compare_two_chips_with_no_number(catalogue, text, relation, verdict):
    (judged,) = check(text, catalogue)
    assert (judged.claim.rule, judged.claim.relation, judged.verdict) == ("comparative", relation, verdict)


def test_exceeds_before_a_figure_stays_its_qualifier(catalogue):
    (judged,) = check("BR100的INT8算力超过2000TOPS", catalogue)
    assert (judged.claim.rule, judged.claim.qualifier) != ("comparative", "greater")
    assert judged.claim.qualifier == "more_than"


def test_a_fraction_spelled_out_with_a_typographic_hyphen(catalogue):
    # besthub.com writes "one‑seventh" with U+2011; H20 148 / H100 SXM5 989.5 TFLOPS FP16 = 0.15 [NV-20a, NV-H1]
    (judged,) = check("The H20 offers one\u2011seventh of the H100's FP16 throughput.", catalogue)
    assert (judged.claim.rival, round(judged.claim.ratio, 4), judged.verdict) == (
        "nvidia-h100-sxm5",
        0.1429,
        "supported",
    )


def test_a_percentage_range_written_with_the_sign_once(catalogue):
    # "20–30%" is 20% to 30%: the number before the dash is compared with 30, not with 0.3
    (judged,) = check("H20的算力是H100的20-30%", catalogue)
    assert (judged.claim.ratio, judged.claim.ratio_text) == (0.3, "20-30%")
    assert any("range" in doubt for doubt in judged.claim.doubts)


def test_a_unit_in_parentheses_in_a_rows_label_gives_its_bare_numbers(catalogue):
    # CSDN's A100 table: TDP 250 W and 300 W for the PCIe 40 GB and 80 GB cards [NV-A2], 1555 and
    # 1935 GB/s ("GBps", gigabytes); the row of the die every column's card uses names no columns
    text = (
        "| | A100 40GB PCIe | A100 80GB PCIe |\n| 核心 | GA100 | GA100 |\n"
        "| TDP (W) | 250 | 300 |\n| 显存带宽 (GBps) | 1555 | 1935 |"
    )
    judged = [(j.claim.subject, j.claim.metric, j.claim.value, j.verdict) for j in check(text, catalogue)]
    assert judged == [
        ("nvidia-a100-pcie-40gb", "tdp", 250, "supported"),
        ("nvidia-a100-pcie-80gb", "tdp", 300, "supported"),
        ("nvidia-a100-pcie-40gb", "memory_bandwidth", 1555, "supported"),
        ("nvidia-a100-pcie-80gb", "memory_bandwidth", 1935, "supported"),
    ]


def test_a_sku_named_by_its_memory_size_is_no_figure(catalogue):
    # mankee.com.cn: "单卡 A100 40GB 即可满足,无需动用 80GB 版本或 H100" names the 80 GB card; it states
    # no memory of the A100 40GB, whose 40 GB [NV-A1] it had been judged against
    assert check("单卡 A100 40GB 即可满足,无需动用 80GB 版本或 H100", catalogue) == []


def test_a_base_clock_is_not_the_boost_clock_the_catalogue_records(catalogue):
    # server-parts.eu: the A100's base clock 1,110 MHz; the catalogue's 1410 MHz is its boost clock [NV-A4]
    header = "| Feature | NVIDIA T4 | NVIDIA A100 |\n|---|---|---|\n"
    judged = check(header + "| Base Clock | 585 MHz | 1,110 MHz |", catalogue)
    assert [j.verdict for j in judged] == ["unverifiable", "unverifiable"]


def test_a_figure_near_one_sku_of_a_family_named_alone_is_near_not_false(catalogue):
    # server-parts.eu: "260W" for an A100 is no SKU's TDP, 4% above the PCIe 40GB's 250 W [NV-A2]
    header = "| Feature | NVIDIA T4 | NVIDIA A100 |\n|---|---|---|\n"
    judged = check(header + "| Power Draw (TDP) | 70W | 260W |", catalogue)
    assert [(j.claim.value, j.verdict) for j in judged] == [(70, "supported"), (260, "misleading")]
    # 200 W is within 10% of none of them: false
    (_t4, far) = check(header + "| Power Draw (TDP) | 70W | 200W |", catalogue)
    assert far.verdict == "false"


def test_a_figure_after_vs_is_the_compared_chips_never_the_subjects(catalogue):
    # deploybase.ai: "(5.3 TB/s vs 4.8 TB/s)": 4.8 TB/s is the H200's [NVX-1], not the MI300X's 5.3 [AMD-1]
    judged = check(
        "MI300X offers 36% more memory (192GB vs 141GB), higher bandwidth (5.3 TB/s vs 4.8 TB/s).", catalogue
    )
    owners = {j.claim.value: (j.claim.subject, j.verdict) for j in judged if j.claim.kind == "value"}
    assert owners[5300] == ("amd-instinct-mi300x", "supported")
    assert owners[4800] == (None, "unverifiable") and owners[141] == (None, "unverifiable")
    # with the compared chip named after: "(192GB vs 80GB) than NVIDIA H100": 80 GB is the H100's [NV-H1]
    later = check("AMD MI300X offers 2.4x more memory (192GB vs 80GB) than NVIDIA H100.", catalogue)
    assert {(j.claim.value, j.claim.subject, j.verdict) for j in later if j.claim.kind == "value"} == {
        (192, "amd-instinct-mi300x", "supported"),
        (80, "nvidia-h100-sxm5", "supported"),
    }


def test_the_of_of_a_ratio_does_not_make_the_figure_before_it_the_rivals(catalogue):
    # vast.ai, after "the most notable features of the H200:": 4.8 TB/s is the H200's [NVX-1], not the
    # H100's ("almost double the memory of the H100"), which had made it false
    text = (
        "To sum up, here are some of the most notable features of the H200:\n"
        "141 GB of HBM3e memory at 4.8 TB/s – almost double the memory of the H100 with 1.4X the bandwidth."
    )
    bandwidth = [j for j in check(text, catalogue) if j.claim.value == 4800]
    assert [(j.claim.subject, j.verdict) for j in bandwidth] == [("nvidia-h200-sxm", "supported")]


def test_the_metric_of_a_ratios_own_clause_governs_it(catalogue):
    # H200 141 GB / H100 SXM5 80 GB = 1.76 [NVX-1, NV-H1]; 4.8 / 3.35 TB/s = 1.43: the second clause's
    # 1.4倍 is of the bandwidth it names, not of the memory the first clause named (which made it false)
    judged = check("H200的显存是H100的1.76倍，带宽是1.4倍。", catalogue)
    assert [(j.claim.metric, j.claim.ratio, j.verdict) for j in judged] == [
        ("memory_capacity", 1.76, "supported"),
        ("memory_bandwidth", 1.4, "supported"),
    ]


def test_a_precision_of_an_earlier_clause_does_not_govern_a_bandwidth(catalogue):
    # H20 148 / H100 SXM5 989.5 TFLOPS FP16 = 0.15 [NV-20a, NV-H1]; memory bandwidth 4.0 / 3.35 TB/s = 1.19
    judged = check("H20的FP16算力只有H100的15%，但显存带宽高出20%。", catalogue)
    assert [(j.claim.metric, j.claim.precisions, j.verdict) for j in judged] == [
        ("throughput", ("fp16",), "supported"),
        ("memory_bandwidth", (), "supported"),
    ]


def test_a_clause_naming_its_metric_takes_no_figure_of_another_metric(catalogue):
    # "…，带宽更高（4.0TB/s），但算力只有其六分之一": the sixth is of 算力, not of the bandwidth before it
    judged = check("相比H100，H20的显存更大（96GB），带宽更高（4.0TB/s），但算力只有其六分之一左右。", catalogue)
    (sixth,) = [j for j in judged if j.claim.ratio_text == "六分之一"]
    assert sixth.claim.metric == "throughput"


def test_a_cut_by_a_percentage_is_a_change_not_a_ceiling(catalogue):
    # "缩水70%" states 0.3x; the H20 is 0.15x of the H100 on every AI precision, so it is no "below 0.3"
    (judged,) = check("H20虽较H100性能缩水70%", catalogue)
    assert (judged.claim.ratio, judged.claim.qualifier) == (pytest.approx(0.3), "equals")


@pytest.mark.parametrize(
    "text",
    [
        "H100 PCIe版的显存带宽为2TB/s，SXM版为3.35TB/s。",
        "The H100 PCIe has 2 TB/s of memory bandwidth, while the SXM version has 3.35 TB/s.",
    ],
)
def test_a_form_factor_version_names_the_familys_sku_of_that_form(catalogue, text):
    # H100 PCIe 2.0 TB/s, H100 SXM5 3.35 TB/s [NV-H1]: the second figure had been the PCIe card's, misleading
    judged = check(text, catalogue)
    assert [(j.claim.subject, j.verdict) for j in judged] == [
        ("nvidia-h100-pcie", "supported"),
        ("nvidia-h100-sxm5", "supported"),
    ]


def test_a_form_factor_after_a_figure_labels_it_and_names_no_subject(catalogue):
    # "700W (SXM version) / 600W (PCIe version)" (a seller's H200 page): the H200's 700 W [NVX-1], and
    # 600 W the H200 NVL's [NVX-1], its PCIe card; neither label is the subject of the figure after it
    judged = check("H200 Total Graphics Power (TGP): 700W (SXM version) / 600W (PCIe version)", catalogue)
    assert [j.verdict for j in judged] == ["supported", "supported"]
    # the PCIe card of the A100 named before with 80 GB is the A100 PCIe 80GB: 1935 GB/s [NV-A2]
    (card,) = check("A100的PCIe版显存带宽为1935GB/s", catalogue)
    assert (card.claim.subject, card.verdict) == ("nvidia-a100-pcie-80gb", "supported")


def test_below_after_a_ratio_or_figure_is_a_ceiling(catalogue):
    # H800 NVLink 400 GB/s [NVX-18] / H100 SXM5 900 GB/s [NV-H1] = 0.44: "一半不到" is below half, which holds
    (half,) = [j for j in check("H800的NVLink带宽被限制在400GB/s，为H100的一半不到。", catalogue) if j.claim.ratio]
    assert (half.claim.qualifier, half.verdict) == ("less_than", "supported")
    # MTT S80 FP32 14.4 [MTX-1] / H100 SXM5 FP32 67 [NV-H1] = 0.21, not under 12%; the H100's TF32
    # (494.5) would meet any ceiling, so it is no basis for one
    judged = check("即便国产GPU的标杆摩尔线程MTT S80,FP32性能也仅为15 TFLOPS,不足H100的12%。", catalogue)
    (ceiling,) = [j for j in judged if j.claim.ratio]
    assert (ceiling.claim.qualifier, ceiling.verdict) == ("less_than", "false")
