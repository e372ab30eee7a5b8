//! Rust names for schema names: modules, fields, enum variants, features.
//!
//! Type names keep their XSD spelling (so `Campaign` in the docs is `Campaign` here); field
//! and module names become snake_case; enumeration values become variants. Every rule is
//! total and deterministic, and collisions are detected by the emitter rather than papered
//! over here.

use heck::{ToSnakeCase, ToUpperCamelCase};

const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

/// Whether `name` is a Rust keyword (strict or reserved).
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// A struct field name: snake_case, with a trailing `_` for keywords (`Type` → `type_`).
pub fn field_name(xsd: &str) -> String {
    let mut s = xsd.to_snake_case();
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    if is_keyword(&s) {
        s.push('_');
    }
    s
}

/// A service's module name: `CampaignManagementService` → `campaign_management`.
pub fn service_module(service: &str) -> String {
    let base = service.strip_suffix("Service").unwrap_or(service);
    base.to_snake_case()
}

/// The cargo feature gating a service: `campaign_management` → `campaign-management`.
pub fn service_feature(service: &str) -> String {
    service_module(service).replace('_', "-")
}

/// The client type of a service: `CampaignManagementService` → `CampaignManagementClient`.
pub fn client_name(service: &str) -> String {
    let base = service.strip_suffix("Service").unwrap_or(service);
    format!("{}Client", base.to_upper_camel_case())
}

/// A type name: the XSD name when it is a valid identifier, otherwise sanitized.
pub fn type_name(xsd: &str) -> String {
    let mut s: String = xsd
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, 'T');
    }
    if is_keyword(&s) {
        s.push('_');
    }
    s
}

/// An enumeration variant for a wire value: UpperCamelCase of the value (`HTML5` → `Html5`,
/// `Search` → `Search`); non-identifier values get a `V` prefix.
pub fn variant_name(value: &str) -> String {
    let mut s = value.to_upper_camel_case();
    s.retain(|c| c.is_ascii_alphanumeric() || c == '_');
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, 'V');
    }
    if is_keyword(&s) {
        s.push('_');
    }
    s
}

/// A static's name for an operation's metadata: `GetCampaignsByAccountId` →
/// `GET_CAMPAIGNS_BY_ACCOUNT_ID`.
pub fn operation_static(op: &str) -> String {
    op.to_snake_case().to_uppercase()
}

/// An operation's method name: `GetCampaignsByAccountId` → `get_campaigns_by_account_id`.
pub fn method_name(op: &str) -> String {
    field_name(op)
}

/// Fields whose values are credentials and must never appear in `Debug` output.
pub fn is_secret_field(xsd: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "Password",
        "Secret",
        "SecretAnswer",
        "Token",
        "AuthKey",
        "ClientSecret",
    ];
    SUFFIXES.iter().any(|s| xsd.ends_with(s)) && !xsd.ends_with("TokenType")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields() {
        assert_eq!(field_name("BiddingScheme"), "bidding_scheme");
        assert_eq!(field_name("Type"), "type_");
        assert_eq!(field_name("CampaignId"), "campaign_id");
        assert_eq!(field_name("URL"), "url");
        assert_eq!(field_name("TimeZone"), "time_zone");
    }

    #[test]
    fn variants() {
        assert_eq!(variant_name("HTML5"), "Html5");
        assert_eq!(variant_name("Search"), "Search");
        assert_eq!(variant_name("18To24"), "V18to24");
        assert_eq!(variant_name("Self"), "Self_");
    }

    #[test]
    fn services() {
        assert_eq!(
            service_module("CampaignManagementService"),
            "campaign_management"
        );
        assert_eq!(service_feature("AdInsightService"), "ad-insight");
        assert_eq!(
            client_name("CustomerBillingService"),
            "CustomerBillingClient"
        );
    }

    #[test]
    fn secrets() {
        assert!(is_secret_field("Password"));
        assert!(is_secret_field("SecretAnswer"));
        assert!(is_secret_field("UetTagAuthKey"));
        assert!(!is_secret_field("SecretQuestion"));
        assert!(!is_secret_field("Keyword"));
    }
}
