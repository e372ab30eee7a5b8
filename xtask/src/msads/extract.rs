//! Facts read from an unpacked `msads` source distribution, as text: the route of every
//! operation, the HTTP headers the client sets, the API revision it sends, and the `Type`
//! value of every member of every polymorphic family.
//!
//! The package is generated code with a very regular layout (one `*_service_api.py` per
//! service, one model class per file), so line-oriented reading is enough and no Python runs.
//! What counts as a fact is spelled out next to each reader, so a layout change in a newer
//! release shows up as a difference to look at rather than as silently missing facts.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Everything compared with `rest-json.json`.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct MsadsFacts {
    /// Service (`CampaignManagementService`) → its operations and models folder.
    pub services: BTreeMap<String, ServiceFacts>,
    /// Header names the client sets on a REST call (auth headers of every authentication kind
    /// included), each with the file it was read from.
    pub headers: BTreeMap<String, String>,
    /// Media types named for `Accept` / `Content-Type`.
    pub media_types: Vec<String>,
    /// `SDK_API_REVISION` of `bingads/manifest.py`.
    pub api_revision: Option<String>,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct ServiceFacts {
    /// The API file, relative to the package root.
    pub file: String,
    /// Operation (WSDL name) → (HTTP method, path).
    pub routes: BTreeMap<String, (String, String)>,
    /// Polymorphic family → its members' `Type` values.
    pub families: BTreeMap<String, Family>,
}

/// A polymorphic family as the client writes and reads it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Family {
    /// Concrete member type → the `Type` value the client writes for it.
    pub values: BTreeMap<String, String>,
    /// A further `Type` value the client also reads → the member type it reads it as.
    pub decode_aliases: BTreeMap<String, String>,
    /// The model file, relative to the package root.
    pub file: String,
    /// The family this one is an abstract member of (its members count there too).
    pub member_of: Option<String>,
}

/// Reads every fact from the package rooted at `root` (the folder holding `openapi_client`).
pub fn read_package(root: &Path) -> Result<MsadsFacts, String> {
    let api_dir = root.join("openapi_client/api");
    let mut facts = MsadsFacts::default();
    let mut api_files: Vec<_> = fs::read_dir(&api_dir)
        .map_err(|e| format!("{}: {e} (is this an msads package?)", api_dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with("_service_api.py"))
        })
        .collect();
    api_files.sort();
    if api_files.is_empty() {
        return Err(format!("{}: no *_service_api.py files", api_dir.display()));
    }
    for path in api_files {
        let text = read(&path)?;
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .trim_end_matches("_api");
        let service = pascal_case(stem);
        let file = relative(root, &path);
        let routes = routes(&text).map_err(|e| format!("{file}: {e}"))?;
        for (name, value) in quoted_header_assignments(&text, "_header_params[", false) {
            if name == "Accept" || name == "Content-Type" {
                facts.headers.entry(name).or_insert_with(|| file.clone());
            }
            let _ = value;
        }
        for media in quoted_strings(&text).filter(|s| s.starts_with("application/")) {
            if !facts.media_types.contains(&media) {
                facts.media_types.push(media);
            }
        }
        let families = match models_folder(&text) {
            Some(folder) => families(root, &folder)?,
            None => BTreeMap::new(),
        };
        facts.services.insert(
            service,
            ServiceFacts {
                file,
                routes,
                families,
            },
        );
    }
    facts.media_types.sort();
    read_headers(root, &mut facts)?;
    Ok(facts)
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// `campaign_management_service` → `CampaignManagementService`.
fn pascal_case(snake: &str) -> String {
    snake
        .split('_')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// An operation's route: the public method `def add_campaigns(self, add_campaigns_request:
/// AddCampaignsRequest, ...)` names the operation by its request type (the WSDL request
/// element), and `def _add_campaigns_serialize` passes `method='POST'` and
/// `resource_path='/...'` to the API client.
fn routes(text: &str) -> Result<BTreeMap<String, (String, String)>, String> {
    let mut operation_of_method = BTreeMap::new();
    let mut serialized = BTreeMap::new();
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let Some(name) = method_name(line) else {
            continue;
        };
        let body = lines.get(i + 1..).unwrap_or_default();
        if let Some(method) = name
            .strip_prefix('_')
            .and_then(|n| n.strip_suffix("_serialize"))
        {
            let http = body.iter().take_while(|l| method_name(l).is_none());
            let mut verb = None;
            let mut path = None;
            for l in http {
                verb = verb.or_else(|| keyword_string(l, "method="));
                path = path.or_else(|| keyword_string(l, "resource_path="));
            }
            match (verb, path) {
                (Some(v), Some(p)) => {
                    serialized.insert(method.to_string(), (v, p));
                }
                _ => return Err(format!("`def {name}` has no method= and resource_path=")),
            }
        } else if !name.starts_with('_') {
            // The request parameter's type names the operation; an operation whose request
            // has no fields takes a plain `body: Dict[...]`, and its return type names it.
            let signature: Vec<&str> = body
                .iter()
                .take_while(|l| !l.trim_start().starts_with("\"\"\""))
                .copied()
                .collect();
            let request_type = signature.iter().find_map(|l| {
                let (param, ty) = l.trim().trim_end_matches(',').split_once(": ")?;
                (param == format!("{name}_request")).then(|| ty.trim().to_string())
            });
            let from_request =
                request_type.and_then(|t| t.strip_suffix("Request").map(str::to_string));
            let from_response = signature.iter().find_map(|l| {
                let ty = l.trim().strip_prefix(") -> ")?.trim_end_matches(':');
                ty.strip_suffix("Response").map(str::to_string)
            });
            if let Some(operation) = from_request.or(from_response) {
                operation_of_method.insert(name.to_string(), operation);
            }
        }
    }
    let mut out = BTreeMap::new();
    for (method, route) in serialized {
        let operation = operation_of_method
            .get(&method)
            .cloned()
            .unwrap_or_else(|| pascal_case(&method));
        out.insert(operation, route);
    }
    Ok(out)
}

/// `    def name(` → `name`.
fn method_name(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix("def ")?;
    let end = rest.find('(')?;
    rest.get(..end)
}

/// The quoted value after `key` on this line: `method='POST',` → `POST`.
fn keyword_string(line: &str, key: &str) -> Option<String> {
    let rest = line.trim_start().strip_prefix(key)?;
    quoted_strings(rest).next()
}

/// Every single- or double-quoted string on the text, in order.
fn quoted_strings(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        loop {
            let start = rest.find(['\'', '"'])?;
            let quote = rest.get(start..start + 1)?;
            let after = rest.get(start + 1..)?;
            let Some(end) = after.find(quote) else {
                rest = "";
                return None;
            };
            let value = after.get(..end)?.to_string();
            rest = after.get(end + 1..)?;
            if !value.contains('\n') {
                return Some(value);
            }
        }
    })
}

/// `header_params['Api-Revision'] = X` and `'Name': value` (dictionary literal) keys:
/// (name, rest of the line).
///
/// With `only_unconditional`, an assignment right under an `if` that is not about the header
/// itself (`if self.cookie:`) is left out: the API client sets it only when its caller
/// configures one, the SDK never does. (`if 'Accept' not in ...:` keeps a caller's own value,
/// so it counts.) An operation's own headers are set on every branch, so they all count.
fn quoted_header_assignments<'t>(
    text: &'t str,
    subscript: &'t str,
    only_unconditional: bool,
) -> impl Iterator<Item = (String, String)> + 't {
    let mut previous = "";
    text.lines().filter_map(move |line| {
        let before = std::mem::replace(&mut previous, line).trim();
        if only_unconditional && before.starts_with("if ") && !before.contains(" not in ") {
            return None;
        }
        let trimmed = line.trim_start();
        let rest = trimmed.strip_prefix(subscript).or_else(|| {
            // `header_params[...]` also appears prefixed by an object (`_header_params`).
            trimmed
                .find(subscript)
                .and_then(|i| trimmed.get(i + subscript.len()..))
        })?;
        let name = quoted_strings(rest).next()?;
        let value = rest.split_once('=').map(|(_, v)| v.trim().to_string())?;
        Some((name, value))
    })
}

/// Dictionary keys of a `{ 'Name': value, ... }` literal that starts inside `block`.
fn dict_keys(block: &str) -> Vec<String> {
    block
        .lines()
        .filter_map(|line| {
            let trimmed = line.trim();
            let quote = trimmed.chars().next().filter(|c| *c == '\'' || *c == '"')?;
            let inner = trimmed.get(1..)?;
            let end = inner.find(quote)?;
            let after = inner.get(end + 1..)?.trim_start();
            after
                .starts_with(':')
                .then(|| inner.get(..end).map(str::to_string))?
        })
        .collect()
}

/// The text of every `def name(` block in `text` (up to the next `def` at the same or a
/// lower indentation).
fn function_blocks<'t>(text: &'t str, name: &str) -> Vec<&'t str> {
    let mut out = Vec::new();
    let needle = format!("def {name}(");
    let mut offset = 0;
    while let Some(found) = text.get(offset..).and_then(|t| t.find(&needle)) {
        let start = offset + found;
        let after = start + needle.len();
        let end = text
            .get(after..)
            .and_then(|t| {
                t.find("\n    def ")
                    .or_else(|| t.find("\ndef "))
                    .or_else(|| t.find("\nclass "))
            })
            .map_or(text.len(), |e| after + e);
        if let Some(block) = text.get(start..end) {
            out.push(block);
        }
        offset = end;
    }
    out
}

/// Headers set outside the generated API files: the fixed ones of `create_rest_headers`,
/// those of every authentication's `enrich_headers`, the API client's own (`Api-Revision`),
/// and the revision date it sends.
fn read_headers(root: &Path, facts: &mut MsadsFacts) -> Result<(), String> {
    let sources = [
        ("bingads/service_client.py", "create_rest_headers"),
        ("bingads/authorization.py", "enrich_headers"),
    ];
    for (file, function) in sources {
        let text = read(&root.join(file))?;
        let blocks = function_blocks(&text, function);
        if blocks.is_empty() {
            return Err(format!("{file}: no `def {function}`"));
        }
        for block in blocks {
            for name in dict_keys(block) {
                facts
                    .headers
                    .entry(name)
                    .or_insert_with(|| file.to_string());
            }
        }
    }
    let client = "openapi_client/api_client.py";
    let text = read(&root.join(client))?;
    for (name, _) in quoted_header_assignments(&text, "header_params[", true) {
        facts
            .headers
            .entry(name)
            .or_insert_with(|| client.to_string());
    }
    let manifest = read(&root.join("bingads/manifest.py"))?;
    facts.api_revision = manifest.lines().find_map(|l| {
        let rest = l.trim().strip_prefix("SDK_API_REVISION")?.trim_start();
        quoted_strings(rest.strip_prefix('=')?).next()
    });
    Ok(())
}

/// The models folder an API file imports its request types from
/// (`from openapi_client.models.campaign.add_campaigns_request import ...` → `campaign`).
fn models_folder(api_text: &str) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for line in api_text.lines() {
        let folder = line
            .trim()
            .strip_prefix("from openapi_client.models.")
            .and_then(|rest| rest.split_once('.'));
        if let Some((folder, _)) = folder {
            *counts.entry(folder).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(f, _)| f.to_string())
}

/// Every model class of `folder` with a `type_mapping = [('Class', 'Value'), ...]` list: the
/// first pair of a class is the value the client writes, a later pair for the same class is
/// a value it also reads. A member that is itself such a family (an abstract intermediate,
/// e.g. `SharedList` under `SharedEntity`) stands for its own members, and `<Family>Base`
/// (the client's name for the instantiable WSDL base type) is the family's own type.
fn families(root: &Path, folder: &str) -> Result<BTreeMap<String, Family>, String> {
    let dir = root.join("openapi_client/models").join(folder);
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    paths.sort();
    let mut raw: RawMappings = BTreeMap::new();
    for path in paths {
        let text = read(&path)?;
        let Some(start) = text.find("type_mapping = [") else {
            continue;
        };
        let Some(class) = text.lines().find_map(|l| {
            let rest = l.strip_prefix("class ")?;
            rest.get(..rest.find(['(', ':'])?).map(str::to_string)
        }) else {
            continue;
        };
        let list = text.get(start..).unwrap_or_default();
        let list = list
            .get(..list.find(']').unwrap_or(list.len()))
            .unwrap_or_default();
        let pairs = list
            .lines()
            .filter_map(|l| {
                let mut strings = quoted_strings(l.trim().strip_prefix('(')?);
                Some((strings.next()?, strings.next()?))
            })
            .collect();
        raw.insert(class, (pairs, relative(root, &path)));
    }
    let mut out = BTreeMap::new();
    for (class, (pairs, file)) in &raw {
        let mut family = Family {
            file: file.clone(),
            ..Family::default()
        };
        flatten(class, pairs, &raw, &mut family, 0);
        family.member_of = raw
            .iter()
            .find(|(other, (pairs, _))| *other != class && pairs.iter().any(|(m, _)| m == class))
            .map(|(other, _)| other.clone());
        out.insert(class.clone(), family);
    }
    Ok(out)
}

/// Class → its `type_mapping` pairs and its file.
type RawMappings = BTreeMap<String, (Vec<(String, String)>, String)>;

fn flatten(
    family_name: &str,
    pairs: &[(String, String)],
    raw: &RawMappings,
    into: &mut Family,
    depth: usize,
) {
    for (member, value) in pairs {
        let member = if member.strip_suffix("Base") == Some(family_name) {
            family_name.to_string()
        } else {
            member.clone()
        };
        match raw.get(&member) {
            Some((inner, _)) if member != family_name && depth < 8 => {
                flatten(&member, inner, raw, into, depth + 1)
            }
            _ => match into.values.entry(member) {
                std::collections::btree_map::Entry::Occupied(first) => {
                    into.decode_aliases
                        .insert(value.clone(), first.key().clone());
                }
                std::collections::btree_map::Entry::Vacant(slot) => {
                    slot.insert(value.clone());
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_strings() {
        assert_eq!(
            pascal_case("campaign_management_service"),
            "CampaignManagementService"
        );
        assert_eq!(method_name("    def add_campaigns("), Some("add_campaigns"));
        assert_eq!(
            keyword_string("  method='POST',", "method="),
            Some("POST".into())
        );
        let all: Vec<String> = quoted_strings(r#"('A', "B") 'C"#).collect();
        assert_eq!(all, ["A", "B"]);
        assert_eq!(
            dict_keys("x = {\n 'A': 1,\n \"B-C\": y,\n z: 'no'\n}"),
            ["A", "B-C"]
        );
    }
}
