//! The portal shell: a real login page, CSRF, the signed-in page, security headers.

use crate::helpers::spawn_app;

fn csrf_from(html: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker).expect("a csrf field") + marker.len();
    html[start..start + 64].to_string()
}

#[tokio::test]
async fn login_page_then_who_you_are() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let page = app
        .client
        .get(app.url("/"))
        .header("accept-language", "es")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let csp = page
        .headers()
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(page.headers().get("x-content-type-options").unwrap(), "nosniff");
    let html = page.text().await.unwrap();
    assert!(html.contains("Iniciar sesión"), "Spanish login page");
    let csrf = csrf_from(&html);

    let forged = app
        .client
        .post(app.url("/login"))
        .form(&[
            ("csrf_token", "0".repeat(64).as_str()),
            ("email", company.email.as_str()),
            ("password", "a-long-password-1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);

    let wrong = app
        .client
        .post(app.url("/login"))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("email", company.email.as_str()),
            ("password", "wrong-password-9"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);

    let login = app
        .client
        .post(app.url("/login"))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("email", company.email.as_str()),
            ("password", "a-long-password-1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 303);
    assert_eq!(
        login.headers()["location"],
        format!("/companies/{}", company.id).as_str(),
        "someone with one organization lands on its dashboard"
    );
    let cookie = login
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );

    let home = app
        .client
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(home.contains(&company.email));
    assert!(home.contains("Acme Textiles"));

    // The portal cookie is not an API token.
    let session = cookie
        .split(';')
        .next()
        .unwrap()
        .split_once('=')
        .unwrap()
        .1
        .to_string();
    assert_eq!(app.me(&session).await.status(), 401);
}

#[tokio::test]
async fn user_text_is_escaped() {
    let app = spawn_app().await;
    let response = app
        .register(
            "<script>alert(1)</script>",
            "xss@example.org",
            "a-long-password-1",
        )
        .await;
    assert_eq!(response.status(), 201);
    let page = app
        .client
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = csrf_from(&page);
    app.client
        .post(app.url("/login"))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("email", "xss@example.org"),
            ("password", "a-long-password-1"),
        ])
        .send()
        .await
        .unwrap();
    let home = app
        .client
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!home.contains("<script>alert(1)</script>"));
    assert!(
        home.contains("&#60;script&#62;alert(1)&#60;/script&#62;"),
        "escaped as text"
    );
}
