//! Every label of a report in English, Spanish and French, and dates in each
//! locale's long form. Numbers use `domain::fee_audit::engine::format_number`.

use chrono::{Datelike, NaiveDate};
use domain::values::Locale;

/// (key, en, es, fr).
const LABELS: &[(&str, &str, &str, &str)] = &[
    (
        "title",
        "Ethical recruitment advisory report",
        "Informe de asesoría sobre contratación ética",
        "Rapport de conseil sur le recrutement éthique",
    ),
    (
        "page_of",
        "page {n} of {total}",
        "página {n} de {total}",
        "page {n} sur {total}",
    ),
    (
        "confidential",
        "Confidential: prepared for the client named above and the supplier assessed. Do not distribute further without the client’s consent. It contains no worker’s name; workers are referred to by pseudonymous references.",
        "Confidencial: preparado para el cliente indicado y el proveedor evaluado. No lo distribuya sin el consentimiento del cliente. No contiene nombres de trabajadores; se los identifica con referencias seudónimas.",
        "Confidentiel : établi pour le client indiqué et le fournisseur évalué. Ne pas diffuser sans l’accord du client. Il ne contient aucun nom de travailleur ; les travailleurs sont désignés par des références pseudonymes.",
    ),
    ("client", "Client", "Cliente", "Client"),
    ("supplier", "Supplier", "Proveedor", "Fournisseur"),
    ("country", "Country", "País", "Pays"),
    ("sector", "Sector", "Sector", "Secteur"),
    ("date", "Date", "Fecha", "Date"),
    ("advisor", "Advisor", "Asesor", "Conseiller"),
    (
        "questionnaire",
        "Questionnaire version",
        "Versión del cuestionario",
        "Version du questionnaire",
    ),
    (
        "model",
        "Scoring-model version",
        "Versión del modelo de puntuación",
        "Version du modèle de notation",
    ),
    ("contents", "Contents", "Índice", "Sommaire"),
    ("summary", "Executive summary", "Resumen ejecutivo", "Synthèse"),
    ("risk_band", "Risk band", "Nivel de riesgo", "Niveau de risque"),
    ("score", "Score", "Puntuación", "Score"),
    (
        "components",
        "Score components (0–100, higher is riskier)",
        "Componentes de la puntuación (0–100; cuanto más alto, más riesgo)",
        "Composantes du score (0–100 ; plus c’est élevé, plus le risque est grand)",
    ),
    (
        "practice",
        "Supplier practice",
        "Prácticas del proveedor",
        "Pratiques du fournisseur",
    ),
    (
        "inherent",
        "Inherent risk (country and sector)",
        "Riesgo inherente (país y sector)",
        "Risque inhérent (pays et secteur)",
    ),
    (
        "fee",
        "Recruitment fees",
        "Comisiones de contratación",
        "Frais de recrutement",
    ),
    ("red_flags", "Red flags", "Alertas rojas", "Signaux d’alerte"),
    (
        "zero_tolerance_tag",
        "zero tolerance",
        "tolerancia cero",
        "tolérance zéro",
    ),
    (
        "zero_tolerance",
        "Zero-tolerance findings",
        "Hallazgos de tolerancia cero",
        "Constats de tolérance zéro",
    ),
    (
        "fee_headline",
        "Recruitment fees at a glance",
        "Comisiones de contratación en cifras",
        "Frais de recrutement en bref",
    ),
    (
        "workers_paid",
        "Workers who paid fees",
        "Trabajadores que pagaron comisiones",
        "Travailleurs ayant payé des frais",
    ),
    (
        "outstanding",
        "Outstanding (USD)",
        "Pendiente de reembolso (USD)",
        "Restant dû (USD)",
    ),
    (
        "median_months",
        "Median months of wages paid",
        "Mediana de meses de salario pagados",
        "Médiane des mois de salaire payés",
    ),
    (
        "max_months",
        "Maximum months of wages paid",
        "Máximo de meses de salario pagados",
        "Maximum de mois de salaire payés",
    ),
    (
        "no_fee_audit",
        "No fee audit has been uploaded for this supplier.",
        "No se ha cargado ninguna auditoría de comisiones para este proveedor.",
        "Aucun audit des frais n’a été déposé pour ce fournisseur.",
    ),
    (
        "priorities",
        "Priority actions",
        "Acciones prioritarias",
        "Actions prioritaires",
    ),
    (
        "scope",
        "Scope and method",
        "Alcance y método",
        "Périmètre et méthode",
    ),
    (
        "scope_text",
        "This report rests on the supplier’s self-assessment questionnaire ({questionnaire}), the findings recorded by the client’s team and advisors, and, where one was uploaded, a per-worker recruitment-fee audit. Answers were not all verified on site; where evidence was not provided the report says so. The overall score combines the supplier’s practice, the inherent risk of its country and sector and, when audited, the fees workers paid (scoring model {model}); open priority or zero-tolerance findings raise the band whatever the score.",
        "Este informe se basa en el cuestionario de autoevaluación del proveedor ({questionnaire}), en los hallazgos registrados por el equipo del cliente y sus asesores y, si se cargó, en una auditoría de comisiones de contratación por trabajador. No todas las respuestas se verificaron in situ; cuando no se aportaron pruebas, el informe lo indica. La puntuación global combina las prácticas del proveedor, el riesgo inherente de su país y sector y, si se auditaron, las comisiones que pagaron los trabajadores (modelo de puntuación {model}); un hallazgo prioritario o de tolerancia cero abierto eleva el nivel sea cual sea la puntuación.",
        "Ce rapport s’appuie sur le questionnaire d’auto-évaluation du fournisseur ({questionnaire}), sur les constats enregistrés par l’équipe du client et ses conseillers et, s’il a été déposé, sur un audit des frais de recrutement par travailleur. Les réponses n’ont pas toutes été vérifiées sur place ; lorsque des preuves manquent, le rapport le signale. Le score global combine les pratiques du fournisseur, le risque inhérent de son pays et de son secteur et, s’ils ont été audités, les frais payés par les travailleurs (modèle de notation {model}) ; un constat prioritaire ou de tolérance zéro ouvert relève le niveau quel que soit le score.",
    ),
    (
        "standards",
        "Reference standards: ILO General Principles and Operational Guidelines for Fair Recruitment and Definition of Recruitment Fees and Related Costs (2019); ILO indicators of forced labour; IRIS Standard; the Employer Pays Principle.",
        "Normas de referencia: Principios generales y directrices operativas de la OIT para la contratación equitativa y definición de comisiones de contratación y gastos conexos (2019); indicadores de trabajo forzoso de la OIT; norma IRIS; principio de «el empleador paga».",
        "Normes de référence : principes généraux et directives opérationnelles de l’OIT concernant le recrutement équitable et définition des commissions de recrutement et frais connexes (2019) ; indicateurs du travail forcé de l’OIT ; norme IRIS ; principe « l’employeur paie ».",
    ),
    (
        "inherent_title",
        "Context and inherent risk",
        "Contexto y riesgo inherente",
        "Contexte et risque inhérent",
    ),
    ("country_risk", "Country risk", "Riesgo del país", "Risque pays"),
    (
        "sector_risk",
        "Sector risk",
        "Riesgo del sector",
        "Risque sectoriel",
    ),
    (
        "overridden",
        "set by the client",
        "fijado por el cliente",
        "fixé par le client",
    ),
    ("sources", "Sources", "Fuentes", "Sources"),
    // Scoring model 2 in words. es/fr written from the English by an AI assistant
    // (the engineer who wrote them); not yet reviewed by a native speaker.
    (
        "risk_context",
        "{country} × {sector}: {level} ({value} / 100)",
        "{country} × {sector}: {level} ({value} / 100)",
        "{country} × {sector} : {level} ({value} / 100)",
    ),
    (
        "inherent_level_low",
        "low inherent risk",
        "riesgo inherente bajo",
        "risque inhérent faible",
    ),
    (
        "inherent_level_medium",
        "medium inherent risk",
        "riesgo inherente medio",
        "risque inhérent moyen",
    ),
    (
        "inherent_level_high",
        "high inherent risk",
        "riesgo inherente alto",
        "risque inhérent élevé",
    ),
    (
        "inherent_level_critical",
        "critical inherent risk",
        "riesgo inherente crítico",
        "risque inhérent critique",
    ),
    (
        "origin_risk",
        "Workers’ origins (origin risk)",
        "Origen de los trabajadores (riesgo de origen)",
        "Origine des travailleurs (risque d’origine)",
    ),
    (
        "why_band",
        "Why this band",
        "Por qué este nivel",
        "Pourquoi ce niveau",
    ),
    (
        "floor_high_inherent_risk",
        "The context is high-risk (inherent risk {value} / 100): a self-assessment alone never makes it low, so the band is at least {band}.",
        "El contexto es de alto riesgo (riesgo inherente {value} / 100): una autoevaluación por sí sola nunca lo deja en bajo, así que el nivel es al menos {band}.",
        "Le contexte est à haut risque (risque inhérent {value} / 100) : une auto-évaluation seule ne le rend jamais faible, le niveau est donc au moins {band}.",
    ),
    (
        "floor_ilo_indicators",
        "Open serious findings show {count} ILO forced-labour indicators ({indicators}). The ILO reads forced labour from combinations of indicators, so the band is at least {band}.",
        "Los hallazgos graves abiertos muestran {count} indicadores de trabajo forzoso de la OIT ({indicators}). La OIT identifica el trabajo forzoso por la combinación de indicadores, así que el nivel es al menos {band}.",
        "Les constats graves ouverts montrent {count} indicateurs de travail forcé de l’OIT ({indicators}). L’OIT reconnaît le travail forcé à la combinaison d’indicateurs, le niveau est donc au moins {band}.",
    ),
    (
        "floor_priority_finding",
        "An open priority finding ({findings}) sets the band to at least {band}.",
        "Un hallazgo prioritario abierto ({findings}) fija el nivel en al menos {band}.",
        "Un constat prioritaire ouvert ({findings}) fixe le niveau à au moins {band}.",
    ),
    (
        "floor_zero_tolerance",
        "An open zero-tolerance finding ({findings}) makes the band {band}, whatever the score.",
        "Un hallazgo abierto de tolerancia cero ({findings}) deja el nivel en {band}, sea cual sea la puntuación.",
        "Un constat ouvert de tolérance zéro ({findings}) rend le niveau {band}, quel que soit le score.",
    ),
    (
        "floor_raised",
        "This raised the band above what the score alone gives.",
        "Esto elevó el nivel por encima del que da la puntuación sola.",
        "Cela a relevé le niveau au-delà de ce que donne le score seul.",
    ),
    ("findings", "Findings", "Hallazgos", "Constats"),
    (
        "findings_by_severity",
        "Findings by severity",
        "Hallazgos por gravedad",
        "Constats par gravité",
    ),
    (
        "no_findings",
        "No findings were recorded.",
        "No se registraron hallazgos.",
        "Aucun constat n’a été enregistré.",
    ),
    ("severity", "Severity", "Gravedad", "Gravité"),
    ("status", "Status", "Estado", "Statut"),
    ("evidence", "Evidence", "Pruebas", "Preuves"),
    ("finding", "Finding", "Hallazgo", "Constat"),
    ("question", "Question", "Pregunta", "Question"),
    ("source", "Source", "Origen", "Origine"),
    (
        "fees_title",
        "Fee audit and remediation",
        "Auditoría de comisiones y reparación",
        "Audit des frais et remédiation",
    ),
    (
        "workers",
        "Workers audited",
        "Trabajadores auditados",
        "Travailleurs audités",
    ),
    (
        "total_fees",
        "Total fees paid (USD)",
        "Total de comisiones pagadas (USD)",
        "Total des frais payés (USD)",
    ),
    (
        "reimbursed",
        "Reimbursed before the audit (USD)",
        "Reembolsado antes de la auditoría (USD)",
        "Remboursé avant l’audit (USD)",
    ),
    (
        "debt_risk",
        "Workers at risk of debt bondage",
        "Trabajadores en riesgo de servidumbre por deudas",
        "Travailleurs exposés à la servitude pour dettes",
    ),
    (
        "by_category",
        "Fees by category (USD)",
        "Comisiones por categoría (USD)",
        "Frais par catégorie (USD)",
    ),
    (
        "by_recruiter",
        "Fees by recruiter",
        "Comisiones por agencia de contratación",
        "Frais par recruteur",
    ),
    ("recruiter", "Recruiter", "Agencia", "Recruteur"),
    (
        "paid_count",
        "Workers who paid",
        "Trabajadores que pagaron",
        "Travailleurs ayant payé",
    ),
    (
        "distribution",
        "Months of wages paid in fees, per worker who paid",
        "Meses de salario pagados en comisiones, por trabajador que pagó",
        "Mois de salaire payés en frais, par travailleur ayant payé",
    ),
    ("months", "months of wages", "meses de salario", "mois de salaire"),
    (
        "cost_title",
        "Recruitment cost indicator (comparable to SDG 10.7.1)",
        "Indicador del costo de contratación (comparable al ODS 10.7.1)",
        "Indicateur du coût du recrutement (comparable à l’ODD 10.7.1)",
    ),
    (
        "cost_note",
        "What workers paid for their recruitment, less interest on loans, against what they earn in a month at destination: the mean over every worker audited, those who paid nothing counting as 0. It follows the form of SDG indicator 10.7.1, computed from this audit’s workers; it is not the official statistic.",
        "Lo que los trabajadores pagaron por su contratación, sin los intereses de préstamos, en relación con lo que ganan en un mes en el lugar de destino: la media de todos los trabajadores auditados, y quienes no pagaron nada cuentan como 0. Sigue la forma del indicador 10.7.1 de los ODS y se calcula con los trabajadores de esta auditoría; no es la estadística oficial.",
        "Ce que les travailleurs ont payé pour leur recrutement, hors intérêts d’emprunt, rapporté à ce qu’ils gagnent en un mois à destination : la moyenne sur tous les travailleurs audités, ceux qui n’ont rien payé comptant pour 0. Il suit la forme de l’indicateur 10.7.1 des ODD, calculé sur les travailleurs de cet audit ; ce n’est pas la statistique officielle.",
    ),
    (
        "cost_overall",
        "All workers audited",
        "Todos los trabajadores auditados",
        "Tous les travailleurs audités",
    ),
    (
        "cost_column",
        "Months of earnings",
        "Meses de ingresos",
        "Mois de revenus",
    ),
    ("corridor", "Corridor", "Corredor", "Corridor"),
    ("sex", "Sex", "Sexo", "Sexe"),
    ("sex_female", "Female", "Mujer", "Femme"),
    ("sex_male", "Male", "Hombre", "Homme"),
    ("sex_other", "Other", "Otro", "Autre"),
    ("sex_unknown", "Not recorded", "No registrado", "Non renseigné"),
    (
        "stale_rates",
        "Some amounts were converted with an exchange rate more than 31 days older than the payment or hire date:",
        "Algunos importes se convirtieron con un tipo de cambio de más de 31 días de antigüedad respecto de la fecha del pago o de la contratación:",
        "Certains montants ont été convertis avec un taux de change antérieur de plus de 31 jours à la date du paiement ou de l’embauche :",
    ),
    (
        "stale_rate",
        "{currency}: rate of {used} used for {wanted}",
        "{currency}: tipo del {used} usado para el {wanted}",
        "{currency} : taux du {used} utilisé pour le {wanted}",
    ),
    (
        "workers_axis",
        "Number of workers per range of months of wages",
        "Número de trabajadores por tramo de meses de salario",
        "Nombre de travailleurs par tranche de mois de salaire",
    ),
    (
        "repayment",
        "Repayment progress",
        "Avance de los reembolsos",
        "Avancement des remboursements",
    ),
    (
        "repaid",
        "Repaid since the audit (USD)",
        "Reembolsado desde la auditoría (USD)",
        "Remboursé depuis l’audit (USD)",
    ),
    (
        "remaining",
        "Still owed (USD)",
        "Aún adeudado (USD)",
        "Encore dû (USD)",
    ),
    (
        "still_owed",
        "Workers still owed",
        "Trabajadores a los que aún se debe",
        "Travailleurs encore créanciers",
    ),
    (
        "settled",
        "All workers have been repaid.",
        "Se ha reembolsado a todos los trabajadores.",
        "Tous les travailleurs ont été remboursés.",
    ),
    (
        "recommendations",
        "Recommendations",
        "Recomendaciones",
        "Recommandations",
    ),
    (
        "containment",
        "Immediate containment",
        "Contención inmediata",
        "Mesures immédiates",
    ),
    (
        "corrective",
        "Corrective actions",
        "Acciones correctivas",
        "Actions correctives",
    ),
    (
        "prevention",
        "Systemic prevention",
        "Prevención sistémica",
        "Prévention systémique",
    ),
    (
        "cap",
        "Corrective-action plan",
        "Plan de acciones correctivas",
        "Plan d’actions correctives",
    ),
    ("action", "Action", "Acción", "Action"),
    ("owner", "Owner", "Responsable", "Responsable"),
    ("due", "Due date", "Fecha límite", "Échéance"),
    (
        "no_actions",
        "No corrective actions have been recorded yet.",
        "Aún no se han registrado acciones correctivas.",
        "Aucune action corrective n’a encore été enregistrée.",
    ),
    ("annex", "Annex", "Anexo", "Annexe"),
    ("answers", "Answers given", "Respuestas dadas", "Réponses données"),
    ("answer", "Answer", "Respuesta", "Réponse"),
    ("method", "Method", "Método", "Méthode"),
    ("glossary", "Glossary", "Glosario", "Glossaire"),
    ("unassigned", "not assigned", "sin asignar", "non attribué"),
];

/// (key, en, es, fr) for stored values: bands, severities, statuses, categories.
const VALUES: &[(&str, &str, &str, &str)] = &[
    ("low", "low", "bajo", "faible"),
    ("medium", "medium", "medio", "moyen"),
    ("high", "high", "alto", "élevé"),
    ("critical", "critical", "crítico", "critique"),
    ("priority", "priority", "prioritario", "prioritaire"),
    ("major", "major", "mayor", "majeur"),
    ("minor", "minor", "menor", "mineur"),
    ("observation", "observation", "observación", "observation"),
    ("open", "open", "abierto", "ouvert"),
    ("in_progress", "in progress", "en curso", "en cours"),
    ("closed", "closed", "cerrado", "clos"),
    ("done", "done", "hecho", "fait"),
    ("verified", "verified", "verificado", "vérifié"),
    ("scoring", "questionnaire", "cuestionario", "questionnaire"),
    (
        "fee_audit",
        "fee audit",
        "auditoría de comisiones",
        "audit des frais",
    ),
    (
        "manual",
        "added by a reviewer",
        "añadido por un revisor",
        "ajouté par un évaluateur",
    ),
    (
        "recruitment_fee",
        "Recruitment fee",
        "Comisión de contratación",
        "Commission de recrutement",
    ),
    ("medical", "Medical", "Médicos", "Frais médicaux"),
    ("insurance", "Insurance", "Seguros", "Assurance"),
    (
        "skills_test",
        "Skills tests",
        "Pruebas de competencias",
        "Tests de compétences",
    ),
    ("training", "Training", "Formación", "Formation"),
    ("equipment", "Equipment", "Equipo", "Équipement"),
    (
        "travel_lodging",
        "Travel and lodging",
        "Viaje y alojamiento",
        "Voyage et hébergement",
    ),
    (
        "administrative",
        "Administrative",
        "Trámites administrativos",
        "Frais administratifs",
    ),
    ("illegitimate", "Illegitimate", "Ilegítimos", "Illégitimes"),
    (
        "loan_interest",
        "Loan interest",
        "Intereses de préstamos",
        "Intérêts d’emprunt",
    ),
    ("other", "Other", "Otros", "Autres"),
    ("none", "None", "Ninguno", "Aucun"),
];

fn pick(
    table: &[(&str, &'static str, &'static str, &'static str)],
    key: &str,
    locale: Locale,
) -> Option<&'static str> {
    table.iter().find(|row| row.0 == key).map(|row| match locale {
        Locale::En => row.1,
        Locale::Es => row.2,
        Locale::Fr => row.3,
    })
}

/// The label `key` in `locale` (the key itself if missing, which a test forbids).
pub fn t(locale: Locale, key: &str) -> &'static str {
    pick(LABELS, key, locale).unwrap_or("?")
}

/// A stored value (band, severity, status, fee category) in `locale`; unknown
/// values are shown as stored.
pub fn value(locale: Locale, raw: &str) -> String {
    pick(VALUES, raw, locale)
        .map(str::to_string)
        .unwrap_or_else(|| raw.replace('_', " "))
}

/// `page 3 of 12` in `locale`.
pub fn page_of(locale: Locale, n: usize, total: usize) -> String {
    t(locale, "page_of")
        .replace("{n}", &n.to_string())
        .replace("{total}", &total.to_string())
}

/// A date in the locale's long form: `28 November 2026`, `28 de noviembre de
/// 2026`, `28 novembre 2026` (French writes the first of the month `1er`).
pub fn date(locale: Locale, day: NaiveDate) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const ES: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let m = day.month0() as usize;
    let (d, y) = (day.day(), day.year());
    match locale {
        Locale::En => format!("{d} {} {y}", EN[m]),
        Locale::Es => format!("{d} de {} de {y}", ES[m]),
        Locale::Fr if d == 1 => format!("1er {} {y}", FR[m]),
        Locale::Fr => format!("{d} {} {y}", FR[m]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_pages_read_naturally() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default();
        assert_eq!(date(Locale::En, day), "28 November 2026");
        assert_eq!(date(Locale::Es, day), "28 de noviembre de 2026");
        assert_eq!(date(Locale::Fr, day), "28 novembre 2026");
        assert_eq!(page_of(Locale::Es, 3, 12), "página 3 de 12");
        assert_eq!(page_of(Locale::Fr, 3, 12), "page 3 sur 12");
        assert_eq!(value(Locale::Es, "critical"), "crítico");
    }

    #[test]
    fn every_label_is_translated() {
        for row in LABELS.iter().chain(VALUES) {
            assert!(
                !row.1.is_empty() && !row.2.is_empty() && !row.3.is_empty(),
                "{}",
                row.0
            );
        }
    }
}
