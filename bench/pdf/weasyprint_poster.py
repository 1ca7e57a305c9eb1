#!/usr/bin/env python3
"""The HTML version of a worker-voice poster, rendered with WeasyPrint and timed.

Run by `fairhire-bench pdf` (bench/src/pdf.rs), which writes, per language, the
poster's words, the link and the QR matrix as JSON. This script builds the same
one-page A4 poster as HTML (title band, site, QR code as inline SVG squares, the
link, three numbered steps, the anonymity line, the language's name), in the
same Noto faces the PDF embeds (worker/fonts, chosen per character by the
font-family list), right to left for Arabic and Urdu. For each language it
renders --runs times after one warm-up and prints JSON:
{"results": [{"code": "ne", "seconds": [...], "bytes": n}], "version": "..."}.

    pip install weasyprint
    python3 bench/pdf/weasyprint_poster.py posters.json --fonts worker/fonts --runs 10
"""

import argparse
import html
import json
import pathlib
import time

import weasyprint

FAMILIES = [
    "NotoSans",
    "NotoSansDevanagari",
    "NotoSansBengali",
    "NotoSansMyanmar",
    "NotoSansKhmer",
    "NotoSansSinhala",
    "NotoSansEthiopic",
    "NotoNaskhArabic",
]


def e(text):
    return html.escape(str(text))


def qr_svg(matrix, side=255):
    quiet = 4
    modules = len(matrix) + 2 * quiet
    m = side / modules
    parts = [f'<svg width="{side}pt" height="{side}pt" viewBox="0 0 {side} {side}">']
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                parts.append(
                    f'<rect x="{(c + quiet) * m:.3f}" y="{(r + quiet) * m:.3f}" '
                    f'width="{m:.3f}" height="{m:.3f}"/>'
                )
    parts.append("</svg>")
    return "".join(parts)


def page(p, fonts):
    faces = "".join(
        f'@font-face {{ font-family: {f}; src: url("file://{fonts}/{f}-Regular.ttf"); }}'
        f'@font-face {{ font-family: {f}; font-weight: bold; src: url("file://{fonts}/{f}-Bold.ttf"); }}'
        for f in FAMILIES
    )
    steps = "".join(f"<li>{e(s)}</li>" for s in p["steps"])
    return f"""<!doctype html><html lang="{p['code']}" dir="{p['dir']}"><head><meta charset="utf-8"><style>
{faces}
@page {{ size: A4; margin: 0; }}
body {{ margin: 0; font-family: {", ".join(FAMILIES)}; color: #212126; }}
.band {{ background: #174a73; color: white; text-align: center; height: 110pt; padding-top: 26pt;
  box-sizing: border-box; }}
.band h1 {{ font-size: 30pt; margin: 0; line-height: 1.1; }}
.band p {{ font-size: 15pt; margin: 4pt 0 0; }}
.site {{ text-align: center; font-weight: bold; font-size: 14pt; margin: 16pt 0 8pt; }}
.qr {{ display: flex; justify-content: center; }}
.link {{ text-align: center; font-weight: bold; font-size: 15pt; color: #174a73; margin: 8pt 0 14pt; }}
ol {{ font-size: 15pt; margin: 0 50pt; padding-inline-start: 24pt; }}
li {{ margin-bottom: 4pt; }}
.anon {{ font-weight: bold; font-size: 13pt; margin: 12pt 50pt; }}
.foot {{ position: absolute; bottom: 24pt; width: 100%; text-align: center; font-size: 8pt; color: #6b7080; }}
</style></head><body>
<div class="band"><h1>{e(p['title'])}</h1><p>{e(p['subtitle'])}</p></div>
<div class="site">{e(p['site'])}</div>
<div class="qr">{qr_svg(p['qr'])}</div>
<div class="link">{e(p['link'])}</div>
<ol>{steps}</ol>
<p class="anon">{e(p['anonymous'])}</p>
<div class="foot">{e(p['footer'])}</div>
</body></html>"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("json")
    parser.add_argument("--fonts", required=True)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--out-dir", default=".")
    args = parser.parse_args()
    posters = json.loads(pathlib.Path(args.json).read_text(encoding="utf-8"))
    fonts = pathlib.Path(args.fonts).resolve()
    results = []
    for p in posters:
        pdf = weasyprint.HTML(string=page(p, fonts)).write_pdf()  # warm-up
        seconds = []
        for _ in range(args.runs):
            start = time.perf_counter()
            pdf = weasyprint.HTML(string=page(p, fonts)).write_pdf()
            seconds.append(time.perf_counter() - start)
        pathlib.Path(args.out_dir, f"weasyprint-poster-{p['code']}.pdf").write_bytes(pdf)
        results.append({"code": p["code"], "seconds": seconds, "bytes": len(pdf)})
    print(json.dumps({"results": results, "version": weasyprint.__version__}))


if __name__ == "__main__":
    main()
