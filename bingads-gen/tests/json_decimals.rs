//! The precision guarantee of decimals in the JSON form (`bingads_gen::json`, "Decimals"):
//! always written as a JSON number, as the REST API and its official client expect; exact
//! for every value of at most 15 significant digits, which covers every amount the API
//! accepts; a JSON string on input keeps every digit.
#![cfg(all(feature = "json", feature = "campaign-management"))]

use bingads_gen::Nillable;
use bingads_gen::json;
use bingads_gen::types::Decimal;
use bingads_gen::v13::campaign_management as cm;

fn decimal(text: &str) -> Decimal {
    Decimal::parse(text).unwrap_or_else(|| panic!("{text} is a decimal"))
}

fn read(json_value: &str) -> Decimal {
    json::from_str(json_value).unwrap_or_else(|e| panic!("{json_value}: {e}"))
}

/// The digits of a decimal without a sign, leading or trailing zeros: the value, not the
/// spelling (`012.50` and `12.5` are one number).
fn value_of(text: &str) -> String {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let digits = match (int.is_empty(), frac.is_empty()) {
        (true, true) => return "0".into(),
        (_, true) => int.to_string(),
        (true, false) => format!("0.{frac}"),
        (false, false) => format!("{int}.{frac}"),
    };
    if negative {
        format!("-{digits}")
    } else {
        digits
    }
}

/// Writes `d`, checks that the document holds a JSON number (never a string), and reads it
/// back.
fn through_json(d: &Decimal) -> (String, Decimal) {
    let written = json::to_string(d);
    let parsed: serde_json::Value = serde_json::from_str(&written).expect("valid JSON");
    assert!(parsed.is_number(), "{d} written as {written}, not a number");
    (written.clone(), read(&written))
}

#[test]
fn amounts_are_json_numbers_with_their_exact_digits() {
    for (text, written) in [
        ("0.1", "0.1"),
        ("12345678901234.56", "12345678901234.56"),
        ("0.0000001", "1e-7"),
        ("-42", "-42"),
        ("12.50", "12.5"),
        ("100.00", "100"),
        ("+7", "7"),
        ("-0.0", "0"),
        (".5", "0.5"),
        ("18446744073709551615", "18446744073709551615"),
        ("-9223372036854775808", "-9223372036854775808"),
        // The extremes of Microsoft's currency table: the smallest bid and budget (0.01),
        // the largest bid (9,607,994.00 IDR) and the largest monthly budget
        // (288,000,000,000.00 IDR), and CLP's 15,555,000,000.00.
        ("0.01", "0.01"),
        ("9607994.00", "9607994"),
        ("288000000000.00", "288000000000"),
        ("15555000000.00", "15555000000"),
        ("999999999999.99", "999999999999.99"),
    ] {
        let d = decimal(text);
        let (json_text, back) = through_json(&d);
        assert_eq!(json_text, written, "{text}");
        assert_eq!(value_of(back.as_str()), value_of(text), "{text} read back");
    }
}

#[test]
fn every_value_of_fifteen_significant_digits_survives_the_json_number() {
    // A fixed pseudo-random walk over mantissas of 1 to 15 digits and scales from 10^-20 to
    // 10^20: the claim of the module docs, checked on 20,000 values.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        state >> 11
    };
    for _ in 0..20_000 {
        let digits = 1 + next() % 15;
        let mantissa = next() % 10u64.pow(u32::try_from(digits).expect("small"));
        let scale = i64::try_from(next() % 41).expect("small") - 20;
        let negative = next() % 2 == 0;
        let mut text = mantissa.to_string();
        if scale > 0 {
            // `scale` fraction digits: pad so that one digit stays before the point.
            let fraction = usize::try_from(scale).expect("positive");
            let padded = format!("{text:0>width$}", width = fraction + 1);
            let (int, frac) = padded.split_at(padded.len() - fraction);
            text = format!("{int}.{frac}");
        } else if scale < 0 {
            text.push_str(&"0".repeat(usize::try_from(-scale).expect("positive")));
        }
        if negative {
            text.insert(0, '-');
        }
        let Some(d) = Decimal::parse(&text) else {
            panic!("generated {text}")
        };
        let (_, back) = through_json(&d);
        assert_eq!(value_of(back.as_str()), value_of(&text), "{text}");
    }
}

#[test]
fn strings_keep_every_digit_on_input() {
    assert_eq!(read(r#""12.50""#).as_str(), "12.50");
    let long = read(r#""12345678901234567890.125""#);
    assert_eq!(long.as_str(), "12345678901234567890.125");
    // More digits than an f64 carries: written as the nearest f64, still a number.
    let (written, _) = through_json(&long);
    assert_eq!(written, "1.2345678901234567e+19");
    // An exponent is not part of the decimal lexical form, in a string.
    let e = json::from_str::<Decimal>(r#""1e-7""#).expect_err("exponent in a string");
    assert!(e.message.contains("no exponent"), "{e}");
}

#[test]
fn numbers_read_exactly_within_fifteen_significant_digits() {
    assert_eq!(read("123456789.012345").as_str(), "123456789.012345");
    assert_eq!(read("0.1").as_str(), "0.1");
    assert_eq!(read("1e-7").as_str(), "0.0000001");
    assert_eq!(read("1E3").as_str(), "1000");
    assert_eq!(read("-42").as_str(), "-42");
    assert_eq!(
        read("18446744073709551615").as_str(),
        "18446744073709551615"
    );
    // A JSON number's trailing zeros are not part of its value.
    assert_eq!(read("12.50").as_str(), "12.5");
}

#[test]
fn only_values_beyond_f64_range_are_strings() {
    // Nothing the API accepts comes near; a string keeps the value rather than writing
    // `null` (infinity) or `0` (underflow).
    let huge = format!("1{}", "0".repeat(400));
    assert_eq!(json::to_string(&decimal(&huge)), format!("\"{huge}\""));
    let tiny = format!("0.{}1", "0".repeat(400));
    assert_eq!(json::to_string(&decimal(&tiny)), format!("\"{tiny}\""));
    assert_eq!(json::to_string(&decimal("0.000")), "0");
}

#[test]
fn a_budget_request_carries_its_amount_as_a_number() {
    let request = cm::AddBudgetsRequest {
        budgets: Nillable::Value(vec![Some(cm::Budget {
            name: Nillable::Value("Shared".into()),
            amount: Nillable::Value(decimal("12.50")),
            ..Default::default()
        })]),
    };
    let body = json::to_string(&request);
    assert_eq!(body, r#"{"Budgets":[{"Amount":12.5,"Name":"Shared"}]}"#);
    let back: cm::AddBudgetsRequest = json::from_str(&body).expect("reads back");
    let amount = back
        .budgets
        .value()
        .and_then(|b| b.first().cloned().flatten());
    assert_eq!(
        amount.and_then(|b| b.amount.value().map(|a| a.as_str().to_string())),
        Some("12.5".to_string())
    );
}
