//! A keyset cursor: where the next page of a list starts (issue #23).
//!
//! `?page=N` makes the database walk and throw away `(N - 1) × per_page` rows, so a
//! deep page costs more than the first. A cursor carries the sort key of the last
//! row served instead, and the next page starts with a seek in the list's index:
//! page 100 costs what page 1 costs.
//!
//! The cursor is opaque to clients (base64url, no padding) but not secret and not
//! signed: it only names a position in a list the caller may already read (every
//! list query still filters by the caller's tenant), so a forged cursor can do no
//! more than `?page=` can. It is checked strictly all the same: it names the list
//! it was made for (a supplier-list cursor is refused by the assessment list), a
//! page number in range, a UUID and a sort key of plain text; anything else is a
//! `422` naming `cursor`.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use uuid::Uuid;

use super::{Lines, refuse_control_characters};

/// The longest cursor accepted, encoded (a sort key is a name or a timestamp;
/// 2 KiB is far beyond any of them and keeps parsing bounded).
const MAX_ENCODED: usize = 2048;

/// The page number a cursor may name at most (as `?page=`).
const MAX_PAGE: u64 = 1_000_000;

/// Which list a cursor belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CursorList {
    /// `GET /companies/{cid}/suppliers`, by name.
    Suppliers,
    /// `GET /companies/{cid}/assessments`, newest first.
    Assessments,
    /// `GET /suppliers/{sid}/fee-audits`, newest first.
    FeeAudits,
    /// `GET /companies/{cid}/recruiters`, largest fees first, then by name.
    Recruiters,
    /// `GET /companies/{cid}/voice/cases`, newest first.
    VoiceCases,
    /// `GET /companies/{cid}/audit-events`, newest first.
    AuditTrail,
}

impl CursorList {
    fn tag(self) -> &'static str {
        match self {
            Self::Suppliers => "s1",
            Self::Assessments => "a1",
            Self::FeeAudits => "f1",
            Self::Recruiters => "r1",
            Self::VoiceCases => "v1",
            Self::AuditTrail => "t1",
        }
    }
}

/// A position in a list: the sort key and id of the last row of a page, and the
/// number of the page that comes after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    /// The page this cursor leads to (echoed as `page` in the answer).
    pub page: u64,
    /// The sort key of the last row served (a name, or an RFC 3339 time).
    pub key: String,
    /// The id of the last row served (ties on the key are broken by id).
    pub id: Uuid,
}

impl Cursor {
    /// The opaque text a client sends back as `?cursor=`.
    pub fn encode(&self, list: CursorList) -> String {
        URL_SAFE_NO_PAD.encode(format!("{}|{}|{}|{}", list.tag(), self.page, self.id, self.key))
    }

    /// Reads a cursor made by [`Cursor::encode`] for `list`; the message says
    /// what is wrong, for a `422` naming `cursor`.
    pub fn parse(raw: &str, list: CursorList) -> Result<Self, String> {
        const BAD: &str = "is not a cursor this list gave out (take next_cursor from the previous page)";
        if raw.is_empty() || raw.len() > MAX_ENCODED {
            return Err(BAD.into());
        }
        let bytes = URL_SAFE_NO_PAD.decode(raw).map_err(|_| BAD.to_string())?;
        let text = String::from_utf8(bytes).map_err(|_| BAD.to_string())?;
        let mut parts = text.splitn(4, '|');
        let (Some(tag), Some(page), Some(id), Some(key)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(BAD.into());
        };
        if tag != list.tag() {
            return Err("belongs to another list".into());
        }
        let page = page
            .parse::<u64>()
            .ok()
            .filter(|p| (2..=MAX_PAGE).contains(p))
            .ok_or_else(|| BAD.to_string())?;
        let id = Uuid::parse_str(id).map_err(|_| BAD.to_string())?;
        // The key goes into a query as a bound value; a NUL would fail it on
        // PostgreSQL, so control characters are refused like in any other text.
        refuse_control_characters(key, Lines::One).map_err(|_| BAD.to_string())?;
        Ok(Self {
            page,
            key: key.to_string(),
            id,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Cursor {
        Cursor {
            page: 3,
            key: "Acme | Tekstil A.Ş.".into(),
            id: Uuid::from_u128(42),
        }
    }

    #[test]
    fn a_cursor_reads_back_as_made() {
        let raw = sample().encode(CursorList::Suppliers);
        assert_eq!(Cursor::parse(&raw, CursorList::Suppliers), Ok(sample()));
    }

    #[test]
    fn another_lists_cursor_is_refused() {
        let raw = sample().encode(CursorList::Suppliers);
        assert!(Cursor::parse(&raw, CursorList::Assessments).is_err());
    }

    #[test]
    fn garbage_is_refused() {
        for raw in [
            "",
            "!!!",
            "czE", // "s1" alone
            &URL_SAFE_NO_PAD.encode("s1|0|00000000-0000-0000-0000-000000000001|a"),
            &URL_SAFE_NO_PAD.encode("s1|2|not-a-uuid|a"),
            &URL_SAFE_NO_PAD.encode("s1|2|00000000-0000-0000-0000-000000000001|a\0b"),
            &URL_SAFE_NO_PAD.encode("s1|99999999999|00000000-0000-0000-0000-000000000001|a"),
            &"A".repeat(4096),
        ] {
            assert!(
                Cursor::parse(raw, CursorList::Suppliers).is_err(),
                "{raw:?} was accepted"
            );
        }
    }
}
