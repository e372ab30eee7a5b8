//! The error codes the emulator returns: the service's numeric `Code` and symbolic
//! `ErrorCode`, as listed in Microsoft's "Bing Ads API Operation Error Codes" reference
//! (`advertising/bingads-13/guides/operation-error-codes.md` in the MicrosoftDocs/Advertising
//! repository) and the "Handle Throttling" section of its services protocol guide. The
//! messages are the emulator's own short wording.
//!
//! Customer Management and Customer Billing error objects have no `ErrorCode` element; the
//! emulator sends only `Code` and `Message` there, as the service does.

/// One error code of the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorCode {
    /// The numeric `Code`.
    pub code: i32,
    /// The symbolic `ErrorCode`.
    pub name: &'static str,
    /// The emulator's message.
    pub message: &'static str,
}

macro_rules! codes {
    ($($(#[$doc:meta])* $id:ident = $code:literal, $name:literal, $msg:literal;)*) => {
        $($(#[$doc])* pub const $id: ErrorCode = ErrorCode { code: $code, name: $name, message: $msg };)*
        /// Every code this module defines.
        pub const ALL: &[ErrorCode] = &[$($id),*];
    };
}

codes! {
    INTERNAL_ERROR = 0, "InternalError", "An internal error occurred in the emulator.";
    INVALID_CREDENTIALS = 105, "InvalidCredentials", "Authentication failed: the access token, developer token or user credentials are not valid.";
    USER_IS_NOT_AUTHORIZED = 106, "UserIsNotAuthorized", "The user does not have access to the requested customer or account.";
    AUTHENTICATION_TOKEN_EXPIRED = 109, "AuthenticationTokenExpired", "The access token has expired; refresh it and retry.";
    REQUEST_MISSING_HEADERS = 116, "RequestMissingHeaders", "A required SOAP header element is missing.";
    CALL_RATE_EXCEEDED = 117, "CallRateExceeded", "Too many calls in the last minute; wait 60 seconds and retry.";
    API_INPUT_VALIDATION_ERROR = 201, "ApiInputValidationError", "An input element failed validation.";
    OPERATION_NOT_SUPPORTED = 204, "OperationNotSupported", "The emulator does not implement this operation.";
    CONCURRENT_REQUEST_OVER_LIMIT = 207, "ConcurrentRequestOverLimit", "Too many concurrent requests are in progress; wait for them to finish and retry.";
    /// Get-by-ids: the id is of a type outside the requested filter (documented for GetCampaignsByIds).
    ENTITY_ID_FILTER_MISMATCH = 516, "EntityIdFilterMismatch", "The entity is not of a requested type.";
    CAMPAIGN_SERVICE_CUSTOMER_ID_HAS_TO_BE_SPECIFIED = 1029, "CampaignServiceCustomerIdHasToBeSpecified", "The CustomerId header element is required.";
    CAMPAIGN_SERVICE_ACCOUNT_ID_HAS_TO_BE_SPECIFIED = 1030, "CampaignServiceAccountIdHasToBeSpecified", "The CustomerAccountId header element is required.";
    CAMPAIGN_SERVICE_INVALID_CAMPAIGN_ID = 1100, "CampaignServiceInvalidCampaignId", "The campaign id does not identify a campaign of this account.";
    CAMPAIGN_SERVICE_INVALID_CAMPAIGN_NAME = 1101, "CampaignServiceInvalidCampaignName", "The campaign name is missing or empty.";
    CAMPAIGN_SERVICE_INVALID_ACCOUNT_ID = 1102, "CampaignServiceInvalidAccountId", "The account id is not valid for this request.";
    CAMPAIGN_SERVICE_NULL_CAMPAIGN = 1103, "CampaignServiceNullCampaign", "The campaign is nil.";
    CAMPAIGN_SERVICE_INVALID_DAILY_BUDGET = 1106, "CampaignServiceInvalidDailyBudget", "The campaign needs a positive DailyBudget or a shared BudgetId.";
    CAMPAIGN_SERVICE_DUPLICATE_CAMPAIGN_IDS = 1107, "CampaignServiceDuplicateCampaignIds", "The campaign id appears more than once in the request.";
    CAMPAIGN_SERVICE_CAMPAIGNS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY = 1113, "CampaignServiceCampaignsArrayShouldNotBeNullOrEmpty", "The list of campaigns is nil or empty.";
    CAMPAIGN_SERVICE_CAMPAIGNS_ARRAY_EXCEEDS_LIMIT = 1114, "CampaignServiceCampaignsArrayExceedsLimit", "Too many campaigns in one request (at most 100).";
    CAMPAIGN_SERVICE_CANNOT_CREATE_DUPLICATE_CAMPAIGN = 1115, "CampaignServiceCannotCreateDuplicateCampaign", "A campaign with this name already exists in the account.";
    CAMPAIGN_SERVICE_CAMPAIGN_IDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY = 1118, "CampaignServiceCampaignIdsArrayShouldNotBeNullOrEmpty", "The list of campaign ids is nil or empty.";
    CAMPAIGN_SERVICE_CAMPAIGN_IDS_ARRAY_EXCEEDS_LIMIT = 1119, "CampaignServiceCampaignIdsArrayExceedsLimit", "Too many campaign ids in one request (at most 100).";
    CAMPAIGN_SERVICE_INVALID_BUDGET_TYPE = 1121, "CampaignServiceInvalidBudgetType", "The campaign's BudgetType is required with a DailyBudget.";
    CAMPAIGN_SERVICE_ID_SHOULD_BE_NULL_ON_ADD = 1004, "CampaignServiceIdShouldBeNullOnAdd", "The Id must not be set when adding.";
    CAMPAIGN_SERVICE_NULL_AD_GROUP = 1200, "CampaignServiceNullAdGroup", "The ad group is nil.";
    CAMPAIGN_SERVICE_INVALID_AD_GROUP_ID = 1201, "CampaignServiceInvalidAdGroupId", "The ad group id does not identify an ad group of this campaign or account.";
    CAMPAIGN_SERVICE_INVALID_AD_GROUP_NAME = 1202, "CampaignServiceInvalidAdGroupName", "The ad group name is missing or empty.";
    CAMPAIGN_SERVICE_DUPLICATE_IN_AD_GROUP_IDS = 1203, "CampaignServiceDuplicateInAdGroupIds", "The ad group id appears more than once in the request.";
    CAMPAIGN_SERVICE_AD_GROUPS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY = 1209, "CampaignServiceAdGroupsArrayShouldNotBeNullOrEmpty", "The list of ad groups is nil or empty.";
    CAMPAIGN_SERVICE_AD_GROUPS_ARRAY_EXCEEDS_LIMIT = 1210, "CampaignServiceAdGroupsArrayExceedsLimit", "Too many ad groups in one request (at most 1,000).";
    CAMPAIGN_SERVICE_CANNOT_CREATE_DUPLICATE_AD_GROUP = 1214, "CampaignServiceCannotCreateDuplicateAdGroup", "An ad group with this name already exists in the campaign.";
    CAMPAIGN_SERVICE_AD_GROUP_IDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY = 1218, "CampaignServiceAdGroupIdsArrayShouldNotBeNullOrEmpty", "The list of ad group ids is nil or empty.";
    CAMPAIGN_SERVICE_AD_GROUP_IDS_ARRAY_EXCEEDS_LIMIT = 1219, "CampaignServiceAdGroupIdsArrayExceedsLimit", "Too many ad group ids in one request (at most 1,000).";
    CAMPAIGN_SERVICE_NULL_AD = 1300, "CampaignServiceNullAd", "The ad is nil.";
    CAMPAIGN_SERVICE_INVALID_AD_TITLE = 1301, "CampaignServiceInvalidAdTitle", "The ad title is missing or empty.";
    CAMPAIGN_SERVICE_INVALID_AD_TEXT = 1306, "CampaignServiceInvalidAdText", "The ad text is missing or empty.";
    CAMPAIGN_SERVICE_INVALID_AD_ID = 1308, "CampaignServiceInvalidAdId", "The ad id does not identify an ad of this ad group.";
    CAMPAIGN_SERVICE_DUPLICATE_IN_AD_IDS = 1309, "CampaignServiceDuplicateInAdIds", "The ad id appears more than once in the request.";
    CAMPAIGN_SERVICE_ADS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY = 1310, "CampaignServiceAdsArrayShouldNotBeNullOrEmpty", "The list of ads is nil or empty.";
    CAMPAIGN_SERVICE_ADS_ARRAY_EXCEEDS_LIMIT = 1311, "CampaignServiceAdsArrayExceedsLimit", "Too many ads in one request (at most 50).";
    CAMPAIGN_SERVICE_AD_IDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY = 1351, "CampaignServiceAdIdsArrayShouldNotBeNullOrEmpty", "The list of ad ids is nil or empty.";
    CAMPAIGN_SERVICE_AD_IDS_ARRAY_EXCEEDS_LIMIT = 1352, "CampaignServiceAdIdsArrayExceedsLimit", "Too many ad ids in one request.";
    CAMPAIGN_SERVICE_AD_TYPE_DOES_NOT_MATCH = 1360, "CampaignServiceAdTypeDoesNotMatch", "The ad's type cannot change after it is created.";
    CAMPAIGN_SERVICE_INVALID_CUSTOMER_ID = 1490, "CampaignServiceInvalidCustomerId", "The customer id is not valid.";
    CAMPAIGN_SERVICE_NULL_KEYWORD = 1500, "CampaignServiceNullKeyword", "The keyword is nil.";
    CAMPAIGN_SERVICE_INVALID_KEYWORD_ID = 1501, "CampaignServiceInvalidKeywordId", "The keyword id does not identify a keyword of this ad group.";
    CAMPAIGN_SERVICE_DUPLICATE_IN_KEYWORD_IDS = 1502, "CampaignServiceDuplicateInKeywordIds", "The keyword id appears more than once in the request.";
    CAMPAIGN_SERVICE_INVALID_KEYWORD_TEXT = 1503, "CampaignServiceInvalidKeywordText", "The keyword text is missing or empty.";
    CAMPAIGN_SERVICE_CANNOT_CHANGE_TEXT_ON_UPDATE = 1504, "CampaignServiceCannotChangeTextOnUpdate", "A keyword's text cannot be changed.";
    CAMPAIGN_SERVICE_KEYWORDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY = 1505, "CampaignServiceKeywordsArrayShouldNotBeNullOrEmpty", "The list of keywords is nil or empty.";
    CAMPAIGN_SERVICE_KEYWORDS_ARRAY_EXCEEDS_LIMIT = 1506, "CampaignServiceKeywordsArrayExceedsLimit", "Too many keywords in one request (at most 1,000).";
    CAMPAIGN_SERVICE_KEYWORD_IDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY = 1529, "CampaignServiceKeywordIdsArrayShouldNotBeNullOrEmpty", "The list of keyword ids is nil or empty.";
    CAMPAIGN_SERVICE_KEYWORD_IDS_ARRAY_EXCEEDS_LIMIT = 1530, "CampaignServiceKeywordIdsArrayExceedsLimit", "Too many keyword ids in one request (at most 1,000).";
    CAMPAIGN_SERVICE_KEYWORD_AND_MATCH_TYPE_COMBINATION_ALREADY_EXISTS = 1542, "CampaignServiceKeywordAndMatchTypeCombinationAlreadyExists", "The ad group already has this keyword with this match type.";
    CAMPAIGN_SERVICE_KEYWORD_MATCH_TYPE_CHANGE_NOT_ALLOWED_IN_UPDATE = 1545, "CampaignServiceKeywordMatchTypeChangeNotAllowedInUpdate", "A keyword's match type cannot be changed.";
    CAMPAIGN_SERVICE_AD_TYPE_INVALID = 2805, "CampaignServiceAdTypeInvalid", "Ads of this type cannot be added or updated.";
    /// Bulk throttling (documented under "Handle Throttling" for the Bulk service).
    /// Reporting: `PollGenerateReport` with an id the service never issued.
    REPORTING_SERVICE_INVALID_REPORT_ID = 2100, "ReportingServiceInvalidReportId", "The report request identifier is not valid.";
    BULK_SERVICE_NO_MORE_CALLS_PERMITTED_FOR_THE_TIME_PERIOD = 4204, "BulkServiceNoMoreCallsPermittedForTheTimePeriod", "No more bulk upload or download calls are permitted for this account right now; retry later.";
    CAMPAIGN_SERVICE_INVALID_FINAL_URLS_TEXT = 4207, "CampaignServiceInvalidFinalUrlsText", "The final URLs are missing or not valid.";
    CAMPAIGN_SERVICE_BUDGETS_NULL_OR_EMPTY = 4901, "CampaignServiceBudgetsNullOrEmpty", "The list of budgets is nil or empty.";
    CAMPAIGN_SERVICE_BUDGET_IS_NULL = 4902, "CampaignServiceBudgetIsNull", "The budget is nil.";
    CAMPAIGN_SERVICE_BUDGET_ID_SHOULD_BE_NULL_ON_ADD = 4903, "CampaignServiceBudgetIdShouldBeNullOnAdd", "The budget Id must not be set when adding.";
    CAMPAIGN_SERVICE_BUDGET_NAME_MISSING = 4904, "CampaignServiceBudgetNameMissing", "The budget name is missing or empty.";
    CAMPAIGN_SERVICE_DUPLICATE_BUDGET_NAME = 4907, "CampaignServiceDuplicateBudgetName", "A budget with this name already exists in the account.";
    CAMPAIGN_SERVICE_BUDGET_TYPE_CANNOT_BE_NULL_ON_ADD = 4908, "CampaignServiceBudgetTypeCannotBeNullOnAdd", "The budget type is required.";
    CAMPAIGN_SERVICE_BUDGET_AMOUNT_MISSING = 4910, "CampaignServiceBudgetAmountMissing", "The budget amount is missing or not positive.";
    CAMPAIGN_SERVICE_BUDGET_BATCH_LIMIT_EXCEEDED = 4913, "CampaignServiceBudgetBatchLimitExceeded", "Too many budgets in one request (at most 100).";
    CAMPAIGN_SERVICE_DUPLICATE_BUDGET_ID = 4915, "CampaignServiceDuplicateBudgetId", "The budget id appears more than once in the request.";
    CAMPAIGN_SERVICE_BUDGET_ID_INVALID = 4916, "CampaignServiceBudgetIdInvalid", "The budget id does not identify a budget of this account.";
    CAMPAIGN_SERVICE_BUDGET_IS_SHARED_WITH_CAMPAIGNS = 4918, "CampaignServiceBudgetIsSharedWithCampaigns", "The budget is used by a campaign and cannot be deleted.";
    CAMPAIGN_SERVICE_EXPANDED_TEXT_AD_TITLE_PART1_INVALID = 5015, "CampaignServiceExpandedTextAdTitlePart1Invalid", "TitlePart1 is missing or empty.";
    CAMPAIGN_SERVICE_EXPANDED_TEXT_AD_TITLE_PART2_INVALID = 5016, "CampaignServiceExpandedTextAdTitlePart2Invalid", "TitlePart2 is missing or empty.";
    CAMPAIGN_SERVICE_RESPONSIVE_SEARCH_AD_HEADLINES_NULL_OR_EMPTY = 6200, "CampaignServiceResponsiveSearchAdHeadlinesNullOrEmpty", "Headlines are required.";
    CAMPAIGN_SERVICE_RESPONSIVE_SEARCH_AD_DESCRIPTIONS_NULL_OR_EMPTY = 6201, "CampaignServiceResponsiveSearchAdDescriptionsNullOrEmpty", "Descriptions are required.";
    CAMPAIGN_SERVICE_RESPONSIVE_SEARCH_AD_HEADLINES_LESS_THAN_MIN_REQUIRED = 6212, "CampaignServiceResponsiveSearchAdHeadlinesLessThanMinRequired", "A responsive search ad needs at least 3 headlines.";
    CAMPAIGN_SERVICE_RESPONSIVE_SEARCH_AD_DESCRIPTIONS_LESS_THAN_MIN_REQUIRED = 6213, "CampaignServiceResponsiveSearchAdDescriptionsLessThanMinRequired", "A responsive search ad needs at least 2 descriptions.";
    // Customer Management (no symbolic code on the wire; the names here are descriptive).
    /// Customer Management: search predicate missing.
    CUSTOMER_REQUIRED_PREDICATE_MISSING = 474, "RequiredSearchPredicateMissing", "A search predicate is required.";
    /// Customer Management: the user may not perform the action (or the entity is not theirs).
    CUSTOMER_USER_NOT_AUTHORIZED = 1001, "UserNotAuthorized", "The user is not authorized to perform this action.";
    /// Customer Management: unknown account id.
    CUSTOMER_INVALID_ACCOUNT_ID = 2108, "InvalidAccountId", "The account id is not valid.";
    /// Customer Management: bad predicate field, operator or value.
    CUSTOMER_INVALID_PREDICATE = 3030, "InvalidPredicate", "The search predicate is not valid.";
    /// Customer Management: paging missing or out of range.
    CUSTOMER_INVALID_PAGE_INFO = 3080, "InvalidPageInfo", "PageInfo is required, with a non-negative Index and a Size from 1 to 1000.";
}

/// The code with this number, if the emulator uses it.
pub fn by_code(code: i32) -> Option<ErrorCode> {
    ALL.iter().copied().find(|e| e.code == code)
}
