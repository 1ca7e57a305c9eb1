# Fairhire emails: subjects and labels, in English. Written by the Fairhire team.
# The bodies are askama templates (worker/templates/email/<key>/). Every message
# here must exist in es/ and fr/ (worker/src/email/templates/labels.rs tests check it).
# Subjects are one line: line breaks and runs of spaces become one space.

## Roles (who the reader is, and the role an invitation gives)
role-admin = Administrator
role-officer = Compliance officer
role-advisor = Advisor
role-supplier = Supplier

## A finding's severity
severity-priority = Priority
severity-major = Major
severity-minor = Minor

## Subjects, by template key
subject-invitation = You are invited to Fairhire by { $company_name }
subject-assessment_sent = { $company_name } sent you a questionnaire: { $questionnaire_title }
subject-assessment_reminder =
    { $overdue ->
        [yes] Overdue: { $questionnaire_title } for { $company_name }
       *[no] Reminder: { $questionnaire_title } is due { $days ->
            [0] today
            [1] tomorrow
           *[other] in { $days } days
        }
    }
subject-assessment_returned = Changes requested: { $questionnaire_title } for { $company_name }
subject-findings_priority = Priority findings at { $supplier_name }: containment needed now
subject-findings_digest = Findings digest for { $company_name }: { $total } new on { $day }
subject-action_reminder =
    { $overdue ->
        [yes] Overdue corrective action at { $supplier_name }: { $finding_title }
       *[no] Corrective action due { $days ->
            [0] today
            [1] tomorrow
           *[other] in { $days } days
        } at { $supplier_name }: { $finding_title }
    }
subject-fee_audit_processed = Fee audit processed for { $supplier_name }
subject-report_ready = Your report on { $supplier_name } is ready
subject-evidence_pack_ready = Your evidence pack on { $supplier_name } is ready
subject-webhook_disabled = A webhook of { $company_name } was disabled
subject-password_reset = Reset your Fairhire password
subject-voice_urgent = Urgent worker report at { $supplier_name }
subject-screening_hit = { $subject_name } resembles a name on the { $list_name }
