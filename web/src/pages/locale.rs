//! `POST /locale`: the language switcher. A signed-in person's choice is stored
//! as their setting (`users.locale`, also the language of their emails); anyone's
//! is remembered in a cookie.

use actix_web::{HttpResponse, cookie::Cookie, post, web};
use domain::{
    notifications::{self, PreferenceChange},
    values::Locale,
};
use serde::Deserialize;

use crate::{
    context::Visit,
    error::{ErrorKind, OrPage, PortalError},
    form::CsrfForm,
    i18n::LOCALE_COOKIE,
    pages::see_other,
    routes,
    state::PortalState,
};

/// The submitted form.
#[derive(Deserialize)]
pub struct LocaleForm {
    locale: String,
    #[serde(default)]
    back: String,
}

/// Stores the choice and goes back to the page.
#[post("/locale")]
pub async fn switch(
    state: web::Data<PortalState>,
    visit: Visit,
    form: CsrfForm<LocaleForm>,
) -> Result<HttpResponse, PortalError> {
    let form = form.0;
    let locale = ["en", "es", "fr"]
        .contains(&form.locale.as_str())
        .then(|| Locale::parse(&form.locale))
        .flatten()
        .ok_or(PortalError::new(ErrorKind::BadRequest, visit.t))?;
    if let Some(caller) = &visit.caller {
        let change = PreferenceChange {
            locale: Some(locale),
            digest_enabled: None,
        };
        notifications::update_preferences(&state.db, caller.user_id, change)
            .await
            .or_page(visit.t)?;
    }
    let cookie = Cookie::build(LOCALE_COOKIE, locale.code())
        .path("/")
        .http_only(true)
        .secure(state.config.secure_cookies)
        .same_site(actix_web::cookie::SameSite::Lax)
        .finish();
    Ok(see_other(routes::local(&form.back)).cookie(cookie).finish())
}
