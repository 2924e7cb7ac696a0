//! `POST /image:analyze`.
//!
//! Where each category comes from: `Sexual` from the image model (open_nsfw and nsfwjs); all four from the text in the image
//! (OCR, then the text model), when there is any. The result per category is the higher of the two. `Hate`,
//! `SelfHarm` and `Violence` have no image model: for an image without readable text they are reported as 0 and
//! listed in the `custos.notAnalyzed` extension, never guessed. The recognised text never leaves the model closure:
//! it is not logged, stored, sampled or returned.
//!
//! `image.blobUrl` is fetched by [`crate::blob_fetch`] only when the operator allow-lists its origin and path
//! (off by default: then it is a 400); the fetched bytes take exactly the path of decoded `image.content`.

use crate::error::ApiError;
use crate::extract::{AzureJson, Caller};
use crate::routes::selected_categories;
use crate::state::AppState;
use crate::usage::Counter;
use axum::extract::State;
use axum::Json;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine as _;
use custos_wire::image::{AnalyzeImageOptions, AnalyzeImageResult};
use custos_wire::text::{CategoryAnalysis, Extension};
use custos_wire::{OutputType, Severity};

/// Largest image after base64 decoding (Azure: 4 MB).
pub const MAX_IMAGE_BYTES: usize = 4 * 1024 * 1024;

/// Standard alphabet, padding optional (the Python SDK pads, hand-written clients often do not).
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent).with_decode_allow_trailing_bits(true),
);

/// Decodes `image.content`: standard base64, padding optional, whitespace and a `data:...;base64,` prefix
/// tolerated. Refuses before decoding when the encoded form is already too long.
pub fn decode_content(content: &str) -> Result<Vec<u8>, ApiError> {
    let content = match content.split_once(";base64,") {
        Some((prefix, rest)) if prefix.starts_with("data:") => rest,
        _ => content,
    };
    let too_large = || ApiError::body(format!("The image is larger than {} bytes.", MAX_IMAGE_BYTES), "image.content");
    // 4 encoded characters carry 3 bytes; allow whitespace to be stripped first.
    let compact: std::borrow::Cow<'_, str> = if content.bytes().any(|b| b.is_ascii_whitespace()) {
        content.chars().filter(|c| !c.is_ascii_whitespace()).collect::<String>().into()
    } else {
        content.into()
    };
    if compact.is_empty() {
        return Err(ApiError::body("image.content is empty.", "image.content"));
    }
    if compact.len() / 4 * 3 > MAX_IMAGE_BYTES + 3 {
        return Err(too_large());
    }
    let bytes = BASE64
        .decode(compact.as_bytes())
        .map_err(|_| ApiError::body("image.content is not valid base64.", "image.content"))?;
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Decodes and validates the image, then scores it.
pub async fn analyze_image(
    State(state): State<AppState>,
    Caller { resource, slot }: Caller,
    AzureJson(opts): AzureJson<AnalyzeImageOptions>,
) -> Result<Json<AnalyzeImageResult>, ApiError> {
    if opts.output_type == Some(OutputType::EightSeverityLevels) {
        return Err(ApiError::body(
            "Images support only outputType FourSeverityLevels.",
            "outputType",
        ));
    }
    let bytes = match (&opts.image.content, &opts.image.blob_url) {
        (Some(_), Some(_)) => {
            return Err(ApiError::body("Provide either image.content or image.blobUrl, not both.", "image"));
        }
        (None, Some(url)) => {
            let bytes = state.blob.fetch(url).await?;
            if bytes.len() > MAX_IMAGE_BYTES {
                let message = format!("The image is larger than {} bytes.", MAX_IMAGE_BYTES);
                return Err(ApiError::body(message, "image.blobUrl"));
            }
            bytes
        }
        (None, None) => return Err(ApiError::body("image.content is required.", "image.content")),
        (Some(c), None) => decode_content(c)?,
    };
    let categories = selected_categories(opts.categories.as_deref());
    drop(opts);
    let severities = state
        .compute(move |models| -> Result<_, custos_engine::EngineError> {
            let analysis = models.image.analyze(&bytes)?;
            drop(bytes);
            // Text in the image goes through the text model; the text itself is dropped here.
            let text = (!analysis.text.is_empty()).then(|| models.text.analyze(&analysis.text.text).severities);
            Ok(analysis.combine(text.as_ref()))
        })
        .await??;

    let mut not_analyzed = Vec::new();
    let categories_analysis: Vec<CategoryAnalysis> = categories
        .into_iter()
        .map(|c| {
            let severity = severities[c.index()].unwrap_or_else(|| {
                not_analyzed.push(c);
                Severity::SAFE
            });
            CategoryAnalysis { category: c, severity: severity.four_level() }
        })
        .collect();
    for c in categories_analysis.iter().filter(|c| !not_analyzed.contains(&c.category)) {
        state.usage.incr(&resource, slot, Counter::Image(c.category, c.severity.level()));
    }
    // Image samples keep severities only (see crate::sampling).
    if let Some(consent) = state.sampler.draw(&state.store, &resource, custos_store::SampleKind::Image).await {
        let analysed: Vec<_> = categories_analysis.iter().filter(|c| !not_analyzed.contains(&c.category)).cloned().collect();
        let severities = crate::sampling::severities(&analysed);
        crate::sampling::keep(state.store.clone(), resource, consent, custos_store::SampleKind::Image, None, severities);
    }
    let ext = Extension { not_analyzed, ..Extension::default() };
    Ok(Json(AnalyzeImageResult { categories_analysis, custos: (!ext.is_empty()).then_some(ext) }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_decoded_leniently_but_bounded() {
        assert_eq!(decode_content("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(decode_content("aGVsbG8").unwrap(), b"hello");
        assert_eq!(decode_content("aGVs\nbG8=").unwrap(), b"hello");
        assert_eq!(decode_content("data:image/png;base64,aGVsbG8=").unwrap(), b"hello");
        assert!(decode_content("not base64!").is_err());
        assert!(decode_content("").is_err());
        let big = "A".repeat((MAX_IMAGE_BYTES + 3) / 3 * 4 + 8);
        assert!(matches!(decode_content(&big), Err(ApiError::InvalidBody { .. })));
        let exact = BASE64.encode(vec![0u8; MAX_IMAGE_BYTES]);
        assert_eq!(decode_content(&exact).unwrap().len(), MAX_IMAGE_BYTES);
        let over = BASE64.encode(vec![0u8; MAX_IMAGE_BYTES + 1]);
        assert!(decode_content(&over).is_err());
    }
}
