//! The report's sections in order (ethical-recruitment.md §6), the contents page
//! and the running header and footer.

mod actions;
mod annex;
mod context;
mod cover;
mod fees;
mod findings;
mod risk_words;
mod summary;

use domain::{reports::ReportData, values::Locale};
use rust_decimal::{Decimal, prelude::FromPrimitive};

use super::{
    canvas::{ACCENT, CONTENT_TOP, Canvas, MARGIN_X, MUTED, PAGE_H, PAGE_W, Rgb, Style},
    i18n::{page_of, t},
};

pub use actions::prevention;
pub use annex::glossary;
pub use cover::cover;
pub use fees::buckets;
pub use summary::{components, priorities};

/// Everything after the contents page.
pub fn body(canvas: &mut Canvas<'_>, data: &ReportData) {
    summary::draw(canvas, data);
    context::scope(canvas, data);
    context::inherent(canvas, data);
    findings::draw(canvas, data);
    if let Some(fees) = &data.fee_audit {
        fees::draw(canvas, data, fees);
    }
    actions::recommendations(canvas, data);
    actions::plan(canvas, data);
    annex::draw(canvas, data);
}

/// Fills the reserved contents page (`page`) with the section headings and
/// their page numbers (also the evidence packs' contents page).
pub fn contents(canvas: &mut Canvas<'_>, locale: Locale, page: usize) {
    let saved = (canvas.pages.len(), canvas.y);
    // Draw onto the reserved page by swapping it to the end temporarily.
    let rest = canvas.pages.split_off(page + 1);
    canvas.y = CONTENT_TOP;
    let title = Style::BODY.sized(16.0).bold().colored(ACCENT);
    canvas.text_at(MARGIN_X, canvas.y + title.size, &t(locale, "contents"), title);
    canvas.y += 34.0;
    let headings = canvas.headings.clone();
    for heading in headings.iter().filter(|h| h.level == 1) {
        let style = Style::BODY.sized(11.0);
        let number = (heading.page + 1).to_string();
        let right = PAGE_W - MARGIN_X;
        let label = super::charts::fit(canvas, &heading.title, right - MARGIN_X - 60.0, style);
        canvas.text_at(MARGIN_X, canvas.y + style.size, &label, style);
        let end = MARGIN_X + canvas.width(&label, style) + 6.0;
        let start = right - canvas.width(&number, style) - 6.0;
        if start > end {
            canvas.line(
                (end, canvas.y + style.size),
                (start, canvas.y + style.size),
                0.3,
                MUTED,
            );
        }
        canvas.text_right(right, canvas.y + style.size, &number, style);
        canvas.y += 20.0;
    }
    canvas.pages.extend(rest);
    debug_assert_eq!(canvas.pages.len(), saved.0);
    canvas.y = saved.1;
}

/// The header (`title`) and footer (page n of N) on every page but the cover
/// (also the evidence packs').
pub fn running_header_footer(canvas: &mut Canvas<'_>, locale: Locale, title: &str) {
    let total = canvas.pages.len();
    let style = Style::SMALL.colored(MUTED);
    let title = super::charts::fit(canvas, title, PAGE_W - 2.0 * MARGIN_X, style);
    let mut pages = std::mem::take(&mut canvas.pages);
    for (index, items) in pages.iter_mut().enumerate().skip(1) {
        canvas.pages = vec![std::mem::take(items)];
        canvas.text_at(MARGIN_X, 40.0, &title, style);
        canvas.line((MARGIN_X, 46.0), (PAGE_W - MARGIN_X, 46.0), 0.4, MUTED);
        canvas.line(
            (MARGIN_X, PAGE_H - 48.0),
            (PAGE_W - MARGIN_X, PAGE_H - 48.0),
            0.4,
            MUTED,
        );
        canvas.text_right(
            PAGE_W - MARGIN_X,
            PAGE_H - 34.0,
            &page_of(locale, index + 1, total),
            style,
        );
        *items = canvas.pages.pop().unwrap_or_default();
    }
    canvas.pages = pages;
}

/// A decimal number in `locale` with `places` decimals.
pub(super) fn number(locale: Locale, value: f64, places: u32) -> String {
    domain::fee_audit::engine::format_number(Decimal::from_f64(value).unwrap_or_default(), places, locale)
}

/// The colour of a risk band.
pub(super) fn band_color(band: &str) -> Rgb {
    match band {
        "low" => (0.18, 0.55, 0.34),
        "medium" => (0.85, 0.62, 0.10),
        "high" => (0.88, 0.40, 0.10),
        _ => (0.75, 0.12, 0.14),
    }
}

/// The colour of a finding severity.
pub(super) fn severity_color(severity: &str) -> Rgb {
    match severity {
        "priority" => (0.75, 0.12, 0.14),
        "major" => (0.88, 0.40, 0.10),
        "minor" => (0.85, 0.62, 0.10),
        _ => (0.40, 0.50, 0.60),
    }
}

/// Severity order, most severe first.
pub(super) fn severity_rank(severity: &str) -> u8 {
    match severity {
        "priority" => 0,
        "major" => 1,
        "minor" => 2,
        _ => 3,
    }
}

/// A label–value pair on one line, the value in bold at `value_x`.
pub(super) fn field(canvas: &mut Canvas<'_>, label: &str, value: &str, value_x: f32) {
    let style = Style::BODY;
    let lines = super::text::wrap(canvas.fonts, value, PAGE_W - MARGIN_X - value_x, style.bold());
    canvas.ensure(style.leading() * lines.len() as f32);
    canvas.text_at(MARGIN_X, canvas.y + style.size, label, style.colored(MUTED));
    for line in lines {
        canvas.text_at(value_x, canvas.y + style.size, &line, style.bold());
        canvas.y += style.leading();
    }
    canvas.y += 2.0;
}
