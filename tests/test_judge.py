"""Verdicts and flags: each rule of the judge, on sentences whose truth is known from the sources.

The expected numbers come from the catalogue's sources (A100: NVIDIA datasheet; BR100: Biren launch
coverage; H100: NVIDIA datasheet as reproduced by HPC Tech), written here, not read back.
"""

from __future__ import annotations

import pytest

from specbench.claims import FLAGS, check
from specbench.claims.judging import holds, tolerance


@pytest.fixture(scope="module")
def judged(catalogue):
    def run(text):
        judgements = check(text, catalogue)
        assert judgements, f"no claim parsed from {text!r}"
        return judgements

    return run


def _one(judged, text):
    (judgement,) = [j for j in judged(text) if j.claim.rule != "part_count"]  # a count of dies is a claim of its own
    return judgement


# sentence, expected verdict, flags that must be present
CASES = [
    # sparse-vs-dense: NVIDIA's 624 TFLOPS BF16 is 2:4 sparse; dense is 312
    ("A100的BF16算力为624TFLOPS", "misleading", {"sparse-vs-dense"}),
    ("H100 FP16算力1979TFLOPS", "misleading", {"sparse-vs-dense"}),
    # H20's FP16 is published 148 dense [NV-20a] and 296 sparse [NV-20f]: its INT8 296 dense
    # [NV-20a] has a 2:4 sparse twin of 592 that no source prints, derived from that pair
    ("H20的INT8算力为592 TOPS", "misleading", {"sparse-vs-dense"}),
    ("H20 INT8 592 TOPS with sparsity", "supported", set()),
    # a stated direction: the A100's NVLink is 600 GB/s both ways [NV-A1], 300 each way
    ("A100的NVLink单向带宽为300GB/s", "supported", set()),
    ("A100 NVLink: 600 GB/s per direction", "misleading", {"unit-confusion"}),
    # NVIDIA's H200 table does not say which its 900 GB/s counts [NVX-1]: half of it is no finding
    ("H200 NVLink 4.0: 450GB/s unidirectional bandwidth", "unverifiable", set()),
    # the V100's Tensor Cores run no structured sparsity: twice its FP16 125 is simply wrong
    ("V100的FP16算力为250 TFLOPS", "false", set()),
    # precision-mismatch: TF32 156 sold as 单精度 (FP32 is 19.5)
    ("A100单精度算力156TFLOPS", "misleading", {"precision-mismatch"}),
    # vendor-format: BR100's 512 is TF32+, not TF32
    ("BR100的TF32算力为512TFLOPS", "misleading", {"vendor-format", "precision-mismatch"}),
    # package-not-die: "single chip" on a two-die package
    ("BR100单芯片峰值算力1024TFLOPS", "misleading", {"multi-die", "package-not-die"}),
    # sku-mismatch: 1935 GB/s is the A100 PCIe 80GB [NV-A2], not the SXM4 80GB named (2039 [NV-A1]);
    # "A100" alone names the family, and 1935 GB/s is one of its SKUs' figures
    ("A100 SXM4 80GB显存带宽1935GB/s", "misleading", {"sku-mismatch"}),
    # deploybase.ai's table gives the H100 PCIe the SXM5's dense TF32 494.5 [NV-H1]; its own is 378
    ("H100 PCIe的TF32算力为495 TFLOPS", "misleading", {"sku-mismatch"}),
    ("A100显存带宽1935GB/s", "supported", set()),
    # unit-confusion: 450 GB/s is one direction of NVLink 4's 900 GB/s
    ("H100 NVLink互联带宽450GB/s", "misleading", {"unit-confusion"}),
    # conflicting-sources: 2.3 TB/s is Biren's I/O figure, reported by some as memory bandwidth
    ("BR100显存带宽2.3TB/s", "misleading", {"conflicting-sources"}),
    # aggregate-peak: 8 x 1024 TFLOPS
    ("8个BR100的峰值算力为8 PFLOPS", "supported", {"aggregate-peak"}),
    # target-spec and conflicting-sources: 15 TFLOPS was a pre-launch target
    ("曦云C500目标FP32算力15TFLOPS", "misleading", {"target-spec"}),
    # supported facts
    ("A100的BF16算力为312TFLOPS", "supported", set()),
    ("H20显存带宽4.0TB/s", "supported", set()),
    ("A100 PCIe 40GB的TDP为250W", "supported", set()),
    # 3.35 TB/s is the H100 SXM5's memory bandwidth, given as its NVLink bandwidth (900 GB/s)
    ("H100 SXM5 GPUs talk over NVLink at 3.35 TB/s", "misleading", {"metric-mismatch"}),
    ("BR100 has 2 compute dies and 1074 mm2", "supported", {"multi-die"}),
    ("C500 has 64 GiB of memory", "supported", set()),
    # false: no basis gives 100 TFLOPS FP32 for A100
    ("A100 FP32算力100TFLOPS", "false", set()),
    # false: BR100 has no FP64 at all [BR-4, BR-6]
    ("BR100 FP64算力10TFLOPS", "false", set()),
    # unverifiable: C500 memory bandwidth is not published; S4000 FP64 is unknown
    ("C500显存带宽1.8TB/s", "unverifiable", set()),
    ("MTT S4000 FP64算力5TFLOPS", "unverifiable", set()),
]


@pytest.mark.parametrize(("text", "verdict", "flags"), CASES)
def test_verdicts_and_flags(judged, text, verdict, flags):
    judgement = _one(judged, text)
    assert judgement.verdict == verdict, judgement.explanation
    assert flags <= set(judgement.flags), judgement.flags
    assert judgement.explanation


def test_ratio_claims(judged):
    # BR100 BF16 1024 / A100 312 = 3.28x
    beats = _one(judged, "BR100 beats A100 in BF16")
    assert beats.verdict == "supported" and beats.ratio == pytest.approx(1024 / 312)
    # H20 FP16 148 / H100 dense 989.5 = 0.1496; "6.7x slower" is 0.149
    assert _one(judged, "The H20 is 6.7x slower than the H100 in FP16").verdict == "supported"
    # MTT S4000 FP16 100 / A100 matrix 312 = 0.32, "about a third"
    third = _one(judged, "MTT S4000的FP16算力约为A100的三分之一")
    assert third.verdict == "supported" and "unknown-basis" in third.flags
    # "H20 leads H100" names no metric: H20 trails in compute but leads in memory and bandwidth,
    # so the reading decides the answer and the claim is not called false.
    assert _one(judged, "H20领先H100").verdict == "unverifiable"
    assert _one(judged, "H20的FP16算力领先H100").verdict == "false"


def test_power_outdated_rival_and_rounding(judged):
    judgement = _one(judged, "在BF16格式下，BR100相比英伟达A100至少有3.3倍的峰值性能优势")
    assert {"rounded-up", "power-not-normalized", "outdated-rival", "multi-die"} <= set(judgement.flags)
    # per watt: 3.28 x 400 W / 550 W = 2.39
    assert any("= 2.39x" in step for step in judgement.explanation)
    assert judgement.verdict == "supported"  # 3.28x holds as 3.3x within rounding; the flags tell the rest


def test_every_flag_is_exercised(judged):
    texts = [c[0] for c in CASES] + [
        "在Int8、BF16、TF32/TF32+、FP32等数据格式下，BR100相比英伟达A100至少有3.3倍的峰值性能优势",
        "邃思2.0是中国最大的AI计算芯片，尺寸为57.5毫米×57.5毫米",
        "Biren's BR100 offers 2 PFLOPS of AI performance",
        "The A100 delivers 624 INT8 TFLOPS",
        "邃思2.0单精度FP32算力为40TFLOPS，相比之下英伟达A100的单精度浮点计算能力仅为19.5TFLOPS",
        "H20 FP16算力148TFLOPS，显存带宽4TB/s，仅为H100的30%",
    ]
    seen = {flag for text in texts for j in judged(text) for flag in j.flags}
    assert seen == set(FLAGS)


def test_json_fields(judged, catalogue):
    (judgement,) = judged("在BF16格式下，BR100相比英伟达A100至少有3.3倍的峰值性能优势")
    record = judgement.to_json(catalogue)
    for key in (
        "text",
        "subject",
        "subject_name",
        "rival",
        "metric",
        "claimed",
        "actual",
        "ratio",
        "claimed_ratio",
        "verdict",
        "flags",
        "explanation",
    ):
        assert key in record
    assert (record["subject"], record["rival"], record["claimed_ratio"]) == (
        "biren-br100",
        "nvidia-a100-sxm4-80gb",
        3.3,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3.3", 0.02), ("148", 0.02), ("2", 0.05), ("1000", 0.05), ("19.5", 0.02), ("30", 0.05)],
)
def test_tolerance_follows_the_digits_written(text, expected):
    assert tolerance(text) == pytest.approx(expected, abs=1e-9)


def test_qualifier_rules():
    assert holds(1024, 1000, "at_least", 0.02) == (True, False)
    assert holds(3.28, 3.3, "at_least", 0.02) == (True, True)  # rounded up
    assert holds(0.92, 1.0, "about", 0.02)[0] is True  # "close to" holds within 10%
    assert holds(0.77, 1.0, "about", 0.02)[0] is False
    assert holds(1.01, 1.0, "greater", 0.02)[0] is True and holds(1.0, 1.0, "greater", 0.02)[0] is False


def test_binary_capacity_labelled_gb_is_the_convention(judged):
    # mx-smi reports 65536 MiB for the C500 [MX-2]; MetaX markets it as 64 GB
    judgement = _one(judged, "曦云C500的显存为64GB")
    assert judgement.verdict == "supported" and judgement.flags == []
    assert any("64 GiB = 68.72 GB" in step for step in judgement.explanation)


@pytest.mark.parametrize(("text", "expected"), [("32%", 1 / 32), ("96%", 0.02), ("15%", 0.05), ("32.5%", 0.02)])
def test_a_percentage_allows_its_whole_last_digit(text, expected):
    # "32%" is written for 32.7% as often as for 31.6%: rounding and truncation alike.
    assert tolerance(text) == pytest.approx(expected, abs=1e-9)


def test_a_percentage_written_truncated_holds(judged):
    # L20 BF16 119.5 [NV-20a] / L40S dense 366.5 (733 with sparsity [NVX-8]) = 32.6%; TF32 59.8 / 183 = 32.7%
    judgement = _one(judged, "L20是L40S算力规模的32%")
    assert judgement.verdict == "supported"


def test_a_bare_ratio_means_the_ai_precisions(judged):
    # H100 SXM5 / H20 (NVIDIA datasheets): TF32 494.5/74 = 6.68, BF16 and FP16 989.5/148 = 6.69,
    # FP8 and INT8 1979/296 = 6.69; FP32 67/44 = 1.52 and FP64 34/1 = 34 on the vector units.
    judgement = _one(judged, "NVIDIA's H100 SXM is 6.68x faster than the H20")
    assert judgement.verdict == "supported"
    assert any("FP32 (1.52x)" in step and "FP64 (34.00x)" in step for step in judgement.explanation)


def test_a_bare_ratio_that_fails_on_an_ai_precision_is_not_rescued(judged):
    # MTT S4000 vs A100 SXM4: FP32 25 vs 19.5 = 1.28x, but TF32 50 / 156 = 0.32x: "1.28x faster" holds
    # only on FP32, so the AI precisions do not decide it and the sentence stays misleading.
    (judgement,) = [j for j in judged("MTT S4000 is 1.28x faster than the A100") if j.claim.ratio]
    assert judgement.verdict == "misleading"


def test_a_ratio_on_a_stated_target_figure_is_flagged(judged):
    # 曦云C500 FP32 15 TFLOPS is MetaX's pre-launch target (official 18); 15 / A100 FP32 19.5 = 0.77.
    judgements = judged("曦云C500的FP32算力达15TFLOPS，约为英伟达A100的75%。")
    ratio = next(j for j in judgements if j.claim.ratio)
    assert ratio.verdict == "misleading" and "target-spec" in ratio.flags


def test_a_target_figure_the_text_does_not_state_is_not_searched(judged):
    # The same ratio with no figure written: only the official 18 counts (18 / 19.5 = 0.92).
    (judgement,) = judged("曦云C500的FP32算力约为英伟达A100的75%。")
    assert "target-spec" not in judgement.flags


@pytest.mark.parametrize(
    "text",
    ["不过H20在 LLM 推理中依然要比 H100 快 20% 以上。", "The H20 is 20% faster than the H100 in LLM inference"],
)
def test_inference_speed_is_a_benchmark_not_a_peak(judged, text):
    # Peak H20/H100 ratios are 0.15x to 0.66x (34x FP64): none is "20% faster", but the sentence is
    # about measured inference, which the catalogue does not hold.
    (judgement,) = judged(text)
    assert judgement.verdict == "unverifiable"


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [("NVIDIA's H100 SXM is 6.68x faster than the H20", "equals"), ("BR100的算力超过A100的3倍", "more_than")],
)
def test_n_times_faster_than_is_n_times(judged, text, qualifier):
    # "6.68x faster than X" states 6.68x; "超过A100的3倍" (exceeds three times the A100) is a floor.
    (judgement,) = [j for j in judged(text) if j.claim.ratio]
    assert judgement.claim.qualifier == qualifier


def test_an_unnamed_chips_figure_and_ratio_say_the_chip_is_not_named(judged):
    judgements = judged("国产最强的AI芯片性能也不过为512Tflops，只有H100的四分之一左右。")
    assert [j.verdict for j in judgements] == ["unverifiable", "unverifiable"]
    assert all("The chip is not named ('国产最强的AI芯片')" in j.explanation[0] for j in judgements)


def test_a_figure_below_the_matrix_peak_may_be_the_unrecorded_vector_one(judged):
    # Tom's Hardware's "BF16 TFLOPS | … | 120" row is the H100's non-tensor figure; the catalogue holds
    # only its matrix BF16 (989.5 dense [NV-H1]), so 120 cannot be called false.
    (judgement,) = judged("H100 SXM的BF16算力为120 TFLOPS")
    assert judgement.verdict == "unverifiable"
    assert any("vector figure is not in the catalogue" in step for step in judgement.explanation)
    # above every figure of the precision, no unit can hold it
    (judgement,) = judged("H100 SXM的BF16算力为2500 TFLOPS")
    assert judgement.verdict == "false"


def test_a_ratio_on_a_precision_the_rival_never_published_is_not_judged_on_another(judged):
    # 云燧i20 INT8 256 TOPS [EF-9]; the i10's INT8 is unpublished, its FP16 is 70.4: 256 / 70.4 = 3.64
    # would be a mixed basis, but Enflame's 3.6x may well be INT8 against INT8.
    (judgement,) = [j for j in judged("云燧i20的INT8算力是云燧i10的3.6倍") if j.claim.ratio]
    assert judgement.verdict == "unverifiable"
    # the A100 has no FP8 at all: 6x can only be FP8 against another precision
    (judgement,) = [j for j in judged("H100的FP8算力是A100的6倍") if j.claim.ratio]
    assert judgement.verdict == "misleading" and "precision-mismatch" in judgement.flags


def test_a_forecast_is_not_a_specification(judged):
    # reportify.cn on the Ascend 920: "性能有望超越英伟达H20" ("is expected to surpass") is a forecast;
    # judged against figures it was called false
    judgements = judged("延续昇腾910C设计架构,训练效率比910C提高30% - 40%,性能有望超越英伟达H20")
    assert judgements and all(j.verdict == "unverifiable" for j in judgements)


def test_ascend_chips_the_catalogue_lacks_are_named_as_such(judged):
    # wenxuecity.com: the Ascend 920's 4 TB/s is not the H100's (3.35 TB/s [NV-H1])
    judgements = judged("Memory Bandwidth: With 4 TB/s, the Ascend 920 surpasses the H100’s 3.35 TB/s.")
    assert all(j.verdict != "false" for j in judgements)
    assert any(j.claim.subject_query == "Ascend 920" for j in judgements)


def test_pci_express_spelled_out_is_the_host_link(judged):
    """'PCI Express Gen 4' names the host link as 'PCIe Gen4' does: the generation is checked
    (the A100's is Gen4 [NV-A1]) and a bandwidth beside it is host bandwidth, not memory (2039 GB/s):
    Gen4 x16 is 32 GB/s each way."""
    judgements = judged("The A100 also supports PCI Express Gen 4, offering 31.5 GB/sec.")
    by_metric = {j.claim.metric: j for j in judgements}
    assert by_metric["host_interface"].verdict == "supported"
    assert by_metric["host_link"].verdict == "supported"
    assert "memory_bandwidth" not in by_metric


def test_a_count_of_cores_is_a_claim_the_catalogue_cannot_check(judged):
    """ "78组SM", "6912个CUDA核心": counts of a chip's units are claims a reader wants checked; the
    catalogue records no core counts, so they are unverifiable, never read as another metric or
    dropped. The numbers here are only read, not judged."""
    for text, count in (
        ("NVIDIA H20只配备了78组SM单元", 78),
        ("A100拥有6912个CUDA核心", 6912),
        ("The H100 has 16,896 CUDA cores", 16896),
        ("H100擁有1.8萬個CUDA核心", 18000),
    ):
        judgement = _one(judged, text)
        assert (judgement.claim.metric, judgement.verdict) == ("cores", "unverifiable"), text
        assert judgement.claim.value == count, text


def test_a_pronoun_after_a_label_is_the_chip_the_label_names(judged):
    """'A100：其…': the colon ends the label; 其 is the A100 (400 W, NVIDIA's datasheet [NV-A1])."""
    judgement = _one(judged, "A100:其最大热设计功耗(TDP)为 400W。")
    assert (judgement.claim.subject, judgement.verdict) == ("nvidia-a100-sxm4-80gb", "supported")


def test_tensor_cores_are_checked_where_the_catalogue_records_them(judged):
    """The MTT S4000 has 128 tensor cores (Tom's Hardware [MT-4]); a cluster's total is that many
    per card, exactly, and a card's own count holds whatever cluster the sentence goes on to."""
    assert _one(judged, "The MTT S4000 has 128 tensor cores.").verdict == "supported"
    assert _one(judged, "The MTT S4000 has 256 tensor cores.").verdict == "false"
    judgements = judged(
        "MTT S4000: each card has 128 tensor cores, summing up to 1,280,000 tensor cores "
        "within a cluster comprising of 10,000 units."
    )
    assert [(j.claim.value, j.claim.count, j.verdict) for j in judgements] == [
        (128, 1, "supported"),
        (1_280_000, 10_000, "supported"),  # 1,280,000 / 10,000 = 128
    ]


def test_the_people_behind_a_chip_are_no_comparison(judged):
    """'the same innovators behind the MTT S80': who made it, not 'slower than the MTT S80'."""
    judgements = judged("The MTT S4000 comes from the same innovators behind the MTT S80. It has 48 GB of memory.")
    assert [(j.claim.subject, j.claim.metric, j.verdict) for j in judgements] == [
        ("moorethreads-mtt-s4000", "memory_capacity", "supported")
    ]


def test_each_ratio_of_a_list_takes_the_metric_named_after_it(judged):
    """141 GB / 80 GB = 1.76x and 4.8 / 3.35 TB/s = 1.43x [NVIDIA's H200 and H100 sheets]: the 43%
    is bandwidth's, not memory's (where it would be false)."""
    judgements = judged("The H200 provides 76% more memory and 43% higher bandwidth than H100 SXM")
    assert [(j.claim.metric, j.verdict) for j in judgements] == [
        ("memory_capacity", "supported"),
        ("memory_bandwidth", "supported"),
    ]


def test_a_total_across_a_stated_number_of_cards(judged):
    """1,440 GB across 8 GPUs is 180 GB per B200, its figure; stated per GPU, it holds as it is."""
    judgements = judged("DGX B200 lists 1,440 GB HBM3e across 8 GPUs, which implies about 180 GB per GPU")
    capacity = [j for j in judgements if j.claim.metric == "memory_capacity"]
    assert [(j.claim.count, j.verdict) for j in capacity] == [(8, "supported"), (1, "supported")]


def test_sparsity_in_a_closed_parenthesis_is_its_own_figures(judged):
    """A100 FP64 is 9.7 TFLOPS dense [NV-A1]; the '(312 TFLOPS with sparsity)' before it is about 312."""
    judgements = judged(
        "An A100 80 GB SXM delivers about 19.5 TFLOPS FP32 (312 TFLOPS with sparsity) and 9.7 TFLOPS FP64."
    )
    fp64 = [j for j in judgements if j.claim.value == 9.7]
    assert [(j.claim.sparsity, j.verdict) for j in fp64] == [(None, "supported")]


@pytest.mark.parametrize(
    ("text", "verdict", "actual"),
    [
        # NVIDIA's A100 datasheet: PCIe Gen4 x16, 32 GB/s each way, 64 both ways
        ("The A100 also supports PCI Express Gen 4, offering 31.5 GB/sec.", "supported", 32.0),
        ("The A100 has a PCIe Gen4 host link of 64 GB/s", "supported", 64.0),
        ("The A100 supports PCIe Gen4 at 128 GB/s", "false", 64.0),
        # H100 PCIe datasheet: "PCIe Gen5: 128GB/s"
        ("H100 PCIe 的 PCIe Gen5 带宽为 128GB/s", "supported", 128.0),
    ],
)
def test_host_link_bandwidth_from_the_recorded_interface(catalogue, text, verdict, actual):
    (judgement,) = [j for j in check(text, catalogue) if j.claim.metric == "host_link"]
    assert (judgement.verdict, judgement.actual) == (verdict, actual)


def test_link_rates_need_a_generation_and_a_lane_count():
    """A record such as 邃思2.0's "PCIe 4.0" has no lanes: no bandwidth follows from it. PCIe 5.0
    x16 is 32 GT/s × 16 lanes ÷ 8 = 64 GB/s each way, 128 both ways (PCI-SIG)."""
    from specbench.claims.hostlink import link_rates

    assert link_rates("PCIe 4.0") == []
    assert sorted(rate for rate, _how in link_rates("PCIe 5.0 x16")) == [64.0, 128.0]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # Huawei's 910B FP16 353 [HWX-11]; 910B1, B3 and B4 record none, and 320 is within 25%
        ("• 910B: 公开信息大多在 320 TFLOPS FP16", "unverifiable"),
        # 400 GB/s is a quarter of the 910B's 1.6 TB/s [HWX-11]: no SKU of the family is that far off
        ("The Ascend 910B has a memory bandwidth of 400GB/s", "false"),
        # a SKU named: its own figure decides
        ("The A100 PCIe 40GB has 60 GB of memory", "false"),
    ],
)
def test_a_family_named_alone_may_mean_a_sku_with_no_figure(catalogue, text, verdict):
    (judgement,) = check(text, catalogue)
    assert judgement.verdict == verdict


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # A100 NVLink 600 GB/s [NV-A4], A800 400 GB/s [NVX-23]: the second figure of a change is the
        # chip's after it, the first its predecessor's
        ("A800计算性能与A100基本相同,但将NVLink高速互连总线的带宽从600GB/s降低到400GB/s。", ["A100", "A800"]),
        (
            "With the A100, Nvidia trimmed the GPU's 600 GBps interconnect down to 400 GBps "
            "and rebranded it as the A800.",
            ["A100", "A800"],
        ),
        (
            "NVIDIA created a version of the A100 called A800, its interconnect bandwidth "
            "decreased from 600 GB/s to 400 GB/s.",
            ["A100", "A800"],
        ),
        # A100 80GB 2.039 TB/s [NV-A1] (2 TB/s as written), H20 4.0 TB/s [NV-20b]
        ("H20的显存带宽从A100的2TB/s提升到4TB/s。", ["A100", "H20"]),
        # H100 80 GB HBM3, 3.35 TB/s [NV-H1]; H200 141 GB HBM3e, 4.8 TB/s [NVX-1]; the second change
        # ("也") is between the same two chips, and each memory type is its figure's
        (
            "H200的显存从H100的80GB HBM3升级到了141GB HBM3e,带宽也从3.35TB/s提升到了4.8TB/s。",
            ["H100", "H200", "H100", "H200", "H100", "H200"],
        ),
    ],
)
def test_a_change_gives_the_value_before_to_the_predecessor(catalogue, text, owners):
    judgements = check(text, catalogue)
    assert [j.verdict for j in judgements] == ["supported"] * len(owners)
    names = [catalogue.chips[j.claim.subject].name for j in judgements]
    assert [name.split()[0] for name in names] == owners


@pytest.mark.parametrize(
    "text",
    ["A800的NVLink带宽由600GB/s降至400GB/s。", "The A800's NVLink bandwidth was cut from 600 GB/s to 400 GB/s."],
)
def test_the_value_before_a_change_of_an_unnamed_predecessor_is_never_false(catalogue, text):
    """600 GB/s is not the A800's (400 [NVX-23]): it is what its bandwidth was before the cut."""
    before, after = check(text, catalogue)
    assert (before.claim.value, before.verdict) == (600, "unverifiable")
    assert "is a change" in " ".join(before.explanation)
    assert (after.claim.value, after.verdict) == (400, "supported")


def test_both_figures_of_a_change_take_its_precision(catalogue):
    # V100 FP16 tensor 125 TFLOPS [NVX-32], A100 312 [NV-A1]
    text = "The A100's FP16 tensor throughput improved from the V100's 125 TFLOPS to 312 TFLOPS."
    before, after = check(text, catalogue)
    assert [j.claim.precisions for j in (before, after)] == [("fp16",), ("fp16",)]
    assert [j.verdict for j in (before, after)] == ["supported", "supported"]


def test_a_bandwidth_per_second_spelled_out(catalogue):
    # A100 40GB: 1,555 GB/s [NV-A1]; "1.6TB/second" is that bandwidth, not 1.6 TB of memory
    (bandwidth, _type) = check(
        "The A100 40GB has HBM2 memory delivering a total of 1.6TB/second of bandwidth.", catalogue
    )
    assert (bandwidth.claim.metric, bandwidth.verdict) == ("memory_bandwidth", "supported")


def test_two_figures_joined_by_to_alone_are_a_range_not_a_change(catalogue):
    judgements = check("The bandwidth ranges from 400 GB/s to 1.2 TB/s on the 910B.", catalogue)
    assert [j.claim.value for j in judgements] == [400, 1200]  # both ends read
    assert all("one end of a range" in " ".join(j.explanation) for j in judgements)


def test_a_speed_up_at_inference_is_a_benchmark_but_the_figures_in_parentheses_are_specs(catalogue):
    """H100 SXM 3.35 TB/s [NV-H1], A100 80GB 2.039 TB/s [NV-A1]; "~3× faster at inference" is a
    workload's speed-up, which no spec sheet records."""
    text = "This is why H100 SXM (3.35 TB/s) is ~3× faster at inference than A100 (2 TB/s) for the same model."
    judgements = check(text, catalogue)
    by_value = {j.claim.value: j.verdict for j in judgements if j.claim.kind == "value"}
    assert by_value == {3350: "supported", 2000: "supported"}
    (ratio,) = [j for j in judgements if j.claim.kind == "ratio"]
    assert ratio.verdict == "unverifiable"


def test_a_table_row_of_a_chip_outside_the_catalogue_is_not_the_previous_rows(catalogue):
    # the A10G (24 GB GDDR6, 600 GB/s) is not catalogued; the row above it is the H200's (141 GB)
    text = "| H200 | 141 GB HBM3e | 4.8 TB/s |\n| A10G 24GB | 24 GB GDDR6 | 600 GB/s |"
    judgements = [j for j in check(text, catalogue) if "600" in j.claim.text or "24 GB" in j.claim.text]
    assert judgements and all(j.verdict == "unverifiable" for j in judgements)


def test_a_format_only_matrix_units_compute_has_no_vector_figure_to_escape_to(catalogue):
    """L40S FP8 is 733 TFLOPS dense, 1466 sparse [NVX-8]; FP8 runs only on Tensor Cores, so 568 is
    no unrecorded vector figure: it is wrong. BF16 does run on vector units, and the H100's BF16
    vector figure is not recorded, so 120 below its matrix peak stays unverifiable."""
    (fp8,) = check("The L40S is the throughput-per-dollar specialist: 568 TFLOPS FP8", catalogue)
    assert fp8.verdict == "false"
    (bf16,) = check("The H100 SXM5 delivers 120 TFLOPS of BF16", catalogue)
    assert bf16.verdict == "unverifiable"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Ascend 910C 3.2 TB/s [HWX-17]; H200 4.8 TB/s [NVX-1]: 每秒 before the amount makes it a rate
        ("910C的記憶體頻寬為每秒3.2TB", 3200),
        ("而 H200 的内存带宽为每秒 4.8 TB", 4800),
    ],
)
def test_an_amount_per_second_is_a_bandwidth(catalogue, text, value):
    (judgement,) = check(text, catalogue)
    assert (judgement.claim.metric, judgement.claim.value, judgement.verdict) == (
        "memory_bandwidth",
        value,
        "supported",
    )


def test_a_figure_after_vs_is_never_pinned_on_the_subject(catalogue):
    # H200 141 GB [NVX-1]; the 80 GB after "vs" is the A100's, named a sentence earlier
    judgements = check("H200 has 77% more VRAM (141GB vs 80GB).", catalogue)
    assert {j.claim.value: j.verdict for j in judgements} == {141: "supported", 80: "unverifiable"}


def test_a_table_in_an_article_keeps_the_chips_of_its_header(catalogue):
    """A100 80GB: 80 GB HBM2e [NV-A1]; H200: 141 GB HBM3e [NVX-1]. The header follows prose and
    is read for its columns; a row naming a chip in a cell ("H200 (newer)") heads nothing."""
    from specbench.claims import Context, Reader
    from specbench.claims.judging import Judge

    reader, judge, context = Reader(catalogue), Judge(catalogue), Context()
    text = (
        "Key difference: A100 is general-purpose. H200 is purpose-built for LLMs.\n\nSpecifications Table\n\n"
        "| Spec | A100 | H200 | Advantage |\n"
        "| Architecture | Ampere (3rd Gen) | Hopper (4th Gen) | H200 (newer) |\n"
        "| Memory Capacity | 80GB HBM2e | 141GB HBM3e | H200 (77% more) |"
    )
    claims = reader.read(text, context)
    figures = {c.value: (catalogue.chips[c.subject].name, judge.judge(c).verdict) for c in claims if c.value}
    assert figures == {80: ("A100 SXM4 80GB", "supported"), 141: ("H200 SXM", "supported")}


def test_a_ratio_naming_its_own_generic_metric_takes_no_other_items_basis(catalogue):
    """Gaudi 3 vs Gaudi 2: memory 128 / 96 GB, BF16 1835 / 432 = 4.25x [INTC-1]. In a list of
    ratios each names its own metric: "1.5x more performance" is neither the memory of a later
    item nor the BF16 of an earlier one, and with no precision it cannot be called false."""
    text = (
        "Gaudi 3 will have 1.5x more performance than the previous-gen Gaudi 2, as well as 4x more "
        "BFloat16 performance, twice the compute power, and a bigger memory capacity."
    )
    ratios = {j.claim.ratio: j for j in check(text, catalogue) if j.claim.ratio}
    assert {r: (j.claim.metric, j.claim.precisions) for r, j in ratios.items()} == {
        1.5: ("throughput", ()),
        4.0: ("throughput", ("bf16",)),
        2.0: ("throughput", ()),
    }
    assert ratios[1.5].verdict == ratios[2.0].verdict == "unverifiable"
    # 4.25x written "4x": a one-digit ratio is rounded as writers round it; Gaudi 2's 432 has no
    # stated unit, which is not a vector figure set against a matrix one
    assert ratios[4.0].verdict == "supported"
    assert "vector-vs-matrix" not in ratios[4.0].flags and "unknown-basis" in ratios[4.0].flags


@pytest.mark.parametrize(("text", "ratio"), [("4x", 4.0), ("twice", 2.0), ("3倍", 3.0)])
def test_a_one_digit_ratio_allows_ten_percent_and_no_more(text, ratio):
    from specbench.claims.judging import ratio_tolerance

    tol = ratio_tolerance(text, ratio)
    assert holds(ratio * 1.09, ratio, "equals", tol)[0]
    assert not holds(ratio * 1.12, ratio, "equals", tol)[0]


def test_a_memory_type_from_a_source_not_preferred_is_misleading_not_false(catalogue):
    # A100 40GB: HBM2 in NVIDIA's datasheet [NV-A1, NV-A4]; HBM2e in a TechPowerUp-derived table [NV-A7]
    judgement = _one(lambda t: check(t, catalogue), "A100 SXM4 40GB uses HBM2e memory")
    assert (judgement.verdict, judgement.flags) == ("misleading", ["conflicting-sources"])


def test_a_ratio_against_the_rivals_named_precision_is_a_precision_mismatch(catalogue):
    # L40S FP8 733 [NVX-8] / A100 BF16 312 [NV-A1] = 2.35x; BF16 to BF16 is 366.5 / 312 = 1.17x
    judgements = check("The L40S FP8 delivers 733 TFLOPS (2.35x A100's BF16).", catalogue)
    (ratio,) = [j for j in judgements if j.claim.ratio]
    assert (ratio.claim.precisions, ratio.claim.rival_precisions) == (("fp8",), ("bf16",))
    assert ratio.verdict == "misleading" and "precision-mismatch" in ratio.flags
    assert round(ratio.ratio, 2) == 1.17


@pytest.mark.parametrize(
    ("text", "count", "ratio"),
    [
        ("The L40S is 2.35x the A100 in BF16.", 1, 2.35),  # a ratio joined to its rival by "the"
        ("A cluster of 8x A100 GPUs delivers 2.5 PFLOPS of BF16.", 8, None),  # eight A100s
    ],
)
def test_a_whole_ratio_right_before_a_chip_counts_it_and_any_other_is_a_ratio(catalogue, text, count, ratio):
    claims = [j.claim for j in check(text, catalogue)]
    assert [c.ratio for c in claims if c.ratio] == ([ratio] if ratio else [])
    if not ratio:
        assert [c.count for c in claims] == [count]


def test_a_pronoun_never_refers_to_the_chip_its_sentence_sets_it_against(catalogue):
    """H20 TDP 400 W [NV-20b], H100 SXM5 700 W [NV-H1]. After a sentence about the H100 and the
    H20, "该GPU … 低于H100的700W" is the H20: the only other chip in play."""
    from specbench.claims import Context, Reader

    reader = Reader(catalogue)
    text = (
        "理论上H100相比H20的速度快了6.68倍。但这一比较基于FP16，并不能反映其所有的计算能力。\n"
        "另外，该GPU的热设计功耗为400W，低于H100的700W。"
    )
    owners = {c.value: c.subject for c in reader.read(text, Context()) if c.metric == "tdp" and c.value}
    assert owners == {400: "nvidia-h20", 700: "nvidia-h100-sxm5"}
    # with two other chips in play it could be either: read as no chip, never as the H100
    text = "H100比H20和L20都快。\n该GPU的热设计功耗为400W，低于H100的700W。"
    owners = {c.value: c.subject for c in reader.read(text, Context()) if c.metric == "tdp" and c.value}
    assert owners == {400: None, 700: "nvidia-h100-sxm5"}


@pytest.mark.parametrize(
    "text",
    [
        "即使H20的实际利用率能达到90%，其性能仍只能接近H100的50%",  # a share of peak in practice
        "H20在大语言模型推理方面比H100快了20%以上",  # a workload, not a peak figure
        "Tesla K80的计算能力为8.9TFLOPS，功耗为250W",  # K80 is not the V100
        "深算1号的TDP仅为250W，带宽达1TB/s",  # Hygon's first DCU is not in the catalogue
    ],
)
def test_figures_no_spec_sheet_can_settle_are_unverifiable(catalogue, text):
    judgements = check(text, catalogue)
    assert judgements  # each sentence states a figure or a ratio the reader finds
    assert {j.verdict for j in judgements} == {"unverifiable"}


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # H20 FP64 1 [NV-20a] / H100 SXM5 34 [NV-H1] = 1/34: "more than 30x slower" holds, 40x does not
        ("H20的FP64算力比H100慢了30倍以上", "supported"),
        ("H20的FP64算力比H100慢了40倍以上", "false"),
        # BF16 148 / 989.5 = 1/6.69 [NV-20a, NV-H1]
        ("H20的BF16性能比H100低了6.7倍", "supported"),
        ("H100的BF16算力比H20高了5.7倍", "supported"),  # 5.7x more is 6.7x
    ],
)
def test_a_ratio_of_a_change_down_is_read_down(catalogue, text, verdict):
    (judgement,) = check(text, catalogue)
    assert judgement.verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # H200 141 GB [NVX-1] / H100 80 GB [NV-H1] = 1.76x: "double" overstates it by 14%, a round
        # ratio stretched; never "matched" through a pair of throughput figures (TF32 sparse/dense)
        ("The H200 has double the memory capacity of H100.", "misleading"),
        # H200 4.8 TB/s [NVX-1] / H100 3.35 TB/s [NV-H1] = 1.43x: "double" is 40% off, no rounding
        ("The H200 has double the memory bandwidth of H100.", "false"),
        # 141 / 80 = 1.76x written as 1.76x
        ("The H200 offers 1.76x the memory capacity of the H100.", "supported"),
    ],
)
def test_a_memory_ratio_is_judged_on_memory_alone_and_a_stretched_round_ratio_is_misleading(catalogue, text, verdict):
    judgement = _one(lambda t: check(t, catalogue), text)
    assert judgement.claim.metric in ("memory_capacity", "memory_bandwidth")
    assert (judgement.verdict, judgement.flags) == (verdict, [])


def test_a_ratio_that_holds_only_for_another_sku_of_the_family_is_misleading_not_false(catalogue):
    """H100 SXM5 3350 GB/s [NV-H1] over A100 SXM4 80GB 2039 GB/s [NV-A1] = 1.64x; over the first
    A100, 1555 GB/s (40 GB), it is 2.15x: "doubled" holds for a SKU the name may mean."""
    judgement = _one(lambda t: check(t, catalogue), "The H100 doubled the memory bandwidth of the A100.")
    assert (judgement.verdict, judgement.flags) == ("misleading", ["sku-mismatch"])
    assert round(judgement.ratio, 2) == 1.64  # the like-for-like pair stays the headline


def test_a_bare_ratio_shows_the_ai_precisions_first(catalogue):
    """H20 FP16 148 / H100 SXM5 989.5 = 0.15 [NV-20a, NV-H1]; FP64 1 / 34 = 0.029 is shown after it."""
    (ratio,) = [j for j in check("其中H20算力约为H100的1/3", catalogue) if j.claim.kind == "ratio"]
    assert ratio.claim.ratio == pytest.approx(1 / 3)
    assert round(ratio.ratio, 2) == 0.15
    assert ratio.actual_text.startswith("TF32 0.15x") and "FP64 0.029x" in ratio.actual_text
    assert ratio.verdict != "supported"


def test_a_sparse_twin_is_derived_only_from_a_published_pair_and_never_for_fp64(catalogue):
    """A dense matrix figure gets a derived 2:4 sparse twin only where the chip's sources print
    one precision both ways; FP64 matrix units run no structured sparsity."""
    from specbench.claims.judging import Judge

    judge = Judge(catalogue)
    h20, a100, v100 = (catalogue.get(name) for name in ("H20", "A100", "V100"))
    int8 = next(f for f in h20.throughput() if f.precision == "int8" and f.sparsity == "dense")
    why = judge._runs_sparsity(h20, int8)
    assert why is not None and "148 TFLOPS dense" in why and "296 TFLOPS 2:4 sparse" in why
    fp64 = next(f for f in a100.throughput() if f.precision == "fp64" and f.execution == "matrix")
    assert judge._runs_sparsity(a100, fp64) is None
    fp16 = next(f for f in v100.throughput() if f.precision == "fp16" and f.execution == "matrix")
    assert judge._runs_sparsity(v100, fp16) is None


@pytest.mark.parametrize(
    ("text", "verdict", "actual"),
    [
        # 141 / 80 = 1.7625: "nearly double" rounds it up past the 10% of a one-digit ratio
        ("The H200 offers nearly double the memory capacity (141 GB vs. 80 GB).", "misleading", 1.7625),
        # 4.8 / 3.35 = 1.433: "1.4x" as written
        ("The H200 brings more bandwidth (4.8 TB/s vs. 3.35 TB/s, a 1.4x improvement).", "supported", 4.8 / 3.35),
        # 141 / 80 is not three times
        ("H200的显存容量大幅提升（141GB对比80GB，提升3倍）。", "false", 1.7625),
    ],
)
def test_a_ratio_is_checked_against_the_figures_stated_with_it(judged, text, verdict, actual):
    """The rival is named only by its figure: the text's own arithmetic is checked, and the
    second figure is not read as the subject's."""
    (stated,) = [j for j in judged(text) if j.claim.rule == "stated_ratio"]
    assert stated.verdict == verdict
    assert stated.ratio == pytest.approx(actual)
    assert not [j for j in judged(text) if j.claim.kind == "value" and j.claim.value in (80.0, 3350.0)]


def test_a_bare_bandwidth_beside_network_ports_is_not_taken_for_memory(judged):
    """Memory is named in another clause; the figure's own clause speaks of RoCE ports, so its bare
    带宽 is not certainly memory bandwidth (Gaudi 2's is 2.45 TB/s [INTC-2])."""
    text = "Gaudi2集成96GB HBM2e显存与384TFLOPS BF16算力,支持256GB/s带宽与21个100G RoCE端口。"
    (figure,) = [j for j in judged(text) if j.claim.value == 256.0]
    assert figure.verdict == "unverifiable"
    # a capacity in the figure's clause makes it memory: "64GB and ~1,200 GB/s" of the 910B
    (stated,) = [
        j
        for j in judged("Ascend 910C: a substantial upgrade over the 910B's 64GB and ~1,200 GB/s.")
        if j.claim.value == 1200.0
    ]
    assert stated.claim.metric == "memory_bandwidth"


def test_a_figure_another_source_or_bound_gives_a_sibling_is_that_sku_s(judged):
    """'the H100's 300 W': the H100 SXM5 is 700 W; 300 W is the low end of the PCIe card's
    configurable 300-350 W [NV-H1], another SKU's figure, not the family's."""
    (power,) = [
        j
        for j in judged("The Ascend 910C draws 310 W, slightly above the Nvidia H100's 300 W.")
        if j.claim.value == 300.0
    ]
    assert power.verdict == "misleading"
    assert "sku-mismatch" in power.flags


def test_a_column_of_a_card_outside_the_catalogue_is_not_another_chip_s(catalogue):
    """A6000 heads a column of a real comparison table: its figures are not the H100's."""
    from specbench.claims import Reader

    reader = Reader.of(catalogue)
    rows = "| 参数 | H100 | A6000 | L40S | A100 |\n| TDP | 700W | 300W | 350W | 400W |"
    tdp = {c.value: c.subject for c in reader.read(rows) if c.metric == "tdp"}
    assert tdp[700.0] == "nvidia-h100-sxm5" and tdp[350.0] == "nvidia-l40s"
    assert tdp.get(300.0) is None


def test_n_bei_before_a_chip_is_a_ratio_and_the_figure_after_it_the_subject_s(judged):
    """ "4倍A100的FP8算力(1979TFLOPS)": four times the A100's, not four A100s; 1979 is the H100 SXM5's
    dense FP8 (3958 sparse / 2 [NV-H1])."""
    text = "H100则通过H100 SXM5架构、80GB HBM3显存及4倍A100的FP8算力(1979TFLOPS),将大模型训练效率提升。"
    (fp8,) = [j for j in judged(text) if j.claim.value == 1979.0]
    assert fp8.claim.subject == "nvidia-h100-sxm5" and fp8.claim.count == 1
    assert fp8.verdict == "supported"


def test_a_ratio_said_of_two_chips_at_once_is_not_called_false_for_one(judged):
    """True of the H20 (148 / 312 = 0.47 [NV-20a, NV-A1]), not of the L20 (119.5 / 312 = 0.38)."""
    text = (
        "NVIDIA has released China-specific AI accelerator chips H20 and L20, whose advertised compute "
        "specifications (FP16, INT8) are roughly half of the A100."
    )
    assert all(j.verdict != "false" for j in judged(text))


def test_a_fraction_in_words_is_as_round_as_twice(judged):
    """ "只有一半" for H20 FP16 148 / A100 312 = 0.47 [NV-20a, NV-A1]: half, as written."""
    (half,) = judged("H20与A100相比，算力只有一半。")
    assert half.verdict == "supported"
