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

/// Width of the drawing, in SVG units (the CSS scales it to the column).
const WIDTH: usize = 320;
/// Room kept right of the longest bar for its count.
const COUNT_ROOM: usize = 48;
/// Each row: the label on a line of its own, then its bar.
const ROW: usize = 38;

/// Horizontal bars: (label, count). Each label sits on its own line above its bar,
/// starting at the left edge, so no label is ever cut or hidden by a bar, however
/// long it is in the reader's language; the full label is also the bar's title.
pub fn bars(title: &str, rows: &[(String, u64)]) -> String {
    let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let height = ROW * rows.len() + 4;
    let longest = (WIDTH - COUNT_ROOM) as f64;
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"{}\">",
        escape(title)
    );
    for (i, (label, count)) in rows.iter().enumerate() {
        let y = i * ROW;
        let width = (*count as f64 / max as f64 * longest).round();
        let label = escape(label);
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\">{label}</text><rect x=\"0\" y=\"{}\" width=\"{width}\" height=\"16\" fill=\"#0b5cad\"><title>{label}: {count}</title></rect><text x=\"{}\" y=\"{}\">{count}</text>",
            y + 13,
            y + 18,
            width + 6.0,
            y + 31
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The x and y of every `<text>` and the x and width of every `<rect>`.
    fn numbers(svg: &str, tag: &str, attr: &str) -> Vec<f64> {
        svg.split(&format!("<{tag} "))
            .skip(1)
            .filter_map(|rest| {
                let start = rest.find(&format!("{attr}=\""))? + attr.len() + 2;
                rest[start..].split('"').next()?.parse().ok()
            })
            .collect()
    }

    #[test]
    fn a_long_label_is_never_overlapped_by_its_bar_nor_pushed_out() {
        let rows = vec![
            ("Frais de déplacement et d'hébergement".to_string(), 9),
            ("Autres".to_string(), 3),
        ];
        let svg = bars("Frais par catégorie", &rows);
        assert!(svg.contains(">Frais de déplacement et d'hébergement</text>"));
        // Every label starts at the left edge, on a line above its bar.
        assert!(numbers(&svg, "text", "x").iter().step_by(2).all(|x| *x == 0.0));
        let label_ys = numbers(&svg, "text", "y");
        let bar_ys = numbers(&svg, "rect", "y");
        for (row, bar_y) in bar_ys.iter().enumerate() {
            assert!(label_ys[row * 2] <= *bar_y, "label {row} above its bar");
        }
        // Bars and counts stay inside the drawing.
        for (x, width) in numbers(&svg, "rect", "x")
            .iter()
            .zip(numbers(&svg, "rect", "width"))
        {
            assert!(x + width + COUNT_ROOM as f64 <= WIDTH as f64 + 0.5);
        }
        assert_eq!(numbers(&svg, "rect", "width")[0], (WIDTH - COUNT_ROOM) as f64);
    }

    #[test]
    fn labels_are_escaped() {
        let svg = bars("<t>", &[("<script>".to_string(), 1)]);
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
    }
}
