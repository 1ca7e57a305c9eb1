//! Reads the text of a PDF back, page by page, as a reader that honours
//! `/ActualText` does (Acrobat, poppler): glyphs inside an `/ActualText` span are
//! replaced by its text, others are decoded through their font's ToUnicode map
//! (lopdf). The tests and the benchmark use it to check that what we print is
//! what a reader copies and searches.

use lopdf::{Document, Encoding, Object, content::Content};

/// The text of each page: one line per text object (`BT … ET`).
pub fn page_texts(bytes: &[u8]) -> anyhow::Result<Vec<String>> {
    let doc = Document::load_mem(bytes)?;
    let mut pages = Vec::new();
    for (_, page_id) in doc.get_pages() {
        let fonts = doc.get_page_fonts(page_id)?;
        let encodings: Vec<(Vec<u8>, Encoding<'_>)> = fonts
            .into_iter()
            .map(|(name, font)| Ok((name, font.get_font_encoding(&doc)?)))
            .collect::<anyhow::Result<_>>()?;
        let content = Content::decode(&doc.get_page_content(page_id))?;
        let mut text = String::new();
        let mut current: Option<&Encoding<'_>> = None;
        // Marked-content depth, and the depth at which an ActualText span began.
        let mut depth = 0usize;
        let mut actual_at: Option<usize> = None;
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => {
                    let name = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .unwrap_or_default();
                    current = encodings.iter().find(|(n, _)| n == name).map(|(_, e)| e);
                }
                "BMC" => depth += 1,
                "BDC" => {
                    depth += 1;
                    let actual = op
                        .operands
                        .get(1)
                        .and_then(|o| o.as_dict().ok())
                        .and_then(|d| d.get(b"ActualText").ok())
                        .and_then(|o| o.as_str().ok());
                    if let (Some(actual), None) = (actual, actual_at) {
                        text.push_str(&utf16_text(actual));
                        actual_at = Some(depth);
                    }
                }
                "EMC" => {
                    if actual_at == Some(depth) {
                        actual_at = None;
                    }
                    depth = depth.saturating_sub(1);
                }
                "Tj" | "TJ" if actual_at.is_none() => {
                    let Some(encoding) = current else {
                        anyhow::bail!("text shown before a font is set");
                    };
                    for operand in &op.operands {
                        let strings: Vec<&Object> = match operand {
                            Object::Array(items) => items.iter().collect(),
                            other => vec![other],
                        };
                        for s in strings {
                            if let Object::String(bytes, _) = s {
                                text.push_str(&Document::decode_text(encoding, bytes)?);
                            }
                        }
                    }
                }
                "ET" => text.push('\n'),
                _ => {}
            }
        }
        pages.push(text);
    }
    Ok(pages)
}

/// A PDF text string: UTF-16BE after a byte-order mark, else bytes as Latin-1.
fn utf16_text(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(rest) => {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// A font embedded in a PDF, as the tests check it.
#[derive(Debug)]
pub struct EmbeddedFont {
    /// `/BaseFont` of the Type0 font (`ABCDEF+Name` when subset).
    pub base_font: String,
    /// Bytes of its `/FontFile2` program, decompressed (`None`: not embedded).
    pub program: Option<usize>,
}

/// Every font object in the PDF (Type0 fonts, through their descendant).
pub fn embedded_fonts(bytes: &[u8]) -> anyhow::Result<Vec<EmbeddedFont>> {
    let doc = Document::load_mem(bytes)?;
    let mut out = Vec::new();
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(Object::as_name).ok() != Some(b"Font".as_slice()) {
            continue;
        }
        let subtype = dict.get(b"Subtype").and_then(Object::as_name)?;
        if subtype != b"Type0" {
            anyhow::ensure!(
                subtype.starts_with(b"CIDFontType"),
                "a font of subtype {}",
                String::from_utf8_lossy(subtype)
            );
            continue;
        }
        let base_font =
            String::from_utf8_lossy(dict.get(b"BaseFont").and_then(Object::as_name)?).into_owned();
        let descendant = dict.get(b"DescendantFonts").and_then(Object::as_array)?;
        let descendant = doc
            .dereference(
                descendant
                    .first()
                    .ok_or_else(|| anyhow::anyhow!("no descendant"))?,
            )?
            .1;
        let descriptor = doc.dereference(descendant.as_dict()?.get(b"FontDescriptor")?)?.1;
        let program = match descriptor.as_dict()?.get(b"FontFile2") {
            Ok(file) => Some(
                doc.dereference(file)?
                    .1
                    .as_stream()?
                    .decompressed_content()?
                    .len(),
            ),
            Err(_) => None,
        };
        out.push(EmbeddedFont { base_font, program });
    }
    Ok(out)
}
