//! Email: the `send_email` job, the templates it renders (one folder per message
//! under `templates/email/`, one file per locale and part) and the transports it
//! sends through (SMTP, or `.eml` files in an outbox directory).

mod compose;
mod job;
mod mailer;
pub mod templates;

pub use job::send_email;
pub use mailer::{Mailer, SendError};
#[cfg(test)]
mod tests;
