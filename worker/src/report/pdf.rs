//! Turns laid-out pages into a PDF file, object by object (lopdf), for reports
//! and posters alike.
//!
//! Text is written by glyph id: every face used is a Type0 font (Identity-H) over
//! a CIDFontType2 whose TrueType program is **subset** to the glyphs drawn
//! (`subsetter`) and tagged `ABCDEF+Name` as the PDF spec asks. A CID is given to
//! each distinct (glyph, text) pair, and a `CIDToGIDMap` maps it to the subset's
//! glyph, so the `ToUnicode` map can give each glyph the exact text it stands for
//! in its place (the same Devanagari glyph can end different clusters). Glyphs
//! are written in reading order and placed with `TJ` offsets, so text extracts in
//! reading order even where it is drawn right to left. A cluster with more glyphs
//! than characters (a split vowel) is wrapped in an `/ActualText` span.
//!
//! Why not printpdf 0.12 (the crate the worker started with): it writes one
//! ToUnicode text per glyph id, while shaped Indic, Myanmar and Khmer text needs a
//! text per (glyph, place) and `/ActualText` spans to extract as written; and its
//! own shaping comes only with its HTML layout engine, which pulls in a font
//! system. lopdf (already used to read PDFs back) writes the objects instead.
//!
//! Output is a pure function of the pages and [`Meta`] (no clock, no random id,
//! no hash order), so the same report gives the same bytes.

use std::{
    collections::{BTreeMap, HashMap},
    io::Write as _,
};

use anyhow::Context as _;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat, dictionary};

use super::{
    canvas::{Item, PAGE_H, PAGE_W, Rgb, Style},
    fonts::{FaceId, Fonts},
    subsets,
    text::{Line, Source, layout_line},
};

/// What the document says about itself.
pub struct Meta<'a> {
    /// `/Title`.
    pub title: &'a str,
    /// Creation and modification date.
    pub created: chrono::DateTime<chrono::Utc>,
    /// The trailer `/ID` (the report's or poster's id).
    pub id: uuid::Uuid,
}

/// The glyphs of one face used in the document: CID `n` (from 1) is `entries[n - 1]`.
#[derive(Default)]
struct FaceUse {
    /// Glyph → the CIDs it has, by text (nearly always one): looked up for every
    /// glyph drawn without building a key.
    cids: HashMap<u16, Vec<(Source, u16)>>,
    entries: Vec<(u16, Source)>,
    widths: Vec<i64>,
}

/// Every face used, in id order (deterministic output).
#[derive(Default)]
struct Used(BTreeMap<FaceId, FaceUse>);

impl Used {
    /// The CID for glyph `gid` standing for `source`, and its width (1/1000 em).
    fn cid(&mut self, fonts: &Fonts, face: FaceId, gid: u16, source: &Source) -> (u16, i64) {
        let usage = self.0.entry(face).or_default();
        if let Some(&(_, cid)) = usage
            .cids
            .get(&gid)
            .and_then(|known| known.iter().find(|(s, _)| s == source))
        {
            return (cid, usage.widths[usize::from(cid) - 1]);
        }
        let advance = fonts
            .face(face)
            .ok()
            .and_then(|f| f.glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid)))
            .unwrap_or(0);
        let width = (f32::from(advance) * 1000.0 / fonts.units_per_em(face)).round() as i64;
        let cid = u16::try_from(usage.entries.len() + 1).unwrap_or(u16::MAX);
        usage.cids.entry(gid).or_default().push((source.clone(), cid));
        usage.entries.push((gid, source.clone()));
        usage.widths.push(width);
        (cid, width)
    }
}

/// The PDF bytes of `pages`.
pub fn write(fonts: &Fonts, pages: &[Vec<Item>], meta: &Meta<'_>) -> anyhow::Result<Vec<u8>> {
    let mut used = Used::default();
    let contents: Vec<Vec<u8>> = pages
        .iter()
        .map(|items| page_content(fonts, items, &mut used))
        .collect();
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let mut font_dict = Dictionary::new();
    for (face, usage) in &used.0 {
        let id = embed(&mut doc, fonts, *face, usage)?;
        font_dict.set(format!("F{}", face.0), Object::Reference(id));
    }
    let resources = doc.add_object(dictionary! { "Font" => font_dict });
    let mut kids = Vec::with_capacity(contents.len());
    for content in contents {
        let stream = Stream::new(dictionary! { "Filter" => "FlateDecode" }, deflate(&content)?);
        let content_id = doc.add_object(stream);
        let page = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.0.into(), 0.0.into(), PAGE_W.into(), PAGE_H.into()],
            "Resources" => resources,
            "Contents" => content_id,
        };
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    let date = Object::string_literal(meta.created.format("D:%Y%m%d%H%M%SZ").to_string());
    let info = doc.add_object(dictionary! {
        "Title" => text_string(meta.title),
        "Creator" => Object::string_literal("Fairhire"),
        "Producer" => Object::string_literal("Fairhire"),
        "CreationDate" => date.clone(),
        "ModDate" => date,
    });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    let id = meta.id.simple().to_string().into_bytes();
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)?;
    Ok(bytes)
}

/// A PDF text string (UTF-16BE with its byte-order mark).
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn deflate(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

/// `value` in thousandths, rounded half away from zero: what [`push_num`]
/// writes, and what decides whether two numbers print the same.
fn thousandths(value: f32) -> i64 {
    // Coordinates are far inside i64.
    (f64::from(value) * 1000.0).round() as i64
}

/// Appends a number as PDF writes it: up to three decimals, no trailing zeros.
///
/// Written by hand rather than through `format!("{:.3}")`, and straight into the
/// stream: a report writes tens of thousands of coordinates, and the float
/// formatter was a third of the render.
fn push_num(out: &mut String, value: f32) {
    push_thousandths(out, thousandths(value));
}

/// Appends `thousandths / 1000` without trailing zeros.
fn push_thousandths(out: &mut String, thousandths: i64) {
    if thousandths < 0 {
        out.push('-');
    }
    let magnitude = thousandths.unsigned_abs();
    push_decimal(out, magnitude / 1000);
    let mut fraction = magnitude % 1000;
    if fraction != 0 {
        out.push('.');
        let mut digits = 3;
        while fraction.is_multiple_of(10) {
            fraction /= 10;
            digits -= 1;
        }
        // `fraction` has `digits` digits once its leading zeros are written.
        let mut scale = 10u64.pow(digits - 1);
        while scale > 1 && fraction < scale {
            out.push('0');
            scale /= 10;
        }
        push_decimal(out, fraction);
    }
}

/// Appends `n` in decimal.
fn push_decimal(out: &mut String, n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut rest = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(char::from(d));
    }
}

/// Appends `value` as four upper-case hex digits (a CID or a UTF-16 unit).
fn push_hex4(out: &mut String, value: u16) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for shift in [12u16, 8, 4, 0] {
        out.push(char::from(HEX[usize::from((value >> shift) & 0xF)]));
    }
}

/// Appends `text` as UTF-16 hex digits (no byte-order mark).
fn push_utf16_hex(out: &mut String, text: &str) {
    for unit in text.encode_utf16() {
        push_hex4(out, unit);
    }
}

/// Appends numbers, each followed by a space, then `operator` (with whatever
/// separator follows it).
fn push_op(out: &mut String, numbers: &[f32], operator: &str) {
    for &n in numbers {
        push_num(out, n);
        out.push(' ');
    }
    out.push_str(operator);
}

/// A colour as its three components in thousandths (what the stream shows).
fn rgb_key(c: Rgb) -> [i64; 3] {
    [thousandths(c.0), thousandths(c.1), thousandths(c.2)]
}

fn page_content(fonts: &Fonts, items: &[Item], used: &mut Used) -> Vec<u8> {
    let mut out = String::with_capacity(items.len() * 64);
    // Font and size persist across text objects (graphics state): set only on change.
    let mut font: Option<(FaceId, i64)> = None;
    let mut fill: Option<[i64; 3]> = None;
    let mut set_fill = |out: &mut String, c: Rgb| {
        let wanted = rgb_key(c);
        if fill != Some(wanted) {
            push_op(out, &[c.0, c.1, c.2], "rg\n");
            fill = Some(wanted);
        }
    };
    for item in items {
        match item {
            Item::Rect { x, y, w, h, color } => {
                set_fill(&mut out, *color);
                let (x0, x1) = (*x, x + w);
                let (y0, y1) = (PAGE_H - y, PAGE_H - y - h);
                push_op(&mut out, &[x0, y0], "m ");
                push_op(&mut out, &[x1, y0], "l ");
                push_op(&mut out, &[x1, y1], "l ");
                push_op(&mut out, &[x0, y1], "l h f\n");
            }
            Item::Line {
                from,
                to,
                width,
                color,
            } => {
                push_op(&mut out, &[color.0, color.1, color.2], "RG ");
                push_op(&mut out, &[*width], "w ");
                push_op(&mut out, &[from.0, PAGE_H - from.1], "m ");
                push_op(&mut out, &[to.0, PAGE_H - to.1], "l S\n");
            }
            Item::Text {
                x, y, text, style, ..
            } => {
                let line = layout_line(fonts, text, style.size, style.bold);
                if line.glyphs.is_empty() {
                    continue;
                }
                out.push_str("BT\n");
                set_fill(&mut out, style.color);
                text_ops(&mut out, fonts, used, &line, (*x, PAGE_H - y), *style, &mut font);
                out.push_str("ET\n");
            }
        }
    }
    out.into_bytes()
}

/// A `TJ` array written straight into the stream: its items are separated by
/// single spaces, and consecutive CIDs share one hex string.
#[derive(Default)]
struct TjArray {
    /// `[` written, `] TJ` not yet.
    open: bool,
    /// `<` written, `>` not yet.
    hex_open: bool,
}

impl TjArray {
    /// Starts an item: opens the array, or separates the item from the last.
    fn item(&mut self, out: &mut String) {
        if self.open {
            out.push(' ');
        } else {
            out.push('[');
            self.open = true;
        }
    }

    /// Appends a position adjustment (thousandths of an em).
    fn adjust(&mut self, out: &mut String, value: f32) {
        self.close_hex(out);
        self.item(out);
        push_num(out, value);
    }

    /// Appends a CID to the open hex string, or a new one.
    fn cid(&mut self, out: &mut String, cid: u16) {
        if !self.hex_open {
            self.item(out);
            out.push('<');
            self.hex_open = true;
        }
        push_hex4(out, cid);
    }

    fn close_hex(&mut self, out: &mut String) {
        if self.hex_open {
            out.push('>');
            self.hex_open = false;
        }
    }

    /// Ends the array, if one is open, with its operator.
    fn flush(&mut self, out: &mut String) {
        self.close_hex(out);
        if self.open {
            out.push_str("] TJ\n");
            self.open = false;
        }
    }
}

/// The operators that draw `line` with its start at (`x`, `y`): one `Tm`, then
/// `TJ` arrays of CIDs with offsets wherever the shaped position differs from
/// where the PDF's own advance would put a glyph.
fn text_ops(
    out: &mut String,
    fonts: &Fonts,
    used: &mut Used,
    line: &Line,
    (x, y): (f32, f32),
    style: Style,
    font: &mut Option<(FaceId, i64)>,
) {
    let size = style.size;
    let size_key = thousandths(size);
    out.push_str("1 0 0 1 ");
    push_op(out, &[x, y], "Tm\n");
    let mut tj = TjArray::default();
    let mut rise = 0.0f32;
    let mut actual: Option<usize> = None;
    // Where the PDF's text position is, points from `x`.
    let mut pos = 0.0f32;
    for g in &line.glyphs {
        let wants = if line.actual_text.is_empty() {
            None
        } else {
            line.actual_text
                .iter()
                .find(|(c, _)| *c == g.cluster)
                .map(|(c, t)| (*c, t))
        };
        if actual.is_some() && actual != wants.map(|w| w.0) {
            tj.flush(out);
            out.push_str("EMC\n");
            actual = None;
        }
        if font.is_none_or(|(f, s)| f != g.face || s != size_key) {
            tj.flush(out);
            out.push_str("/F");
            push_decimal(out, g.face.0 as u64);
            out.push(' ');
            push_op(out, &[size], "Tf\n");
            *font = Some((g.face, size_key));
        }
        if (g.rise - rise).abs() > 0.001 {
            tj.flush(out);
            push_op(out, &[g.rise], "Ts\n");
            rise = g.rise;
        }
        if let Some((cluster, text)) = wants
            && actual.is_none()
        {
            tj.flush(out);
            out.push_str("/Span <</ActualText <FEFF");
            push_utf16_hex(out, text);
            out.push_str(">>> BDC\n");
            actual = Some(cluster);
        }
        let (cid, width) = used.cid(fonts, g.face, g.gid, &g.source);
        let dx = g.x - pos;
        if dx.abs() > 0.001 {
            let adjust = (-dx * 1000.0 / size * 100.0).round() / 100.0;
            if adjust != 0.0 {
                tj.adjust(out, adjust);
                pos -= adjust * size / 1000.0;
            }
        }
        tj.cid(out, cid);
        pos += width as f32 * size / 1000.0;
    }
    tj.flush(out);
    if actual.is_some() {
        out.push_str("EMC\n");
    }
    if rise != 0.0 {
        out.push_str("0 Ts\n");
    }
}

/// Six capital letters naming this subset (the spec's `ABCDEF+` tag), from a
/// hash of the face and its glyphs: the same subset gets the same tag.
fn subset_tag(name: &str, glyphs: &[(u16, Source)]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    name.bytes().for_each(&mut eat);
    for (gid, _) in glyphs {
        gid.to_be_bytes().into_iter().for_each(&mut eat);
    }
    (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (hash % 26) as u8);
            hash /= 26;
            letter
        })
        .collect()
}

/// Embeds `face` subset to the glyphs in `usage`; returns the Type0 font's id.
fn embed(doc: &mut Document, fonts: &Fonts, face: FaceId, usage: &FaceUse) -> anyhow::Result<ObjectId> {
    let file = face.file();
    let parsed = fonts.face(face)?;
    let streams = subsets::subset(face, &usage.entries, || make_subset(face, &usage.entries))?;
    let base = format!("{}+{}", subset_tag(file.name, &usage.entries), file.name);
    let scale = 1000.0 / fonts.units_per_em(face);
    let scaled = |v: i16| Object::Integer((f32::from(v) * scale).round() as i64);

    let cid_to_gid = doc.add_object(Stream::new(
        dictionary! { "Filter" => "FlateDecode" },
        streams.cid_to_gid.clone(),
    ));
    let font_file = doc.add_object(Stream::new(
        dictionary! { "Filter" => "FlateDecode", "Length1" => streams.program_len as i64 },
        streams.program.clone(),
    ));
    let bbox = parsed.global_bounding_box();
    let ascent = parsed.ascender();
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => Object::Name(base.clone().into_bytes()),
        "Flags" => 4,
        "FontBBox" => vec![scaled(bbox.x_min), scaled(bbox.y_min), scaled(bbox.x_max), scaled(bbox.y_max)],
        "ItalicAngle" => 0,
        "Ascent" => scaled(ascent),
        "Descent" => scaled(parsed.descender()),
        "CapHeight" => scaled(parsed.capital_height().unwrap_or(ascent)),
        "StemV" => if face.0 % 2 == 1 { 140 } else { 80 },
        "FontFile2" => font_file,
    });
    let widths: Vec<Object> = usage.widths.iter().map(|w| Object::Integer(*w)).collect();
    let cid_font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => Object::Name(base.clone().into_bytes()),
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "FontDescriptor" => descriptor,
        "DW" => 1000,
        "W" => vec![Object::Integer(1), Object::Array(widths)],
        "CIDToGIDMap" => cid_to_gid,
    });
    let to_unicode = doc.add_object(Stream::new(
        dictionary! { "Filter" => "FlateDecode" },
        streams.to_unicode.clone(),
    ));
    Ok(doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => Object::Name(base.into_bytes()),
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(cid_font)],
        "ToUnicode" => to_unicode,
    }))
}

/// `face` subset to the glyphs of `entries` (CID `n` is `entries[n - 1]`): the
/// program, the CID-to-glyph map and the ToUnicode map, deflated.
fn make_subset(face: FaceId, entries: &[(u16, Source)]) -> anyhow::Result<subsets::Subset> {
    let file = face.file();
    let mut remapper = subsetter::GlyphRemapper::new();
    for (gid, _) in entries {
        remapper.remap(*gid);
    }
    let program = subsetter::subset(file.bytes, 0, &remapper)
        .map_err(|e| anyhow::anyhow!("subsetting {}: {e:?}", file.name))?;
    let mut cid_to_gid = Vec::with_capacity((entries.len() + 1) * 2);
    cid_to_gid.extend([0, 0]);
    for (gid, _) in entries {
        let new = remapper.get(*gid).context("a glyph missing from its subset")?;
        cid_to_gid.extend(new.to_be_bytes());
    }
    Ok(subsets::Subset {
        program_len: program.len(),
        program: deflate(&program)?,
        cid_to_gid: deflate(&cid_to_gid)?,
        to_unicode: deflate(to_unicode_cmap(entries).as_bytes())?,
    })
}

/// The ToUnicode CMap: CID `n` → the text of `entries[n - 1]` (none for a glyph
/// that carries no text of its own).
fn to_unicode_cmap(entries: &[(u16, Source)]) -> String {
    let mapped: Vec<(usize, &str)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, (_, source))| match source {
            Source::Text(t) if !t.is_empty() => Some((i + 1, t.as_str())),
            _ => None,
        })
        .collect();
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for chunk in mapped.chunks(100) {
        push_decimal(&mut out, chunk.len() as u64);
        out.push_str(" beginbfchar\n");
        for (cid, text) in chunk {
            out.push('<');
            push_hex4(&mut out, u16::try_from(*cid).unwrap_or(u16::MAX));
            out.push_str("> <");
            push_utf16_hex(&mut out, text);
            out.push_str(">\n");
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(value: f32) -> String {
        let mut out = String::new();
        push_num(&mut out, value);
        out
    }
    use crate::report::{
        canvas::{Canvas, MARGIN_X},
        extract,
        fonts::FACES,
    };

    /// The hand-written number writer gives the value to the nearest thousandth
    /// (as `{:.3}` did, but for exact ties, which it rounds away from zero), with
    /// no trailing zeros, no lone point and no `-0`.
    #[test]
    fn numbers_are_written_to_the_nearest_thousandth_without_trailing_zeros() -> anyhow::Result<()> {
        let mut values: Vec<f32> = (-20_000..20_000).map(|step| step as f32 * 0.0731).collect();
        values.extend([
            0.0, -0.0, 0.5, 1.0, 0.001, 0.0004, -0.0004, 595.276, 841.89, -12.25, 1e6,
        ]);
        for value in values {
            let written = num(value);
            let parsed: f64 = written.parse()?;
            assert!(
                (parsed - f64::from(value)).abs() <= 0.000_500_1,
                "{value} -> {written}"
            );
            assert!(written != "-0" && !written.ends_with('.'), "{value} -> {written}");
            if let Some((_, fraction)) = written.split_once('.') {
                assert!(
                    fraction.len() <= 3 && !fraction.ends_with('0'),
                    "{value} -> {written}"
                );
            }
        }
        assert_eq!(num(595.276), "595.276");
        assert_eq!(num(-12.25), "-12.25");
        assert_eq!(num(-0.0004), "0");
        assert_eq!(num(100.0), "100");
        let mut hex = String::new();
        push_hex4(&mut hex, 0x0A1F);
        push_hex4(&mut hex, 0xFFFF);
        assert_eq!(hex, "0A1FFFFF");
        Ok(())
    }

    /// Fixed Devanagari, Bengali, Arabic (with a number) and Khmer strings go
    /// through shaping, the PDF and back out as the same text; every font is
    /// embedded and subset.
    #[test]
    fn shaped_text_extracts_as_written_and_every_font_is_subset() -> anyhow::Result<()> {
        let fonts = Fonts::load()?;
        let strings = [
            "कर्मचारीको समस्या",
            "শ্রমিকের কোম্পানি",
            "مشكلة في العمل رقم 2026",
            "ការងារ កើតឡើង",
            "Worker voice",
        ];
        let mut canvas = Canvas::new(&fonts);
        for (i, s) in strings.iter().enumerate() {
            canvas.text_at(MARGIN_X, 100.0 + 30.0 * i as f32, s, Style::BODY);
        }
        let meta = Meta {
            title: "test",
            created: chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default(),
            id: uuid::Uuid::nil(),
        };
        let bytes = write(&fonts, &canvas.pages, &meta)?;
        let pages = extract::page_texts(&bytes)?;
        let lines: Vec<&str> = pages[0].lines().collect();
        assert_eq!(lines, strings);
        let embedded = extract::embedded_fonts(&bytes)?;
        assert_eq!(embedded.len(), 5, "{embedded:?}");
        for font in &embedded {
            let (tag, name) = font.base_font.split_once('+').unwrap_or_default();
            assert!(
                tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
                "{font:?}"
            );
            let source = FACES.iter().find(|f| f.name == name).map(|f| f.bytes.len());
            let program = font.program.unwrap_or(usize::MAX);
            assert!(program < source.unwrap_or(0) / 4, "{font:?} is not subset");
        }
        Ok(())
    }
}
