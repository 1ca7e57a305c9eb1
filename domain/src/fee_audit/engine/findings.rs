//! What an audit leads to, as data (fee-audit.md, "What it leads to"): a `priority`
//! finding on `recruitment_fees` when any worker paid, with the corrective action to
//! repay, a `priority` finding on `debt_bondage` when any worker is at risk, and a
//! zero-tolerance one on `debt_bondage` when fees were recovered through wages
//! (scoring model 2). The API stores them; titles exist in every locale the platform
//! speaks.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::{
    FeeAuditSummary,
    money::{format_money, format_number, round_money},
};
use crate::{
    questionnaire::{LocalizedText, Severity},
    values::Locale,
};

/// A finding an audit raises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// How severe.
    pub severity: Severity,
    /// A zero-tolerance breach: the supplier's risk band is floored at critical while
    /// it is open.
    pub zero_tolerance: bool,
    /// The indicator key (questionnaire-format.md, "Indicators").
    pub indicator: &'static str,
    /// The title, per locale.
    pub title_by_locale: LocalizedText,
    /// The figures behind it and why it matters, per locale.
    pub detail: LocalizedText,
    /// What the supplier must do, per locale, when there is something to do.
    pub corrective_action: Option<LocalizedText>,
}

/// Every finding the audit raises: recruitment fees first, then debt bondage, then
/// fees recovered through wages.
pub fn findings(summary: &FeeAuditSummary) -> Vec<Finding> {
    [
        recruitment_fees_finding(summary),
        debt_bondage_finding(summary),
        wage_deduction_finding(summary),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Any worker paid → `priority` on `recruitment_fees`, e.g. "12 of 40 workers paid
/// recruitment fees; USD 18,400.00 outstanding".
pub fn recruitment_fees_finding(s: &FeeAuditSummary) -> Option<Finding> {
    if s.workers_who_paid == 0 {
        return None;
    }
    // Judged on the amount shown: a sub-cent remainder is not something to repay.
    let owed = round_money(s.total_outstanding_usd) > Decimal::ZERO;
    let title = localized(|l| {
        let (paid, all, out) = (
            count(s.workers_who_paid, l),
            count(s.workers, l),
            format_money(s.total_outstanding_usd, l),
        );
        let one = s.workers_who_paid == 1;
        match (l, owed) {
            (Locale::En, true) => format!(
                "{paid} of {all} {} paid recruitment fees; USD {out} outstanding",
                plural(s.workers, "worker", "workers")
            ),
            (Locale::En, false) => format!(
                "{paid} of {all} {} paid recruitment fees, since fully reimbursed",
                plural(s.workers, "worker", "workers")
            ),
            (Locale::Es, true) => format!(
                "{paid} de {all} {} {} comisiones de contratación; pendiente de reembolso: USD {out}",
                plural(s.workers, "trabajador", "trabajadores"),
                if one { "pagó" } else { "pagaron" }
            ),
            (Locale::Es, false) => format!(
                "{paid} de {all} {} {} comisiones de contratación, ya reembolsadas en su totalidad",
                plural(s.workers, "trabajador", "trabajadores"),
                if one { "pagó" } else { "pagaron" }
            ),
            (Locale::Fr, true) => format!(
                "{paid} {} sur {all} {} des frais de recrutement\u{a0}; reste à rembourser\u{a0}: {out}\u{a0}USD",
                plural(s.workers_who_paid, "travailleur", "travailleurs"),
                if one { "a payé" } else { "ont payé" }
            ),
            (Locale::Fr, false) => format!(
                "{paid} {} sur {all} {} des frais de recrutement, depuis intégralement remboursés",
                plural(s.workers_who_paid, "travailleur", "travailleurs"),
                if one { "a payé" } else { "ont payé" }
            ),
        }
    });
    let detail = localized(|l| {
        let (total, back) = (
            format_money(s.total_fees_usd, l),
            format_money(s.total_reimbursed_usd, l),
        );
        let (median, max) = (
            format_number(s.median_months_of_wages, 2, l),
            format_number(s.max_months_of_wages, 2, l),
        );
        match l {
            Locale::En => format!(
                "Under the Employer Pays Principle no worker should pay for a job. Recruitment fees and related costs paid by workers: USD {total}; already reimbursed: USD {back}. Median burden among those who paid: {median} months of wages (highest: {max})."
            ),
            Locale::Es => format!(
                "Según el principio de que paga el empleador, ningún trabajador debe pagar por obtener un empleo. Comisiones de contratación y gastos conexos pagados por los trabajadores: USD {total}; importe ya reembolsado: USD {back}. Carga mediana entre quienes pagaron: {median} meses de salario (máximo: {max})."
            ),
            Locale::Fr => format!(
                "Selon le principe de l’employeur-payeur, aucun travailleur ne doit payer pour obtenir un emploi. Commissions de recrutement et frais connexes payés par les travailleurs\u{a0}: {total}\u{a0}USD\u{a0}; montant déjà remboursé\u{a0}: {back}\u{a0}USD. Charge médiane parmi ceux qui ont payé\u{a0}: {median}\u{a0}mois de salaire (maximum\u{a0}: {max})."
            ),
        }
    });
    let action = owed.then(|| {
        localized(|l| {
            let out = format_money(s.total_outstanding_usd, l);
            match l {
                Locale::En => format!("Repay USD {out} to the workers who paid, into each worker's own hands or account and never by offsetting wages; an advisor then verifies the repayment."),
                Locale::Es => format!("Reembolsar USD {out} a los trabajadores que pagaron, directamente a cada uno y nunca mediante descuentos en el salario; después, un asesor verifica el reembolso."),
                Locale::Fr => format!("Rembourser {out}\u{a0}USD aux travailleurs qui ont payé, directement à chacun et jamais par retenue sur salaire\u{a0}; un conseiller vérifie ensuite le remboursement."),
            }
        })
    });
    Some(Finding {
        severity: Severity::Priority,
        // A worker who paid is a priority, never zero tolerance (fee-audit.md).
        zero_tolerance: false,
        indicator: "recruitment_fees",
        title_by_locale: title,
        detail,
        corrective_action: action,
    })
}

/// Any worker at risk → `priority` on `debt_bondage`, e.g. "3 workers at risk of debt
/// bondage: …".
pub fn debt_bondage_finding(s: &FeeAuditSummary) -> Option<Finding> {
    let n = s.workers_with_debt_bondage_risk;
    if n == 0 {
        return None;
    }
    let title = localized(|l| {
        let at_risk = count(n, l);
        match l {
            Locale::En => format!(
                "{at_risk} {} at risk of debt bondage: fees paid with a loan or costing a month's wage or more",
                plural(n, "worker", "workers")
            ),
            Locale::Es => format!(
                "{at_risk} {} en riesgo de servidumbre por deudas: comisiones pagadas con un préstamo o de un mes de salario o más",
                plural(n, "trabajador", "trabajadores")
            ),
            Locale::Fr => format!(
                "{at_risk} {} à un risque de servitude pour dettes\u{a0}: frais payés par un emprunt ou d’au moins un mois de salaire",
                plural(n, "travailleur exposé", "travailleurs exposés")
            ),
        }
    });
    let detail = localized(|l| {
        match l {
        Locale::En => "A worker who borrowed to pay for the job, or paid a month's wage or more, can be kept in the job by the debt: an ILO indicator of forced labour. Repay the fees without delay and check that no worker is still repaying a recruitment loan.".to_string(),
        Locale::Es => "Un trabajador que se endeudó para pagar su empleo, o que pagó un mes de salario o más, puede quedar atado a su puesto por la deuda: es un indicador de trabajo forzoso de la OIT. Reembolsar las comisiones sin demora y comprobar que ningún trabajador siga pagando un préstamo de contratación.".to_string(),
        Locale::Fr => "Un travailleur qui s’est endetté pour obtenir son emploi, ou qui a payé un mois de salaire ou plus, peut se retrouver lié à son poste par la dette\u{a0}: c’est un indicateur de travail forcé de l’OIT. Rembourser les frais sans délai et vérifier qu’aucun travailleur ne rembourse encore un prêt lié à son recrutement.".to_string(),
    }
    });
    Some(Finding {
        severity: Severity::Priority,
        zero_tolerance: false,
        indicator: "debt_bondage",
        title_by_locale: title,
        detail,
        corrective_action: None,
    })
}

/// Any payment taken from a worker's wages → a zero-tolerance `priority` finding on
/// `debt_bondage`: the fees are recovered through wages, a debt worked off
/// (fee-audit.md, "Additions").
pub fn wage_deduction_finding(s: &FeeAuditSummary) -> Option<Finding> {
    let n = s.workers_with_fees_deducted_from_wages;
    if n == 0 {
        return None;
    }
    let title = localized(|l| {
        let workers = count(n, l);
        match l {
            Locale::En => format!(
                "Recruitment fees recovered through the wages of {workers} {}: debt bondage",
                plural(n, "worker", "workers")
            ),
            Locale::Es => format!(
                "Comisiones de contratación cobradas con descuentos en el salario de {workers} {}: servidumbre por deudas",
                plural(n, "trabajador", "trabajadores")
            ),
            Locale::Fr => format!(
                "Frais de recrutement prélevés sur le salaire de {workers} {}\u{a0}: servitude pour dettes",
                plural(n, "travailleur", "travailleurs")
            ),
        }
    });
    let detail = localized(|l| {
        match l {
        Locale::En => "A recruitment cost taken out of a worker's wages is a debt the worker repays by working: debt bondage, an ILO indicator of forced labour, whatever the amount.".to_string(),
        Locale::Es => "Un costo de contratación descontado del salario es una deuda que el trabajador paga trabajando: servidumbre por deudas, un indicador de trabajo forzoso de la OIT, sea cual sea el importe.".to_string(),
        Locale::Fr => "Un coût de recrutement retenu sur le salaire est une dette que le travailleur rembourse en travaillant\u{a0}: de la servitude pour dettes, un indicateur de travail forcé de l’OIT, quel qu’en soit le montant.".to_string(),
    }
    });
    let action = localized(|l| {
        match l {
        Locale::En => "Stop every deduction from wages for recruitment costs at once and repay what was deducted to each worker; an advisor then verifies it.".to_string(),
        Locale::Es => "Suspender de inmediato todo descuento salarial por costos de contratación y devolver a cada trabajador lo descontado; después, un asesor lo verifica.".to_string(),
        Locale::Fr => "Cesser immédiatement toute retenue sur salaire au titre du recrutement et rendre à chaque travailleur ce qui a été retenu\u{a0}; un conseiller le vérifie ensuite.".to_string(),
    }
    });
    Some(Finding {
        severity: Severity::Priority,
        zero_tolerance: true,
        indicator: "debt_bondage",
        title_by_locale: title,
        detail,
        corrective_action: Some(action),
    })
}

fn localized(text: impl Fn(Locale) -> String) -> LocalizedText {
    LocalizedText(
        Locale::ALL
            .into_iter()
            .map(|l| (l.code().to_string(), text(l)))
            .collect::<BTreeMap<_, _>>(),
    )
}

fn count(n: u64, locale: Locale) -> String {
    format_number(Decimal::from(n), 0, locale)
}

fn plural(n: u64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
