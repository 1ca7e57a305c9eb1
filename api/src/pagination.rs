//! List pagination as the contract fixes it: `?page=1&per_page=50` (at most 200)
//! → `{items, total, page, per_page}`.
//!
//! Lists that are paged by keyset (issue #23) also take `?cursor=` (instead of
//! `page`) and answer `next_cursor`: the opaque position of the next page, `null`
//! on the last one. A deep page then costs what the first costs. Lists without
//! keyset paging refuse a cursor (`422`) rather than ignore it, and their answer
//! has no `next_cursor` field.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use domain::{
    listing::Start,
    values::{Cursor, CursorList},
};

use crate::error::ApiError;

/// The highest page number a client may ask for (200 × 10^6 rows deep is beyond
/// any list here; the bound keeps the offset arithmetic far from overflow).
const MAX_PAGE: u64 = 1_000_000;

/// The page a client asks for.
#[derive(Debug, Clone, Deserialize, IntoParams)]
pub struct PageQuery {
    /// 1-based page number (default 1, at most 1,000,000).
    #[param(minimum = 1, maximum = 1_000_000)]
    pub page: Option<u64>,
    /// Items per page (default 50, at most 200).
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<u64>,
    /// Where the page starts: `next_cursor` of the previous page, instead of
    /// `page` (only on lists whose answer has `next_cursor`).
    pub cursor: Option<String>,
}

/// A checked page request.
#[derive(Debug, Clone, Copy)]
pub struct PageRequest {
    /// 1-based page.
    pub page: u64,
    /// Items per page.
    pub per_page: u64,
}

impl PageQuery {
    /// Checks the bounds on a list without keyset paging: out-of-range values,
    /// and any cursor, are a 422 naming the parameter.
    pub fn checked(self) -> Result<PageRequest, ApiError> {
        if self.cursor.is_some() {
            return Err(ApiError::invalid_field(
                "cursor",
                "this list is paged by page number only",
            ));
        }
        self.bounds()
    }

    /// Checks a request to a keyset-paged list: the bounds, and the cursor (made
    /// for `list`, and not given together with `page`).
    pub fn checked_keyset(self, list: CursorList) -> Result<KeysetRequest, ApiError> {
        let cursor = self.cursor.clone();
        let given_page = self.page.is_some();
        let request = self.bounds()?;
        let start = match cursor {
            None => Start::Page(request.page),
            Some(_) if given_page => {
                return Err(ApiError::invalid_field(
                    "cursor",
                    "give either cursor or page, not both",
                ));
            }
            Some(raw) => {
                Start::After(Cursor::parse(&raw, list).map_err(|m| ApiError::invalid_field("cursor", m))?)
            }
        };
        Ok(KeysetRequest {
            per_page: request.per_page,
            start,
            list,
        })
    }

    fn bounds(&self) -> Result<PageRequest, ApiError> {
        let page = self.page.unwrap_or(1);
        let per_page = self.per_page.unwrap_or(50);
        // Bounded so that `offset` cannot overflow, whatever a client sends.
        if page == 0 || page > MAX_PAGE {
            return Err(ApiError::invalid_field("page", "must be between 1 and 1000000"));
        }
        if per_page == 0 || per_page > 200 {
            return Err(ApiError::invalid_field("per_page", "must be between 1 and 200"));
        }
        Ok(PageRequest { page, per_page })
    }
}

impl PageRequest {
    /// Rows to skip.
    pub fn offset(self) -> u64 {
        self.page.saturating_sub(1).saturating_mul(self.per_page)
    }
}

/// A checked request to a keyset-paged list.
#[derive(Debug, Clone)]
pub struct KeysetRequest {
    /// Items per page.
    pub per_page: u64,
    /// A page number or a cursor.
    pub start: Start,
    /// The list, whose cursors the answer gives out.
    pub list: CursorList,
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Paginated<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// How many items there are in all.
    pub total: u64,
    /// This page's number.
    pub page: u64,
    /// The page size.
    pub per_page: u64,
    /// On keyset-paged lists: `?cursor=` for the next page, `null` on the last
    /// page. Absent on lists paged by number only.
    #[serde(skip_serializing_if = "NextCursor::is_unsupported")]
    #[schema(value_type = Option<String>)]
    pub next_cursor: NextCursor,
}

/// `next_cursor` of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextCursor {
    /// The list is paged by number only (the field is left out).
    Unsupported,
    /// This is the last page (`null`).
    End,
    /// Where the next page starts.
    At(String),
}

impl NextCursor {
    fn is_unsupported(&self) -> bool {
        *self == Self::Unsupported
    }
}

impl Serialize for NextCursor {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::At(cursor) => serializer.serialize_str(cursor),
            Self::End | Self::Unsupported => serializer.serialize_none(),
        }
    }
}

impl<T> Paginated<T> {
    /// Wraps a page of items.
    pub fn new(items: Vec<T>, total: u64, request: PageRequest) -> Self {
        Self {
            items,
            total,
            page: request.page,
            per_page: request.per_page,
            next_cursor: NextCursor::Unsupported,
        }
    }

    /// Wraps a page of a keyset-paged list; `next` is the domain's cursor for
    /// the next page.
    pub fn keyset(items: Vec<T>, total: u64, request: &KeysetRequest, next: Option<Cursor>) -> Self {
        Self {
            items,
            total,
            page: request.start.page(),
            per_page: request.per_page,
            next_cursor: next.map_or(NextCursor::End, |c| NextCursor::At(c.encode(request.list))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PageQuery;

    fn query(page: u64, per_page: u64) -> PageQuery {
        PageQuery {
            page: Some(page),
            per_page: Some(per_page),
            cursor: None,
        }
    }

    #[test]
    fn bounds_are_checked_before_any_arithmetic() {
        assert!(query(0, 50).checked().is_err());
        assert!(query(1, 0).checked().is_err());
        assert!(query(1, 201).checked().is_err());
        assert!(query(u64::MAX, 200).checked().is_err());
        assert!(query(1 << 63, 50).checked().is_err());
        let last = query(1_000_000, 200).checked().map(|p| p.offset());
        assert_eq!(last.ok(), Some(199_999_800));
    }
}
