/// A password someone is choosing: at least 10 characters (api-contract.md) and at
/// most 1,024 (hashing cost must stay bounded), without control characters (no
/// keyboard types one; they come from a broken or hostile client, and a person
/// could never type the password again). Never logged, never stored as is.
pub struct NewPassword(String);

impl NewPassword {
    /// Checks the length rules.
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let length = raw.chars().count();
        if length < 10 {
            return Err("must be at least 10 characters");
        }
        if length > 1024 {
            return Err("must be at most 1024 characters");
        }
        if raw.chars().any(char::is_control) {
            return Err("must not contain control characters");
        }
        Ok(Self(raw.to_string()))
    }

    /// The password, for the hasher only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(<redacted>)")
    }
}
