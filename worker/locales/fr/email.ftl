# E-mails Fairhire : objets et libellés, en français.
# Written by the Fairhire team from the English, machine-assisted; not reviewed by
# a native speaker. Have a native speaker review it before relying on it.

## Rôles
role-admin = Administrateur
role-officer = Responsable conformité
role-advisor = Conseiller
role-supplier = Fournisseur

## Gravité d’un constat
severity-priority = Prioritaire
severity-major = Majeur
severity-minor = Mineur

## Objets
subject-invitation = { $company_name } vous invite à rejoindre Fairhire
subject-assessment_sent = { $company_name } vous a envoyé un questionnaire : { $questionnaire_title }
subject-assessment_reminder =
    { $overdue ->
        [yes] En retard : { $questionnaire_title } pour { $company_name }
       *[no] Rappel : { $questionnaire_title } arrive à échéance { $days ->
            [0] aujourd'hui
            [1] demain
           *[other] dans { $days } jours
        }
    }
subject-assessment_returned = Modifications demandées : { $questionnaire_title } pour { $company_name }
subject-findings_priority = Constats prioritaires chez { $supplier_name } : mesures immédiates requises
subject-findings_digest =
    Synthèse des constats de { $company_name } : { $total ->
        [1] 1 nouveau
       *[other] { $total } nouveaux
    } le { $day }
subject-action_reminder =
    { $overdue ->
        [yes] Action corrective en retard chez { $supplier_name } : { $finding_title }
       *[no] Action corrective à échéance { $days ->
            [0] aujourd'hui
            [1] demain
           *[other] dans { $days } jours
        } chez { $supplier_name } : { $finding_title }
    }
subject-fee_audit_processed = Audit des frais de recrutement traité pour { $supplier_name }
subject-report_ready = Votre rapport sur { $supplier_name } est prêt
subject-evidence_pack_ready = Votre dossier de preuves sur { $supplier_name } est prêt
subject-webhook_disabled = Un webhook de { $company_name } a été désactivé
subject-password_reset = Réinitialisez votre mot de passe Fairhire
subject-voice_urgent = Signalement urgent d’un travailleur chez { $supplier_name }
subject-screening_hit = { $subject_name } ressemble à un nom de la liste { $list_name }
