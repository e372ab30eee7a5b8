//! Faults are read once, typed with the operation's own detail types, on both wires, and
//! every fault names its service and operation (also one the generated client decodes from a
//! 2xx answer of a custom transport).

use bingads::fault::FaultReader;
use bingads::v13::campaign_management as cm;
use bingads::v13::customer_management as cust;
use bingads::{Error, ServiceFault, Wire};
use bingads_gen::soap::{self, BoxFuture, Operation, RawResponse, RequestBody, Transport};
use serde_json::json;

const TRACKING: &str = "5f1d2c3b-0000-4000-8000-000000000001";

/// A Campaign Management `ApiFaultDetail` fault with one batch error (code 1102) and the
/// given detail element name and `Code` text.
fn soap_fault(detail_element: &str, code: &str) -> Vec<u8> {
    format!(
        r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><h:TrackingId xmlns:h="https://bingads.microsoft.com/CampaignManagement/v13">{TRACKING}</h:TrackingId></s:Header><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>Invalid client data.</faultstring><detail><{detail_element} xmlns="https://bingads.microsoft.com/CampaignManagement/v13" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><TrackingId xmlns="https://adapi.microsoft.com">{TRACKING}</TrackingId><BatchErrors><BatchError><Code>{code}</Code><Details i:nil="true"/><ErrorCode>CampaignServiceInvalidAccountId</ErrorCode><FieldPath>Campaigns[0]</FieldPath><Index>0</Index><Message>The account ID is invalid.</Message></BatchError></BatchErrors><OperationErrors/></{detail_element}></detail></s:Fault></s:Body></s:Envelope>"#
    )
    .into_bytes()
}

fn rest_fault() -> Vec<u8> {
    serde_json::to_vec(&json!({
        "Type": "ApiFaultDetail",
        "TrackingId": TRACKING,
        "BatchErrors": [{
            "Code": 1102,
            "Details": null,
            "ErrorCode": "CampaignServiceInvalidAccountId",
            "FieldPath": "Campaigns[0]",
            "Index": 0,
            "Message": "The account ID is invalid."
        }],
        "OperationErrors": []
    }))
    .expect("a JSON value")
}

fn typed() -> FaultReader {
    FaultReader::of::<cm::FaultDetail>()
}

fn read(wire: Wire, body: &[u8], reader: FaultReader) -> ServiceFault {
    let tracking = (wire == Wire::Rest).then(|| TRACKING.to_string());
    ServiceFault::read(
        wire,
        body,
        400,
        tracking,
        cm::AddCampaignsRequest::META,
        reader,
    )
    .expect("a fault")
}

fn batch_error_code(fault: &ServiceFault) -> Option<i32> {
    let Some(cm::FaultDetail::ApiFaultDetail(detail)) = fault.detail::<cm::FaultDetail>() else {
        panic!("expected a typed ApiFaultDetail: {fault:?}");
    };
    let errors = detail.batch_errors.value()?;
    match errors.first()?.as_ref()? {
        cm::BatchError::BatchError(error) => error.code,
        other => panic!("expected a plain BatchError, got {other:?}"),
    }
}

#[test]
fn a_fault_is_typed_and_its_errors_listed_on_both_wires() {
    for (wire, body) in [
        (Wire::Soap, soap_fault("ApiFaultDetail", "1102")),
        (Wire::Rest, rest_fault()),
    ] {
        let fault = read(wire, &body, typed());
        assert_eq!(fault.wire, wire);
        assert_eq!(fault.service, "CampaignManagementService");
        assert_eq!(fault.operation, "AddCampaigns");
        assert_eq!(fault.tracking_id.as_deref(), Some(TRACKING));
        assert_eq!(fault.detail_name.as_deref(), Some("ApiFaultDetail"));
        assert_eq!(batch_error_code(&fault), Some(1102), "{wire:?}");
        assert_eq!(fault.codes(), vec![1102], "{wire:?}");
        let error = &fault.errors[0];
        assert_eq!(error.list, "BatchErrors");
        assert_eq!(error.index, Some(0));
        assert_eq!(error.field_path.as_deref(), Some("Campaigns[0]"));
        assert_eq!(
            error.error_code.as_deref(),
            Some("CampaignServiceInvalidAccountId")
        );
        assert!(fault.any_detail().is_some());
        assert!(fault.raw_body() == body.as_slice());
    }
}

#[test]
fn both_wires_give_the_same_typed_detail() {
    let soap = read(Wire::Soap, &soap_fault("ApiFaultDetail", "1102"), typed());
    let rest = read(Wire::Rest, &rest_fault(), typed());
    assert_eq!(
        soap.detail::<cm::FaultDetail>(),
        rest.detail::<cm::FaultDetail>()
    );
    let json = soap.detail_json().expect("the REST form of the detail");
    assert_eq!(json["Type"], "ApiFaultDetail");
    assert_eq!(
        json,
        rest.detail_json().expect("the REST form of the detail")
    );
}

#[test]
fn another_services_detail_type_is_not_guessed() {
    let fault = read(Wire::Soap, &soap_fault("ApiFaultDetail", "1102"), typed());
    assert!(fault.detail::<cust::FaultDetail>().is_none());
    assert!(fault.detail::<cm::FaultDetail>().is_some());
}

#[test]
fn an_untyped_read_still_has_the_codes() {
    for (wire, body) in [
        (Wire::Soap, soap_fault("ApiFaultDetail", "1102")),
        (Wire::Rest, rest_fault()),
    ] {
        let fault = read(wire, &body, FaultReader::UNTYPED);
        assert!(fault.detail::<cm::FaultDetail>().is_none());
        assert!(fault.detail_json().is_none());
        assert_eq!(fault.codes(), vec![1102], "{wire:?}");
        assert_eq!(fault.tracking_id.as_deref(), Some(TRACKING));
    }
}

#[test]
fn a_detail_type_newer_than_the_wsdl_still_yields_its_codes() {
    let fault = read(
        Wire::Soap,
        &soap_fault("FutureFaultDetail", "1102"),
        typed(),
    );
    assert!(fault.detail::<cm::FaultDetail>().is_none());
    assert_eq!(fault.detail_name.as_deref(), Some("FutureFaultDetail"));
    assert_eq!(fault.codes(), vec![1102]);
    assert_eq!(fault.tracking_id.as_deref(), Some(TRACKING));
}

#[test]
fn a_detail_whose_values_do_not_fit_its_types_is_still_a_fault() {
    let fault = read(
        Wire::Soap,
        &soap_fault("ApiFaultDetail", "eleven-oh-two"),
        typed(),
    );
    assert!(fault.detail::<cm::FaultDetail>().is_none());
    assert_eq!(fault.fault_code, "s:Server");
    assert_eq!(fault.errors.len(), 1);
    assert_eq!(fault.errors[0].code, None);
    assert_eq!(
        fault.errors[0].error_code.as_deref(),
        Some("CampaignServiceInvalidAccountId")
    );
}

#[test]
fn a_body_that_is_no_fault_is_none() {
    let op = cm::AddCampaignsRequest::META;
    let success = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><AddCampaignsResponse xmlns="https://bingads.microsoft.com/CampaignManagement/v13"/></s:Body></s:Envelope>"#;
    assert!(ServiceFault::read(Wire::Soap, success, 500, None, op, typed()).is_none());
    assert!(ServiceFault::read(Wire::Soap, b"<html>", 500, None, op, typed()).is_none());
    assert!(ServiceFault::read(Wire::Rest, b"{\"Other\": 1}", 500, None, op, typed()).is_none());
    assert!(ServiceFault::read(Wire::Rest, b"not json", 500, None, op, typed()).is_none());
}

/// A transport that answers every call with one canned response, the way a user's own
/// transport might, reading faults with the reader the generated client hands it.
struct Canned {
    status: u16,
    body: Vec<u8>,
}

impl Transport for Canned {
    type Error = Error;
    fn send<'a>(
        &'a self,
        request: &'a dyn RequestBody,
    ) -> BoxFuture<'a, Result<RawResponse, Error>> {
        Box::pin(async move {
            if self.status >= 300 {
                let fault = ServiceFault::read(
                    Wire::Soap,
                    &self.body,
                    self.status,
                    None,
                    request.operation(),
                    request.fault_reader(),
                );
                return Err(Error::Fault(Box::new(fault.expect("a fault"))));
            }
            Ok(RawResponse::soap(self.status, self.body.clone()))
        })
    }
}

async fn call_add_campaigns(transport: &Canned) -> ServiceFault {
    let request = cm::AddCampaignsRequest::default();
    match soap::call(transport, &request).await {
        Err(Error::Fault(fault)) => *fault,
        other => panic!("expected a fault, got {other:?}"),
    }
}

#[tokio::test]
async fn the_generated_client_hands_transports_the_operations_typed_reader() {
    let transport = Canned {
        status: 500,
        body: soap_fault("ApiFaultDetail", "1102"),
    };
    let fault = call_add_campaigns(&transport).await;
    assert_eq!(batch_error_code(&fault), Some(1102));
    assert_eq!(fault.operation, "AddCampaigns");
}

#[tokio::test]
async fn a_fault_in_a_2xx_answer_names_its_operation_and_lists_its_errors() {
    let transport = Canned {
        status: 200,
        body: soap_fault("ApiFaultDetail", "1102"),
    };
    let fault = call_add_campaigns(&transport).await;
    assert_eq!(fault.service, "CampaignManagementService");
    assert_eq!(fault.operation, "AddCampaigns");
    assert_eq!(fault.codes(), vec![1102]);
    assert_eq!(fault.detail_name.as_deref(), Some("ApiFaultDetail"));
    assert_eq!(batch_error_code(&fault), Some(1102));
    assert_eq!(fault.tracking_id.as_deref(), Some(TRACKING));
    assert!(
        fault
            .to_string()
            .starts_with("CampaignManagementService.AddCampaigns failed: 1102"),
        "{fault}"
    );
}
