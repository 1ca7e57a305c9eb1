//! The statement as a DOCX: the three parts a WordprocessingML package needs
//! (ECMA-376 Part 1 and 2: content types, the package relationship, the main
//! document), with direct formatting instead of a styles part. Text is XML-escaped;
//! characters XML 1.0 forbids are dropped.

use domain::statements::word;

use super::{Document, zip::ZipWriter};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// `text` escaped for XML character data and attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// One paragraph of one run; `size` in half-points.
fn paragraph(text: &str, bold: bool, size: u32) -> String {
    let bold = if bold { "<w:b/>" } else { "" };
    format!(
        r#"<w:p><w:r><w:rPr>{bold}<w:sz w:val="{size}"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        escape(text)
    )
}

fn cell(text: &str, bold: bool) -> String {
    format!("<w:tc>{}</w:tc>", paragraph(text, bold, 18))
}

/// The DOCX bytes.
pub fn render(document: &Document<'_>) -> anyhow::Result<Vec<u8>> {
    let l = document.locale();
    let mut body = String::new();
    body.push_str(&paragraph(document.title, true, 32));
    for line in document.header_lines() {
        body.push_str(&paragraph(&line, false, 22));
    }
    body.push_str(&paragraph(&word(l, "word-draft-note"), false, 18));
    for section in &document.view.sections {
        body.push_str(&paragraph(&section.title, true, 26));
        body.push_str(&paragraph(
            &format!("{}: {}", word(l, "word-basis"), section.basis),
            false,
            18,
        ));
        for text in section.text.split('\n').filter(|p| !p.trim().is_empty()) {
            body.push_str(&paragraph(text.trim(), false, 22));
        }
        if !section.figures.is_empty() {
            body.push_str(r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>"#);
            body.push_str("<w:tr>");
            for key in ["col-figure", "col-value", "col-source"] {
                body.push_str(&cell(&word(l, key), true));
            }
            body.push_str("</w:tr>");
            for figure in &section.figures {
                body.push_str("<w:tr>");
                for text in [&figure.label, &figure.value, &figure.source] {
                    body.push_str(&cell(text, false));
                }
                body.push_str("</w:tr>");
            }
            // A table must be followed by a paragraph before the section end.
            body.push_str("</w:tbl><w:p/>");
        }
    }
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    let mut zip = ZipWriter::default();
    zip.add("[Content_Types].xml", CONTENT_TYPES.as_bytes())?;
    zip.add("_rels/.rels", RELS.as_bytes())?;
    zip.add("word/document.xml", xml.as_bytes())?;
    zip.finish()
}
