//! The HTTP side of an OpenID provider: discovery, its signing keys, and the code
//! exchange at its token endpoint. Every failure is named so the caller can refuse
//! with a clear message; the client secret never appears in a log line or an
//! error.

use std::time::Duration;

use base64::{Engine, engine::general_purpose::STANDARD};
use jsonwebtoken::jwk::JwkSet;
use serde::Deserialize;

/// A person is waiting on the page: a bounded wait.
const TIMEOUT: Duration = Duration::from_secs(10);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Discovery documents and key sets are small; a larger answer is refused.
const MAX_BODY: usize = 256 * 1024;

/// Why the provider gave no usable answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProviderError {
    /// It could not be reached, or did not answer in time.
    #[error("the identity provider cannot be reached")]
    Unreachable,
    /// It answered with an error status.
    #[error("the identity provider answered HTTP {0}")]
    Failed(u16),
    /// Its answer was not what OpenID Connect prescribes.
    #[error("the identity provider's answer is not usable: {0}")]
    Malformed(&'static str),
}

/// What `/.well-known/openid-configuration` says (OpenID Connect Discovery 1.0 §3).
#[derive(Debug, Clone, Deserialize)]
pub struct Discovery {
    /// The issuer identifier; ID tokens must carry exactly this `iss`.
    pub issuer: String,
    /// Where the browser is sent to sign in.
    pub authorization_endpoint: String,
    /// Where the code is exchanged.
    pub token_endpoint: String,
    /// The provider's signing keys.
    pub jwks_uri: String,
    #[serde(default)]
    code_challenge_methods_supported: Option<Vec<String>>,
}

/// An `https` URL, or `http` on this machine (a provider run locally, as the
/// tests do): anything else could be read or changed on the way.
pub fn secure_url(raw: &str) -> bool {
    let Ok(url) = url::Url::parse(raw) else {
        return false;
    };
    match url.scheme() {
        "https" => url.host().is_some(),
        "http" => matches!(url.host_str(), Some("localhost" | "127.0.0.1" | "[::1]")),
        _ => false,
    }
}

fn client() -> Result<reqwest::Client, ProviderError> {
    // reqwest is built without a TLS provider of its own (see files.rs); an Err
    // only means one is installed already.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .timeout(TIMEOUT)
        .connect_timeout(CONNECT_TIMEOUT)
        // An endpoint is where discovery says; a redirect elsewhere is not followed.
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|_| ProviderError::Unreachable)
}

async fn body(response: reqwest::Response) -> Result<Vec<u8>, ProviderError> {
    let status = response.status().as_u16();
    if status != 200 {
        return Err(ProviderError::Failed(status));
    }
    if response.content_length().is_some_and(|n| n > MAX_BODY as u64) {
        return Err(ProviderError::Malformed("the answer is too large"));
    }
    let bytes = response.bytes().await.map_err(|_| ProviderError::Unreachable)?;
    if bytes.len() > MAX_BODY {
        return Err(ProviderError::Malformed("the answer is too large"));
    }
    Ok(bytes.to_vec())
}

async fn get_json<T: serde::de::DeserializeOwned>(url: &str, what: &'static str) -> Result<T, ProviderError> {
    let response = client()?
        .get(url)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|_| ProviderError::Unreachable)?;
    serde_json::from_slice(&body(response).await?).map_err(|_| ProviderError::Malformed(what))
}

/// Fetches and checks the discovery document of `issuer` (without a trailing
/// slash): it must name the same issuer, secure endpoints, and PKCE with S256.
pub async fn discover(issuer: &str) -> Result<Discovery, ProviderError> {
    let url = format!("{issuer}/.well-known/openid-configuration");
    let found: Discovery =
        get_json(&url, "the discovery document is not valid JSON of OpenID Connect").await?;
    if found.issuer.trim_end_matches('/') != issuer {
        return Err(ProviderError::Malformed(
            "the discovery document names another issuer",
        ));
    }
    let endpoints = [
        &found.authorization_endpoint,
        &found.token_endpoint,
        &found.jwks_uri,
    ];
    if !endpoints.iter().all(|e| secure_url(e)) {
        return Err(ProviderError::Malformed("an endpoint is not an https URL"));
    }
    // Absent means "not advertised"; advertised without S256 means it would refuse it.
    if let Some(methods) = &found.code_challenge_methods_supported
        && !methods.iter().any(|m| m == "S256")
    {
        return Err(ProviderError::Malformed(
            "the provider does not support PKCE with S256",
        ));
    }
    Ok(found)
}

/// The provider's current signing keys (fetched at each sign-in, so a rotated key
/// is picked up without a restart; sign-ins are rare and human-paced).
pub async fn signing_keys(discovery: &Discovery) -> Result<JwkSet, ProviderError> {
    get_json(&discovery.jwks_uri, "the key set is not a JWK set").await
}

#[derive(Deserialize)]
struct TokenAnswer {
    id_token: Option<String>,
}

/// What the code exchange needs.
pub struct CodeExchange<'a> {
    /// Our client id at the provider.
    pub client_id: &'a str,
    /// Our client secret there.
    pub client_secret: &'a str,
    /// The code the provider returned.
    pub code: &'a str,
    /// The redirect URI sent with the authorization request.
    pub redirect_uri: &'a str,
    /// The PKCE verifier whose challenge was sent.
    pub code_verifier: &'a str,
}

/// Exchanges the authorization code for the ID token (RFC 6749 §4.1.3, client
/// authentication `client_secret_basic`, PKCE verifier per RFC 7636 §4.5).
pub async fn exchange_code(
    discovery: &Discovery,
    exchange: CodeExchange<'_>,
) -> Result<String, ProviderError> {
    let form = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("grant_type", "authorization_code")
        .append_pair("code", exchange.code)
        .append_pair("redirect_uri", exchange.redirect_uri)
        .append_pair("code_verifier", exchange.code_verifier)
        .finish();
    // RFC 6749 §2.3.1: both parts form-encoded before the Basic encoding.
    let encode = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let basic = STANDARD.encode(format!(
        "{}:{}",
        encode(exchange.client_id),
        encode(exchange.client_secret)
    ));
    let response = client()?
        .post(&discovery.token_endpoint)
        .header("Authorization", format!("Basic {basic}"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .body(form)
        .send()
        .await
        .map_err(|_| ProviderError::Unreachable)?;
    let answer: TokenAnswer = serde_json::from_slice(&body(response).await?)
        .map_err(|_| ProviderError::Malformed("the token answer is not JSON"))?;
    answer
        .id_token
        .ok_or(ProviderError::Malformed("the token answer has no ID token"))
}

#[cfg(test)]
mod tests {
    use super::secure_url;

    #[test]
    fn only_https_or_this_machine() {
        assert!(secure_url("https://login.example.com"));
        assert!(secure_url("http://127.0.0.1:4000"));
        assert!(secure_url("http://localhost:4000/realms/x"));
        assert!(!secure_url("http://login.example.com"));
        assert!(!secure_url("http://127.0.0.1.example.com"));
        assert!(!secure_url("ftp://127.0.0.1"));
        assert!(!secure_url("not a url"));
    }
}
