//! The `Fairhire-Signature` header: `t=<unix>,v1=<hex>` where the hex is
//! `HMAC-SHA256(secret, "<unix>.<raw body>")` (api-contract.md, "Webhooks"). The
//! timestamp inside the signed text lets receivers refuse replays.

use hmac::{Hmac, KeyInit, Mac};
use sha2_hmac::Sha256;

/// The header's name.
pub const HEADER: &str = "Fairhire-Signature";

/// The header value for `body` sent at `unix` seconds.
pub fn sign(secret: &str, unix: i64, body: &[u8]) -> String {
    format!("t={unix},v1={}", hex::encode(mac(secret, unix, body)))
}

fn mac(secret: &str, unix: i64, body: &[u8]) -> Vec<u8> {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
    mac.update(unix.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac.finalize().into_bytes().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_a_known_hmac() {
        // The primitive against RFC 4231 test case 2, then the signed text's shape.
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(b"Jefe").unwrap_or_else(|_| unreachable!());
        mac.update(b"what do ya want for nothing?");
        assert_eq!(
            hex::encode(mac.finalize().into_bytes()),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        let header = sign("s3cret-s3cret-s3cret", 1_700_000_000, b"{\"a\":1}");
        let mut expected = <Hmac<Sha256> as KeyInit>::new_from_slice(b"s3cret-s3cret-s3cret")
            .unwrap_or_else(|_| unreachable!());
        expected.update(b"1700000000.{\"a\":1}");
        assert_eq!(
            header,
            format!(
                "t=1700000000,v1={}",
                hex::encode(expected.finalize().into_bytes())
            )
        );
    }
}
