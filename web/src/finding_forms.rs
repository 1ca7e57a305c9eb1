//! The reviewers' forms on findings — edit, dismiss, add a corrective action, add
//! a finding — as typed, with a message per refused field, and their parsing into
//! the domain's inputs under the domain's rules (the title's is [`FindingTitle`], the
//! API's too), so the two doors accept the same things.

use domain::{
    findings::{FindingChanges, FindingTitle, NewAction, NewFinding, status},
    values::{Email, Lines, refuse_control_characters},
};
use serde::Deserialize;

use crate::i18n::Tr;

/// The severities a reviewer may choose.
pub const SEVERITIES: [&str; 3] = ["priority", "major", "minor"];

/// Messages per field of one refused form.
#[derive(Debug, Default, Clone)]
pub struct Errors(Vec<(&'static str, String)>);

impl Errors {
    /// The message beside `field`, if it was refused.
    pub fn of(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, m)| m.as_str())
    }

    /// Whether nothing was refused.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn add(&mut self, field: &'static str, message: String) {
        self.0.push((field, message));
    }
}

/// A form's values and what was wrong with them (nothing, when first shown).
#[derive(Debug, Default, Clone)]
pub struct Filled<T> {
    /// What the form shows.
    pub values: T,
    /// Why it came back.
    pub errors: Errors,
}

impl<T> Filled<T> {
    /// A form shown for the first time.
    pub fn new(values: T) -> Self {
        Self {
            values,
            errors: Errors::default(),
        }
    }
}

/// The message beside a text field holding a control character (a title is one
/// line; a detail, reason or description may span lines), as the domain's value
/// types decide for the API.
fn strange_text(errors: &mut Errors, t: Tr, field: &'static str, value: &str, lines: Lines) -> bool {
    let strange = refuse_control_characters(value, lines).is_err();
    if strange {
        errors.add(field, t.get("err-control-characters"));
    }
    strange
}

/// The title through the domain's one rule ([`FindingTitle`]), its refusal worded
/// in the person's language.
fn finding_title(errors: &mut Errors, t: Tr, raw: &str) -> Option<FindingTitle> {
    if strange_text(errors, t, "title", raw.trim(), Lines::One) {
        return None;
    }
    let title = FindingTitle::parse(raw).ok();
    if title.is_none() {
        errors.add("title", t.arg1("err-finding-title", "max", FindingTitle::MAX));
    }
    title
}

fn severity_ok(raw: &str) -> bool {
    SEVERITIES.contains(&raw)
}

/// Edits to a finding.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct EditForm {
    /// `priority`, `major` or `minor`.
    #[serde(default)]
    pub severity: String,
    /// The finding's new title: one line, at most 300 characters.
    #[serde(default)]
    pub title: String,
    /// What was found.
    #[serde(default)]
    pub detail: String,
    /// `open`, `in_progress` or `closed`.
    #[serde(default)]
    pub status: String,
}

impl EditForm {
    /// The changes, or the messages beside each refused field.
    pub fn parse(&self, t: Tr) -> Result<FindingChanges, Errors> {
        let mut errors = Errors::default();
        if !severity_ok(&self.severity) {
            errors.add("severity", t.get("err-choice"));
        }
        if !status::ALL.contains(&self.status.as_str()) {
            errors.add("status", t.get("err-choice"));
        }
        let title = finding_title(&mut errors, t, &self.title);
        strange_text(&mut errors, t, "detail", &self.detail, Lines::Many);
        let Some(title) = title.filter(|_| errors.is_empty()) else {
            return Err(errors);
        };
        Ok(FindingChanges {
            severity: Some(self.severity.clone()),
            title: Some(title),
            detail: Some(self.detail.trim().to_string()),
            status: Some(self.status.clone()),
            confirm: false,
        })
    }
}

/// Why a finding is dismissed.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct DismissForm {
    /// Required.
    #[serde(default)]
    pub reason: String,
}

impl DismissForm {
    /// The reason, or the message beside it.
    pub fn parse(&self, t: Tr) -> Result<String, Errors> {
        let reason = self.reason.trim();
        let mut errors = Errors::default();
        if !strange_text(&mut errors, t, "reason", reason, Lines::Many) && reason.is_empty() {
            errors.add("reason", t.get("err-dismiss-reason"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(reason.to_string())
    }
}

/// A corrective action to add.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct ActionForm {
    /// What must be done.
    #[serde(default)]
    pub description: String,
    /// `YYYY-MM-DD`; empty: the CAP timeline of the severity.
    #[serde(default)]
    pub due_date: String,
    /// Who owns it (optional).
    #[serde(default)]
    pub owner_email: String,
}

impl ActionForm {
    /// The action, or the messages beside each refused field.
    pub fn parse(&self, t: Tr) -> Result<NewAction, Errors> {
        let mut errors = Errors::default();
        let description = self.description.trim();
        if !strange_text(&mut errors, t, "description", description, Lines::Many) && description.is_empty() {
            errors.add("description", t.get("err-action-description"));
        }
        let due_date = match self.due_date.trim() {
            "" => None,
            raw => match domain::values::parse_date(raw) {
                Ok(date) => Some(date),
                Err(_) => {
                    errors.add("due_date", t.get("err-date"));
                    None
                }
            },
        };
        let owner_email = match self.owner_email.trim() {
            "" => None,
            raw => match Email::parse(raw) {
                Ok(email) => Some(email.to_string()),
                Err(_) => {
                    errors.add("owner_email", t.get("err-email"));
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(NewAction {
            description: description.to_string(),
            due_date,
            owner_email,
        })
    }
}

/// A finding added by hand to an assessment.
#[derive(Debug, Clone, Deserialize)]
pub struct NewFindingForm {
    /// `priority`, `major` or `minor`.
    #[serde(default)]
    pub severity: String,
    /// An indicator key.
    #[serde(default)]
    pub indicator: String,
    /// Short title.
    #[serde(default)]
    pub title: String,
    /// What was found, with the evidence.
    #[serde(default)]
    pub detail: String,
    /// A checkbox: present when ticked.
    #[serde(default)]
    pub zero_tolerance: Option<String>,
}

impl Default for NewFindingForm {
    fn default() -> Self {
        Self {
            severity: "major".into(),
            indicator: String::new(),
            title: String::new(),
            detail: String::new(),
            zero_tolerance: None,
        }
    }
}

impl NewFindingForm {
    /// Whether the zero-tolerance box is ticked.
    pub fn zero_tolerance(&self) -> bool {
        self.zero_tolerance.is_some()
    }

    /// The finding, or the messages beside each refused field.
    pub fn parse(&self, t: Tr) -> Result<NewFinding, Errors> {
        let mut errors = Errors::default();
        if !severity_ok(&self.severity) {
            errors.add("severity", t.get("err-choice"));
        }
        if !domain::reference::is_indicator(&self.indicator) {
            errors.add("indicator", t.get("err-choice"));
        }
        let title = finding_title(&mut errors, t, &self.title);
        strange_text(&mut errors, t, "detail", &self.detail, Lines::Many);
        // The domain refuses it too; said here beside the box, before any write.
        if self.zero_tolerance() && self.severity != "priority" {
            errors.add("zero_tolerance", t.get("err-zero-tolerance"));
        }
        let Some(title) = title.filter(|_| errors.is_empty()) else {
            return Err(errors);
        };
        Ok(NewFinding {
            severity: self.severity.clone(),
            indicator: self.indicator.clone(),
            question_key: None,
            title,
            detail: self.detail.trim().to_string(),
            zero_tolerance: self.zero_tolerance(),
        })
    }
}
