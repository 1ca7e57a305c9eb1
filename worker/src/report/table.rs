//! Tables that continue across pages: the header row is repeated on each new
//! page, and a row taller than the room left is split between lines (never cut).

use super::{
    canvas::{CONTENT_W, Canvas, KEEP_LINES, MARGIN_X, MUTED, Rgb, Style, lines_here},
    text::wrap,
};

const PAD: f32 = 3.0;
const HEADER_BG: Rgb = (0.90, 0.92, 0.95);
const STRIPE: Rgb = (0.97, 0.97, 0.98);

/// A table: column headers, relative column widths, and rows of cell texts.
pub struct Table {
    /// Column headers.
    pub headers: Vec<String>,
    /// Relative widths (any scale).
    pub widths: Vec<f32>,
    /// Right-aligned columns (numbers).
    pub numeric: Vec<bool>,
    /// Rows of cells, one per column.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these headers and relative widths, all columns left-aligned.
    pub fn new(headers: &[&str], widths: &[f32]) -> Self {
        Self {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            widths: widths.to_vec(),
            numeric: vec![false; headers.len()],
            rows: Vec::new(),
        }
    }

    /// Right-aligns the given columns.
    pub fn numeric(mut self, columns: &[usize]) -> Self {
        for &c in columns {
            if let Some(flag) = self.numeric.get_mut(c) {
                *flag = true;
            }
        }
        self
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Draws the table at the cursor.
    pub fn draw(&self, canvas: &mut Canvas<'_>) {
        let total: f32 = self.widths.iter().sum::<f32>().max(1.0);
        let cols: Vec<f32> = self.widths.iter().map(|w| w / total * CONTENT_W).collect();
        let style = Style::SMALL;
        let head_style = style.bold();
        let header_lines = self.lines(canvas, &self.headers, &cols, head_style);
        let header_h = height(&header_lines, head_style);
        // Keep the header with the first row's first lines: as many as the row
        // may leave at the bottom of a page (all of a short row).
        let first_row = self
            .rows
            .first()
            .map_or(1, |row| most_lines(&self.lines(canvas, row, &cols, style)));
        let kept = if first_row < 2 * KEEP_LINES {
            first_row
        } else {
            KEEP_LINES
        };
        canvas.ensure(header_h + kept as f32 * style.leading() + 2.0 * PAD);
        self.draw_row(canvas, &header_lines, &cols, head_style, Some(HEADER_BG));
        let mut fresh = false;
        for (index, row) in self.rows.iter().enumerate() {
            let mut lines = self.lines(canvas, row, &cols, style);
            let background = (index % 2 == 1).then_some(STRIPE);
            loop {
                let need = height(&lines, style);
                if need <= canvas.room() {
                    self.draw_row(canvas, &lines, &cols, style, background);
                    fresh = false;
                    break;
                }
                // A row split between pages leaves at least two lines on each
                // side (no orphan, no widow), else it moves on whole.
                let fit = ((canvas.room() - 2.0 * PAD) / style.leading()).floor().max(0.0) as usize;
                let mut here = lines_here(most_lines(&lines), fit);
                if here == 0 && fresh {
                    // Taller than a page under its header: as much as fits.
                    here = fit.max(1);
                }
                if here >= 1 {
                    let rest: Vec<Vec<String>> = lines
                        .iter_mut()
                        .map(|cell| cell.split_off(here.min(cell.len())))
                        .collect();
                    self.draw_row(canvas, &lines, &cols, style, background);
                    lines = rest;
                }
                canvas.new_page();
                self.draw_row(canvas, &header_lines, &cols, head_style, Some(HEADER_BG));
                fresh = true;
            }
        }
        canvas.space(8.0);
    }

    fn lines(&self, canvas: &Canvas<'_>, cells: &[String], cols: &[f32], style: Style) -> Vec<Vec<String>> {
        cols.iter()
            .enumerate()
            .map(|(i, w)| {
                let text = cells.get(i).map(String::as_str).unwrap_or("");
                wrap(canvas.fonts, text, w - 2.0 * PAD, style)
            })
            .collect()
    }

    fn draw_row(
        &self,
        canvas: &mut Canvas<'_>,
        lines: &[Vec<String>],
        cols: &[f32],
        style: Style,
        background: Option<Rgb>,
    ) {
        let h = height(lines, style);
        let top = canvas.y;
        if let Some(color) = background {
            canvas.rect(MARGIN_X, top, CONTENT_W, h, color);
        }
        let mut x = MARGIN_X;
        for (i, (cell, w)) in lines.iter().zip(cols).enumerate() {
            for (n, line) in cell.iter().enumerate() {
                let baseline = top + PAD + style.size + n as f32 * style.leading();
                if self.numeric.get(i).copied().unwrap_or(false) {
                    canvas.text_right(x + w - PAD, baseline, line, style);
                } else {
                    canvas.text_at(x + PAD, baseline, line, style);
                }
            }
            x += w;
        }
        canvas.line((MARGIN_X, top + h), (MARGIN_X + CONTENT_W, top + h), 0.3, MUTED);
        canvas.y = top + h;
    }
}

/// The lines of a row's tallest cell (at least one).
fn most_lines(lines: &[Vec<String>]) -> usize {
    lines.iter().map(Vec::len).max().unwrap_or(1).max(1)
}

fn height(lines: &[Vec<String>], style: Style) -> f32 {
    most_lines(lines) as f32 * style.leading() + 2.0 * PAD
}
