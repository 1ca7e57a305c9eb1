//! SVG charts drawn on the server (no script, no third-party code): horizontal
//! bars for counts, a line for a risk trend. Labels are escaped here because the
//! SVG is inserted as markup.

use std::fmt::Write;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Horizontal bars: (label, count, css colour class).
pub fn bars(title: &str, rows: &[(String, u64)]) -> String {
    let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let height = 28 * rows.len() + 8;
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 320 {height}\" role=\"img\" aria-label=\"{}\">",
        escape(title)
    );
    for (i, (label, count)) in rows.iter().enumerate() {
        let y = 4 + i * 28;
        let width = (*count as f64 / max as f64 * 170.0).round();
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\">{}</text><rect x=\"110\" y=\"{y}\" width=\"{width}\" height=\"20\" fill=\"#0b5cad\"></rect><text x=\"{}\" y=\"{}\">{count}</text>",
            y + 15,
            escape(label),
            115.0 + width,
            y + 15
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A line of scores 0–100 over time: (date label, score).
pub fn trend(title: &str, points: &[(String, f64)]) -> String {
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 320 140\" role=\"img\" aria-label=\"{}\">\
         <line x1=\"30\" y1=\"10\" x2=\"30\" y2=\"110\" stroke=\"#4a5562\"></line>\
         <line x1=\"30\" y1=\"110\" x2=\"310\" y2=\"110\" stroke=\"#4a5562\"></line>\
         <text x=\"0\" y=\"14\">100</text><text x=\"12\" y=\"114\">0</text>",
        escape(title)
    );
    let step = if points.len() > 1 {
        270.0 / (points.len() - 1) as f64
    } else {
        0.0
    };
    let coords: Vec<(f64, f64)> = points
        .iter()
        .enumerate()
        .map(|(i, (_, s))| (40.0 + step * i as f64, 110.0 - s.clamp(0.0, 100.0)))
        .collect();
    let line: Vec<String> = coords.iter().map(|(x, y)| format!("{x:.0},{y:.0}")).collect();
    let _ = write!(
        svg,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#a4161a\" stroke-width=\"2\"></polyline>",
        line.join(" ")
    );
    for ((x, y), (label, score)) in coords.iter().zip(points) {
        let _ = write!(
            svg,
            "<circle cx=\"{x:.0}\" cy=\"{y:.0}\" r=\"3\" fill=\"#a4161a\"><title>{} {score:.1}</title></circle><text x=\"{:.0}\" y=\"130\">{}</text>",
            escape(label),
            x - 12.0,
            escape(label.get(5..).unwrap_or(label))
        );
    }
    svg.push_str("</svg>");
    svg
}
