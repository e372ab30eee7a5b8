//! REST fault bodies (`{"Type": "...", "TrackingId": ..., ...}`) read into each service's
//! `FaultDetail`, so a test asserts on faults the same way on both wires.

use bingads_gen::json::{self, JsonDecode, JsonPath, JsonValue};
use bingads_gen::v13::{
    ad_insight, bulk, campaign_management, customer_billing, customer_management, reporting,
};

/// A service's fault detail set, read from a REST fault body by its `Type`.
pub trait RestFault: Sized {
    fn from_rest(body: &JsonValue) -> Option<Self>;
}

fn fault_type(body: &JsonValue) -> Option<&str> {
    json::discriminator(body, &JsonPath::new()).ok().flatten()
}

macro_rules! rest_fault {
    ($m:ident: $($variant:ident),*) => {
        impl RestFault for $m::FaultDetail {
            fn from_rest(body: &JsonValue) -> Option<Self> {
                let mut path = JsonPath::new();
                match fault_type(body)? {
                    $(stringify!($variant) => json::read_struct::<$m::$variant>(body, &mut path, &["Type"])
                        .map(Self::$variant)
                        .map_err(|e| panic!("{} body: {e}", stringify!($variant)))
                        .ok(),)*
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
    fn from_rest(body: &JsonValue) -> Option<Self> {
        let mut path = JsonPath::new();
        match fault_type(body)? {
            "AdApiFaultDetail" => json::read_struct(body, &mut path, &["Type"])
                .map(Self::AdApiFaultDetail)
                .ok(),
            "ApiFault" | "ApiBatchFault" => customer_billing::ApiFault::read_json(body, &mut path)
                .map(Self::ApiFault)
                .ok(),
            _ => None,
        }
    }
}
