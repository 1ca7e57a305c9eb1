//! Where the workers' pulse contradicts what the supplier declared in its
//! questionnaire, a finding is raised for a person to review: open, not
//! confirmed, source `worker_pulse`, once per supplier and contradiction. The
//! scoring floors do not read it until someone acts on it: a pulse is a signal,
//! not evidence.
//!
//! A contradiction needs the channel's [`MIN_ANSWERS`](super::MIN_ANSWERS) answers
//! and at least [`SHARE_PERCENT`] % of them saying the opposite of the supplier's
//! latest submitted questionnaire (the standard SAQ's keys below; a questionnaire
//! without the key contradicts nothing).

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::{CONTRACT_MATCHES, DORMITORY_FREE, PAID_FEE, PASSPORT_HOLDER, Question, aggregate::Tally};
use crate::{
    assessments::status,
    audit::{self, AuditEntry},
    clock,
    entities::{assessment, finding, voice_channel},
    error::DomainError,
};

/// The share of answers, in percent, from which the pulse contradicts the
/// questionnaire: one worker in five.
pub const SHARE_PERCENT: u64 = 20;

/// The finding's source.
pub const SOURCE: &str = "worker_pulse";

/// One rule: the questionnaire answer it doubts and the pulse answers that doubt it.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// The SAQ question key.
    pub saq_question: &'static str,
    /// The SAQ answer the pulse contradicts.
    pub saq_answer: &'static str,
    /// The pulse question.
    pub pulse: Question,
    /// The pulse options that say the opposite.
    pub pulse_options: &'static [&'static str],
    /// The finding's indicator.
    pub indicator: &'static str,
    /// One severity for one fact (questionnaire-format.md, model 2, rule 5).
    pub severity: &'static str,
    /// Zero tolerance, by the same rule.
    pub zero_tolerance: bool,
    /// The finding's title.
    pub title: &'static str,
}

/// The contradictions looked for.
pub const RULES: [Rule; 4] = [
    Rule {
        saq_question: "fees.workers_paid_any",
        saq_answer: "no",
        pulse: PAID_FEE,
        pulse_options: &["yes"],
        indicator: "recruitment_fees",
        severity: "priority",
        zero_tolerance: false,
        title: "Workers say they paid to get the job; the questionnaire says no worker paid",
    },
    Rule {
        saq_question: "docs.held",
        saq_answer: "no",
        pulse: PASSPORT_HOLDER,
        pulse_options: &["employer", "agent"],
        indicator: "retention_of_identity_documents",
        severity: "priority",
        zero_tolerance: true,
        title: "Workers say the employer or agent holds their passport; the questionnaire says no documents are kept",
    },
    Rule {
        saq_question: "movement.leave_premises",
        saq_answer: "yes",
        pulse: DORMITORY_FREE,
        pulse_options: &["no"],
        indicator: "restriction_of_movement",
        severity: "major",
        zero_tolerance: false,
        title: "Workers say they are not free to leave their housing; the questionnaire says they are",
    },
    Rule {
        saq_question: "contracts.substitution",
        saq_answer: "no",
        pulse: CONTRACT_MATCHES,
        pulse_options: &["no"],
        indicator: "deception",
        severity: "priority",
        zero_tolerance: true,
        title: "Workers say the job is not what they were promised; the questionnaire says no contract was substituted",
    },
];

/// Whether `tally` contradicts a questionnaire that answered `saq` to the rule's
/// question.
pub fn contradicts(rule: &Rule, saq: Option<&serde_json::Value>, tally: &Tally) -> bool {
    let declared = saq.and_then(serde_json::Value::as_str) == Some(rule.saq_answer);
    let opposite = tally.count(rule.pulse, rule.pulse_options);
    declared && tally.answers > 0 && opposite * 100 >= SHARE_PERCENT * tally.answers
}

/// Raises a finding for each contradiction of `channel`'s pulse that has none yet.
pub async fn raise_new<C: ConnectionTrait>(
    db: &C,
    channel: &voice_channel::Model,
) -> Result<Vec<finding::Model>, DomainError> {
    let Some(tally) = super::aggregate::tally(db, channel.id).await? else {
        return Ok(Vec::new());
    };
    let Some(saq) = assessment::Entity::find()
        .filter(assessment::Column::SupplierId.eq(channel.supplier_id))
        .filter(assessment::Column::Status.is_in([status::SUBMITTED, status::SCORED, status::APPROVED]))
        .order_by_desc(assessment::Column::SubmittedAt)
        .one(db)
        .await?
    else {
        return Ok(Vec::new());
    };
    let answers = crate::assessments::load_answers(db, saq.id).await?;
    let mut raised = Vec::new();
    for rule in &RULES {
        if !contradicts(rule, answers.get(rule.saq_question), &tally) {
            continue;
        }
        let known = finding::Entity::find()
            .filter(finding::Column::SupplierId.eq(channel.supplier_id))
            .filter(finding::Column::Source.eq(SOURCE))
            .filter(finding::Column::QuestionKey.eq(rule.saq_question))
            .one(db)
            .await?
            .is_some();
        if known {
            continue;
        }
        raised.push(raise(db, channel, &saq, rule, &tally).await?);
    }
    Ok(raised)
}

async fn raise<C: ConnectionTrait>(
    db: &C,
    channel: &voice_channel::Model,
    saq: &assessment::Model,
    rule: &Rule,
    tally: &Tally,
) -> Result<finding::Model, DomainError> {
    let now = clock::now();
    let opposite = tally.count(rule.pulse, rule.pulse_options);
    let row = finding::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(channel.company_id),
        supplier_id: Set(channel.supplier_id),
        assessment_id: Set(Some(saq.id)),
        fee_audit_id: Set(None),
        severity: Set(rule.severity.into()),
        zero_tolerance: Set(rule.zero_tolerance),
        indicator: Set(rule.indicator.into()),
        question_key: Set(Some(rule.saq_question.into())),
        title: Set(rule.title.into()),
        detail: Set(format!(
            "Worker pulse: {opposite} of {} answers to \"{}\" chose {}; the supplier's questionnaire answered {} \"{}\". To be reviewed before it counts.",
            tally.answers,
            rule.pulse.key,
            rule.pulse_options.join(" or "),
            rule.saq_question,
            rule.saq_answer
        )),
        status: Set(crate::findings::status::OPEN.into()),
        source: Set(SOURCE.into()),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        // Raised by a rule from anonymous answers: a reviewer confirms it.
        confirmed_at: Set(None),
        confirmed_by: Set(None),
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(row.company_id),
            actor_user_id: None,
            action: "finding.created",
            entity_type: "finding",
            entity_id: Some(row.id),
            before: None,
            after: Some(serde_json::json!({
                "severity": row.severity, "indicator": row.indicator, "source": SOURCE,
                "question_key": row.question_key, "channel_id": channel.id
            })),
        },
    )
    .await?;
    Ok(row)
}

#[cfg(test)]
mod tests {
    use super::{super::aggregate::OptionCount, super::aggregate::QuestionCounts, *};

    fn tally(answers: u64, paid: u64) -> Tally {
        Tally {
            answers,
            questions: vec![QuestionCounts {
                question: "paid_fee",
                options: vec![
                    OptionCount {
                        option: "yes",
                        count: paid,
                    },
                    OptionCount {
                        option: "no",
                        count: answers - paid,
                    },
                ],
            }],
        }
    }

    #[test]
    fn one_in_five_contradicting_a_declared_answer_is_a_contradiction() {
        let fees = &RULES[0];
        let no = serde_json::json!("no");
        assert!(contradicts(fees, Some(&no), &tally(5, 1)));
        assert!(!contradicts(fees, Some(&no), &tally(6, 1)));
        assert!(!contradicts(fees, Some(&serde_json::json!("yes")), &tally(5, 5)));
        assert!(!contradicts(fees, None, &tally(5, 5)));
    }

    #[test]
    fn every_rule_names_a_known_indicator_and_a_shipped_saq_question() -> Result<(), serde_json::Error> {
        let saq: serde_json::Value = serde_json::from_str(include_str!(
            "../../../data/questionnaires/ethical-recruitment-saq.v2.json"
        ))?;
        let text = saq.to_string();
        for rule in &RULES {
            assert!(
                crate::reference::is_indicator(rule.indicator),
                "{}",
                rule.indicator
            );
            assert!(
                text.contains(&format!("\"key\":\"{}\"", rule.saq_question)),
                "{}",
                rule.saq_question
            );
            assert!(
                text.contains(&format!("\"value\":\"{}\"", rule.saq_answer)),
                "{}",
                rule.saq_answer
            );
        }
        Ok(())
    }
}
