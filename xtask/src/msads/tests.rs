//! `msads-compare` on a small synthetic package written by the test (no network, no Python):
//! a faithful miniature of the sdist layout with two operations, one polymorphic family with
//! an intermediate abstract member, the header sources and the manifest.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::json;

use super::*;

const API: &str = r#"from openapi_client.models.campaign.add_campaigns_request import AddCampaignsRequest
from openapi_client.models.campaign.get_bmc_stores_by_customer_id_request import GetBMCStoresByCustomerIdRequest

class CampaignManagementServiceApi:
    def add_campaigns(
        self,
        add_campaigns_request: AddCampaignsRequest,
        _request_timeout: Union[
            None,
        ] = None,
    ) -> AddCampaignsResponse:
        pass

    def _add_campaigns_serialize(
        self,
        add_campaigns_request,
    ) -> RequestSerialized:
        if 'Accept' not in _header_params:
            _header_params['Accept'] = self.api_client.select_header_accept(
                [
                    'application/json'
                ]
            )
        if _content_type:
            _header_params['Content-Type'] = _content_type
        else:
            _default_content_type = (
                self.api_client.select_header_content_type(
                    [
                        'application/json'
                    ]
                )
            )
        return self.api_client.param_serialize(
            method='POST',
            resource_path='/CampaignManagement/v13/Campaigns',
        )

    def get_bmc_stores_by_customer_id(
        self,
        body: Dict[str, Any],
    ) -> GetBMCStoresByCustomerIdResponse:
        """get_bmc_stores_by_customer_id
        ) -> NotThisResponse:
        """

    def _get_bmc_stores_by_customer_id_serialize(
        self,
    ) -> RequestSerialized:
        return self.api_client.param_serialize(
            method="POST",
            resource_path="/CampaignManagement/v13/BMCStores/QueryByCustomerId",
        )
"#;

const SHARED_ENTITY: &str = r#"class SharedEntity(BaseModel):
    def __init__(self, **kwargs):
        if 'type' not in kwargs and 'Type' not in kwargs:
            type_mapping = [
                ('SharedList', 'SharedList'),
            ]
"#;

const SHARED_LIST: &str = r#"class SharedList(SharedEntity):
    def __init__(self, **kwargs):
        if 'type' not in kwargs and 'Type' not in kwargs:
            type_mapping = [
                ('NegativeKeywordList', 'NegativeKeywordList'),
                ('PlacementExclusionList', 'PlacementExclusionList'),
            ]
"#;

const AD: &str = r#"class Ad(BaseModel):
    def __init__(self, **kwargs):
        if 'type' not in kwargs and 'Type' not in kwargs:
            class_name = self.__class__.__name__
            type_mapping = [
                ('AdBase', 'Ad'),
                ('TextAd', 'Text'),
                ('TextAd', 'TextAd'),
                ('AdBase', 'AdBase'),
            ]
"#;

const SERVICE_CLIENT: &str = r#"class ServiceClient:
    def create_rest_headers(self):
        headers = {
            'CustomerAccountId': str(authorization_data.account_id),
            'CustomerId': str(authorization_data.customer_id),
            'DeveloperToken': authorization_data.developer_token,
            'User-Agent': USER_AGENT,
        }
        return headers

    def other(self):
        x = {
            'NotAHeader': 1,
        }
"#;

const AUTHORIZATION: &str = r#"class PasswordAuthentication:
    def enrich_headers(self, headers):
        auth_headers = {
            'UserName': self.user_name,
            'Password': self.password
        }

class OAuthAuthorization:
    def enrich_headers(self, headers):
        auth_headers =  {
            'Authorization': 'Bearer ' + self.oauth_tokens.access_token
        }
"#;

const API_CLIENT: &str = "    def param_serialize(self):
        header_params['Api-Revision'] = SDK_API_REVISION
        if self.cookie:
            header_params['Cookie'] = self.cookie
";
const MANIFEST: &str = "VERSION = '13.0.99'\nSDK_API_REVISION = '2026-10-12'\n";

/// Writes the miniature package under `dir/msads-13.0.99/` and returns that root.
fn write_package(dir: &Path) -> PathBuf {
    let root = dir.join("msads-13.0.99");
    let files = [
        ("openapi_client/api/campaign_management_service_api.py", API),
        ("openapi_client/api/__init__.py", ""),
        (
            "openapi_client/models/campaign/shared_entity.py",
            SHARED_ENTITY,
        ),
        ("openapi_client/models/campaign/shared_list.py", SHARED_LIST),
        ("openapi_client/models/campaign/ad.py", AD),
        (
            "openapi_client/models/campaign/campaign.py",
            "class Campaign(BaseModel):\n    pass\n",
        ),
        ("openapi_client/api_client.py", API_CLIENT),
        ("bingads/service_client.py", SERVICE_CLIENT),
        ("bingads/authorization.py", AUTHORIZATION),
        ("bingads/manifest.py", MANIFEST),
    ];
    for (path, text) in files {
        let path = root.join(path);
        fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }
    root
}

/// The facts file as it would record the miniature package.
fn recorded() -> serde_json::Value {
    json!({
        "encoding": {"http": {
            "content_type": "application/json",
            "api_revision_header": "Api-Revision",
            "headers": {
                "AuthenticationToken": "Authorization: Bearer <access token>",
                "CustomerAccountId": "CustomerAccountId",
                "CustomerId": "CustomerId",
                "DeveloperToken": "DeveloperToken",
                "Password": "Password",
                "UserName": "UserName"
            },
            "other_headers": {"User-Agent": "the client's name and version"}
        }},
        "services": {"CampaignManagementService": {
            "operations": {
                "AddCampaigns": {"method": "POST", "path": "/CampaignManagement/v13/Campaigns"},
                "GetBMCStoresByCustomerId": {"method": "POST", "path": "/CampaignManagement/v13/BMCStores/QueryByCustomerId"}
            },
            "discriminators": {
                "Ad": {"rest_polymorphic": true, "values": {"Ad": "Ad", "TextAd": "Text"},
                       "decode_aliases": {"TextAd": "TextAd", "AdBase": "Ad"}},
                "SharedEntity": {"rest_polymorphic": true, "no_rest_value": ["SharedList"],
                       "values": {"NegativeKeywordList": "NegativeKeywordList",
                                  "PlacementExclusionList": "PlacementExclusionList"}},
                "Breakdown": {"rest_polymorphic": false, "values": {}}
            },
            "mismatches": {"operations_without_rest_endpoint": [], "rest_types_not_in_wsdl": []}
        }}
    })
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xtask-msads-test-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch");
    dir
}

#[test]
fn reads_routes_headers_revision_and_families() {
    let dir = scratch("read");
    let facts = read_package(&write_package(&dir)).expect("reads");
    let cm = facts
        .services
        .get("CampaignManagementService")
        .expect("service");
    assert_eq!(
        cm.routes.get("GetBMCStoresByCustomerId"),
        Some(&(
            "POST".to_string(),
            "/CampaignManagement/v13/BMCStores/QueryByCustomerId".to_string()
        ))
    );
    assert_eq!(cm.routes.len(), 2);
    let headers: Vec<&str> = facts.headers.keys().map(String::as_str).collect();
    assert_eq!(
        headers,
        [
            "Accept",
            "Api-Revision",
            "Authorization",
            "Content-Type",
            "CustomerAccountId",
            "CustomerId",
            "DeveloperToken",
            "Password",
            "User-Agent",
            "UserName"
        ]
    );
    assert_eq!(facts.api_revision.as_deref(), Some("2026-10-12"));
    assert_eq!(facts.media_types, ["application/json"]);
    let shared = cm.families.get("SharedEntity").expect("family");
    assert_eq!(
        shared.values.len(),
        2,
        "the intermediate SharedList stands for its members"
    );
    let ad = cm.families.get("Ad").expect("family");
    assert_eq!(
        ad.values.get("Ad").map(String::as_str),
        Some("Ad"),
        "AdBase is Ad"
    );
    assert_eq!(
        ad.decode_aliases.get("TextAd").map(String::as_str),
        Some("TextAd")
    );
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn an_agreeing_package_has_no_differences() {
    let dir = scratch("same");
    let facts = read_package(&write_package(&dir)).expect("reads");
    assert_eq!(compare(&facts, &recorded(), Some("2026-10-12")), []);
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn every_kind_of_change_is_reported() {
    let dir = scratch("changed");
    let root = write_package(&dir);
    let api = root.join("openapi_client/api/campaign_management_service_api.py");
    let changed = API
        .replace(
            "resource_path='/CampaignManagement/v13/Campaigns'",
            "resource_path='/CampaignManagement/v13/Campaigns/Add'",
        )
        .replace("method=\"POST\"", "method=\"PUT\"");
    fs::write(&api, changed).expect("write");
    fs::write(
        root.join("openapi_client/models/campaign/ad.py"),
        AD.replace(
            "('TextAd', 'Text'),",
            "('TextAd', 'Text'),\n                ('ImageAd', 'Image'),",
        ),
    )
    .expect("write");
    fs::write(
        root.join("bingads/manifest.py"),
        "SDK_API_REVISION = '2027-01-15'\n",
    )
    .expect("write");
    fs::write(
        root.join("bingads/service_client.py"),
        SERVICE_CLIENT.replace("'User-Agent': USER_AGENT,", "'ClientRequestId': x,"),
    )
    .expect("write");
    let facts = read_package(&root).expect("reads");
    let diffs = compare(&facts, &recorded(), Some("2026-10-12"));
    let summary: Vec<(&str, &str, Option<&str>, Option<&str>)> = diffs
        .iter()
        .map(|d| {
            (
                d.area,
                d.subject.as_str(),
                d.msads.as_deref(),
                d.recorded.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "api-revision",
                "Api-Revision",
                Some("2027-01-15"),
                Some("2026-10-12")
            ),
            ("discriminator", "Ad.ImageAd", Some("Image"), None),
            ("header", "ClientRequestId", Some("sent"), None),
            ("header", "User-Agent", None, Some("recorded")),
            (
                "route",
                "AddCampaigns",
                Some("POST /CampaignManagement/v13/Campaigns/Add"),
                Some("POST /CampaignManagement/v13/Campaigns")
            ),
            (
                "route",
                "GetBMCStoresByCustomerId",
                Some("PUT /CampaignManagement/v13/BMCStores/QueryByCustomerId"),
                Some("POST /CampaignManagement/v13/BMCStores/QueryByCustomerId")
            ),
        ]
    );
    let md = compare::markdown("msads-13.0.99", "rest-json.json", &diffs);
    assert!(md.contains("6 difference(s)"), "{md}");
    assert!(
        md.contains("| CampaignManagementService | Ad.ImageAd | `Image` | — |"),
        "{md}"
    );
    let report: serde_json::Value =
        serde_json::from_str(&compare::to_json("msads-13.0.99", "rest-json.json", &diffs))
            .expect("JSON");
    assert_eq!(report["differences"].as_array().map(Vec::len), Some(6));
    assert_eq!(
        report["differences"][1]["source"],
        "openapi_client/models/campaign/ad.py"
    );
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn a_removed_operation_and_service_are_reported() {
    let dir = scratch("removed");
    let root = write_package(&dir);
    let mut rest = recorded();
    rest["services"]["ReportingService"] = json!({"operations": {}});
    rest["services"]["CampaignManagementService"]["operations"]["DeleteCampaigns"] =
        json!({"method": "DELETE", "path": "/CampaignManagement/v13/Campaigns"});
    let facts = read_package(&root).expect("reads");
    let diffs = compare(&facts, &rest, Some("2026-10-12"));
    let subjects: Vec<(&str, &str, Option<&str>)> = diffs
        .iter()
        .map(|d| (d.area, d.subject.as_str(), d.msads.as_deref()))
        .collect();
    assert_eq!(
        subjects,
        [
            ("route", "DeleteCampaigns", None),
            ("service", "ReportingService", None)
        ]
    );
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn an_sdist_is_unpacked_and_the_exit_code_follows_the_option() {
    let dir = scratch("sdist");
    write_package(&dir);
    let sdist = dir.join("msads-13.0.99.tar.gz");
    let status = std::process::Command::new("tar")
        .arg("-czf")
        .arg(&sdist)
        .arg("-C")
        .arg(&dir)
        .arg("msads-13.0.99")
        .status()
        .expect("tar runs");
    assert!(status.success());
    let facts_file = dir.join("rest-json.json");
    fs::write(&facts_file, recorded().to_string()).expect("write");
    fs::write(dir.join("api-revision.txt"), "2026-10-12\n").expect("write");
    let report = dir.join("report.json");
    let args = |extra: &[&str]| -> Vec<String> {
        let mut a = vec![
            sdist.display().to_string(),
            "--rest-json".into(),
            facts_file.display().to_string(),
            "--json".into(),
            report.display().to_string(),
            "--markdown".into(),
            dir.join("report.md").display().to_string(),
        ];
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    assert_eq!(run(&args(&["--fail-on-difference"])), Ok(ExitCode::SUCCESS));
    let written: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&report).expect("report")).expect("JSON");
    assert_eq!(written["package"], "msads-13.0.99");
    assert_eq!(written["differences"], json!([]));
    fs::write(dir.join("api-revision.txt"), "2025-01-01\n").expect("write");
    assert_eq!(
        run(&args(&["--fail-on-difference"])),
        Ok(ExitCode::from(DIFFERENCE_EXIT))
    );
    assert_eq!(run(&args(&[])), Ok(ExitCode::SUCCESS));
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn arguments() {
    assert!(parse(&[]).is_err(), "a package or --version is required");
    assert!(parse(&["a".into(), "--version".into(), "1".into()]).is_err());
    let o = parse(&["--version=13.0.30.1".into(), "--fail-on-difference".into()])
        .expect("parses")
        .expect("not help");
    assert_eq!(o.version.as_deref(), Some("13.0.30.1"));
    assert!(o.fail_on_difference);
    assert_eq!(parse(&["--help".into()]), Ok(None));
}
