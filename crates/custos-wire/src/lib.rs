//! Wire types of the Azure AI Content Safety data-plane protocol (api-versions 2023-10-01 and 2024-09-01).
//!
//! # Layout
//! - [`category`]: [`Category`], [`Severity`], [`OutputType`]: the vocabulary shared by every crate.
//! - [`version`]: [`ApiVersion`], the api-versions this server speaks.
//! - [`text`], [`image`], [`blocklist`]: request and response bodies, one module per resource.
//! - [`error`]: the `{"error":{"code","message"}}` envelope and its codes.
//! - [`admin`], [`feedback`], [`usage`], [`samples`]: Custos extensions (admin API, feedback reports, usage and
//!   suspension, the Sample Content program).
//!
//! Only this crate derives the Azure JSON shapes; the server converts engine and store types into them.
//! Request types have hand-written `Debug` impls that print lengths, never content, so a stray `?req` in a log
//! line cannot leak what a customer sent.
#![deny(missing_docs)]

pub mod admin;
pub mod blocklist;
pub mod category;
pub mod error;
pub mod feedback;
pub mod image;
pub mod samples;
pub mod text;
pub mod usage;
pub mod version;

pub use category::{Category, OutputType, Severity};
pub use error::{ErrorBody, ErrorCode, ErrorResponse};
pub use version::ApiVersion;
