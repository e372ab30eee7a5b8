//! REST fault bodies (`{"Type": "...", "TrackingId": ..., ...}`) read into each service's
//! `FaultDetail`, so a test asserts on faults the same way on both wires.

use bingads_gen::json;
use bingads_gen::v13::{
    ad_insight, bulk, campaign_management, customer_billing, customer_management, reporting,
};

/// A service's fault detail set, read from a REST fault body by its `Type`.
pub trait RestFault: Sized {
    fn from_rest(body: &[u8]) -> Option<Self>;
}

fn fault_type(body: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    value.get("Type")?.as_str().map(str::to_string)
}

/// A detail struct from a body that also carries its `Type` (which is no member of it, so
/// the body is read leniently).
fn detail<T: json::JsonRead>(body: &[u8]) -> Option<T> {
    Some(json::from_slice_lenient(body).unwrap_or_else(|e| panic!("fault body: {e}")))
}

macro_rules! rest_fault {
    ($m:ident: $($variant:ident),*) => {
        impl RestFault for $m::FaultDetail {
            fn from_rest(body: &[u8]) -> Option<Self> {
                match fault_type(body)?.as_str() {
                    $(stringify!($variant) => detail::<$m::$variant>(body).map(Self::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

rest_fault!(campaign_management: AdApiFaultDetail, ApiFaultDetail, EditorialApiFaultDetail);
rest_fault!(customer_management: AdApiFaultDetail, ApiFault);
rest_fault!(reporting: AdApiFaultDetail, ApiFaultDetail);
rest_fault!(bulk: AdApiFaultDetail, ApiFaultDetail);
rest_fault!(ad_insight: AdApiFaultDetail, ApiFaultDetail);

impl RestFault for customer_billing::FaultDetail {
    fn from_rest(body: &[u8]) -> Option<Self> {
        match fault_type(body)?.as_str() {
            "AdApiFaultDetail" => detail(body).map(Self::AdApiFaultDetail),
            // A polymorphic family: its `Type` picks the variant.
            "ApiFault" | "ApiBatchFault" => json::from_slice::<customer_billing::ApiFault>(body)
                .map(Self::ApiFault)
                .ok(),
            _ => None,
        }
    }
}
