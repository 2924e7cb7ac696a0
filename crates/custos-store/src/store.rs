//! [`Store`]: the store the server uses. Encrypts customer data before it reaches a [`Backend`] and decrypts it
//! on the way back (see [`crate::crypto`] for the key hierarchy). Resource keys are cached unwrapped in memory.

use crate::crypto::{DataKey, Keyring};
use crate::{
    now_secs, Backend, Blocklist, DescriptionPatch, Feedback, Item, KeyMatch, KeySlot, ListVersion, NewItem, NewKeys,
    ResourceId, ResourceInfo, SealedItem, StoreError, StoredBlocklist, UsageCount, UsageIncrement,
};
use crate::{AuditAction, AuditEntry, NewConsent, Reviewer, Sample, SampleConsent, SampleKind, OPERATOR};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

const AAD_LIST_DESCRIPTION: &[u8] = b"custos:blocklist.description";
const AAD_ITEM_TEXT: &[u8] = b"custos:item.text";
const AAD_ITEM_DESCRIPTION: &[u8] = b"custos:item.description";
const AAD_FEEDBACK_COMMENT: &[u8] = b"custos:feedback.comment";
const AAD_FEEDBACK_CONTENT: &[u8] = b"custos:feedback.content";
const AAD_FEEDBACK_REQUEST_ID: &[u8] = b"custos:feedback.request_id";
const AAD_SAMPLE_TEXT: &[u8] = b"custos:sample.text";
const AAD_SAMPLE_NOTE: &[u8] = b"custos:sample.note";

/// An active consent with its unwrapped consent key: what the server needs to store samples.
#[derive(Clone)]
pub struct ActiveConsent {
    /// The consent record.
    pub consent: SampleConsent,
    key: DataKey,
}

impl std::fmt::Debug for ActiveConsent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ActiveConsent").field("consent", &self.consent).finish_non_exhaustive()
    }
}

/// The encrypting store over a backend.
pub struct Store {
    backend: Arc<dyn Backend>,
    keyring: Arc<Keyring>,
    /// Unwrapped resource keys by resource id (dropped when the resource is deleted).
    resource_keys: Mutex<HashMap<String, DataKey>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("keyring", &self.keyring).finish_non_exhaustive()
    }
}

impl Store {
    /// A store over `backend`, with master keys from `keyring`.
    pub fn new(backend: Arc<dyn Backend>, keyring: Arc<Keyring>) -> Store {
        Store { backend, keyring, resource_keys: Mutex::new(HashMap::new()) }
    }

    /// The backend (for tests and maintenance).
    pub fn backend(&self) -> &Arc<dyn Backend> {
        &self.backend
    }

    fn cache_key(&self, info: &ResourceInfo) -> Result<DataKey, StoreError> {
        if let Some(k) = self.resource_keys.lock().map_err(|_| poisoned())?.get(&info.id.0) {
            return Ok(k.clone());
        }
        let key = self.keyring.unwrap_key(&info.wrapped_key)?;
        self.resource_keys.lock().map_err(|_| poisoned())?.insert(info.id.0.clone(), key.clone());
        Ok(key)
    }

    async fn resource_key(&self, r: &ResourceId) -> Result<DataKey, StoreError> {
        if let Some(k) = self.resource_keys.lock().map_err(|_| poisoned())?.get(&r.0) {
            return Ok(k.clone());
        }
        let info = self.backend.get_resource(r).await?.ok_or_else(|| StoreError::NotFound("resource".into()))?;
        self.cache_key(&info)
    }

    fn list_key(rk: &DataKey, bl: &StoredBlocklist) -> Result<DataKey, StoreError> {
        rk.unwrap_key(&bl.wrapped_key)
    }

    fn open_list(rk: &DataKey, bl: StoredBlocklist) -> Result<Blocklist, StoreError> {
        let description = bl.description.map(|d| rk.open(AAD_LIST_DESCRIPTION, &d)).transpose()?;
        Ok(Blocklist { name: bl.name, description })
    }

    fn open_item(lk: &DataKey, it: Item) -> Result<Item, StoreError> {
        Ok(Item {
            id: it.id,
            text: lk.open(AAD_ITEM_TEXT, &it.text)?,
            description: it.description.map(|d| lk.open(AAD_ITEM_DESCRIPTION, &d)).transpose()?,
            is_regex: it.is_regex,
        })
    }

    /// Creates the default resource on first start (see [`Backend::ensure_default_resource`]).
    pub async fn ensure_default_resource(
        &self,
        bootstrap_key: Option<&str>,
        region: &str,
    ) -> Result<Option<NewKeys>, StoreError> {
        let wrapped = self.keyring.wrap(&DataKey::generate());
        self.backend.ensure_default_resource(bootstrap_key, region, &wrapped).await
    }

    /// The resource a key belongs to, the slot that matched and whether it is suspended (the resource key is
    /// unwrapped and cached now, so a wrong master key shows at once).
    pub async fn authenticate(&self, key: &str) -> Result<Option<KeyMatch>, StoreError> {
        let found = self.backend.authenticate(key).await?;
        if let Some(m) = &found {
            self.cache_key(&m.resource)?;
        }
        Ok(found)
    }

    /// Suspends or reinstates one key; `false` if the resource does not exist.
    pub async fn set_key_suspended(&self, name: &str, slot: KeySlot, suspended: bool) -> Result<bool, StoreError> {
        self.backend.set_key_suspended(name, slot, suspended).await
    }

    /// Which keys of the resource are suspended.
    pub async fn key_states(&self, r: &ResourceId) -> Result<Vec<(KeySlot, bool)>, StoreError> {
        self.backend.key_states(r).await
    }

    /// Stores a report (its `id` and `created_at` are assigned here), sealing its free-text fields with the resource key; returns it
    /// with its new id and time.
    pub async fn add_feedback(&self, r: &ResourceId, mut feedback: Feedback) -> Result<Feedback, StoreError> {
        let rk = self.resource_key(r).await?;
        feedback.id = uuid::Uuid::new_v4().to_string();
        feedback.created_at = now_secs();
        let sealed = Feedback {
            comment: feedback.comment.as_deref().map(|c| rk.seal(AAD_FEEDBACK_COMMENT, c)),
            content: feedback.content.as_deref().map(|c| rk.seal(AAD_FEEDBACK_CONTENT, c)),
            request_id: feedback.request_id.as_deref().map(|c| rk.seal(AAD_FEEDBACK_REQUEST_ID, c)),
            ..feedback.clone()
        };
        self.backend.insert_feedback(r, sealed).await?;
        Ok(feedback)
    }

    fn open_feedback(rk: &DataKey, f: Feedback) -> Result<Feedback, StoreError> {
        Ok(Feedback {
            comment: f.comment.map(|c| rk.open(AAD_FEEDBACK_COMMENT, &c)).transpose()?,
            content: f.content.map(|c| rk.open(AAD_FEEDBACK_CONTENT, &c)).transpose()?,
            request_id: f.request_id.map(|c| rk.open(AAD_FEEDBACK_REQUEST_ID, &c)).transpose()?,
            ..f
        })
    }

    /// The resource's reports, oldest first, decrypted.
    pub async fn list_feedback(&self, r: &ResourceId) -> Result<Vec<Feedback>, StoreError> {
        let all = self.backend.list_feedback(r).await?;
        if all.is_empty() {
            return Ok(Vec::new());
        }
        let rk = self.resource_key(r).await?;
        all.into_iter().map(|f| Self::open_feedback(&rk, f)).collect()
    }

    /// One report, decrypted.
    pub async fn get_feedback(&self, r: &ResourceId, id: &str) -> Result<Option<Feedback>, StoreError> {
        let Some(f) = self.backend.get_feedback(r, id).await? else { return Ok(None) };
        Ok(Some(Self::open_feedback(&self.resource_key(r).await?, f)?))
    }

    /// Deletes one report; `false` if the resource has none with this id.
    pub async fn delete_feedback(&self, r: &ResourceId, id: &str) -> Result<bool, StoreError> {
        self.backend.delete_feedback(r, id).await
    }

    /// Adds usage increments (see [`Backend::add_usage`]).
    pub async fn add_usage(&self, increments: &[UsageIncrement]) -> Result<(), StoreError> {
        if increments.is_empty() {
            return Ok(());
        }
        self.backend.add_usage(increments).await
    }

    /// The resource's usage counters since `since` (seconds since the epoch).
    pub async fn usage(&self, r: &ResourceId, since: i64) -> Result<Vec<UsageCount>, StoreError> {
        self.backend.usage(r, since).await
    }

    /// Creates a resource with a fresh resource key and two API keys.
    pub async fn create_resource(&self, name: &str, region: &str) -> Result<NewKeys, StoreError> {
        let wrapped = self.keyring.wrap(&DataKey::generate());
        self.backend.create_resource(name, region, &wrapped).await
    }

    /// All resources.
    pub async fn list_resources(&self) -> Result<Vec<ResourceInfo>, StoreError> {
        self.backend.list_resources().await
    }

    /// Deletes a resource; its key, lists and items go with it (crypto-shred).
    pub async fn delete_resource(&self, name: &str) -> Result<bool, StoreError> {
        let id = self.backend.list_resources().await?.into_iter().find(|r| r.name == name).map(|r| r.id);
        let deleted = self.backend.delete_resource(name).await?;
        if let Some(id) = id {
            self.resource_keys.lock().map_err(|_| poisoned())?.remove(&id.0);
        }
        Ok(deleted)
    }

    /// Replaces one API key.
    pub async fn regenerate_key(&self, name: &str, slot: KeySlot) -> Result<Option<String>, StoreError> {
        self.backend.regenerate_key(name, slot).await
    }

    /// Re-wraps every resource key with the primary master key (after [`Keyring::add_primary`]); no data is
    /// re-encrypted. Returns how many keys were re-wrapped.
    pub async fn rewrap_resource_keys(&self) -> Result<usize, StoreError> {
        let mut n = 0;
        for r in self.backend.list_resources().await? {
            if self.keyring.is_primary(&r.wrapped_key) {
                continue;
            }
            let key = self.keyring.unwrap_key(&r.wrapped_key)?;
            if self.backend.set_resource_key(&r.id, &self.keyring.wrap(&key)).await? {
                n += 1;
            }
        }
        Ok(n)
    }

    /// Creates (`true`) or updates (`false`) a blocklist.
    pub async fn upsert_blocklist(
        &self,
        r: &ResourceId,
        name: &str,
        description: DescriptionPatch,
    ) -> Result<(Blocklist, bool), StoreError> {
        let rk = self.resource_key(r).await?;
        let description = match description {
            DescriptionPatch::Set(d) => DescriptionPatch::Set(rk.seal(AAD_LIST_DESCRIPTION, &d)),
            other => other,
        };
        let new_list_key = rk.wrap(&DataKey::generate());
        let (bl, created) = self.backend.upsert_blocklist(r, name, description, &new_list_key).await?;
        Ok((Self::open_list(&rk, bl)?, created))
    }

    /// One blocklist.
    pub async fn get_blocklist(&self, r: &ResourceId, name: &str) -> Result<Option<Blocklist>, StoreError> {
        let Some(bl) = self.backend.get_blocklist(r, name).await? else { return Ok(None) };
        Ok(Some(Self::open_list(&self.resource_key(r).await?, bl)?))
    }

    /// All blocklists of the resource, by name.
    pub async fn list_blocklists(&self, r: &ResourceId) -> Result<Vec<Blocklist>, StoreError> {
        let lists = self.backend.list_blocklists(r).await?;
        if lists.is_empty() {
            return Ok(Vec::new());
        }
        let rk = self.resource_key(r).await?;
        lists.into_iter().map(|bl| Self::open_list(&rk, bl)).collect()
    }

    /// Deletes a list with its key and items.
    pub async fn delete_blocklist(&self, r: &ResourceId, name: &str) -> Result<bool, StoreError> {
        self.backend.delete_blocklist(r, name).await
    }

    /// Adds or updates items (keyed on their exact text); returns them as stored, in request order.
    pub async fn upsert_items(&self, r: &ResourceId, list: &str, items: Vec<NewItem>) -> Result<Vec<Item>, StoreError> {
        let bl = self
            .backend
            .get_blocklist(r, list)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("blocklist '{list}'")))?;
        let lk = Self::list_key(&self.resource_key(r).await?, &bl)?;
        let sealed = items
            .iter()
            .map(|it| SealedItem {
                lookup: lk.blind_index(&it.text),
                text: lk.seal(AAD_ITEM_TEXT, &it.text),
                description: it.description.as_deref().map(|d| lk.seal(AAD_ITEM_DESCRIPTION, d)),
                is_regex: it.is_regex,
            })
            .collect();
        // The list is addressed by row id: if it was deleted and re-created meanwhile (with a new key), this fails
        // with NotFound rather than storing items under the wrong key.
        let stored = self.backend.upsert_items(r, bl.id, sealed).await.map_err(|e| match e {
            StoreError::NotFound(_) => StoreError::NotFound(format!("blocklist '{list}'")),
            e => e,
        })?;
        Ok(stored
            .into_iter()
            .zip(items)
            .map(|(s, it)| Item { id: s.id, text: it.text, description: it.description, is_regex: it.is_regex })
            .collect())
    }

    /// Removes items by id (unknown ids ignored).
    pub async fn remove_items(&self, r: &ResourceId, list: &str, ids: &[String]) -> Result<(), StoreError> {
        self.backend.remove_items(r, list, ids).await
    }

    /// A page of items in insertion order and the total count. `NotFound` if the list does not exist.
    pub async fn list_items(
        &self,
        r: &ResourceId,
        list: &str,
        skip: usize,
        limit: usize,
    ) -> Result<(Vec<Item>, usize), StoreError> {
        let (bl, items, total) = self
            .backend
            .list_items(r, list, skip, limit)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("blocklist '{list}'")))?;
        let lk = Self::list_key(&self.resource_key(r).await?, &bl)?;
        Ok((items.into_iter().map(|i| Self::open_item(&lk, i)).collect::<Result<_, _>>()?, total))
    }

    /// One item. `NotFound` if the list does not exist; `Ok(None)` if the item does not.
    pub async fn get_item(&self, r: &ResourceId, list: &str, id: &str) -> Result<Option<Item>, StoreError> {
        let (bl, item) =
            self.backend.get_item(r, list, id).await?.ok_or_else(|| StoreError::NotFound(format!("blocklist '{list}'")))?;
        let Some(item) = item else { return Ok(None) };
        let lk = Self::list_key(&self.resource_key(r).await?, &bl)?;
        Ok(Some(Self::open_item(&lk, item)?))
    }

    /// Version stamps of the named lists.
    pub async fn list_versions(&self, r: &ResourceId, names: &[String]) -> Result<Vec<Option<ListVersion>>, StoreError> {
        self.backend.list_versions(r, names).await
    }

    /// Every item of a list, decrypted into memory (for compiling its matcher), with their version.
    pub async fn load_items(&self, r: &ResourceId, list: &str) -> Result<Option<(ListVersion, Vec<Item>)>, StoreError> {
        let Some((bl, version, items)) = self.backend.load_items(r, list).await? else { return Ok(None) };
        let lk = Self::list_key(&self.resource_key(r).await?, &bl)?;
        Ok(Some((version, items.into_iter().map(|i| Self::open_item(&lk, i)).collect::<Result<_, _>>()?)))
    }

    // ----- Sample Content program (see crate::samples) -----

    async fn audit(&self, actor: &str, action: AuditAction, resource: &str, sample_id: Option<&str>) -> Result<(), StoreError> {
        let entry = AuditEntry {
            at: now_secs(),
            actor: actor.to_owned(),
            action,
            resource: resource.to_owned(),
            sample_id: sample_id.map(str::to_owned),
        };
        self.backend.add_audit(&entry).await
    }

    /// Grants consent with a fresh consent key (`true`), or updates the active consent (`false`). Audited as the
    /// operator.
    pub async fn grant_consent(&self, r: &ResourceInfo, consent: NewConsent) -> Result<(SampleConsent, bool), StoreError> {
        if !(consent.sample_rate > 0.0 && consent.sample_rate <= 1.0) {
            return Err(StoreError::LimitExceeded("the sample rate must be greater than 0 and at most 1".into()));
        }
        let rk = self.resource_key(&r.id).await?;
        let wrapped = rk.wrap(&DataKey::generate());
        let out = self.backend.put_consent(&r.id, &consent, &wrapped).await?;
        self.audit(OPERATOR, AuditAction::Grant, &r.name, None).await?;
        Ok(out)
    }

    /// The active consent of a resource, if any.
    pub async fn sample_consent(&self, r: &ResourceId) -> Result<Option<SampleConsent>, StoreError> {
        Ok(self.backend.active_consent(r).await?.map(|(c, _)| c))
    }

    /// The active consent with its unwrapped key (for storing samples), if any.
    pub async fn active_consent(&self, r: &ResourceId) -> Result<Option<ActiveConsent>, StoreError> {
        let Some((consent, wrapped)) = self.backend.active_consent(r).await? else { return Ok(None) };
        let key = self.resource_key(r).await?.unwrap_key(&wrapped)?;
        Ok(Some(ActiveConsent { consent, key }))
    }

    /// Revokes consent: every sample of the resource and the consent key are deleted in one transaction; the
    /// consent record stays, marked revoked. Audited. `false` if there was no active consent.
    pub async fn revoke_consent(&self, r: &ResourceInfo, actor: &str) -> Result<bool, StoreError> {
        let revoked = self.backend.revoke_consent(&r.id).await?;
        if revoked {
            self.audit(actor, AuditAction::Revoke, &r.name, None).await?;
        }
        Ok(revoked)
    }

    /// Stores a sample (text already masked by the caller) sealed with the consent key; `false` if the consent was
    /// revoked meanwhile (nothing stored). Only the scope's kinds are stored; image samples never carry text.
    pub async fn add_sample(
        &self,
        r: &ResourceId,
        active: &ActiveConsent,
        kind: SampleKind,
        masked_text: Option<&str>,
        severities: String,
    ) -> Result<bool, StoreError> {
        if !active.consent.scope.covers(kind) {
            return Ok(false);
        }
        let text = match kind {
            SampleKind::Text => masked_text.map(|t| active.key.seal(AAD_SAMPLE_TEXT, t)),
            SampleKind::Image => None,
        };
        let sample = Sample {
            id: uuid::Uuid::new_v4().to_string(),
            created_at: now_secs(),
            kind,
            text,
            severities,
            label: None,
            note: None,
            labelled_by: None,
            labelled_at: None,
        };
        self.backend.insert_sample(r, &active.consent.id, sample).await
    }

    fn open_sample(key: &DataKey, s: Sample) -> Result<Sample, StoreError> {
        Ok(Sample {
            text: s.text.map(|t| key.open(AAD_SAMPLE_TEXT, &t)).transpose()?,
            note: s.note.map(|t| key.open(AAD_SAMPLE_NOTE, &t)).transpose()?,
            ..s
        })
    }

    /// Every sample of the resource, decrypted. The audit entry (`list`, `actor`) is written first.
    pub async fn list_samples(&self, r: &ResourceInfo, actor: &str) -> Result<Vec<Sample>, StoreError> {
        self.audit(actor, AuditAction::List, &r.name, None).await?;
        let Some(active) = self.active_consent(&r.id).await? else { return Ok(Vec::new()) };
        let all = self.backend.list_samples(&r.id).await?;
        all.into_iter().map(|s| Self::open_sample(&active.key, s)).collect()
    }

    /// One sample, decrypted. The audit entry (`read`, `actor`, sample id) is written first.
    pub async fn get_sample(&self, r: &ResourceInfo, id: &str, actor: &str) -> Result<Option<Sample>, StoreError> {
        self.audit(actor, AuditAction::Read, &r.name, Some(id)).await?;
        let Some(active) = self.active_consent(&r.id).await? else { return Ok(None) };
        let Some(s) = self.backend.get_sample(&r.id, id).await? else { return Ok(None) };
        Ok(Some(Self::open_sample(&active.key, s)?))
    }

    /// Labels a sample (note sealed). Audited (`label`). `false` if there is no such sample.
    pub async fn label_sample(
        &self,
        r: &ResourceInfo,
        id: &str,
        label: &str,
        note: Option<&str>,
        actor: &str,
    ) -> Result<bool, StoreError> {
        self.audit(actor, AuditAction::Label, &r.name, Some(id)).await?;
        let Some(active) = self.active_consent(&r.id).await? else { return Ok(false) };
        let note = note.map(|n| active.key.seal(AAD_SAMPLE_NOTE, n));
        self.backend.label_sample(&r.id, id, label, note, actor, now_secs()).await
    }

    /// An operator's explicit export: the consent record and every sample, decrypted. Audited (`export`,
    /// operator) first. `None` if the resource has no active consent (then there are no samples either).
    pub async fn export_samples(&self, r: &ResourceInfo) -> Result<Option<(SampleConsent, Vec<Sample>)>, StoreError> {
        self.audit(OPERATOR, AuditAction::Export, &r.name, None).await?;
        let Some(active) = self.active_consent(&r.id).await? else { return Ok(None) };
        let all = self.backend.list_samples(&r.id).await?;
        let samples = all.into_iter().map(|s| Self::open_sample(&active.key, s)).collect::<Result<_, _>>()?;
        Ok(Some((active.consent, samples)))
    }

    /// Creates a reviewer; returns its key (shown once).
    pub async fn create_reviewer(&self, name: &str) -> Result<(Reviewer, String), StoreError> {
        self.backend.create_reviewer(name).await
    }

    /// All reviewers.
    pub async fn list_reviewers(&self) -> Result<Vec<Reviewer>, StoreError> {
        self.backend.list_reviewers().await
    }

    /// Deletes a reviewer.
    pub async fn delete_reviewer(&self, name: &str) -> Result<bool, StoreError> {
        self.backend.delete_reviewer(name).await
    }

    /// The reviewer a key belongs to.
    pub async fn authenticate_reviewer(&self, key: &str) -> Result<Option<Reviewer>, StoreError> {
        self.backend.authenticate_reviewer(key).await
    }

    /// The audit log of one resource (by name) or of all, oldest first.
    pub async fn audit_log(&self, resource: Option<&str>) -> Result<Vec<AuditEntry>, StoreError> {
        self.backend.list_audit(resource).await
    }
}


fn poisoned() -> StoreError {
    StoreError::Backend("key cache lock poisoned".into())
}
