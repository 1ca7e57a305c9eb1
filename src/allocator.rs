//! How the process's memory allocator hands memory back (glibc only).
//!
//! glibc maps each allocation from 128 KiB up on its own and unmaps it when freed,
//! but after freeing one it raises that threshold to the freed size (up to 32 MiB).
//! A fee-audit upload allocates buffers of tens of MB (the body, the workers'
//! results), so after the first upload every later one's large buffers came from the
//! heaps of whichever threads handled it, and stayed there: the server's peak grew
//! from upload to upload (BENCHMARKS.md, fee import, server peak memory). A fixed
//! threshold keeps every large buffer mapped on its own and returned when freed.

/// Allocations of at least this many bytes are mapped on their own and returned to
/// the system when freed (glibc's initial default is 128 KiB; a larger value keeps
/// the line chunks and page buffers of an upload in the heap, where they are reused).
pub const MAPPED_FROM_BYTES: i32 = 1024 * 1024;

/// Fixes glibc's mmap threshold at [`MAPPED_FROM_BYTES`] (which also stops it moving).
/// Returns false where the allocator refused; a no-op returning true elsewhere.
pub fn return_large_allocations_when_freed() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: mallopt only changes an allocator tunable; glibc allows it at any
        // time, from any thread, and it takes no pointers.
        #[allow(unsafe_code)]
        let set = unsafe { libc::mallopt(libc::M_MMAP_THRESHOLD, MAPPED_FROM_BYTES) };
        set == 1
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        true
    }
}

/// Hands the free pages of every heap back to the system (glibc's `malloc_trim`).
/// Called once after start-up: each HTTP worker thread builds its own app (the
/// OpenAPI document is built once, before them), and the memory that building
/// freed stays in that thread's heap, resident, until something reuses it
/// (BENCHMARKS.md, idle memory).
/// A no-op elsewhere.
pub fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: malloc_trim only returns whole free pages of glibc's own heaps to
        // the system; it takes no pointers and is thread-safe.
        #[allow(unsafe_code)]
        unsafe {
            libc::malloc_trim(0);
        }
    }
}
