//! One file per resource: analysis operations, blocklist management, feedback reports, and the admin API
//! (resources, their feedback and their usage, sample consent, reviewers and the audit log), and the reviewer API.

pub mod admin_feedback;
pub mod admin_resources;
pub mod admin_reviewers;
pub mod admin_sample_consent;
pub mod admin_usage;
pub mod blocklist_items;
pub mod blocklists;
pub mod feedback;
pub mod image_analyze;
pub mod review;
pub mod text_analyze;

use crate::error::ApiError;
use custos_wire::blocklist::is_valid_blocklist_name;
use custos_wire::Category;

/// The categories to report: the requested ones in Azure's order (duplicates dropped), or all four when the
/// field is absent, null or empty.
pub fn selected_categories(requested: Option<&[Category]>) -> Vec<Category> {
    match requested {
        Some(r) if !r.is_empty() => Category::ALL.into_iter().filter(|c| r.contains(c)).collect(),
        _ => Category::ALL.to_vec(),
    }
}

/// Validates a blocklist name taken from the URL.
pub fn path_name(name: &str) -> Result<(), ApiError> {
    if is_valid_blocklist_name(name) {
        Ok(())
    } else {
        Err(ApiError::InvalidName {
            message: "The blocklist name must be 1-64 characters of letters, digits, '.', '_', '~' and '-'.".into(),
            target: "blocklistName",
        })
    }
}

/// Counts code points (Azure's unit for every text limit).
pub fn chars(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_follow_azure_order_and_default_to_all() {
        assert_eq!(selected_categories(None), Category::ALL);
        assert_eq!(selected_categories(Some(&[])), Category::ALL);
        assert_eq!(
            selected_categories(Some(&[Category::Violence, Category::Hate, Category::Hate])),
            [Category::Hate, Category::Violence]
        );
    }
}
