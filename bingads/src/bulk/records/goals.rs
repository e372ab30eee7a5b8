//! Conversion goal records, one row type per goal kind (`Event Goal`, `URL Goal`, `Duration
//! Goal`, ...): each holds the generated Campaign Management goal type, with the columns every
//! goal shares (status, id, name, attribution, windows, counting, revenue, scope, UET tag)
//! followed by the kind's own columns.
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/goals/` (`BulkConversionGoal`
//! and one `Bulk<Kind>Goal` class per kind) and the Microsoft bulk schema pages of the same
//! names ("Event Goal", "Url Goal", ...). `InStoreVisit Goal` and `Product Goal` have no API
//! type of their own in the v13 WSDL: they hold the base `ConversionGoalBase`.

use bingads_gen::types::{Decimal, Nillable};
use bingads_gen::v13::campaign_management as cm;
use bingads_gen::v13::campaign_management::{
    AppDownloadGoal, AppInstallGoal, ConversionGoalBase, ConversionGoalRevenue, DurationGoal,
    EventGoal, InStoreTransactionGoal, OfflineConversionGoal, PagesViewedPerVisitGoal, UrlGoal,
};

use super::macros::bulk_record;
use super::parts::part_format;
use crate::bulk::table::{Column, field};
use crate::bulk::values::{Bool, Dec, Enum, Int, Long, Text, WireEnum};

macro_rules! wire_enums {
    ($($t:ty),* $(,)?) => {$(
        impl WireEnum for $t {
            fn from_wire(s: &str) -> Self { <$t>::from_wire(s) }
            fn wire_name(&self) -> &str { self.as_str() }
        }
    )*};
}

wire_enums!(
    cm::ConversionGoalStatus,
    cm::AttributionModelType,
    cm::ConversionGoalCountType,
    cm::ConversionGoalCategory,
    cm::ConversionGoalRevenueType,
    cm::ExpressionOperator,
    cm::ValueOperator,
);

part_format!(
    /// `Currency Code`: the revenue's currency.
    RevenueCurrency: ConversionGoalRevenue, currency_code, Text, Nillable<String>
);
part_format!(
    /// `Revenue Value`: the fixed revenue of a conversion.
    RevenueValue: ConversionGoalRevenue, value, Dec, Nillable<Decimal>
);
part_format!(
    /// `Revenue Type` (`FixedValue`, `VariableValue`, `NoValue`).
    RevenueType: ConversionGoalRevenue, type_, Enum, Nillable<cm::ConversionGoalRevenueType>
);

/// Declares a conversion goal record: the shared columns, then the kind's own.
macro_rules! conversion_goal {
    (
        $(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, $ety:ty, table $table:ident,
        [$($own:expr),* $(,)?]
    ) => {
        bulk_record! {
            $(#[$m])*
            pub struct $name = $type (kind $kind, entity goal: $ety) {}
            table $table
        }
        static $table: &[Column<$name>] = &[
            field!("Status" => goal.status, Enum),
            field!("Id" => goal.id, Long),
            field!("Name" => goal.name, Text),
            field!("Attribution Model Type" => goal.attribution_model_type, Enum),
            field!("Conversion Window In Minutes" => goal.conversion_window_in_minutes, Int),
            field!("Count Type" => goal.count_type, Enum),
            field!("Exclude From Bidding" => goal.exclude_from_bidding, Bool),
            field!("Goal Category" => goal.goal_category, Enum),
            field!("Is Enhanced Conversions Enabled" => goal.is_enhanced_conversions_enabled, Bool),
            field!("Currency Code" => goal.revenue, RevenueCurrency),
            field!("Revenue Value" => goal.revenue, RevenueValue),
            field!("Revenue Type" => goal.revenue, RevenueType),
            field!("Scope" => goal.scope, Enum),
            field!("UET Tag Id" => goal.tag_id, Long),
            field!(
                "View Through Conversion Window In Minutes" =>
                goal.view_through_conversion_window_in_minutes, Int
            ),
            $($own,)*
        ];
    };
}

conversion_goal! {
    /// An `Event Goal`: a conversion counted from a UET custom event.
    BulkEventGoal = "Event Goal", kind 420, EventGoal, table EVENT_GOAL,
    [
        field!("Category Expression" => goal.category_expression, Text),
        field!("Category Operator" => goal.category_operator, Enum),
        field!("Action Expression" => goal.action_expression, Text),
        field!("Action Operator" => goal.action_operator, Enum),
        field!("Label Expression" => goal.label_expression, Text),
        field!("Label Operator" => goal.label_operator, Enum),
        field!("Event Value" => goal.value, Dec),
        field!("Event Value Operator" => goal.value_operator, Enum),
    ]
}

conversion_goal! {
    /// An `AppInstall Goal`.
    BulkAppInstallGoal = "AppInstall Goal", kind 421, AppInstallGoal, table APP_INSTALL_GOAL,
    [
        field!("App Platform" => goal.app_platform, Text),
        field!("App Id" => goal.app_store_id, Text),
    ]
}

conversion_goal! {
    /// An `AppDownload Goal`.
    BulkAppDownloadGoal = "AppDownload Goal", kind 422, AppDownloadGoal, table APP_DOWNLOAD_GOAL,
    [
        field!("App Platform" => goal.app_platform, Text),
        field!("App Id" => goal.app_store_id, Text),
    ]
}

conversion_goal! {
    /// A `Duration Goal`: a visit of at least a given length.
    BulkDurationGoal = "Duration Goal", kind 423, DurationGoal, table DURATION_GOAL,
    [field!("Minimum Duration In Second" => goal.minimum_duration_in_seconds, Int)]
}

conversion_goal! {
    /// A `PagesViewedPerVisit Goal`: a visit of at least a given number of pages.
    BulkPagesViewedPerVisitGoal = "PagesViewedPerVisit Goal", kind 424, PagesViewedPerVisitGoal,
    table PAGES_VIEWED_PER_VISIT_GOAL,
    [field!("Minimum Pages Viewed" => goal.minimum_pages_viewed, Int)]
}

conversion_goal! {
    /// A `URL Goal`: a visit to a page whose URL matches.
    BulkUrlGoal = "URL Goal", kind 425, UrlGoal, table URL_GOAL,
    [
        field!("URL Expression" => goal.url_expression, Text),
        field!("URL Operator" => goal.url_operator, Enum),
    ]
}

conversion_goal! {
    /// An `OfflineConversion Goal`: conversions uploaded by the advertiser.
    BulkOfflineConversionGoal = "OfflineConversion Goal", kind 426, OfflineConversionGoal,
    table OFFLINE_CONVERSION_GOAL, []
}

conversion_goal! {
    /// An `InStoreTransaction Goal`.
    BulkInStoreTransactionGoal = "InStoreTransaction Goal", kind 427, InStoreTransactionGoal,
    table IN_STORE_TRANSACTION_GOAL, []
}

conversion_goal! {
    /// An `InStoreVisit Goal` (the base goal type: the WSDL has none of its own).
    BulkInStoreVisitGoal = "InStoreVisit Goal", kind 428, ConversionGoalBase,
    table IN_STORE_VISIT_GOAL, []
}

conversion_goal! {
    /// A `Product Goal` (the base goal type: the WSDL has none of its own).
    BulkProductGoal = "Product Goal", kind 429, ConversionGoalBase, table PRODUCT_GOAL, []
}

bulk_record! {
    /// A `New Customer Acquisition Goal`: the extra conversion value of a new customer.
    pub struct BulkNewCustomerAcquisitionGoal = "New Customer Acquisition Goal"
        (kind 430, entity goal: cm::NewCustomerAcquisitionGoal)
    {
        /// `Target`: the audiences that define new customers, as the service writes them.
        pub target: Option<String>,
    }
    table NEW_CUSTOMER_ACQUISITION_GOAL
}

static NEW_CUSTOMER_ACQUISITION_GOAL: &[Column<BulkNewCustomerAcquisitionGoal>] = &[
    field!("Id" => goal.id, Long),
    crate::bulk::table::col!("Target" => target, Text),
    field!("Additional Conversion Value" => goal.additional_value, Dec),
];
