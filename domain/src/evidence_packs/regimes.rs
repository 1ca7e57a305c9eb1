//! The two regimes a pack answers, and what their authorities ask, each point
//! with the public text it was read from. Only what those texts say is stated.

use crate::error::DomainError;

/// An authority's regime.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regime {
    /// US Uyghur Forced Labor Prevention Act: CBP applicability reviews (and,
    /// by the same documents, withhold release orders under 19 U.S.C. § 1307).
    Uflpa,
    /// EU Forced Labour Regulation, Regulation (EU) 2024/3015.
    EuFlr,
}

/// One thing the authority asks for, where it was read, and the pack's
/// section that answers it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Ask {
    /// What is asked, in English (the authorities' own language of the texts).
    pub what: String,
    /// The public text it comes from.
    pub source: String,
    /// The key of the pack's section that answers it.
    pub answered_in: String,
}

const CBP_FAQ: &str = "CBP, UFLPA enforcement FAQs and Best Practices for Applicability Reviews (23 February 2023), as summarised at https://www.thompsonhinesmartrade.com/2023/03/cbp-releases-new-uflpa-guidance-on-applicability-review-submissions/ and https://www.strtrade.com/trade-news-resources/str-trade-report/trade-report/march/cbp-issues-guidance-on-best-practices-for-uflpa-applicability-reviews";
const CBP_SUMMARY: &str = "CBP, Guidance on Executive Summaries and Sample Tables of Contents (23 February 2023), as summarised at https://www.internationaltradeinsights.com/2023/02/cbp-releases-new-resources-for-uflpa-enforcement-applicability-reviews/";
const EU_ART2: &str = "Regulation (EU) 2024/3015, Article 2(3) (\"due diligence in relation to forced labour\"), https://eur-lex.europa.eu/eli/reg/2024/3015/oj (text read at https://eumonitor.eu/9353000/1/j4nvhdfcs8bljza_j9vvik7m1c3gyxp/vlwcky4uwkxl)";
const EU_DATES: &str = "Regulation (EU) 2024/3015, published OJ 12 December 2024, applicable from 14 December 2027 (https://garrigues.com/en_GB/new/official-journal-european-union-publishes-regulation-prohibiting-products-made-forced-labor)";

impl Regime {
    /// Parses the stored or typed key; `Invalid` on `regime` otherwise.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        match raw.trim() {
            "uflpa" => Ok(Self::Uflpa),
            "eu_flr" => Ok(Self::EuFlr),
            _ => Err(DomainError::invalid("regime", "must be one of uflpa, eu_flr")),
        }
    }

    /// As stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Uflpa => "uflpa",
            Self::EuFlr => "eu_flr",
        }
    }

    /// The authority the pack is addressed to.
    pub fn authority(self) -> &'static str {
        match self {
            Self::Uflpa => "U.S. Customs and Border Protection (CBP)",
            Self::EuFlr => "EU competent authority under Regulation (EU) 2024/3015",
        }
    }

    /// What the authority asks, and where the pack answers it.
    pub fn asks(self) -> Vec<Ask> {
        let ask = |what: &str, source: &str, answered_in: &str| Ask {
            what: what.to_string(),
            source: source.to_string(),
            answered_in: answered_in.to_string(),
        };
        match self {
            Self::Uflpa => vec![
                ask(
                    "An executive summary with an annotated list of the documents and a summary of how each step of the supply chain is connected",
                    CBP_SUMMARY,
                    "summary",
                ),
                ask(
                    "A table of contents organising the submission",
                    CBP_SUMMARY,
                    "contents",
                ),
                ask(
                    "Documents showing every party involved in the sourcing, manufacture, manipulation, transport or export of the good, with a summary of each party's role and a flow chart of the supply chain",
                    CBP_FAQ,
                    "parties",
                ),
                ask(
                    "Supply-chain records tracing the origin of the inputs (transaction records, packing lists, bills of lading); records of payment and transport of raw materials",
                    CBP_FAQ,
                    "evidence",
                ),
            ],
            Self::EuFlr => vec![
                ask(
                    "What the economic operator did to identify, prevent, mitigate or bring to an end the use of forced labour with respect to its products (due diligence in relation to forced labour)",
                    EU_ART2,
                    "assessments",
                ),
                ask(
                    "Applies to every economic operator, whatever its size, for products placed or made available on the Union market or exported, from 14 December 2027",
                    EU_DATES,
                    "parties",
                ),
            ],
        }
    }
}
