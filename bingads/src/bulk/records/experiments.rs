//! `Experiment` records: a campaign experiment that splits a base campaign's traffic with a
//! trial campaign.
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/bulk_experiment.py`
//! (`BulkExperiment`) and the Microsoft bulk schema page "Experiment".

use bingads_gen::v13::campaign_management::Experiment;

use super::macros::bulk_record;
use crate::bulk::table::{Column, field};
use crate::bulk::values::{BulkDate, Int, Long, Text};

bulk_record! {
    /// An `Experiment`.
    pub struct BulkExperiment = "Experiment" (kind 480, entity experiment: Experiment) {}
    table EXPERIMENT
}

static EXPERIMENT: &[Column<BulkExperiment>] = &[
    field!("Id" => experiment.id, Long),
    // The experiment's status (`Active`, `Paused`, `Graduated`, ...) is text in the API too.
    field!("Status" => experiment.experiment_status, Text),
    field!("Name" => experiment.name, Text),
    field!("Start Date" => experiment.start_date, BulkDate),
    field!("End Date" => experiment.end_date, BulkDate),
    field!("Traffic Split Percent" => experiment.traffic_split_percent, Int),
    field!("Base Campaign Id" => experiment.base_campaign_id, Long),
    field!("Experiment Campaign Id" => experiment.experiment_campaign_id, Long),
    field!("Experiment Type" => experiment.experiment_type, Text),
];
