//! `FAIRHIRE_SMTP_URL` → [`SmtpSettings`]. Errors are one short line, because the
//! binary prints them as `FAIRHIRE_SMTP_URL: <line>` and stops.

use secrecy::SecretString;
use url::Url;

use super::{MailTransport, SmtpCredentials, SmtpSettings, SmtpTls};

impl MailTransport {
    /// Parses `smtp://host:port` (plain, for a local relay),
    /// `smtp://user:pass@host:port?tls=starttls` or `smtps://user:pass@host:465`.
    /// User name and password may be percent-encoded.
    pub fn parse_smtp_url(raw: &str) -> Result<SmtpSettings, String> {
        // Never echo `raw` back: it may contain the password.
        let url = Url::parse(raw.trim()).map_err(|e| format!("is not a URL ({e})"))?;
        let implicit_tls = match url.scheme() {
            "smtp" => false,
            "smtps" => true,
            other => return Err(format!("scheme must be smtp:// or smtps://, not {other}://")),
        };
        let host = match url.host_str() {
            Some(host) if !host.is_empty() => host.trim_start_matches('[').trim_end_matches(']'),
            _ => return Err("has no host name".to_string()),
        };
        if !matches!(url.path(), "" | "/") {
            return Err("must not have a path (expected smtp://host:port)".to_string());
        }
        let tls = tls_mode(&url, implicit_tls)?;
        let credentials = credentials(&url)?;
        if credentials.is_some() && tls == SmtpTls::None {
            return Err("sends the password unencrypted: add ?tls=starttls or use smtps://".to_string());
        }
        let port = url.port().unwrap_or(match tls {
            SmtpTls::None => 25,
            SmtpTls::StartTls => 587,
            SmtpTls::Implicit => 465,
        });
        Ok(SmtpSettings {
            host: host.to_string(),
            port,
            tls,
            credentials,
        })
    }
}

/// Reads the only accepted query parameter, `tls`.
fn tls_mode(url: &Url, implicit_tls: bool) -> Result<SmtpTls, String> {
    let mut tls = if implicit_tls {
        SmtpTls::Implicit
    } else {
        SmtpTls::None
    };
    for (key, value) in url.query_pairs() {
        match (key.as_ref(), value.as_ref(), implicit_tls) {
            ("tls", "starttls", false) => tls = SmtpTls::StartTls,
            ("tls", "none", false) => tls = SmtpTls::None,
            ("tls", _, true) => return Err("smtps:// always uses TLS; drop the tls parameter".to_string()),
            ("tls", other, false) => {
                return Err(format!("tls must be starttls or none, not {other:?}"));
            }
            (other, _, _) => return Err(format!("unknown parameter {other:?} (only tls is accepted)")),
        }
    }
    Ok(tls)
}

/// The login in the URL's user-info part, if any; both halves or neither.
fn credentials(url: &Url) -> Result<Option<SmtpCredentials>, String> {
    let username = percent_decode(url.username())?;
    let password = url.password().map(percent_decode).transpose()?;
    match (username.is_empty(), password) {
        (true, None) => Ok(None),
        (true, Some(_)) => Err("has a password but no user name".to_string()),
        (false, None) => Err("has a user name but no password (smtp://user:pass@host)".to_string()),
        (false, Some(password)) => Ok(Some(SmtpCredentials {
            username,
            password: SecretString::from(password),
        })),
    }
}

/// Decodes `%XX` escapes (the `url` crate keeps user-info encoded). Unlike form
/// decoding, `+` stays a plus: passwords often contain one.
fn percent_decode(raw: &str) -> Result<String, String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = raw
                .get(i + 1..i + 3)
                .ok_or("has a broken %-escape in the user name or password")?;
            let byte = u8::from_str_radix(hex, 16)
                .map_err(|_| "has a broken %-escape in the user name or password".to_string())?;
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "user name or password is not UTF-8 once decoded".to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use secrecy::ExposeSecret;

    use super::*;

    fn parse(raw: &str) -> Result<SmtpSettings, String> {
        MailTransport::parse_smtp_url(raw)
    }

    #[test]
    fn plain_relay_has_no_tls_and_no_login() {
        let s = parse("smtp://127.0.0.1:2525").unwrap();
        assert_eq!(
            (s.host.as_str(), s.port, s.tls),
            ("127.0.0.1", 2525, SmtpTls::None)
        );
        assert!(s.credentials.is_none());
        assert_eq!(parse("smtp://mail.local").unwrap().port, 25);
    }

    #[test]
    fn starttls_with_login() {
        let s = parse("smtp://me%40corp.com:p%2Bss+w@smtp.corp.com:587?tls=starttls").unwrap();
        assert_eq!(
            (s.host.as_str(), s.port, s.tls),
            ("smtp.corp.com", 587, SmtpTls::StartTls)
        );
        let login = s.credentials.unwrap();
        assert_eq!(login.username, "me@corp.com");
        assert_eq!(login.password.expose_secret(), "p+ss+w");
    }

    #[test]
    fn smtps_is_implicit_tls_on_465_by_default() {
        let s = parse("smtps://user:secret@smtp.example.com").unwrap();
        assert_eq!((s.port, s.tls), (465, SmtpTls::Implicit));
        assert!(
            !format!("{s:?}").contains("secret"),
            "password must not show in Debug"
        );
    }

    #[test]
    fn bad_urls_say_what_is_wrong_in_one_line_without_the_password() {
        let cases = [
            ("http://host:25", "scheme"),
            ("not a url", "not a URL"),
            ("smtp://user:hunter2@host:25", "unencrypted"),
            ("smtp://user@host:25?tls=starttls", "no password"),
            ("smtp://:hunter2@host:25?tls=starttls", "no user name"),
            ("smtp://host:25?tls=ssl", "starttls or none"),
            ("smtps://u:hunter2@host?tls=starttls", "always uses TLS"),
            ("smtp://host:25?foo=1", "unknown parameter"),
            ("smtp://host:25/inbox", "path"),
            ("smtp://host:99999", "not a URL"),
        ];
        for (raw, expected) in cases {
            let error = parse(raw).unwrap_err();
            assert!(error.contains(expected), "{raw}: {error}");
            assert!(
                !error.contains('\n') && !error.contains("hunter2"),
                "{raw}: {error}"
            );
        }
    }
}
