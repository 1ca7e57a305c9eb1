use std::fmt;

/// What a person may do in an organization (api-contract.md, "Roles and tenants").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Registered the company; manages users.
    Admin,
    /// Compliance officer: everything of the company.
    Officer,
    /// External reviewer: reads everything, reviews, edits findings and actions.
    Advisor,
    /// A user of one supplier.
    Supplier,
}

impl Role {
    /// Parses the stored or submitted name.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "admin" => Some(Self::Admin),
            "officer" => Some(Self::Officer),
            "advisor" => Some(Self::Advisor),
            "supplier" => Some(Self::Supplier),
            _ => None,
        }
    }

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Officer => "officer",
            Self::Advisor => "advisor",
            Self::Supplier => "supplier",
        }
    }

    /// Officers and admins manage the company's suppliers, webhooks and data.
    pub fn manages_company(self) -> bool {
        matches!(self, Self::Admin | Self::Officer)
    }

    /// Admins, officers and advisors read everything of the company.
    pub fn reads_company(self) -> bool {
        matches!(self, Self::Admin | Self::Officer | Self::Advisor)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The two kinds of tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrganizationKind {
    /// A buyer running audits.
    Company,
    /// A supplier of exactly one company.
    Supplier,
}

impl OrganizationKind {
    /// Parses the stored name.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "company" => Some(Self::Company),
            "supplier" => Some(Self::Supplier),
            _ => None,
        }
    }

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Company => "company",
            Self::Supplier => "supplier",
        }
    }
}
