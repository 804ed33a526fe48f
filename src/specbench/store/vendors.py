"""Vendors of the catalogue: the country each is based in (ISO 3166 code) and the names a writer
may put before a chip's name ("NVIDIA H20", "壁仞BR100"), which lookup drops. A vendor missing here
has an unknown country; its chips still load.

Kept as Python, not TOML: every command folds names, and reading a data file here would put a
parser on the start-up path of each one.
"""

VENDORS: dict[str, tuple[str, tuple[str, ...]]] = {  # name: (country, names written before a chip)
    "NVIDIA": ("US", ("nvidia", "英伟达", "輝達", "tesla")),  # Tesla: the brand of its data-centre GPUs to 2020
    "AMD": ("US", ("amd", "超威")),
    "Biren": ("CN", ("biren", "birentech", "壁仞科技", "壁仞")),
    "Enflame": ("CN", ("enflame", "燧原科技", "燧原")),
    "MetaX": ("CN", ("metax", "沐曦")),
    "Moore Threads": ("CN", ("moorethreads", "摩尔线程", "摩爾線程")),
    "Huawei": ("CN", ("huawei", "华为", "華為")),
    "Cambricon": ("CN", ("cambricon", "寒武纪", "寒武紀")),
    "Kunlunxin": ("CN", ("kunlunxin", "昆仑芯", "崑崙芯")),
    "Iluvatar CoreX": ("CN", ("iluvatar", "iluvatarcorex", "天数智芯", "天數智芯")),
    "Hygon": ("CN", ("hygon", "海光")),
    "Intel": ("US", ("intel", "英特尔")),
}
