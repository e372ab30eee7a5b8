//! Links from generated items to Microsoft Learn's API reference.
//!
//! Microsoft publishes one page per operation, data object and value set, named after the
//! lowercased schema name in the service's folder (`campaign-management-service/addcampaigns`).
//! The pages that exist are recorded in `wsdl/<version>/reference-pages.txt` (from the docs
//! repository's file list, with its commit); names whose page is named otherwise, or that have
//! no page of their own, are listed in `reference-exceptions.txt`. A generated item with
//! neither fails generation, so every link in the generated code points at a recorded page.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use heck::ToKebabCase;

use crate::Error;

/// Where Microsoft Learn publishes the v13 reference (`?view=` selects the API version).
const LEARN_BASE: &str = "https://learn.microsoft.com/en-us/advertising";

/// The reference pages of one API version and the names that do not follow the rule.
#[derive(Debug, Clone, Default)]
pub struct ReferencePages {
    /// `<service folder>/<page>` of every recorded page.
    pages: BTreeSet<String>,
    /// (service folder, schema name) → page in that folder.
    exceptions: BTreeMap<(String, String), String>,
    /// The `?view=` moniker of the version (`bingads-13`).
    view: String,
}

/// What kind of page an item links to: operations have a REST and a SOAP view of one page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Operation,
    Type,
}

impl ReferencePages {
    /// Reads `reference-pages.txt` and `reference-exceptions.txt` of a version folder; a
    /// version without them has no links (an empty set, which generation then reports).
    pub fn load(dir: &Path, version: &str) -> Result<ReferencePages, Error> {
        let read = |name: &str| -> Result<String, Error> {
            let path = dir.join(name);
            if !path.exists() {
                return Ok(String::new());
            }
            std::fs::read_to_string(&path).map_err(|source| Error::Io { path, source })
        };
        let view = format!("bingads-{}", version.trim_start_matches('v'));
        Self::parse(
            &read("reference-pages.txt")?,
            &read("reference-exceptions.txt")?,
            view,
        )
        .map_err(Error::Invalid)
    }

    /// Parses the two files: pages one per line; exceptions as `<service folder> <Name> <page>`.
    /// `#` starts a comment in both.
    pub fn parse(pages: &str, exceptions: &str, view: String) -> Result<ReferencePages, String> {
        let lines = |text: &'_ str| {
            text.lines()
                .map(|l| l.split('#').next().unwrap_or_default().trim().to_string())
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
        };
        let pages: BTreeSet<String> = lines(pages).into_iter().collect();
        let mut map = BTreeMap::new();
        for line in lines(exceptions) {
            let parts: Vec<&str> = line.split_whitespace().collect();
            let [folder, name, page] = parts.as_slice() else {
                return Err(format!(
                    "reference-exceptions.txt: `{line}` is not `<service folder> <Name> <page>`"
                ));
            };
            if !pages.contains(&format!("{folder}/{page}")) {
                return Err(format!(
                    "reference-exceptions.txt: {folder}/{page} (for {name}) is not a recorded page"
                ));
            }
            map.insert((folder.to_string(), name.to_string()), page.to_string());
        }
        Ok(ReferencePages {
            pages,
            exceptions: map,
            view,
        })
    }

    /// Whether no page is recorded (a version folder without `reference-pages.txt`, as in the
    /// generator's own tests): then generated items carry no links.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// The docs folder of a service: `CampaignManagementService` → `campaign-management-service`.
    pub fn service_folder(service: &str) -> String {
        service.to_kebab_case()
    }

    /// The recorded page of `name` in `service`: an exception, else the lowercased name.
    pub fn page(&self, service: &str, name: &str) -> Option<String> {
        let folder = Self::service_folder(service);
        if let Some(page) = self.exceptions.get(&(folder.clone(), name.to_string())) {
            return Some(format!("{folder}/{page}"));
        }
        let page = format!("{folder}/{}", name.to_ascii_lowercase());
        self.pages.contains(&page).then_some(page)
    }

    /// The URL of a recorded page (`service folder/page`), with an optional `#anchor`; an
    /// operation's REST view adds `pivots=rest`.
    pub fn url(&self, page: &str, rest: bool, anchor: Option<&str>) -> String {
        let pivot = if rest { "&pivots=rest" } else { "" };
        let anchor = anchor.map(|a| format!("#{a}")).unwrap_or_default();
        format!("{LEARN_BASE}/{page}?view={}{pivot}{anchor}", self.view)
    }

    /// A doc line linking `name`: operations to their SOAP and REST views, types to their page.
    pub fn doc_line(&self, page: &str, name: &str, kind: PageKind, anchor: Option<&str>) -> String {
        match kind {
            PageKind::Operation => format!(
                " Microsoft Learn: [`{name}`]({}) (SOAP), [REST]({}).",
                self.url(page, false, anchor),
                self.url(page, true, anchor)
            ),
            PageKind::Type => format!(
                " Microsoft Learn: [`{name}`]({}).",
                self.url(page, false, anchor)
            ),
        }
    }
}
