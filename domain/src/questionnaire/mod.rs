//! Questionnaire definitions as data (questionnaire-format.md): the types a JSON
//! definition parses into. Validation of a definition and of answers, and the
//! scoring engine, build on these types.

pub mod answers;
pub mod definition;
pub mod standard;
pub mod store;
pub mod validate;
pub mod visibility;

pub use definition::{
    Definition, LocalizedText, NumberRange, Question, QuestionOption, QuestionType, RedFlag, Section,
    Severity, ShowIf,
};
