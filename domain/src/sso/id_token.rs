//! Verifying an ID token (OpenID Connect Core 1.0 §3.1.3.7): signed by one of the
//! issuer's keys with RS256 or ES256 (never `none` or a shared-secret algorithm),
//! issued by the issuer, to our client, not expired, and carrying the nonce we
//! sent.

use jsonwebtoken::{
    Algorithm, DecodingKey, Validation, decode, decode_header, errors::ErrorKind, jwk::JwkSet,
};
use serde_json::{Map, Value};

/// Why an ID token was refused (recorded in the audit trail by name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenRefusal {
    /// Not a JWT, or an algorithm we do not accept.
    Unreadable,
    /// No key of the issuer matches, or the signature does not verify.
    BadSignature,
    /// `iss` is not the configured issuer.
    WrongIssuer,
    /// `aud` (or `azp`) is not our client: a token issued to another application.
    WrongAudience,
    /// `exp` has passed.
    Expired,
    /// `nonce` is not the one sent with this sign-in.
    WrongNonce,
}

impl TokenRefusal {
    /// The audit trail's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unreadable => "token_unreadable",
            Self::BadSignature => "token_bad_signature",
            Self::WrongIssuer => "token_wrong_issuer",
            Self::WrongAudience => "token_for_another_client",
            Self::Expired => "token_expired",
            Self::WrongNonce => "token_wrong_nonce",
        }
    }
}

/// What to check the token against.
pub struct Expected<'a> {
    /// The issuer identifier from discovery.
    pub issuer: &'a str,
    /// Our client id.
    pub client_id: &'a str,
    /// The nonce sent with the authorization request.
    pub nonce: &'a str,
}

/// The claims of a valid token.
pub fn verify(
    token: &str,
    keys: &JwkSet,
    expected: &Expected<'_>,
) -> Result<Map<String, Value>, TokenRefusal> {
    let header = decode_header(token).map_err(|_| TokenRefusal::Unreadable)?;
    if !matches!(header.alg, Algorithm::RS256 | Algorithm::ES256) {
        return Err(TokenRefusal::Unreadable);
    }
    let jwk = match &header.kid {
        Some(kid) => keys.find(kid),
        // Without a key id, only an unambiguous set will do.
        None if keys.keys.len() == 1 => keys.keys.first(),
        None => None,
    }
    .ok_or(TokenRefusal::BadSignature)?;
    let key = DecodingKey::from_jwk(jwk).map_err(|_| TokenRefusal::BadSignature)?;
    let mut validation = Validation::new(header.alg);
    validation.set_issuer(&[expected.issuer]);
    validation.set_audience(&[expected.client_id]);
    validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
    let claims = decode::<Map<String, Value>>(token, &key, &validation)
        .map_err(|e| match e.kind() {
            ErrorKind::InvalidAudience => TokenRefusal::WrongAudience,
            ErrorKind::InvalidIssuer => TokenRefusal::WrongIssuer,
            ErrorKind::ExpiredSignature => TokenRefusal::Expired,
            ErrorKind::InvalidSignature => TokenRefusal::BadSignature,
            _ => TokenRefusal::Unreadable,
        })?
        .claims;
    // §3.1.3.7 item 4-5: with several audiences, `azp` must name us.
    if let Some(Value::Array(audiences)) = claims.get("aud")
        && audiences.len() > 1
        && claims.get("azp").and_then(Value::as_str) != Some(expected.client_id)
    {
        return Err(TokenRefusal::WrongAudience);
    }
    if claims.get("nonce").and_then(Value::as_str) != Some(expected.nonce) {
        return Err(TokenRefusal::WrongNonce);
    }
    Ok(claims)
}
