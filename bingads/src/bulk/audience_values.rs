//! Cell formats for audience columns: a combined list's `Combination Rule`
//! (`And(1,2)&Or(3)&Not(4)`: rules joined by `&`, each an operator and its audience ids) and
//! a product audience's `Product Audience Type` (a list of flags), as the bulk schema pages
//! "Combined List" and "Product Audience" and the official SDK
//! (`combination_rules_to_bulkstring`, `parse_combination_rules`) write them.

use std::fmt::Write as _;

use bingads_gen::types::{Flags, Nillable};
use bingads_gen::v13::campaign_management::{
    CombinationRule, ImpressionBasedEntityType, LogicalOperator, ProductAudienceType,
};

use super::error::ValueError;
use super::values::{CellFormat, DELETE_VALUE, WireEnum};

impl WireEnum for ImpressionBasedEntityType {
    fn from_wire(s: &str) -> Self {
        ImpressionBasedEntityType::from_wire(s)
    }
    fn wire_name(&self) -> &str {
        self.as_str()
    }
}

/// `Combination Rule`: `And(1,2)&Or(3)&Not(4)`; operators in any case, spaces around ids
/// allowed; `delete_value` clears the rules.
pub struct CombinationRules;

impl CellFormat<Nillable<Vec<Option<CombinationRule>>>> for CombinationRules {
    fn parse(cell: &str) -> Result<Nillable<Vec<Option<CombinationRule>>>, ValueError> {
        if cell == DELETE_VALUE {
            return Ok(Nillable::Nil);
        }
        cell.split('&')
            .map(|rule| parse_rule(rule.trim()).map(Some))
            .collect::<Result<Vec<_>, _>>()
            .map(Nillable::Value)
    }
    fn format(value: &Nillable<Vec<Option<CombinationRule>>>, out: &mut String) {
        match value {
            Nillable::Absent => {}
            Nillable::Nil => out.push_str(DELETE_VALUE),
            Nillable::Value(rules) => {
                for (i, rule) in rules.iter().flatten().enumerate() {
                    if i > 0 {
                        out.push('&');
                    }
                    out.push_str(rule.operator.as_str());
                    out.push('(');
                    if let Nillable::Value(ids) = &rule.audience_ids {
                        for (j, id) in ids.iter().enumerate() {
                            if j > 0 {
                                out.push(',');
                            }
                            let _ = write!(out, "{id}");
                        }
                    }
                    out.push(')');
                }
            }
        }
    }
}

/// `And(1,2)`.
fn parse_rule(text: &str) -> Result<CombinationRule, ValueError> {
    let bad = || {
        ValueError::new(format!(
            "{text:?} is not a combination rule like And(1,2), Or(3) or Not(4)"
        ))
    };
    let (operator, rest) = text.split_once('(').ok_or_else(bad)?;
    let ids = rest.strip_suffix(')').ok_or_else(bad)?;
    let operator = [
        LogicalOperator::And,
        LogicalOperator::Or,
        LogicalOperator::Not,
    ]
    .into_iter()
    .find(|o| o.as_str().eq_ignore_ascii_case(operator.trim()))
    .ok_or_else(bad)?;
    let audience_ids = ids
        .split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(|id| id.parse::<i64>().map_err(|_| bad()))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(CombinationRule {
        audience_ids: Nillable::Value(audience_ids),
        operator,
    })
}

/// `Product Audience Type`: `GeneralVisitors`, `ProductSearchers`, `ProductViewers`,
/// `ShoppingCartAbandoners`, `PastBuyers`; several separated by spaces.
pub struct ProductAudienceTypes;

impl CellFormat<Nillable<Flags<ProductAudienceType>>> for ProductAudienceTypes {
    fn parse(cell: &str) -> Result<Nillable<Flags<ProductAudienceType>>, ValueError> {
        if cell == DELETE_VALUE {
            return Ok(Nillable::Nil);
        }
        Ok(Nillable::Value(Flags(
            cell.split([' ', ','])
                .filter(|p| !p.is_empty())
                .map(ProductAudienceType::from_wire)
                .collect(),
        )))
    }
    fn format(value: &Nillable<Flags<ProductAudienceType>>, out: &mut String) {
        match value {
            Nillable::Absent => {}
            Nillable::Nil => out.push_str(DELETE_VALUE),
            Nillable::Value(flags) => {
                for (i, t) in flags.0.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    out.push_str(t.as_str());
                }
            }
        }
    }
}
