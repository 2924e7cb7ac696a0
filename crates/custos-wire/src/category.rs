//! Harm categories, severities and output scales.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// One of the four Azure harm categories. Serialized exactly as Azure spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Category {
    /// Hate and fairness (includes harassment).
    Hate,
    /// Self-harm.
    SelfHarm,
    /// Sexual content.
    Sexual,
    /// Violence.
    Violence,
}

impl Category {
    /// All categories, in the order Azure returns them.
    pub const ALL: [Category; 4] = [Category::Hate, Category::SelfHarm, Category::Sexual, Category::Violence];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Hate => "Hate",
            Category::SelfHarm => "SelfHarm",
            Category::Sexual => "Sexual",
            Category::Violence => "Violence",
        }
    }

    /// Position in [`Category::ALL`]; handy for fixed-size score arrays.
    pub fn index(self) -> usize {
        match self {
            Category::Hate => 0,
            Category::SelfHarm => 1,
            Category::Sexual => 2,
            Category::Violence => 3,
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for a category name that is not one of the four.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCategory;

impl FromStr for Category {
    type Err = UnknownCategory;
    /// Exact, case-sensitive match: the official clients always send the canonical casing.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Category::ALL.into_iter().find(|c| c.as_str() == s).ok_or(UnknownCategory)
    }
}

/// A severity on Azure's 0–7 scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Severity(u8);

impl Severity {
    /// Safe.
    pub const SAFE: Severity = Severity(0);
    /// The highest level.
    pub const MAX: Severity = Severity(7);

    /// A severity, clamped to 0..=7.
    pub fn new(level: u8) -> Severity {
        Severity(level.min(7))
    }

    /// The level, 0..=7.
    pub fn level(self) -> u8 {
        self.0
    }

    /// The trimmed four-level scale: 0–1→0, 2–3→2, 4–5→4, 6–7→6.
    pub fn four_level(self) -> Severity {
        Severity(self.0 & !1)
    }

    /// The severity as reported for `output`.
    pub fn for_output(self, output: OutputType) -> Severity {
        match output {
            OutputType::FourSeverityLevels => self.four_level(),
            OutputType::EightSeverityLevels => self,
        }
    }
}

/// `outputType` of `text:analyze` (`image:analyze` accepts only the four-level value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum OutputType {
    /// Severities 0, 2, 4, 6 (the default).
    #[default]
    FourSeverityLevels,
    /// Severities 0..=7.
    EightSeverityLevels,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_levels_collapse_pairs() {
        let got: Vec<u8> = (0..8).map(|l| Severity::new(l).four_level().level()).collect();
        assert_eq!(got, [0, 0, 2, 2, 4, 4, 6, 6]);
        assert_eq!(Severity::new(200), Severity::MAX);
    }

    #[test]
    fn categories_round_trip_and_reject_other_casing() {
        for c in Category::ALL {
            assert_eq!(c.as_str().parse::<Category>(), Ok(c));
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{c}\""));
        }
        assert!("hate".parse::<Category>().is_err());
        assert!(serde_json::from_str::<Category>("\"Violent\"").is_err());
    }
}
