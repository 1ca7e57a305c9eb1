//! Process-wide setup that webhook delivery needs.

use std::sync::Once;

/// Installs ring as the process's rustls crypto provider, once. reqwest is built
/// without a default provider (its default pulls aws-lc-sys, a slow C build), and
/// then every `reqwest::Client` in the process (the deliverer's, and a test's)
/// needs one installed before it is built. When another part of the process
/// installed a provider first, that one is kept: it serves just as well.
pub fn install_tls_provider() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}
