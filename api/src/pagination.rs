//! List pagination as the contract fixes it: `?page=1&per_page=50` (at most 200)
//! → `{items, total, page, per_page}`.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;

/// The highest page number a client may ask for (200 × 10^6 rows deep is beyond
/// any list here; the bound keeps the offset arithmetic far from overflow).
const MAX_PAGE: u64 = 1_000_000;

/// The page a client asks for.
#[derive(Debug, Clone, Copy, Deserialize, IntoParams)]
pub struct PageQuery {
    /// 1-based page number (default 1, at most 1,000,000).
    #[param(minimum = 1, maximum = 1_000_000)]
    pub page: Option<u64>,
    /// Items per page (default 50, at most 200).
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<u64>,
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
    /// Checks the bounds; out-of-range values are a 422 naming the parameter.
    pub fn checked(self) -> Result<PageRequest, ApiError> {
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
}

impl<T> Paginated<T> {
    /// Wraps a page of items.
    pub fn new(items: Vec<T>, total: u64, request: PageRequest) -> Self {
        Self {
            items,
            total,
            page: request.page,
            per_page: request.per_page,
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
