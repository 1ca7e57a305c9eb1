//! One language negotiator at every door: the portal, the API's reference data
//! and the worker-voice API pick the same language for the same request, from an
//! explicit choice, else `Accept-Language` by weight, else English; a header that
//! names nothing we speak (or garbage) is English, never an error.

use serde_json::Value;

use crate::{
    helpers::{TestApp, spawn_app},
    voice::voice_world,
};

/// What each door answers for one `Accept-Language` header (and optional choice).
const HEADERS: [(&str, &str); 5] = [
    ("fr-CA,fr;q=0.9,en;q=0.8", "fr"),
    ("de-DE,fr;q=0.8,es;q=0.9", "es"),
    ("*", "en"),
    ("!!, ;q=, xx-ZZ-12345678901", "en"),
    ("fr;q=0, es;q=0", "en"),
];

#[tokio::test]
async fn the_portal_login_page_speaks_the_negotiated_language() {
    let app = spawn_app().await;
    let words = |language: &str| match language {
        "fr" => "Se connecter",
        "es" => "Iniciar sesión",
        _ => "Log in",
    };
    for (header, language) in HEADERS {
        let page = app
            .client
            .get(app.url("/"))
            .header("accept-language", header)
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200, "{header}");
        let html = page.text().await.unwrap();
        assert!(
            html.contains(&format!("<html lang=\"{language}\">")),
            "{header}: lang attribute"
        );
        assert!(html.contains(words(language)), "{header}: {language} words");
    }
    // The switcher's cookie is an explicit choice: it beats the header.
    let page = app
        .client
        .get(app.url("/"))
        .header("accept-language", "fr")
        .header("cookie", "fh_locale=es")
        .send()
        .await
        .unwrap();
    assert!(page.text().await.unwrap().contains("Iniciar sesión"));
}

/// `GET path` (with the company's token) in the language of `header`: status and body.
async fn get_in(app: &TestApp, path: &str, token: &str, header: &str) -> (u16, Value) {
    let response = app
        .client
        .get(app.url(&format!("/api/v1{path}")))
        .bearer_auth(token)
        .header("accept-language", header)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

#[tokio::test]
async fn reference_data_and_the_voice_form_use_the_same_negotiator() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    let token = world.company.token.as_str();
    let germany = |language: &str| match language {
        "fr" => "Allemagne",
        "es" => "Alemania",
        _ => "Germany",
    };
    for (header, language) in HEADERS {
        let (status, countries) = get_in(&app, "/reference/countries", token, header).await;
        assert_eq!(status, 200, "{header}");
        let found = countries
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == "DE")
            .unwrap();
        assert_eq!(found["name"], germany(language), "{header}");

        // The public form needs no login; the token is ignored there.
        let (status, form) = get_in(&app, &format!("/voice/{}", world.token), token, header).await;
        assert_eq!(status, 200, "{header}");
        assert_eq!(form["language"], language, "{header}");
    }
    // `?lang=` is an explicit choice: it beats the header; an unknown one does not.
    for (lang, language) in [("es", "es"), ("fr-CA", "fr"), ("xx", "fr")] {
        let path = format!("/voice/{}?lang={lang}", world.token);
        let (status, form) = get_in(&app, &path, token, "fr").await;
        assert_eq!(status, 200, "?lang={lang}");
        assert_eq!(form["language"], language, "?lang={lang}");
    }
}
