//! Training for the Custos text model.
//!
//! # Layout
//! - [`data`]: the corpora (permissive sets + the authored policy set) in one labelled shape, and the splits.
//! - [`train`]: SGD for the ordinal heads and threshold calibration on the validation split.
//! - [`eval`]: metrics and the markdown report.
//! - [`card`]: the model card.
//! - [`csv`]: a small CSV reader.
//!
//! Training shares [`custos_engine::text::features`] with serving, so the two cannot drift apart. Nothing here prints
//! or writes text content: only counts and metrics.
#![deny(missing_docs)]

pub mod card;
pub mod csv;
pub mod data;
pub mod eval;
pub mod train;
