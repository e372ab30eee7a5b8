//! The comparison of an `msads` release's facts with the recorded REST facts
//! (`wsdl/<version>/rest-json.json` and the `api-revision.txt` next to it), and its reports.
//!
//! Recorded facts that a release contradicts, and facts a release has that nothing records,
//! are differences; what the facts file deliberately leaves out is not: member types listed
//! in a service's `mismatches.rest_types_not_in_wsdl` (the client's own fault types), values
//! listed in a family's `no_rest_value`, and families the file marks `rest_polymorphic:
//! false` (recorded for their notes, not as `Type` dispatch).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use super::extract::MsadsFacts;

/// One fact that differs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Difference {
    /// `route`, `header`, `media-type`, `api-revision`, `discriminator`, `service`.
    pub area: &'static str,
    /// The service (`CampaignManagementService`), or `http` for client-wide facts.
    pub scope: String,
    /// The operation, header, or `Family.Member`.
    pub subject: String,
    /// What the release says (`None`: it does not have it).
    pub msads: Option<String>,
    /// What the facts file says (`None`: not recorded).
    pub recorded: Option<String>,
    /// Where in the package the release's fact is.
    pub source: String,
}

/// Compares `facts` with the facts file `rest` and the recorded API revision.
pub fn compare(facts: &MsadsFacts, rest: &Value, api_revision: Option<&str>) -> Vec<Difference> {
    let mut out = Vec::new();
    let services = rest.get("services").and_then(Value::as_object);
    let recorded_services: BTreeSet<String> = services
        .map(|s| s.keys().cloned().collect())
        .unwrap_or_default();
    let names: BTreeSet<&String> = recorded_services
        .iter()
        .chain(facts.services.keys())
        .collect();
    for name in names {
        let found = facts.services.get(name);
        let recorded = services.and_then(|s| s.get(name.as_str()));
        if let (Some(found), Some(recorded)) = (found, recorded) {
            routes(name, found, recorded, &mut out);
            discriminators(name, found, recorded, &mut out);
        } else {
            out.push(Difference {
                area: "service",
                scope: name.clone(),
                subject: name.clone(),
                msads: found.map(|f| format!("{} operations", f.routes.len())),
                recorded: recorded.map(|_| "recorded".to_string()),
                source: found.map(|f| f.file.clone()).unwrap_or_default(),
            });
        }
    }
    headers(facts, rest, &mut out);
    if facts.api_revision.as_deref() != api_revision {
        out.push(Difference {
            area: "api-revision",
            scope: "http".into(),
            subject: "Api-Revision".into(),
            msads: facts.api_revision.clone(),
            recorded: api_revision.map(str::to_string),
            source: "bingads/manifest.py (SDK_API_REVISION)".into(),
        });
    }
    out.sort();
    out.dedup();
    out
}

fn routes(
    service: &str,
    found: &super::extract::ServiceFacts,
    recorded: &Value,
    out: &mut Vec<Difference>,
) {
    let mut recorded_routes = BTreeMap::new();
    if let Some(ops) = recorded.get("operations").and_then(Value::as_object) {
        for (op, route) in ops {
            let method = route
                .get("method")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let path = route
                .get("path")
                .and_then(Value::as_str)
                .unwrap_or_default();
            recorded_routes.insert(op.clone(), format!("{method} {path}"));
        }
    }
    let without: BTreeSet<&str> = recorded
        .pointer("/mismatches/operations_without_rest_endpoint")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let found_routes: BTreeMap<&String, String> = found
        .routes
        .iter()
        .map(|(op, (m, p))| (op, format!("{m} {p}")))
        .collect();
    let names: BTreeSet<&String> = recorded_routes
        .keys()
        .chain(found_routes.keys().copied())
        .collect();
    for op in names {
        let mine = found_routes.get(op).cloned();
        let theirs = recorded_routes.get(op).cloned();
        let theirs = theirs.or_else(|| {
            without
                .contains(op.as_str())
                .then(|| "no REST route".to_string())
        });
        let mine_or_none = mine.clone().or_else(|| Some("no REST route".to_string()));
        if mine_or_none != theirs {
            out.push(Difference {
                area: "route",
                scope: service.to_string(),
                subject: op.clone(),
                msads: mine,
                recorded: recorded_routes.get(op).cloned(),
                source: found.file.clone(),
            });
        }
    }
}

fn string_map(v: Option<&Value>) -> BTreeMap<String, String> {
    v.and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                .collect()
        })
        .unwrap_or_default()
}

fn string_set(v: Option<&Value>) -> BTreeSet<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| Some(s.as_str()?.to_string()))
                .collect()
        })
        .unwrap_or_default()
}

fn discriminators(
    service: &str,
    found: &super::extract::ServiceFacts,
    recorded: &Value,
    out: &mut Vec<Difference>,
) {
    let recorded_families = recorded.get("discriminators").and_then(Value::as_object);
    let client_only = string_set(recorded.pointer("/mismatches/rest_types_not_in_wsdl"));
    let mut names: BTreeSet<&String> = found.families.keys().collect();
    if let Some(r) = recorded_families {
        names.extend(r.keys());
    }
    for family in names {
        let recorded_family = recorded_families.and_then(|r| r.get(family.as_str()));
        if recorded_family
            .and_then(|f| f.get("rest_polymorphic"))
            .and_then(Value::as_bool)
            == Some(false)
        {
            continue;
        }
        let found_family = found.families.get(family);
        if recorded_family.is_none() && found_family.is_some_and(|f| f.member_of.is_some()) {
            // An abstract member of a recorded family, compared as part of that family.
            continue;
        }
        let source = found_family.map(|f| f.file.clone()).unwrap_or_default();
        let skip = string_set(recorded_family.and_then(|f| f.get("no_rest_value")));
        for (kind, key) in [("", "values"), (" (decode alias)", "decode_aliases")] {
            let theirs = string_map(recorded_family.and_then(|f| f.get(key)));
            let mine: BTreeMap<String, String> = found_family
                .map(|f| {
                    if key == "values" {
                        &f.values
                    } else {
                        &f.decode_aliases
                    }
                })
                .into_iter()
                .flatten()
                .filter(|(member, _)| !client_only.contains(*member) && !skip.contains(*member))
                .map(|(m, v)| (m.clone(), v.clone()))
                .collect();
            let members: BTreeSet<&String> = mine.keys().chain(theirs.keys()).collect();
            for member in members {
                if mine.get(member) != theirs.get(member) {
                    out.push(Difference {
                        area: "discriminator",
                        scope: service.to_string(),
                        subject: format!("{family}.{member}{kind}"),
                        msads: mine.get(member).cloned(),
                        recorded: theirs.get(member).cloned(),
                        source: source.clone(),
                    });
                }
            }
        }
    }
}

/// Header names: the release's against the facts file's `encoding.http` (the names the SOAP
/// headers map to, the revision header, `Accept`/`Content-Type` for its media type and the
/// `other_headers` it lists).
fn headers(facts: &MsadsFacts, rest: &Value, out: &mut Vec<Difference>) {
    let http = rest.pointer("/encoding/http");
    let mut recorded: BTreeSet<String> = BTreeSet::new();
    for value in string_map(http.and_then(|h| h.get("headers"))).values() {
        // `Authorization: Bearer <access token>` names the header before the colon.
        let name = value.split(':').next().unwrap_or(value).trim();
        recorded.insert(name.to_string());
    }
    if let Some(h) = http
        .and_then(|h| h.get("api_revision_header"))
        .and_then(Value::as_str)
    {
        recorded.insert(h.to_string());
    }
    let content_type = http
        .and_then(|h| h.get("content_type"))
        .and_then(Value::as_str)
        .map(str::to_string);
    if content_type.is_some() {
        recorded.insert("Accept".into());
        recorded.insert("Content-Type".into());
    }
    recorded.extend(string_map(http.and_then(|h| h.get("other_headers"))).into_keys());
    let found: BTreeSet<&String> = facts.headers.keys().collect();
    for name in found
        .iter()
        .map(|s| s.as_str())
        .chain(recorded.iter().map(String::as_str))
    {
        let has = facts.headers.get(name);
        if has.is_some() != recorded.contains(name) {
            out.push(Difference {
                area: "header",
                scope: "http".into(),
                subject: name.to_string(),
                msads: has.map(|_| "sent".to_string()),
                recorded: recorded.contains(name).then(|| "recorded".to_string()),
                source: has.cloned().unwrap_or_default(),
            });
        }
    }
    let media: BTreeSet<&String> = facts.media_types.iter().collect();
    let recorded_media: BTreeSet<&String> = content_type.iter().collect();
    if media != recorded_media {
        out.push(Difference {
            area: "media-type",
            scope: "http".into(),
            subject: "Accept / Content-Type".into(),
            msads: Some(facts.media_types.join(", ")),
            recorded: content_type,
            source: "openapi_client/api/*_service_api.py".into(),
        });
    }
}

fn cell(v: &Option<String>) -> String {
    v.as_deref()
        .map(|s| format!("`{}`", s.replace('|', "\\|")))
        .unwrap_or_else(|| "—".to_string())
}

/// The Markdown report.
pub fn markdown(package: &str, recorded: &str, differences: &[Difference]) -> String {
    let mut s = format!("# `{package}` against `{recorded}`\n\n");
    if differences.is_empty() {
        s.push_str(
            "No differences: routes, headers, API revision and discriminator values agree.\n",
        );
        return s;
    }
    s.push_str(&format!("{} difference(s).\n", differences.len()));
    let mut area = "";
    for d in differences {
        if d.area != area {
            area = d.area;
            s.push_str(&format!(
                "\n## {area}\n\n| scope | subject | msads | recorded | source |\n| --- | --- | --- | --- | --- |\n"
            ));
        }
        s.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            d.scope,
            d.subject,
            cell(&d.msads),
            cell(&d.recorded),
            d.source
        ));
    }
    s
}

/// The JSON report.
pub fn to_json(package: &str, recorded: &str, differences: &[Difference]) -> String {
    let items: Vec<Value> = differences
        .iter()
        .map(|d| {
            json!({
                "area": d.area,
                "scope": d.scope,
                "subject": d.subject,
                "msads": d.msads,
                "recorded": d.recorded,
                "source": d.source,
            })
        })
        .collect();
    let report = json!({
        "package": package,
        "recorded": recorded,
        "differences": items,
    });
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}
