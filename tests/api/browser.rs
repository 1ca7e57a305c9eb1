//! Acceptance in a real browser: headless Chromium driven over WebDriver
//! (fantoccini + chromedriver). An officer registers their company in the portal,
//! adds a supplier, sends the standard SAQ and invites an advisor from the team
//! page; the supplier accepts the
//! invitation and answers all nine sections in Spanish (a change is autosaved and
//! survives a reload, a follow-up appears as they answer, an error beside a field
//! is fixed, a PDF is uploaded as evidence through the upload form), confirms the
//! submit dialog; the worker scores; an advisor approves and requests the advisory
//! report; the officer logs back in, downloads the PDF and uploads a fee audit
//! (a bad row shown beside the form, then the results).
//!
//! Without `chromedriver` the harness installs it (see [`require_chromedriver`]);
//! it never skips. On failure a screenshot goes to `target/browser-screenshots/`.
//! With `FAIRHIRE_SCREENSHOTS=1` it also saves the main pages at desktop and
//! phone width to `docs/screenshots/`.

use std::{
    process::{Child, Command, Stdio},
    sync::OnceLock,
    time::Duration,
};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

use crate::{
    helpers::{Company, TestApp, spawn_app},
    system_packages::{apt_install, running_as_root},
};

pub(crate) type Step<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

pub(crate) struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn chromedriver_available() -> bool {
    Command::new("chromedriver")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub(crate) async fn browser() -> (Driver, Client) {
    let port = free_port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let driver = Driver(child);
    let mut options = json!({"args": [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--no-first-run", "--window-size=1280,900"
    ]});
    if std::path::Path::new("/usr/bin/chromium").exists() {
        options["binary"] = json!("/usr/bin/chromium");
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    for _ in 0..100 {
        let attempt = ClientBuilder::new(connector.clone())
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await;
        if let Ok(client) = attempt {
            return (driver, client);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not answer on port {port}");
}

pub(crate) async fn fill(c: &Client, css: &str, text: &str) -> Step<()> {
    let field = c.wait().for_element(Locator::Css(css)).await?;
    field.clear().await?;
    field.send_keys(text).await?;
    Ok(())
}

pub(crate) async fn click(c: &Client, css: &str) -> Step<()> {
    c.wait().for_element(Locator::Css(css)).await?.click().await?;
    Ok(())
}

pub(crate) async fn wait_for_path(c: &Client, wanted: &str) -> Step<()> {
    for _ in 0..100 {
        let url = c.current_url().await?;
        let here = match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        };
        // The address changes before the new page has loaded: wait for both, so
        // the next step never finds an element of the page being replaced.
        if here.contains(wanted) && c.execute("return document.readyState", vec![]).await? == "complete" {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("never reached {wanted}; at {}", c.current_url().await?).into())
}

pub(crate) async fn log_out(c: &Client) -> Step<()> {
    click(c, "form.logout button").await?;
    wait_for_path(c, "/").await?;
    c.wait().for_element(Locator::Css("#email")).await?;
    Ok(())
}

/// Saves the current page at desktop and phone width (only when asked).
async fn document(c: &Client, name: &str) -> Step<()> {
    if std::env::var("FAIRHIRE_SCREENSHOTS").is_err() {
        return Ok(());
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/screenshots");
    std::fs::create_dir_all(dir)?;
    for (suffix, width, height) in [("desktop", 1280, 900), ("phone", 390, 844)] {
        c.set_window_size(width, height).await?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        std::fs::write(format!("{dir}/{name}-{suffix}.png"), c.screenshot().await?)?;
    }
    c.set_window_size(1280, 900).await?;
    Ok(())
}

/// The browser tests never skip: when chromedriver is missing, the harness
/// installs Debian's `chromium` and `chromium-driver` (as root, once per test
/// process: concurrent tests wait for the one install), and otherwise the test fails
/// saying what to install.
pub(crate) fn require_chromedriver() {
    static INSTALL: OnceLock<Result<(), String>> = OnceLock::new();
    let outcome = INSTALL.get_or_init(|| {
        if chromedriver_available() {
            return Ok(());
        }
        if !running_as_root() {
            return Err(
                "chromedriver is not installed and the tests do not run as root, so they \
                        cannot install it: apt-get install chromium chromium-driver"
                    .into(),
            );
        }
        eprintln!("note: chromedriver is missing; installing chromium and chromium-driver with apt-get");
        apt_install(&["chromium", "chromium-driver"]);
        if chromedriver_available() {
            Ok(())
        } else {
            Err("apt-get install chromium chromium-driver did not give a working chromedriver".into())
        }
    });
    if let Err(why) = outcome {
        panic!("the browser tests need Chromium: {why}");
    }
}

/// Ends a browser test: on failure a screenshot goes to `target/browser-screenshots/`
/// as `{name}.png` and the panic carries the page source.
pub(crate) async fn finish(c: Client, outcome: Step<()>, name: &str) {
    if let Err(error) = &outcome {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/target/browser-screenshots");
        let _ = std::fs::create_dir_all(dir);
        if let Ok(png) = c.screenshot().await {
            let _ = std::fs::write(format!("{dir}/{name}.png"), png);
        }
        let source = c.source().await.unwrap_or_default();
        let _ = c.close().await;
        panic!("{name} failed: {error}\n(screenshot in {dir})\n{source}");
    }
    let _ = c.close().await;
}

#[tokio::test]
async fn officer_supplier_and_advisor_in_a_real_browser() {
    require_chromedriver();
    let app = spawn_app().await;
    let (_driver, c) = browser().await;
    let outcome = journey(&app, &c).await;
    finish(c, outcome, "officer_supplier_and_advisor").await;
}

async fn journey(app: &TestApp, c: &Client) -> Step<()> {
    // The officer registers their company in the portal (a mistake first).
    c.goto(&app.url("/")).await?;
    document(c, "login").await?;
    click(c, "a[href='/register']").await?;
    let officer_email = format!("officer-{}@acme.example", uuid::Uuid::new_v4().simple());
    fill(c, "#company_name", "Acme Textiles").await?;
    fill(c, "#name", "Olga Officer").await?;
    fill(c, "#email", &officer_email).await?;
    fill(c, "#password", "short").await?;
    click(c, "main form button[type=submit]").await?;
    c.wait().for_element(Locator::Css("#password-error")).await?;
    let kept = c.find(Locator::Css("#company_name")).await?.prop("value").await?;
    if kept.as_deref() != Some("Acme Textiles") {
        return Err(format!("the company name was lost: {kept:?}").into());
    }
    document(c, "register").await?;
    fill(c, "#password", "a-long-password-1").await?;
    click(c, "main form button[type=submit]").await?;
    wait_for_path(c, "/companies/").await?;
    let company_id = c
        .current_url()
        .await?
        .path()
        .trim_start_matches("/companies/")
        .to_string();
    let login: Value = app
        .login(&officer_email, "a-long-password-1")
        .await
        .json()
        .await?;
    let company = Company {
        id: company_id,
        token: login["access_token"].as_str().ok_or("no token")?.to_string(),
        email: officer_email.clone(),
    };
    let questionnaire = app.standard_questionnaire(&company).await;

    // The officer adds a supplier and sends the standard SAQ from its page.
    c.goto(&app.url(&format!("/companies/{}/suppliers/new", company.id)))
        .await?;
    let contact = format!("browser-{}@supplier.example", uuid::Uuid::new_v4().simple());
    fill(c, "#name", "Tejidos del Norte").await?;
    fill(c, "#country", "MY").await?;
    c.find(Locator::Css("#sector"))
        .await?
        .select_by_value("electronics")
        .await?;
    fill(c, "#contact_email", &contact).await?;
    click(c, "main form button[type=submit]").await?;
    // The form's own address holds "/suppliers/" too, so wait for the supplier
    // page's send form rather than for the path.
    c.wait()
        .for_element(Locator::Css("#questionnaire_id"))
        .await?
        .select_by_value(&questionnaire)
        .await?;
    click(c, "form[action$='/assessments'] button").await?;
    let href = c
        .wait()
        .for_element(Locator::XPath("//main//a[contains(@href, '/assessments/')]"))
        .await?
        .attr("href")
        .await?
        .ok_or("no assessment link")?;
    let aid = href.trim_start_matches("/assessments/").to_string();
    document(c, "supplier").await?;
    c.goto(&app.url(&format!("/companies/{}", company.id))).await?;
    document(c, "dashboard").await?;

    // … and invites an advisor from the team page.
    let advisor = format!("advisor-{}@review.example", uuid::Uuid::new_v4().simple());
    click(c, &format!("nav a[href='/companies/{}/team']", company.id)).await?;
    fill(c, "#invite-email", &advisor).await?;
    c.find(Locator::Css("#invite-role"))
        .await?
        .select_by_value("advisor")
        .await?;
    click(c, "main form button[type=submit]").await?;
    wait_for_path(c, "invited=1").await?;
    c.wait()
        .for_element(Locator::XPath(&format!("//li[contains(., '{advisor}')]")))
        .await?;
    document(c, "team").await?;
    log_out(c).await?;

    // The supplier accepts the invitation and switches to Spanish.
    app.run_jobs().await;
    let code = app.last_code_for(&contact);
    c.goto(&app.url(&format!("/invitations/{code}"))).await?;
    fill(c, "#name", "María Pérez").await?;
    fill(c, "#password", "supplier-password-1").await?;
    click(c, "main form button[type=submit]").await?;
    c.wait().for_element(Locator::Css("form.logout")).await?;
    c.find(Locator::Css("#locale-choice"))
        .await?
        .select_by_value("es")
        .await?;
    c.wait().for_element(Locator::Css("html[lang=es]")).await?;

    answer_the_standard_saq(app, c, &aid).await?;
    document(c, "my-assessments").await?;
    log_out(c).await?;

    // The worker scores; an advisor accepts their invitation, approves and
    // requests the report.
    app.run_jobs().await;
    let code = app.last_code_for(&advisor);
    c.goto(&app.url(&format!("/invitations/{code}"))).await?;
    fill(c, "#name", "Ada Advisor").await?;
    fill(c, "#password", "advisor-password-1").await?;
    click(c, "main form button[type=submit]").await?;
    c.wait().for_element(Locator::Css("form.logout")).await?;
    c.goto(&app.url(&format!("/companies/{}/reviews", company.id)))
        .await?;
    click(c, &format!("a[href='/assessments/{aid}']")).await?;
    c.wait()
        .for_element(Locator::Css("button[value=approve]"))
        .await?;
    document(c, "review").await?;
    click(c, "button[value=approve]").await?;
    // The browser lands on the page that says so before anything else is clicked:
    // a click while a redirect is still loading could hit the page being replaced.
    wait_for_path(c, "done=approved").await?;
    wait_for_status(app, &company, &aid, "approved").await?;
    click(c, "form[action$='/reports'] button").await?;
    wait_for_path(c, "done=report").await?;
    c.wait()
        .for_element(Locator::Css("p.notice[role=status]"))
        .await?;
    log_out(c).await?;
    app.run_jobs().await;

    // The officer logs back in and downloads the PDF.
    fill(c, "#email", &officer_email).await?;
    fill(c, "#password", "a-long-password-1").await?;
    click(c, "main form button[type=submit]").await?;
    c.wait().for_element(Locator::Css("form.logout")).await?;
    c.goto(&app.url(&format!("/assessments/{aid}"))).await?;
    let link = c
        .wait()
        .for_element(Locator::Css("a[href$='/pdf']"))
        .await?
        .attr("href")
        .await?
        .ok_or("no download link")?;
    document(c, "report-ready").await?;
    // Fetched with the officer's browser session, as the download would be.
    let session = c.get_named_cookie("fh_session").await?;
    let pdf = reqwest::Client::new()
        .get(app.url(&link))
        .header("cookie", format!("fh_session={}", session.value()))
        .send()
        .await?;
    let kind = pdf
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    if pdf.status() != 200 || kind != "application/pdf" || !pdf.bytes().await?.starts_with(b"%PDF") {
        return Err("the report did not download as a PDF".into());
    }
    fee_audit(app, c, &company).await
}

/// The officer uploads a fee audit from the supplier's page: a file with a bad
/// row is refused with the row shown beside the form; the fixed file's results.
async fn fee_audit(app: &TestApp, c: &Client, company: &Company) -> Step<()> {
    use crate::fee_audits::{AUDIT, RATES};
    let rates = app.upload_fx_rates(&company.id, &company.token, RATES).await;
    if rates.status() != 201 {
        return Err("the exchange rates were not stored".into());
    }
    c.goto(&app.url(&format!("/companies/{}/suppliers", company.id)))
        .await?;
    click(c, "main a[href^='/suppliers/']").await?;
    click(c, "a[href$='/fee-audits/new']").await?;
    let dir = std::env::temp_dir();
    let bad = dir.join(format!("audit-bad-{}.csv", uuid::Uuid::new_v4().simple()));
    let good = dir.join(format!("audit-{}.csv", uuid::Uuid::new_v4().simple()));
    std::fs::write(
        &bad,
        AUDIT.replace(",travel_lodging,300,USD,", ",travel_lodging,300,XYZ,"),
    )?;
    std::fs::write(&good, AUDIT)?;
    c.wait()
        .for_element(Locator::Css("#fee-file"))
        .await?
        .send_keys(&bad.to_string_lossy())
        .await?;
    click(c, "main form button[type=submit]").await?;
    let rows = c
        .wait()
        .for_element(Locator::Css("#fee-rows"))
        .await?
        .text()
        .await?;
    if !rows.contains("currency") {
        return Err(format!("the bad row is not shown: {rows}").into());
    }
    document(c, "fee-audit-errors").await?;
    c.find(Locator::Css("#fee-file"))
        .await?
        .send_keys(&good.to_string_lossy())
        .await?;
    click(c, "main form button[type=submit]").await?;
    wait_for_path(c, "/fee-audits/").await?;
    c.wait()
        .for_element(Locator::XPath("//*[contains(., '1417.50')]"))
        .await?;
    document(c, "fee-audit").await?;
    let _ = std::fs::remove_file(bad);
    let _ = std::fs::remove_file(good);
    Ok(())
}

async fn wait_for_status(app: &TestApp, company: &Company, aid: &str, wanted: &str) -> Step<()> {
    for _ in 0..50 {
        let one: Value = app
            .get_api(&format!("/assessments/{aid}"), Some(&company.token))
            .await
            .json()
            .await?;
        if one["status"] == wanted {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("the assessment never became {wanted}").into())
}

/// Chooses an option (radio or checkbox) of a question.
async fn choose(c: &Client, key: &str, value: &str) -> Step<()> {
    click(c, &format!("input[name='a.{key}'][value='{value}']")).await
}

/// The field of a number question.
fn field(key: &str) -> String {
    format!("#q-{}", key.replace(['.', '_'], "-"))
}

async fn value_of(c: &Client, css: &str) -> Step<String> {
    Ok(c.find(Locator::Css(css))
        .await?
        .prop("value")
        .await?
        .unwrap_or_default())
}

async fn next_section(c: &Client, aid: &str, number: usize) -> Step<()> {
    click(c, "button[value=next]").await?;
    wait_for_path(c, &format!("/assessments/{aid}/sections/{number}")).await
}

/// The supplier answers the nine sections of the standard SAQ (version 2) in Spanish.
async fn answer_the_standard_saq(app: &TestApp, c: &Client, aid: &str) -> Step<()> {
    c.goto(&app.url(&format!("/assessments/{aid}"))).await?;
    wait_for_path(c, &format!("/assessments/{aid}/sections/1")).await?;
    c.wait()
        .for_element(Locator::XPath("//p[contains(., 'Sección 1 de 9')]"))
        .await?;

    // 1. Recruiters: the follow-ups appear with "yes"; the answers are autosaved
    // and still there after a reload.
    choose(c, "rec.uses_recruiters", "yes").await?;
    let follow_up = c.find(Locator::Css("#q-rec-all-licensed-box")).await?;
    if !follow_up.is_displayed().await? {
        return Err("the follow-up question did not appear".into());
    }
    choose(c, "rec.uses_recruiters", "no").await?;
    if c.find(Locator::Css("#q-rec-all-licensed-box"))
        .await?
        .is_displayed()
        .await?
    {
        return Err("the follow-up question did not hide again".into());
    }
    fill(c, &field("rec.migrant_share"), "40").await?;
    fill(c, &field("rec.origin_countries"), "Nepal 40 %, Malasia 60 %").await?;
    // Leaving the field is the change that starts the autosave.
    click(c, "h1").await?;
    let status = c
        .wait()
        .for_element(Locator::Css(".autosave-status[data-state=saved]"))
        .await?
        .text()
        .await?;
    if !status.contains("guardado automáticamente") {
        return Err(format!("the autosave indicator says {status:?}").into());
    }
    document(c, "questionnaire").await?;
    // A fresh load (not a reload, which could restore the typed values).
    c.goto(&app.url(&format!("/assessments/{aid}/sections/1")))
        .await?;
    c.wait().for_element(Locator::Css("html[lang=es]")).await?;
    let share = value_of(c, &field("rec.migrant_share")).await?;
    let chosen = c
        .find(Locator::Css("input[name='a.rec.uses_recruiters'][value='no']"))
        .await?
        .prop("checked")
        .await?;
    if share != "40" || chosen.as_deref() != Some("true") {
        return Err(format!("not autosaved: share {share:?}, choice {chosen:?}").into());
    }
    next_section(c, aid, 2).await?;

    // 2. Fees.
    choose(c, "fees.policy", "no").await?;
    choose(c, "fees.workers_paid_any", "no").await?;
    choose(c, "fees.workers_borrowed", "no").await?;
    choose(c, "fees.recovered_by_deduction", "no").await?;
    choose(c, "fees.deposits", "no").await?;
    choose(c, "fees.repaid", "none_found").await?;
    next_section(c, aid, 3).await?;

    // 3. Contracts.
    choose(c, "contracts.before_departure", "all").await?;
    choose(c, "contracts.pre_departure_orientation", "all").await?;
    choose(c, "contracts.substitution", "no").await?;
    choose(c, "contracts.job_offers", "yes").await?;
    choose(c, "data.only_for_hiring", "yes").await?;
    choose(c, "data.kept_secure", "yes").await?;
    choose(c, "data.shared_with_consent", "yes").await?;
    next_section(c, aid, 4).await?;

    // 4. Identity documents and freedom of movement.
    choose(c, "docs.held", "no").await?;
    choose(c, "movement.leave_premises", "yes").await?;
    choose(c, "movement.phones", "yes").await?;
    choose(c, "movement.remote_site", "no").await?;
    choose(c, "movement.resign", "yes").await?;
    choose(c, "movement.change_employer", "yes").await?;
    choose(c, "movement.return_travel", "yes").await?;
    next_section(c, aid, 5).await?;

    // 5. Wages: payslips uploaded as evidence through the upload form first.
    let pdf = std::env::temp_dir().join(format!("payslips-{}.pdf", uuid::Uuid::new_v4().simple()));
    std::fs::write(&pdf, b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")?;
    c.find(Locator::Css("#q-wages-payslips-file"))
        .await?
        .send_keys(&pdf.to_string_lossy())
        .await?;
    click(c, "button[form='upload-q-wages-payslips']").await?;
    wait_for_path(c, "upload=ok").await?;
    let _ = std::fs::remove_file(&pdf);
    let chosen = c
        .find(Locator::Css("#q-wages-payslips option:checked"))
        .await?
        .text()
        .await?;
    if !chosen.contains("payslips-") {
        return Err(format!("the uploaded file does not answer the question: {chosen:?}").into());
    }
    choose(c, "wages.payment_method", "own_account").await?;
    fill(c, &field("wages.longest_delay"), "0").await?;
    choose(c, "wages.held_back", "no").await?;
    choose(c, "wages.below_minimum", "no").await?;
    choose(c, "wages.disciplinary_fines", "no").await?;
    next_section(c, aid, 6).await?;

    // 6. Hours: 200 is refused beside the field, in Spanish, then fixed.
    choose(c, "hours.overtime_voluntary", "voluntary").await?;
    choose(c, "hours.rest_day", "yes").await?;
    fill(c, &field("hours.max_weekly"), "200").await?;
    click(c, "button[value=next]").await?;
    let error = c
        .wait()
        .for_element(Locator::Css("#q-hours-max-weekly-error"))
        .await?
        .text()
        .await?;
    if !error.contains("Debe estar entre 0 y 168") {
        return Err(format!("unexpected message: {error}").into());
    }
    if value_of(c, &field("hours.max_weekly")).await? != "200" {
        return Err("what was typed was lost".into());
    }
    document(c, "questionnaire-error").await?;
    fill(c, &field("hours.max_weekly"), "48").await?;
    next_section(c, aid, 7).await?;

    // 7. Housing.
    choose(c, "housing.provided", "no").await?;
    fill(c, &field("housing.charges_share"), "0").await?;
    next_section(c, aid, 8).await?;

    // 8. Grievances.
    choose(c, "grievance.channel", "yes").await?;
    choose(c, "grievance.channel_languages", "yes").await?;
    choose(c, "grievance.channel_agency_workers", "yes").await?;
    choose(c, "grievance.non_retaliation", "yes").await?;
    choose(c, "voice.representation", "union").await?;
    choose(c, "voice.organising_penalised", "no").await?;
    choose(c, "grievance.allegations", "none").await?;
    choose(c, "grievance.arrival_interviews", "always").await?;
    next_section(c, aid, 9).await?;

    // 9. Age checks; then the check page and the submit dialog.
    choose(c, "age.checked", "all").await?;
    choose(c, "age.underage", "no").await?;
    choose(c, "age.discriminatory_tests", "no").await?;
    choose(c, "age.goods_screening", "no_match").await?;
    click(c, "button[value=check]").await?;
    wait_for_path(c, "/check").await?;
    c.wait()
        .for_element(Locator::XPath(
            "//*[contains(., 'Todas las preguntas obligatorias')]",
        ))
        .await?;
    document(c, "check").await?;
    click(c, "form[action$='/submit'] button[type=submit]").await?;
    c.accept_alert().await?;
    wait_for_path(c, "submitted=1").await?;
    Ok(())
}
