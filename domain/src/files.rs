//! Where uploaded evidence (and, later, reports) lives, through the `object_store`
//! crate: a directory (`file:///path`, the embedded default) or S3-compatible
//! storage (`s3://bucket/prefix`, credentials and endpoint from the usual
//! `AWS_*` variables, e.g. `AWS_ENDPOINT` for MinIO). Keys are built by the
//! platform and never contain user input (`evidence/{company}/{assessment}/{file}`).

use std::{fmt, sync::Arc};

use object_store::{
    ObjectStore, ObjectStoreExt, PutPayload, aws::AmazonS3Builder, local::LocalFileSystem, path::Path,
};

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
            return Self::s3(AmazonS3Builder::from_env().with_bucket_name(bucket), prefix);
        }
        Err("must start with file:// or s3://".into())
    }

    /// An S3 store from a configured builder, keys below `prefix`.
    fn s3(builder: AmazonS3Builder, prefix: &str) -> Result<Self, String> {
        // reqwest is built without a TLS provider of its own (no aws-lc-sys): ring
        // is installed here. An Err only means a provider is installed already.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let s3 = builder
            .build()
            .map_err(|e| format!("cannot configure S3 storage: {e}"))?;
        Ok(Self {
            inner: Arc::new(s3),
            prefix: prefix.trim_matches('/').to_string(),
        })
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

    /// Removes what is stored under `key`; removing a missing key is not an error.
    pub async fn delete(&self, key: &str) -> Result<(), String> {
        let path = self.path(key)?;
        match self.inner.delete(&path).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(format!("deleting {key}: {e}")),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

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
            store.delete("evidence/c/a/f").await.unwrap();
            assert!(store.get("evidence/c/a/f").await.is_err());
            store.delete("evidence/c/a/f").await.unwrap();
        });
    }

    #[test]
    fn s3_requests_go_out_over_https_with_ring() {
        let builder = AmazonS3Builder::new()
            .with_bucket_name("fairhire-test")
            .with_region("us-east-1")
            .with_access_key_id("test")
            .with_secret_access_key("test")
            // Nothing listens on the discard port: the request must fail as a
            // connection error, not for want of a TLS provider.
            .with_endpoint("https://127.0.0.1:9")
            .with_retry(object_store::RetryConfig {
                max_retries: 0,
                retry_timeout: std::time::Duration::from_secs(2),
                ..Default::default()
            });
        let store = FileStore::s3(builder, "prefix").unwrap();
        let error = tokio_runtime().block_on(store.get("evidence/c/a/f")).unwrap_err();
        assert!(!error.to_lowercase().contains("provider"), "{error}");
    }

    fn tokio_runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
    }
}
