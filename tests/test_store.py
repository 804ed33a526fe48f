"""The bundled catalogue: every file valid, required entries present, figures as their sources say."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from specbench.errors import UnknownChipError
from specbench.store import lint_paths, load, normalize_name

from .conftest import SPECS

SPEC_FILES = sorted(SPECS.glob("*.toml"))


@pytest.mark.parametrize("path", SPEC_FILES, ids=[p.name for p in SPEC_FILES])
def test_every_spec_file_lints_clean(path: Path):
    problems, checked = lint_paths([path])
    assert checked == 1
    assert problems == []


REQUIRED = {
    "biren-br100": ("Biren", "OAM"),
    "biren-br104": ("Biren", "PCIe"),
    "enflame-suisi-2": ("Enflame", "chip"),
    "enflame-yunsui-t20": ("Enflame", "PCIe"),
    "enflame-yunsui-t21": ("Enflame", "OAM"),
    "metax-c500": ("MetaX", "OAM"),
    "moorethreads-mtt-s4000": ("Moore Threads", "PCIe"),
    "nvidia-a100-sxm4-40gb": ("NVIDIA", "SXM4"),
    "nvidia-a100-sxm4-80gb": ("NVIDIA", "SXM4"),
    "nvidia-a100-pcie-40gb": ("NVIDIA", "PCIe"),
    "nvidia-a100-pcie-80gb": ("NVIDIA", "PCIe"),
    "nvidia-h20": ("NVIDIA", "SXM5"),
    "nvidia-h100-sxm5": ("NVIDIA", "SXM5"),
    "nvidia-h100-pcie": ("NVIDIA", "PCIe"),
}


def test_required_entries(catalogue):
    for chip_id, (vendor, form_factor) in REQUIRED.items():
        chip = catalogue.chips[chip_id]
        assert (chip.vendor, chip.form_factor) == (vendor, form_factor)


def _throughput(catalogue, name, precision, execution, sparsity):
    chip = catalogue.get(name)
    matches = [
        f
        for f in chip.throughput()
        if (f.precision, f.execution, f.sparsity) == (precision, execution, sparsity) and f.preferred is not False
    ]
    assert len(matches) == 1, matches
    return matches[0]


# Each row: chip, precision, execution unit, sparsity, value in TFLOPS/TOPS as the
# source prints it, the source key, and the source's words.
THROUGHPUT = [
    ("A100", "fp64", "vector", "dense", 9.7, "NV-A1", "FP64 9.7 TFLOPS"),
    ("A100", "fp64", "matrix", "dense", 19.5, "NV-A1", "FP64 Tensor Core 19.5 TFLOPS"),
    ("A100", "fp32", "vector", "dense", 19.5, "NV-A1", "FP32 19.5 TFLOPS"),
    ("A100", "tf32", "matrix", "dense", 156, "NV-A1", "TF32 156 TFLOPS | 312 TFLOPS*"),
    ("A100", "tf32", "matrix", "sparse", 312, "NV-A1", "TF32 156 TFLOPS | 312 TFLOPS*"),
    ("A100", "bf16", "matrix", "dense", 312, "NV-A1", "BFLOAT16 312 TFLOPS | 624 TFLOPS*"),
    ("A100", "fp16", "matrix", "sparse", 624, "NV-A1", "FP16 312 TFLOPS | 624 TFLOPS*"),
    ("A100", "int8", "matrix", "dense", 624, "NV-A1", "INT8 624 TOPS | 1248 TOPS*"),
    ("A100", "int4", "matrix", "sparse", 2496, "NV-A1", "INT4 1248 TOPS | 2496 TOPS*"),
    ("A100 PCIe 40GB", "bf16", "matrix", "dense", 312, "NV-A1", "same peaks for every A100 SKU"),
    ("H100", "bf16", "matrix", "sparse", 1979, "NV-H1", "BFLOAT16 Tensor Core 1,979 TFLOPS*"),
    ("H100", "fp8", "matrix", "sparse", 3958, "NV-H1", "FP8 Tensor Core 3,958 TFLOPS*"),
    ("H100", "fp32", "vector", "dense", 67, "NV-H1", "FP32 67 TFLOPS"),
    ("H100 PCIe", "bf16", "matrix", "sparse", 1513, "NV-H1", "BFLOAT16 Tensor Core 1,513 TFLOPS*"),
    ("H20", "fp16", "matrix", "dense", 148, "NV-20a", "FP16 148 TFLOPS"),
    ("L4", "fp32", "vector", "dense", 30.3, "NVC-Q3", "FP32 · 30.3 teraFLOPs · TF32 Tensor Core · 120 teraFLOPS*"),
    ("H200 SXM", "fp64", "vector", "dense", 34, "NVX-1", "FP64 34 TFLOPS 30 TFLOPS"),
    ("H200 SXM", "fp64", "matrix", "unknown", 67, "NVX-1", "FP64 Tensor Core 67 TFLOPS 60 TFLOPS"),
    ("H20", "fp8", "matrix", "dense", 296, "NV-20a", "FP8 296 TFLOPS"),
    ("H20", "tf32", "matrix", "dense", 74, "NV-20a", "TF32 74 TFLOPS"),
    ("BR100", "bf16", "unknown", "unknown", 1024, "BR-3", "BF16 1,024 TFLOPS"),
    ("BR100", "int8", "unknown", "unknown", 2048, "BR-1", "INT8 2048 TOPS"),
    ("BR100", "tf32+", "unknown", "unknown", 512, "BR-17", "512 TFLOPS of 32-bit performance when using TF32+"),
    ("BR100", "fp32", "unknown", "unknown", 256, "BR-3", "FP32 256 TFLOPS"),
    ("BR104", "bf16", "unknown", "unknown", 512, "BR-3", "BF16 512 TFLOPS"),
    ("BR104", "fp32", "unknown", "unknown", 128, "BR-3", "FP32 128 TFLOPS"),
    ("邃思2.0", "fp32", "unknown", "unknown", 40, "EF-1", "单精度FP32算力为40TFLOPS"),
    ("邃思2.0", "tf32", "matrix", "unknown", 160, "EF-1", "单精度张量TF32算力为160TFLOPS"),
    ("邃思2.0", "int8", "unknown", "unknown", 320, "EF-1", "整数精度INT8算力为320TOPS"),
    ("云燧T21", "fp32", "unknown", "unknown", 40, "EF-2", "云燧T21单精度FP32算力最高可达40TFLOPS"),
    ("云燧T20", "fp32", "unknown", "unknown", 32, "EF-3", "单精度性能(FP32) 32 TFLOPS"),
    ("曦云C500", "fp32", "vector", "unknown", 18, "MX-1", "FP32 vector 18"),
    ("曦云C500", "fp32", "matrix", "unknown", 36, "MX-1", "FP32 matrix 36"),
    ("曦云C500", "bf16", "unknown", "unknown", 280, "MX-1", "BF16 280"),
    ("曦云C500", "int8", "unknown", "unknown", 560, "MX-1", "INT8 560"),
    ("MTT S4000", "fp32", "unknown", "unknown", 25, "MT-5", "25 TFLOPS@FP32"),
    ("MTT S4000", "fp16", "unknown", "unknown", 100, "MT-5", "100 TFLOPS@FP16"),
    ("MTT S4000", "int8", "unknown", "unknown", 200, "MT-5", "200 TOPS@INT8"),
    ("MLU370-X4", "bf16", "unknown", "unknown", 96, "CAX-9", "X4 and X8 both list 96 TFLOP/s BF16"),
    ("MLU370-X4", "int8", "unknown", "unknown", 256, "CAX-9", "X4 and X8 both list ... 256 INT8 TOPS"),
    ("MLU370-S4", "fp16", "unknown", "unknown", 72, "CAX-10", "72 TFLOPS@FP16"),
    ("MLU370-S4", "int8", "unknown", "unknown", 192, "CAX-10", "192 TOPS@INT8"),
    ("H800 PCIe", "fp8", "matrix", "sparse", 3026, "NVX-47", "H800 PCIe peak F8: 3026 TFLOPS."),
    ("H800 PCIe", "fp16", "matrix", "sparse", 1513, "NVX-47", "H800 PCIe peak F16: 1513 TFLOPS."),
]


@pytest.mark.parametrize(("name", "precision", "execution", "sparsity", "value", "source", "says"), THROUGHPUT)
def test_throughput_matches_source(catalogue, name, precision, execution, sparsity, value, source, says):
    figure = _throughput(catalogue, name, precision, execution, sparsity)
    assert figure.value == pytest.approx(value)
    assert source in figure.sources


# chip, metric, value in the catalogue's unit (GB, GB/s, W, mm², count), source, source's words
SPECS_FROM_SOURCES = [
    ("A100", "memory_bandwidth", 2039, "NV-A1", "80GB HBM2e 2,039 GB/s"),
    ("A100 PCIe 80GB", "memory_bandwidth", 1935, "NV-A2", "PCIe 80GB 1,935 GB/s"),
    ("A100 PCIe 80GB", "tdp", 300, "NV-A2", "PCIe 80GB 300 W"),
    ("A100 PCIe 40GB", "tdp", 250, "NV-A2", "PCIe 40GB 250 W"),
    ("A100 SXM4 40GB", "memory_bandwidth", 1555, "NV-A1", "1.555 TB/s"),
    ("A100", "tdp", 400, "NV-A1", "400 W maximum"),
    ("A100", "die_area", 826, "NV-A3", "826 mm2"),
    ("A100", "transistors", 54.2e9, "NV-A3", "54.2 billion transistors"),
    ("H100", "memory_bandwidth", 3350, "NV-H1", "3.35TB/s"),
    ("H100", "tdp", 700, "NV-H1", "Up to 700W"),
    ("H20", "memory_bandwidth", 4000, "NV-20a", "96 GB HBM3, 4.0 TB/s"),
    ("H20", "tdp", 400, "NV-20b", "400 W"),
    ("H20", "compute_dies", 1, "NV-20e", "It utilizes the GH100 chip"),
    ("BR100", "memory_bandwidth", 1640, "BR-3", "1.64 TB/s"),
    ("BR100", "memory_capacity", 64, "BR-4", "64 GB HBM2E"),
    ("BR100", "tdp", 550, "BR-3", "550 W"),
    ("BR100", "transistors", 77e9, "BR-1", "770亿个晶体管"),
    ("BR100", "compute_dies", 2, "BR-4", "two compute chiplets"),
    ("BR100", "die_area", 537, "BR-17", "two 537 mm² chiplets"),
    ("BR100", "interconnect", 512, "BR-4", "8 BLink links, 64 GB/s each"),
    ("BR104", "memory_bandwidth", 819, "BR-3", "819 GB/s"),
    ("BR104", "tdp", 300, "BR-3", "300 W"),
    ("邃思2.0", "memory_bandwidth", 1800, "EF-1", "up to 1.8 TB/s"),
    ("邃思2.0", "package_area", 3306.25, "EF-1", "57.5毫米 x 57.5毫米（面积为3306mm2）"),
    ("邃思2.0", "interconnect", 300, "EF-1", "GCU-LARE 300 GB/s"),
    ("云燧T21", "tdp", 300, "EF-4", "T21 product manual: 300 W"),
    ("曦云C500", "memory_capacity", 68.719476736, "MX-2", "mx-smi: 65536 MiB"),
    ("MTT S4000", "memory_bandwidth", 768, "MT-5", "48 GB, 768 GB/s"),
    ("MTT S4000", "interconnect", 240, "MT-1", "MTLink 1.0 240 GB/s"),
    ("MTT S4000", "tdp", 450, "MT-5", "450 W"),
    ("MLU370-X4", "memory_capacity", 24, "CAX-9", "LPDDR5; 24 GB; 307.2 GB/s"),
    ("MLU370-X4", "memory_bandwidth", 307.2, "CAX-9", "LPDDR5; 24 GB; 307.2 GB/s"),
    ("MLU370-X4", "tdp", 150, "CAX-9", "150 W; passive"),
    ("MLU370-S4", "memory_bandwidth", 307.2, "CAX-10", "24GB/48GB LPDDR5 307.2 GB/s"),
    ("MLU370-S4", "tdp", 75, "CAX-9", "75 W; passive"),
    ("H800 PCIe", "memory_capacity", 80, "NVX-48", "单卡 NVIDIA H800 PCIe 80GB"),
    # "96 GiB HBM"; the runtime reports 103079215104 bytes = 96 × 2**30
    ("P800", "memory_capacity", 96 * 2**30 / 1e9, "KLX-7", "`P800 OAM`，KL3 架构，96 GiB HBM"),
]


@pytest.mark.parametrize(("name", "metric", "value", "source", "says"), SPECS_FROM_SOURCES)
def test_spec_matches_source(catalogue, name, metric, value, source, says):
    figure = catalogue.get(name).preferred(metric)
    assert figure is not None
    assert figure.value == pytest.approx(value)
    assert source in figure.sources


# chip, launch date as the source prints it, source key, the source's words
LAUNCH_DATES = [
    # a database table row 'NVIDIA A100 80GB PCle': "<td>2021-06-28</td>"
    ("A100 PCIe 80GB", "2021-06-28", "NVD-1", "<td>2021-06-28</td>"),
    # GTC 2022 coverage: "al keynote del 22 marzo 2022" ... "sia modelli PCIe che SXM"
    ("H100 PCIe", "2022-03-22", "NVD-2", "Saranno lanciati sia modelli PCIe che SXM"),
    # TweakTown's announcement report is dated 2022-03-22
    ("H100 PCIe", "2022-03-22", "NVD-3", "NVIDIA announced the first Hopper-based GPU"),
    # io-tech.fi, December 2023: "Nyt yhtiö on julkaissut ... MTT S4000 -laskentakortin" ("now ... has released")
    ("MTT S4000", "2023-12", "MT-1", "Nyt yhtiö on julkaissut uuden ... MTT S4000 -laskentakortin."),
    # TweakTown: "set to enter mass production in Q2 2024"; the first reports (NV-20c) are kept, not preferred
    ("H20", "2024", "NV-20b", "with its new H20 AI GPU set to enter mass production in Q2 2024"),
]


@pytest.mark.parametrize(("name", "date", "source", "says"), LAUNCH_DATES)
def test_launch_date_matches_source(catalogue, name, date, source, says):
    figure = catalogue.get(name).preferred("launch")
    assert figure is not None
    assert figure.value == date
    assert source in figure.sources


def test_h100_pcie_keeps_the_database_date_but_prefers_the_announcement(catalogue):
    # NVD-1 gives 2023-03-21 to both "NVIDIA H100 PCIe 80 GB" and "NVIDIA H100 SXM5 80 GB"
    launches = catalogue.get("H100 PCIe").figures_for("launch")
    assert sorted((f.value, f.preferred) for f in launches) == [("2022-03-22", True), ("2023-03-21", False)]
    database = next(f for f in launches if f.value == "2023-03-21")
    assert database.sources == ("NVD-1",)
    assert "H100 SXM5" in database.why


def test_disagreements_keep_both_values_and_say_which_is_preferred(catalogue):
    br100 = catalogue.get("BR100")
    assert sorted(f.text for f in br100.figures_for("memory_bandwidth")) == ["1.64 TB/s", "2.3 TB/s"]
    assert br100.preferred("memory_bandwidth").text == "1.64 TB/s"
    assert "external I/O" in br100.preferred("memory_bandwidth").why
    c500 = catalogue.get("C500")
    fp32 = sorted(f.value for f in c500.throughput() if f.precision == "fp32")
    assert fp32 == [15, 18, 36]
    target = next(f for f in c500.throughput() if f.value == 15)
    assert (target.status, target.preferred) == ("target", False)
    t21 = catalogue.get("T21")
    assert sorted(f.value for f in t21.figures_for("tdp")) == [300, 400]
    t20_fp32 = sorted(f.value for f in catalogue.get("T20").throughput() if f.precision == "fp32")
    assert t20_fp32 == [32, 40]


def test_a_later_report_of_other_figures_is_kept_but_not_preferred(catalogue):
    # MT-8 (2025): "FP32、TF32、FP16、INT8精度下的算力分别为25 TFLOPS、49 TFLOPS、98 TFLOPS、196 TOPS"
    s4000 = catalogue.get("MTT S4000")
    for precision, launch, later in [("tf32", 50, 49), ("fp16", 100, 98), ("int8", 200, 196)]:
        figures = [f for f in s4000.throughput() if f.precision == precision]
        assert sorted((f.value, f.preferred) for f in figures) == [(later, False), (launch, True)]
        assert next(f for f in figures if f.value == later).sources == ("MT-8",)
    # 天垓100: launch coverage "für 300 Watt ausgelegt"; the entry linking Iluvatar's page ends "250W"
    tdp = catalogue.get("天垓100").figures_for("tdp")
    assert sorted((f.value, f.sources, f.preferred) for f in tdp) == [
        (250, ("ILX-10",), False),
        (250, ("ILX-5",), False),
        (300, ("ILX-2", "ILX-3", "ILX-7"), True),
    ]


def test_the_mlu370_cards_are_one_family_and_mlu370_alone_names_none(catalogue):
    from specbench.errors import UnknownChipError

    assert {c.name for c in catalogue.chips.values() if c.family == "思元370系列"} == {
        "MLU370-X8",
        "MLU370-X4",
        "MLU370-S4",
    }
    assert catalogue.get("思元370系列").name == "MLU370-X8"
    # the S4 and S8 share one set of figures and two capacities: no capacity is pinned on the S4
    assert catalogue.get("MLU370-S4").preferred("memory_capacity") is None
    with pytest.raises(UnknownChipError):
        catalogue.get("MLU370")


def test_the_h800_pcie_takes_the_die_but_not_the_sxm_modules_links(catalogue):
    pcie, sxm = catalogue.get("H800 PCIe"), catalogue.get("H800 SXM5")
    assert catalogue.get("H800").name == "H800 SXM5"
    for metric in ("process", "foundry", "transistors"):
        assert pcie.preferred(metric).value == sxm.preferred(metric).value
    assert pcie.preferred("interconnect") is None
    assert not [f for f in pcie.throughput() if f.precision == "fp64"]


def test_unknown_stays_unknown(catalogue):
    c500 = catalogue.get("C500")
    assert c500.preferred("memory_bandwidth") is None
    assert c500.preferred("tdp") is None
    assert catalogue.get("邃思2.0").compute_dies is None
    br100 = catalogue.get("BR100")
    assert not any(f.precision == "fp16" for f in br100.throughput())
    assert br100.support_for("fp16").supported is True
    assert br100.support_for("fp64").supported is False


def test_skus_inherit_compute_but_not_launch(catalogue):
    pcie = catalogue.get("A100 PCIe 80GB")
    assert pcie.base == "nvidia-a100-sxm4-80gb"
    assert len(pcie.throughput()) == len(catalogue.get("A100").throughput())
    # its own date, not the SXM4 module's 2020-11-16 [NV-A7]: "<td>2021-06-28</td>" [NVD-1]
    launch = pcie.preferred("launch")
    assert launch is not None
    assert (launch.value, launch.sources) == ("2021-06-28", ("NVD-1",))
    assert catalogue.get("A100").preferred("launch").value == "2020-11-16"
    # the card's own link, not the SXM4's NVLink: "NVLink Bridge for 2 GPUs: 600 GB/s" [NV-A1]
    bridge = pcie.preferred("interconnect")
    assert bridge is not None
    assert (bridge.name, bridge.value, bridge.sources) == ("NVLink bridge (2 GPUs)", 600, ("NV-A1",))


@pytest.mark.parametrize(
    ("typed", "chip_id"),
    [
        ("BR100", "biren-br100"),
        ("br-100", "biren-br100"),
        ("壁仞BR100", "biren-br100"),
        ("Biren BR100", "biren-br100"),
        ("壁砺100P", "biren-br100"),
        ("壁砺104P", "biren-br104"),
        ("a100", "nvidia-a100-sxm4-80gb"),
        ("英伟达A100", "nvidia-a100-sxm4-80gb"),
        ("NVIDIA A100 PCIe 40GB", "nvidia-a100-pcie-40gb"),
        ("a100-sxm4-40gb", "nvidia-a100-sxm4-40gb"),
        ("曦云C500", "metax-c500"),
        ("沐曦 曦云C500", "metax-c500"),
        ("MXC500", "metax-c500"),
        ("邃思2.0", "enflame-suisi-2"),
        ("燧原邃思2.0", "enflame-suisi-2"),
        ("Suisi 2.0", "enflame-suisi-2"),
        ("云燧T20", "enflame-yunsui-t20"),
        ("T21", "enflame-yunsui-t21"),
        ("mtt s4000", "moorethreads-mtt-s4000"),
        ("摩尔线程 MTT S4000", "moorethreads-mtt-s4000"),
        ("ＢＲ１００", "biren-br100"),  # full-width characters
        ("h20", "nvidia-h20"),
        ("昆仑二代", "kunlunxin-kunlun-2"),  # '7nm昆仑二代量产' in mass-production coverage
        ("H100", "nvidia-h100-sxm5"),
    ],
)
def test_lookup_forgives_case_spacing_vendor_and_language(catalogue, typed, chip_id):
    assert catalogue.get(typed).id == chip_id


def test_family_name_resolves_to_the_default_sku_and_says_so(catalogue):
    resolution = catalogue.resolve("A100")
    assert resolution.chip.id == "nvidia-a100-sxm4-80gb"
    assert "default SKU of the A100 family" in resolution.explanation()
    assert catalogue.resolve("A100 SXM4 80GB").explanation() is None


def test_unknown_chip_suggests_close_names(catalogue):
    with pytest.raises(UnknownChipError) as error:
        catalogue.get("BR10")
    assert str(error.value) == "unknown chip 'BR10'; did you mean BR100, BR104?"
    with pytest.raises(UnknownChipError, match="曦云C500"):
        catalogue.get("曦云C50")


def test_every_family_has_one_default(catalogue):
    families = {}
    for chip in catalogue.chips.values():
        families.setdefault(chip.family, []).append(chip.default)
    assert all(flags.count(True) == 1 for flags in families.values())


def test_normalize_name():
    assert normalize_name("NVIDIA A100-SXM4 80GB") == normalize_name("a100 sxm4 80gb")
    assert normalize_name("摩尔线程") == "摩尔线程"  # a vendor name alone is not stripped to nothing


def test_the_cache_never_gives_a_chip_the_file_path_of_another_folder_or_installation(tmp_path, monkeypatch):
    # Two identical spec folders (two installations) and one cache folder; each is named by its
    # absolute path, as the bundled catalogue is, and used from inside and from outside.
    monkeypatch.setenv("SPECBENCH_CACHE_DIR", str(tmp_path / "cache"))
    first, second = tmp_path / "one" / "specs", tmp_path / "two" / "specs"
    shutil.copytree(SPECS, first)
    shutil.copytree(SPECS, second)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    for _ in range(2):  # the second round reads every catalogue back from the cache
        for root in (first, second):
            monkeypatch.chdir(root.parent)  # inside the installation: a path relative to it
            assert load(root).get("BR100").file == "specs/biren-br100.toml"
            assert load(Path("specs")).get("BR100").file == "specs/biren-br100.toml"
            monkeypatch.chdir(outside)  # elsewhere: the absolute path of this installation's file
            assert load(root).get("BR100").file == str(root / "biren-br100.toml")
    assert len(list((tmp_path / "cache").glob("catalogue-*.cache"))) == 4


def test_the_cache_folder_is_the_platforms_unless_specbench_cache_dir_names_one(tmp_path, monkeypatch):
    from platformdirs import user_cache_dir

    from specbench.store.locations import cache_dir

    monkeypatch.setenv("SPECBENCH_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("SPECBENCH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == Path(user_cache_dir("specbench", appauthor=False))
    if sys.platform.startswith("linux"):
        assert cache_dir() == tmp_path / "xdg" / "specbench"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux rule is checked on Linux")
@pytest.mark.parametrize("xdg", [None, "/tmp/xdg-cache", "  "])
def test_the_cache_folder_on_linux_is_platformdirs_own(monkeypatch, xdg):
    from platformdirs import user_cache_dir

    from specbench.store.locations import cache_dir

    monkeypatch.delenv("SPECBENCH_CACHE_DIR", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cache_dir() == Path(user_cache_dir("specbench", appauthor=False))


def test_nvidia_cuda_core_figures_are_dense(catalogue):
    # NVIDIA's plain FP64/FP32 rows are the CUDA cores, which have no structured sparsity
    vector = [
        (c.id, f.precision)
        for c in catalogue.chips.values()
        for f in c.throughput()
        if c.vendor == "NVIDIA" and f.execution == "vector"
    ]
    assert len(vector) > 20
    assert [
        (c.id, f.precision, f.sparsity)
        for c in catalogue.chips.values()
        for f in c.throughput()
        if c.vendor == "NVIDIA" and f.execution == "vector" and f.sparsity != "dense"
    ] == []


def test_biren_figures_name_no_execution_unit(catalogue):
    # Biren, Tom's Hardware [BR-3], 快科技 [BR-1] and TechPowerUp [BR-6] print the peaks without saying
    # whether the V-cores or the T-cores reach them: unknown, with the inference in a note
    for name in ("BR100", "BR104"):
        figures = catalogue.get(name).throughput()
        assert {f.precision for f in figures} == {"fp32", "tf32+", "bf16", "int8"}
        assert {f.execution for f in figures} == {"unknown"}
        assert all(f.note and "names the unit" in f.note for f in figures if f.precision != "fp32")


def test_h200_notes_agree_with_its_figures(catalogue):
    h200 = catalogue.get("H200 SXM")
    assert not any("recorded as unknown" in note for note in h200.notes)
    assert {(f.precision, f.execution, f.sparsity) for f in h200.throughput() if f.precision in ("fp64", "fp32")} >= {
        ("fp64", "vector", "dense"),
        ("fp32", "vector", "dense"),
    }
