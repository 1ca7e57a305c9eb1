//! Advisory reports as PDF (ethical-recruitment.md §6): A4 pages laid out by our
//! own small engine ([`canvas`]), text shaped with the embedded Noto faces
//! ([`fonts`], [`text`]) and written by [`pdf`]: fonts subset to the glyphs drawn,
//! with ToUnicode maps, so the text can be searched and extracted.
//!
//! Rendering is a pure function of [`domain::reports::ReportData`]: the document's
//! dates are the report's `created_at` and every id in the file is fixed, so the
//! same data gives the same bytes.

pub mod canvas;
pub mod charts;
pub mod extract;
pub mod fonts;
pub mod i18n;
pub(crate) mod pdf;
mod sections;
mod subsets;
pub mod table;
pub mod text;

use domain::reports::ReportData;

pub use canvas::Item;
/// What the sections show, for other renderings of the same report (the
/// benchmark's HTML version).
pub use sections::{buckets, components, contents, glossary, prevention, priorities, running_header_footer};
pub use subsets::forget_kept as forget_kept_subsets;

/// A rendered report.
pub struct Rendered {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Everything placed, per page (header and footer included): what tests check
    /// against the page box.
    pub pages: Vec<Vec<Item>>,
}

/// Renders the report.
pub fn render(data: &ReportData) -> anyhow::Result<Rendered> {
    let fonts = fonts::Fonts::load()?;
    let mut canvas = canvas::Canvas::new(&fonts);
    sections::cover(&mut canvas, data);
    // The contents go on page 2; its entries are known only once the rest is laid
    // out, so the page is reserved now and filled in at the end.
    canvas.new_page();
    let contents_page = canvas.page();
    sections::body(&mut canvas, data);
    sections::contents(&mut canvas, data.locale, contents_page);
    let running = format!("{} · {}", i18n::t(data.locale, "title"), data.supplier.name);
    sections::running_header_footer(&mut canvas, data.locale, &running);
    let title = format!("{} — {}", i18n::t(data.locale, "title"), data.supplier.name);
    let meta = pdf::Meta {
        title: &title,
        created: data.report.created_at.with_timezone(&chrono::Utc),
        id: data.report.id,
    };
    let bytes = pdf::write(&fonts, &canvas.pages, &meta)?;
    Ok(Rendered {
        bytes,
        pages: canvas.pages,
    })
}
