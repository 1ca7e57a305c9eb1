//! A real OpenID provider for the single sign-on tests: `tests/oidc/provider.mjs`,
//! panva's OpenID-certified `oidc-provider` on Node, started on a free port with
//! the app's redirect URI. `npm ci` runs there first when `node_modules` is missing
//! (once per test run). The provider's development login form accepts any login;
//! the people it knows (and their `groups` claim) are listed in the script.

use std::{
    io::{BufRead, BufReader},
    path::PathBuf,
    process::{Child, Command, Stdio},
    sync::Mutex,
    time::Duration,
};

use crate::helpers::free_port;

/// The app's client at the provider.
pub const CLIENT_ID: &str = "fairhire";
/// Its secret.
pub const CLIENT_SECRET: &str = "fairhire-secret";
/// A client whose token answers carry an ID token issued to another client.
pub const MIXUP_CLIENT_ID: &str = "fairhire-mixup";
/// Its secret.
pub const MIXUP_CLIENT_SECRET: &str = "mixup-secret";

/// A running provider; killed when dropped.
pub struct OidcProvider {
    child: Child,
    /// `http://127.0.0.1:PORT`, its issuer identifier.
    pub issuer: String,
}

impl Drop for OidcProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn directory() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/oidc")
}

/// Installs the provider's packages (exactly the lock file's) if they are missing.
fn install() {
    static INSTALLED: Mutex<bool> = Mutex::new(false);
    let mut installed = INSTALLED.lock().unwrap_or_else(|e| e.into_inner());
    if *installed || directory().join("node_modules/oidc-provider").exists() {
        *installed = true;
        return;
    }
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(directory())
        .status()
        .expect("npm (Node 20 and npm are needed for the single sign-on tests)");
    assert!(status.success(), "npm ci in tests/oidc failed");
    *installed = true;
}

impl OidcProvider {
    /// Starts the provider for an app whose redirect URI is `redirect_uri`.
    pub fn start(redirect_uri: &str) -> Self {
        install();
        let port = free_port();
        let mut child = Command::new("node")
            .arg("provider.mjs")
            .arg(port.to_string())
            .arg(redirect_uri)
            .current_dir(directory())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start node tests/oidc/provider.mjs");
        let stdout = child.stdout.take().expect("provider stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(issuer) = line.strip_prefix("ready ") {
                    let _ = tx.send(issuer.to_string());
                }
            }
        });
        let issuer = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the OpenID provider did not start within 30 s");
        Self { child, issuer }
    }
}

/// Signs `login` in at the provider's development login form, starting from the
/// authorization URL the app redirected to, and returns the URL the provider sends
/// the browser back to (the app's callback with `code`, `state` and `iss`).
pub async fn sign_in_at_provider(authorization_url: &str, login: &str) -> url::Url {
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .expect("client");
    let location = |r: &reqwest::Response| -> url::Url {
        let raw = r.headers()["location"].to_str().expect("location");
        r.url().join(raw).expect("a URL")
    };
    let first = browser.get(authorization_url).send().await.expect("authorize");
    assert_eq!(first.status().as_u16() / 100, 3, "the provider asks for a login");
    let interaction = location(&first);
    let form = browser.get(interaction.clone()).send().await.expect("login form");
    let html = form.text().await.expect("login form text");
    assert!(
        html.contains("name=\"login\""),
        "the provider's login form: {html}"
    );
    let posted = browser
        .post(interaction)
        .form(&[("prompt", "login"), ("login", login), ("password", "any")])
        .send()
        .await
        .expect("log in");
    let resume = location(&posted);
    let back = browser.get(resume).send().await.expect("resume");
    location(&back)
}
