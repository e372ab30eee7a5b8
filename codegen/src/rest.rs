//! Facts about the REST/JSON form of the API, read from `rest-json.json` in a version
//! folder (extracted from Microsoft's REST client package; see `REST-JSON.md` beside it).
//!
//! The generator needs one fact per concrete type of a polymorphic family: the value of the
//! `Type` discriminator the REST form uses for it (`MaxClicks` for `MaxClicksBiddingScheme`).
//! Types the file does not list use their own XSD name.

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

    /// Parses `{"services": {"<Service>": {"discriminators": {"<Base>": {"values":
    /// {"<Concrete>": "<Type value>"}}}}}}`; other keys are ignored.
    pub fn parse(text: &str) -> Result<RestFacts, String> {
        let root: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut discriminators = BTreeMap::new();
        let mut json_names = BTreeMap::new();
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
        }
        Ok(RestFacts {
            discriminators,
            json_names,
        })
    }

    /// Everything known about one service's JSON form.
    pub fn service(&self, service: &str) -> ServiceRest {
        ServiceRest {
            discriminators: self.discriminators(service),
            json_names: self.json_names(service),
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
