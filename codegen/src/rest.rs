//! Facts about the REST/JSON form of the API, read from `rest-json.json` in a version
//! folder (extracted from Microsoft's REST client package; see `REST-JSON.md` beside it).
//!
//! The generator needs one fact per concrete type of a polymorphic family: the value of the
//! `Type` discriminator the REST form uses for it (`MaxClicks` for `MaxClicksBiddingScheme`).
//! Types the file does not list use their own XSD name.
//!
//! The runtime needs each service's REST base URL per environment and each operation's
//! route (HTTP method and path); an operation without a route must be listed under
//! `mismatches.operations_without_rest_endpoint`, so a route missing by accident is a
//! generator error rather than an operation that silently cannot be called over REST.

use std::collections::BTreeMap;
use std::path::Path;

use crate::Error;

/// REST facts of one API version.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RestFacts {
    /// Service name → concrete type name → discriminator value.
    discriminators: BTreeMap<String, BTreeMap<String, String>>,
    /// Service name → type name → element name → JSON property name, where the REST form
    /// spells a member differently from the WSDL (`key` → `Key` in .NET KeyValuePairs).
    json_names: BTreeMap<String, BTreeMap<String, BTreeMap<String, String>>>,
    /// Service name → its routes and base URLs.
    routing: BTreeMap<String, RestRouting>,
}

/// Where a service's operations live on the REST wire.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RestRouting {
    /// Environment name → base URL (scheme and host), in name order.
    pub bases: BTreeMap<String, String>,
    /// Operation name → route.
    pub routes: BTreeMap<String, RestRoute>,
    /// Operations the REST API does not serve.
    pub without_route: Vec<String>,
}

/// One operation's REST route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestRoute {
    /// Upper-case HTTP method: `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
    pub method: String,
    /// Absolute path under the base URL, e.g. `/CampaignManagement/v13/Campaigns`.
    pub path: String,
}

const METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE"];

fn parse_routing(service: &str, facts: &serde_json::Value) -> Result<RestRouting, String> {
    let mut routing = RestRouting::default();
    if let Some(bases) = facts.get("rest_base").and_then(|b| b.as_object()) {
        for (env, url) in bases {
            let url = url
                .as_str()
                .filter(|u| u.starts_with("https://"))
                .ok_or_else(|| format!("{service}.rest_base.{env}: not an https URL"))?;
            routing
                .bases
                .insert(env.clone(), url.trim_end_matches('/').to_string());
        }
    }
    if let Some(ops) = facts.get("operations").and_then(|o| o.as_object()) {
        for (name, route) in ops {
            let method = route
                .get("method")
                .and_then(|m| m.as_str())
                .filter(|m| METHODS.contains(m))
                .ok_or_else(|| format!("{service}.operations.{name}: no valid `method`"))?;
            let path = route
                .get("path")
                .and_then(|p| p.as_str())
                .filter(|p| p.starts_with('/'))
                .ok_or_else(|| format!("{service}.operations.{name}: no absolute `path`"))?;
            routing.routes.insert(
                name.clone(),
                RestRoute {
                    method: method.to_string(),
                    path: path.to_string(),
                },
            );
        }
    }
    if let Some(missing) = facts
        .get("mismatches")
        .and_then(|m| m.get("operations_without_rest_endpoint"))
        .and_then(|m| m.as_array())
    {
        for name in missing {
            let name = name.as_str().ok_or_else(|| {
                format!("{service}.mismatches.operations_without_rest_endpoint: not a string")
            })?;
            routing.without_route.push(name.to_string());
        }
    }
    Ok(routing)
}

impl RestFacts {
    /// Reads the facts file; a missing file gives empty facts.
    pub fn load(path: &Path) -> Result<RestFacts, Error> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(RestFacts::default()),
            Err(source) => {
                return Err(Error::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        Self::parse(&text).map_err(|m| Error::Invalid(format!("{}: {m}", path.display())))
    }

    /// Parses `{"services": {"<Service>": {"rest_base": {"<env>": "https://..."},
    /// "operations": {"<Op>": {"method", "path"}}, "discriminators": {"<Base>": {"values":
    /// {"<Concrete>": "<Type value>"}}}}}}`; other keys are ignored.
    pub fn parse(text: &str) -> Result<RestFacts, String> {
        let root: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut discriminators = BTreeMap::new();
        let mut json_names = BTreeMap::new();
        let mut routing = BTreeMap::new();
        let services = root
            .get("services")
            .and_then(|s| s.as_object())
            .ok_or("no `services` object")?;
        for (service, facts) in services {
            let mut map = BTreeMap::new();
            if let Some(families) = facts.get("discriminators").and_then(|d| d.as_object()) {
                for (family, f) in families {
                    let values = f
                        .get("values")
                        .and_then(|v| v.as_object())
                        .ok_or_else(|| format!("{service}.{family}: no `values` object"))?;
                    for (concrete, value) in values {
                        let value = value.as_str().ok_or_else(|| {
                            format!("{service}.{family}.{concrete}: value is not a string")
                        })?;
                        map.insert(concrete.clone(), value.to_string());
                    }
                }
            }
            discriminators.insert(service.clone(), map);
            let mut renames: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
            if let Some(types) = facts.get("json_names").and_then(|d| d.as_object()) {
                for (ty, members) in types {
                    let members = members
                        .as_object()
                        .ok_or_else(|| format!("{service}.json_names.{ty}: not an object"))?;
                    for (element, property) in members {
                        let property = property.as_str().ok_or_else(|| {
                            format!("{service}.json_names.{ty}.{element}: not a string")
                        })?;
                        renames
                            .entry(ty.clone())
                            .or_default()
                            .insert(element.clone(), property.to_string());
                    }
                }
            }
            json_names.insert(service.clone(), renames);
            routing.insert(service.clone(), parse_routing(service, facts)?);
        }
        Ok(RestFacts {
            discriminators,
            json_names,
            routing,
        })
    }

    /// Everything known about one service's JSON form.
    pub fn service(&self, service: &str) -> ServiceRest {
        ServiceRest {
            discriminators: self.discriminators(service),
            json_names: self.json_names(service),
            routing: self.routing.get(service).cloned(),
        }
    }

    /// Type name → element name → JSON property name, for one service.
    pub fn json_names(&self, service: &str) -> BTreeMap<String, BTreeMap<String, String>> {
        self.json_names.get(service).cloned().unwrap_or_default()
    }

    /// Concrete type name → discriminator value for one service.
    pub fn discriminators(&self, service: &str) -> BTreeMap<String, String> {
        self.discriminators
            .get(service)
            .cloned()
            .unwrap_or_default()
    }
}

/// The REST facts of one service, as the emitter and the example builder use them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServiceRest {
    /// Concrete type name → `Type` discriminator value.
    pub discriminators: BTreeMap<String, String>,
    /// Type name → element name → JSON property name (where it differs).
    pub json_names: BTreeMap<String, BTreeMap<String, String>>,
    /// Routes and base URLs; `None` when the facts file does not describe the service.
    pub routing: Option<RestRouting>,
}

impl ServiceRest {
    /// The discriminator of a concrete type: the REST value, or the type's own name.
    pub fn discriminator(&self, type_name: &str) -> String {
        self.discriminators
            .get(type_name)
            .cloned()
            .unwrap_or_else(|| type_name.to_string())
    }

    /// The JSON property name of `element`, declared in type `owner`.
    pub fn member_name(&self, owner: &str, element: &str) -> String {
        self.json_names
            .get(owner)
            .and_then(|m| m.get(element))
            .cloned()
            .unwrap_or_else(|| element.to_string())
    }
}
