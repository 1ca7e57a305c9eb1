//! Turning a rendered email into an RFC 5322 message.

use anyhow::Context;
use lettre::{
    Message,
    message::{Body, Mailbox, MultiPart, SinglePart, header::ContentTransferEncoding},
};
use uuid::Uuid;

use super::templates::RenderedEmail;

/// A `multipart/alternative` message (text, then HTML) from `from` to `to`.
/// The Message-ID derives from the email's id, so a retried send reuses it and
/// receiving systems can drop the duplicate.
pub(super) fn compose(
    email_id: Uuid,
    from: &Mailbox,
    to: &str,
    rendered: RenderedEmail,
) -> anyhow::Result<Message> {
    let to: Mailbox = to.parse().context("the recipient is not a valid address")?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(rendered.subject)
        .date_now()
        .message_id(Some(format!("<{email_id}@{}>", from.email.domain())))
        .multipart(
            MultiPart::alternative()
                .singlepart(SinglePart::plain(readable_body(rendered.text)))
                .singlepart(SinglePart::html(readable_body(rendered.html))),
        )
        .context("building the message")
}

/// RFC 5322 allows lines up to 998 octets; lettre would encode anything above 76
/// as quoted-printable or base64.
const MAX_LINE: usize = 998;

/// The part as plain 7-bit or 8-bit UTF-8 text, so the raw message stays readable
/// and a line such as `Invitation code: <64 hex digits>` (81 characters) stays
/// whole and greppable in every locale; lettre's own encoding for anything that
/// does not fit.
fn readable_body(text: String) -> Body {
    let clean = text
        .lines()
        .all(|line| line.len() <= MAX_LINE && !line.contains(['\r', '\0']));
    if !clean {
        return Body::new(text);
    }
    let mut crlf = text.lines().collect::<Vec<_>>().join("\r\n");
    crlf.push_str("\r\n");
    let encoding = if crlf.is_ascii() {
        ContentTransferEncoding::SevenBit
    } else {
        ContentTransferEncoding::EightBit
    };
    Body::dangerous_pre_encoded(crlf.into_bytes(), encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_and_accents_stay_unencoded() {
        let line = format!("Invitation code: {}", "ab".repeat(32));
        let body = readable_body(format!("Código\n{line}\n"));
        assert_eq!(body.encoding(), ContentTransferEncoding::EightBit);
        assert_eq!(
            String::from_utf8_lossy(body.as_ref()),
            format!("Código\r\n{line}\r\n")
        );
        let huge = readable_body("x".repeat(MAX_LINE + 1));
        assert_ne!(huge.encoding(), ContentTransferEncoding::EightBit);
    }
}
