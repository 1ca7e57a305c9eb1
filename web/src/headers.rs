//! Security headers on every portal response: a strict Content-Security-Policy
//! (only our own scripts, styles and images), no framing, no MIME sniffing, and a
//! referrer policy that never leaks invitation tokens in URLs to other sites.

use actix_web::middleware::DefaultHeaders;

/// The headers, as a middleware.
pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
        ))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Referrer-Policy", "no-referrer"))
}
