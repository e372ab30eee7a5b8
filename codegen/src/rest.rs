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
        }
        Ok(RestFacts { discriminators })
    }

    /// Concrete type name → discriminator value for one service.
    pub fn discriminators(&self, service: &str) -> BTreeMap<String, String> {
        self.discriminators
            .get(service)
            .cloned()
            .unwrap_or_default()
    }
}
