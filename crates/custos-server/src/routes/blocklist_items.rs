//! `POST /text/blocklists/{name}:addOrUpdateBlocklistItems`, `POST …:removeBlocklistItems`,
//! `GET /text/blocklists/{name}/blocklistItems[/{id}]`.

use crate::app::base_url;
use crate::error::ApiError;
use crate::extract::{parse_json, QueryPairs, Resource, Version};
use crate::routes::blocklists::not_found;
use crate::routes::{chars, path_name};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use custos_engine::blocklist::{normalize, validate_item};
use custos_store::{Item, NewItem};
use custos_wire::blocklist::{
    AddOrUpdateTextBlocklistItemsOptions, AddOrUpdateTextBlocklistItemsResult, Paged, RemoveTextBlocklistItemsOptions,
    TextBlocklistItem, MAX_DESCRIPTION_CHARS, MAX_ITEMS_PER_REQUEST, MAX_ITEM_TEXT_CHARS,
};
use custos_wire::ApiVersion;

/// Largest page when the client does not ask for one.
pub const DEFAULT_PAGE_SIZE: usize = 1000;
/// Longest item id accepted in a path or body.
const MAX_ITEM_ID_LEN: usize = 64;

fn wire(i: Item, v: ApiVersion) -> TextBlocklistItem {
    TextBlocklistItem {
        blocklist_item_id: i.id,
        description: i.description,
        text: i.text,
        is_regex: v.supports_regex_items().then_some(i.is_regex),
    }
}

/// `POST /text/blocklists/{name}:{action}`: the name and the action share one path segment.
pub async fn action(
    State(state): State<AppState>,
    Resource(r): Resource,
    Version(v): Version,
    Path(segment): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let Some((name, action)) = segment.rsplit_once(':') else { return Err(ApiError::MethodNotAllowed) };
    match action {
        "addOrUpdateBlocklistItems" => {
            path_name(name)?;
            let opts: AddOrUpdateTextBlocklistItemsOptions = parse_json(&body)?;
            add_or_update(&state, &r, v, name, opts).await.map(IntoResponse::into_response)
        }
        "removeBlocklistItems" => {
            path_name(name)?;
            let opts: RemoveTextBlocklistItemsOptions = parse_json(&body)?;
            remove(&state, &r, name, opts).await.map(IntoResponse::into_response)
        }
        _ => Err(ApiError::NoRoute),
    }
}

async fn add_or_update(
    state: &AppState,
    r: &custos_store::ResourceId,
    v: ApiVersion,
    name: &str,
    opts: AddOrUpdateTextBlocklistItemsOptions,
) -> Result<Json<AddOrUpdateTextBlocklistItemsResult>, ApiError> {
    let n = opts.blocklist_items.len();
    if n == 0 || n > MAX_ITEMS_PER_REQUEST {
        return Err(ApiError::body(
            format!("blocklistItems must hold between 1 and {MAX_ITEMS_PER_REQUEST} items."),
            "blocklistItems",
        ));
    }
    let mut items: Vec<NewItem> = Vec::with_capacity(n);
    let mut seen: Vec<(String, usize)> = Vec::with_capacity(n);
    for (i, it) in opts.blocklist_items.into_iter().enumerate() {
        let at = |f: &str| format!("blocklistItems[{i}].{f}");
        let len = chars(&it.text);
        if len == 0 || len > MAX_ITEM_TEXT_CHARS {
            return Err(ApiError::body(format!("Item text must be 1-{MAX_ITEM_TEXT_CHARS} characters."), at("text")));
        }
        if it.description.as_deref().is_some_and(|d| chars(d) > MAX_DESCRIPTION_CHARS) {
            return Err(ApiError::body(
                format!("Item description is longer than {MAX_DESCRIPTION_CHARS} characters."),
                at("description"),
            ));
        }
        // isRegex exists from 2024-09-01 on; older clients cannot send it, so it is ignored for them.
        let is_regex = v.supports_regex_items() && it.is_regex.unwrap_or(false);
        validate_item(&it.text, is_regex).map_err(|e| ApiError::body(e.to_string(), at("text")))?;
        let key = if is_regex { it.text.clone() } else { normalize(&it.text) };
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            return Err(ApiError::body(
                format!("Item {i} duplicates item {first} (items match case-insensitively)."),
                at("text"),
            ));
        }
        seen.push((key, i));
        items.push(NewItem { text: it.text, description: it.description, is_regex });
    }
    let stored = state.store.upsert_items(r, name, items).await?;
    Ok(Json(AddOrUpdateTextBlocklistItemsResult { blocklist_items: stored.into_iter().map(|i| wire(i, v)).collect() }))
}

async fn remove(
    state: &AppState,
    r: &custos_store::ResourceId,
    name: &str,
    opts: RemoveTextBlocklistItemsOptions,
) -> Result<StatusCode, ApiError> {
    let n = opts.blocklist_item_ids.len();
    if n == 0 || n > MAX_ITEMS_PER_REQUEST {
        return Err(ApiError::body(
            format!("blocklistItemIds must hold between 1 and {MAX_ITEMS_PER_REQUEST} ids."),
            "blocklistItemIds",
        ));
    }
    if let Some(i) = opts.blocklist_item_ids.iter().position(|id| id.is_empty() || id.len() > MAX_ITEM_ID_LEN) {
        return Err(ApiError::body("Item ids are 1-64 characters.", format!("blocklistItemIds[{i}]")));
    }
    state.store.remove_items(r, name, &opts.blocklist_item_ids).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Lists items in insertion order with `top`, `skip` and `maxpagesize`; `nextLink` is absolute and carries the
/// same parameters with `skip` advanced and `top` reduced by what was returned.
pub async fn list(
    State(state): State<AppState>,
    Resource(r): Resource,
    Version(v): Version,
    Path(name): Path<String>,
    query: QueryPairs,
    headers: HeaderMap,
) -> Result<Json<Paged<TextBlocklistItem>>, ApiError> {
    path_name(&name)?;
    let top = query.non_negative("top")?;
    let skip = query.non_negative("skip")?.unwrap_or(0);
    let max_page = query.non_negative("maxpagesize")?;
    if max_page == Some(0) {
        return Err(ApiError::body("maxpagesize must be at least 1.", "maxpagesize"));
    }
    let page = top.unwrap_or(usize::MAX).min(max_page.unwrap_or(DEFAULT_PAGE_SIZE)).min(DEFAULT_PAGE_SIZE);
    let (items, total) = state.store.list_items(&r, &name, skip, page).await?;
    let returned = items.len();
    let next_skip = skip.saturating_add(returned);
    let remaining_top = top.map(|t| t - returned.min(t));
    let more = returned > 0 && next_skip < total && remaining_top != Some(0);
    let next_link = more.then(|| {
        let mut q = form_urlencoded::Serializer::new(String::new());
        if let Some(t) = remaining_top {
            q.append_pair("top", &t.to_string());
        }
        q.append_pair("skip", &next_skip.to_string());
        if let Some(m) = max_page {
            q.append_pair("maxpagesize", &m.to_string());
        }
        q.append_pair("api-version", v.as_str());
        format!("{}/contentsafety/text/blocklists/{name}/blocklistItems?{}", base_url(&state, &headers), q.finish())
    });
    Ok(Json(Paged { value: items.into_iter().map(|i| wire(i, v)).collect(), next_link }))
}

/// One item; 404 if the list or the item does not exist.
pub async fn get(
    State(state): State<AppState>,
    Resource(r): Resource,
    Version(v): Version,
    Path((name, item_id)): Path<(String, String)>,
) -> Result<Json<TextBlocklistItem>, ApiError> {
    path_name(&name)?;
    if item_id.is_empty() || item_id.len() > MAX_ITEM_ID_LEN {
        return Err(ApiError::InvalidName { message: "Item ids are 1-64 characters.".into(), target: "blocklistItemId" });
    }
    match state.store.get_item(&r, &name, &item_id).await {
        Ok(Some(i)) => Ok(Json(wire(i, v))),
        Ok(None) => Err(ApiError::NotFound(format!("The blocklist item '{item_id}' does not exist."))),
        Err(custos_store::StoreError::NotFound(_)) => Err(not_found(&name)),
        Err(e) => Err(e.into()),
    }
}

