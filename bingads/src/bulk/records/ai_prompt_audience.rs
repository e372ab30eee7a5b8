//! `AI Prompt Audience`: an audience the service builds from a natural-language description
//! (`Audience`). It has no API object: bulk-only fields. Ad groups use it through the
//! `Ad Group AI Prompt Association` (typed in `audience_associations.rs`).
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/audiences/bulk_ai_prompt_audience.py`
//! (`BulkAIPromptAudience`) and the Microsoft bulk schema page "AI Prompt Audience".

use super::macros::bulk_record;
use crate::bulk::table::{Column, col};
use crate::bulk::values::{Long, Text};

bulk_record! {
    /// An `AI Prompt Audience`.
    pub struct BulkAiPromptAudience = "AI Prompt Audience" (kind 472) {
        /// `Id`.
        pub id: Option<i64>,
        /// `Parent Id`: the account.
        pub account_id: Option<i64>,
        /// `Audience`: the description the audience is built from.
        pub audience: Option<String>,
        /// `Scope` (`Account`, `Customer`).
        pub scope: Option<String>,
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
    }
    table AI_PROMPT_AUDIENCE
}

static AI_PROMPT_AUDIENCE: &[Column<BulkAiPromptAudience>] = &[
    col!("Status" => status, Text),
    col!("Id" => id, Long),
    col!("Parent Id" => account_id, Long),
    col!("Audience" => audience, Text),
    col!("Scope" => scope, Text),
];
