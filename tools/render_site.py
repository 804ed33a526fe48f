"""Render every page of the report site to PNG with headless Chromium, to look at them.

    specbench report --html --out /tmp/site
    python tools/render_site.py /tmp/site [--out /tmp/site-png] [--width 1280] [--height 2000]

Writes one PNG per HTML page (and per plot) beside the site, or in --out, and prints their
paths. A development tool for checking the layout by eye (tables that overflow, images that
do not load, Chinese that renders as boxes); CI does not run it.

Needs Debian's ``chromium`` (``apt-get install -y chromium``). Chinese text shows as empty
boxes unless a CJK font is installed: ``apt-get install -y fonts-noto-cjk``. The pages name
Noto Sans CJK SC in their font list, and the plots fall back to it for Chinese chip names.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def render(browser: str, page: Path, png: Path, width: int, height: int) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                browser,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--screenshot={png}",
                f"--window-size={width},{height}",
                page.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the folder `specbench report --html` wrote")
    parser.add_argument("--out", type=Path, help="folder for the PNGs (default: <site>-png)")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=2000)
    args = parser.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("render_site: chromium not found; apt-get install -y chromium")
    out = args.out or args.site.with_name(args.site.name + "-png")
    out.mkdir(parents=True, exist_ok=True)
    pages = sorted([*args.site.rglob("*.html"), *args.site.rglob("*.svg")])
    for page in pages:
        png = out / (str(page.relative_to(args.site)).replace("/", "__") + ".png")
        render(browser, page, png, args.width, args.height)
        print(png)


if __name__ == "__main__":
    main()
