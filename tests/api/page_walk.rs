//! The walk the one-row list page tests share (issue #23): a list walked page
//! by page (two a page) by number and by cursor gives the same rows, and the
//! whole list in one page gives them too, with a `total` that counts them.

use serde_json::Value;

use crate::helpers::TestApp;

/// A `200` answer's body.
pub async fn get(app: &TestApp, path: &str, token: &str) -> Value {
    let response = app.get_api(path, Some(token)).await;
    assert_eq!(response.status(), 200, "{path}");
    response.json().await.unwrap()
}

/// Walks `{list}{query}` as above and returns its items.
pub async fn walked(app: &TestApp, list: &str, query: &str, token: &str) -> Vec<Value> {
    let mut by_number = Vec::new();
    let mut by_cursor = Vec::new();
    let mut cursor: Option<String> = None;
    let sep = if query.is_empty() { "?" } else { "&" };
    for page in 1..=50 {
        let numbered = get(app, &format!("{list}{query}{sep}per_page=2&page={page}"), token).await;
        by_number.extend(numbered["items"].as_array().unwrap().iter().cloned());
        let path = match &cursor {
            Some(c) => format!("{list}{query}{sep}per_page=2&cursor={c}"),
            None => format!("{list}{query}{sep}per_page=2"),
        };
        let walked = get(app, &path, token).await;
        assert_eq!(walked["total"], numbered["total"], "{query}");
        by_cursor.extend(walked["items"].as_array().unwrap().iter().cloned());
        cursor = walked["next_cursor"].as_str().map(str::to_string);
        if cursor.is_none() {
            break;
        }
    }
    assert_eq!(by_number, by_cursor, "{query}");
    let whole = get(app, &format!("{list}{query}"), token).await;
    assert_eq!(whole["items"].as_array().unwrap(), &by_number, "{query}");
    assert_eq!(
        whole["total"].as_u64().unwrap() as usize,
        by_number.len(),
        "{query}"
    );
    by_number
}
