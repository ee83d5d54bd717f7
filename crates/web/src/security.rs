//! Secrets, tokens and passwords: form tokens against cross-site requests and too-fast bots,
//! session tokens, the origin check, argon2 password hashes.

use std::time::Duration;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::http::HeaderMap;
use axum::http::header;
use sha2::{Digest, Sha256};

/// 32 random bytes as lowercase hex.
///
/// # Errors
/// The operating system has no randomness to give.
pub(crate) fn random_token() -> Result<String, SecretError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| SecretError::NoRandomness(e.to_string()))?;
    Ok(hex(&bytes))
}

/// Why a secret (a token, a password hash) could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    #[error("the operating system gave no randomness: {0}")]
    NoRandomness(String),
    #[error("the password could not be hashed: {0}")]
    Hashing(String),
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

pub(crate) fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// Whether a MAC sent back equals the expected one, compared in constant time: the time taken
/// says nothing about how much matched.
pub(crate) fn same_mac(expected: &str, sent: &str) -> bool {
    expected.len() == sent.len() && expected.bytes().zip(sent.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

/// HMAC-SHA256 (RFC 2104).
pub(crate) fn hmac(key: &[u8], message: &[u8]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut k = [0u8; BLOCK];
    if key.len() > BLOCK {
        k[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        k[..key.len()].copy_from_slice(key);
    }
    let mut inner = Sha256::new();
    inner.update(k.map(|b| b ^ 0x36));
    inner.update(message);
    let mut outer = Sha256::new();
    outer.update(k.map(|b| b ^ 0x5c));
    outer.update(inner.finalize());
    outer.finalize().into()
}

/// Why a form token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenProblem {
    /// Missing, malformed, or not made by this site for this form.
    Invalid,
    /// Sent sooner after the page was served than a person can write.
    TooFast,
    /// The page was served too long ago.
    Expired,
}

/// A token for one form (`scope`), made at `now` (seconds since the epoch).
pub(crate) fn form_token(secret: &[u8], scope: &str, now: i64) -> String {
    // A nonce makes each form's token its own, even two served in the same second, so that a
    // token can be spent once (a comment form carries one comment).
    let nonce = random_nonce().map_or_else(|| format!("{now:x}"), |n| hex(&n));
    format!("{now}.{nonce}.{}", hex(&hmac(secret, format!("{scope}|{now}|{nonce}").as_bytes())))
}

/// Eight random bytes from the operating system's generator, drawn 256 at a time for each
/// thread (each byte is handed out once): one system call for every 32 forms, not one each.
fn random_nonce() -> Option<[u8; 8]> {
    use std::cell::RefCell;
    thread_local! {
        static POOL: RefCell<([u8; 256], usize)> = const { RefCell::new(([0; 256], 256)) };
    }
    POOL.with(|pool| {
        let (bytes, used) = &mut *pool.try_borrow_mut().ok()?;
        if *used + 8 > bytes.len() {
            getrandom::fill(bytes).ok()?;
            *used = 0;
        }
        let mut nonce = [0u8; 8];
        nonce.copy_from_slice(&bytes[*used..*used + 8]);
        *used += 8;
        Some(nonce)
    })
}

/// Checks a form token: made by this site, for this form, at least `min_age` and at most
/// `max_age` ago.
pub(crate) fn check_form_token(
    secret: &[u8],
    scope: &str,
    token: &str,
    now: i64,
    min_age: Duration,
    max_age: Duration,
) -> Result<(), TokenProblem> {
    let mut parts = token.splitn(3, '.');
    let (Some(issued), Some(nonce), Some(mac)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(TokenProblem::Invalid);
    };
    if nonce.is_empty() || nonce.len() > 32 || !nonce.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(TokenProblem::Invalid);
    }
    let issued: i64 = issued.parse().map_err(|_| TokenProblem::Invalid)?;
    let expected = hex(&hmac(secret, format!("{scope}|{issued}|{nonce}").as_bytes()));
    if !same_mac(&expected, mac) {
        return Err(TokenProblem::Invalid);
    }
    let age = now - issued;
    if age < i64::try_from(min_age.as_secs()).unwrap_or(i64::MAX) {
        return Err(TokenProblem::TooFast);
    }
    if age > i64::try_from(max_age.as_secs()).unwrap_or(i64::MAX) {
        return Err(TokenProblem::Expired);
    }
    Ok(())
}

/// True unless the browser says the request comes from another site: `Sec-Fetch-Site` when
/// the browser sends it, else `Origin` against `Host`.
pub(crate) fn same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else { return true };
    if origin == "null" {
        return false;
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or_default();
    origin.split_once("://").is_some_and(|(_, rest)| rest.eq_ignore_ascii_case(host))
}

/// An argon2id hash of a password, in PHC string format.
///
/// # Errors
/// No randomness for the salt, or a hashing failure.
pub fn hash_password(password: &str) -> Result<String, SecretError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| SecretError::NoRandomness(e.to_string()))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| SecretError::Hashing(e.to_string()))?;
    argon2::Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| SecretError::Hashing(e.to_string()))
}

/// True when `password` matches the stored hash.
pub(crate) fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| argon2::Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// The value of cookie `name` in the request.
pub(crate) fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_the_rfc_4231_vector() {
        // RFC 4231 test case 2.
        let mac = hmac(b"Jefe", b"what do ya want for nothing?");
        assert_eq!(hex(&mac), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    #[test]
    fn nonces_are_never_handed_out_twice() {
        let seen: std::collections::HashSet<[u8; 8]> = (0..1000).filter_map(|_| random_nonce()).collect();
        assert_eq!(seen.len(), 1000, "a thousand nonces, all different, past several refills");
    }

    #[test]
    fn form_tokens_are_scoped_timed_and_unforgeable() {
        let (secret, min, max) = (b"site secret".as_slice(), Duration::from_secs(3), Duration::from_secs(3600));
        let t = form_token(secret, "comment:a", 1000);
        assert_eq!(check_form_token(secret, "comment:a", &t, 1010, min, max), Ok(()));
        assert_eq!(check_form_token(secret, "comment:a", &t, 1001, min, max), Err(TokenProblem::TooFast));
        assert_eq!(check_form_token(secret, "comment:a", &t, 9000, min, max), Err(TokenProblem::Expired));
        assert_eq!(check_form_token(secret, "comment:b", &t, 1010, min, max), Err(TokenProblem::Invalid));
        assert_eq!(check_form_token(b"other", "comment:a", &t, 1010, min, max), Err(TokenProblem::Invalid));
        let forged = t.replacen("1000.", "900.", 1);
        assert_eq!(check_form_token(secret, "comment:a", &forged, 1010, min, max), Err(TokenProblem::Invalid));
        assert_eq!(check_form_token(secret, "comment:a", "", 1010, min, max), Err(TokenProblem::Invalid));
        assert_ne!(form_token(secret, "comment:a", 1000), t, "two forms of the same second differ");
        let (head, mac) = t.rsplit_once('.').unwrap();
        let other_nonce = format!("{}.{}", head.replacen('.', ".0", 1), mac);
        assert_eq!(check_form_token(secret, "comment:a", &other_nonce, 1010, min, max), Err(TokenProblem::Invalid));
    }

    #[test]
    fn cross_site_requests_are_told_apart() {
        let mut h = HeaderMap::new();
        assert!(same_origin(&h), "no browser headers: the form token decides");
        h.insert("sec-fetch-site", "cross-site".parse().unwrap());
        assert!(!same_origin(&h));
        h.insert("sec-fetch-site", "same-origin".parse().unwrap());
        assert!(same_origin(&h));
        let mut h = HeaderMap::new();
        h.insert(header::HOST, "desk.example:8080".parse().unwrap());
        h.insert(header::ORIGIN, "http://desk.example:8080".parse().unwrap());
        assert!(same_origin(&h));
        h.insert(header::ORIGIN, "https://evil.example".parse().unwrap());
        assert!(!same_origin(&h));
    }

    #[test]
    fn passwords_hash_and_verify() {
        let h = hash_password("correct horse").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse", &h));
        assert!(!verify_password("wrong horse", &h));
        assert!(!verify_password("correct horse", "not a hash"));
    }

    #[test]
    fn cookies_are_found_by_name() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, "a=1; newsdesk_session=abc; b=2".parse().unwrap());
        assert_eq!(cookie(&h, "newsdesk_session"), Some("abc"));
        assert_eq!(cookie(&h, "c"), None);
    }
}
