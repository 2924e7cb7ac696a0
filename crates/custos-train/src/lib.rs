//! Training for the Custos text model.
//!
//! # Layout
//! - [`data`]: the corpora (permissive sets + the authored policy set) in one labelled shape, and the splits.
//! - [`train`]: SGD for the n-gram ordinal heads and threshold calibration.
//! - [`ordinal`]: ordinal logistic regression on dense inputs (embedding heads, combiner).
//! - [`evasion`]: deterministic obfuscations for the evasion table.
//! - [`eval`]: metrics and the markdown report.
//! - [`card`]: the model card.
//! - [`cache`]: a disk cache of encoder outputs between training runs.
//! - [`csv`]: a small CSV reader.
//!
//! Training shares [`custos_engine::text::features`] with serving, so the two cannot drift apart. Nothing here prints
//! or writes text content: only counts and metrics.
#![deny(missing_docs)]

pub mod cache;
pub mod card;
pub mod csv;
pub mod data;
pub mod eval;
pub mod evasion;
pub mod ordinal;
pub mod train;
