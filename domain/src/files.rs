//! Where uploaded evidence lives: a directory named by `FAIRHIRE_STORAGE_URL`
//! (`file:///path`). Keys are built by the platform and never contain user input
//! (`evidence/{company}/{assessment}/{file}`), so a key cannot escape the
//! directory. Calls are blocking file I/O: run them on a blocking pool.

use std::path::PathBuf;

/// The file store.
#[derive(Debug, Clone)]
pub struct FileStore {
    root: PathBuf,
}

impl FileStore {
    /// A store for `file:///path`; any other scheme is refused with a message
    /// (S3-compatible storage is not built yet).
    pub fn from_url(url: &str) -> Result<Self, String> {
        match url.strip_prefix("file://") {
            Some(path) if !path.is_empty() => Ok(Self {
                root: PathBuf::from(path),
            }),
            _ => Err(format!(
                "only file:// storage is supported in this version (got '{}')",
                url.split(':').next().unwrap_or_default()
            )),
        }
    }

    fn path(&self, key: &str) -> Result<PathBuf, String> {
        if key
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..")
        {
            return Err(format!("invalid storage key '{key}'"));
        }
        Ok(self.root.join(key))
    }

    /// Writes `bytes` under `key`.
    pub fn put(&self, key: &str, bytes: &[u8]) -> Result<(), String> {
        let path = self.path(key)?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("creating {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, bytes).map_err(|e| format!("writing {}: {e}", path.display()))
    }

    /// Reads what is stored under `key`.
    pub fn get(&self, key: &str) -> Result<Vec<u8>, String> {
        let path = self.path(key)?;
        std::fs::read(&path).map_err(|e| format!("reading {}: {e}", path.display()))
    }
}

/// The accepted evidence types, detected from the content (magic bytes), never
/// from the name or the declared type: PDF, PNG, JPEG, WebP, Office (ZIP
/// container), and plain text/CSV (valid UTF-8 without NUL bytes).
pub fn detect_evidence_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else if bytes.starts_with(b"PK\x03\x04") {
        Some("application/zip")
    } else if !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok() && !looks_like_markup(bytes) {
        Some("text/plain")
    } else {
        None
    }
}

/// HTML or SVG served back could run script in a browser: refused even though it
/// is text.
fn looks_like_markup(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    let head = head.trim_start();
    head.starts_with('<')
        && (head.contains("<html")
            || head.contains("<svg")
            || head.contains("<script")
            || head.starts_with("<!doctype"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_content() {
        assert_eq!(detect_evidence_type(b"%PDF-1.7 ..."), Some("application/pdf"));
        assert_eq!(detect_evidence_type(b"name,amount\nA,1\n"), Some("text/plain"));
        assert_eq!(detect_evidence_type(b"MZ\x90\x00\x03"), None, "an executable");
        assert_eq!(
            detect_evidence_type(b"<!DOCTYPE html><html><script>"),
            None,
            "markup"
        );
        assert_eq!(detect_evidence_type(b"PK\x03\x04rest"), Some("application/zip"));
    }

    #[test]
    fn keys_cannot_escape_the_root() {
        let store = FileStore::from_url("file:///tmp/x").unwrap_or_else(|e| panic!("{e}"));
        assert!(store.path("evidence/../../etc/passwd").is_err());
        assert!(store.path("/abs").is_err());
        assert!(FileStore::from_url("s3://bucket").is_err());
    }
}
