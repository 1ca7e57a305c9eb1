//! Evidence packs as PDF, through the report engine ([`crate::report`]: A4,
//! Noto faces, extractable text, tables, the contents page and the running
//! header and footer): a cover, the contents with each section's page, then
//! every section of [`domain::evidence_packs::PackContents`] in order, the
//! supply map drawn as a chart ([`map`]). The ZIP is [`archive`].

pub mod archive;
mod i18n;
mod map;
mod sections;

use domain::{evidence_packs::PackContents, values::Locale};

use crate::report::{
    canvas::{ACCENT, Canvas, MUTED, Style},
    contents,
    fonts::Fonts,
    running_header_footer,
};

use i18n::t;

/// The pack's locale (English for anything unknown).
fn locale_of(pack: &PackContents) -> Locale {
    Locale::parse(&pack.locale).unwrap_or(Locale::En)
}

/// The PDF of `pack`.
pub fn pdf(pack: &PackContents) -> anyhow::Result<Vec<u8>> {
    let fonts = Fonts::load()?;
    let mut canvas = Canvas::new(&fonts);
    let l = locale_of(pack);
    let title = t(l, &format!("regime-{}", pack.regime));
    cover(&mut canvas, pack, l, &title);
    // The contents go on page 2; its entries are known once the rest is laid out.
    canvas.new_page();
    let contents_page = canvas.page();
    sections::body(&mut canvas, pack, l);
    contents(&mut canvas, l, contents_page);
    let running = format!("{title} · {}", pack.summary.supplier);
    running_header_footer(&mut canvas, l, &running);
    let meta = crate::report::pdf::Meta {
        title: &running,
        created: pack.generated_at,
        id: pack.pack_id,
    };
    crate::report::pdf::write(&fonts, &canvas.pages, &meta)
}

fn cover(canvas: &mut Canvas<'_>, pack: &PackContents, l: Locale, title: &str) {
    canvas.new_page();
    canvas.space(120.0);
    canvas.paragraph(title, Style::BODY.sized(24.0).bold().colored(ACCENT));
    canvas.space(18.0);
    let date = crate::report::i18n::date(l, pack.generated_at.date_naive());
    for (key, value) in [
        ("cover-supplier", pack.summary.supplier.as_str()),
        ("cover-for", pack.company.as_str()),
        ("cover-authority", pack.authority.as_str()),
        ("cover-date", date.as_str()),
    ] {
        canvas.paragraph(&format!("{}: {value}", t(l, key)), Style::BODY.sized(12.0));
    }
    canvas.paragraph(
        &format!("{}: {}", t(l, "cover-pack"), pack.pack_id),
        Style::SMALL.colored(MUTED),
    );
    canvas.space(24.0);
    canvas.paragraph(&t(l, "cover-note"), Style::SMALL.colored(MUTED));
}
