//! Arbitrary bytes into the SOAP decoder.
//!
//! The first byte picks the decoder (a response of one of several operations across
//! services, a request as a server decodes it, lenient or strict about element order, or
//! the schema-less `XmlElement` tree); the rest is the document. Beyond "no panic", it checks what the decoder promises:
//! every error names its element path, and whatever decodes re-encodes into a document
//! that decodes, stably (a second round trip changes nothing).

#![no_main]

use std::fmt::Debug;

use bingads_gen::soap::{
    FaultDetailDecode, NoFault, OperationMeta, decode_envelope, decode_envelope_with,
    decode_request, write_envelope, write_response_envelope,
};
use bingads_gen::v13::{
    ad_insight as ai, campaign_management as cm, customer_management as cu, reporting as rp,
};
use bingads_gen::xml::{DecodeError, XmlDecode, XmlElement, XmlEncode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, input)) = data.split_first() else {
        return;
    };
    // Low bit: strict element order; the rest: the operation.
    let strict = selector & 1 == 1;
    let result = match (selector >> 1) % 7 {
        0 => response::<cm::GetCampaignsByAccountIdResponse, cm::FaultDetail>(
            input,
            &cm::GET_CAMPAIGNS_BY_ACCOUNT_ID,
            strict,
        ),
        1 => response::<cm::GetAdsByAdGroupIdResponse, cm::FaultDetail>(
            input,
            &cm::GET_ADS_BY_AD_GROUP_ID,
            strict,
        ),
        2 => response::<cu::GetUserResponse, cu::FaultDetail>(input, &cu::GET_USER, strict),
        3 => response::<rp::PollGenerateReportResponse, rp::FaultDetail>(
            input,
            &rp::POLL_GENERATE_REPORT,
            strict,
        ),
        4 => response::<ai::GetKeywordIdeasResponse, ai::FaultDetail>(
            input,
            &ai::GET_KEYWORD_IDEAS,
            strict,
        ),
        5 => request(input, strict),
        // The schema-less tree `bingads` scans fault bodies with, whatever the service.
        _ => XmlElement::parse(input).map(|tree| {
            let mut elements = 0usize;
            tree.walk(&mut |_, _| elements += 1);
            let _ = tree.find("ErrorCode");
        }),
    };
    if let Err(e) = result {
        let path = if e.path.is_empty() {
            "/"
        } else {
            e.path.as_str()
        };
        assert!(path.starts_with('/'), "error path {path:?} ({e:?})");
        assert!(
            e.to_string().contains(&format!(" at {path} ")),
            "error without its path: {e} ({e:?})"
        );
    }
});

fn response<R, F>(input: &[u8], op: &'static OperationMeta, strict: bool) -> Result<(), DecodeError>
where
    R: XmlDecode + XmlEncode + Debug + PartialEq,
    F: FaultDetailDecode + Debug,
{
    let envelope = if strict {
        decode_envelope_with::<R, F>(input, op.response_element.1, R::decode, true)?
    } else {
        decode_envelope::<R, F>(input, op)?
    };
    if let Ok(value) = &envelope.body {
        assert_fixed_point(value, |v| {
            let xml = write_response_envelope(&[], |w| {
                v.encode(w, op.response_element.0, op.response_element.1)
            });
            match decode_envelope::<R, NoFault>(xml.as_bytes(), op).map(|e| e.body) {
                Ok(Ok(v)) => v,
                Ok(Err(fault)) => {
                    panic!("re-encoded response decodes as a fault {fault:?}:\n{xml}")
                }
                Err(e) => {
                    panic!("decoded response re-encodes into an undecodable one ({e}):\n{xml}")
                }
            }
        });
    }
    Ok(())
}

fn request(input: &[u8], strict: bool) -> Result<(), DecodeError> {
    let (_, value) = decode_request::<cm::AddCampaignsRequest>(input, strict)?;
    assert_fixed_point(&value, |v| {
        let xml = write_envelope(v, &[]);
        match decode_request::<cm::AddCampaignsRequest>(xml.as_bytes(), strict) {
            Ok((_, v)) => v,
            Err(e) => panic!("decoded request re-encodes into an undecodable one ({e}):\n{xml}"),
        }
    });
    Ok(())
}

/// One encode/decode round trip may normalize a decoded value (a nil required field becomes
/// its default, a duplicated field keeps its last value), but a second must change nothing.
fn assert_fixed_point<T: Debug + PartialEq>(value: &T, again: impl Fn(&T) -> T) {
    let once = again(value);
    let twice = again(&once);
    // NaN is not equal to itself; any value holding one is exempt from the comparison.
    if once != twice && !format!("{once:?}").contains("NaN") {
        panic!("encoding is not stable:\nonce:  {once:?}\ntwice: {twice:?}");
    }
}
