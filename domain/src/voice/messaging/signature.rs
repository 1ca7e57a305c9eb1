//! The providers' webhook signatures, checked before an inbound message is
//! stored or answered (api-contract.md, "Worker voice by SMS and WhatsApp").
//!
//! - Twilio, `X-Twilio-Signature`: Base64 of HMAC-SHA1, keyed with the account's
//!   auth token, of the full URL Twilio called followed by every POST parameter's
//!   name and value, sorted by name (Twilio, "Webhooks security",
//!   <https://www.twilio.com/docs/usage/webhooks/webhooks-security>).
//! - Meta's WhatsApp Cloud API, `X-Hub-Signature-256`: `sha256=` and the hex
//!   HMAC-SHA256 of the raw body, keyed with the app secret (Meta for Developers,
//!   "Webhooks — Validate payloads",
//!   <https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads>).
//!
//! Both compare in constant time (`Mac::verify_slice`).

use base64::{Engine, engine::general_purpose::STANDARD};
use hmac::{Hmac, KeyInit, Mac};

/// Twilio's header.
pub const TWILIO_HEADER: &str = "X-Twilio-Signature";
/// Meta's header.
pub const WHATSAPP_HEADER: &str = "X-Hub-Signature-256";

/// The text Twilio signs: `url` then each parameter's name and value, sorted.
fn twilio_text(url: &str, params: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = params.iter().collect();
    sorted.sort();
    let mut text = url.to_string();
    for (name, value) in sorted {
        text.push_str(name);
        text.push_str(value);
    }
    text
}

/// The signature Twilio sends for a request to `url` with `params`.
pub fn twilio_sign(auth_token: &str, url: &str, params: &[(String, String)]) -> String {
    let mut mac = <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(auth_token.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
    mac.update(twilio_text(url, params).as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

/// Whether `header` is Twilio's signature of the request; a missing or
/// undecodable header is not.
pub fn twilio_valid(auth_token: &str, url: &str, params: &[(String, String)], header: Option<&str>) -> bool {
    let Some(given) = header.and_then(|h| STANDARD.decode(h.trim()).ok()) else {
        return false;
    };
    let mut mac = <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(auth_token.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
    mac.update(twilio_text(url, params).as_bytes());
    mac.verify_slice(&given).is_ok()
}

/// The `X-Hub-Signature-256` value Meta sends for `body`.
pub fn whatsapp_sign(app_secret: &str, body: &[u8]) -> String {
    let mut mac = <Hmac<sha2_hmac::Sha256> as KeyInit>::new_from_slice(app_secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Whether `header` is Meta's signature of `body`.
pub fn whatsapp_valid(app_secret: &str, body: &[u8], header: Option<&str>) -> bool {
    let Some(given) = header
        .and_then(|h| h.trim().strip_prefix("sha256="))
        .and_then(|h| hex::decode(h).ok())
    else {
        return false;
    };
    let mut mac = <Hmac<sha2_hmac::Sha256> as KeyInit>::new_from_slice(app_secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
    mac.update(body);
    mac.verify_slice(&given).is_ok()
}

/// Whether two secrets are equal, in time that does not depend on where they
/// differ (the WhatsApp verify token).
pub fn same_secret(expected: &str, given: &str) -> bool {
    let (a, b) = (expected.as_bytes(), given.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn twilio_matches_the_documented_example() {
        // Twilio's worked example (auth token 12345; "Webhooks security", and
        // twilio-python tests/unit/test_request_validator.py): the parameters in
        // any order give 0/KCTR6DLpKmkAf8muzZqo1nDgQ=.
        let url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        let params = pairs(&[
            ("To", "+18005551212"),
            ("CallSid", "CA1234567890ABCDE"),
            ("Digits", "1234"),
            ("From", "+12349013030"),
            ("Caller", "+12349013030"),
        ]);
        assert_eq!(twilio_sign("12345", url, &params), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assert!(twilio_valid(
            "12345",
            url,
            &params,
            Some("0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
        ));
        assert!(!twilio_valid(
            "12346",
            url,
            &params,
            Some("0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
        ));
        assert!(!twilio_valid(
            "12345",
            "https://mycompany.com/myapp.php",
            &params,
            Some("0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
        ));
        let mut changed = params.clone();
        changed[2].1 = "1235".into();
        assert!(!twilio_valid(
            "12345",
            url,
            &changed,
            Some("0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
        ));
        assert!(!twilio_valid("12345", url, &params, None));
        assert!(!twilio_valid("12345", url, &params, Some("not base64!")));
    }

    #[test]
    fn whatsapp_matches_rfc_4231() {
        // RFC 4231, test case 2: key "Jefe".
        let body = b"what do ya want for nothing?";
        let header = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        assert_eq!(whatsapp_sign("Jefe", body), header);
        assert!(whatsapp_valid("Jefe", body, Some(header)));
        assert!(!whatsapp_valid("Jeff", body, Some(header)));
        assert!(!whatsapp_valid(
            "Jefe",
            b"what do ya want for something?",
            Some(header)
        ));
        assert!(!whatsapp_valid("Jefe", body, Some(&header[7..])));
        assert!(!whatsapp_valid("Jefe", body, None));
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
    }
}
