//! Services and operations by name.
//!
//! A service is named by its official name (`CampaignManagementService`), without the
//! `Service` suffix (`CampaignManagement`), or by its module / cargo feature name
//! (`campaign-management`, `campaign_management`), in any case. Operations are named as in
//! the WSDL, in any case.

use bingads_gen::json::{self, JsonOperation};
use bingads_gen::soap::ServiceMeta;
use bingads_gen::v13::{
    ad_insight, bulk, campaign_management, customer_billing, customer_management, reporting,
};

use crate::error::CliError;

/// One service of API v13 with its JSON operation table.
#[derive(Debug)]
pub struct Service {
    pub meta: &'static ServiceMeta,
    /// The module (and cargo feature) name, e.g. `campaign-management`.
    pub module: &'static str,
    pub operations: &'static [JsonOperation],
}

impl Service {
    /// `CampaignManagement` for `CampaignManagementService`.
    pub fn short_name(&self) -> &'static str {
        self.meta
            .name
            .strip_suffix("Service")
            .unwrap_or(self.meta.name)
    }

    /// An operation by name (case-insensitive), or an error naming the closest one.
    pub fn operation(&self, name: &str) -> Result<&'static JsonOperation, CliError> {
        if let Some(op) = json::find(self.operations, name) {
            return Ok(op);
        }
        let names: Vec<&str> = self.operations.iter().map(|o| o.meta.name).collect();
        let mut err = CliError::usage(format!("{} has no operation `{name}`", self.meta.name));
        if let Some(c) = json::closest(name, &names) {
            err = err.hint(format!("did you mean `{c}`?"));
        } else if let Some(c) = names
            .iter()
            .find(|n| n.to_ascii_lowercase().contains(&name.to_ascii_lowercase()))
        {
            err = err.hint(format!("did you mean `{c}`?"));
        }
        Err(err.hint(format!(
            "`bingads operations {}` lists its {} operations",
            self.short_name(),
            names.len()
        )))
    }
}

static SERVICES: [Service; 6] = [
    Service {
        meta: &ad_insight::SERVICE,
        module: "ad-insight",
        operations: ad_insight::JSON_OPERATIONS,
    },
    Service {
        meta: &bulk::SERVICE,
        module: "bulk",
        operations: bulk::JSON_OPERATIONS,
    },
    Service {
        meta: &campaign_management::SERVICE,
        module: "campaign-management",
        operations: campaign_management::JSON_OPERATIONS,
    },
    Service {
        meta: &customer_billing::SERVICE,
        module: "customer-billing",
        operations: customer_billing::JSON_OPERATIONS,
    },
    Service {
        meta: &customer_management::SERVICE,
        module: "customer-management",
        operations: customer_management::JSON_OPERATIONS,
    },
    Service {
        meta: &reporting::SERVICE,
        module: "reporting",
        operations: reporting::JSON_OPERATIONS,
    },
];

/// Every service, in alphabetical order.
pub fn all() -> &'static [Service] {
    &SERVICES
}

/// Lower case without `-`, `_`, spaces and a trailing `service`.
fn normalize(name: &str) -> String {
    let lower: String = name
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | ' ' | '.'))
        .collect::<String>()
        .to_ascii_lowercase();
    match lower.strip_suffix("service") {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => lower,
    }
}

/// A service by any of its names, or an error naming the closest one.
pub fn find(name: &str) -> Result<&'static Service, CliError> {
    let wanted = normalize(name);
    if let Some(s) = SERVICES.iter().find(|s| normalize(s.meta.name) == wanted) {
        return Ok(s);
    }
    let mut err = CliError::usage(format!("unknown service `{name}`"));
    let normalized: Vec<String> = SERVICES.iter().map(|s| normalize(s.meta.name)).collect();
    let known: Vec<&str> = normalized.iter().map(String::as_str).collect();
    let guess = json::closest(&wanted, &known)
        .and_then(|c| known.iter().position(|k| *k == c))
        .or_else(|| {
            // A prefix or part of a name ("campaign", "customer-man").
            let matching: Vec<usize> = (0..known.len())
                .filter(|&i| !wanted.is_empty() && known[i].contains(&wanted))
                .collect();
            (matching.len() == 1).then(|| matching[0])
        });
    if let Some(i) = guess {
        err = err.hint(format!("did you mean `{}`?", SERVICES[i].meta.name));
    }
    let names: Vec<&str> = SERVICES.iter().map(|s| s.short_name()).collect();
    Err(err.hint(format!(
        "the services are {} (`bingads operations` lists them)",
        names.join(", ")
    )))
}

/// A service and one of its operations.
pub fn find_operation(
    service: &str,
    operation: &str,
) -> Result<(&'static Service, &'static JsonOperation), CliError> {
    let s = find(service)?;
    Ok((s, s.operation(operation)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling() {
        for name in [
            "CampaignManagementService",
            "CampaignManagement",
            "campaign-management",
            "campaign_management",
            "CAMPAIGNMANAGEMENTSERVICE",
        ] {
            assert_eq!(find(name).unwrap().meta.name, "CampaignManagementService");
        }
        assert_eq!(find("bulk").unwrap().meta.name, "BulkService");
        let e = find("CampaignManagment").unwrap_err();
        assert!(e.hints[0].contains("CampaignManagementService"), "{e:?}");
        let e = find("customer-billin").unwrap_err();
        assert!(e.hints[0].contains("CustomerBillingService"), "{e:?}");
    }

    #[test]
    fn operations_case_insensitive_with_hints() {
        let s = find("campaign-management").unwrap();
        assert_eq!(
            s.operation("addcampaigns").unwrap().meta.name,
            "AddCampaigns"
        );
        let e = s.operation("AddCampains").unwrap_err();
        assert!(e.hints[0].contains("`AddCampaigns`"), "{e:?}");
    }

    #[test]
    fn all_operations() {
        let n: usize = all().iter().map(|s| s.operations.len()).sum();
        assert_eq!(n, 292);
        for s in all() {
            assert_eq!(s.operations.len(), s.meta.operations.len());
        }
    }
}
