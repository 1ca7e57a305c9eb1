//! Finds the worker-voice message files, `domain/locales/<lang>/voice.ftl` (this
//! crate's own directory: the domain owns the worker-voice use cases), and
//! compiles every one of them into the binary: adding a language is adding one
//! file (README, "Worker voice").

use std::{env, fs, path::Path};

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let locales = Path::new(&manifest).join("locales");
    println!("cargo:rerun-if-changed={}", locales.display());
    let mut found: Vec<(String, String)> = Vec::new();
    if let Ok(entries) = fs::read_dir(&locales) {
        for entry in entries.flatten() {
            let file = entry.path().join("voice.ftl");
            println!("cargo:rerun-if-changed={}", file.display());
            let code = entry.file_name().to_string_lossy().to_string();
            let valid = !code.is_empty()
                && code.len() <= 12
                && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            if valid && file.is_file() {
                let absolute = fs::canonicalize(&file).unwrap_or(file);
                found.push((code, absolute.display().to_string()));
            }
        }
    }
    // English first: it is the fallback for a missing message.
    found.sort_by_key(|(code, _)| (code != "en", code.clone()));
    let mut out = String::from(
        "/// Every `voice.ftl`: (language code, source).\npub static SOURCES: &[(&str, &str)] = &[\n",
    );
    for (code, path) in &found {
        out.push_str(&format!("    ({code:?}, include_str!({path:?})),\n"));
    }
    out.push_str("];\n");
    let target = Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("voice_locales.rs");
    if let Err(error) = fs::write(&target, out) {
        panic!("cannot write {}: {error}", target.display());
    }
}
