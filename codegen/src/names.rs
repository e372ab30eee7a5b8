//! Rust names for schema names: modules, fields, enum variants, features.
//!
//! Type names keep their XSD spelling (so `Campaign` in the docs is `Campaign` here); field
//! and module names become snake_case; enumeration values become variants. Every rule is
//! total and deterministic, and collisions are detected by the emitter rather than papered
//! over here.

use heck::{ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

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

/// The constant naming an XML namespace, from its URI: the last path segment that is not a
/// version (`v13`, `2004`), its dotted parts most specific first and without the .NET root
/// `System` unless that is all there is; the host's first label when the path has none.
/// `.../Customer/v13/Entities` → `NS_ENTITIES`, `.../System.Collections.Generic` →
/// `NS_GENERIC_COLLECTIONS`, `.../Serialization/Arrays` → `NS_ARRAYS`,
/// `https://adapi.microsoft.com` → `NS_ADAPI`. Two URIs with one name are told apart by
/// [`namespace_consts`].
pub fn namespace_const(uri: &str) -> String {
    let rest = uri.split_once("://").map_or(uri, |(_, r)| r);
    let mut segments = rest.split('/').filter(|s| !s.is_empty());
    let host = segments.next().unwrap_or_default();
    let is_version = |s: &&str| {
        let digits = s.strip_prefix(['v', 'V']).unwrap_or(s);
        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
    };
    let base = match segments.rfind(|s| !is_version(s)) {
        Some(segment) => {
            let parts: Vec<&str> = segment.split('.').filter(|p| !p.is_empty()).collect();
            let specific: Vec<&str> = parts
                .iter()
                .rev()
                .copied()
                .filter(|p| *p != "System")
                .collect();
            if specific.is_empty() {
                parts.join("_")
            } else {
                specific.join("_")
            }
        }
        None => host.split('.').next().unwrap_or_default().to_string(),
    };
    let name = base.to_shouty_snake_case();
    let name: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if name.is_empty() {
        "NS".to_string()
    } else {
        format!("NS_{name}")
    }
}

/// [`namespace_const`] for every URI of a set, in sorted URI order; when several URIs give one
/// name, the first keeps it and the others get `_2`, `_3`, ... in that order (deterministic,
/// since the set is sorted).
pub fn namespace_consts<'u>(uris: impl IntoIterator<Item = &'u str>) -> Vec<(&'u str, String)> {
    let mut uris: Vec<&str> = uris.into_iter().collect();
    uris.sort_unstable();
    uris.dedup();
    let mut taken = std::collections::BTreeSet::new();
    uris.into_iter()
        .map(|uri| {
            let base = namespace_const(uri);
            let mut name = base.clone();
            let mut n = 1;
            while !taken.insert(name.clone()) {
                n += 1;
                name = format!("{base}_{n}");
            }
            (uri, name)
        })
        .collect()
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
    fn namespace_constants() {
        let cases = [
            (
                "https://bingads.microsoft.com/Customer/v13/Entities",
                "NS_ENTITIES",
            ),
            (
                "https://bingads.microsoft.com/CampaignManagement/v13",
                "NS_CAMPAIGN_MANAGEMENT",
            ),
            (
                "http://schemas.microsoft.com/2003/10/Serialization/Arrays",
                "NS_ARRAYS",
            ),
            (
                "http://schemas.datacontract.org/2004/07/System.Collections.Generic",
                "NS_GENERIC_COLLECTIONS",
            ),
            (
                "http://schemas.datacontract.org/2004/07/System",
                "NS_SYSTEM",
            ),
            ("https://adapi.microsoft.com", "NS_ADAPI"),
            ("", "NS"),
        ];
        for (uri, name) in cases {
            assert_eq!(namespace_const(uri), name, "{uri}");
        }
        // A collision: sorted URI order decides who keeps the plain name.
        let named = namespace_consts([
            "https://b.example/Api/v2/Entities",
            "https://a.example/Entities",
            "https://c.example/Entities/v1",
        ]);
        assert_eq!(
            named,
            [
                ("https://a.example/Entities", "NS_ENTITIES".to_string()),
                (
                    "https://b.example/Api/v2/Entities",
                    "NS_ENTITIES_2".to_string()
                ),
                ("https://c.example/Entities/v1", "NS_ENTITIES_3".to_string()),
            ]
        );
    }

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
