//! A small real SMTP server for the tests (RFC 5321, enough for lettre): EHLO/HELO,
//! MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP and QUIT over plain TCP. Each
//! message is written to a Maildir (`tmp/` then renamed into `new/`, so a reader never
//! sees half a message). It lives in the harness so that `cargo test` needs nothing
//! outside Cargo (it replaced Debian's python3-aiosmtpd).
//!
//! The server runs on its own thread with its own Tokio runtime: it is started from
//! synchronous code, and stopping it (an outage) must close the listener and every
//! open session at once, whatever runtime the test itself uses.

use std::{
    path::{Path, PathBuf},
    sync::atomic::{AtomicU64, Ordering},
    thread::JoinHandle,
};

use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::{TcpListener, TcpStream},
    sync::oneshot,
};

/// A listening server; dropping it stops it.
pub struct RunningServer {
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

/// Binds `127.0.0.1:port` now (so a client may connect as soon as this returns) and
/// serves sessions until stopped, storing messages under `maildir`.
pub fn serve(port: u16, maildir: &Path) -> RunningServer {
    for sub in ["tmp", "new", "cur"] {
        std::fs::create_dir_all(maildir.join(sub)).expect("create the Maildir");
    }
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))
        .unwrap_or_else(|e| panic!("the test SMTP server could not listen on port {port}: {e}"));
    listener.set_nonblocking(true).expect("non-blocking listener");
    let (shutdown, stopped) = oneshot::channel::<()>();
    let maildir = maildir.to_path_buf();
    let thread = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("SMTP server runtime");
        runtime.block_on(accept_until(listener, maildir, stopped));
        // Dropping the runtime cancels every open session, closing its socket.
        drop(runtime);
    });
    RunningServer {
        shutdown: Some(shutdown),
        thread: Some(thread),
    }
}

impl RunningServer {
    /// Closes the listener and every session, and waits until they are gone.
    pub fn stop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn accept_until(listener: std::net::TcpListener, maildir: PathBuf, mut stopped: oneshot::Receiver<()>) {
    let listener = TcpListener::from_std(listener).expect("tokio listener");
    loop {
        tokio::select! {
            _ = &mut stopped => return,
            accepted = listener.accept() => {
                if let Ok((stream, _)) = accepted {
                    let maildir = maildir.clone();
                    tokio::spawn(async move {
                        // A client that hangs up mid-session is its own business.
                        let _ = session(stream, &maildir).await;
                    });
                }
            }
        }
    }
}

/// The envelope of the message being received.
#[derive(Default)]
struct Envelope {
    from: Option<String>,
    to: Vec<String>,
}

async fn session(stream: TcpStream, maildir: &Path) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 fairhire-test ESMTP ready\r\n").await?;
    let mut envelope = Envelope::default();
    let mut line = Vec::new();
    loop {
        line.clear();
        if lines.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let command = String::from_utf8_lossy(trim_line_end(&line)).into_owned();
        let verb = command
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => {
                envelope = Envelope::default();
                b"250-fairhire-test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
            }
            "HELO" => {
                envelope = Envelope::default();
                b"250 fairhire-test\r\n"
            }
            "MAIL" => match address_after(&command, "FROM:") {
                Some(from) => {
                    envelope = Envelope {
                        from: Some(from),
                        to: Vec::new(),
                    };
                    b"250 OK\r\n"
                }
                None => b"501 Syntax: MAIL FROM:<address>\r\n",
            },
            "RCPT" if envelope.from.is_none() => b"503 Error: need MAIL command\r\n",
            "RCPT" => match address_after(&command, "TO:") {
                Some(to) => {
                    envelope.to.push(to);
                    b"250 OK\r\n"
                }
                None => b"501 Syntax: RCPT TO:<address>\r\n",
            },
            "DATA" if envelope.to.is_empty() => b"503 Error: need RCPT command\r\n",
            "DATA" => {
                write
                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    .await?;
                let Some(message) = read_data(&mut lines).await? else {
                    return Ok(());
                };
                store(maildir, &std::mem::take(&mut envelope), &message)?;
                b"250 OK: message stored\r\n"
            }
            "RSET" => {
                envelope = Envelope::default();
                b"250 OK\r\n"
            }
            "NOOP" => b"250 OK\r\n",
            "QUIT" => {
                write.write_all(b"221 Bye\r\n").await?;
                return Ok(());
            }
            _ => b"500 Error: command not recognized\r\n",
        };
        write.write_all(reply).await?;
    }
}

/// Reads the message up to the line holding a single dot, undoing the sender's dot
/// stuffing (RFC 5321 4.5.2). `None` when the client hung up first.
async fn read_data<R: tokio::io::AsyncBufRead + Unpin>(lines: &mut R) -> std::io::Result<Option<Vec<u8>>> {
    let mut message = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if lines.read_until(b'\n', &mut line).await? == 0 {
            return Ok(None);
        }
        let content = trim_line_end(&line);
        if content == b"." {
            return Ok(Some(message));
        }
        let unstuffed = content.strip_prefix(b".").unwrap_or(content);
        message.extend_from_slice(unstuffed);
        message.extend_from_slice(b"\r\n");
    }
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// `<address>` after `MAIL FROM:` / `RCPT TO:` (parameters such as `BODY=8BITMIME`
/// are accepted and ignored); the null sender `<>` is an empty address.
fn address_after(command: &str, keyword: &str) -> Option<String> {
    let rest = command.get(5..)?.trim_start();
    if !rest.to_ascii_uppercase().starts_with(keyword) {
        return None;
    }
    let rest = rest[keyword.len()..].trim_start();
    let inner = rest.strip_prefix('<')?;
    let end = inner.find('>')?;
    Some(inner[..end].to_string())
}

static STORED: AtomicU64 = AtomicU64::new(0);

/// Writes the message with its envelope (as `X-MailFrom`/`X-RcptTo`, the way
/// aiosmtpd's Mailbox did) into `tmp/`, then renames it into `new/`.
fn store(maildir: &Path, envelope: &Envelope, message: &[u8]) -> std::io::Result<()> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let name = format!(
        "{nanos}.{}_{}.fairhire-test",
        std::process::id(),
        STORED.fetch_add(1, Ordering::Relaxed)
    );
    let mut content = format!(
        "X-MailFrom: {}\r\nX-RcptTo: {}\r\n",
        envelope.from.as_deref().unwrap_or_default(),
        envelope.to.join(", ")
    )
    .into_bytes();
    content.extend_from_slice(message);
    let tmp = maildir.join("tmp").join(&name);
    std::fs::write(&tmp, content)?;
    std::fs::rename(&tmp, maildir.join("new").join(&name))
}

#[cfg(test)]
mod tests {
    use super::{address_after, read_data};

    #[test]
    fn envelope_addresses_with_and_without_parameters() {
        assert_eq!(
            address_after("MAIL FROM:<a@b.example> BODY=8BITMIME", "FROM:").as_deref(),
            Some("a@b.example")
        );
        assert_eq!(address_after("mail from: <>", "FROM:").as_deref(), Some(""));
        assert_eq!(
            address_after("RCPT TO:<c@d.example>", "TO:").as_deref(),
            Some("c@d.example")
        );
        assert_eq!(address_after("RCPT c@d.example", "TO:"), None);
    }

    #[tokio::test]
    async fn data_ends_at_a_lone_dot_and_is_unstuffed() {
        let mut input: &[u8] = b"Subject: x\r\n\r\n..leading dot\r\n.\r\nNOOP\r\n";
        let message = read_data(&mut input).await.unwrap().unwrap();
        assert_eq!(message, b"Subject: x\r\n\r\n.leading dot\r\n");
        let mut cut: &[u8] = b"Subject: x\r\n";
        assert!(read_data(&mut cut).await.unwrap().is_none());
    }
}
