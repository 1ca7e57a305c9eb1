//! List pagination as the contract fixes it: `?page=1&per_page=50` (at most 200)
//! → `{items, total, page, per_page}`.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;

/// The page a client asks for.
#[derive(Debug, Clone, Copy, Deserialize, IntoParams)]
pub struct PageQuery {
    /// 1-based page number (default 1).
    pub page: Option<u64>,
    /// Items per page (default 50, at most 200).
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
        if page == 0 {
            return Err(ApiError::invalid_field("page", "must be 1 or more"));
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
        (self.page - 1) * self.per_page
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
