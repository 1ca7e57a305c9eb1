//! Installing a Debian package a test needs (Chromium for the browser tests,
//! PostgreSQL for the scale-out and restart tests), so that the README's test
//! command does its own set-up instead of skipping.

use std::process::{Command, Stdio};

/// Whether the tests run as root (only root may install packages).
pub fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

/// `apt-get install -y packages`; the package lists may be stale on a fresh
/// machine, so a failed install is retried once after `apt-get update`. Says
/// whether the last install succeeded.
pub fn apt_install(packages: &[&str]) -> bool {
    let install = || apt_get(&[&["install", "-y", "-qq"], packages].concat());
    install() || (apt_get(&["update", "-qq"]) && install())
}

/// Runs apt-get without questions, waiting for another apt's lock (another test
/// binary installing at the same time) rather than failing.
fn apt_get(args: &[&str]) -> bool {
    Command::new("apt-get")
        .args(["-o", "DPkg::Lock::Timeout=600"])
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
