//! A PostgreSQL server owned by one test: `initdb` into a temporary directory,
//! `postgres` on a free port with its socket in that directory, stopped and
//! removed when the test ends. The scale-out and restart tests use it so that the
//! plain `cargo test --workspace` runs them (nothing to set up, nothing skipped)
//! and the restart test stops only its own server, never one others use.
//!
//! The binaries come from Debian's `postgresql` package
//! (`/usr/lib/postgresql/VERSION/bin`); when it is missing the harness installs it
//! (as root, once per test process; apt's lock orders concurrent installs) and
//! otherwise fails saying what to install. PostgreSQL refuses to run as root, so
//! under root `initdb` and `postgres` run as the package's `postgres` user.

use std::{
    fs::File,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::OnceLock,
    time::{Duration, Instant},
};

use tempfile::TempDir;

use crate::{
    helpers::free_port,
    system_packages::{apt_install, running_as_root},
};

/// The unprivileged user the server runs as when the tests run as root (created
/// by Debian's `postgresql-common`).
const SERVER_USER: &str = "postgres";

/// A running server of the test's own; stopped, and its files removed, on drop.
pub struct OwnPostgres {
    bin: PathBuf,
    port: u16,
    as_root: bool,
    server: Option<Child>,
    // Dropped last: the server must be stopped before its directory goes.
    dir: TempDir,
}

impl OwnPostgres {
    /// A fresh cluster, started and accepting connections.
    pub fn start() -> Self {
        let bin = binaries();
        let as_root = running_as_root();
        let dir = tempfile::tempdir().expect("a directory for the cluster");
        if as_root {
            run(Command::new("chown").args([SERVER_USER, path(dir.path())]));
        }
        let mut own = Self {
            bin,
            port: free_port(),
            as_root,
            server: None,
            dir,
        };
        let data = own.data();
        run(own
            .command("initdb")
            .args([
                "--auth=trust",
                "--username=postgres",
                "--encoding=UTF8",
                "--no-sync",
                "-D",
            ])
            .arg(&data));
        own.resume();
        own
    }

    /// `postgres://postgres@127.0.0.1:PORT/postgres`: the maintenance database,
    /// where a test creates its own.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Stops the server (a fast shutdown: clients are disconnected, nothing lost).
    pub fn stop(&mut self) {
        let Some(mut server) = self.server.take() else {
            return;
        };
        // SIGINT is PostgreSQL's "fast shutdown".
        let _ = Command::new("kill")
            .args(["-INT", &server.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = server.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = server.kill();
        let _ = server.wait();
    }

    /// Starts the stopped server again on the same port and data, and waits until
    /// it accepts connections.
    pub fn resume(&mut self) {
        assert!(self.server.is_none(), "the test's PostgreSQL is already running");
        let log = File::create(self.dir.path().join("postgres.log")).expect("the server's log");
        let data = self.data();
        let server = self
            .command("postgres")
            .arg("-D")
            .arg(&data)
            .args(["-p", &self.port.to_string(), "-k", path(self.dir.path())])
            .args(["-c", "listen_addresses=127.0.0.1"])
            // Two apis, two workers (20 connections each) and the test's own pool.
            .args(["-c", "max_connections=200"])
            // A throwaway cluster: durability against a machine crash is not tested.
            .args(["-c", "fsync=off", "-c", "full_page_writes=off"])
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("start postgres");
        self.server = Some(server);
        let deadline = Instant::now() + Duration::from_secs(60);
        while !self.accepting() {
            let exited = self.server.as_mut().and_then(|s| s.try_wait().ok().flatten());
            assert!(
                exited.is_none() && Instant::now() < deadline,
                "the test's PostgreSQL did not start ({exited:?}): {}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn accepting(&self) -> bool {
        Command::new(self.bin.join("pg_isready"))
            .args(["-q", "-h", "127.0.0.1", "-p", &self.port.to_string()])
            .status()
            .is_ok_and(|s| s.success())
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("postgres.log")).unwrap_or_default()
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// One of the PostgreSQL binaries, run as [`SERVER_USER`] when the tests run
    /// as root (`setpriv` execs it, so the child is the server itself and a signal
    /// to it reaches PostgreSQL).
    fn command(&self, program: &str) -> Command {
        let program = self.bin.join(program);
        let mut command = if self.as_root {
            let mut setpriv = Command::new("setpriv");
            setpriv
                .args([
                    "--reuid",
                    SERVER_USER,
                    "--regid",
                    SERVER_USER,
                    "--init-groups",
                    "--",
                ])
                .arg(program);
            setpriv
        } else {
            Command::new(program)
        };
        // PostgreSQL changes to no directory of its own; root's home is not the
        // server user's to read.
        command.current_dir(self.dir.path());
        command
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The directory of `initdb` and `postgres`, installing Debian's `postgresql`
/// when there is none.
fn binaries() -> PathBuf {
    static FOUND: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    let found = FOUND.get_or_init(|| {
        if let Some(bin) = installed() {
            return Ok(bin);
        }
        if !running_as_root() {
            return Err(
                "PostgreSQL is not installed under /usr/lib/postgresql and the tests do not \
                        run as root, so they cannot install it: apt-get install postgresql"
                    .into(),
            );
        }
        eprintln!("note: PostgreSQL is missing; installing postgresql with apt-get");
        apt_install(&["postgresql"]);
        installed().ok_or_else(|| "apt-get install postgresql did not give initdb and postgres".into())
    });
    match found {
        Ok(bin) => bin.clone(),
        Err(why) => panic!("the scale-out and restart tests need PostgreSQL: {why}"),
    }
}

/// The newest `/usr/lib/postgresql/VERSION/bin` that has the server.
fn installed() -> Option<PathBuf> {
    std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|entry| {
            let version: u32 = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            (bin.join("initdb").is_file() && bin.join("postgres").is_file()).then_some((version, bin))
        })
        .max_by_key(|(version, _)| *version)
        .map(|(_, bin)| bin)
}

fn path(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temporary path")
}

fn run(command: &mut Command) {
    let output = command.output().expect("run a PostgreSQL set-up command");
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}
