//! The list of every report request type of the Reporting WSDL with its column enum and
//! which of `Time` and `Aggregation` it has, as one macro that the request helpers, the
//! column keys and the layout function expand, so a new report type is one line here.

/// Calls `$callback! { Request => Column [: time] [: aggregation]; ... }` with every
/// report request type of `bingads::v13::reporting`.
macro_rules! for_each_report_type {
    ($callback:ident) => {
        $callback! {
            AccountPerformanceReportRequest => AccountPerformanceReportColumn : time : aggregation;
            CampaignPerformanceReportRequest => CampaignPerformanceReportColumn : time : aggregation;
            AdDynamicTextPerformanceReportRequest => AdDynamicTextPerformanceReportColumn : time : aggregation;
            AdGroupPerformanceReportRequest => AdGroupPerformanceReportColumn : time : aggregation;
            AdPerformanceReportRequest => AdPerformanceReportColumn : time : aggregation;
            KeywordPerformanceReportRequest => KeywordPerformanceReportColumn : time : aggregation;
            DestinationUrlPerformanceReportRequest => DestinationUrlPerformanceReportColumn : time : aggregation;
            BudgetSummaryReportRequest => BudgetSummaryReportColumn : time;
            AgeGenderAudienceReportRequest => AgeGenderAudienceReportColumn : time : aggregation;
            ProfessionalDemographicsAudienceReportRequest => ProfessionalDemographicsAudienceReportColumn : time : aggregation;
            UserLocationPerformanceReportRequest => UserLocationPerformanceReportColumn : time : aggregation;
            PublisherUsagePerformanceReportRequest => PublisherUsagePerformanceReportColumn : time : aggregation;
            SearchQueryPerformanceReportRequest => SearchQueryPerformanceReportColumn : time : aggregation;
            ConversionPerformanceReportRequest => ConversionPerformanceReportColumn : time : aggregation;
            GoalsAndFunnelsReportRequest => GoalsAndFunnelsReportColumn : time : aggregation;
            NegativeKeywordConflictReportRequest => NegativeKeywordConflictReportColumn;
            SearchCampaignChangeHistoryReportRequest => SearchCampaignChangeHistoryReportColumn : time;
            AdExtensionByAdReportRequest => AdExtensionByAdReportColumn : time : aggregation;
            AdExtensionByKeywordReportRequest => AdExtensionByKeywordReportColumn : time : aggregation;
            AudiencePerformanceReportRequest => AudiencePerformanceReportColumn : time : aggregation;
            AdExtensionDetailReportRequest => AdExtensionDetailReportColumn : time : aggregation;
            ShareOfVoiceReportRequest => ShareOfVoiceReportColumn : time : aggregation;
            ProductDimensionPerformanceReportRequest => ProductDimensionPerformanceReportColumn : time : aggregation;
            ProductPartitionPerformanceReportRequest => ProductPartitionPerformanceReportColumn : time : aggregation;
            ProductPartitionUnitPerformanceReportRequest => ProductPartitionUnitPerformanceReportColumn : time : aggregation;
            ProductSearchQueryPerformanceReportRequest => ProductSearchQueryPerformanceReportColumn : time : aggregation;
            ProductMatchCountReportRequest => ProductMatchCountReportColumn : time : aggregation;
            ProductNegativeKeywordConflictReportRequest => ProductNegativeKeywordConflictReportColumn;
            CallDetailReportRequest => CallDetailReportColumn : time : aggregation;
            GeographicPerformanceReportRequest => GeographicPerformanceReportColumn : time : aggregation;
            DSASearchQueryPerformanceReportRequest => DSASearchQueryPerformanceReportColumn : time : aggregation;
            DSAAutoTargetPerformanceReportRequest => DSAAutoTargetPerformanceReportColumn : time : aggregation;
            DSACategoryPerformanceReportRequest => DSACategoryPerformanceReportColumn : time : aggregation;
            HotelDimensionPerformanceReportRequest => HotelDimensionPerformanceReportColumn : time : aggregation;
            HotelGroupPerformanceReportRequest => HotelGroupPerformanceReportColumn : time : aggregation;
            AssetGroupPerformanceReportRequest => AssetGroupPerformanceReportColumn : time : aggregation;
            SearchInsightPerformanceReportRequest => SearchInsightPerformanceReportColumn : time : aggregation;
            AssetPerformanceReportRequest => AssetPerformanceReportColumn : time : aggregation;
            CategoryInsightsReportRequest => CategoryInsightsReportColumn : time;
            CategoryClickCoverageReportRequest => CategoryClickCoverageReportColumn : time;
            CombinationPerformanceReportRequest => CombinationPerformanceReportColumn : time : aggregation;
            AppsPerformanceReportRequest => AppsPerformanceReportColumn : time : aggregation;
            FeedItemPerformanceReportRequest => FeedItemPerformanceReportColumn : time : aggregation;
            TravelQueryInsightReportRequest => TravelQueryInsightReportColumn : time;
            BidStrategyReportRequest => BidStrategyReportColumn : time : aggregation;
            MSClickIdPerformanceReportRequest => MSClickIdPerformanceReportColumn : time : aggregation;
            MMMPerformanceReportRequest => MMMPerformanceReportColumn : time : aggregation;
            SearchTermLandingPageReportRequest => SearchTermLandingPageReportColumn : time : aggregation;
        }
    };
}

pub(crate) use for_each_report_type;
