//! The embedded fonts (DejaVu Sans, `worker/fonts/`) and text measurement from
//! their glyph advances, so wrapping and right-alignment match what is drawn.

use printpdf::{FontId, ParsedFont};

static REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// Resource names fixed here (printpdf would pick random ones), so the same
/// report renders the same bytes.
pub const REGULAR_ID: &str = "FRegular";
/// See [`REGULAR_ID`].
pub const BOLD_ID: &str = "FBold";

/// The two faces a report uses.
pub struct Fonts {
    /// DejaVu Sans.
    pub regular: ParsedFont,
    /// DejaVu Sans Bold.
    pub bold: ParsedFont,
}

impl Fonts {
    /// Parses the embedded faces.
    pub fn load() -> anyhow::Result<Self> {
        let parse = |bytes: &[u8], name: &str| {
            let mut warnings = Vec::new();
            ParsedFont::from_bytes(bytes, 0, &mut warnings)
                .ok_or_else(|| anyhow::anyhow!("the embedded font {name} does not parse: {warnings:?}"))
        };
        Ok(Self {
            regular: parse(REGULAR, "DejaVuSans")?,
            bold: parse(BOLD, "DejaVuSans-Bold")?,
        })
    }

    /// The face for `bold`.
    pub fn face(&self, bold: bool) -> &ParsedFont {
        if bold { &self.bold } else { &self.regular }
    }

    /// The printpdf id of the face for `bold`.
    pub fn id(bold: bool) -> FontId {
        FontId(if bold { BOLD_ID } else { REGULAR_ID }.to_string())
    }

    /// The width of `text` at `size` points, from the glyph advances. A character
    /// the font lacks counts as the `.notdef` glyph, as it would be drawn.
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = self.face(bold);
        let units: u32 = text
            .chars()
            .map(|c| {
                let gid = face.lookup_glyph_index(c as u32).unwrap_or(0);
                u32::from(face.get_glyph_width(gid).unwrap_or(0))
            })
            .sum();
        units as f32 * size / f32::from(face.units_per_em.max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fonts_cover_en_es_fr() -> anyhow::Result<()> {
        let fonts = Fonts::load()?;
        for c in "áéíóúñüçàèùâêîôûëïœÁÉÑÇ’«»€\u{a0}¿¡".chars() {
            assert!(
                fonts.regular.lookup_glyph_index(c as u32).is_some(),
                "regular lacks {c}"
            );
            assert!(
                fonts.bold.lookup_glyph_index(c as u32).is_some(),
                "bold lacks {c}"
            );
        }
        assert!(fonts.width("WWW", 10.0, false) > fonts.width("iii", 10.0, false));
        Ok(())
    }
}
