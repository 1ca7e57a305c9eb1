# Rapports de conseil Fairhire (PDF) : tous les libellés, en français.
# Written by the Fairhire team from the English, machine-assisted; not reviewed by
# a native speaker. Have a native speaker review it before relying on it.

## Labels
title = Rapport de conseil sur le recrutement éthique
page_of = page { $n } sur { $total }
confidential = Confidentiel : établi pour le client indiqué et le fournisseur évalué. Ne pas diffuser sans l’accord du client. Il ne contient aucun nom de travailleur ; les travailleurs sont désignés par des références pseudonymes.
client = Client
supplier = Fournisseur
country = Pays
sector = Secteur
date = Date
advisor = Conseiller
questionnaire = Version du questionnaire
model = Version du modèle de notation
contents = Sommaire
summary = Synthèse
risk_band = Niveau de risque
score = Score
components = Composantes du score (0–100 ; plus c’est élevé, plus le risque est grand)
practice = Pratiques du fournisseur
inherent = Risque inhérent (pays et secteur)
fee = Frais de recrutement
red_flags = Signaux d’alerte
zero_tolerance_tag = tolérance zéro
zero_tolerance = Constats de tolérance zéro
fee_headline = Frais de recrutement en bref
workers_paid = Travailleurs ayant payé des frais
outstanding = Restant dû (USD)
median_months = Médiane des mois de salaire payés
max_months = Maximum de mois de salaire payés
no_fee_audit = Aucun audit des frais n’a été déposé pour ce fournisseur.
priorities = Actions prioritaires
scope = Périmètre et méthode
scope_text = Ce rapport s’appuie sur le questionnaire d’auto-évaluation du fournisseur ({ $questionnaire }), sur les constats enregistrés par l’équipe du client et ses conseillers et, s’il a été déposé, sur un audit des frais de recrutement par travailleur. Les réponses n’ont pas toutes été vérifiées sur place ; lorsque des preuves manquent, le rapport le signale. Le score global combine les pratiques du fournisseur, le risque inhérent de son pays et de son secteur et, s’ils ont été audités, les frais payés par les travailleurs (modèle de notation { $model }) ; un constat prioritaire ou de tolérance zéro ouvert relève le niveau quel que soit le score.
standards = Normes de référence : principes généraux et directives opérationnelles de l’OIT concernant le recrutement équitable et définition des commissions de recrutement et frais connexes (2019) ; indicateurs du travail forcé de l’OIT ; norme IRIS ; principe « l’employeur paie ».
inherent_title = Contexte et risque inhérent
country_risk = Risque pays
sector_risk = Risque sectoriel
overridden = fixé par le client
sources = Sources
# Scoring model 2 in words. es/fr written from the English by an AI assistant
# (the engineer who wrote them); not yet reviewed by a native speaker.
risk_context = { $country } × { $sector } : { $level } ({ $value } / 100)
inherent_level_low = risque inhérent faible
inherent_level_medium = risque inhérent moyen
inherent_level_high = risque inhérent élevé
inherent_level_critical = risque inhérent critique
origin_risk = Origine des travailleurs (risque d’origine)
why_band = Pourquoi ce niveau
floor_high_inherent_risk = Le contexte est à haut risque (risque inhérent { $value } / 100) : une auto-évaluation seule ne le rend jamais faible, le niveau est donc au moins { $band }.
floor_ilo_indicators = Les constats graves ouverts montrent { $count } indicateurs de travail forcé de l’OIT ({ $indicators }). L’OIT reconnaît le travail forcé à la combinaison d’indicateurs, le niveau est donc au moins { $band }.
floor_priority_finding = Un constat prioritaire ouvert ({ $findings }) fixe le niveau à au moins { $band }.
floor_zero_tolerance = Un constat ouvert de tolérance zéro ({ $findings }) rend le niveau { $band }, quel que soit le score.
floor_raised = Cela a relevé le niveau au-delà de ce que donne le score seul.
findings = Constats
findings_by_severity = Constats par gravité
no_findings = Aucun constat n’a été enregistré.
severity = Gravité
status = Statut
evidence = Preuves
finding = Constat
question = Question
source = Origine
fees_title = Audit des frais et remédiation
workers = Travailleurs audités
total_fees = Total des frais payés (USD)
reimbursed = Remboursé avant l’audit (USD)
debt_risk = Travailleurs exposés à la servitude pour dettes
by_category = Frais par catégorie (USD)
by_recruiter = Frais par recruteur
recruiter = Recruteur
paid_count = Travailleurs ayant payé
distribution = Mois de salaire payés en frais, par travailleur ayant payé
months = mois de salaire
cost_title = Indicateur du coût du recrutement (comparable à l’ODD 10.7.1)
cost_note = Ce que les travailleurs ont payé pour leur recrutement, hors intérêts d’emprunt, rapporté à ce qu’ils gagnent en un mois à destination : la moyenne sur tous les travailleurs audités, ceux qui n’ont rien payé comptant pour 0. Il suit la forme de l’indicateur 10.7.1 des ODD, calculé sur les travailleurs de cet audit ; ce n’est pas la statistique officielle.
cost_overall = Tous les travailleurs audités
cost_column = Mois de revenus
corridor = Corridor
sex = Sexe
sex_female = Femme
sex_male = Homme
sex_other = Autre
sex_unknown = Non renseigné
stale_rates = Certains montants ont été convertis avec un taux de change antérieur de plus de 31 jours à la date du paiement ou de l’embauche :
stale_rate = { $currency } : taux du { $used } utilisé pour le { $wanted }
workers_axis = Nombre de travailleurs par tranche de mois de salaire
repayment = Avancement des remboursements
repaid = Remboursé depuis l’audit (USD)
remaining = Encore dû (USD)
still_owed = Travailleurs encore créanciers
settled = Tous les travailleurs ont été remboursés.
recommendations = Recommandations
containment = Mesures immédiates
corrective = Actions correctives
prevention = Prévention systémique
cap = Plan d’actions correctives
action = Action
owner = Responsable
due = Échéance
no_actions = Aucune action corrective n’a encore été enregistrée.
annex = Annexe
answers = Réponses données
answer = Réponse
method = Méthode
glossary = Glossaire
unassigned = non attribué

## Stored values
value-low = faible
value-medium = moyen
value-high = élevé
value-critical = critique
value-priority = prioritaire
value-major = majeur
value-minor = mineur
value-observation = observation
value-open = ouvert
value-in_progress = en cours
value-closed = clos
value-done = fait
value-verified = vérifié
value-scoring = questionnaire
value-fee_audit = audit des frais
value-manual = ajouté par un évaluateur
value-recruitment_fee = Commission de recrutement
value-medical = Frais médicaux
value-insurance = Assurance
value-skills_test = Tests de compétences
value-training = Formation
value-equipment = Équipement
value-travel_lodging = Voyage et hébergement
value-administrative = Frais administratifs
value-illegitimate = Illégitimes
value-loan_interest = Intérêts d’emprunt
value-other = Autres
value-none = Aucun

## Dates
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
# French writes the first of the month "1er".
date-long =
    { $day ->
        [1] 1er
       *[other] { $day }
    } { $month } { $year }

## Glossary (annex): term and meaning
glossary-employer-pays = Principe « l’employeur paie »
glossary-employer-pays-meaning = Aucun travailleur ne doit payer pour un emploi ; l’employeur assume le coût complet du recrutement.
glossary-months-of-wages = Mois de salaire
glossary-months-of-wages-meaning = Frais payés par un travailleur divisés par son salaire mensuel contractuel (indicateur ODD 10.7.1).
glossary-red-flag = Signal d’alerte
glossary-red-flag-meaning = Une réponse qui signale à elle seule un risque de travail forcé ; elle donne lieu à un constat.
glossary-zero-tolerance = Tolérance zéro
glossary-zero-tolerance-meaning = Une pratique qui doit cesser immédiatement (p. ex. confiscation des passeports) ; le niveau reste critique tant qu’elle perdure.

## Systemic prevention, the same for every supplier (ethical-recruitment.md §6.7)
prevention-contracts = Inscrire le principe « l’employeur paie » dans chaque contrat de recruteur, avec droit d’audit et de résiliation.
prevention-recruiters = Recourir à des recruteurs vérifiés ou certifiés IRIS et prévoir au budget le coût complet du recrutement.
prevention-grievance = Offrir aux travailleurs un canal confidentiel, dans leur langue, pour signaler les frais et autres abus sans représailles.
