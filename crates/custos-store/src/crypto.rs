//! Envelope encryption of customer data at rest.
//!
//! Three levels of keys, each AES-256-GCM:
//! - **master keys** come from configuration (a keyring file or `CUSTOS_MASTER_KEY`) and never touch the
//!   database. They wrap the
//! - **resource keys** (one per resource, stored wrapped in its row), which wrap the
//! - **blocklist keys** (one per blocklist, stored wrapped in its row), which encrypt item texts and descriptions.
//!   Blocklist descriptions are encrypted with the resource key.
//!
//! Lookups by item text (add-or-update is keyed on the text) use a blind index: HMAC-SHA256 under a key derived
//! from the blocklist key, so equal texts in one list meet while the database learns nothing about the text.
//!
//! Crypto-shredding: deleting a blocklist deletes the only copy of its wrapped key, deleting a resource deletes
//! its resource key (and cascades to its lists); rows are overwritten on delete (`secure_delete`), so leftover
//! ciphertext in free pages or the WAL cannot be decrypted. Backups taken before a deletion still hold the
//! wrapped key; rotating the master key (and discarding the old one) makes them unreadable too.
//!
//! Master-key rotation re-wraps resource keys only: no item is re-encrypted.

use crate::StoreError;
use aes_gcm::aead::{Aead, KeyInit, OsRng, Payload};
use aes_gcm::{AeadCore, Aes256Gcm, Nonce};
use base64::Engine as _;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::RwLock;

const NONCE: usize = 12;
const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD_NO_PAD;

fn crypto_err(what: &str) -> StoreError {
    StoreError::Crypto(what.to_owned())
}

/// A 256-bit key. `Debug` prints nothing of it.
#[derive(Clone, PartialEq, Eq)]
pub struct DataKey([u8; 32]);

impl fmt::Debug for DataKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DataKey(***)")
    }
}

impl DataKey {
    /// A fresh random key.
    pub fn generate() -> DataKey {
        let mut k = [0u8; 32];
        OsRng.fill_bytes(&mut k);
        DataKey(k)
    }

    fn subkey(&self, label: &[u8]) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("any key length");
        mac.update(b"custos-subkey\0");
        mac.update(label);
        mac.finalize().into_bytes().into()
    }

    fn cipher(&self) -> Aes256Gcm {
        Aes256Gcm::new(&self.subkey(b"enc").into())
    }

    /// Encrypts bytes: `nonce || ciphertext+tag`, bound to `aad` (the field it belongs to).
    pub fn encrypt(&self, aad: &[u8], plaintext: &[u8]) -> Vec<u8> {
        let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
        let ct = self.cipher().encrypt(&nonce, Payload { msg: plaintext, aad }).expect("AES-GCM encryption");
        let mut out = nonce.to_vec();
        out.extend(ct);
        out
    }

    /// Decrypts what [`DataKey::encrypt`] produced with the same `aad`.
    pub fn decrypt(&self, aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, StoreError> {
        if sealed.len() < NONCE + 16 {
            return Err(crypto_err("ciphertext too short"));
        }
        let (nonce, ct) = sealed.split_at(NONCE);
        self.cipher()
            .decrypt(Nonce::from_slice(nonce), Payload { msg: ct, aad })
            .map_err(|_| crypto_err("ciphertext does not authenticate (wrong key or tampered data)"))
    }

    /// Encrypts a string field into base64 text (what the backends store in text columns).
    pub fn seal(&self, aad: &[u8], plaintext: &str) -> String {
        B64.encode(self.encrypt(aad, plaintext.as_bytes()))
    }

    /// Reverses [`DataKey::seal`].
    pub fn open(&self, aad: &[u8], sealed: &str) -> Result<String, StoreError> {
        let bytes = B64.decode(sealed).map_err(|_| crypto_err("sealed field is not base64"))?;
        String::from_utf8(self.decrypt(aad, &bytes)?).map_err(|_| crypto_err("sealed field is not UTF-8"))
    }

    /// Wraps a child key.
    pub fn wrap(&self, child: &DataKey) -> Vec<u8> {
        self.encrypt(b"custos-key-wrap", &child.0)
    }

    /// Unwraps a child key.
    pub fn unwrap_key(&self, wrapped: &[u8]) -> Result<DataKey, StoreError> {
        let raw = self.decrypt(b"custos-key-wrap", wrapped)?;
        Ok(DataKey(raw.try_into().map_err(|_| crypto_err("wrapped key has the wrong length"))?))
    }

    /// Blind index of a text: hex HMAC-SHA256 under a subkey, equal for equal texts under the same key.
    pub fn blind_index(&self, text: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.subkey(b"index")).expect("any key length");
        mac.update(text.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }
}

/// The master keys: the first is primary (used to wrap); the others can still unwrap (during rotation).
pub struct Keyring {
    keys: RwLock<Vec<(String, DataKey)>>,
    file: Option<PathBuf>,
}

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<String> = self.keys.read().map(|k| k.iter().map(|(id, _)| id.clone()).collect()).unwrap_or_default();
        f.debug_struct("Keyring").field("ids", &ids).field("file", &self.file).finish()
    }
}

/// Master key ids: 1–32 of `[A-Za-z0-9_-]`.
fn valid_id(id: &str) -> bool {
    (1..=32).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn parse_keyring(text: &str) -> Result<Vec<(String, DataKey)>, StoreError> {
    let mut keys = Vec::new();
    for (n, line) in text.lines().enumerate().map(|(n, l)| (n + 1, l.trim())) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (id, key) = line.split_once(char::is_whitespace).ok_or_else(|| crypto_err(&format!("keyring line {n}: expected `ID BASE64KEY`")))?;
        if !valid_id(id) {
            return Err(crypto_err(&format!("keyring line {n}: invalid key id")));
        }
        let raw = base64::engine::general_purpose::STANDARD
            .decode(key.trim())
            .map_err(|_| crypto_err(&format!("keyring line {n}: key is not base64")))?;
        let key: [u8; 32] = raw.try_into().map_err(|_| crypto_err(&format!("keyring line {n}: key must be 32 bytes")))?;
        if keys.iter().any(|(k, _)| k == id) {
            return Err(crypto_err(&format!("keyring line {n}: duplicate key id")));
        }
        keys.push((id.to_owned(), DataKey(key)));
    }
    if keys.is_empty() {
        return Err(crypto_err("the keyring holds no key"));
    }
    Ok(keys)
}

fn render_keyring(keys: &[(String, DataKey)]) -> String {
    let mut s = String::from("# Custos master keys: `ID BASE64(32 bytes)`; the first line wraps new keys. Keep this file secret.\n");
    for (id, k) in keys {
        s.push_str(&format!("{id} {}\n", base64::engine::general_purpose::STANDARD.encode(k.0)));
    }
    s
}

fn write_private(path: &Path, text: &str) -> Result<(), StoreError> {
    use std::io::Write;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| crypto_err(&format!("cannot create {}: {e}", dir.display())))?;
    }
    let tmp = path.with_extension("tmp");
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts.open(&tmp).map_err(|e| crypto_err(&format!("cannot write {}: {e}", tmp.display())))?;
    f.write_all(text.as_bytes()).and_then(|_| f.sync_all()).map_err(|e| crypto_err(&format!("cannot write {}: {e}", tmp.display())))?;
    std::fs::rename(&tmp, path).map_err(|e| crypto_err(&format!("cannot replace {}: {e}", path.display())))
}

impl Keyring {
    /// One key given directly (e.g. `CUSTOS_MASTER_KEY`, base64 of 32 bytes), id `env`.
    pub fn from_base64(key: &str) -> Result<Keyring, StoreError> {
        Ok(Keyring { keys: RwLock::new(parse_keyring(&format!("env {key}"))?), file: None })
    }

    /// The keyring file at `path`, created with one random key (mode 0600) if it does not exist.
    pub fn open_or_create(path: &Path) -> Result<Keyring, StoreError> {
        if !path.exists() {
            write_private(path, &render_keyring(&[(format!("k{}", now_id()), DataKey::generate())]))?;
        }
        let text = std::fs::read_to_string(path).map_err(|e| crypto_err(&format!("cannot read {}: {e}", path.display())))?;
        Ok(Keyring { keys: RwLock::new(parse_keyring(&text)?), file: Some(path.to_owned()) })
    }

    /// Id of the primary key.
    pub fn primary_id(&self) -> String {
        self.keys.read().map(|k| k[0].0.clone()).unwrap_or_default()
    }

    /// Wraps `key` with the primary master key: `idlen || id || nonce || ciphertext`.
    pub fn wrap(&self, key: &DataKey) -> Vec<u8> {
        let keys = self.keys.read().expect("keyring lock");
        let (id, master) = &keys[0];
        let mut out = vec![id.len() as u8];
        out.extend_from_slice(id.as_bytes());
        out.extend(master.wrap(key));
        out
    }

    /// Unwraps with whichever master key wrapped it. An unknown id makes the keyring re-read its file once (another
    /// replica may have rotated).
    pub fn unwrap_key(&self, wrapped: &[u8]) -> Result<DataKey, StoreError> {
        let (id, rest) = split_id(wrapped)?;
        if let Some(k) = self.find(id) {
            return k.unwrap_key(rest);
        }
        self.reload()?;
        self.find(id).ok_or_else(|| crypto_err("the master key that wrapped this key is not in the keyring"))?.unwrap_key(rest)
    }

    /// Whether `wrapped` was made with the primary key.
    pub fn is_primary(&self, wrapped: &[u8]) -> bool {
        split_id(wrapped).map(|(id, _)| id == self.primary_id()).unwrap_or(false)
    }

    fn find(&self, id: &str) -> Option<DataKey> {
        self.keys.read().ok()?.iter().find(|(k, _)| k == id).map(|(_, k)| k.clone())
    }

    fn reload(&self) -> Result<(), StoreError> {
        let Some(path) = &self.file else { return Ok(()) };
        let text = std::fs::read_to_string(path).map_err(|e| crypto_err(&format!("cannot read {}: {e}", path.display())))?;
        *self.keys.write().map_err(|_| crypto_err("keyring lock"))? = parse_keyring(&text)?;
        Ok(())
    }

    /// Adds a new random primary key to the keyring file (older keys stay, to unwrap until re-wrapped).
    pub fn add_primary(&self) -> Result<String, StoreError> {
        let path = self.file.as_ref().ok_or_else(|| crypto_err("a keyring from the environment cannot be rotated; use a keyring file"))?;
        let mut keys = self.keys.write().map_err(|_| crypto_err("keyring lock"))?;
        let id = format!("k{}", now_id());
        keys.insert(0, (id.clone(), DataKey::generate()));
        write_private(path, &render_keyring(&keys))?;
        Ok(id)
    }

    /// Drops every key but the primary from the file (after re-wrapping; backups wrapped with them become unreadable).
    pub fn retire_old(&self) -> Result<usize, StoreError> {
        let path = self.file.as_ref().ok_or_else(|| crypto_err("a keyring from the environment cannot be changed"))?;
        let mut keys = self.keys.write().map_err(|_| crypto_err("keyring lock"))?;
        let n = keys.len() - 1;
        keys.truncate(1);
        write_private(path, &render_keyring(&keys))?;
        Ok(n)
    }
}

fn split_id(wrapped: &[u8]) -> Result<(&str, &[u8]), StoreError> {
    let n = *wrapped.first().ok_or_else(|| crypto_err("empty wrapped key"))? as usize;
    if wrapped.len() < 1 + n {
        return Err(crypto_err("truncated wrapped key"));
    }
    let id = std::str::from_utf8(&wrapped[1..1 + n]).map_err(|_| crypto_err("bad key id"))?;
    Ok((id, &wrapped[1 + n..]))
}

fn now_id() -> String {
    let mut r = [0u8; 4];
    OsRng.fill_bytes(&mut r);
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    format!("{t}-{}", hex::encode(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_open_and_aad_binding() {
        let k = DataKey::generate();
        let s = k.seal(b"item-text", "hello");
        assert_ne!(s, k.seal(b"item-text", "hello"), "random nonces");
        assert_eq!(k.open(b"item-text", &s).unwrap(), "hello");
        assert!(k.open(b"item-description", &s).is_err(), "bound to its field");
        assert!(DataKey::generate().open(b"item-text", &s).is_err(), "bound to its key");
        assert_eq!(k.blind_index("a"), k.blind_index("a"));
        assert_ne!(k.blind_index("a"), DataKey::generate().blind_index("a"));
        assert_eq!(format!("{k:?}"), "DataKey(***)");
    }

    #[test]
    fn keyring_rotation_keeps_old_wraps_readable_until_retired() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys").join("master.key");
        let ring = Keyring::open_or_create(&path).unwrap();
        #[cfg(unix)]
        assert_eq!(std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&path).unwrap().permissions()) & 0o777, 0o600);
        let dk = DataKey::generate();
        let old = ring.wrap(&dk);
        assert!(ring.is_primary(&old));
        ring.add_primary().unwrap();
        assert!(!ring.is_primary(&old));
        assert_eq!(ring.unwrap_key(&old).unwrap(), dk);
        let new = ring.wrap(&dk);
        // Another process that opened the file before rotation finds the new key by reloading.
        assert_eq!(Keyring::open_or_create(&path).unwrap().unwrap_key(&new).unwrap(), dk);
        assert_eq!(ring.retire_old().unwrap(), 1);
        assert!(ring.unwrap_key(&old).is_err());
        assert_eq!(ring.unwrap_key(&new).unwrap(), dk);
    }

    #[test]
    fn bad_keyrings_are_rejected() {
        for bad in ["", "# only a comment", "id notbase64!!", "id AAAA", "bad/id AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="] {
            assert!(parse_keyring(bad).is_err(), "{bad:?}");
        }
        assert!(Keyring::from_base64("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").is_ok());
    }
}
