#!/usr/bin/env python3
"""The HTML version of an advisory report, rendered with WeasyPrint and timed.

Run by `fairhire-bench pdf` (bench/src/pdf.rs), which writes the report's data
as JSON (already formatted for its locale, as the PDF shows it). This script
builds the same report as HTML: cover, contents with page numbers, executive
summary, scope, inherent risk, findings by indicator, fee audit, recommendations,
corrective-action plan and annex; tables with repeated headers; the four charts
as inline SVG; Noto Sans (the faces the PDF embeds); running header and "page n of N" footer. It renders
it --runs times after one warm-up, each run building the HTML from the data and
writing the PDF, and prints JSON: {"seconds": [...], "pages": n, "bytes": n,
"version": "..."}.

    pip install weasyprint
    python3 bench/pdf/weasyprint_report.py report.json --fonts worker/fonts --runs 20
"""

import argparse
import html
import json
import pathlib
import time

import weasyprint

BAND = {"low": "#2e8c57", "medium": "#d99e1a", "high": "#e0661a", "critical": "#bf1f24"}
SEVERITY = {"priority": "#bf1f24", "major": "#e0661a", "minor": "#d99e1a"}
ACCENT = "#174a73"


def e(text):
    return html.escape(str(text)).replace("\n", "<br>")


def css(fonts, data):
    label = data["labels"]
    header = f"{label['title']} · {data['supplier']}".replace('"', "'")
    footer = label["page_of"].replace("{n}", '" counter(page) "').replace("{total}", '" counter(pages) "')
    return f"""
@font-face {{ font-family: Noto; src: url("file://{fonts}/NotoSans-Regular.ttf"); }}
@font-face {{ font-family: Noto; font-weight: bold; src: url("file://{fonts}/NotoSans-Bold.ttf"); }}
@page {{ size: A4; margin: 72pt 50pt 64pt 50pt;
  @top-left {{ content: "{header}"; font: 8pt Noto; color: #6b7080; vertical-align: bottom;
    padding-bottom: 4pt; border-bottom: 0.4pt solid #6b7080; width: 100%; }}
  @bottom-right {{ content: "{footer}"; font: 8pt Noto; color: #6b7080; }} }}
@page :first {{ @top-left {{ content: none; border: none; }} @bottom-right {{ content: none; }} }}
body {{ font-family: Noto; font-size: 9.5pt; color: #212126; line-height: 1.35; }}
h1 {{ font-size: 16pt; color: {ACCENT}; border-bottom: 0.8pt solid {ACCENT}; padding-bottom: 2pt;
  break-before: page; margin: 0 0 12pt; }}
h1.cover {{ font-size: 22pt; border: none; break-before: auto; margin-top: 78pt; }}
h2 {{ font-size: 11.5pt; color: {ACCENT}; margin: 10pt 0 3pt; break-after: avoid; }}
table {{ width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 8pt; margin-bottom: 8pt; }}
thead {{ display: table-header-group; }}
th {{ background: #e6ebf2; text-align: left; padding: 3pt; }}
td {{ padding: 3pt; border-bottom: 0.3pt solid #6b7080; vertical-align: top; overflow-wrap: break-word; }}
tr:nth-child(even) td {{ background: #f7f7fa; }}
td.n, th.n {{ text-align: right; }}
dl {{ display: grid; grid-template-columns: 200pt auto; margin: 0 0 6pt; }}
dt {{ color: #6b7080; }} dd {{ font-weight: bold; margin: 0 0 2pt; }}
.badge {{ display: inline-block; color: white; font-weight: bold; padding: 4pt 10pt; font-size: 11pt; }}
.toc a {{ color: inherit; text-decoration: none; display: block; font-size: 11pt; margin-bottom: 8pt; }}
.toc a::after {{ content: target-counter(attr(href), page); float: right; }}
.confidential {{ font-size: 8pt; color: #6b7080; border-top: 0.5pt solid #6b7080; padding-top: 10pt;
  margin-top: 180pt; }}
li {{ margin-bottom: 3pt; }}
svg {{ display: block; margin-bottom: 10pt; }}
"""


def bars_svg(bars, maximum=None):
    width, label_w, row = 495, 168, 15
    value_w = 79
    bar_w = width - label_w - value_w - 8
    top = max([b["value"] for b in bars] + [1e-9]) if maximum is None else maximum
    parts = [f'<svg width="{width}pt" height="{row * len(bars) + 4}pt" viewBox="0 0 {width} {row * len(bars) + 4}">']
    for i, b in enumerate(bars):
        y = i * row
        length = max(0.5, min(1.0, b["value"] / top) * bar_w)
        parts.append(
            f'<text x="0" y="{y + 10}" font-size="8" font-family="Noto">{e(b["label"])}</text>'
            f'<rect x="{label_w}" y="{y + 2.5}" width="{length:.2f}" height="{row - 5}" fill="{b.get("color", ACCENT)}"/>'
            f'<text x="{label_w + length + 4:.2f}" y="{y + 10}" font-size="8" font-family="Noto">{e(b["shown"])}</text>'
        )
    parts.append(f'<line x1="{label_w}" y1="0" x2="{label_w}" y2="{row * len(bars)}" stroke="#6b7080" stroke-width="0.5"/></svg>')
    return "".join(parts)


def histogram_svg(buckets, axis_label):
    width, chart_h = 495, 120
    most = max([c for _, c in buckets] + [1])
    slot = width / max(1, len(buckets))
    height = chart_h + 46
    parts = [f'<svg width="{width}pt" height="{height}pt" viewBox="0 0 {width} {height}">']
    base = 12 + chart_h
    for i, (label, count) in enumerate(buckets):
        x = i * slot
        h = max(0.5, count / most * chart_h)
        parts.append(
            f'<rect x="{x + slot * 0.15:.2f}" y="{base - h:.2f}" width="{slot * 0.7:.2f}" height="{h:.2f}" fill="#bf4d29"/>'
            f'<text x="{x + slot / 2:.2f}" y="{base - h - 3:.2f}" font-size="8" text-anchor="middle" font-family="Noto">{count}</text>'
            f'<text x="{x + slot / 2:.2f}" y="{base + 11}" font-size="8" text-anchor="middle" font-family="Noto">{e(label)}</text>'
        )
    parts.append(
        f'<line x1="0" y1="{base}" x2="{width}" y2="{base}" stroke="#212126" stroke-width="0.6"/>'
        f'<text x="0" y="{base + 32}" font-size="8" fill="#6b7080" font-family="Noto">{e(axis_label)}</text></svg>'
    )
    return "".join(parts)


def table(headers, rows, widths, numeric=()):
    # Fixed column widths, as the PDF renderer uses (and as a report template would).
    total = sum(widths)
    cols = "".join(f'<col style="width:{w / total * 100:.2f}%">' for w in widths)
    head = "".join(f'<th class="{"n" if i in numeric else ""}">{e(h)}</th>' for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f'<td class="{"n" if i in numeric else ""}">{e(c)}</td>' for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def fields(pairs):
    return "<dl>" + "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in pairs) + "</dl>"


def build(data):
    L = data["labels"]
    sections = []

    def section(key, title, body):
        sections.append((key, title, f'<h1 id="{key}">{e(title)}</h1>{body}'))

    fees = data["fees"]
    summary = [
        f'<p><span class="badge" style="background:{BAND.get(data["band"], "#bf1f24")};font-size:14pt">'
        f'{e(data["band_label"].upper())}</span> <b style="font-size:14pt">{e(L["score"])} {e(data["score"])} / 100</b></p>',
        f'<h2>{e(L["components"])}</h2>',
        bars_svg(data["components"], 100.0),
        fields([(L["red_flags"], data["red_flags"]), (L["zero_tolerance"], data["zero_tolerance"])]),
        f'<h2>{e(L["fee_headline"])}</h2>',
    ]
    if fees:
        summary.append(fields([
            (L["workers_paid"], f'{fees["workers_paid"]} / {fees["workers"]}'),
            (L["outstanding"], fees["outstanding"]),
            (L["median_months"], fees["median_months"]),
            (L["max_months"], fees["max_months"]),
        ]))
    summary.append(f'<h2>{e(L["priorities"])}</h2><ul>' + "".join(f"<li>{e(p)}</li>" for p in data["priorities"]) + "</ul>")
    section("summary", L["summary"], "".join(summary))
    section("scope", L["scope"], f'<p>{e(data["scope"])}</p><p>{e(L["standards"])}</p>')
    section("inherent", L["inherent_title"], fields([
        (L["country"], data["country"]), (L["sector"], data["sector"]),
        (L["country_risk"], data["country_risk"]), (L["sector_risk"], data["sector_risk"]),
        (L["inherent"], data["inherent"]),
    ]) + f'<h2>{e(L["sources"])}</h2><ul style="font-size:8pt">' + "".join(f"<li>{e(s)}</li>" for s in data["sources"]) + "</ul>")
    body = [f'<h2>{e(L["findings_by_severity"])}</h2>', bars_svg([
        {"label": c["label"], "value": c["count"], "shown": str(c["count"]), "color": SEVERITY[c["severity"]]}
        for c in data["severity_counts"]
    ])]
    for group in data["findings"]:
        body.append(f'<h2>{e(group["indicator"])} ({len(group["findings"])})</h2>')
        body.append(table(
            [L["finding"], L["severity"], L["evidence"], L["status"]],
            [[f["title"], f["severity_label"], f["evidence"], f["status"]] for f in group["findings"]],
            [4.2, 1.3, 3.2, 1.1],
        ))
    section("findings", L["findings"], "".join(body))
    if fees:
        body = [fields([
            (L["workers"], fees["workers"]), (L["workers_paid"], fees["workers_paid"]),
            (L["total_fees"], fees["total_fees"]), (L["reimbursed"], fees["reimbursed"]),
            (L["outstanding"], fees["outstanding"]), (L["debt_risk"], fees["debt_risk"]),
        ])]
        body.append(f'<h2>{e(L["by_category"])}</h2>' + bars_svg(fees["by_category"]))
        body.append(f'<h2>{e(L["distribution"])}</h2>' + histogram_svg(fees["buckets"], L["workers_axis"]))
        body.append(f'<h2>{e(L["by_recruiter"])}</h2>' + table(
            [L["recruiter"], L["country"], L["paid_count"], L["debt_risk"], "USD"],
            [[r["recruiter"], r["country"] or "", r["paid"], r["debt_risk"], r["usd"]] for r in fees["by_recruiter"]],
            [3.0, 1.0, 1.4, 1.8, 1.6],
            numeric=(2, 3, 4),
        ))
        r = fees["repayments"]
        body.append(f'<h2>{e(L["repayment"])}</h2>' + fields([
            (L["outstanding"], r["outstanding"]), (L["repaid"], r["repaid"]),
            (L["remaining"], r["remaining"]), (L["still_owed"], r["still_owed"]),
        ]))
        section("fees", L["fees_title"], "".join(body))

    def bullets(items):
        return "<ul>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>" if items else "<p>—</p>"

    section("recommendations", L["recommendations"],
            f'<h2>{e(L["containment"])}</h2>{bullets(data["urgent"])}'
            f'<h2>{e(L["corrective"])}</h2>{bullets(data["corrective"])}'
            f'<h2>{e(L["prevention"])}</h2>{bullets(data["prevention"])}')
    section("cap", L["cap"], table(
        [L["finding"], L["action"], L["owner"], L["due"], L["status"]],
        [[a["finding"], a["action"], a["owner"], a["due"], a["status"]] for a in data["actions"]],
        [2.9, 3.3, 2.4, 1.8, 1.1],
    ))
    section("annex", L["annex"],
            f'<h2>{e(L["answers"])}</h2>' + table([L["question"], L["answer"]], data["answers"], [3.0, 1.6])
            + f'<h2>{e(L["method"])}</h2><p>{e(data["scope"])}</p><h2>{e(L["glossary"])}</h2>'
            + "".join(f"<p><b>{e(t)}</b><br>{e(m)}</p>" for t, m in data["glossary"]))

    cover = (
        f'<div style="height:8pt;background:{ACCENT};margin:-72pt -50pt 0"></div>'
        f'<h1 class="cover">{e(L["title"])}</h1><p style="font-size:16pt;font-weight:bold">{e(data["supplier"])}</p>'
        f'<p><span class="badge" style="background:{BAND.get(data["band"], "#bf1f24")}">'
        f'{e((L["risk_band"] + ": " + data["band_label"]).upper())}</span></p>'
        + fields(data["cover"])
        + f'<p class="confidential">{e(L["confidential"])}</p>'
    )
    toc = f'<h1 id="contents">{e(L["contents"])}</h1><div class="toc">' + "".join(
        f'<a href="#{key}">{e(title)}</a>' for key, title, _ in sections
    ) + "</div>"
    return cover + toc + "".join(body for _, _, body in sections)


def page(data, fonts):
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><style>{css(fonts, data)}</style></head>'
        f"<body>{build(data)}</body></html>"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("json")
    parser.add_argument("--fonts", required=True)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--out", default="weasyprint-report.pdf")
    parser.add_argument("--html", help="also write the HTML here")
    args = parser.parse_args()
    data = json.loads(pathlib.Path(args.json).read_text(encoding="utf-8"))
    fonts = pathlib.Path(args.fonts).resolve()
    if args.html:
        pathlib.Path(args.html).write_text(page(data, fonts), encoding="utf-8")
    pdf = weasyprint.HTML(string=page(data, fonts)).write_pdf()  # warm-up
    seconds = []
    for _ in range(args.runs):
        start = time.perf_counter()
        pdf = weasyprint.HTML(string=page(data, fonts)).write_pdf()
        seconds.append(time.perf_counter() - start)
    pathlib.Path(args.out).write_bytes(pdf)
    pages = len(weasyprint.HTML(string=page(data, fonts)).render().pages)
    print(json.dumps({"seconds": seconds, "pages": pages, "bytes": len(pdf), "version": weasyprint.__version__}))


if __name__ == "__main__":
    main()
