//! The portal's words in en, es and fr, chosen from the `Accept-Language` header
//! (a user setting will take precedence once the portal issue lands).

use actix_web::HttpRequest;
use domain::values::Locale;

/// The locale for a request.
pub fn locale(req: &HttpRequest) -> Locale {
    req.headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Locale::negotiate)
        .unwrap_or_default()
}

/// Every string the shell pages show.
pub struct Words {
    /// `lang` attribute.
    pub lang: &'static str,
    /// Tagline under the product name.
    pub tagline: &'static str,
    /// Login heading.
    pub log_in: &'static str,
    /// Email label.
    pub email: &'static str,
    /// Password label.
    pub password: &'static str,
    /// Name label.
    pub name: &'static str,
    /// Wrong credentials.
    pub wrong_credentials: &'static str,
    /// Expired form.
    pub form_expired: &'static str,
    /// Signed-in greeting prefix.
    pub signed_in_as: &'static str,
    /// Memberships heading.
    pub your_organizations: &'static str,
    /// No memberships.
    pub no_organizations: &'static str,
    /// Log out button.
    pub log_out: &'static str,
    /// Accept-invitation heading.
    pub accept_heading: &'static str,
    /// Accept button.
    pub accept: &'static str,
    /// Password rule hint.
    pub password_hint: &'static str,
    /// Too many attempts.
    pub too_many: &'static str,
}

/// The words of a locale.
pub fn words(locale: Locale) -> &'static Words {
    match locale {
        Locale::En => &EN,
        Locale::Es => &ES,
        Locale::Fr => &FR,
    }
}

static EN: Words = Words {
    lang: "en",
    tagline: "No worker should pay for a job.",
    log_in: "Log in",
    email: "Email",
    password: "Password",
    name: "Your name",
    wrong_credentials: "Wrong email or password.",
    form_expired: "This form has expired. Please try again.",
    signed_in_as: "Signed in as",
    your_organizations: "Your organizations",
    no_organizations: "You do not belong to any organization yet.",
    log_out: "Log out",
    accept_heading: "Accept your invitation",
    accept: "Accept and continue",
    password_hint: "At least 10 characters.",
    too_many: "Too many attempts. Please wait a few minutes and try again.",
};

static ES: Words = Words {
    lang: "es",
    tagline: "Ningún trabajador debería pagar por un empleo.",
    log_in: "Iniciar sesión",
    email: "Correo electrónico",
    password: "Contraseña",
    name: "Su nombre",
    wrong_credentials: "Correo electrónico o contraseña incorrectos.",
    form_expired: "Este formulario ha caducado. Vuelva a intentarlo.",
    signed_in_as: "Sesión iniciada como",
    your_organizations: "Sus organizaciones",
    no_organizations: "Todavía no pertenece a ninguna organización.",
    log_out: "Cerrar sesión",
    accept_heading: "Acepte su invitación",
    accept: "Aceptar y continuar",
    password_hint: "Al menos 10 caracteres.",
    too_many: "Demasiados intentos. Espere unos minutos y vuelva a intentarlo.",
};

static FR: Words = Words {
    lang: "fr",
    tagline: "Aucun travailleur ne devrait payer pour obtenir un emploi.",
    log_in: "Se connecter",
    email: "Adresse e-mail",
    password: "Mot de passe",
    name: "Votre nom",
    wrong_credentials: "Adresse e-mail ou mot de passe incorrect.",
    form_expired: "Ce formulaire a expiré. Veuillez réessayer.",
    signed_in_as: "Connecté en tant que",
    your_organizations: "Vos organisations",
    no_organizations: "Vous n’appartenez encore à aucune organisation.",
    log_out: "Se déconnecter",
    accept_heading: "Acceptez votre invitation",
    accept: "Accepter et continuer",
    password_hint: "Au moins 10 caractères.",
    too_many: "Trop de tentatives. Patientez quelques minutes puis réessayez.",
};
