//! Charts drawn as vectors: horizontal bars (one per labelled value) and a
//! histogram. A chart is kept whole on one page.

use super::canvas::{CONTENT_W, Canvas, INK, MARGIN_X, MUTED, Rgb, Style};

/// One bar.
pub struct Bar {
    /// What it measures.
    pub label: String,
    /// Its length.
    pub value: f64,
    /// The value as printed beside it.
    pub shown: String,
    /// Its colour.
    pub color: Rgb,
}

const ROW: f32 = 15.0;

/// Horizontal bars scaled to `max` (the largest value when `None`).
pub fn bars(canvas: &mut Canvas<'_>, bars: &[Bar], max: Option<f64>) {
    if bars.is_empty() {
        return;
    }
    let style = Style::SMALL;
    let label_w = CONTENT_W * 0.34;
    let value_w = CONTENT_W * 0.16;
    let bar_w = CONTENT_W - label_w - value_w - 8.0;
    let max = max
        .unwrap_or_else(|| bars.iter().map(|b| b.value).fold(0.0, f64::max))
        .max(f64::EPSILON);
    canvas.ensure(bars.len() as f32 * ROW + 10.0);
    let x0 = MARGIN_X + label_w;
    let top = canvas.y;
    for bar in bars {
        let label = fit(canvas, &bar.label, label_w - 6.0, style);
        canvas.text_at(MARGIN_X, canvas.y + 10.0, &label, style);
        let length = ((bar.value / max).clamp(0.0, 1.0) as f32) * bar_w;
        canvas.rect(x0, canvas.y + 2.5, length.max(0.5), ROW - 5.0, bar.color);
        canvas.text_at(x0 + length + 4.0, canvas.y + 10.0, &bar.shown, style);
        canvas.y += ROW;
    }
    canvas.line((x0, top), (x0, canvas.y), 0.5, MUTED);
    canvas.space(10.0);
}

/// Vertical bars over labelled buckets, each count printed above its bar.
pub fn histogram(canvas: &mut Canvas<'_>, buckets: &[(String, u64)], color: Rgb, axis_label: &str) {
    let style = Style::SMALL;
    let chart_h = 120.0;
    canvas.ensure(chart_h + 44.0);
    let top = canvas.y + 12.0;
    let base = top + chart_h;
    let most = buckets.iter().map(|b| b.1).max().unwrap_or(0).max(1) as f32;
    let slot = CONTENT_W / buckets.len().max(1) as f32;
    for (i, (label, count)) in buckets.iter().enumerate() {
        let x = MARGIN_X + i as f32 * slot;
        let h = *count as f32 / most * chart_h;
        canvas.rect(x + slot * 0.15, base - h, slot * 0.7, h.max(0.5), color);
        let shown = count.to_string();
        let w = canvas.width(&shown, style);
        canvas.text_at(x + (slot - w) / 2.0, base - h - 3.0, &shown, style);
        let label = fit(canvas, label, slot - 2.0, style);
        let w = canvas.width(&label, style);
        canvas.text_at(x + (slot - w) / 2.0, base + 11.0, &label, style);
    }
    canvas.line((MARGIN_X, base), (MARGIN_X + CONTENT_W, base), 0.6, INK);
    canvas.y = base + 16.0;
    let caption = style.colored(MUTED);
    canvas.text_at(MARGIN_X, canvas.y + 8.0, axis_label, caption);
    canvas.y += 18.0;
}

/// `text` shortened with an ellipsis to fit `width`.
pub fn fit(canvas: &Canvas<'_>, text: &str, width: f32, style: Style) -> String {
    if canvas.width(text, style) <= width {
        return text.to_string();
    }
    use unicode_segmentation::UnicodeSegmentation;
    let mut out: String = String::new();
    for g in text.graphemes(true) {
        let next = format!("{out}{g}…");
        if canvas.width(&next, style) > width {
            break;
        }
        out.push_str(g);
    }
    format!("{out}…")
}
