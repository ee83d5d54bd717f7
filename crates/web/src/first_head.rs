//! Requests the HTTP server cannot read at all, answered like every other error.
//!
//! hyper answers bytes that are not an HTTP/1.x request (a bad method or address, a header line
//! without a colon, raw control bytes, too many headers) with a bare status line and an empty
//! body, and no handler ever sees them. Each connection's first request head is therefore read
//! here before hyper sees it, with the same parser hyper uses (httparse, 100 headers) and the
//! same checks it then makes on the method, the address and the body's length. A head that
//! fails gets a short HTML page saying what was wrong (400, or 431 for too many headers) and
//! the connection is closed; a good head is handed to hyper byte for byte. Later requests on a
//! kept-alive connection go to hyper directly: their rare failures stay hyper's empty answers.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use axum::http::{Method, Uri};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

/// hyper's own bound on the header lines of a request.
const MAX_HEADERS: usize = 100;
/// Past this many bytes without a complete head, hyper decides (it answers 431 past 400 KiB).
const MAX_HEAD_BYTES: usize = 64 * 1024;

/// A listener whose connections have their first request head checked.
#[derive(Debug)]
pub(crate) struct CheckedListener(pub(crate) TcpListener);

impl axum::serve::Listener for CheckedListener {
    type Io = FirstHeadChecked;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        let (stream, addr) = axum::serve::Listener::accept(&mut self.0).await;
        (FirstHeadChecked { inner: stream, state: State::Checking(Vec::new()) }, addr)
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.0.local_addr()
    }
}

/// A connection whose first request head is checked before hyper reads it.
#[derive(Debug)]
pub(crate) struct FirstHeadChecked {
    inner: TcpStream,
    state: State,
}

#[derive(Debug)]
enum State {
    /// Reading the first head.
    Checking(Vec<u8>),
    /// Handing the checked bytes to hyper, from the offset.
    Handing(Vec<u8>, usize),
    /// Writing an error answer, from the offset; hyper then reads the end of the stream.
    Refusing(Vec<u8>, usize),
    Passing,
    Closed,
}

/// What the first bytes of a connection are.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    Complete,
    Partial,
    Refused(u16, String),
}

fn judge(bytes: &[u8]) -> Verdict {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    match request.parse(bytes) {
        Ok(httparse::Status::Partial) => Verdict::Partial,
        Err(httparse::Error::TooManyHeaders) => Verdict::Refused(
            431,
            format!("This request has more than {MAX_HEADERS} header lines; newsdesk reads up to 64."),
        ),
        Err(e) => Verdict::Refused(400, format!("This is not an HTTP/1.1 request newsdesk can read: {}.", describe(e))),
        Ok(httparse::Status::Complete(_)) => {
            let method = request.method.unwrap_or_default();
            if Method::from_bytes(method.as_bytes()).is_err() {
                return Verdict::Refused(400, "The request's method is not a valid HTTP method.".to_owned());
            }
            if Uri::try_from(request.path.unwrap_or_default().as_bytes()).is_err() {
                return Verdict::Refused(400, "The request's address is not a valid URL path.".to_owned());
            }
            let lengths: Vec<&[u8]> = request
                .headers
                .iter()
                .filter(|h| h.name.eq_ignore_ascii_case("content-length"))
                .map(|h| h.value)
                .collect();
            let valid = lengths.iter().all(|v| !v.is_empty() && v.iter().all(u8::is_ascii_digit) && v.len() <= 19);
            if !valid || lengths.windows(2).any(|w| w[0] != w[1]) {
                return Verdict::Refused(400, "The request's Content-Length is not one whole number.".to_owned());
            }
            let chunked = request.headers.iter().any(|h| h.name.eq_ignore_ascii_case("transfer-encoding"));
            if chunked && request.version == Some(0) {
                return Verdict::Refused(400, "An HTTP/1.0 request cannot have a Transfer-Encoding.".to_owned());
            }
            Verdict::Complete
        }
    }
}

fn describe(e: httparse::Error) -> &'static str {
    match e {
        httparse::Error::HeaderName => "a header name holds a character names may not have",
        httparse::Error::HeaderValue => "a header value holds a control character",
        httparse::Error::NewLine | httparse::Error::Status => "a line does not end as HTTP lines end",
        httparse::Error::Token => "the method or the address holds a character they may not have",
        httparse::Error::Version => "the request line does not end in HTTP/1.0 or HTTP/1.1",
        httparse::Error::TooManyHeaders => "too many header lines",
    }
}

/// The whole answer: a status line, the site's security headers, and a short page.
fn answer(status: u16, message: &str) -> Vec<u8> {
    let (reason, heading) = if status == 431 {
        ("Request Header Fields Too Large", "Request headers too large")
    } else {
        ("Bad Request", "Bad request")
    };
    let body = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{heading}</title>\
         <link rel=\"stylesheet\" href=\"/static/style.css\"></head>\
         <body><main><h1>{heading}</h1><p>{message}</p></main></body></html>\n"
    );
    format!(
        "HTTP/1.1 {status} {reason}\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\n\
         connection: close\r\ncontent-security-policy: {}\r\nx-content-type-options: nosniff\r\n\
         x-frame-options: DENY\r\nreferrer-policy: strict-origin-when-cross-origin\r\n\r\n{body}",
        body.len(),
        crate::headers::CSP
    )
    .into_bytes()
}

impl AsyncRead for FirstHeadChecked {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, out: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        loop {
            match &mut this.state {
                State::Passing => return Pin::new(&mut this.inner).poll_read(cx, out),
                State::Closed => return Poll::Ready(Ok(())),
                State::Handing(bytes, at) => {
                    let n = (bytes.len() - *at).min(out.remaining());
                    out.put_slice(&bytes[*at..*at + n]);
                    *at += n;
                    if *at == bytes.len() {
                        this.state = State::Passing;
                    }
                    return Poll::Ready(Ok(()));
                }
                State::Refusing(bytes, at) => {
                    while *at < bytes.len() {
                        match ready!(Pin::new(&mut this.inner).poll_write(cx, &bytes[*at..])) {
                            Ok(0) | Err(_) => break,
                            Ok(n) => *at += n,
                        }
                    }
                    let _ = ready!(Pin::new(&mut this.inner).poll_shutdown(cx));
                    this.state = State::Closed;
                }
                State::Checking(seen) => {
                    let mut chunk = [0u8; 8192];
                    let mut read = ReadBuf::new(&mut chunk);
                    ready!(Pin::new(&mut this.inner).poll_read(cx, &mut read))?;
                    if read.filled().is_empty() {
                        // The peer stopped sending: hyper gets what came, then the end.
                        let seen = std::mem::take(seen);
                        this.state = if seen.is_empty() { State::Closed } else { State::Handing(seen, 0) };
                        continue;
                    }
                    seen.extend_from_slice(read.filled());
                    match judge(seen) {
                        Verdict::Partial if seen.len() <= MAX_HEAD_BYTES => {}
                        Verdict::Partial | Verdict::Complete => {
                            this.state = State::Handing(std::mem::take(seen), 0);
                        }
                        Verdict::Refused(status, message) => {
                            tracing::info!(status, reason = %message, "unreadable request refused");
                            this.state = State::Refusing(answer(status, &message), 0);
                        }
                    }
                }
            }
        }
    }
}

impl AsyncWrite for FirstHeadChecked {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_heads_pass_and_unfinished_ones_wait() {
        assert_eq!(judge(b"GET /latest HTTP/1.1\r\nHost: x\r\n\r\n"), Verdict::Complete);
        assert_eq!(judge(b"POST /a HTTP/1.0\r\nContent-Length: 3\r\n\r\nabc"), Verdict::Complete);
        assert_eq!(judge(b"GET /latest HTTP/1.1\r\nHost: x\r\n"), Verdict::Partial);
        assert_eq!(judge(b"GE"), Verdict::Partial);
    }

    #[test]
    fn unreadable_heads_are_refused_with_what_was_wrong() {
        let refused = |bytes: &[u8]| match judge(bytes) {
            Verdict::Refused(status, message) => (status, message),
            other => panic!("{other:?} for {bytes:?}"),
        };
        assert!(refused(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n").1.contains("not an HTTP/1.1 request"));
        assert!(refused(b"GET /a\x01b HTTP/1.1\r\n\r\n").1.contains("method or the address"));
        assert!(refused(b"GET / HTTP/1.1\r\nNoColonHere\r\n\r\n").1.contains("header name"));
        assert!(refused(b"GET / HTTP/1.1\r\nX: a\x01b\r\n\r\n").1.contains("header value"));
        assert!(refused(b"GET / HTTP/9.9\r\n\r\n").1.contains("HTTP/1.0 or HTTP/1.1"));
        assert!(
            refused(b"POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n").1.contains("Content-Length")
        );
        assert!(refused(b"POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n").1.contains("Content-Length"));
        assert!(refused(b"POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n").1.contains("HTTP/1.0"));
        let many: String = (0..120).map(|i| format!("x-{i}: y\r\n")).collect();
        assert_eq!(refused(format!("GET / HTTP/1.1\r\n{many}\r\n").as_bytes()).0, 431);
        let page = String::from_utf8(answer(400, "It was wrong.")).unwrap();
        assert!(
            page.starts_with("HTTP/1.1 400 Bad Request\r\n")
                && page.ends_with("<p>It was wrong.</p></main></body></html>\n")
        );
        let (head, body) = page.split_once("\r\n\r\n").unwrap();
        assert!(head.contains(&format!("content-length: {}", body.len())));
    }
}
