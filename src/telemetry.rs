//! Logging set up in one place: `FAIRHIRE_LOG` filters, `FAIRHIRE_LOG_FORMAT=json`
//! switches to JSON lines. Nothing logs passwords, tokens, email addresses or worker
//! data; requests are logged by route pattern, never by raw path.

use tracing_subscriber::{EnvFilter, fmt, prelude::*};

use crate::config::{LogFormat, Settings};

/// Installs the global subscriber (once per process; later calls do nothing).
pub fn init(settings: &Settings) {
    let filter = EnvFilter::try_new(&settings.log).unwrap_or_else(|_| EnvFilter::new("info"));
    let registry = tracing_subscriber::registry().with(filter);
    let result = match settings.log_format {
        LogFormat::Json => registry
            .with(fmt::layer().json().with_current_span(true))
            .try_init(),
        LogFormat::Text => registry.with(fmt::layer().with_target(false)).try_init(),
    };
    // A second init (tests build several apps in one process) is expected.
    let _ = result;
}
