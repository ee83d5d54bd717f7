//! A response body sent as the pieces it is kept in (a cached page's halves and what goes
//! between them), so that no piece is copied into a body of its own.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::Bytes;
use http_body::{Frame, SizeHint};

/// A body of known pieces, sent in order; its length is their sum.
pub(crate) struct Chunks {
    pieces: VecDeque<Bytes>,
    left: u64,
}

impl Chunks {
    pub(crate) fn new(pieces: impl IntoIterator<Item = Bytes>) -> Self {
        let pieces: VecDeque<Bytes> = pieces.into_iter().filter(|p| !p.is_empty()).collect();
        let left = pieces.iter().map(|p| p.len() as u64).sum();
        Self { pieces, left }
    }
}

impl http_body::Body for Chunks {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let this = self.get_mut();
        let piece = this.pieces.pop_front();
        if let Some(p) = &piece {
            this.left -= p.len() as u64;
        }
        Poll::Ready(piece.map(|p| Ok(Frame::data(p))))
    }

    fn is_end_stream(&self) -> bool {
        self.pieces.is_empty()
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.left)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_pieces_in_order_with_their_length() {
        let body = Chunks::new([Bytes::from("<p>a"), Bytes::new(), Bytes::from("b</p>")]);
        assert_eq!(http_body::Body::size_hint(&body).exact(), Some(9));
        let bytes = axum::body::to_bytes(axum::body::Body::new(body), 1024).await.unwrap();
        assert_eq!(&bytes[..], b"<p>ab</p>");
    }
}
