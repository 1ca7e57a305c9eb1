//! Turns laid-out pages into a PDF file: printpdf ops, the two embedded faces
//! under fixed resource names, fixed dates and a document id derived from the
//! report id (printpdf's own ids are random).

use domain::reports::ReportData;
use printpdf::{
    Color, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point,
    Polygon, PolygonRing, Pt, Rgb as PdfRgb, TextItem, WindingOrder,
};

use super::{
    canvas::{Item, PAGE_H, PAGE_W, Rgb},
    fonts::Fonts,
};

/// The PDF bytes of `pages`.
pub fn write(fonts: &Fonts, pages: &[Vec<Item>], data: &ReportData) -> anyhow::Result<Vec<u8>> {
    let title = format!(
        "{} — {}",
        &super::i18n::t(data.locale, "title"),
        data.supplier.name
    );
    let mut doc = PdfDocument::new(&title);
    let created = printpdf::OffsetDateTime::from_unix_timestamp(data.report.created_at.timestamp())
        .map_err(|e| anyhow::anyhow!("report date: {e}"))?;
    let info = &mut doc.metadata.info;
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;
    info.creator = "Fairhire".into();
    info.producer = "Fairhire".into();
    info.identifier = data.report.id.to_string();
    for bold in [false, true] {
        let font = printpdf::PdfFont::new(fonts.face(bold).clone());
        doc.resources.fonts.map.insert(Fonts::id(bold), font);
    }
    let pdf_pages = pages
        .iter()
        .map(|items| PdfPage::new(Mm::from(Pt(PAGE_W)), Mm::from(Pt(PAGE_H)), ops(items)))
        .collect();
    doc.with_pages(pdf_pages);
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    // printpdf writes a random trailer /ID; ours follows from the report.
    let id = data.report.id.simple().to_string().into_bytes();
    lo.trailer.set(
        "ID",
        lopdf::Object::Array(vec![
            lopdf::Object::String(id.clone(), lopdf::StringFormat::Hexadecimal),
            lopdf::Object::String(id, lopdf::StringFormat::Hexadecimal),
        ]),
    );
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)?;
    Ok(bytes)
}

fn color(c: Rgb) -> Color {
    Color::Rgb(PdfRgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(x),
            y: Pt(PAGE_H - y),
        },
        bezier: false,
    }
}

pub(crate) fn ops(items: &[Item]) -> Vec<Op> {
    let mut out = Vec::with_capacity(items.len() * 5);
    for item in items {
        match item {
            Item::Text {
                x, y, text, style, ..
            } => {
                out.push(Op::StartTextSection);
                out.push(Op::SetFillColor {
                    col: color(style.color),
                });
                out.push(Op::SetFont {
                    font: PdfFontHandle::External(Fonts::id(style.bold)),
                    size: Pt(style.size),
                });
                out.push(Op::SetTextCursor {
                    pos: Point {
                        x: Pt(*x),
                        y: Pt(PAGE_H - y),
                    },
                });
                out.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
                out.push(Op::EndTextSection);
            }
            Item::Rect { x, y, w, h, color: c } => {
                out.push(Op::SetFillColor { col: color(*c) });
                let ring = PolygonRing {
                    points: vec![
                        point(*x, *y),
                        point(x + w, *y),
                        point(x + w, y + h),
                        point(*x, y + h),
                    ],
                };
                out.push(Op::DrawPolygon {
                    polygon: Polygon {
                        rings: vec![ring],
                        mode: PaintMode::Fill,
                        winding_order: WindingOrder::NonZero,
                    },
                });
            }
            Item::Line {
                from,
                to,
                width,
                color: c,
            } => {
                out.push(Op::SetOutlineColor { col: color(*c) });
                out.push(Op::SetOutlineThickness { pt: Pt(*width) });
                out.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(from.0, from.1), point(to.0, to.1)],
                        is_closed: false,
                    },
                });
            }
        }
    }
    out
}
