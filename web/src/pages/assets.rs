//! The stylesheet and script, compiled into the binary (no build step, nothing to
//! deploy).

use actix_web::{HttpResponse, get};

/// `GET /static/app.css`.
#[get("/static/app.css")]
pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(include_str!("../../static/app.css"))
}

/// `GET /static/app.js`: progressive enhancement only; every page works without it.
#[get("/static/app.js")]
pub async fn script() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(include_str!("../../static/app.js"))
}
