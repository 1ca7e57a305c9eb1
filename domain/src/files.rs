//! Where uploaded evidence (and, later, reports) lives, through the `object_store`
//! crate: a directory (`file:///path`, the embedded default) or S3-compatible
//! storage (`s3://bucket/prefix`, credentials and endpoint from the usual
//! `AWS_*` variables, e.g. `AWS_ENDPOINT` for MinIO). Keys are built by the
//! platform and never contain user input (`evidence/{company}/{assessment}/{file}`).

use std::{fmt, sync::Arc};

use object_store::{ObjectStore, PutPayload, aws::AmazonS3Builder, local::LocalFileSystem, path::Path};

/// The file store.
#[derive(Clone)]
pub struct FileStore {
    inner: Arc<dyn ObjectStore>,
    prefix: String,
}

impl fmt::Debug for FileStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FileStore({}, prefix {:?})", self.inner, self.prefix)
    }
}

impl FileStore {
    /// A store for `file:///path` (the directory is created) or `s3://bucket/prefix`.
    pub fn from_url(url: &str) -> Result<Self, String> {
        if let Some(path) = url.strip_prefix("file://") {
            if path.is_empty() {
                return Err("file:// needs a directory, e.g. file:///var/lib/fairhire/files".into());
            }
            std::fs::create_dir_all(path).map_err(|e| format!("cannot create {path}: {e}"))?;
            let local =
                LocalFileSystem::new_with_prefix(path).map_err(|e| format!("cannot use {path}: {e}"))?;
            return Ok(Self {
                inner: Arc::new(local),
                prefix: String::new(),
            });
        }
        if let Some(rest) = url.strip_prefix("s3://") {
            let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
            if bucket.is_empty() {
                return Err("s3:// needs a bucket, e.g. s3://fairhire-files/prod".into());
            }
            let s3 = AmazonS3Builder::from_env()
                .with_bucket_name(bucket)
                .build()
                .map_err(|e| format!("cannot configure S3 storage: {e}"))?;
            return Ok(Self {
                inner: Arc::new(s3),
                prefix: prefix.trim_matches('/').to_string(),
            });
        }
        Err("must start with file:// or s3://".into())
    }

    fn path(&self, key: &str) -> Result<Path, String> {
        if key
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..")
        {
            return Err(format!("invalid storage key '{key}'"));
        }
        let full = if self.prefix.is_empty() {
            key.to_string()
        } else {
            format!("{}/{key}", self.prefix)
        };
        Path::parse(&full).map_err(|e| format!("invalid storage key '{key}': {e}"))
    }

    /// Writes `bytes` under `key`.
    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<(), String> {
        let path = self.path(key)?;
        self.inner
            .put(&path, PutPayload::from(bytes))
            .await
            .map(|_| ())
            .map_err(|e| format!("storing {key}: {e}"))
    }

    /// Reads what is stored under `key`.
    pub async fn get(&self, key: &str) -> Result<Vec<u8>, String> {
        let path = self.path(key)?;
        let found = self
            .inner
            .get(&path)
            .await
            .map_err(|e| format!("reading {key}: {e}"))?;
        found
            .bytes()
            .await
            .map(|b| b.to_vec())
            .map_err(|e| format!("reading {key}: {e}"))
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
    #![allow(clippy::unwrap_used)]

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
    fn urls_and_keys() {
        let dir = std::env::temp_dir().join(format!("fh-files-{}", uuid::Uuid::new_v4()));
        let store = FileStore::from_url(&format!("file://{}", dir.display())).unwrap();
        assert!(store.path("evidence/../../etc/passwd").is_err());
        assert!(store.path("/abs").is_err());
        assert!(FileStore::from_url("gs://bucket").is_err());
        assert!(FileStore::from_url("s3://").is_err());
        let s3 = FileStore::from_url("s3://fairhire-files/prod").unwrap();
        assert_eq!(s3.path("evidence/a/b").unwrap().as_ref(), "prod/evidence/a/b");
    }

    #[test]
    fn a_file_store_round_trips() {
        let dir = std::env::temp_dir().join(format!("fh-files-{}", uuid::Uuid::new_v4()));
        let store = FileStore::from_url(&format!("file://{}", dir.display())).unwrap();
        let runtime = tokio_runtime();
        runtime.block_on(async {
            store.put("evidence/c/a/f", b"%PDF-1.4".to_vec()).await.unwrap();
            assert_eq!(store.get("evidence/c/a/f").await.unwrap(), b"%PDF-1.4");
            assert!(store.get("evidence/c/a/missing").await.is_err());
        });
    }

    fn tokio_runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
    }
}
