//! The supply map as a drawn chart: one column each for products, the supplier
//! and its sub-tier suppliers, sites and recruiters; a box per node and a line
//! per edge. Lines run from the right edge of the left box to the left edge of
//! the right one; a link between two suppliers (same column) is drawn as an
//! elbow on the column's right side. A column with more boxes than the page
//! holds ends with a "+ n more" box: the parties table lists them all.

use std::collections::HashMap;

use domain::{evidence_packs::contents::SupplyMap, values::Locale};
use uuid::Uuid;

use super::i18n::{t, with_n};
use crate::report::{
    canvas::{ACCENT, CONTENT_BOTTOM, CONTENT_W, Canvas, INK, MARGIN_X, MUTED, Rgb, Style},
    charts::fit,
};

const COLUMNS: [(&str, &str); 4] = [
    ("product", "map-product"),
    ("supplier", "map-supplier"),
    ("site", "map-site"),
    ("recruiter", "map-recruiter"),
];
const BOX_H: f32 = 24.0;
const ROW: f32 = 34.0;
const GAP: f32 = 22.0;
const FILL: Rgb = (0.90, 0.93, 0.97);

/// Draws `map` from the cursor down, on the current page.
pub fn draw(canvas: &mut Canvas<'_>, map: &SupplyMap, l: Locale) {
    let col_w = (CONTENT_W - GAP * (COLUMNS.len() as f32 - 1.0)) / COLUMNS.len() as f32;
    let x_of = |c: usize| MARGIN_X + c as f32 * (col_w + GAP);
    let header = Style::SMALL.bold().colored(ACCENT);
    for (c, (_, key)) in COLUMNS.iter().enumerate() {
        let label = fit(canvas, &t(l, key), col_w, header);
        canvas.text_at(x_of(c), canvas.y + header.size, &label, header);
    }
    canvas.y += 20.0;
    let top = canvas.y;
    let fits = (((CONTENT_BOTTOM - top) / ROW).floor() as usize).max(1);
    // Where each drawn node's box is: (column, left x, top y).
    let mut placed: HashMap<Uuid, (usize, f32, f32)> = HashMap::new();
    let mut deepest = top;
    let style = Style::SMALL;
    for (c, (kind, _)) in COLUMNS.iter().enumerate() {
        let nodes: Vec<_> = map.nodes.iter().filter(|n| n.kind == *kind).collect();
        let shown = if nodes.len() > fits { fits - 1 } else { nodes.len() };
        for (row, node) in nodes.iter().take(shown).enumerate() {
            let y = top + row as f32 * ROW;
            canvas.rect(x_of(c), y, col_w, BOX_H, FILL);
            let label = fit(canvas, &node.label, col_w - 8.0, style);
            canvas.text_at(x_of(c) + 4.0, y + BOX_H / 2.0 + 3.0, &label, style.colored(INK));
            placed.insert(node.id, (c, x_of(c), y));
            deepest = deepest.max(y + BOX_H);
        }
        if shown < nodes.len() {
            let y = top + shown as f32 * ROW;
            let more = with_n(l, "map-more", (nodes.len() - shown) as u64);
            let label = fit(canvas, &more, col_w - 8.0, style);
            canvas.text_at(x_of(c) + 4.0, y + BOX_H / 2.0 + 3.0, &label, style.colored(MUTED));
            deepest = deepest.max(y + BOX_H);
        }
    }
    for edge in &map.edges {
        let (Some(&(fc, fx, fy)), Some(&(tc, tx, ty))) = (placed.get(&edge.from), placed.get(&edge.to))
        else {
            continue;
        };
        let (fm, tm) = (fy + BOX_H / 2.0, ty + BOX_H / 2.0);
        if fc == tc {
            let out = fx + col_w + GAP / 2.0;
            canvas.line((fx + col_w, fm), (out, fm), 0.7, MUTED);
            canvas.line((out, fm), (out, tm), 0.7, MUTED);
            canvas.line((out, tm), (tx + col_w, tm), 0.7, MUTED);
        } else {
            let (from, to) = if fc < tc {
                ((fx + col_w, fm), (tx, tm))
            } else {
                ((tx + col_w, tm), (fx, fm))
            };
            canvas.line(from, to, 0.7, MUTED);
        }
    }
    canvas.y = deepest + 12.0;
}
