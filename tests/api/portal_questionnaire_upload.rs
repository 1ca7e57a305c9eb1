//! The portal's questionnaires page: an officer uploads a company questionnaire
//! (pasted or as a file) and finds it listed and offered when sending an
//! assessment; a refused definition comes back with each problem at its JSON
//! path, the text kept and nothing stored; advisors are refused, strangers see
//! nothing (CSRF and tenant checks of the form: `portal_security`).

use domain::entities::{assessment, questionnaire};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::Value;

use crate::{
    fixtures::small_definition,
    helpers::{TestApp, spawn_app},
    portal_flow::{Page, Portal, outsiders, situation},
};

/// Sends the upload form: `definition` pasted, else `file` (or neither).
async fn upload(portal: &Portal, path: &str, pasted: Option<&str>, file: Option<&[u8]>) -> Page {
    let mut form = reqwest::multipart::Form::new().text("csrf_token", portal.csrf().await);
    if let Some(text) = pasted {
        form = form.text("definition", text.to_string());
    }
    if let Some(bytes) = file {
        form = form.part(
            "file",
            reqwest::multipart::Part::bytes(bytes.to_vec()).file_name("questionnaire.json"),
        );
    }
    portal.post_multipart(path, form).await
}

/// Pastes `text` into the upload form and sends it.
async fn paste(portal: &Portal, path: &str, text: &str) -> Page {
    upload(portal, path, Some(text), None).await
}

/// Chooses a file of `bytes` in the upload form and sends it.
async fn send_file(portal: &Portal, path: &str, bytes: &[u8]) -> Page {
    upload(portal, path, None, Some(bytes)).await
}

/// The questionnaires stored for the company (built-ins have none).
async fn stored(app: &TestApp, company: &str) -> u64 {
    questionnaire::Entity::find()
        .filter(questionnaire::Column::CompanyId.eq(uuid::Uuid::parse_str(company).unwrap()))
        .count(&app.db)
        .await
        .unwrap()
}

/// The text of the page's textarea, as the browser shows it (entities decoded).
fn textarea(html: &str) -> String {
    let open = html.find("<textarea").expect("the definition field");
    let start = open + html[open..].find('>').unwrap() + 1;
    let end = start + html[start..].find("</textarea>").unwrap();
    html[start..end]
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn an_officer_uploads_a_questionnaire_then_finds_it_listed_and_sends_it() {
    let app = spawn_app().await;
    let s = situation(&app, "Upload Textiles").await;
    let officer = Portal::new(&app, "en");
    officer.login(&s.company.email, "a-long-password-1").await;
    let path = format!("/companies/{}/questionnaires", s.company.id);
    let page = officer.get(&path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains(&format!("href=\"{path}\"")),
        "in the navigation"
    );
    assert!(
        page.body.contains("Built-in"),
        "the standard SAQ is listed: {}",
        page.body
    );
    assert!(page.body.contains("<label for=\"questionnaire-definition\">"));
    assert!(page.body.contains("<label for=\"questionnaire-file\">"));
    let before = stored(&app, &s.company.id).await;

    // Pasted.
    let mut definition = small_definition("portal-upload", 1);
    definition["title"]["en"] = Value::from("Portal upload check");
    let done = paste(&officer, &path, &definition.to_string()).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(stored(&app, &s.company.id).await, before + 1);
    let row = questionnaire::Entity::find()
        .filter(questionnaire::Column::Key.eq("portal-upload"))
        .one(&app.db)
        .await
        .unwrap()
        .expect("stored");
    assert_eq!(row.company_id.map(|c| c.to_string()), Some(s.company.id.clone()));
    assert_eq!(done.location, format!("{path}?stored={}", row.id));
    let listed = officer.get(&done.location).await;
    assert!(
        listed.body.contains("Stored: Portal upload check."),
        "{}",
        listed.body
    );
    let stored_row = &listed.body[listed.body.find("id=\"stored\"").expect("the stored row")..];
    let stored_row = &stored_row[..stored_row.find("</tr>").unwrap()];
    for cell in [
        "<td>Portal upload check</td>",
        "<td><code>portal-upload</code></td>",
        "<td>1</td>",
        "<td>4</td>",
        "<td>Your company&#39;s</td>",
    ] {
        assert!(stored_row.contains(cell), "{cell}: {stored_row}");
    }

    // As a file, the next version; and the same version again is refused at `version`.
    let next = small_definition("portal-upload", 2).to_string();
    let done = send_file(&officer, &path, next.as_bytes()).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let again = send_file(&officer, &path, next.as_bytes()).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    assert!(
        again
            .body
            .contains("<code class=\"path\">version</code>: Version 2 of “portal-upload” is already stored"),
        "{}",
        again.body
    );
    assert_eq!(textarea(&again.body), next, "the file's text is kept to fix");
    assert_eq!(stored(&app, &s.company.id).await, before + 2);

    // Offered on the supplier's page, and sent.
    let supplier_page = officer.get(&format!("/suppliers/{}", s.supplier_id)).await;
    assert!(
        supplier_page.body.contains(&format!(
            "<option value=\"{}\">Portal upload check (v1)</option>",
            row.id
        )),
        "{}",
        supplier_page.body
    );
    let due = (chrono::Utc::now() + chrono::Duration::days(30))
        .date_naive()
        .to_string();
    let id = row.id.to_string();
    let sent = officer
        .post(
            &format!("/suppliers/{}/assessments", s.supplier_id),
            &[("questionnaire_id", id.as_str()), ("due_date", due.as_str())],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let with_it = assessment::Entity::find()
        .filter(assessment::Column::QuestionnaireId.eq(row.id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(with_it, 1, "an assessment with the uploaded questionnaire");
}

#[tokio::test]
async fn a_refused_definition_comes_back_with_each_problem_at_its_path_and_nothing_is_stored() {
    let app = spawn_app().await;
    let s = situation(&app, "Refused Textiles").await;
    let officer = Portal::new(&app, "en");
    officer.login(&s.company.email, "a-long-password-1").await;
    let switched = officer.post("/locale", &[("locale", "es")]).await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    let path = format!("/companies/{}/questionnaires", s.company.id);
    let before = stored(&app, &s.company.id).await;

    // Two broken rules, deep in the definition.
    let mut definition = small_definition("portal-refused", 1);
    definition["sections"][0]["questions"][0]["options"][1]["risk"] = Value::from(150);
    definition["sections"][0]["questions"][2]["max"] = Value::from(-1);
    let pasted = serde_json::to_string_pretty(&definition).unwrap();
    let refused = paste(&officer, &path, &pasted).await;
    assert_eq!(refused.status, StatusCode::OK, "{}", refused.body);
    assert!(
        refused
            .body
            .contains("El cuestionario no se ha guardado: 2 problema(s)"),
        "in the user's language: {}",
        refused.body
    );
    for problem in [
        "<code class=\"path\">sections[0].questions[0].options[1].risk</code>: must be between 0 and 100",
        "<code class=\"path\">sections[0].questions[2].max</code>: must not be less than min",
    ] {
        assert!(refused.body.contains(problem), "{problem}: {}", refused.body);
    }
    // Beside the field, announced to assistive technology.
    assert!(
        refused
            .body
            .contains("aria-describedby=\"questionnaire-definition-hint questionnaire-definition-error\"")
    );
    assert!(refused.body.contains("aria-invalid=\"true\""));
    assert_eq!(textarea(&refused.body), pasted, "what was pasted is kept");

    // A file that is not JSON, a file that is not text, and nothing at all.
    let not_json = send_file(&officer, &path, b"key,version\nfees,1\n").await;
    assert_eq!(not_json.status, StatusCode::OK);
    assert!(
        not_json
            .body
            .contains("Esto no es JSON: deja de tener sentido en la línea 1, columna 1."),
        "{}",
        not_json.body
    );
    assert_eq!(textarea(&not_json.body), "key,version\nfees,1\n");
    let binary = send_file(&officer, &path, &[0x25, 0x50, 0x44, 0x46, 0xff, 0xfe, 0x00]).await;
    assert_eq!(binary.status, StatusCode::OK);
    assert!(
        binary.body.contains("Este archivo no es texto (UTF-8)"),
        "{}",
        binary.body
    );
    let empty = upload(&officer, &path, None, None).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(
        empty
            .body
            .contains("Pegue una definición o elija un archivo JSON."),
        "{}",
        empty.body
    );

    assert_eq!(stored(&app, &s.company.id).await, before, "nothing stored");
}

#[tokio::test]
async fn advisors_are_refused_the_page_and_the_form_and_strangers_see_neither() {
    let app = spawn_app().await;
    let s = situation(&app, "Guarded Textiles").await;
    let path = format!("/companies/{}/questionnaires", s.company.id);
    let before = stored(&app, &s.company.id).await;
    let definition = small_definition("portal-outsider", 1).to_string();
    for (portal, expected) in outsiders(&app, &s).await {
        assert_eq!(portal.get(&path).await.status, expected, "the page");
        let refused = paste(&portal, &path, &definition).await;
        assert_eq!(refused.status, expected, "the form: {}", refused.body);
        // Even a definition that is not JSON tells a stranger nothing.
        let garbled = paste(&portal, &path, "{").await;
        assert_eq!(garbled.status, expected, "{}", garbled.body);
    }
    assert_eq!(stored(&app, &s.company.id).await, before, "nothing stored");
}
