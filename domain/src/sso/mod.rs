//! Single sign-on per company through OpenID Connect (issue #24): the settings
//! admins keep, the provider's HTTP side, ID-token verification, the sign-in
//! itself, and the "SSO required" rule for password login.

pub mod id_token;
pub mod provider;
pub mod required;
pub mod settings;
pub mod sign_in;

pub use required::password_login_refused;
pub use settings::{SsoSettingsInput, SsoSettingsView, get_settings, save_settings};
pub use sign_in::{
    Callback, PendingSignIn, Refusal, SignInError, SignedIn, Started, company_for_email, finish, start,
};
