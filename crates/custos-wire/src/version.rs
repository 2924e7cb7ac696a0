//! The `api-version` query parameter.

use std::fmt;

/// An api-version this server speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ApiVersion {
    /// The first GA version; both official SDK releases default to it.
    V2023_10_01,
    /// The second GA version; adds `isRegex` on blocklist items.
    V2024_09_01,
}

impl ApiVersion {
    /// Every supported version, oldest first.
    pub const ALL: [ApiVersion; 2] = [ApiVersion::V2023_10_01, ApiVersion::V2024_09_01];

    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ApiVersion::V2023_10_01 => "2023-10-01",
            ApiVersion::V2024_09_01 => "2024-09-01",
        }
    }

    /// Parses an exact wire spelling.
    pub fn parse(s: &str) -> Option<ApiVersion> {
        ApiVersion::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Whether blocklist items carry `isRegex` in this version.
    pub fn supports_regex_items(self) -> bool {
        self >= ApiVersion::V2024_09_01
    }

    /// The supported versions as a comma-separated list (for error messages and `api-supported-versions`).
    pub fn supported_list() -> String {
        ApiVersion::ALL.map(ApiVersion::as_str).join(",")
    }
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
