//! The bid strategy columns shared by campaigns, ad groups, keywords and portfolio bid
//! strategies: `Bid Strategy Type` picks the `BiddingScheme` variant, and the `Bid Strategy
//! MaxCpc`/`TargetCpa`/... columns fill that variant's fields. Tables list the type column
//! before its part columns, so the variant exists when a part is read.

use bingads_gen::types::Nillable;
use bingads_gen::v13::campaign_management::{self as cm, BiddingScheme as S};

use crate::bulk::error::ValueError;
use crate::bulk::values::{CellFormat, DELETE_VALUE, parse_f64, write_f64};

type Scheme = Nillable<S>;

/// `Bid Strategy Type`: the scheme's name (`MaxClicks`, `InheritFromParent`, ...).
pub struct StrategyType;

fn scheme_named(name: &str) -> S {
    let type_ = Nillable::Value(name.to_string());
    match name {
        "EnhancedCpc" => S::EnhancedCpcBiddingScheme(cm::EnhancedCpcBiddingScheme { type_ }),
        "InheritFromParent" => {
            S::InheritFromParentBiddingScheme(cm::InheritFromParentBiddingScheme {
                type_,
                ..Default::default()
            })
        }
        "MaxConversions" => S::MaxConversionsBiddingScheme(cm::MaxConversionsBiddingScheme {
            type_,
            ..Default::default()
        }),
        "ManualCpc" => S::ManualCpcBiddingScheme(cm::ManualCpcBiddingScheme {
            type_,
            ..Default::default()
        }),
        "ManualCpm" => S::ManualCpmBiddingScheme(cm::ManualCpmBiddingScheme {
            type_,
            ..Default::default()
        }),
        "ManualCpv" => S::ManualCpvBiddingScheme(cm::ManualCpvBiddingScheme { type_ }),
        "TargetCpa" => S::TargetCpaBiddingScheme(cm::TargetCpaBiddingScheme {
            type_,
            ..Default::default()
        }),
        "MaxClicks" => S::MaxClicksBiddingScheme(cm::MaxClicksBiddingScheme {
            type_,
            ..Default::default()
        }),
        "MaxConversionValue" => {
            S::MaxConversionValueBiddingScheme(cm::MaxConversionValueBiddingScheme {
                type_,
                ..Default::default()
            })
        }
        "TargetRoas" => S::TargetRoasBiddingScheme(cm::TargetRoasBiddingScheme {
            type_,
            ..Default::default()
        }),
        "TargetImpressionShare" => {
            S::TargetImpressionShareBiddingScheme(cm::TargetImpressionShareBiddingScheme {
                type_,
                ..Default::default()
            })
        }
        "MaxRoas" => S::MaxRoasBiddingScheme(cm::MaxRoasBiddingScheme {
            type_,
            ..Default::default()
        }),
        "PercentCpc" => S::PercentCpcBiddingScheme(cm::PercentCpcBiddingScheme {
            type_,
            ..Default::default()
        }),
        "Commission" => S::CommissionBiddingScheme(cm::CommissionBiddingScheme {
            type_,
            ..Default::default()
        }),
        "ManualCpa" => S::ManualCpaBiddingScheme(cm::ManualCpaBiddingScheme {
            type_,
            ..Default::default()
        }),
        "CostPerSale" => S::CostPerSaleBiddingScheme(cm::CostPerSaleBiddingScheme {
            type_,
            ..Default::default()
        }),
        other => S::Unknown {
            type_name: other.to_string(),
            base: cm::BiddingSchemeBase { type_ },
        },
    }
}

fn scheme_name(s: &S) -> Option<&str> {
    Some(match s {
        S::BiddingScheme(_) => return None,
        S::EnhancedCpcBiddingScheme(_) => "EnhancedCpc",
        S::InheritFromParentBiddingScheme(_) => "InheritFromParent",
        S::MaxConversionsBiddingScheme(_) => "MaxConversions",
        S::ManualCpcBiddingScheme(_) => "ManualCpc",
        S::ManualCpmBiddingScheme(_) => "ManualCpm",
        S::ManualCpvBiddingScheme(_) => "ManualCpv",
        S::TargetCpaBiddingScheme(_) => "TargetCpa",
        S::MaxClicksBiddingScheme(_) => "MaxClicks",
        S::MaxConversionValueBiddingScheme(_) => "MaxConversionValue",
        S::TargetRoasBiddingScheme(_) => "TargetRoas",
        S::TargetImpressionShareBiddingScheme(_) => "TargetImpressionShare",
        S::MaxRoasBiddingScheme(_) => "MaxRoas",
        S::PercentCpcBiddingScheme(_) => "PercentCpc",
        S::CommissionBiddingScheme(_) => "Commission",
        S::ManualCpaBiddingScheme(_) => "ManualCpa",
        S::CostPerSaleBiddingScheme(_) => "CostPerSale",
        S::Unknown { type_name, .. } => type_name,
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}

impl CellFormat<Scheme> for StrategyType {
    fn parse(cell: &str) -> Result<Scheme, ValueError> {
        Ok(if cell == DELETE_VALUE {
            Nillable::Nil
        } else {
            Nillable::Value(scheme_named(cell))
        })
    }
    fn format(value: &Scheme, out: &mut String) {
        match value {
            Nillable::Value(s) => out.push_str(scheme_name(s).unwrap_or("")),
            Nillable::Nil => out.push_str(DELETE_VALUE),
            Nillable::Absent => {}
        }
    }
}

/// Defines a format for one part of the scheme: which variants carry it and how it reads.
macro_rules! scheme_part {
    ($(#[$m:meta])* $name:ident: $t:ty, $parse:expr, $write:expr, [$($variant:ident . $field:ident),+]) => {
        $(#[$m])*
        pub struct $name;
        impl CellFormat<Scheme> for $name {
            fn parse(cell: &str) -> Result<Scheme, ValueError> {
                let mut scheme = Scheme::Absent;
                Self::read_into(&mut scheme, cell)?;
                Ok(scheme)
            }
            fn read_into(slot: &mut Scheme, cell: &str) -> Result<(), ValueError> {
                let parse: fn(&str) -> Result<$t, ValueError> = $parse;
                let value = if cell == DELETE_VALUE { Nillable::Nil } else { Nillable::Value(parse(cell)?) };
                match slot {
                    $(Nillable::Value(S::$variant(s)) => s.$field = value,)+
                    // The part does not apply to this strategy; the cell is kept in the
                    // source row all the same.
                    _ => {}
                }
                Ok(())
            }
            fn format(value: &Scheme, out: &mut String) {
                let write: fn(&$t, &mut String) = $write;
                let part = match value {
                    $(Nillable::Value(S::$variant(s)) => &s.$field,)+
                    _ => return,
                };
                match part {
                    Nillable::Value(v) => write(v, out),
                    Nillable::Nil => out.push_str(DELETE_VALUE),
                    Nillable::Absent => {}
                }
            }
        }
    };
}

fn parse_bid(s: &str) -> Result<cm::Bid, ValueError> {
    Ok(cm::Bid {
        amount: Nillable::Value(parse_f64(s)?),
    })
}

fn write_bid(b: &cm::Bid, out: &mut String) {
    if let Nillable::Value(a) = &b.amount {
        write_f64(a, out)
    }
}

scheme_part!(
    /// `Inherited Bid Strategy Type` (read-only: what an `InheritFromParent` scheme inherits).
    InheritedType: String, |s| Ok(s.to_string()), |v, out| out.push_str(v),
    [InheritFromParentBiddingScheme.inherited_bid_strategy_type]
);
scheme_part!(
    /// `Bid Strategy MaxCpc`.
    MaxCpc: cm::Bid, parse_bid, write_bid,
    [MaxClicksBiddingScheme.max_cpc, MaxConversionsBiddingScheme.max_cpc, TargetCpaBiddingScheme.max_cpc,
     TargetRoasBiddingScheme.max_cpc, MaxConversionValueBiddingScheme.max_cpc,
     TargetImpressionShareBiddingScheme.max_cpc]
);
scheme_part!(
    /// `Bid Strategy TargetCpa`.
    TargetCpa: f64, parse_f64, write_f64,
    [TargetCpaBiddingScheme.target_cpa, MaxConversionsBiddingScheme.target_cpa]
);
scheme_part!(
    /// `Bid Strategy TargetRoas`.
    TargetRoas: f64, parse_f64, write_f64,
    [TargetRoasBiddingScheme.target_roas, MaxConversionValueBiddingScheme.target_roas]
);
scheme_part!(
    /// `Bid Strategy TargetAdPosition`.
    TargetAdPosition: String, |s| Ok(s.to_string()), |v, out| out.push_str(v),
    [TargetImpressionShareBiddingScheme.target_ad_position]
);
scheme_part!(
    /// `Bid Strategy TargetImpressionShare`.
    TargetImpressionShare: f64, parse_f64, write_f64,
    [TargetImpressionShareBiddingScheme.target_impression_share]
);
