//! Cell formats for the criterions whose value is a list of conditions: a webpage's name and
//! its up to three `WebpageCondition`s (slot N of the `… Condition N`, `… Value N` and
//! `… Operator N` columns is condition N), a product scope's up to eight `ProductCondition`s
//! (`Product Condition N`, `Product Value N`), and a criterion's fixed `Bid`, as the bulk
//! schema pages ("Ad Group Dynamic Search Ad Target", "Ad Group Url Target", "Campaign Product
//! Scope") and the official SDK (`entity_to_csv_DSAWebpageParameter`,
//! `_ProductConditionHelper`, `fixed_bid_bulk_str`) write them.
//!
//! A condition exists once one of its cells is set; the slots before it stay `None` (not an
//! empty condition), so a file whose slot 2 is empty writes slot 2 empty again. A condition
//! cannot be cleared (`delete_value` is an error): the conditions are what the criterion is,
//! so the service changes them by deleting the criterion and adding another.

use bingads_gen::types::Nillable;
use bingads_gen::v13::campaign_management::{
    Criterion, CriterionBid, FixedBid, ProductCondition, ProductScope, Webpage, WebpageCondition,
    WebpageConditionOperand, WebpageConditionOperator, WebpageParameter,
};

use super::error::ValueError;
use super::values::{CellFormat, DELETE_VALUE, Text, parse_f64, write_f64};

/// `Bid` of a criterion with a fixed bid (a dynamic search ad target, a product partition):
/// the `FixedBid`'s amount; `delete_value` clears the bid.
pub struct FixedBidAmount;

impl CellFormat<Nillable<CriterionBid>> for FixedBidAmount {
    fn parse(cell: &str) -> Result<Nillable<CriterionBid>, ValueError> {
        if cell == DELETE_VALUE {
            return Ok(Nillable::Nil);
        }
        Ok(Nillable::Value(CriterionBid::FixedBid(FixedBid {
            amount: Some(parse_f64(cell)?),
            ..Default::default()
        })))
    }
    fn format(value: &Nillable<CriterionBid>, out: &mut String) {
        match value {
            Nillable::Nil => out.push_str(DELETE_VALUE),
            Nillable::Value(CriterionBid::FixedBid(FixedBid {
                amount: Some(a), ..
            })) => write_f64(a, out),
            _ => {}
        }
    }
}

fn refuse_delete(cell: &str) -> Result<(), ValueError> {
    if cell == DELETE_VALUE {
        return Err(ValueError::new(
            "cannot be cleared: it is part of what the criterion is (delete the criterion instead)",
        ));
    }
    Ok(())
}

/// Applies `set` to the entry of `list` at `slot`, created (with `None` before it) when
/// missing.
fn with_entry<T: Default + Clone>(
    list: &mut Nillable<Vec<Option<T>>>,
    slot: usize,
    set: impl FnOnce(&mut T),
) {
    let mut items = match std::mem::take(list) {
        Nillable::Value(items) => items,
        _ => Vec::new(),
    };
    if items.len() <= slot {
        items.resize(slot.saturating_add(1), None);
    }
    if let Some(entry) = items.get_mut(slot) {
        set(entry.get_or_insert_with(T::default));
    }
    *list = Nillable::Value(items);
}

fn entry<T>(list: &Nillable<Vec<Option<T>>>, slot: usize) -> Option<&T> {
    match list {
        Nillable::Value(items) => items.get(slot).and_then(Option::as_ref),
        _ => None,
    }
}

/// Applies `set` to the webpage parameter of the criterion, made a webpage when it is
/// another kind (or none yet).
fn with_webpage(slot: &mut Nillable<Criterion>, set: impl FnOnce(&mut WebpageParameter)) {
    let mut page = match std::mem::take(slot) {
        Nillable::Value(Criterion::Webpage(page)) => page,
        _ => Webpage::default(),
    };
    let mut parameter = match std::mem::take(&mut page.parameter) {
        Nillable::Value(parameter) => parameter,
        _ => WebpageParameter::default(),
    };
    set(&mut parameter);
    page.parameter = Nillable::Value(parameter);
    *slot = Nillable::Value(Criterion::Webpage(page));
}

fn webpage(value: &Nillable<Criterion>) -> Option<&WebpageParameter> {
    match value {
        Nillable::Value(Criterion::Webpage(Webpage {
            parameter: Nillable::Value(p),
            ..
        })) => Some(p),
        _ => None,
    }
}

/// `Name` of a webpage criterion: its `CriterionName`; `delete_value` clears it.
pub struct WebpageName;

impl CellFormat<Nillable<Criterion>> for WebpageName {
    fn parse(cell: &str) -> Result<Nillable<Criterion>, ValueError> {
        let mut criterion = Nillable::Absent;
        Self::read_into(&mut criterion, cell)?;
        Ok(criterion)
    }
    fn read_into(slot: &mut Nillable<Criterion>, cell: &str) -> Result<(), ValueError> {
        let name = <Text as CellFormat<Nillable<String>>>::parse(cell)?;
        with_webpage(slot, |p| p.criterion_name = name);
        Ok(())
    }
    fn format(value: &Nillable<Criterion>, out: &mut String) {
        if let Some(p) = webpage(value) {
            <Text as CellFormat<Nillable<String>>>::format(&p.criterion_name, out)
        }
    }
}

/// The webpage condition operands as the SDK reads them: in any case, named as the API does.
fn parse_operand(cell: &str) -> WebpageConditionOperand {
    const KNOWN: [WebpageConditionOperand; 6] = [
        WebpageConditionOperand::Url,
        WebpageConditionOperand::Category,
        WebpageConditionOperand::PageTitle,
        WebpageConditionOperand::PageContent,
        WebpageConditionOperand::CustomLabel,
        WebpageConditionOperand::Unknown,
    ];
    KNOWN
        .into_iter()
        .find(|o| o.as_str().eq_ignore_ascii_case(cell))
        .unwrap_or_else(|| WebpageConditionOperand::from_wire(cell))
}

/// Declares the format of one field of the webpage condition at `SLOT` (0 is the `… 1`
/// column).
macro_rules! webpage_condition_part {
    ($(#[$m:meta])* $name:ident, $field:ident, $parse:expr, $format:expr) => {
        $(#[$m])*
        pub struct $name<const SLOT: usize>;
        impl<const SLOT: usize> CellFormat<Nillable<Criterion>> for $name<SLOT> {
            fn parse(cell: &str) -> Result<Nillable<Criterion>, ValueError> {
                let mut criterion = Nillable::Absent;
                Self::read_into(&mut criterion, cell)?;
                Ok(criterion)
            }
            fn read_into(slot: &mut Nillable<Criterion>, cell: &str) -> Result<(), ValueError> {
                refuse_delete(cell)?;
                let parse: fn(&str) -> _ = $parse;
                let value = parse(cell);
                with_webpage(slot, |p| {
                    with_entry(&mut p.conditions, SLOT, |c: &mut WebpageCondition| c.$field = value)
                });
                Ok(())
            }
            fn format(value: &Nillable<Criterion>, out: &mut String) {
                let Some(condition) = webpage(value).and_then(|p| entry(&p.conditions, SLOT))
                else {
                    return;
                };
                let format: fn(&WebpageCondition, &mut String) = $format;
                format(condition, out)
            }
        }
    };
}

webpage_condition_part!(
    /// `… Condition N` of a webpage criterion: the operand (`Url`, `Category`, `PageTitle`,
    /// `PageContent`, `CustomLabel`), read in any case.
    WebpageOperand, operand, |cell| Some(parse_operand(cell)),
    |c, out| if let Some(o) = &c.operand { out.push_str(o.as_str()) }
);
webpage_condition_part!(
    /// `… Value N` of a webpage criterion: the argument (a URL part, a category, text).
    WebpageArgument, argument, |cell| Nillable::Value(cell.to_string()),
    |c, out| if let Nillable::Value(a) = &c.argument { out.push_str(a) }
);
webpage_condition_part!(
    /// `… Operator N` of a webpage criterion: `Equals` or `Contains`.
    WebpageOperator, operator, |cell| Nillable::Value(WebpageConditionOperator::from_wire(cell)),
    |c, out| if let Nillable::Value(o) = &c.operator { out.push_str(o.as_str()) }
);

/// Applies `set` to the conditions of the criterion, made a product scope when it is another
/// kind (or none yet).
fn with_scope(
    slot: &mut Nillable<Criterion>,
    set: impl FnOnce(&mut Nillable<Vec<Option<ProductCondition>>>),
) {
    let mut scope = match std::mem::take(slot) {
        Nillable::Value(Criterion::ProductScope(scope)) => scope,
        _ => ProductScope::default(),
    };
    set(&mut scope.conditions);
    *slot = Nillable::Value(Criterion::ProductScope(scope));
}

fn scope(value: &Nillable<Criterion>) -> Option<&Nillable<Vec<Option<ProductCondition>>>> {
    match value {
        Nillable::Value(Criterion::ProductScope(s)) => Some(&s.conditions),
        _ => None,
    }
}

/// Declares the format of one field of the product scope condition at `SLOT`.
macro_rules! scope_condition_part {
    ($(#[$m:meta])* $name:ident, $field:ident) => {
        $(#[$m])*
        pub struct $name<const SLOT: usize>;
        impl<const SLOT: usize> CellFormat<Nillable<Criterion>> for $name<SLOT> {
            fn parse(cell: &str) -> Result<Nillable<Criterion>, ValueError> {
                let mut criterion = Nillable::Absent;
                Self::read_into(&mut criterion, cell)?;
                Ok(criterion)
            }
            fn read_into(slot: &mut Nillable<Criterion>, cell: &str) -> Result<(), ValueError> {
                refuse_delete(cell)?;
                let value = Nillable::Value(cell.to_string());
                with_scope(slot, |list| {
                    with_entry(list, SLOT, |c: &mut ProductCondition| c.$field = value)
                });
                Ok(())
            }
            fn format(value: &Nillable<Criterion>, out: &mut String) {
                if let Some(Nillable::Value(v)) =
                    scope(value).and_then(|list| entry(list, SLOT)).map(|c| &c.$field)
                {
                    out.push_str(v)
                }
            }
        }
    };
}

scope_condition_part!(
    /// `Product Condition N` of a product scope: the operand (`Brand`, `CategoryL1`, ...).
    ScopeOperand, operand
);
scope_condition_part!(
    /// `Product Value N` of a product scope: the attribute (the brand, the category, ...).
    ScopeAttribute, attribute
);
