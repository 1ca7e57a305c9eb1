//! Modern-slavery statements as PDF (through the report engine: A4, Noto faces,
//! extractable text) and as DOCX (a minimal WordprocessingML package, [`docx`]).
//! Both show the same thing: the title, company and period, then each section's
//! title, basis, current text and figures with their sources.

pub mod docx;
pub(crate) mod zip;

use domain::statements::{StatementView, word};

use crate::report::{
    canvas::{ACCENT, Canvas, MUTED, Style},
    fonts::Fonts,
    table::Table,
};

/// What both renderings need.
pub struct Document<'a> {
    /// The statement and its sections.
    pub view: &'a StatementView,
    /// The company's name.
    pub company: &'a str,
    /// The regime's title in the statement's language.
    pub title: &'a str,
}

impl Document<'_> {
    fn locale(&self) -> &str {
        &self.view.statement.locale
    }

    /// The lines under the title: company, period, revision.
    fn header_lines(&self) -> Vec<String> {
        let s = &self.view.statement;
        let l = self.locale();
        vec![
            format!("{}: {}", word(l, "word-company"), self.company),
            format!(
                "{}: {} – {}",
                word(l, "word-period"),
                s.period_start,
                s.period_end
            ),
            format!("{}: {}", word(l, "word-revision"), s.revision),
        ]
    }
}

/// The PDF of the statement.
pub fn pdf(document: &Document<'_>) -> anyhow::Result<Vec<u8>> {
    let fonts = Fonts::load()?;
    let mut canvas = Canvas::new(&fonts);
    let l = document.locale();
    canvas.new_page();
    canvas.paragraph(document.title, Style::BODY.sized(18.0).bold().colored(ACCENT));
    canvas.space(8.0);
    for line in document.header_lines() {
        canvas.paragraph(&line, Style::BODY);
    }
    canvas.space(4.0);
    canvas.paragraph(&word(l, "word-draft-note"), Style::SMALL.colored(MUTED));
    for section in &document.view.sections {
        canvas.section(&section.title);
        canvas.paragraph(
            &format!("{}: {}", word(l, "word-basis"), section.basis),
            Style::SMALL.colored(MUTED),
        );
        canvas.space(4.0);
        for paragraph in section.text.split('\n').filter(|p| !p.trim().is_empty()) {
            canvas.paragraph(paragraph.trim(), Style::BODY);
            canvas.space(3.0);
        }
        if !section.figures.is_empty() {
            let headers = [word(l, "col-figure"), word(l, "col-value"), word(l, "col-source")];
            let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
            let mut table = Table::new(&headers, &[3.6, 1.4, 4.0]);
            for figure in &section.figures {
                table.row(vec![
                    figure.label.clone(),
                    figure.value.clone(),
                    figure.source.clone(),
                ]);
            }
            table.draw(&mut canvas);
        }
    }
    let statement = &document.view.statement;
    let meta = crate::report::pdf::Meta {
        title: document.title,
        created: statement.updated_at,
        id: statement.id,
    };
    crate::report::pdf::write(&fonts, &canvas.pages, &meta)
}
