//! The worker-voice poster: one A4 page per chosen language with the title, the
//! site's name, the QR code of the public link (drawn module by module as black
//! squares, so it prints sharp at any size), the link itself and the three steps.
//! The words come from `voice.ftl` through `domain::voice::i18n`, so a language
//! added there is printable too: text is shaped and set in the Noto face of its
//! script (`report::fonts`), right to left and right-aligned for Arabic and Urdu.

use anyhow::Context;
use domain::voice::{i18n::VoiceTr, posters::PosterData};
use qrcode::{Color, EcLevel, QrCode};

use crate::report::{
    canvas::{ACCENT, Canvas, INK, MARGIN_X, PAGE_H, PAGE_W, Style},
    fonts::Fonts,
    pdf,
};

/// The QR code's side on the page, points (about 9 cm).
pub const QR_SIDE: f32 = 255.0;
/// Modules of white margin the QR standard asks for around the code.
const QUIET: usize = 4;
/// The QR modules' colour (pure black).
pub const QR_INK: (f32, f32, f32) = (0.0, 0.0, 0.0);

/// The QR matrix of `link` (error correction M): rows of dark (`true`) modules.
pub fn qr_matrix(link: &str) -> anyhow::Result<Vec<Vec<bool>>> {
    let code = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::M)
        .context("the link does not fit in a QR code")?;
    let width = code.width();
    let colors = code.to_colors();
    Ok(colors
        .chunks(width)
        .map(|row| row.iter().map(|c| *c == Color::Dark).collect())
        .collect())
}

/// Renders the poster PDF.
pub fn render(data: &PosterData) -> anyhow::Result<Vec<u8>> {
    let fonts = Fonts::load()?;
    let matrix = qr_matrix(&data.poster.link)?;
    let mut canvas = Canvas::new(&fonts);
    for code in data.poster.locales.split(',').filter(|c| !c.is_empty()) {
        page(&mut canvas, VoiceTr::new(code), data, &matrix);
    }
    if canvas.pages.is_empty() {
        page(&mut canvas, VoiceTr::new("en"), data, &matrix);
    }
    let meta = pdf::Meta {
        title: "Fairhire worker voice",
        created: data.poster.created_at.with_timezone(&chrono::Utc),
        id: data.poster.id,
    };
    let bytes = pdf::write(&fonts, &canvas.pages, &meta)?;
    Ok(bytes)
}

/// `text` centred on the page at baseline `y`, its size reduced if it would not
/// fit between half-margins (a long title in a wordy language stays one line).
fn centered(canvas: &mut Canvas<'_>, y: f32, text: &str, style: Style) {
    let room = PAGE_W - MARGIN_X;
    let width = canvas.width(text, style);
    let style = if width > room {
        style.sized(style.size * room / width)
    } else {
        style
    };
    let x = ((PAGE_W - canvas.width(text, style)) / 2.0).max(MARGIN_X / 2.0);
    canvas.text_at(x, y, text, style);
}

fn page(canvas: &mut Canvas<'_>, w: VoiceTr, data: &PosterData, matrix: &[Vec<bool>]) {
    canvas.new_page();
    let white = (1.0, 1.0, 1.0);
    canvas.rect(0.0, 0.0, PAGE_W, 110.0, ACCENT);
    let title = Style::BODY.bold().sized(30.0).colored(white);
    centered(canvas, 60.0, &w.get("poster-title"), title);
    centered(
        canvas,
        92.0,
        &w.get("voice-title"),
        Style::BODY.sized(15.0).colored(white),
    );
    centered(
        canvas,
        140.0,
        &w.arg1("voice-site", "site", &data.supplier_name),
        Style::BODY.bold().sized(14.0).colored(INK),
    );
    // The QR code, with its quiet zone, centred.
    let modules = matrix.len() + 2 * QUIET;
    let module = QR_SIDE / modules as f32;
    let left = (PAGE_W - QR_SIDE) / 2.0;
    let top = 160.0;
    canvas.rect(left, top, QR_SIDE, QR_SIDE, white);
    for (r, row) in matrix.iter().enumerate() {
        for (c, dark) in row.iter().enumerate() {
            if *dark {
                canvas.rect(
                    left + (c + QUIET) as f32 * module,
                    top + (r + QUIET) as f32 * module,
                    module,
                    module,
                    QR_INK,
                );
            }
        }
    }
    centered(
        canvas,
        top + QR_SIDE + 26.0,
        &data.poster.link,
        Style::BODY.bold().sized(15.0).colored(ACCENT),
    );
    canvas.y = top + QR_SIDE + 50.0;
    let step = Style::BODY.sized(15.0);
    // Right-to-left languages put the step numbers on the right.
    let rtl = w.direction() == "rtl";
    let column = PAGE_W - 2.0 * MARGIN_X - 24.0;
    for (n, key) in ["poster-step1", "poster-step2", "poster-step3"]
        .iter()
        .enumerate()
    {
        let y = canvas.y + step.size;
        let number = format!("{}.", n + 1);
        if rtl {
            canvas.text_right(PAGE_W - MARGIN_X, y, &number, step.bold());
            canvas.paragraph_in(MARGIN_X, column, &w.get(key), step);
        } else {
            canvas.text_at(MARGIN_X, y, &number, step.bold());
            canvas.paragraph_in(MARGIN_X + 24.0, column, &w.get(key), step);
        }
        canvas.y += 4.0;
    }
    canvas.y += 8.0;
    canvas.paragraph_in(
        MARGIN_X,
        PAGE_W - 2.0 * MARGIN_X,
        &w.get("poster-anonymous"),
        Style::BODY.bold().sized(13.0),
    );
    centered(
        canvas,
        PAGE_H - 30.0,
        &format!("{} · Fairhire", w.language_name()),
        Style::SMALL.colored((0.42, 0.44, 0.48)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matrix_is_square_with_finder_patterns() -> anyhow::Result<()> {
        let m = qr_matrix("http://portal.test/v/abcdefghijklmnop")?;
        assert!(m.iter().all(|row| row.len() == m.len()));
        assert!(m[0][0] && m[0][6] && m[6][0] && !m[1][1]);
        Ok(())
    }

    /// Every word this file asks the voice catalog for (by literal key, and the
    /// numbered steps) is in every `voice.ftl`.
    #[test]
    fn every_word_the_poster_uses_is_in_every_voice_file() {
        let source = include_str!("poster.rs");
        let mut used: Vec<&str> = ["w.get(\"", "w.arg1(\""]
            .iter()
            .flat_map(|marker| source.split(marker).skip(1))
            .filter_map(|piece| piece.split('"').next())
            .collect();
        used.extend(["poster-step1", "poster-step2", "poster-step3", "language-name"]);
        assert!(used.len() > 6, "the scan found the keys: {used:?}");
        let problems = domain::voice::i18n::catalog().audit(&used);
        assert!(problems.is_empty(), "{problems:?}");
    }
}
