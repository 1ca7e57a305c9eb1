//! The findings an audit raises, and how numbers read in each locale.

use super::*;
use crate::{
    fee_audit::engine::{findings, format_money},
    questionnaire::Severity,
    values::Locale,
};

/// 40 workers, 12 of whom paid; 3 of those at risk of debt bondage.
fn forty_workers() -> FeeAuditOutcome {
    let refs: Vec<String> = (1..=40).map(|i| format!("W{i:02}")).collect();
    let rows: Vec<Pay<'_>> = refs
        .iter()
        .enumerate()
        .map(|(i, worker)| {
            let wage = |p: Pay<'static>| Pay {
                worker,
                monthly_wage: "2000",
                ..p
            };
            match i {
                // 3 workers paid 2000: one month of a 2000 wage, so at risk.
                0..=2 => wage(pay("", "2000")),
                // 9 paid 1600 (0.8 months); two of them were paid back 1600 and 400.
                3 => wage(Pay {
                    reimbursed: "1600",
                    ..pay("", "1600")
                }),
                4 => wage(Pay {
                    reimbursed: "400",
                    ..pay("", "1600")
                }),
                5..=11 => wage(pay("", "1600")),
                _ => nothing(worker),
            }
        })
        .collect();
    audit_ok(&rows)
}

#[test]
fn workers_who_paid_raise_a_priority_recruitment_fees_finding_in_every_locale() {
    let outcome = forty_workers();
    // 3 × 2000 + 9 × 1600 = 20400 paid; 1600 + 400 = 2000 reimbursed; 18400 outstanding.
    assert_eq!(
        shown(&outcome.summary, "total_outstanding_usd"),
        serde_json::json!("18400.00")
    );

    let found = findings(&outcome.summary);

    let fees = &found[0];
    assert_eq!(
        (fees.severity, fees.indicator),
        (Severity::Priority, "recruitment_fees")
    );
    let title = |locale| fees.title_by_locale.get(locale, "en").to_string();
    assert_eq!(
        title("en"),
        "12 of 40 workers paid recruitment fees; USD 18,400.00 outstanding"
    );
    assert_eq!(
        title("es"),
        "12 de 40 trabajadores pagaron comisiones de contratación; pendiente de reembolso: USD 18.400,00"
    );
    assert_eq!(
        title("fr"),
        "12 travailleurs sur 40 ont payé des frais de recrutement\u{a0}; reste à rembourser\u{a0}: 18\u{a0}400,00\u{a0}USD"
    );
    let action = fees.corrective_action.as_ref().unwrap();
    assert!(action.get("en", "en").starts_with("Repay USD 18,400.00"));
}

#[test]
fn workers_at_risk_raise_a_priority_debt_bondage_finding() {
    let outcome = forty_workers();
    // W01–W03 paid 2000 = 1 month of a 2000 wage: at risk (≥ 1). The others paid 0.8 months.
    assert_eq!(outcome.summary.workers_with_debt_bondage_risk, 3);

    let found = findings(&outcome.summary);

    assert_eq!(found.len(), 2);
    let bondage = &found[1];
    assert_eq!(
        (bondage.severity, bondage.indicator),
        (Severity::Priority, "debt_bondage")
    );
    assert!(
        bondage
            .title_by_locale
            .get("en", "en")
            .starts_with("3 workers at risk of debt bondage")
    );
    assert!(
        bondage
            .title_by_locale
            .get("es", "en")
            .starts_with("3 trabajadores en riesgo de servidumbre por deudas")
    );
    assert!(
        bondage
            .title_by_locale
            .get("fr", "en")
            .starts_with("3 travailleurs exposés à un risque de servitude pour dettes")
    );
}

#[test]
fn one_payer_reads_in_the_singular_and_no_payer_raises_nothing() {
    let outcome = audit_ok(&[
        Pay {
            reimbursed: "100",
            ..pay("W1", "100")
        },
        nothing("W2"),
    ]);

    let found = findings(&outcome.summary);

    assert_eq!(found.len(), 1, "0.2 months, no loan: no debt-bondage risk");
    let title = &found[0].title_by_locale;
    assert_eq!(
        title.get("en", "en"),
        "1 of 2 workers paid recruitment fees, since fully reimbursed"
    );
    assert_eq!(
        title.get("es", "en"),
        "1 de 2 trabajadores pagó comisiones de contratación, ya reembolsadas en su totalidad"
    );
    assert_eq!(
        title.get("fr", "en"),
        "1 travailleur sur 2 a payé des frais de recrutement, depuis intégralement remboursés"
    );
    assert!(found[0].corrective_action.is_none(), "nothing left to repay");
    assert!(findings(&audit_ok(&[nothing("W1")]).summary).is_empty());
}

#[test]
fn amounts_are_written_the_way_each_locale_reads_them() {
    let cases = [
        ("18400", Locale::En, "18,400.00"),
        ("18400", Locale::Es, "18.400,00"),
        ("18400", Locale::Fr, "18\u{a0}400,00"),
        ("1500", Locale::En, "1,500.00"),
        ("1500", Locale::Es, "1500,00"),
        ("1234567.891", Locale::Fr, "1\u{a0}234\u{a0}567,89"),
        ("999.995", Locale::En, "1,000.00"),
        ("0.5", Locale::Es, "0,50"),
    ];
    for (value, locale, expected) in cases {
        assert_eq!(
            format_money(dec(value), locale),
            expected,
            "{value} in {locale:?}"
        );
    }
}
