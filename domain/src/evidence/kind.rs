//! The accepted evidence types, recognised from the first bytes of the content.

/// The user-facing list, for the refusal message.
pub const ACCEPTED: &str = "this file type is not accepted (PDF, images, text/CSV, Excel/Word)";

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The content type of an accepted file, detected from its content (magic bytes):
/// PDF, PNG, JPEG, WebP, Excel/Word (a ZIP container) and plain text/CSV (valid
/// UTF-8 without NUL bytes and not markup). `None` for anything else.
pub fn detect(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else if bytes.starts_with(b"PK\x03\x04") {
        Some(office_type(bytes))
    } else if !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok() && !looks_like_markup(bytes) {
        Some("text/plain")
    } else {
        None
    }
}

/// XLSX and DOCX are ZIP archives; the entry names (stored uncompressed) tell them
/// apart. Any other ZIP is still served, but only as an opaque archive.
fn office_type(bytes: &[u8]) -> &'static str {
    let has = |name: &[u8]| bytes.windows(name.len()).any(|w| w == name);
    if has(b"xl/workbook.xml") {
        XLSX
    } else if has(b"word/document.xml") {
        DOCX
    } else {
        "application/zip"
    }
}

/// HTML or SVG could run script if a browser ever rendered it: refused even though
/// it is text. A byte-order mark and leading whitespace do not hide it.
fn looks_like_markup(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with('<')
        && [
            "<html",
            "<svg",
            "<script",
            "<!doctype",
            "<?xml",
            "<body",
            "<iframe",
        ]
        .iter()
        .any(|tag| head.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_content() {
        assert_eq!(detect(b"%PDF-1.7 ..."), Some("application/pdf"));
        assert_eq!(detect(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(detect(b"\xFF\xD8\xFF\xE0..JFIF"), Some("image/jpeg"));
        assert_eq!(detect(b"RIFF\x10\x00\x00\x00WEBPVP8 "), Some("image/webp"));
        assert_eq!(detect(b"name,amount\nA,1\n"), Some("text/plain"));
        assert_eq!(detect("café;1\n".as_bytes()), Some("text/plain"));
        assert_eq!(detect(b"PK\x03\x04rest"), Some("application/zip"));
        assert_eq!(
            detect(b"PK\x03\x04..[Content_Types].xml..xl/workbook.xml"),
            Some(XLSX)
        );
        assert_eq!(detect(b"PK\x03\x04..word/document.xml"), Some(DOCX));
    }

    #[test]
    fn everything_else_is_refused() {
        assert_eq!(detect(b"MZ\x90\x00\x03"), None, "a Windows executable");
        assert_eq!(detect(b"\x7fELF\x02\x01\x01\x00"), None, "an ELF executable");
        assert_eq!(detect(b"<!DOCTYPE html><html><script>"), None, "HTML");
        assert_eq!(detect(b"\xEF\xBB\xBF  <html><body>"), None, "HTML behind a BOM");
        assert_eq!(detect(b"<svg xmlns='http://www.w3.org/2000/svg'/>"), None, "SVG");
        assert_eq!(detect(b"GIF89a\x01\x00\x01\x00\x00"), None, "not on the list");
        assert_eq!(detect(b"\xC3\x28 not utf-8"), None, "not UTF-8");
    }
}
