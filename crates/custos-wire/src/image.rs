//! `POST /image:analyze`.

use crate::text::{CategoryAnalysis, Extension};
use crate::{Category, OutputType};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Request body of `image:analyze`.
#[derive(Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnalyzeImageOptions {
    /// The image, as base64 `content` or a `blobUrl`.
    pub image: ImageData,
    /// Categories to analyse; absent, null or empty means all four.
    #[serde(default)]
    pub categories: Option<Vec<Category>>,
    /// Only `FourSeverityLevels` is valid for images; the server rejects the other value.
    #[serde(default)]
    pub output_type: Option<OutputType>,
}

impl fmt::Debug for AnalyzeImageOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AnalyzeImageOptions")
            .field("image", &self.image)
            .field("categories", &self.categories)
            .field("output_type", &self.output_type)
            .finish()
    }
}

/// `image` of [`AnalyzeImageOptions`]: exactly one of the two must be set.
#[derive(Clone, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ImageData {
    /// Base64 (standard alphabet; padding optional) image bytes.
    #[serde(default)]
    pub content: Option<String>,
    /// URL of a blob to fetch.
    #[serde(default)]
    pub blob_url: Option<String>,
}

impl fmt::Debug for ImageData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ImageData")
            .field("content_len", &self.content.as_ref().map(String::len))
            .field("blob_url", &self.blob_url.as_ref().map(|_| "<set>"))
            .finish()
    }
}

/// Response body of `image:analyze`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct AnalyzeImageResult {
    /// One entry per analysed category (severities 0, 2, 4, 6).
    pub categories_analysis: Vec<CategoryAnalysis>,
    /// Custos extension; the official SDKs ignore unknown fields.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub custos: Option<Extension>,
}
