//! API keys: generation and salted hashing.

use rand::RngCore;
use sha2::{Digest, Sha256};

/// A new random key: 32 lower-case hex characters (128 bits), like Azure's.
pub fn generate() -> String {
    let mut b = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut b);
    hex::encode(b)
}

/// A random 16-byte salt.
pub fn salt() -> [u8; 16] {
    let mut b = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut b);
    b
}

/// Short unsalted digest prefix used only to find candidate rows (64 bits: collisions are harmless, the salted
/// hash decides).
pub fn lookup(key: &str) -> String {
    let d = Sha256::new().chain_update(b"custos-key-lookup\0").chain_update(key.as_bytes()).finalize();
    hex::encode(&d[..8])
}

/// Salted hash of a key.
pub fn hash(salt: &[u8], key: &str) -> [u8; 32] {
    Sha256::new().chain_update(salt).chain_update(key.as_bytes()).finalize().into()
}

/// Constant-time equality of two byte strings of equal length.
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_random_hex_and_hashes_depend_on_salt() {
        let (a, b) = (generate(), generate());
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
        let (s1, s2) = (salt(), salt());
        assert_ne!(hash(&s1, &a), hash(&s2, &a));
        assert!(ct_eq(&hash(&s1, &a), &hash(&s1, &a)));
        assert!(!ct_eq(&hash(&s1, &a), &hash(&s1, &b)));
        assert_eq!(lookup(&a), lookup(&a));
    }
}
