//! The `Remarketing Rule` cell of a remarketing list: the rule's kind followed by its
//! conditions in parentheses, as the bulk schema page "Remarketing List" describes and the
//! official SDK (`field_to_csv_RemarketingRule`, `csv_to_field_RemarketingRule`) writes it:
//!
//! - `PageVisitors((Url Contains tents) and (ReferrerUrl NotEquals x.com)) or ((…))`: rule
//!   item groups, `or` between groups and `and` within one (disjunctive normal form), or `and`
//!   between and `or` within (conjunctive);
//! - `PageVisitorsWhoVisitedAnotherPage(GROUPS) and (GROUPS)` and
//!   `PageVisitorsWhoDidNotVisitAnotherPage(GROUPS) and not (GROUPS)`, each `GROUPS`
//!   disjunctive: `((item) and (item)) or ((item))`;
//! - `CustomEvents(Action Equals play) and (Category BeginsWith video) and (Label …) and
//!   (Value GreaterThan 10)`.
//!
//! An item is `Operand Operator Value` (`EcommTotalValue` items compare numbers, the others
//! text); values hold no parentheses, which is what lets the parentheses delimit them. Kinds,
//! operands and operators read in any case and are written as the API names them.

use bingads_gen::types::{Decimal, Nillable};
use bingads_gen::v13::campaign_management::{
    CustomEventsRule, NormalForm, NumberOperator, NumberRuleItem, PageVisitorsRule,
    PageVisitorsWhoDidNotVisitAnotherPageRule, PageVisitorsWhoVisitedAnotherPageRule,
    RemarketingRule, RuleItem, RuleItemGroup, StringOperator, StringRuleItem,
};

use super::error::ValueError;
use super::values::{CellFormat, DELETE_VALUE};

/// `Remarketing Rule`: see the module documentation; `delete_value` clears the rule.
pub struct RemarketingRuleText;

type Groups = Nillable<Vec<Option<RuleItemGroup>>>;

const PAGE_VISITORS: &str = "PageVisitors";
const VISITED_ANOTHER: &str = "PageVisitorsWhoVisitedAnotherPage";
const DID_NOT_VISIT_ANOTHER: &str = "PageVisitorsWhoDidNotVisitAnotherPage";
const CUSTOM_EVENTS: &str = "CustomEvents";

impl CellFormat<Nillable<RemarketingRule>> for RemarketingRuleText {
    fn parse(cell: &str) -> Result<Nillable<RemarketingRule>, ValueError> {
        if cell == DELETE_VALUE {
            return Ok(Nillable::Nil);
        }
        let Some((kind, body)) = cell.find('(').and_then(|at| cell.split_at_checked(at)) else {
            return Err(ValueError::new(
                "is not a remarketing rule: its conditions in parentheses are missing",
            ));
        };
        let kind = kind.trim();
        let rule = if kind.eq_ignore_ascii_case(PAGE_VISITORS) {
            page_visitors(body)?
        } else if kind.eq_ignore_ascii_case(VISITED_ANOTHER) {
            let [visited, another] = two_parts(body, "and")?;
            RemarketingRule::PageVisitorsWhoVisitedAnotherPageRule(
                PageVisitorsWhoVisitedAnotherPageRule {
                    type_: Nillable::Value(VISITED_ANOTHER.into()),
                    rule_item_groups: disjunctive_groups(visited)?,
                    another_rule_item_groups: disjunctive_groups(another)?,
                },
            )
        } else if kind.eq_ignore_ascii_case(DID_NOT_VISIT_ANOTHER) {
            let [include, exclude] = two_parts(body, "and not")?;
            RemarketingRule::PageVisitorsWhoDidNotVisitAnotherPageRule(
                PageVisitorsWhoDidNotVisitAnotherPageRule {
                    type_: Nillable::Value(DID_NOT_VISIT_ANOTHER.into()),
                    include_rule_item_groups: disjunctive_groups(include)?,
                    exclude_rule_item_groups: disjunctive_groups(exclude)?,
                },
            )
        } else if kind.eq_ignore_ascii_case(CUSTOM_EVENTS) {
            custom_events(body)?
        } else {
            return Err(ValueError::new(format!(
                "is not a remarketing rule kind ({PAGE_VISITORS}, {VISITED_ANOTHER}, \
                 {DID_NOT_VISIT_ANOTHER} or {CUSTOM_EVENTS}): {kind:?}"
            )));
        };
        Ok(Nillable::Value(rule))
    }

    fn format(value: &Nillable<RemarketingRule>, out: &mut String) {
        let rule = match value {
            Nillable::Absent => return,
            Nillable::Nil => return out.push_str(DELETE_VALUE),
            Nillable::Value(rule) => rule,
        };
        match rule {
            RemarketingRule::PageVisitorsRule(r) => {
                out.push_str(PAGE_VISITORS);
                let conjunctive = matches!(r.normal_form, Nillable::Value(NormalForm::Conjunctive));
                write_groups(&r.rule_item_groups, conjunctive, out);
            }
            RemarketingRule::PageVisitorsWhoVisitedAnotherPageRule(r) => {
                out.push_str(VISITED_ANOTHER);
                out.push('(');
                write_groups(&r.rule_item_groups, false, out);
                out.push_str(") and (");
                write_groups(&r.another_rule_item_groups, false, out);
                out.push(')');
            }
            RemarketingRule::PageVisitorsWhoDidNotVisitAnotherPageRule(r) => {
                out.push_str(DID_NOT_VISIT_ANOTHER);
                out.push('(');
                write_groups(&r.include_rule_item_groups, false, out);
                out.push_str(") and not (");
                write_groups(&r.exclude_rule_item_groups, false, out);
                out.push(')');
            }
            RemarketingRule::CustomEventsRule(r) => {
                out.push_str(CUSTOM_EVENTS);
                write_custom_events(r, out);
            }
            // A rule of no kind (or one this version does not know) has no text, as in the SDK.
            _ => {}
        }
    }
}

/// The parenthesized parts of `text` at the top level and the words between them
/// (`(a) and (b) or (c)` → `["a", "b", "c"]`, `["and", "or"]`).
fn split_parts(text: &str) -> Result<(Vec<&str>, Vec<&str>), ValueError> {
    let bad = |why: &str| ValueError::new(format!("is not a remarketing rule: {why}"));
    let mut parts = Vec::new();
    let mut words = Vec::new();
    let mut depth = 0usize;
    let mut open = 0usize;
    let mut last_close = None::<usize>;
    for (at, c) in text.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    let between = text.get(last_close.map_or(0, |e| e + 1)..at).unwrap_or("");
                    match last_close {
                        None if !between.trim().is_empty() => {
                            return Err(bad("text before the first condition"));
                        }
                        None => {}
                        Some(_) => words.push(between.trim()),
                    }
                    open = at + 1;
                }
                depth += 1;
            }
            ')' => {
                depth = depth
                    .checked_sub(1)
                    .ok_or_else(|| bad("a ')' without its '('"))?;
                if depth == 0 {
                    parts.push(text.get(open..at).unwrap_or(""));
                    last_close = Some(at);
                }
            }
            _ => {}
        }
    }
    if depth != 0 {
        return Err(bad("a '(' without its ')'"));
    }
    let rest = text.get(last_close.map_or(0, |e| e + 1)..).unwrap_or("");
    if parts.is_empty() || !rest.trim().is_empty() {
        return Err(bad("conditions are not all in parentheses"));
    }
    Ok((parts, words))
}

/// The parts of `text`, all joined by `word` (in any case).
fn parts_joined_by<'a>(text: &'a str, word: &str) -> Result<Vec<&'a str>, ValueError> {
    let (parts, words) = split_parts(text)?;
    if let Some(other) = words.iter().find(|w| !w.eq_ignore_ascii_case(word)) {
        return Err(ValueError::new(format!(
            "is not a remarketing rule: {other:?} where {word:?} joins its conditions"
        )));
    }
    Ok(parts)
}

fn two_parts<'a>(text: &'a str, word: &str) -> Result<[&'a str; 2], ValueError> {
    match parts_joined_by(text, word)?.as_slice() {
        [a, b] => Ok([a, b]),
        _ => Err(ValueError::new(format!(
            "is not a remarketing rule: it needs two condition lists joined by {word:?}"
        ))),
    }
}

fn page_visitors(body: &str) -> Result<RemarketingRule, ValueError> {
    let (groups, words) = split_parts(body)?;
    let conjunctive = match words.first() {
        Some(w) if w.eq_ignore_ascii_case("and") => true,
        Some(w) if w.eq_ignore_ascii_case("or") => false,
        Some(w) => {
            return Err(ValueError::new(format!(
                "is not a remarketing rule: {w:?} between rule item groups"
            )));
        }
        // One group: the word within it says the form (`and`: disjunctive, the default).
        None => groups
            .first()
            .map(|g| split_parts(g))
            .transpose()?
            .and_then(|(_, inner)| inner.first().map(|w| w.eq_ignore_ascii_case("or")))
            .unwrap_or(false),
    };
    let (between, within) = if conjunctive {
        ("and", "or")
    } else {
        ("or", "and")
    };
    if let Some(w) = words.iter().find(|w| !w.eq_ignore_ascii_case(between)) {
        return Err(ValueError::new(format!(
            "is not a remarketing rule: {w:?} and {between:?} both join rule item groups"
        )));
    }
    Ok(RemarketingRule::PageVisitorsRule(PageVisitorsRule {
        type_: Nillable::Value(PAGE_VISITORS.into()),
        normal_form: Nillable::Value(if conjunctive {
            NormalForm::Conjunctive
        } else {
            NormalForm::Disjunctive
        }),
        rule_item_groups: groups_of(&groups, within)?,
    }))
}

/// `((item) and (item)) or ((item))`.
fn disjunctive_groups(text: &str) -> Result<Groups, ValueError> {
    groups_of(&parts_joined_by(text, "or")?, "and")
}

fn groups_of(groups: &[&str], within: &str) -> Result<Groups, ValueError> {
    groups
        .iter()
        .map(|g| {
            let items = parts_joined_by(g, within)?
                .into_iter()
                .map(|item| rule_item(item).map(Some))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Some(RuleItemGroup {
                items: Nillable::Value(items),
            }))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Nillable::Value)
}

/// `Operand Operator Value` (the value may hold spaces).
fn item_words(item: &str) -> Result<(&str, &str, &str), ValueError> {
    let bad = || {
        ValueError::new(format!(
            "is not a remarketing rule: {item:?} is not \"Operand Operator Value\""
        ))
    };
    let (operand, rest) = item.trim_start().split_once(' ').ok_or_else(bad)?;
    let (operator, value) = rest.split_once(' ').ok_or_else(bad)?;
    Ok((operand, operator, value))
}

fn string_operator(word: &str) -> StringOperator {
    StringOperator::ALL
        .iter()
        .find(|o| o.as_str().eq_ignore_ascii_case(word))
        .cloned()
        .unwrap_or_else(|| StringOperator::from_wire(word))
}

fn number_operator(word: &str) -> NumberOperator {
    NumberOperator::ALL
        .iter()
        .find(|o| o.as_str().eq_ignore_ascii_case(word))
        .cloned()
        .unwrap_or_else(|| NumberOperator::from_wire(word))
}

fn rule_item(item: &str) -> Result<RuleItem, ValueError> {
    let (operand, operator, value) = item_words(item)?;
    // The one numeric operand; every other compares text, as in the SDK's grammar.
    Ok(if operand.eq_ignore_ascii_case("EcommTotalValue") {
        RuleItem::NumberRuleItem(NumberRuleItem {
            type_: Nillable::Value("Number".into()),
            operand: Nillable::Value("EcommTotalValue".into()),
            operator: Some(number_operator(operator)),
            value: Nillable::Value(value.to_string()),
        })
    } else {
        RuleItem::StringRuleItem(StringRuleItem {
            type_: Nillable::Value("String".into()),
            operand: Nillable::Value(operand.to_string()),
            operator: Some(string_operator(operator)),
            value: Nillable::Value(value.to_string()),
        })
    })
}

fn custom_events(body: &str) -> Result<RemarketingRule, ValueError> {
    let mut rule = CustomEventsRule {
        type_: Nillable::Value(CUSTOM_EVENTS.into()),
        ..Default::default()
    };
    for item in parts_joined_by(body, "and")? {
        let (operand, operator, value) = item_words(item)?;
        let text = Nillable::Value(value.to_string());
        if operand.eq_ignore_ascii_case("Action") {
            rule.action_operator = Some(string_operator(operator));
            rule.action = text;
        } else if operand.eq_ignore_ascii_case("Category") {
            rule.category_operator = Some(string_operator(operator));
            rule.category = text;
        } else if operand.eq_ignore_ascii_case("Label") {
            rule.label_operator = Some(string_operator(operator));
            rule.label = text;
        } else if operand.eq_ignore_ascii_case("Value") {
            rule.value_operator = Some(number_operator(operator));
            rule.value = Nillable::Value(Decimal::parse(value.trim()).ok_or_else(|| {
                ValueError::new(format!(
                    "is not a remarketing rule: the event value {value:?} is not a number"
                ))
            })?);
        } else {
            return Err(ValueError::new(format!(
                "is not a remarketing rule: {operand:?} is not Action, Category, Label or Value"
            )));
        }
    }
    Ok(RemarketingRule::CustomEventsRule(rule))
}

fn write_groups(groups: &Groups, conjunctive: bool, out: &mut String) {
    let (between, within) = if conjunctive {
        (" and ", " or ")
    } else {
        (" or ", " and ")
    };
    let Nillable::Value(groups) = groups else {
        return;
    };
    for (g, group) in groups.iter().flatten().enumerate() {
        if g > 0 {
            out.push_str(between);
        }
        out.push('(');
        if let Nillable::Value(items) = &group.items {
            for (i, item) in items.iter().flatten().enumerate() {
                if i > 0 {
                    out.push_str(within);
                }
                write_item(item, out);
            }
        }
        out.push(')');
    }
}

fn write_item(item: &RuleItem, out: &mut String) {
    let (operand, operator, value) = match item {
        RuleItem::StringRuleItem(i) => (
            &i.operand,
            i.operator.as_ref().map(|o| o.as_str()),
            &i.value,
        ),
        RuleItem::NumberRuleItem(i) => (
            &i.operand,
            i.operator.as_ref().map(|o| o.as_str()),
            &i.value,
        ),
        _ => return,
    };
    out.push('(');
    out.push_str(operand.value().map_or("", String::as_str));
    out.push(' ');
    out.push_str(operator.unwrap_or(""));
    out.push(' ');
    out.push_str(value.value().map_or("", String::as_str));
    out.push(')');
}

fn write_custom_events(rule: &CustomEventsRule, out: &mut String) {
    let mut first = true;
    let mut item = |operand: &str, operator: Option<&str>, value: Option<&str>| {
        // The SDK writes an event part only when it has both an operator and a value.
        let (Some(operator), Some(value)) = (operator, value) else {
            return;
        };
        if !first {
            out.push_str(" and ");
        }
        first = false;
        out.push('(');
        out.push_str(operand);
        out.push(' ');
        out.push_str(operator);
        out.push(' ');
        out.push_str(value);
        out.push(')');
    };
    let op = |o: &Option<StringOperator>| o.as_ref().map(|o| o.as_str().to_string());
    let action_op = op(&rule.action_operator);
    let category_op = op(&rule.category_operator);
    let label_op = op(&rule.label_operator);
    item(
        "Action",
        action_op.as_deref(),
        rule.action.value().map(String::as_str),
    );
    item(
        "Category",
        category_op.as_deref(),
        rule.category.value().map(String::as_str),
    );
    item(
        "Label",
        label_op.as_deref(),
        rule.label.value().map(String::as_str),
    );
    item(
        "Value",
        rule.value_operator.as_ref().map(|o| o.as_str()),
        rule.value.value().map(Decimal::as_str),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(cell: &str) -> Nillable<RemarketingRule> {
        RemarketingRuleText::parse(cell).unwrap_or_else(|e| panic!("{cell:?}: {e}"))
    }

    fn written(rule: &Nillable<RemarketingRule>) -> String {
        let mut out = String::new();
        RemarketingRuleText::format(rule, &mut out);
        out
    }

    /// The strings the official SDK writes (`sdk_conditions.csv`, `sdk_audiences.csv`), and
    /// more shapes of the same grammar: each reads and writes back unchanged.
    #[test]
    fn sdk_rule_strings_round_trip() {
        for cell in [
            "PageVisitors((Url Contains tents) or (ReferrerUrl NotEquals x.com)) and ((EcommTotalValue GreaterThan 100))",
            "PageVisitors((Url BeginsWith https://contoso.com/a b))",
            "PageVisitors((Url Contains tents)) or ((Url BeginsWith https://contoso))",
            "PageVisitors((Url Contains a) and (EcommCategory Equals b)) or ((Action Equals c))",
            "PageVisitors((Url Contains a) or (Url Contains b))",
            "PageVisitorsWhoVisitedAnotherPage(((Url Contains tents)) or ((Url Contains stoves))) and (((Url EndsWith /checkout) and (EcommPageType Equals cart)))",
            "PageVisitorsWhoDidNotVisitAnotherPage(((Url Contains tents))) and not (((Url DoesNotContain thanks)) or ((Action Equals buy)))",
            "CustomEvents(Action Equals play) and (Category BeginsWith video) and (Label Contains trailer) and (Value GreaterThanEqualTo 12.5)",
            "CustomEvents(Value LessThan 3)",
            "PageVisitors((Url Equals ))",
        ] {
            assert_eq!(written(&read(cell)), cell);
        }
    }

    #[test]
    fn a_conjunctive_page_visitors_rule_reads_into_its_groups() {
        let Nillable::Value(RemarketingRule::PageVisitorsRule(rule)) = read(
            "PageVisitors((Url Contains tents) or (ReferrerUrl NotEquals x.com)) and ((EcommTotalValue GreaterThan 100))",
        ) else {
            panic!("not a page visitors rule")
        };
        assert_eq!(rule.normal_form, Nillable::Value(NormalForm::Conjunctive));
        let groups = rule.rule_item_groups.value().expect("groups");
        assert_eq!(groups.len(), 2);
        let first = groups[0]
            .as_ref()
            .and_then(|g| g.items.value())
            .expect("items");
        assert_eq!(
            first[1],
            Some(RuleItem::StringRuleItem(StringRuleItem {
                type_: Nillable::Value("String".into()),
                operand: Nillable::Value("ReferrerUrl".into()),
                operator: Some(StringOperator::NotEquals),
                value: Nillable::Value("x.com".into()),
            }))
        );
        let second = groups[1]
            .as_ref()
            .and_then(|g| g.items.value())
            .expect("items");
        assert_eq!(
            second[0],
            Some(RuleItem::NumberRuleItem(NumberRuleItem {
                type_: Nillable::Value("Number".into()),
                operand: Nillable::Value("EcommTotalValue".into()),
                operator: Some(NumberOperator::GreaterThan),
                value: Nillable::Value("100".into()),
            }))
        );
    }

    #[test]
    fn kinds_and_operators_read_in_any_case() {
        assert_eq!(
            written(&read("pagevisitors((Url contains tents))")),
            "PageVisitors((Url Contains tents))"
        );
        assert_eq!(
            written(&read(
                "customevents(action equals play) AND (value lessthan 2)"
            )),
            "CustomEvents(Action Equals play) and (Value LessThan 2)"
        );
    }

    #[test]
    fn malformed_rules_are_errors() {
        for cell in [
            "",
            "PageVisitors",
            "(Url Contains x)",
            "Everyone((Url Contains x))",
            "PageVisitors((Url Contains x)",
            "PageVisitors((Url Contains x)))",
            "PageVisitors((Url Contains x)) and ((Url Contains y)) or ((Url Contains z))",
            "PageVisitors((Url))",
            "PageVisitors(Url Contains x) trailing",
            "PageVisitorsWhoVisitedAnotherPage(((Url Contains x)))",
            "PageVisitorsWhoDidNotVisitAnotherPage(((Url Contains x))) and (((Url Contains y)))",
            "CustomEvents(Colour Equals red)",
            "CustomEvents(Value GreaterThan lots)",
        ] {
            assert!(RemarketingRuleText::parse(cell).is_err(), "{cell:?}");
        }
    }

    /// Every prefix and every one-character cut of valid rules reads without a panic: a rule
    /// or a typed error.
    #[test]
    fn damaged_rules_read_without_panicking() {
        let rules = [
            "PageVisitors((Url Contains tents) or (ReferrerUrl NotEquals x.com)) and ((EcommTotalValue GreaterThan 100))",
            "PageVisitorsWhoVisitedAnotherPage(((Url Contains tents)) or ((Url Contains ünï))) and (((Url EndsWith /checkout)))",
            "PageVisitorsWhoDidNotVisitAnotherPage(((Url Contains tents))) and not (((Action Equals buy)))",
            "CustomEvents(Action Equals play) and (Value GreaterThanEqualTo 12.5)",
        ];
        let mut read = 0;
        for rule in rules {
            let cuts: Vec<usize> = rule.char_indices().map(|(i, _)| i).collect();
            for &end in &cuts {
                let prefix = &rule[..end];
                read += usize::from(RemarketingRuleText::parse(prefix).is_ok());
            }
            for (n, &at) in cuts.iter().enumerate() {
                let next = cuts.get(n + 1).copied().unwrap_or(rule.len());
                let cut = format!("{}{}", &rule[..at], &rule[next..]);
                read += usize::from(RemarketingRuleText::parse(&cut).is_ok());
            }
        }
        // Most damaged rules are errors; some cuts still leave a valid rule.
        assert!(read > 0);
    }

    #[test]
    fn delete_value_clears_the_rule_and_an_unset_rule_writes_nothing() {
        assert_eq!(read(DELETE_VALUE), Nillable::Nil);
        assert_eq!(written(&Nillable::Nil), DELETE_VALUE);
        assert_eq!(written(&Nillable::Absent), "");
    }
}
