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
    ("H20", "fp16", "matrix", "sparse", 296, "NV-20f", "计算能力仅为296 TFLOP ... FP16 Tensor Core ... 启用了稀疏计算"),
    ("L4", "fp32", "vector", "dense", 30.3, "NVC-Q3", "FP32 · 30.3 teraFLOPs · TF32 Tensor Core · 120 teraFLOPS*"),
    ("H200 SXM", "fp64", "vector", "dense", 34, "NVX-1", "FP64 34 TFLOPS 30 TFLOPS"),
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
    # NVIDIA, newer entries. "*" / "²" in NVIDIA's tables marks a figure with 2:4 sparsity.
    # hmc-tech's A800 PCIe 80GB card: "311.87 TFLOPS Tensor 623.74 TFLOPS Tensor Sparse"
    ("A800 PCIe 80GB", "bf16", "matrix", "dense", 311.87, "NVX-27", "BF16 38.98 TFLOPS 311.87 TFLOPS Tensor"),
    ("A800 PCIe 80GB", "bf16", "matrix", "sparse", 623.74, "NVX-27", "623.74 TFLOPS Tensor Sparse"),
    ("A800 PCIe 80GB", "tf32", "matrix", "dense", 155.94, "NVX-27", "TF32 155.94 TFLOPS Tensor"),
    ("A800 PCIe 80GB", "int8", "matrix", "dense", 623.74, "NVX-27", "INT8 - 623.74 TOPS Tensor"),
    ("H200 SXM", "bf16", "matrix", "sparse", 1979, "NVX-1", "BFLOAT16 Tensor Core² 1,979 TFLOPS 1,671 TFLOPS"),
    ("H200 SXM", "fp8", "matrix", "sparse", 3958, "NVX-1", "FP8 Tensor Core² 3,958 TFLOPS 3,341 TFLOPS"),
    # NVIDIA prints the INT8 Tensor Core row in TFLOPS; an integer rate is TOPS
    ("H200 SXM", "int8", "matrix", "sparse", 3958, "NVX-1", "INT8 Tensor Core² 3,958 TFLOPS 3,341 TFLOPS"),
    ("H200 SXM", "fp64", "matrix", "unknown", 67, "NVX-1", "FP64 Tensor Core 67 TFLOPS 60 TFLOPS"),
    ("H200 NVL", "bf16", "matrix", "sparse", 1671, "NVX-1", "BFLOAT16 Tensor Core² 1,979 TFLOPS 1,671 TFLOPS"),
    ("H200 NVL", "fp8", "matrix", "sparse", 3341, "NVX-1", "FP8 Tensor Core² 3,958 TFLOPS 3,341 TFLOPS"),
    ("H200 NVL", "tf32", "matrix", "sparse", 835, "NVX-1", "TF32 Tensor Core² 989 TFLOPS 835 TFLOPS"),
    ("H200 NVL", "fp64", "matrix", "unknown", 60, "NVX-1", "FP64 Tensor Core 67 TFLOPS 60 TFLOPS"),
    ("H800 SXM5", "fp64", "unknown", "unknown", 1, "NVX-19", "FP64 performance is constrained to a mere 1 TFLOPS"),
    # Tom's Hardware's H20 | L20 | L2 table: the L20 is the middle value, the L2 the last
    ("L20", "bf16", "matrix", "unknown", 119.5, "NV-20a", "BF16 I FP16 Tensor148 I 148 TFLOPS119.5 I 119,5 TFLOPS96.5"),
    ("L20", "fp8", "matrix", "unknown", 239, "NV-20a", "INT8 I FP8 Tensor296 I 296 TFLOPS239 I 239 TFLOPS193 ..."),
    # the INT8 row is printed in TFLOPS; an integer rate is TOPS
    ("L20", "int8", "matrix", "unknown", 239, "NV-20a", "INT8 I FP8 Tensor296 I 296 TFLOPS239 I 239 TFLOPS193 ..."),
    ("L20", "tf32", "matrix", "unknown", 59.8, "NV-20a", "TF32 Tensor74 TFLOPS59.8 TFLOPS48.3 TFLOPS"),
    ("L2", "bf16", "matrix", "unknown", 96.5, "NV-20a", "BF16 I FP16 Tensor148 I 148 TFLOPS119.5 I 119,5 TFLOPS96.5"),
    ("L2", "fp8", "matrix", "unknown", 193, "NV-20a", "INT8 I FP8 Tensor296 I 296 TFLOPS239 I 239 TFLOPS193 ..."),
    ("L2", "tf32", "matrix", "unknown", 48.3, "NV-20a", "TF32 Tensor74 TFLOPS59.8 TFLOPS48.3 TFLOPS"),
    # NVIDIA's L40 | L40 sparse | L40S | L40S sparse columns
    ("L40S", "bf16", "matrix", "sparse", 733, "NVX-8", "BFLOAT16 Tensor Core TFLOPS | 181.05 | 362.1* | 362.05 | 733*"),
    ("L40S", "fp8", "matrix", "dense", 733, "NVX-8", "FP8 Tensor Core | 362 | 724* | 733 | 1,466* |"),
    ("L40S", "fp8", "matrix", "sparse", 1466, "NVX-8", "FP8 Tensor Core | 362 | 724* | 733 | 1,466* |"),
    ("L40S", "tf32", "matrix", "dense", 183, "NVX-8", "TF32 Tensor Core TFLOPS | 90.5 | 181* | 183 | 366* |"),
    ("L4", "fp16", "matrix", "sparse", 242, "NVC-Q3", "FP16 Tensor Core 242 teraFLOPS* ... * Shown with sparsity."),
    ("L4", "fp8", "matrix", "sparse", 485, "NVC-Q3", "FP8 Tensor Core · 485 teraFLOPs*"),
    ("L4", "int8", "matrix", "sparse", 485, "NVC-Q3", "INT8 Tensor Core 485 TOPs *"),
    ("T4", "fp16", "matrix", "unknown", 65, "NVC-T4b", "FP16での演算性能は65TFLOPS"),
    # "INT8で秒間130兆回オペレーション": 130 兆 (10^12) operations a second = 130 TOPS
    ("T4", "int8", "matrix", "unknown", 130, "NVC-T4a", "Mit INT8 erreichen sie eine Rechenleistung von 130 TOPS"),
    ("T4", "int4", "matrix", "unknown", 260, "NVC-T4a", "bei INT4 sogar 260 TOPS"),
    ("A30", "bf16", "matrix", "unknown", 165, "NVC-A30b", "| BFLOAT16 TensorCore| ... | 165 TFLOPS |"),
    ("A30", "int8", "matrix", "unknown", 330, "NVC-A30b", "| INT8 TensorCore | ... | 330 TOPS |"),
    ("Tesla V100 SXM2 16GB", "fp16", "matrix", "unknown", 125, "NVX-32", "can deliver up to 125 Tensor TFLOPS"),
    # the 32GB module takes the 16GB module's compute figures (its base entry)
    ("Tesla V100 SXM2 32GB", "fp16", "matrix", "unknown", 125, "NVX-32", "can deliver up to 125 Tensor TFLOPS"),
    ("Tesla V100 PCIe 16GB", "fp16", "matrix", "unknown", 112, "NVX-28", "112 TFLOPSin suorituskykyä Tensor-laskuissa"),
    ("Tesla V100 PCIe 16GB", "fp32", "vector", "dense", 14, "NVX-28", "14 TFLOPSin FP32-suorituskykyä"),
    # B200: NVIDIA's HGX B200 column, and the Blackwell datasheet's "sparse / dense" pairs.
    # 1 PFLOPS = 1000 TFLOPS, 1 POPS = 1000 TOPS.
    ("B200", "fp4", "matrix", "dense", 9000, "NVX-5", "NVFP4 Tensor 18 sparse / 9 dense PFLOPS"),
    ("B200", "fp4", "matrix", "sparse", 18000, "NVX-5", "NVFP4 Tensor 18 sparse / 9 dense PFLOPS"),
    ("B200", "fp8", "matrix", "dense", 4500, "NVX-5", "FP8/FP6 Tensor 9 sparse / 4.5 dense PFLOPS"),
    ("B200", "bf16", "matrix", "sparse", 4500, "NVX-5", "FP16/BF16 Tensor 4.5 sparse / 2.2 dense PFLOPS"),
    ("B200", "int8", "matrix", "dense", 4500, "NVX-5", "INT8 Tensor 9 sparse / 4.5 dense POPS"),
    ("B200", "tf32", "matrix", "dense", 1100, "NVX-5", "TF32 Tensor 2.2 sparse / 1.1 dense PFLOPS"),
    ("B200", "fp8", "matrix", "sparse", 9000, "NVX-5", "FP8/FP6 Tensor 9 sparse / 4.5 dense PFLOPS"),
    ("B200", "int8", "matrix", "sparse", 9000, "NVX-5", "INT8 Tensor 9 sparse / 4.5 dense POPS"),
    ("B200", "fp16", "matrix", "sparse", 4500, "NVX-5", "FP16/BF16 Tensor 4.5 sparse / 2.2 dense PFLOPS"),
    ("B200", "tf32", "matrix", "sparse", 2200, "NVX-5", "TF32 Tensor 2.2 sparse / 1.1 dense PFLOPS"),
    # AMD and Intel
    ("MI210", "fp64", "matrix", "unknown", 45.3, "AMD-4", "FP64 Matrix 90.5 TFLOPS 45.3 TFLOPS 11.5 TFLOPS 6.6 TFLOPS"),
    ("MI210", "fp16", "matrix", "unknown", 181, "AMD-4", "FP16 Matrix 362 TFLOPS 181 TFLOPS 184.6 TFLOPS"),
    ("MI210", "int8", "matrix", "unknown", 181, "AMD-4", "INT8 Matrix 362.1 TOPS 181 TOPS 184.6 TOPS N/A"),
    ("MI250X", "fp64", "matrix", "unknown", 95.7, "AMD-7", "MI250x ... Up to 47.9 TF Up to 95.7 TF Up to 383.0 TF"),
    ("MI250X", "fp16", "matrix", "unknown", 383, "AMD-7", "MI250x ... Up to 383.0 TF Up to 383.0 TOPS"),
    ("MI250X", "int8", "matrix", "unknown", 383, "AMD-7", "MI250x ... Up to 383.0 TOPS"),
    ("MI300X", "bf16", "matrix", "unknown", 1307.4, "AMD-1", "| Matrix BF16 | 2048 | 1307.4 |"),
    ("MI300X", "fp16", "matrix", "unknown", 1307.4, "AMD-1", "| Matrix FP16 | 2048 | 1307.4 |"),
    ("MI300X", "fp8", "matrix", "unknown", 2614.9, "AMD-1", "| Matrix FP8 | 4096 | 2614.9 |"),
    ("MI300X", "int8", "matrix", "unknown", 2614.9, "AMD-1", "| Matrix INT8 | 4096 | 2614.9 |"),
    ("MI300X", "fp64", "matrix", "unknown", 163.4, "AMD-1", "| Matrix FP64 | 256 | 163.4 |"),
    ("Gaudi 2", "bf16", "unknown", "unknown", 432, "INTC-1", "Peak Compute(BF16)60 TFLOPs432 TFLOPs1835 TFLOPs"),
    ("Gaudi 3", "bf16", "matrix", "unknown", 1835, "INTC-1", "BF16 Matrix TFLOPs1835"),
    ("Gaudi 3", "fp8", "matrix", "unknown", 1835, "INTC-1", "FP8 Matrix TFLOPs1835"),
    ("Gaudi 3", "bf16", "vector", "unknown", 28.7, "INTC-1", "BF16 Vector TFLOPs28.7"),
    # Huawei
    ("Ascend 910", "fp16", "unknown", "unknown", 256, "HWX-1", "半精度 (FP16): 256 Tera-FLOPS"),
    ("Ascend 910", "int8", "unknown", "unknown", 512, "HWX-1", "整数精度 (INT8) : 512 Tera-OPS"),
    # Huawei's cell "353T/376T @BF16,FP16": 353 is the Cube alone, 376 Cube plus Vector (HWX-12)
    ("Ascend 910B", "fp16", "matrix", "unknown", 353, "HWX-11", "Cube算力规格 | 353T/376T @BF16,FP16"),
    ("Ascend 910B", "bf16", "matrix", "unknown", 353, "HWX-11", "Cube算力规格 | 353T/376T @BF16,FP16"),
    ("Ascend 910B", "fp16", "vector", "unknown", 23.5, "HWX-11", "Vector算力规格(FP16) | 23.5T"),
    ("Ascend 910B", "int8", "unknown", "unknown", 560, "HWX-14", "INT8560 TOPS极致推理性能"),
    ("Ascend 910B2", "bf16", "matrix", "unknown", 353, "HWX-11", "Cube算力规格 | 353T/376T @BF16,FP16"),
    ("Ascend 910B2", "fp16", "vector", "unknown", 23.5, "HWX-11", "Vector算力规格(FP16) | 23.5T"),
    ("Ascend 910C", "bf16", "unknown", "unknown", 780, "HWX-17", "peaks at 780 TeraFLOPS in BF16 operations"),
    # HiSilicon writes "8 TOPS@FP16"; a floating-point rate, so 8 TFLOPS (电子技术应用: "8TFLOPS")
    ("Ascend 310", "fp16", "unknown", "unknown", 8, "HWX-3", "16 TOPS@INT8 and 8 TOPS@FP16"),
    ("Ascend 310", "int8", "unknown", "unknown", 16, "HWX-3", "16 TOPS@INT8 and 8 TOPS@FP16"),
    # Kunlunxin, Iluvatar CoreX, Hygon, MetaX
    ("R200", "fp16", "unknown", "unknown", 128, "KLX-6", "| **FP16** | 128 TFLOPS | High | Official data |"),
    ("R200", "int8", "unknown", "unknown", 256, "KLX-6", "| **INT8** | 256 TOPS | High | Official data |"),
    ("R200", "fp32", "unknown", "unknown", 32, "KLX-6", "| **FP32** | 32 TFLOPS | High | Official data |"),
    ("天垓100", "fp32", "unknown", "unknown", 37, "ILX-2", "37 Teraflops bei einfacher Genauigkeit (FP32)"),
    ("天垓100", "fp16", "unknown", "unknown", 147, "ILX-1", "147 TFLOPS@FP16/BF16的峰值算力"),
    ("天垓100", "bf16", "unknown", "unknown", 147, "ILX-1", "147 TFLOPS@FP16/BF16的峰值算力"),
    ("天垓100", "int8", "unknown", "unknown", 295, "ILX-2", "bei INT8 sollen es 295 Teraops sein."),
    ("智铠100", "fp32", "unknown", "unknown", 24, "ILX-9", "FP32 | 24 TFLOPS"),
    ("智铠100", "fp16", "unknown", "unknown", 96, "ILX-9", "FP16 | 96 TFLOPS"),
    ("智铠100", "int8", "unknown", "unknown", 192, "ILX-9", "INT8 | 192 TOPS"),
    # Hygon's K100 | K100 AI | BW200 table; the K100 figures are its "theoretical Matrix peak"
    ("DCU K100", "fp64", "matrix", "unknown", 24.5, "HGX-2", "| FP64 | 24.5TFLOPS（No VectorCore） | 24.5TFLOPS |"),
    ("DCU K100", "fp16", "unknown", "unknown", 100, "HGX-2", "| FP16 | 100TFLOPS（No VectorCore） | 196TFLOPS |"),
    ("DCU K100", "int8", "matrix", "unknown", 200, "HGX-2", "| INT8 | 200TOPS（No VectorCore） | 392TOPS |"),
    ("DCU K100 AI", "fp32", "unknown", "unknown", 49, "HGX-2", "| FP32 | 24.5TFLOPS（No VectorCore） | 49TFLOPS |"),
    ("DCU K100 AI", "bf16", "unknown", "unknown", 196, "HGX-2", "| BF16 | NA | 196TFLOPS | 480TFLOPS |"),
    ("DCU K100 AI", "int8", "unknown", "unknown", 392, "HGX-2", "| INT8 | 200TOPS（No VectorCore） | 392TOPS |"),
    ("曦思N100", "int8", "unknown", "unknown", 160, "MXX-1", "160TOPS INT8; 80TFLOPS FP16/BF16"),
    ("曦思N100", "fp16", "unknown", "unknown", 80, "MXX-1", "160TOPS INT8; 80TFLOPS FP16/BF16"),
    ("曦云C500 PCIe", "fp32", "unknown", "unknown", 15, "MX-5", "15 TFLOPS@FP32"),
    ("曦云C500 PCIe", "bf16", "unknown", "unknown", 240, "MX-5", "240 TFLOPS@FP16/BF16"),
    ("曦云C500 PCIe", "tf32", "unknown", "unknown", 120, "MX-5", "120 TFLOPS@TF32"),
    # printed "480 TFLOPS@INT8"; an integer rate, so 480 TOPS
    ("曦云C500 PCIe", "int8", "unknown", "unknown", 480, "MX-5", "480 TFLOPS@INT8"),
    # Enflame
    ("云燧i10", "fp32", "unknown", "unknown", 17.6, "EFX-6", "FP32 **17.6** TFLOPS；BF16/FP16 **70.4** TFLOPS"),
    ("云燧i10", "bf16", "unknown", "unknown", 70.4, "EFX-6", "FP32 **17.6** TFLOPS；BF16/FP16 **70.4** TFLOPS"),
    ("云燧i20", "fp32", "unknown", "unknown", 32, "EF-9", "单精度FP32峰值算力32TFLOPS"),
    ("云燧i20", "tf32", "matrix", "unknown", 128, "EF-9", "单精度张量TF32峰值算力128TFLOPS"),
    ("云燧i20", "int8", "unknown", "unknown", 256, "EF-9", "整型INT8峰值算力256TOPS"),
    ("云燧i20", "bf16", "unknown", "unknown", 128, "EFX-5", "BF16·FP16 **128**"),
    ("云燧T10", "fp32", "unknown", "unknown", 20, "EF-1", "云燧T10加速卡单精度算力高达20TFLOPS"),
    # Moore Threads: one Chunxiao GPU at two clocks, 15.2 for the S3000, 14.4 for the S80
    ("MTT S3000", "fp32", "unknown", "unknown", 15.2, "MTX-1", "can deliver 14.4 FP32 TFLOPS or 15.2 FP32 TFLOPS"),
    ("MTT S80", "fp32", "unknown", "unknown", 14.4, "MTX-1", "can deliver 14.4 FP32 TFLOPS or 15.2 FP32 TFLOPS"),
    # GameStar's MTT S60 | MTT S2000 table; Tom's Hardware's row "Perfromance | 6 TFLOPS, 192 GPix / s
    # fill rate | 12 TFLOPS" gives the fill rate for the S60 only, so 12 is no fill rate
    ("MTT S2000", "fp32", "unknown", "unknown", 12, "MTX-16", "12 TFLOPS Rechenleistung (FP32)"),
    ("MTT S2000", "fp32", "unknown", "unknown", 12, "MTX-7", "Perfromance | ... | 12 TFLOPS"),
    # Cambricon
    ("MLU370-X8", "fp32", "unknown", "unknown", 32, "CAX-1", "FP32、FP16、BF16 ... 分别为32TFlops、96TFlops、96TFlops"),
    ("MLU370-X8", "bf16", "unknown", "unknown", 96, "CAX-1", "FP32、FP16、BF16 ... 分别为32TFlops、96TFlops、96TFlops"),
    ("MLU370-X8", "int8", "unknown", "unknown", 256, "CAX-1", "INT16、INT8、INT4 ... 128Tops、256Tops、512Tops"),
    ("MLU370-X8", "int4", "unknown", "unknown", 512, "CAX-1", "INT16、INT8、INT4 ... 128Tops、256Tops、512Tops"),
    ("MLU290-M5", "int4", "unknown", "unknown", 1024, "CAX-5", "提供AI算力高达1024 TOPS(INT4)"),
    # printed "512TFLOPS" for INT8; an integer rate, so 512 TOPS
    ("MLU290-M5", "int8", "unknown", "unknown", 512, "CAX-8", "INT8的性能是512TFLOPS"),
]


@pytest.mark.parametrize(("name", "precision", "execution", "sparsity", "value", "source", "says"), THROUGHPUT)
def test_throughput_matches_source(catalogue, name, precision, execution, sparsity, value, source, says):
    figure = _throughput(catalogue, name, precision, execution, sparsity)
    assert figure.value == pytest.approx(value)
    assert source in figure.sources


def test_a_figure_without_its_basis_yields_to_the_same_number_with_it(catalogue):
    """A number one source prints without saying sparse or dense, and another prints with its basis,
    is one figure: the unstated copy may stay, not preferred. Left preferred, it would be taken as
    dense, and NVIDIA's HGX B200 "FP8/FP6 Tensor Core | 10 PFLOPS | 9 PFLOPS" [NVX-3] would stand
    beside "FP8/FP6 Tensor 9 sparse / 4.5 dense PFLOPS" [NVX-5] as a dense 9 PFLOPS."""
    doubled = []
    for chip in catalogue.chips.values():
        figures = [f for f in chip.throughput() if f.is_numeric and f.preferred is not False]
        for unstated in (f for f in figures if f.sparsity == "unknown"):
            for stated in figures:
                if (
                    stated.sparsity in ("sparse", "dense")
                    and (stated.precision, stated.execution, stated.level)
                    == (unstated.precision, unstated.execution, unstated.level)
                    and stated.value == unstated.value
                ):
                    doubled.append((chip.id, unstated.precision, unstated.text, stated.sparsity))
    assert doubled == []


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
    ("H100 PCIe", "tdp", 350, "NV-H1", "TDP | 700 W | 300-350 W |"),
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
    # NVIDIA, newer entries
    ("A800 SXM4 80GB", "memory_capacity", 80, "NVX-22", "maximaal 80GB HBM2e-geheugen, net als de A100"),
    ("A800 SXM4 80GB", "tdp", 400, "NVX-22", "300W voor de PCIe-variant en 400W voor het SXM-model"),
    ("A800 SXM4 80GB", "interconnect", 400, "NVX-23", "chip-to-chip data transfer rate is 400 gigabytes (GB) a second"),
    ("A800 PCIe 80GB", "memory_capacity", 80, "NVX-27", "80GB HBM2e"),
    ("A800 PCIe 80GB", "tdp", 300, "NVX-22", "300W voor de PCIe-variant en 400W voor het SXM-model"),
    ("A800 PCIe 40GB", "memory_capacity", 40, "NVX-51", "6912 Shaders 40GB HBM2e 1410MHz"),
    # hmc-tech's "A800 40GB vs T4" page: the first value is the A800's
    ("A800 PCIe 40GB", "tdp", 250, "NVX-51", "TDP 250W TDP 70W"),
    ("H200 SXM", "memory_capacity", 141, "NVX-1", "GPU Memory 141GB 141GB"),
    ("H200 SXM", "memory_bandwidth", 4800, "NVX-1", "GPU Memory Bandwidth 4.8TB/s 4.8TB/s"),
    ("H200 SXM", "tdp", 700, "NVX-1", "Up to 700W (configurable) Up to 600W (configurable)"),
    ("H200 NVL", "memory_capacity", 141, "NVX-1", "GPU Memory 141GB 141GB"),
    ("H200 NVL", "memory_bandwidth", 4800, "NVX-1", "GPU Memory Bandwidth 4.8TB/s 4.8TB/s"),
    ("H200 NVL", "tdp", 600, "NVX-1", "Up to 700W (configurable) Up to 600W (configurable)"),
    ("H20 141GB", "memory_capacity", 141, "NVX-16", "two memory configurations: 96GB and 141GB"),
    ("H800 SXM5", "interconnect", 400, "NVX-18", "NVLink bandwidth in H800 SXM nodes is reduced ... to 400 GB/s"),
    ("H800 SXM5", "transistors", 80e9, "NVX-21", "They share the same transistor count (80 billion)"),
    # Tom's Hardware's H20 | L20 | L2 columns
    ("L20", "memory_capacity", 48, "NV-20a", "Memory96 GB HBM348 GB GDDR6 w/ ECC24 GB GDDR6 w/ ECC"),
    ("L20", "memory_bandwidth", 864, "NV-20a", "Memory Bandwidth4.0 TB/s864 GB/s300 GB/s"),
    ("L20", "tdp", 275, "NVX-50", "48 GB GDDR6, 275 Watt"),
    ("L2", "memory_capacity", 24, "NV-20a", "Memory96 GB HBM348 GB GDDR6 w/ ECC24 GB GDDR6 w/ ECC"),
    ("L2", "memory_bandwidth", 300, "NV-20a", "Memory Bandwidth4.0 TB/s864 GB/s300 GB/s"),
    ("L40S", "memory_capacity", 48, "NVX-8", "GPU Memory | 48 GB GDDR6 with ECC |"),
    ("L40S", "memory_bandwidth", 864, "NVX-8", "Memory Bandwidth | 864GB/s |"),
    # L40 | L40S columns
    ("L40S", "tdp", 350, "NVX-8", "Max Power Consumption | 300W | 350W |"),
    ("L4", "memory_capacity", 24, "NVC-Q1", "GPU memory 24GB, 300GB/s, 72W"),
    ("L4", "memory_bandwidth", 300, "NVC-Q1", "GPU memory 24GB, 300GB/s, 72W"),
    ("L4", "tdp", 72, "NVC-Q1", "GPU memory 24GB, 300GB/s, 72W"),
    ("T4", "memory_capacity", 16, "NVC-T4a", "Tesla T4 mit 16 GByte GDDR6-Speicher"),
    ("T4", "memory_bandwidth", 300, "NVC-Q1", "16 GB GDDR6, 300 GB/sec"),
    ("T4", "tdp", 70, "NVC-Q2", "PCIe Gen3 x16, 32 GB/s interconnect; 70 W; passive cooling"),
    ("A30", "memory_capacity", 24, "NVC-A30a", "24GB HBM2"),
    ("A30", "memory_bandwidth", 933, "NVC-A30a", "933GB/s"),
    ("A30", "tdp", 165, "NVC-A30a", "Max TDP 165W"),
    ("Tesla V100 SXM2 16GB", "memory_capacity", 16, "NVX-30", "5120 Volta CUDA cores with 16GB of HBM2"),
    ("Tesla V100 SXM2 16GB", "memory_bandwidth", 900, "NVX-45", "providing up to 900GB/s peak bandwidth"),
    ("Tesla V100 SXM2 16GB", "tdp", 300, "NVX-29", "passiamo dai 300 Watt de modello SXM2 ai 250 Watt"),
    ("Tesla V100 SXM2 32GB", "memory_capacity", 32, "NVX-34", "its DGX-1 has been upgraded with 32GB GPUs"),
    # "900 Gt/s": Finnish Gt (gigatavu) is the gigabyte
    ("Tesla V100 PCIe 16GB", "memory_bandwidth", 900, "NVX-28", "tarkoittaa 900 Gt/s:n muistikaistaa"),
    ("Tesla V100 PCIe 16GB", "memory_capacity", 16, "NVX-28", "16 gigatavua (4 x 4 Gt) 1,75 Gbps:n HBM2-muistia"),
    ("Tesla V100 PCIe 16GB", "tdp", 250, "NVX-29", "passiamo dai 300 Watt de modello SXM2 ai 250 Watt"),
    # NVIDIA's HGX B200 column; 7.7 TB/s = 7700 GB/s
    ("B200", "memory_capacity", 180, "NVX-3", "186GB HBM3E | 8TB/s | 180GB HBM3E | 7.7TB/s |"),
    ("B200", "memory_bandwidth", 7700, "NVX-3", "186GB HBM3E | 8TB/s | 180GB HBM3E | 7.7TB/s |"),
    ("B200", "tdp", 1000, "NVX-3", "Configurable up to 1,200W | Configurable up to 1,000W"),
    # AMD and Intel
    # AnandTech's MI250 | MI210 | MI100 | MI50 columns
    ("MI210", "memory_capacity", 64, "AMD-4", "VRAM 128GB 64GB 32GB 16GB"),
    ("MI210", "memory_bandwidth", 1600, "AMD-4", "Memory Bandwidth 3.2TBps 1.6TBps 1.23TBps 1.02TBps"),
    ("MI210", "tdp", 300, "AMD-4", "TDP 560W 300W 300W 300W"),
    ("MI250X", "memory_capacity", 128, "AMD-8", "with 128GB of HBM2e memory (total bandwidth 3.2 TB/s)"),
    ("MI250X", "memory_bandwidth", 3200, "AMD-8", "with 128GB of HBM2e memory (total bandwidth 3.2 TB/s)"),
    ("MI250X", "tdp", 560, "AMD-8", "TDP is 560W"),
    ("MI300X", "memory_capacity", 192, "AMD-2", "an incredible 192 GB apiece"),
    ("MI300X", "memory_bandwidth", 5300, "AMD-1", "peak memory bandwidth of the GPU is 5.3 TB per second"),
    ("MI300X", "tdp", 750, "AMD-3", "is certainly a power guzzler: at 750 W"),
    ("Gaudi 2", "memory_capacity", 96, "INTC-2", "96 GB of HBM2e at 2.45 TB/s bandwidth"),
    ("Gaudi 2", "memory_bandwidth", 2450, "INTC-2", "96 GB of HBM2e at 2.45 TB/s bandwidth"),
    ("Gaudi 2", "tdp", 600, "INTC-1", "TDP(OAM)400 W600W900W(Air)/1200W(Liquid)"),
    ("Gaudi 3", "memory_capacity", 128, "INTC-1", "HBM Capacity128 GBHBM Bandwidth3.67 TB/s"),
    ("Gaudi 3", "memory_bandwidth", 3670, "INTC-1", "HBM Capacity128 GBHBM Bandwidth3.67 TB/s"),
    ("Gaudi 3", "tdp", 900, "INTC-1", "TDP(OAM)400 W600W900W(Air)/1200W(Liquid)"),
    # Huawei
    ("Ascend 910", "memory_capacity", 32, "HWX-9", "Speicher 32 GB (HBM2) 32/64 GB HBM2E"),
    # German thousands separator: "1.228 GB/s" is 1228 GB/s
    ("Ascend 910", "memory_bandwidth", 1228, "HWX-9", "Speicherbandbreite 1.228 GB/s 800/1.600 GB/s"),
    ("Ascend 910", "tdp", 350, "HWX-4", "支持128通道全高清视频解码(H.264/265),最大功耗350W"),
    ("Ascend 910B", "memory_capacity", 64, "HWX-11", "Memory容量(GB) | 64"),
    ("Ascend 910B", "memory_bandwidth", 1600, "HWX-11", "Memory带宽 | 1.6TB/s"),
    # the runtime's platform files give bytes: 68719476736 = 64 × 2**30, 34359738368 = 32 × 2**30
    ("Ascend 910B1", "memory_capacity", 64 * 2**30 / 1e9, "HWX-27", "memory_size=68719476736"),
    ("Ascend 910B2", "memory_capacity", 64 * 2**30 / 1e9, "HWX-28", "memory_size=68719476736"),
    ("Ascend 910B2", "memory_bandwidth", 1600, "HWX-11", "Memory带宽 | 1.6TB/s"),
    ("Ascend 910B3", "memory_capacity", 64 * 2**30 / 1e9, "HWX-29", "memory_size=68719476736"),
    ("Ascend 910B4", "memory_capacity", 32 * 2**30 / 1e9, "HWX-30", "memory_size=34359738368"),
    ("Ascend 910C", "memory_capacity", 128, "HWX-19", "with around 128 gigabytes of high-bandwidth memory"),
    ("Ascend 910C", "memory_bandwidth", 3200, "HWX-17", "the Ascend 910C's eight HBM2E stacks and 3,200 GB/s"),
    ("Ascend 310", "tdp", 8, "HWX-3", "while the power consumption is only 8 W"),
    # Kunlunxin, Iluvatar CoreX, Hygon, MetaX
    ("R200", "memory_bandwidth", 512, "KLX-6", "| **Memory bandwidth** | 512 GB/s | High | Official data |"),
    ("R200", "tdp", 150, "KLX-6", "| **TDP** | 150W | High | Official data |"),
    ("天垓100", "memory_capacity", 32, "ILX-2", "mit 32 GByte HBM2-Stapelspeicher kombiniert"),
    ("天垓100", "memory_bandwidth", 1200, "ILX-3", "32 GB de memoria HBM2 ... un ancho de banda de 1.2 TB/s"),
    ("天垓100", "tdp", 300, "ILX-2", "ist für 300 Watt ausgelegt"),
    ("天垓150", "memory_capacity", 64, "ILX-8", "天垓150 峰值功耗 350W,配备 64GB HBM2e 高带宽显存"),
    ("天垓150", "tdp", 350, "ILX-4", "产品型号：BI150\n- TDP：350W"),
    ("智铠100", "memory_capacity", 32, "ILX-9", "配备 32GB 高速 HBM2E 显存"),
    ("智铠100", "memory_bandwidth", 800, "ILX-5", "| 显存 | 32GB HBM2e，**800 GB/s** |"),
    ("智铠100", "tdp", 150, "ILX-5", "| TDP | **150W**（单槽全长全高） |"),
    ("DCU K100", "memory_capacity", 64, "HGX-2", "| GPU Memory | 64GB | 64GB | 64GB |"),
    ("DCU K100 AI", "memory_capacity", 64, "HGX-2", "| GPU Memory | 64GB | 64GB | 64GB |"),
    ("DCU K100 AI", "memory_bandwidth", 896, "HGX-2", "| GPU Memory BW | NA | 896GB/s | 1.6TB/s |"),
    ("曦思N100", "memory_capacity", 16, "MXX-1", "16GB HBM2E, 带宽460GB/s"),
    ("曦思N100", "memory_bandwidth", 460, "MXX-1", "16GB HBM2E, 带宽460GB/s"),
    ("曦思N100", "tdp", 70, "MXX-1", "最大70W"),
    ("曦云C500 PCIe", "memory_capacity", 64, "MX-5", "Metax C500-PCIe-64GB"),
    ("曦云C500 PCIe", "tdp", 350, "MX-5", "350W"),
    # mx-smi prints "858/65536 MiB" (65536 MiB = 2**36 bytes) and the power cap "53W / 450W"
    ("曦云C550", "memory_capacity", 65536 * 2**20 / 1e9, "MXX-8", "858/65536 MiB"),
    ("曦云C550", "tdp", 450, "MXX-8", "53W / 450W"),
    # Enflame: the i20 | i10 comparison table
    ("云燧i10", "memory_capacity", 16, "EFX-5", "16GB HBM2E | 16GB HBM2"),
    ("云燧i10", "memory_bandwidth", 512, "EFX-5", "819 GB/s | 512 GB/s"),
    ("云燧i10", "tdp", 150, "EFX-6", "| 功耗 | 最大 **150W** |"),
    ("云燧i20", "memory_capacity", 16, "EFX-5", "**2× HBM2E 16 GB**，带宽 **819 GB/s**"),
    ("云燧i20", "memory_bandwidth", 819, "EF-9", "通过HBM2e内存达到了819GB/s"),
    ("云燧i20", "tdp", 150, "EFX-5", "| **IO接口** | 150W | 150W"),
    # 邃思1.0 and the cards on it: "PCIe Gen4 x16 interface along with 200GB/s interconnects"
    ("邃思1.0", "interconnect", 200, "EFX-4", "along with 200GB/s interconnects"),
    ("云燧T10", "interconnect", 200, "EFX-4", "along with 200GB/s interconnects"),
    ("云燧T11", "interconnect", 200, "EFX-4", "along with 200GB/s interconnects"),
    # Moore Threads
    ("MTT S3000", "memory_capacity", 32, "MTX-6", "32GB GDDR6, 448GB/s"),
    ("MTT S3000", "memory_bandwidth", 448, "MTX-6", "32GB GDDR6, 448GB/s"),
    ("MTT S3000", "tdp", 250, "MTX-6", "250W"),
    # Tom's Hardware's MTT S70 | MTT S80 columns, and MTT S60 | MTT S2000
    ("MTT S80", "memory_capacity", 16, "MTX-15", "Memory Capacity 7GB 16GB"),
    ("MTT S80", "memory_bandwidth", 448, "MTX-15", "Memory Bandwidth 392 GB/s 448 GB/s"),
    ("MTT S80", "tdp", 255, "MTX-3", "z 255-watowym TGP"),
    ("MTT S2000", "memory_capacity", 32, "MTX-12", "Die MTT S2000 ... verwendet 32 GByte RAM"),
    ("MTT S2000", "memory_capacity", 32, "MTX-7", "VRAM | 8GB LPGDDR4X | 32GB"),
    ("MTT S2000", "tdp", 150, "MTX-9", "| 功耗 | 70 W | 150 W（被动散热） |"),
    # Cambricon
    ("MLU370-X8", "memory_capacity", 48, "CAX-1", "集成48GB LPDDR5内存 , 内存带宽614.4GB/s"),
    ("MLU370-X8", "memory_bandwidth", 614.4, "CAX-1", "集成48GB LPDDR5内存 , 内存带宽614.4GB/s"),
    ("MLU370-X8", "tdp", 250, "CAX-1", "整卡最大训练功耗250W"),
    ("MLU290-M5", "memory_capacity", 32, "CAX-8", "32GB HBM2内存"),
    ("MLU290-M5", "memory_bandwidth", 1230, "CAX-5", "1.23TB/s内存带宽"),
    ("MLU290-M5", "tdp", 350, "CAX-5", "在350W的最大散热功耗下"),
]


@pytest.mark.parametrize(("name", "metric", "value", "source", "says"), SPECS_FROM_SOURCES)
def test_spec_matches_source(catalogue, name, metric, value, source, says):
    figure = catalogue.get(name).preferred(metric)
    assert figure is not None
    assert figure.value == pytest.approx(value)
    assert source in figure.sources


def test_a_configurable_power_range_keeps_its_lower_bound(catalogue):
    """NVIDIA's H100 datasheet [NV-H1] gives the PCIe card "300-350 W": the upper bound is
    preferred, the lower one kept."""
    values = {float(f.value): f.preferred for f in catalogue.get("H100 PCIe").figures_for("tdp")}
    assert values == {350.0: True, 300.0: False}


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
    # Baidu World 2021: "8月18日 ... 昆仑芯2实现量产" (mass production announced)
    ("昆仑芯2代", "2021-08-18", "KLX-2", "8月18日,百度世界大会2021上,百度宣布 ... 昆仑芯2实现量产"),
    # 快科技, 2021-12-08: "12月7日 ... 发布了第二代云端AI推理加速卡——“云燧i20”"
    ("云燧i20", "2021-12-07", "EF-9", "12月7日，AI创业公司燧原科技(Enflame)发布了第二代云端AI推理加速卡"),
    ("Ascend 310", "2018-10-10", "HWX-3", "[October 10, 2018, Shanghai] Huawei has launched ... Ascend 310"),
    # 新浪, 2019-08-23: "8月23日 ... 昇腾(Ascend)910正式商用"
    ("Ascend 910", "2019-08-23", "HWX-1", "8月23日,华为副董事长 ... 宣布,华为AI芯片——昇腾(Ascend)910正式商用"),
    ("H800 SXM5", "2023-03-21", "NVX-20", "The chip launched on March 21, 2023"),
    ("L4", "2023-03-21", "NVC-L4c", "Announced by NVIDIA at the GTC conference on March 21, 2023"),
    ("B200", "2024-03-18", "NVX-5", "2024-03-18 发布 Blackwell 平台、B200 和 HGX B200"),
    ("T4", "2018-09-13", "NVC-T4c", "Release date - Sep 13th, 2018"),
    # columns A100 PCIe | V100 PCIe
    ("Tesla V100 PCIe 16GB", "2017-06-21", "NVX-35", "Release date | Jun 22nd, 2020 | Jun 21st, 2017 |"),
    ("Gaudi 3", "2024-04", "INTC-4", "Intel announced the AI accelerator ' Gaudi 3 ' in April 2024."),
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


def test_ascend_910b_prefers_huaweis_cube_figure_and_keeps_the_others(catalogue):
    # HWX-11: "Cube算力规格 | 353T/376T @BF16,FP16"; HWX-12: "353.9+22.1=376.0T 为 Cube+Vector 总算力";
    # HWX-14 (Gitee AI): "FP16280 TFLOPS", "BF16280 TFLOPS", no variant, no unit
    chip = catalogue.get("Ascend 910B")
    for precision in ("fp16", "bf16"):
        figures = [f for f in chip.throughput() if f.precision == precision and f.execution != "vector"]
        kept = sorted((f.value, f.execution, f.preferred) for f in figures)
        expected = [(280, "unknown", False), (353, "matrix", True)]
        if precision == "fp16":
            expected.append((376, "summed", False))
        assert kept == expected
        assert all(f.why for f in figures)
    assert next(f for f in chip.throughput() if f.value == 376).sources == ("HWX-11", "HWX-12")


def test_a800_pcie_80gb_keeps_the_databases_250_w_but_prefers_300_w(catalogue):
    # Tweakers (NVX-22): "Ook de tdp's van 300W voor de PCIe-variant ... zijn ongewijzigd"; hmc-tech (NVX-27),
    # whose A800 entry carries the A100 80GB PCIe's release date: "TDP 250W TDP 150W" (the T40 second)
    tdp = catalogue.get("A800 PCIe 80GB").figures_for("tdp")
    assert sorted((f.value, f.sources, f.preferred) for f in tdp) == [
        (250, ("NVX-27",), False),
        (300, ("NVX-22",), True),
    ]
    assert all(f.why for f in tdp)


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
        ("Enflame T20", "enflame-yunsui-t20"),
        ("燧原T20", "enflame-yunsui-t20"),
        ("英伟达H20", "nvidia-h20"),
        ("NVIDIA Tesla V100 SXM2 16GB", "nvidia-v100-sxm2-16gb"),  # a vendor and its brand
    ],
)
def test_lookup_forgives_case_spacing_vendor_and_language(catalogue, typed, chip_id):
    assert catalogue.get(typed).id == chip_id


@pytest.mark.parametrize("typed", ["Tesla T20", "NVIDIA T20", "Huawei A100", "NVIDIA Enflame T20"])
def test_a_vendor_before_the_model_must_be_the_chips_own(catalogue, typed):
    """Tesla is an NVIDIA brand, and the T20 is Enflame's (云燧T20): "Tesla T20" names no chip.
    What it suggests are chips of the vendor named, where it has any alike."""
    with pytest.raises(UnknownChipError) as error:
        catalogue.get(typed)
    assert str(error.value).startswith(f"unknown chip {typed!r}")
    with pytest.raises(UnknownChipError):
        catalogue.family_of(typed)
    if typed.startswith(("Tesla", "NVIDIA T")):
        assert error.value.suggestions and all(catalogue.get(s).vendor == "NVIDIA" for s in error.value.suggestions)


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
