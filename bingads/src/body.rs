//! Reading an API response body with a size cap.
//!
//! The body is read chunk by chunk into one buffer and abandoned as soon as it would pass
//! the cap (or at once, when `Content-Length` already says so), so an endless or oversized
//! answer costs at most the cap, never an unbounded buffer. reqwest hands over chunks after
//! any content decoding, so the cap applies to the decoded size. Bulk and report files are
//! not API responses: they are downloaded to disk with their own limits.

/// The default cap: far above any API response seen in practice (a 1,000-campaign reply is
/// about 2 MiB), far below what would hurt a process.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 64 * 1024 * 1024;

/// Why a body could not be read.
pub(crate) enum ReadError {
    TooLarge,
    Http(reqwest::Error),
}

/// Reads the whole body, or stops at `limit` bytes.
pub(crate) async fn read_capped(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<Vec<u8>, ReadError> {
    let announced = response.content_length();
    if announced.is_some_and(|len| len > limit as u64) {
        return Err(ReadError::TooLarge);
    }
    // Trust the announced length for the first allocation only up to a modest size: the
    // header is the peer's claim, not a fact.
    let initial = announced.map_or(16 * 1024, |len| len.min(1 << 20) as usize);
    let mut body = Vec::with_capacity(initial);
    while let Some(chunk) = response.chunk().await.map_err(ReadError::Http)? {
        if chunk.len() > limit.saturating_sub(body.len()) {
            return Err(ReadError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
