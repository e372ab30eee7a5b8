//! `criterion_record!`: declares a criterion-backed record at campaign or ad group level (a
//! target criterion, an audience association), with the columns every such record shares
//! (`Status`, `Id`, `Parent Id`, the `Campaign`/`Ad Group` names and, for a biddable one,
//! `Bid Adjustment` and `Cashback Percent`), bulk-only fields of its own (`Profile`,
//! `Audience`) and its kind's columns.
//!
//! Source: the official Python SDK's `BulkCampaignBiddableCriterion`,
//! `BulkCampaignNegativeCriterion`, `BulkAdGroupBiddableCriterion` and
//! `BulkAdGroupNegativeCriterion` (`bingads/v13/bulk/entities/target_criterions/`), whose
//! mappings every target criterion and audience association extends.

/// `criterion_record!(/// docs  BulkX = "X Type", kind N, table T, campaign|ad_group,
/// biddable|biddable_without_adjustment|negative, { extra fields }, [own columns])`
macro_rules! criterion_record {
    (
        $(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, table $table:ident,
        campaign, $polarity:ident,
        { $($(#[$fm:meta])* pub $f:ident: $t:ty,)* }
        [$($own:expr),* $(,)?]
    ) => {
        $crate::bulk::records::criterion_record::criterion_record!(@record
            $(#[$m])* $name = $type, $kind, $table, $polarity,
            campaign: bingads_gen::v13::campaign_management::BiddableCampaignCriterion,
            bingads_gen::v13::campaign_management::NegativeCampaignCriterion,
            { $($(#[$fm])* pub $f: $t,)* }
            [
                field!("Status" => criterion.status, Enum),
                field!("Id" => criterion.id, Long),
                field!("Parent Id" => criterion.campaign_id, Long),
                col!("Campaign" => campaign_name, Text),
            ]
            [$($own,)*]
        );
    };
    (
        $(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, table $table:ident,
        ad_group, $polarity:ident,
        { $($(#[$fm:meta])* pub $f:ident: $t:ty,)* }
        [$($own:expr),* $(,)?]
    ) => {
        $crate::bulk::records::criterion_record::criterion_record!(@record
            $(#[$m])* $name = $type, $kind, $table, $polarity,
            ad_group: bingads_gen::v13::campaign_management::BiddableAdGroupCriterion,
            bingads_gen::v13::campaign_management::NegativeAdGroupCriterion,
            {
                /// `Ad Group`: the ad group's name.
                pub ad_group_name: Option<String>,
                $($(#[$fm])* pub $f: $t,)*
            }
            [
                field!("Status" => criterion.status, Enum),
                field!("Id" => criterion.id, Long),
                field!("Parent Id" => criterion.ad_group_id, Long),
                col!("Campaign" => campaign_name, Text),
                col!("Ad Group" => ad_group_name, Text),
            ]
            [$($own,)*]
        );
    };
    (@record
        $(#[$m:meta])* $name:ident = $type:literal, $kind:literal, $table:ident, biddable,
        $level:ident: $biddable:ty, $negative:ty,
        { $($fields:tt)* } [$($shared:expr),* $(,)?] [$($own:expr),* $(,)?]
    ) => {
        $crate::bulk::records::criterion_record::criterion_record!(@emit
            $(#[$m])* $name = $type, $kind, $table, $biddable, { $($fields)* }
            [
                $($shared,)*
                field!("Bid Adjustment" => criterion.criterion_bid, BidAdjustment),
                field!("Cashback Percent" => criterion.criterion_cashback, CashbackPercent),
                $($own,)*
            ]
        );
    };
    // A biddable criterion whose record maps no bid adjustment (a webpage target, a product
    // scope): its own columns say what, if anything, it bids.
    (@record
        $(#[$m:meta])* $name:ident = $type:literal, $kind:literal, $table:ident,
        biddable_without_adjustment,
        $level:ident: $biddable:ty, $negative:ty,
        { $($fields:tt)* } [$($shared:expr),* $(,)?] [$($own:expr),* $(,)?]
    ) => {
        $crate::bulk::records::criterion_record::criterion_record!(@emit
            $(#[$m])* $name = $type, $kind, $table, $biddable, { $($fields)* }
            [$($shared,)* $($own,)*]
        );
    };
    (@record
        $(#[$m:meta])* $name:ident = $type:literal, $kind:literal, $table:ident, negative,
        $level:ident: $biddable:ty, $negative:ty,
        { $($fields:tt)* } [$($shared:expr),* $(,)?] [$($own:expr),* $(,)?]
    ) => {
        $crate::bulk::records::criterion_record::criterion_record!(@emit
            $(#[$m])* $name = $type, $kind, $table, $negative, { $($fields)* }
            [$($shared,)* $($own,)*]
        );
    };
    (@emit
        $(#[$m:meta])* $name:ident = $type:literal, $kind:literal, $table:ident, $ety:ty,
        { $($(#[$fm:meta])* pub $f:ident: $t:ty,)* } [$($column:expr),* $(,)?]
    ) => {
        bulk_record! {
            $(#[$m])*
            pub struct $name = $type (kind $kind, entity criterion: $ety) {
                /// `Campaign`: the campaign's name.
                pub campaign_name: Option<String>,
                $($(#[$fm])* pub $f: $t,)*
            }
            table $table
        }
        static $table: &[Column<$name>] = &[$($column,)*];
    };
}

pub(crate) use criterion_record;
