//! The pack's ZIP: `evidence-pack.pdf`, `evidence-pack.json`, every evidence
//! file under `evidence/`, and `manifest.json` giving each of those entries'
//! path, size and SHA-256, so a recipient can check that what they hold is
//! what was packed.

use sha2::{Digest, Sha256};

use crate::statement::zip::ZipWriter;

/// An entry of the manifest.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ManifestEntry {
    /// Its path in the ZIP.
    pub path: String,
    /// Bytes.
    pub size: u64,
    /// SHA-256, hex.
    pub sha256: String,
}

/// SHA-256 of `bytes`, hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The ZIP of `entries` (path, bytes) followed by `manifest.json`.
pub fn build(pack_id: uuid::Uuid, entries: &[(String, Vec<u8>)]) -> anyhow::Result<Vec<u8>> {
    let mut zip = ZipWriter::default();
    let mut manifest = Vec::with_capacity(entries.len());
    for (path, bytes) in entries {
        zip.add(path, bytes)?;
        manifest.push(ManifestEntry {
            path: path.clone(),
            size: bytes.len() as u64,
            sha256: sha256_hex(bytes),
        });
    }
    let manifest = serde_json::to_vec_pretty(&serde_json::json!({
        "pack_id": pack_id,
        "algorithm": "SHA-256",
        "entries": manifest,
    }))?;
    zip.add("manifest.json", &manifest)?;
    zip.finish()
}
