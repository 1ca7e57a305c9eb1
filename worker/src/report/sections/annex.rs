//! The annex: answers given, method, glossary.

use domain::{reports::ReportData, values::Locale};

use crate::report::{
    canvas::{Canvas, Style},
    i18n::{t, with},
    table::Table,
};

/// The glossary's terms and meanings in `locale`.
pub fn glossary(locale: Locale) -> [(&'static str, &'static str); 4] {
    match locale {
        Locale::En => [
            (
                "Employer Pays Principle",
                "No worker should pay for a job; the employer bears the full cost of recruitment.",
            ),
            (
                "Months of wages",
                "Fees a worker paid divided by the contracted monthly wage (SDG indicator 10.7.1).",
            ),
            (
                "Red flag",
                "An answer that signals a risk of forced labour by itself; it raises a finding.",
            ),
            (
                "Zero tolerance",
                "A practice that must stop at once (e.g. withheld passports); the band is critical while it is open.",
            ),
        ],
        Locale::Es => [
            (
                "Principio «el empleador paga»",
                "Ningún trabajador debe pagar por un empleo; el empleador asume el coste total de la contratación.",
            ),
            (
                "Meses de salario",
                "Comisiones pagadas por un trabajador divididas por su salario mensual contractual (indicador ODS 10.7.1).",
            ),
            (
                "Alerta roja",
                "Una respuesta que por sí sola indica riesgo de trabajo forzoso; genera un hallazgo.",
            ),
            (
                "Tolerancia cero",
                "Una práctica que debe cesar de inmediato (p. ej., retención de pasaportes); el nivel es crítico mientras siga abierta.",
            ),
        ],
        Locale::Fr => [
            (
                "Principe « l’employeur paie »",
                "Aucun travailleur ne doit payer pour un emploi ; l’employeur assume le coût complet du recrutement.",
            ),
            (
                "Mois de salaire",
                "Frais payés par un travailleur divisés par son salaire mensuel contractuel (indicateur ODD 10.7.1).",
            ),
            (
                "Signal d’alerte",
                "Une réponse qui signale à elle seule un risque de travail forcé ; elle donne lieu à un constat.",
            ),
            (
                "Tolérance zéro",
                "Une pratique qui doit cesser immédiatement (p. ex. confiscation des passeports) ; le niveau reste critique tant qu’elle perdure.",
            ),
        ],
    }
}

/// The section.
pub fn draw(canvas: &mut Canvas<'_>, data: &ReportData) {
    let locale = data.locale;
    canvas.section(&t(locale, "annex"));
    canvas.subsection(&t(locale, "answers"), 40.0);
    let mut table = Table::new(&[&t(locale, "question"), &t(locale, "answer")], &[3.0, 1.6]);
    for line in &data.answers {
        table.row(vec![
            format!("{} · {}", line.key, line.question),
            line.answer.clone(),
        ]);
    }
    table.draw(canvas);
    canvas.subsection(&t(locale, "method"), 40.0);
    let (key, version) = &data.questionnaire;
    let text = with(
        locale,
        "scope_text",
        &[
            ("questionnaire", &format!("{key} v{version}")),
            ("model", super::cover::scoring_model(data)),
        ],
    );
    canvas.paragraph(&text, Style::BODY);
    canvas.subsection(&t(locale, "glossary"), 40.0);
    for (term, meaning) in glossary(locale) {
        // A term stays on the page of (the start of) its meaning.
        canvas.ensure(Style::BODY.leading() * 3.0 + Style::BODY.size);
        canvas.paragraph(term, Style::BODY.bold());
        canvas.paragraph(meaning, Style::BODY);
    }
}
