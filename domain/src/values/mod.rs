//! Value types: parsed once at the edge, trusted everywhere after.

mod cursor;
mod date;
mod email;
mod iso;
mod locale;
mod password;
mod risk_band;
mod role;
mod text;

pub use cursor::{Cursor, CursorList};
pub use date::parse_date;
pub use email::Email;
pub use iso::{CountryCode, CurrencyCode};
pub use locale::Locale;
pub use password::NewPassword;
pub use risk_band::RiskBand;
pub use role::{OrganizationKind, Role};
pub use text::{
    CONTROL_CHARACTERS, Lines, MultilineText, RequiredText, SearchText, control_characters_in_json,
    refuse_control_characters,
};
