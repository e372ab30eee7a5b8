//! `bingads operations` and `bingads example`.

use crate::error::CliError;
use crate::services;

/// The services, or one service's operations, as text or JSON.
pub fn operations(service: Option<&str>, json: bool) -> Result<String, CliError> {
    match service {
        None => Ok(if json {
            services_json()
        } else {
            services_text()
        }),
        Some(name) => {
            let svc = services::find(name)?;
            Ok(if json {
                operations_json(svc)
            } else {
                operations_text(svc)
            })
        }
    }
}

fn services_text() -> String {
    let mut out = String::new();
    let width = services::all()
        .iter()
        .map(|s| s.meta.name.len())
        .max()
        .unwrap_or(0);
    for s in services::all() {
        out.push_str(&format!(
            "{:width$}  {:20}  {:3} operations  {}\n",
            s.meta.name,
            s.module,
            s.operations.len(),
            s.meta.endpoint("production").unwrap_or_default(),
        ));
    }
    out.push_str(
        "\nA service can be named in any of these spellings: CampaignManagementService, \
         CampaignManagement, campaign-management.\n`bingads operations SERVICE` lists its operations.\n",
    );
    out
}

fn operations_text(svc: &services::Service) -> String {
    let meta = svc.meta;
    let mut out = format!(
        "{} (API {}, revision {})\n",
        meta.name,
        meta.version,
        if meta.api_revision.is_empty() {
            "unknown"
        } else {
            meta.api_revision
        }
    );
    for (env, url) in meta.endpoints {
        out.push_str(&format!("  {env:10} {url}\n"));
    }
    // Most services declare the same headers for every operation: say them once.
    let headers_of = |op: &bingads_gen::json::JsonOperation| -> String {
        let names: Vec<&str> = op.meta.input_headers.iter().map(|h| h.name).collect();
        names.join(", ")
    };
    let mut counts: Vec<(String, usize)> = Vec::new();
    for op in svc.operations {
        let h = headers_of(op);
        match counts.iter_mut().find(|(k, _)| *k == h) {
            Some((_, n)) => *n += 1,
            None => counts.push((h, 1)),
        }
    }
    let common = counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .map(|(h, _)| h.clone())
        .unwrap_or_default();
    out.push_str(&format!(
        "Request headers: {common}
"
    ));
    out.push_str(
        "Response headers: TrackingId

",
    );
    let width = svc
        .operations
        .iter()
        .map(|o| o.meta.name.len())
        .max()
        .unwrap_or(0);
    for op in svc.operations {
        let mut notes = Vec::new();
        let h = headers_of(op);
        if h != common {
            notes.push(format!("headers: {h}"));
        }
        if op.meta.soap_action != op.meta.name {
            notes.push(format!("SOAPAction {}", op.meta.soap_action));
        }
        if notes.is_empty() {
            out.push_str(op.meta.name);
            out.push('\n');
        } else {
            out.push_str(&format!("{:width$}  {}\n", op.meta.name, notes.join("; ")));
        }
    }
    out.push_str(&format!(
        "\n{} operations. Each one's SOAPAction is its name and its request headers are the ones \
         above, unless noted. `bingads example {} OPERATION` prints a request.\n",
        svc.operations.len(),
        svc.short_name()
    ));
    out
}

#[derive(serde::Serialize)]
#[serde(rename_all = "PascalCase")]
struct ServiceEntry<'a> {
    name: &'a str,
    module: &'a str,
    version: &'a str,
    operations: usize,
    /// Environment → URL, in the order the service metadata lists them.
    endpoints: Endpoints<'a>,
}

struct Endpoints<'a>(&'a [(&'a str, &'a str)]);

impl serde::Serialize for Endpoints<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(env, url)| (*env, *url)))
    }
}

#[derive(serde::Serialize)]
#[serde(rename_all = "PascalCase")]
struct OperationEntry<'a> {
    name: &'a str,
    soap_action: &'a str,
    request_element: &'a str,
    response_element: &'a str,
    request_headers: Vec<&'a str>,
    response_headers: Vec<&'a str>,
    faults: &'a [&'a str],
}

/// Pretty JSON and a final newline (serializing these plain structs cannot fail).
fn pretty<T: serde::Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

fn services_json() -> String {
    let entries: Vec<ServiceEntry<'_>> = services::all()
        .iter()
        .map(|s| ServiceEntry {
            name: s.meta.name,
            module: s.module,
            version: s.meta.version,
            operations: s.operations.len(),
            endpoints: Endpoints(s.meta.endpoints),
        })
        .collect();
    pretty(&entries)
}

fn operations_json(svc: &services::Service) -> String {
    let entries: Vec<OperationEntry<'_>> = svc
        .operations
        .iter()
        .map(|op| {
            let m = op.meta;
            OperationEntry {
                name: m.name,
                soap_action: m.soap_action,
                request_element: m.request_element.1,
                response_element: m.response_element.1,
                request_headers: m.input_headers.iter().map(|h| h.name).collect(),
                response_headers: m.output_headers.iter().map(|h| h.name).collect(),
                faults: m.faults,
            }
        })
        .collect();
    pretty(&entries)
}

/// A request with every field filled with a placeholder and every derived type shown.
pub fn example(service: &str, operation: &str) -> Result<String, CliError> {
    let (_, op) = services::find_operation(service, operation)?;
    let example = bingads_gen::v13::example_request(op.meta.service.name, op.meta.name)
        .ok_or_else(|| {
            CliError::failure(format!("no example request for {}", op.meta.name))
                .hint("this build of bingads-gen lacks the operation's service")
        })?;
    let mut s = example.to_string();
    s.push('\n');
    Ok(s)
}
