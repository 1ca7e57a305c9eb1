//! Subset fonts kept across renders.
//!
//! Subsetting a face and deflating the subset was the largest part of writing a
//! report that had already been laid out, and it gives the same bytes whenever
//! the same glyphs stand for the same text: re-rendering a report, and every
//! poster in one language, draw the same glyph set. So the finished streams are
//! kept, keyed by the face and its CIDs in order, for the last [`KEEP`] glyph
//! sets (a few tens of KiB each).

use std::sync::{Arc, Mutex};

use super::{fonts::FaceId, text::Source};

/// How many glyph sets are kept; the least recently used goes first.
const KEEP: usize = 32;

/// A subset font's streams, deflated, ready to embed.
pub(crate) struct Subset {
    /// The TrueType program's length before deflating (`Length1`).
    pub program_len: usize,
    /// The deflated TrueType program.
    pub program: Vec<u8>,
    /// The deflated `CIDToGIDMap`.
    pub cid_to_gid: Vec<u8>,
    /// The deflated `ToUnicode` CMap.
    pub to_unicode: Vec<u8>,
}

/// A face and what each of its CIDs (from 1) stands for: glyph and text.
type Key = (FaceId, Vec<(u16, Source)>);

/// Most recently used last.
static KEPT: Mutex<Vec<(Key, Arc<Subset>)>> = Mutex::new(Vec::new());

/// Forgets every kept subset, so that the next render makes its own as the first
/// render of a process does (the benchmark times renders both ways: a worker
/// rendering reports of other suppliers rarely finds the same glyph set kept).
pub fn forget_kept() {
    if let Ok(mut kept) = KEPT.lock() {
        kept.clear();
    }
}

/// The subset of `face` for `entries`, kept from an earlier render or made by
/// `make` now. The lock is not held while making one (renders run in
/// parallel); a poisoned lock only means nothing is kept.
pub(crate) fn subset(
    face: FaceId,
    entries: &[(u16, Source)],
    make: impl FnOnce() -> anyhow::Result<Subset>,
) -> anyhow::Result<Arc<Subset>> {
    let same = |(f, e): &Key| *f == face && e.as_slice() == entries;
    if let Ok(mut kept) = KEPT.lock()
        && let Some(at) = kept.iter().position(|(key, _)| same(key))
    {
        let hit = kept.remove(at);
        let subset = Arc::clone(&hit.1);
        kept.push(hit);
        return Ok(subset);
    }
    let made = Arc::new(make()?);
    if let Ok(mut kept) = KEPT.lock()
        && !kept.iter().any(|(key, _)| same(key))
    {
        if kept.len() >= KEEP {
            kept.remove(0);
        }
        kept.push(((face, entries.to_vec()), Arc::clone(&made)));
    }
    Ok(made)
}
