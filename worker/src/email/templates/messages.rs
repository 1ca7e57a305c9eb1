//! Every notification message, in every locale: it renders, it links to the
//! exact page, it says why the reader gets it, and user content is escaped in
//! HTML but kept as typed in the text part.

#![allow(clippy::unwrap_used)]

use domain::{email::TemplateKey, values::Locale};
use serde_json::{Value, json};

use super::render;

const EVIL: &str = "<script>alert(1)</script>";

/// Sample parameters for each message, with a hostile supplier name, and the
/// links each must carry.
fn samples() -> Vec<(&'static str, Value, Vec<&'static str>)> {
    let link = "https://fairhire.test/assessments/a1";
    vec![
        (
            TemplateKey::AssessmentSent.as_str(),
            json!({"company_name": "Acme", "supplier_name": EVIL, "questionnaire_title": "SAQ",
                   "due_date": "2026-12-24", "link": link}),
            vec![link],
        ),
        (
            TemplateKey::AssessmentReminder.as_str(),
            json!({"company_name": "Acme", "supplier_name": EVIL, "questionnaire_title": "SAQ",
                   "due_date": "2026-12-24", "overdue": false, "days": 3, "reason": "contact", "link": link}),
            vec![link],
        ),
        (
            TemplateKey::AssessmentReturned.as_str(),
            json!({"company_name": "Acme", "supplier_name": EVIL, "questionnaire_title": "SAQ",
                   "comment": "Q7 <b>needs</b> evidence", "due_date": "2026-12-24", "reason": "supplier",
                   "link": link}),
            vec![link],
        ),
        (
            TemplateKey::FindingsPriority.as_str(),
            json!({"company_name": "Acme", "supplier_name": EVIL, "reason": "officer", "findings": [
                {"title": "Passports retained", "severity": "priority", "indicator": "retention_of_identity_documents",
                 "zero_tolerance": true, "link": "https://fairhire.test/findings/f1"},
                {"title": "Fees charged", "severity": "major", "indicator": "recruitment_fees",
                 "zero_tolerance": true, "link": "https://fairhire.test/findings/f2"}]}),
            vec![
                "https://fairhire.test/findings/f1",
                "https://fairhire.test/findings/f2",
            ],
        ),
        (
            TemplateKey::FindingsDigest.as_str(),
            json!({"company_name": "Acme", "day": "2026-11-27", "total": 1, "more": 0, "reason": "advisor",
                   "findings": [{"supplier_name": EVIL, "title": "No grievance channel", "severity": "minor",
                                 "link": "https://fairhire.test/findings/f3"}]}),
            vec!["https://fairhire.test/findings/f3"],
        ),
        (
            TemplateKey::ActionReminder.as_str(),
            json!({"company_name": "Acme", "supplier_name": EVIL, "description": "Return passports",
                   "finding_title": "Passports retained", "due_date": "2026-12-01", "overdue": true, "days": 9,
                   "reason": "owner", "link": "https://fairhire.test/findings/f1"}),
            vec!["https://fairhire.test/findings/f1"],
        ),
        (
            TemplateKey::FeeAuditProcessed.as_str(),
            json!({"company_name": "Acme", "supplier_name": EVIL, "workers": "12", "workers_who_paid": "5",
                   "total_fees_usd": "5400.00", "total_outstanding_usd": "5400.00", "reason": "admin",
                   "link": "https://fairhire.test/fee-audits/x1"}),
            vec!["https://fairhire.test/fee-audits/x1"],
        ),
        (
            TemplateKey::ReportReady.as_str(),
            json!({"company_name": "Acme", "supplier_name": EVIL, "reason": "officer",
                   "link": "https://fairhire.test/reports/r1"}),
            vec!["https://fairhire.test/reports/r1"],
        ),
        (
            TemplateKey::EvidencePackReady.as_str(),
            json!({"company_name": "Acme", "supplier_name": EVIL, "regime": "uflpa", "reason": "officer",
                   "link": "https://fairhire.test/evidence-packs/p1"}),
            vec!["https://fairhire.test/evidence-packs/p1"],
        ),
        (
            TemplateKey::VoiceUrgent.as_str(),
            json!({"company_name": "Acme", "supplier_name": EVIL, "category": "documents_held",
                   "case_code": "K3QZ-8H2M", "reason": "advisor",
                   "link": "https://fairhire.test/voice/cases/c1"}),
            vec!["https://fairhire.test/voice/cases/c1"],
        ),
        (
            TemplateKey::ScreeningHit.as_str(),
            json!({"company_name": "Acme", "subject_name": EVIL, "list_name": "Withhold Release Orders and Findings",
                   "entry_name": "Hoshine Silicon Industry Co., Ltd.", "score": "0.97", "reason": "officer",
                   "link": "https://fairhire.test/screening"}),
            vec!["https://fairhire.test/screening"],
        ),
    ]
}

/// The "why you are receiving this" opening in each locale.
fn why(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "Why you are receiving this:",
        Locale::Es => "Por qué recibe este mensaje:",
        Locale::Fr => "Pourquoi recevez-vous ce message ?",
    }
}

#[test]
fn every_message_renders_in_every_locale_with_its_links_and_reason() {
    for (template, params, links) in samples() {
        for locale in Locale::ALL {
            let email =
                render(template, locale, &params).unwrap_or_else(|e| panic!("{template} {locale}: {e}"));
            assert!(
                !email.subject.is_empty() && !email.subject.contains('\n'),
                "{template} {locale}"
            );
            for body in [&email.text, &email.html] {
                for link in &links {
                    assert!(body.contains(link), "{template} {locale} lacks {link}:\n{body}");
                }
                assert!(
                    body.contains(why(locale)),
                    "{template} {locale} says why:\n{body}"
                );
                assert!(
                    !body.contains("{{") && !body.contains("{%"),
                    "{template} {locale}"
                );
            }
            let link_line = email.text.lines().any(|l| links.contains(&l.trim()));
            assert!(
                link_line,
                "{template} {locale}: a link on its own line:\n{}",
                email.text
            );
        }
    }
}

#[test]
fn html_escapes_user_content_and_text_keeps_it() {
    for (template, params, _) in samples() {
        let email = render(template, Locale::En, &params).unwrap();
        assert!(!email.html.contains("<script>"), "{template}");
        assert!(
            email.html.contains("&#60;script&#62;") || email.html.contains("&lt;script&gt;"),
            "{template}"
        );
        assert!(!email.html.contains("<b>needs</b>"), "{template}");
        assert!(email.text.contains(EVIL), "{template}");
    }
}

#[test]
fn reminders_say_when() {
    let (_, mut params, _) = samples().swap_remove(1);
    let soon = render(TemplateKey::AssessmentReminder.as_str(), Locale::En, &params).unwrap();
    assert!(soon.subject.contains("due in 3 days"), "{}", soon.subject);
    params["overdue"] = json!(true);
    params["days"] = json!(1);
    let late = render(TemplateKey::AssessmentReminder.as_str(), Locale::Es, &params).unwrap();
    assert!(late.subject.starts_with("Vencido"), "{}", late.subject);
    assert!(late.text.contains("1 día de retraso"), "{}", late.text);
    assert!(
        late.text.contains("contacto de"),
        "a contact is told why: {}",
        late.text
    );
}

#[test]
fn a_long_digest_counts_what_it_leaves_out() {
    let (_, mut params, _) = samples().swap_remove(4);
    params["total"] = json!(53);
    params["more"] = json!(52);
    let email = render(TemplateKey::FindingsDigest.as_str(), Locale::En, &params).unwrap();
    assert!(
        email.text.contains("… and 52 more in Fairhire."),
        "{}",
        email.text
    );
    assert!(
        email.html.contains("… and 52 more in Fairhire."),
        "{}",
        email.html
    );
    assert!(email.subject.contains("53 new"), "{}", email.subject);
}

#[test]
fn a_message_with_missing_parameters_is_an_error() {
    for (template, _, _) in samples() {
        assert!(
            render(template, Locale::En, &json!({"company_name": "Acme"})).is_err(),
            "{template}"
        );
    }
}
