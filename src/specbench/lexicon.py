"""Words of launch coverage, Chinese and English, that the claim parser recognises.

Each table maps surface forms to one meaning. Reposted Chinese articles are often
machine-paraphrased, so the common substitutions are undone before parsing.
"""

from __future__ import annotations

# Machine-paraphrase substitutions seen in reposted Chinese coverage (wrong -> right).
PARAPHRASES: dict[str, str] = {
    "方针": "目标",
    "核算": "计算",
    "到达": "达到",
    "比较": "相比",
    "功用": "性能",
}

# Precision names, longest first when compiled. Values are catalogue precision keys,
# or several separated by "|" where the word is ambiguous: 16位浮点 ("16-bit
# float") is FP16 or BF16, and 半精度 is sometimes used for BF16.
PRECISION_TERMS: dict[str, str] = {
    "tf32+": "tf32+",
    "tf32": "tf32",
    "单精度张量": "tf32",
    "张量tf32": "tf32",
    "fp64": "fp64",
    "双精度": "fp64",
    "64位浮点": "fp64",
    "fp32": "fp32",
    "单精度": "fp32",
    "32位浮点": "fp32",
    "single precision": "fp32",
    "single-precision": "fp32",
    "bf16": "bf16",
    "bfloat16": "bf16",
    "fp16": "fp16",
    "半精度": "fp16|bf16",
    "16位浮点": "fp16|bf16",
    "half precision": "fp16",
    "fp8": "fp8",
    "8位浮点": "fp8",
    "int8": "int8",
    "8位定点": "int8",
    "8位整数": "int8",
    "整数精度int8": "int8",
    "int4": "int4",
    "4位整数": "int4",
    "int16": "int16",
}

EXECUTION_TERMS: dict[str, str] = {
    "张量": "matrix",
    "矩阵": "matrix",
    "tensor": "matrix",
    "matrix": "matrix",
    "向量": "vector",
    "vector": "vector",
    "cuda core": "vector",
    "cuda核心": "vector",
}

SPARSITY_TERMS: dict[str, str] = {
    "稀疏": "sparse",
    "sparsity": "sparse",
    "sparse": "sparse",
    "稠密": "dense",
    "dense": "dense",
}

# Qualifiers: the relation the claim asserts between its number and the truth.
QUALIFIER_BEFORE: dict[str, str] = {
    "至少": "at_least",
    "不低于": "at_least",
    "不少于": "at_least",
    "at least": "at_least",
    "超过": "more_than",
    "超": "more_than",
    "more than": "more_than",
    "over": "more_than",
    "高达": "up_to",
    "最高可达": "up_to",
    "最高": "up_to",
    "up to": "up_to",
    "约为": "about",
    "大约": "about",
    "约": "about",
    "近": "about",
    "接近": "about",
    "将近": "about",
    "about": "about",
    "around": "about",
    "nearly": "about",
    "almost": "about",
    "roughly": "about",
    "~": "about",
    "仅为": "only",
    "只有": "only",
    "仅": "only",
    "only": "only",
    "达到": "at_least",
    "达": "at_least",
}
QUALIFIER_AFTER: dict[str, str] = {
    "以上": "at_least",
    "多": "more_than",
    "左右": "about",
    "上下": "about",
    "or more": "at_least",
    "plus": "at_least",
}

SCOPE_TERMS: dict[str, str] = {
    "单芯片": "single_chip",
    "单颗芯片": "single_chip",
    "单卡": "single_card",
    "single chip": "single_chip",
    "single-chip": "single_chip",
    "峰值": "peak",
    "peak": "peak",
    "集群": "cluster",
    "cluster": "cluster",
    "服务器": "server",
    "server": "server",
    "节点": "node",
    "单节点": "node",
    "node": "node",
    "目标": "target",
    "target": "target",
    "最大": "largest",
    "largest": "largest",
    "biggest": "largest",
    "芯片": "chip",
    "chip": "chip",
}

# Words that say what a number measures.
METRIC_TERMS: dict[str, str] = {
    "显存带宽": "memory_bandwidth",
    "内存带宽": "memory_bandwidth",
    "memory bandwidth": "memory_bandwidth",
    "带宽": "bandwidth",
    "bandwidth": "bandwidth",
    "互联": "interconnect",
    "互连": "interconnect",
    "interconnect": "interconnect",
    "nvlink": "interconnect",
    "blink": "interconnect",
    "mtlink": "interconnect",
    "显存": "memory_capacity",
    "内存": "memory_capacity",
    "memory": "memory_capacity",
    "hbm": "memory_capacity",
    "尺寸": "area",
    "面积": "area",
    "size": "area",
    "晶体管": "transistors",
    "transistors": "transistors",
    "功耗": "tdp",
    "tdp": "tdp",
    "每瓦": "per_watt",
    "能效": "per_watt",
    "per watt": "per_watt",
    "算力": "throughput",
    "性能": "throughput",
    "performance": "throughput",
    "compute": "throughput",
}

# Words that introduce the rival in a comparison.
RIVAL_MARKERS = (
    "相比",
    "相较",
    "对比",
    "比",
    "较",
    "than",
    "versus",
    "vs.",
    "vs",
    "compared with",
    "compared to",
    "against",
    "over",
)
COMPARISON_WORDS = ("相比之下", "而", "对比", "相比", "compared", "while", "whereas", "接近", "close")

# Words that mark a sentence as being about money, valuation or headcount, not chips.
NON_CHIP_WORDS = (
    "融资",
    "估值",
    "营收",
    "收入",
    "员工",
    "revenue",
    "valuation",
    "funding",
    "employees",
    "headcount",
    "亿元",
    "万元",
    "美元",
    "$",
    "股价",
    "市值",
)

CJK_DIGITS: dict[str, int] = {
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
FRACTIONS: dict[str, float] = {
    "三分之一": 1 / 3,
    "四分之一": 1 / 4,
    "五分之一": 1 / 5,
    "三分之二": 2 / 3,
    "一半": 1 / 2,
    "half": 1 / 2,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "a quarter": 1 / 4,
}

# Unit words after a number: (unit kind, multiplier to the catalogue unit).
# Rates go to TFLOPS/TOPS, bandwidth to GB/s, data to GB, length to mm.
UNIT_WORDS: dict[str, tuple[str, float]] = {
    "eflops": ("flop_rate", 1e6),
    "pflops": ("flop_rate", 1e3),
    "tflops": ("flop_rate", 1.0),
    "gflops": ("flop_rate", 1e-3),
    "pops": ("op_rate", 1e3),
    "tops": ("op_rate", 1.0),
    "百亿亿次": ("rate", 1e6),
    "千万亿次": ("rate", 1e3),
    "万亿次": ("rate", 1.0),
    "e": ("rate", 1e6),
    "p": ("rate", 1e3),
    "t": ("rate", 1.0),
    "tb/s": ("bandwidth", 1e3),
    "gb/s": ("bandwidth", 1.0),
    "tbps": ("bandwidth", 1e3),
    "gbps": ("bandwidth_bits", 1 / 8),
    "gb": ("information", 1.0),
    "tb": ("information", 1e3),
    "gib": ("information", 1.073741824),
    "mm²": ("area", 1.0),
    "mm2": ("area", 1.0),
    "平方毫米": ("area", 1.0),
    "毫米": ("length", 1.0),
    "mm": ("length", 1.0),
    "亿个晶体管": ("transistors", 1e8),
    "亿晶体管": ("transistors", 1e8),
    "billion transistors": ("transistors", 1e9),
    "w": ("power", 1.0),
    "瓦": ("power", 1.0),
    "watts": ("power", 1.0),
}
