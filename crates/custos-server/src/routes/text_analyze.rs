//! `POST /text:analyze`.

use crate::error::ApiError;
use crate::extract::{AzureJson, Caller};
use crate::routes::{chars, selected_categories};
use crate::state::AppState;
use crate::usage::Counter;
use axum::extract::State;
use axum::Json;
use custos_engine::blocklist::normalize;
use custos_store::SampleKind;
use custos_wire::blocklist::is_valid_blocklist_name;
use custos_engine::text::TextAnalysis;
use custos_wire::text::{
    AnalyzeTextOptions, AnalyzeTextResult, CategoryAnalysis, CategoryExplanation, CategoryScore, Extension,
    IndexDetails, TextBlocklistMatch, TextSpan,
};
use custos_wire::{Category, OutputType, Severity};

/// Longest text, in code points.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// Most blocklists named in one request (Azure documents none; this bounds the work of one request).
pub const MAX_BLOCKLISTS_PER_REQUEST: usize = 100;

/// Matches the named blocklists, then (unless halted by a hit) runs the text model.
pub async fn analyze_text(
    State(state): State<AppState>,
    Caller { resource, slot }: Caller,
    AzureJson(opts): AzureJson<AnalyzeTextOptions>,
) -> Result<Json<AnalyzeTextResult>, ApiError> {
    if chars(&opts.text) > MAX_TEXT_CHARS {
        return Err(ApiError::body(
            format!("The text is longer than {MAX_TEXT_CHARS} characters (Unicode code points)."),
            "text",
        ));
    }
    let mut names: Vec<String> = Vec::new();
    for (i, n) in opts.blocklist_names.iter().flatten().enumerate() {
        if !is_valid_blocklist_name(n) {
            return Err(ApiError::body("Invalid blocklist name.", format!("blocklistNames[{i}]")));
        }
        if !names.contains(n) {
            names.push(n.clone());
        }
    }
    if names.len() > MAX_BLOCKLISTS_PER_REQUEST {
        return Err(ApiError::body(
            format!("At most {MAX_BLOCKLISTS_PER_REQUEST} blocklists can be named in one request."),
            "blocklistNames",
        ));
    }
    let lists = if names.is_empty() {
        Vec::new()
    } else {
        state.matchers.get(state.store.as_ref(), &resource, &names).await?
    };
    let categories = selected_categories(opts.categories.as_deref());
    let wanted = categories.clone();
    let output = opts.output_type.unwrap_or_default();
    let halt = opts.halt_on_blocklist_hit.unwrap_or(false);
    let text = opts.text;
    // Drawn before the analysis so the text is copied only when a sample will be kept (see crate::sampling).
    let sample = state.sampler.draw(&state.store, &resource, SampleKind::Text).await;
    let sample_text = sample.as_ref().map(|_| text.clone());

    let (matches, analysis) = state
        .compute(move |models| {
            let mut matches = Vec::new();
            if !lists.is_empty() {
                let normalized = normalize(&text);
                for (name, list) in &lists {
                    for item in list.matches(&normalized) {
                        matches.push(TextBlocklistMatch {
                            blocklist_name: name.clone(),
                            blocklist_item_id: item.id.clone(),
                            blocklist_item_text: item.text.clone(),
                        });
                    }
                }
            }
            let analysis = (!(halt && !matches.is_empty())).then(|| {
                let a = models.text.analyze(&text);
                let spans = explanations(&text, &a, &wanted, output);
                (a, spans)
            });
            (matches, analysis)
        })
        .await?;

    state.usage.add(&resource, slot, Counter::BlocklistHits, matches.len() as i64);
    let mut ext = Extension::default();
    let categories_analysis: Vec<CategoryAnalysis> = match analysis {
        None => Vec::new(),
        Some((a, explained)) => {
            ext.scores =
                categories.iter().map(|&c| CategoryScore { category: c, score: a.scores[c.index()] }).collect();
            ext.explanations = explained;
            categories
                .into_iter()
                .map(|c| CategoryAnalysis { category: c, severity: a.severities[c.index()].for_output(output) })
                .collect()
        }
    };
    for c in &categories_analysis {
        state.usage.incr(&resource, slot, Counter::Text(c.category, c.severity.level()));
    }
    if let Some(consent) = sample {
        let severities = crate::sampling::severities(&categories_analysis);
        crate::sampling::keep(state.store.clone(), resource, consent, SampleKind::Text, sample_text, severities);
    }
    Ok(Json(AnalyzeTextResult { blocklists_match: matches, categories_analysis, custos: (!ext.is_empty()).then_some(ext) }))
}

/// The `custos.explanations` of an analysis: for each requested category at severity ≥ 2, the spans that drove it,
/// with offsets in UTF-8, UTF-16 and code points of the request text.
fn explanations(
    text: &str,
    a: &TextAnalysis,
    categories: &[Category],
    output: OutputType,
) -> Vec<CategoryExplanation> {
    categories
        .iter()
        .filter(|c| a.severities[c.index()].level() >= 2)
        .map(|&c| CategoryExplanation {
            category: c,
            spans: a.spans[c.index()]
                .iter()
                .filter_map(|span| {
                    let r = span.original.clone();
                    (r.start < r.end && r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
                        .then(|| {
                            let (offset, length) = IndexDetails::span(text, r);
                            TextSpan { offset, length, severity: Severity::new(span.severity).for_output(output) }
                        })
                })
                .collect(),
        })
        .collect()
}
