//! Account-level calendar records: `Data Exclusion` (dates whose conversion data smart
//! bidding ignores) and `Seasonality Adjustment` (dates with an expected conversion-rate
//! change), each limited to campaign types, device types or listed campaigns.
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/bulk_data_exclusion.py` and
//! `bulk_seasonality_adjustment.py` and the Microsoft bulk schema pages of the same names.
//! Dates are `YYYY/MM/DD HH:MM:SS`, filters comma separated, campaign ids `;` separated, as
//! the SDK writes them.

use std::fmt::Write as _;

use bingads_gen::types::{Flags, Nillable};
use bingads_gen::v13::campaign_management as cm;
use bingads_gen::v13::campaign_management::{
    CampaignAssociation, DataExclusion, SeasonalityAdjustment,
};

use super::macros::bulk_record;
use super::media_feeds::FeedDateTime;
use crate::bulk::error::ValueError;
use crate::bulk::table::{Column, field};
use crate::bulk::values::{CellFormat, DELETE_VALUE, Long, Number, Text};

/// `Campaign Type`: campaign types, comma separated (`Search,Shopping`).
pub(crate) struct CampaignTypeFilter;
/// `Device Type`: device types, comma separated (`Computers,Smartphones`).
pub(crate) struct DeviceTypeFilter;
/// `Campaign Associations`: campaign ids, `;` separated.
pub(crate) struct CampaignAssociations;

macro_rules! comma_flags {
    ($fmt:ty, $t:ty) => {
        impl CellFormat<Nillable<Flags<$t>>> for $fmt {
            fn parse(cell: &str) -> Result<Nillable<Flags<$t>>, ValueError> {
                if cell == DELETE_VALUE {
                    return Ok(Nillable::Nil);
                }
                Ok(Nillable::Value(Flags(
                    cell.split(',')
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(<$t>::from_wire)
                        .collect(),
                )))
            }
            fn format(value: &Nillable<Flags<$t>>, out: &mut String) {
                match value {
                    Nillable::Absent => {}
                    Nillable::Nil => out.push_str(DELETE_VALUE),
                    Nillable::Value(flags) => {
                        for (i, f) in flags.0.iter().enumerate() {
                            if i > 0 {
                                out.push(',');
                            }
                            out.push_str(f.as_str());
                        }
                    }
                }
            }
        }
    };
}

comma_flags!(CampaignTypeFilter, cm::CampaignType);
comma_flags!(DeviceTypeFilter, cm::DeviceType);

impl CellFormat<Nillable<Vec<Option<CampaignAssociation>>>> for CampaignAssociations {
    fn parse(cell: &str) -> Result<Nillable<Vec<Option<CampaignAssociation>>>, ValueError> {
        if cell == DELETE_VALUE {
            return Ok(Nillable::Nil);
        }
        cell.split(';')
            .map(|id| {
                id.trim()
                    .parse()
                    .map(|campaign_id| {
                        Some(CampaignAssociation {
                            campaign_id: Some(campaign_id),
                        })
                    })
                    .map_err(|_| ValueError::new("is not a list of campaign ids separated by ;"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Nillable::Value)
    }
    fn format(value: &Nillable<Vec<Option<CampaignAssociation>>>, out: &mut String) {
        match value {
            Nillable::Absent => {}
            Nillable::Nil => out.push_str(DELETE_VALUE),
            Nillable::Value(list) => {
                let ids = list.iter().flatten().filter_map(|a| a.campaign_id);
                for (i, id) in ids.enumerate() {
                    if i > 0 {
                        out.push(';');
                    }
                    let _ = write!(out, "{id}");
                }
            }
        }
    }
}

bulk_record! {
    /// A `Data Exclusion`.
    pub struct BulkDataExclusion = "Data Exclusion" (kind 500, entity exclusion: DataExclusion) {}
    table DATA_EXCLUSION
}

static DATA_EXCLUSION: &[Column<BulkDataExclusion>] = &[
    field!("Id" => exclusion.id, Long),
    field!("Data Exclusion" => exclusion.name, Text),
    field!("Start Date" => exclusion.start_date, FeedDateTime),
    field!("End Date" => exclusion.end_date, FeedDateTime),
    field!("Description" => exclusion.description, Text),
    field!("Campaign Type" => exclusion.campaign_type_filter, CampaignTypeFilter),
    field!("Device Type" => exclusion.device_type_filter, DeviceTypeFilter),
    field!("Campaign Associations" => exclusion.campaign_associations, CampaignAssociations),
];

bulk_record! {
    /// A `Seasonality Adjustment`.
    pub struct BulkSeasonalityAdjustment = "Seasonality Adjustment"
        (kind 501, entity adjustment: SeasonalityAdjustment) {}
    table SEASONALITY_ADJUSTMENT
}

static SEASONALITY_ADJUSTMENT: &[Column<BulkSeasonalityAdjustment>] = &[
    field!("Id" => adjustment.id, Long),
    field!("Seasonality Adjustment" => adjustment.name, Text),
    field!("Start Date" => adjustment.start_date, FeedDateTime),
    field!("End Date" => adjustment.end_date, FeedDateTime),
    field!("Description" => adjustment.description, Text),
    field!("Campaign Type" => adjustment.campaign_type_filter, CampaignTypeFilter),
    field!("Device Type" => adjustment.device_type_filter, DeviceTypeFilter),
    field!("Adjustment Value" => adjustment.adjustment_percentage, Number),
    field!("Campaign Associations" => adjustment.campaign_associations, CampaignAssociations),
];
