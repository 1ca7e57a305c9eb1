//! SVG charts drawn on the server (no script, no third-party code): horizontal
//! bars for counts, a line for a risk trend. Labels are escaped here because the
//! SVG is inserted as markup.

use std::fmt::Write;

/// Text made safe inside SVG markup (text and attribute values).
pub(crate) fn escape(text: &str) -> String {
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
    line(title, points, 100.0, 1)
}

/// A line from 0 to `top` over time; each point's title shows its value with
/// `decimals` decimals.
fn line(title: &str, points: &[(String, f64)], top: f64, decimals: usize) -> String {
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 320 140\" role=\"img\" aria-label=\"{}\">\
         <line x1=\"30\" y1=\"10\" x2=\"30\" y2=\"110\" stroke=\"#4a5562\"></line>\
         <line x1=\"30\" y1=\"110\" x2=\"310\" y2=\"110\" stroke=\"#4a5562\"></line>\
         <text x=\"0\" y=\"14\">{top}</text><text x=\"12\" y=\"114\">0</text>",
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
        .map(|(i, (_, v))| {
            (
                40.0 + step * i as f64,
                110.0 - (v / top * 100.0).clamp(0.0, 100.0),
            )
        })
        .collect();
    let polyline: Vec<String> = coords.iter().map(|(x, y)| format!("{x:.0},{y:.0}")).collect();
    let _ = write!(
        svg,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#a4161a\" stroke-width=\"2\"></polyline>",
        polyline.join(" ")
    );
    for ((x, y), (label, value)) in coords.iter().zip(points) {
        let _ = write!(
            svg,
            "<circle cx=\"{x:.0}\" cy=\"{y:.0}\" r=\"3\" fill=\"#a4161a\"><title>{} {value:.decimals$}</title></circle><text x=\"{:.0}\" y=\"130\">{}</text>",
            escape(label),
            x - 12.0,
            escape(label.get(5..).unwrap_or(label))
        );
    }
    svg.push_str("</svg>");
    svg
}

/// One line of [`indicator_trends`]: its name, as the legend shows it, and a value
/// per label (`None` where the group had no hire with a known cost).
#[derive(Debug, Clone)]
pub struct Series {
    /// Its name ("All workers", "Women"…).
    pub name: String,
    /// A value per label of the chart, in order.
    pub values: Vec<Option<f64>>,
}

/// Colour and dash of each series in turn: told apart by the dash too, not by colour
/// alone.
const SERIES_STYLES: [(&str, &str); 5] = [
    ("#1f2933", ""),
    ("#a4161a", "6 3"),
    ("#0b5cad", "2 3"),
    ("#6a3d9a", "8 3 2 3"),
    ("#8c96a0", "1 2"),
];

/// Recruitment cost indicators over time, one line per series (all workers, then
/// each sex): labels along the bottom, the axis topping at the largest value rounded
/// up (at least 1), a legend underneath. A gap in a series breaks its line, so no
/// value is invented between two quarters. Each point's title gives its series,
/// label and value; the page shows the exact figures in a table beside it.
pub fn indicator_trends(title: &str, labels: &[String], series: &[Series]) -> String {
    let top = series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .copied()
        .fold(1.0_f64, f64::max)
        .ceil();
    let legend_top = 140;
    let height = legend_top + 16 * series.len() + 4;
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 320 {height}\" role=\"img\" aria-label=\"{}\">\
         <line x1=\"30\" y1=\"10\" x2=\"30\" y2=\"110\" stroke=\"#4a5562\"></line>\
         <line x1=\"30\" y1=\"110\" x2=\"310\" y2=\"110\" stroke=\"#4a5562\"></line>\
         <text x=\"0\" y=\"14\">{top}</text><text x=\"12\" y=\"114\">0</text>",
        escape(title)
    );
    let step = if labels.len() > 1 {
        270.0 / (labels.len() - 1) as f64
    } else {
        0.0
    };
    let x_of = |i: usize| 40.0 + step * i as f64;
    let y_of = |v: f64| 110.0 - (v / top * 100.0).clamp(0.0, 100.0);
    for (i, label) in labels.iter().enumerate() {
        let _ = write!(
            svg,
            "<text x=\"{:.0}\" y=\"128\" font-size=\"9\">{}</text>",
            x_of(i) - 16.0,
            escape(label)
        );
    }
    for (n, s) in series.iter().enumerate() {
        let (colour, dash) = SERIES_STYLES[n % SERIES_STYLES.len()];
        // Runs of consecutive known values, each its own polyline.
        let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        for (i, value) in s.values.iter().enumerate() {
            match value {
                Some(v) => {
                    if let Some(run) = runs.last_mut() {
                        run.push((x_of(i), y_of(*v)));
                    }
                }
                None => runs.push(Vec::new()),
            }
        }
        for run in runs.iter().filter(|run| run.len() > 1) {
            let points: Vec<String> = run.iter().map(|(x, y)| format!("{x:.0},{y:.0}")).collect();
            let _ = write!(
                svg,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\"></polyline>",
                points.join(" ")
            );
        }
        for (i, (label, value)) in labels.iter().zip(&s.values).enumerate() {
            let Some(v) = value else { continue };
            let _ = write!(
                svg,
                "<circle cx=\"{:.0}\" cy=\"{:.0}\" r=\"3\" fill=\"{colour}\"><title>{}, {} {v:.2}</title></circle>",
                x_of(i),
                y_of(*v),
                escape(&s.name),
                escape(label)
            );
        }
        let y = legend_top + 16 * n;
        let _ = write!(
            svg,
            "<line x1=\"0\" y1=\"{y}\" x2=\"24\" y2=\"{y}\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\"></line><text x=\"30\" y=\"{}\">{}</text>",
            y + 4,
            escape(&s.name)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// One corridor of [`flows`]: names as shown, and its workers.
#[derive(Debug, Clone)]
pub struct Flow {
    /// The origin country's name.
    pub origin: String,
    /// The destination country's name.
    pub destination: String,
    /// Workers of the corridor.
    pub workers: u64,
}

/// Room for each country's name and node, top to bottom.
const FLOW_ROW: usize = 28;

/// Corridors as flows: origins on the left, destinations on the right, a band from
/// each origin to each destination as thick as its share of workers. Each band's
/// title names the corridor and its workers; the page puts the same figures in a
/// table for screen readers and for anyone who cannot see the picture.
pub fn flows(title: &str, flows: &[Flow]) -> String {
    let mut origins: Vec<&str> = flows.iter().map(|f| f.origin.as_str()).collect();
    let mut destinations: Vec<&str> = flows.iter().map(|f| f.destination.as_str()).collect();
    for side in [&mut origins, &mut destinations] {
        side.sort_unstable();
        side.dedup();
    }
    let rows = origins.len().max(destinations.len()).max(1);
    let height = FLOW_ROW * rows + 8;
    let max = flows.iter().map(|f| f.workers).max().unwrap_or(0).max(1);
    let y = |side: &[&str], name: &str| side.iter().position(|n| *n == name).unwrap_or(0) * FLOW_ROW + 18;
    let mut svg = format!(
        "<svg class=\"chart flows\" viewBox=\"0 0 480 {height}\" role=\"img\" aria-label=\"{}\">",
        escape(title)
    );
    for f in flows {
        let (y1, y2) = (y(&origins, &f.origin), y(&destinations, &f.destination));
        let width = 2.0 + 14.0 * f.workers as f64 / max as f64;
        let _ = write!(
            svg,
            "<path d=\"M 196 {y1} C 240 {y1}, 244 {y2}, 284 {y2}\" fill=\"none\" stroke=\"#0b5cad\" stroke-opacity=\"0.55\" stroke-width=\"{width:.1}\"><title>{} → {}: {}</title></path>",
            escape(&f.origin),
            escape(&f.destination),
            f.workers
        );
    }
    for (i, name) in origins.iter().enumerate() {
        let y = i * FLOW_ROW + 18;
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\">{}</text><rect x=\"190\" y=\"{}\" width=\"6\" height=\"16\" fill=\"#4a5562\"></rect>",
            y + 4,
            escape(name),
            y - 8
        );
    }
    for (i, name) in destinations.iter().enumerate() {
        let y = i * FLOW_ROW + 18;
        let _ = write!(
            svg,
            "<rect x=\"284\" y=\"{}\" width=\"6\" height=\"16\" fill=\"#4a5562\"></rect><text x=\"296\" y=\"{}\">{}</text>",
            y - 8,
            y + 4,
            escape(name)
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

    #[test]
    fn each_corridor_is_one_band_as_thick_as_its_share_and_titled_with_its_figures() {
        let flow = |origin: &str, destination: &str, workers| Flow {
            origin: origin.into(),
            destination: destination.into(),
            workers,
        };
        let svg = flows(
            "Corridors",
            &[flow("Nepal", "Malaysia", 3), flow("<Népal>", "Thaïlande", 1)],
        );
        assert!(svg.contains("role=\"img\" aria-label=\"Corridors\""));
        assert!(svg.contains("<title>Nepal → Malaysia: 3</title>"));
        assert!(svg.contains("<title>&lt;Népal&gt; → Thaïlande: 1</title>"));
        assert!(!svg.contains("<Népal>"));
        // The largest flow is 16 wide, the other 2 + 14 / 3.
        assert_eq!(numbers(&svg, "path", "stroke-width"), [16.0, 6.7]);
        // Two origins, two destinations: a node each.
        assert_eq!(svg.matches("<rect ").count(), 4);
        assert!(flows("None", &[]).ends_with("</svg>"));
    }

    #[test]
    fn each_series_is_a_line_broken_where_a_quarter_has_no_value_and_named_in_the_legend() {
        let labels = vec![
            "2025-Q4".to_string(),
            "2026-Q1".to_string(),
            "2026-Q2".to_string(),
        ];
        let svg = indicator_trends(
            "Trend <NP>",
            &labels,
            &[
                Series {
                    name: "All".into(),
                    values: vec![Some(2.0), Some(2.0), Some(0.5)],
                },
                Series {
                    name: "Women".into(),
                    values: vec![Some(2.0), None, Some(3.4)],
                },
            ],
        );
        assert!(svg.contains("aria-label=\"Trend &lt;NP&gt;\""));
        // The axis tops at 4 (3.4 rounded up); "All" is one line of three points,
        // "Women" has no line (two runs of one point) but both its points.
        assert!(svg.contains(">4</text>"));
        assert_eq!(svg.matches("<polyline").count(), 1);
        assert_eq!(svg.matches("<circle").count(), 5);
        assert!(svg.contains("<title>Women, 2026-Q2 3.40</title>"));
        assert!(svg.contains(">Women</text>"));
        // 2 of 4 is 50 of 100 units above the axis at 110.
        assert_eq!(numbers(&svg, "circle", "cy")[0], 60.0);
    }
}
