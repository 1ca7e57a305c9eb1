//! The areas each regime asks a statement to cover, in the law's order, each with
//! the provision it comes from and the public page it was read on (2026-12-05).
//! Nothing here is from memory: an area whose source could not be found says so
//! in its section (the Canadian questionnaire's substantive questions).

use crate::error::DomainError;

/// UK: Modern Slavery Act 2015, s.54(5)(a)–(f), read on legislation.gov.uk. The
/// Home Office statutory guidance (issued under s.54(9)) groups the same six
/// areas as organisational structure, policies, due diligence, assessing and
/// managing risk, monitoring and evaluation, and training (as summarised at
/// <https://mfmac.com/insights/corporate/updated-guidance-what-to-include-in-a-modern-slavery-statement>).
const UK_ACT: &str = "https://legislation.gov.uk/ukpga/2015/30/part/6";
const UK_GUIDANCE: &str =
    "https://mfmac.com/insights/corporate/updated-guidance-what-to-include-in-a-modern-slavery-statement";
/// Australia: Modern Slavery Act 2018 (Cth), s.16(1)(a)–(g) "Mandatory criteria".
const AU_ACT: &str = "https://zoelaw.ai/legislation/modern-slavery-act-2018/sections/16";
const AU_LIST: &str = "https://rouselawyers.com.au/modern-slavery-your-obligations-as-a-business/";
/// Canada: Fighting Against Forced Labour and Child Labour in Supply Chains Act,
/// s.11(1) (the steps) and s.11(3) (the seven further areas), as listed in the
/// Ontario Bar Association's article and Public Safety Canada's guidance.
const CA_ACT: &str = "https://oba.org/Sections/Business-Law/Articles/Business-Beat/Articles-2024/June-2024/Supply-Chain-Transparency-Reporting-in-Canada-Has?lang=fr-ca";
const CA_GUIDANCE: &str =
    "https://publicsafety.gc.ca/cnt/cntrng-crm/frcd-lbr-cndn-spply-chns/prpr-rprt-en.aspx";
const CA_QUESTIONS: &str =
    "https://www.publicsafety.gc.ca/cnt/cntrng-crm/frcd-lbr-cndn-spply-chns/sbmt-rprt-en.aspx";

/// A statement regime.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regime {
    /// UK Modern Slavery Act 2015, s.54.
    UkMsa,
    /// Australia Modern Slavery Act 2018, s.16.
    AuMsa,
    /// Canada's Supply Chains Act (S-211), s.11, and the online questionnaire.
    CaS211,
}

/// Which figures a section shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figures {
    /// The company's legal name and the period.
    Identity,
    /// Suppliers on record.
    Suppliers,
    /// Assessments sent in the period, by status.
    Assessments,
    /// Findings of the period by severity and ILO indicator, and confirmed
    /// list-screening hits.
    Risks,
    /// Corrective actions, and the fee audits' workers who paid.
    Remediation,
    /// Corrective actions closed and worker-voice reports answered.
    Effectiveness,
    /// None: the platform holds nothing for this area.
    None,
}

/// One area of a regime.
#[derive(Debug, Clone, Copy)]
pub struct Area {
    /// The section key.
    pub key: &'static str,
    /// The catalog key of its title.
    pub title: &'static str,
    /// The provision.
    pub provision: &'static str,
    /// Where it was read.
    pub url: &'static str,
    /// What the platform can count for it.
    pub figures: Figures,
}

const fn area(
    key: &'static str,
    title: &'static str,
    provision: &'static str,
    url: &'static str,
    figures: Figures,
) -> Area {
    Area {
        key,
        title,
        provision,
        url,
        figures,
    }
}

const UK: &[Area] = &[
    area(
        "structure",
        "title-structure",
        "Modern Slavery Act 2015 s.54(5)(a); Home Office guidance: organisational structure",
        UK_ACT,
        Figures::Suppliers,
    ),
    area(
        "policies",
        "title-policies",
        "Modern Slavery Act 2015 s.54(5)(b); Home Office guidance: policies",
        UK_ACT,
        Figures::None,
    ),
    area(
        "due_diligence",
        "title-due_diligence",
        "Modern Slavery Act 2015 s.54(5)(c); Home Office guidance: due diligence",
        UK_ACT,
        Figures::Assessments,
    ),
    area(
        "risk",
        "title-risk",
        "Modern Slavery Act 2015 s.54(5)(d); Home Office guidance: assessing and managing risk",
        UK_ACT,
        Figures::Risks,
    ),
    area(
        "effectiveness",
        "title-effectiveness",
        "Modern Slavery Act 2015 s.54(5)(e); Home Office guidance: monitoring and evaluation",
        UK_GUIDANCE,
        Figures::Effectiveness,
    ),
    area(
        "training",
        "title-training",
        "Modern Slavery Act 2015 s.54(5)(f); Home Office guidance: training",
        UK_ACT,
        Figures::None,
    ),
];

const AU: &[Area] = &[
    area(
        "identity",
        "title-identity",
        "Modern Slavery Act 2018 (Cth) s.16(1)(a)",
        AU_LIST,
        Figures::Identity,
    ),
    area(
        "operations",
        "title-operations",
        "Modern Slavery Act 2018 (Cth) s.16(1)(b)",
        AU_LIST,
        Figures::Suppliers,
    ),
    area(
        "risks",
        "title-risks",
        "Modern Slavery Act 2018 (Cth) s.16(1)(c)",
        AU_ACT,
        Figures::Risks,
    ),
    area(
        "actions",
        "title-actions",
        "Modern Slavery Act 2018 (Cth) s.16(1)(d)",
        AU_ACT,
        Figures::Remediation,
    ),
    area(
        "assessing_effectiveness",
        "title-assessing_effectiveness",
        "Modern Slavery Act 2018 (Cth) s.16(1)(e)",
        AU_LIST,
        Figures::Effectiveness,
    ),
    area(
        "consultation",
        "title-consultation",
        "Modern Slavery Act 2018 (Cth) s.16(1)(f)",
        AU_LIST,
        Figures::None,
    ),
    area(
        "other",
        "title-other",
        "Modern Slavery Act 2018 (Cth) s.16(1)(g)",
        AU_LIST,
        Figures::None,
    ),
];

const CA: &[Area] = &[
    area(
        "steps",
        "title-steps",
        "Fighting Against Forced Labour and Child Labour in Supply Chains Act s.11(1)",
        CA_ACT,
        Figures::Assessments,
    ),
    area(
        "structure",
        "title-ca_structure",
        "Supply Chains Act s.11(3): structure, activities and supply chains",
        CA_ACT,
        Figures::Suppliers,
    ),
    area(
        "policies",
        "title-ca_policies",
        "Supply Chains Act s.11(3): policies and due diligence processes",
        CA_ACT,
        Figures::None,
    ),
    area(
        "risk",
        "title-ca_risk",
        "Supply Chains Act s.11(3): parts at risk and steps to assess and manage it",
        CA_ACT,
        Figures::Risks,
    ),
    area(
        "remediation",
        "title-remediation",
        "Supply Chains Act s.11(3): remediation of forced or child labour",
        CA_ACT,
        Figures::Remediation,
    ),
    area(
        "income",
        "title-income",
        "Supply Chains Act s.11(3): remediation of the loss of income to the most vulnerable families",
        CA_ACT,
        Figures::None,
    ),
    area(
        "training",
        "title-ca_training",
        "Supply Chains Act s.11(3): training provided to employees",
        CA_ACT,
        Figures::None,
    ),
    area(
        "effectiveness",
        "title-ca_effectiveness",
        "Supply Chains Act s.11(3): how effectiveness is assessed",
        CA_GUIDANCE,
        Figures::Effectiveness,
    ),
    area(
        "questionnaire",
        "title-questionnaire",
        "Public Safety Canada online questionnaire, questions 2 and 3 (identifying information)",
        CA_QUESTIONS,
        Figures::Identity,
    ),
];

impl Regime {
    /// Every regime, in the order the portal offers them.
    pub const ALL: [Regime; 3] = [Regime::UkMsa, Regime::AuMsa, Regime::CaS211];

    /// Parses `uk_msa`, `au_msa` or `ca_s211`.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == raw)
            .ok_or_else(|| DomainError::invalid("regime", "must be one of uk_msa, au_msa, ca_s211"))
    }

    /// The stored key.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::UkMsa => "uk_msa",
            Self::AuMsa => "au_msa",
            Self::CaS211 => "ca_s211",
        }
    }

    /// The areas, in the law's order.
    pub fn areas(self) -> &'static [Area] {
        match self {
            Self::UkMsa => UK,
            Self::AuMsa => AU,
            Self::CaS211 => CA,
        }
    }
}
