# Correos de Fairhire: asuntos y etiquetas, en español.
# Written by the Fairhire team from the English, machine-assisted; not reviewed by
# a native speaker. Have a native speaker review it before relying on it.

## Roles
role-admin = Administrador
role-officer = Responsable de cumplimiento
role-advisor = Asesor
role-supplier = Proveedor

## Gravedad de un hallazgo
severity-priority = Prioritario
severity-major = Mayor
severity-minor = Menor

## Asuntos
subject-invitation = { $company_name } le invita a unirse a Fairhire
subject-assessment_sent = { $company_name } le ha enviado un cuestionario: { $questionnaire_title }
subject-assessment_reminder =
    { $overdue ->
        [yes] Vencido: { $questionnaire_title } para { $company_name }
       *[no] Recordatorio: { $questionnaire_title } vence { $days ->
            [0] hoy
            [1] mañana
           *[other] en { $days } días
        }
    }
subject-assessment_returned = Se solicitan cambios: { $questionnaire_title } para { $company_name }
subject-findings_priority = Hallazgos prioritarios en { $supplier_name }: se requiere contención inmediata
subject-findings_digest =
    Resumen de hallazgos de { $company_name }: { $total ->
        [1] 1 nuevo
       *[other] { $total } nuevos
    } el { $day }
subject-action_reminder =
    { $overdue ->
        [yes] Acción correctiva vencida en { $supplier_name }: { $finding_title }
       *[no] Acción correctiva que vence { $days ->
            [0] hoy
            [1] mañana
           *[other] en { $days } días
        } en { $supplier_name }: { $finding_title }
    }
subject-fee_audit_processed = Auditoría de comisiones procesada para { $supplier_name }
subject-report_ready = Su informe sobre { $supplier_name } está listo
subject-evidence_pack_ready = Su paquete de pruebas sobre { $supplier_name } está listo
subject-webhook_disabled = Se desactivó un webhook de { $company_name }
subject-password_reset = Restablezca su contraseña de Fairhire
subject-voice_urgent = Informe urgente de un trabajador en { $supplier_name }
subject-screening_hit = { $subject_name } se parece a un nombre de la lista { $list_name }
