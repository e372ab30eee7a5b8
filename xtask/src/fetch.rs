//! `cargo xtask wsdl-fetch DIR [--base-url URL] [--environment production|sandbox|all]`
//!
//! Downloads every service's `?singleWsdl` document from the live Microsoft Advertising
//! endpoints into `DIR/production/<file>` and `DIR/sandbox/<file>`, with the file names used
//! under `wsdl/v13`, so the result can be compared with the checked-in set by `wsdl-diff`.
//!
//! Every body must be well-formed XML whose root is `wsdl:definitions`. The command is
//! all-or-nothing: it downloads and checks every document first and writes only when all of
//! them succeeded (each file through a temporary file and a rename), so a failed run never
//! leaves a half-updated folder that a later diff would silently mix with older files.
//!
//! `--base-url` (for tests and mirrors) replaces the scheme and host of every URL and keeps
//! the path and query, e.g. `http://127.0.0.1:8080/Api/Billing/v13/CustomerBillingService.svc?singleWsdl`.
//! Production and sandbox endpoints only differ by host, so such requests carry the original
//! host in an `X-Forwarded-Host` header (e.g. `clientcenter.api.sandbox.bingads.microsoft.com`)
//! for the server to tell the environments apart. A base URL may end with a path prefix
//! (`http://mirror.local/bingads`), which is put before each endpoint path.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use crate::CmdResult;

const USAGE: &str = "\
usage: cargo xtask wsdl-fetch DIR [--base-url URL] [--environment production|sandbox|all]

Downloads each service's ?singleWsdl document into DIR/production/ and DIR/sandbox/
(file names as under wsdl/v13). Writes nothing unless every download succeeds.

  --base-url URL       replace scheme and host of every URL (keeps the path); requests then
                       carry the original host in X-Forwarded-Host
  --environment ENV    production, sandbox or all (default: all)
";

/// Query that makes a WCF endpoint return its whole contract as one document.
const SINGLE_WSDL: &str = "?singleWsdl";

/// WSDL 1.1 namespace; the root element of every downloaded document must be `definitions` in it.
const WSDL_NS: &str = "http://schemas.xmlsoap.org/wsdl/";

/// Whole-request timeout (connect, headers and body); the largest document is about 1.5 MB.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);
/// Refuse bodies larger than this (the largest WSDL is about 1.5 MB today).
const MAX_BODY_BYTES: u64 = 64 * 1024 * 1024;

/// One service: its file name in each environment folder and its endpoint address in each
/// environment, as in the `soap:address` of the checked-in `wsdl/v13` documents
/// (`bingads==13.0.30.1`). The download URL is the address plus [`SINGLE_WSDL`].
struct ServiceWsdl {
    file: &'static str,
    production: &'static str,
    sandbox: &'static str,
}

/// The one table of services, URLs and file names (keep in sync with `wsdl/README.md`).
const SERVICES: [ServiceWsdl; 6] = [
    ServiceWsdl {
        file: "adinsight_service.xml",
        production: "https://adinsight.api.bingads.microsoft.com/Api/Advertiser/AdInsight/V13/AdInsightService.svc",
        sandbox: "https://adinsight.api.sandbox.bingads.microsoft.com/Api/Advertiser/AdInsight/V13/AdInsightService.svc",
    },
    ServiceWsdl {
        file: "bulk_service.xml",
        production: "https://bulk.api.bingads.microsoft.com/Api/Advertiser/CampaignManagement/v13/BulkService.svc",
        sandbox: "https://bulk.api.sandbox.bingads.microsoft.com/Api/Advertiser/CampaignManagement/v13/BulkService.svc",
    },
    ServiceWsdl {
        file: "campaignmanagement_service.xml",
        production: "https://campaign.api.bingads.microsoft.com/Api/Advertiser/CampaignManagement/v13/CampaignManagementService.svc",
        sandbox: "https://campaign.api.sandbox.bingads.microsoft.com/Api/Advertiser/CampaignManagement/v13/CampaignManagementService.svc",
    },
    ServiceWsdl {
        file: "customerbilling_service.xml",
        production: "https://clientcenter.api.bingads.microsoft.com/Api/Billing/v13/CustomerBillingService.svc",
        sandbox: "https://clientcenter.api.sandbox.bingads.microsoft.com/Api/Billing/v13/CustomerBillingService.svc",
    },
    ServiceWsdl {
        file: "customermanagement_service.xml",
        production: "https://clientcenter.api.bingads.microsoft.com/Api/CustomerManagement/v13/CustomerManagementService.svc",
        sandbox: "https://clientcenter.api.sandbox.bingads.microsoft.com/Api/CustomerManagement/v13/CustomerManagementService.svc",
    },
    ServiceWsdl {
        file: "reporting_service.xml",
        production: "https://reporting.api.bingads.microsoft.com/Api/Advertiser/Reporting/v13/ReportingService.svc",
        sandbox: "https://reporting.api.sandbox.bingads.microsoft.com/Api/Advertiser/Reporting/v13/ReportingService.svc",
    },
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Environment {
    Production,
    Sandbox,
}

impl Environment {
    const ALL: [Environment; 2] = [Environment::Production, Environment::Sandbox];

    /// Folder name, as in `wsdl/v13/<name>/` and `codegen::ENVIRONMENTS`.
    fn name(self) -> &'static str {
        match self {
            Environment::Production => "production",
            Environment::Sandbox => "sandbox",
        }
    }

    fn endpoint(self, service: &ServiceWsdl) -> &'static str {
        match self {
            Environment::Production => service.production,
            Environment::Sandbox => service.sandbox,
        }
    }
}

#[derive(Debug)]
struct Options {
    dir: PathBuf,
    base_url: Option<String>,
    environments: Vec<Environment>,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut dir = None;
    let mut base_url = None;
    let mut environments = Environment::ALL.to_vec();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| iter.next().cloned())
                .ok_or_else(|| format!("{name} needs a value\n\n{USAGE}"))
        };
        match flag {
            "--base-url" => base_url = Some(normalize_base_url(&value("--base-url")?)?),
            "--environment" => {
                environments = match value("--environment")?.as_str() {
                    "production" => vec![Environment::Production],
                    "sandbox" => vec![Environment::Sandbox],
                    "all" => Environment::ALL.to_vec(),
                    other => {
                        return Err(format!(
                            "--environment must be production, sandbox or all, not `{other}`"
                        ));
                    }
                }
            }
            f if f.starts_with('-') => return Err(format!("unknown option `{f}`\n\n{USAGE}")),
            _ if dir.is_none() => dir = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument `{arg}`\n\n{USAGE}")),
        }
    }
    let dir = dir.ok_or_else(|| format!("missing DIR\n\n{USAGE}"))?;
    Ok(Options {
        dir,
        base_url,
        environments,
    })
}

/// Checks a `--base-url` and removes any trailing `/` so endpoint paths can be appended.
fn normalize_base_url(url: &str) -> Result<String, String> {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .ok_or_else(|| format!("--base-url must start with http:// or https://, got `{url}`"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(format!("--base-url has no host: `{url}`"));
    }
    if url.contains(['?', '#']) {
        return Err(format!(
            "--base-url must not have a query or fragment: `{url}`"
        ));
    }
    Ok(url.trim_end_matches('/').to_string())
}

/// Splits `https://host/path` into host and path (the path keeps its leading `/`).
fn host_and_path(endpoint: &str) -> (&str, &str) {
    let rest = endpoint
        .split_once("://")
        .map_or(endpoint, |(_, rest)| rest);
    match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, "/"),
    }
}

/// One document to download.
#[derive(Debug)]
struct Download {
    environment: Environment,
    file: &'static str,
    url: String,
    /// Original host, sent as `X-Forwarded-Host` when `--base-url` redirected the request.
    forwarded_host: Option<&'static str>,
}

impl Download {
    /// Where the document goes, relative to DIR (for messages).
    fn relative_path(&self) -> String {
        format!("{}/{}", self.environment.name(), self.file)
    }
}

fn downloads(options: &Options) -> Vec<Download> {
    let mut out = Vec::new();
    for &environment in &options.environments {
        for service in &SERVICES {
            let endpoint = environment.endpoint(service);
            let (url, forwarded_host) = match &options.base_url {
                None => (format!("{endpoint}{SINGLE_WSDL}"), None),
                Some(base) => {
                    let (host, path) = host_and_path(endpoint);
                    (format!("{base}{path}{SINGLE_WSDL}"), Some(host))
                }
            };
            out.push(Download {
                environment,
                file: service.file,
                url,
                forwarded_host,
            });
        }
    }
    out
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(REQUEST_TIMEOUT))
        .timeout_connect(Some(CONNECT_TIMEOUT))
        // Report non-2xx ourselves, with the URL.
        .http_status_as_error(false)
        .user_agent(concat!(
            "bingads-rs-xtask/",
            env!("CARGO_PKG_VERSION"),
            " wsdl-fetch"
        ))
        .build()
        .into()
}

/// Downloads one document and checks it is a WSDL; the error names the URL.
fn fetch(agent: &ureq::Agent, download: &Download) -> Result<Vec<u8>, String> {
    let url = &download.url;
    let mut request = agent
        .get(url)
        .header("Accept", "text/xml, application/xml;q=0.9, */*;q=0.1");
    if let Some(host) = download.forwarded_host {
        request = request.header("X-Forwarded-Host", host);
    }
    let mut response = request.call().map_err(|e| format!("{url}: {e}"))?;
    let status = response.status();
    if !status.is_success() {
        let reason = status.canonical_reason().unwrap_or("");
        return Err(format!("{url}: HTTP {} {reason}", status.as_u16())
            .trim_end()
            .to_string());
    }
    let body = response
        .body_mut()
        .with_config()
        .limit(MAX_BODY_BYTES)
        .read_to_vec()
        .map_err(|e| format!("{url}: reading the body failed: {e}"))?;
    check_wsdl(&body).map_err(|e| format!("{url}: {e}"))?;
    Ok(body)
}

/// Accepts only well-formed UTF-8 XML whose root element is `wsdl:definitions`.
fn check_wsdl(body: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(body).map_err(|e| format!("body is not UTF-8: {e}"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let doc = roxmltree::Document::parse(text).map_err(|e| format!("body is not XML: {e}"))?;
    let root = doc.root_element().tag_name();
    if root.name() != "definitions" || root.namespace() != Some(WSDL_NS) {
        let shown = match root.namespace() {
            Some(ns) => format!("{{{ns}}}{}", root.name()),
            None => root.name().to_string(),
        };
        return Err(format!(
            "not a WSDL document: root element is <{shown}>, expected wsdl:definitions"
        ));
    }
    Ok(())
}

/// Writes through a temporary file in the same folder, then renames over the target.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("{}: {e}", path.display())
    })
}

pub fn run(args: &[String]) -> CmdResult {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    }
    let options = parse_args(args)?;
    let downloads = downloads(&options);
    let agent = agent();

    let mut fetched = Vec::new();
    let mut failures = Vec::new();
    for download in &downloads {
        match fetch(&agent, download) {
            Ok(body) => {
                eprintln!(
                    "fetched {} ({} bytes) from {}",
                    download.relative_path(),
                    body.len(),
                    download.url
                );
                fetched.push((download, body));
            }
            Err(message) => {
                eprintln!("failed  {}", download.relative_path());
                failures.push(format!("{}: {message}", download.relative_path()));
            }
        }
    }
    if !failures.is_empty() {
        let mut summary = format!(
            "wsdl-fetch: {} of {} downloads failed; nothing was written to {}",
            failures.len(),
            downloads.len(),
            options.dir.display()
        );
        for failure in &failures {
            summary.push_str("\n  - ");
            summary.push_str(failure);
        }
        return Err(summary);
    }

    for &environment in &options.environments {
        let dir = options.dir.join(environment.name());
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    for (download, body) in &fetched {
        let path = options
            .dir
            .join(download.environment.name())
            .join(download.file);
        write_file(&path, body)?;
    }
    println!(
        "wrote {} WSDL files to {}",
        fetched.len(),
        options.dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn table_matches_checked_in_wsdls() {
        // Every endpoint in the table is the soap:address of the checked-in document.
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../wsdl/v13");
        for environment in Environment::ALL {
            for service in &SERVICES {
                let path = root.join(environment.name()).join(service.file);
                let text = std::fs::read_to_string(&path).unwrap();
                let needle = format!("location=\"{}\"", environment.endpoint(service));
                assert!(text.contains(&needle), "{} lacks {needle}", path.display());
            }
        }
    }

    #[test]
    fn base_url_keeps_path_and_forwards_host() {
        let options = parse_args(&args(&[
            "out",
            "--base-url=http://127.0.0.1:9/",
            "--environment",
            "sandbox",
        ]))
        .unwrap();
        let list = downloads(&options);
        assert_eq!(list.len(), 6);
        let billing = list
            .iter()
            .find(|d| d.file == "customerbilling_service.xml")
            .unwrap();
        assert_eq!(
            billing.url,
            "http://127.0.0.1:9/Api/Billing/v13/CustomerBillingService.svc?singleWsdl"
        );
        assert_eq!(
            billing.forwarded_host,
            Some("clientcenter.api.sandbox.bingads.microsoft.com")
        );
    }

    #[test]
    fn live_urls_without_base() {
        let options = parse_args(&args(&["out"])).unwrap();
        let list = downloads(&options);
        assert_eq!(list.len(), 12);
        assert!(list.iter().any(|d| d.url
            == "https://campaign.api.bingads.microsoft.com/Api/Advertiser/CampaignManagement/v13/CampaignManagementService.svc?singleWsdl"
            && d.forwarded_host.is_none()));
    }

    #[test]
    fn rejects_bad_arguments() {
        assert!(parse_args(&args(&[])).is_err());
        assert!(parse_args(&args(&["a", "b"])).is_err());
        assert!(parse_args(&args(&["a", "--environment", "staging"])).is_err());
        assert!(parse_args(&args(&["a", "--base-url", "ftp://x"])).is_err());
        assert!(parse_args(&args(&["a", "--base-url", "http://x/?q"])).is_err());
        assert!(parse_args(&args(&["a", "--base-url"])).is_err());
    }

    #[test]
    fn checks_wsdl_root() {
        let ok = format!("\u{feff}<?xml version=\"1.0\"?><w:definitions xmlns:w=\"{WSDL_NS}\"/>");
        assert!(check_wsdl(ok.as_bytes()).is_ok());
        assert!(check_wsdl(b"<html><body>maintenance</body></html>").is_err());
        assert!(check_wsdl(b"<definitions>").is_err());
        assert!(check_wsdl(&[0xff, 0xfe]).is_err());
    }
}
